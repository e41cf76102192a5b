"""The rules: `rules/*.yaml` read, validated and compiled into one `RuleSet`.

In: the shipped rules folder and any `--rules DIR` (a file of the same family replaces the shipped one).
Out: a `RuleSet` holding each family's checks (id, severity, message, examples) and lexicons (units, hedges,
metric cues, superlative words, boilerplate patterns). A file that cannot be used raises `RuleFileError`,
whose message names the file and the field. Rule-file patterns run under `saferegex` (time-limited); YAML is
read by `yamlsafe` (libyaml where that is safe). Every other stage takes the `RuleSet` as an argument.
"""

from factcheck.ruleset.files import RuleFileError, default_rules_dir, read_rule_file
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

__all__ = ["RuleFileError", "RuleSet", "default_rules_dir", "load_ruleset", "read_rule_file"]
