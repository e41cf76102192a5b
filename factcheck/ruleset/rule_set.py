"""The loaded rule set: every rule file's lexicon validated by its family's model, and the checks.

Each family's lexicon is a pydantic model with `extra="forbid"`, so a misspelt key is an error that names
the file and the field. Regular expressions are compiled once, here, and reused for every article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from factcheck.models import Severity
from factcheck.ruleset.files import (
    Rule,
    RuleFile,
    RuleFileError,
    default_rules_dir,
    read_rule_file_bytes,
    validate_lexicon,
)
from factcheck.ruleset.lexicons import FAMILIES
from factcheck.ruleset.quantity_lexicon import QuantityLexicon


class RuleSet:
    """Every rule file, validated; `rules` maps a check's id to its Rule.

    The quantity lexicon may be validated on first use (`deferred`): building it costs a unit registry and many
    regular expressions, which a command that extracts nothing never needs. Only rule files that validated
    before are deferred (see `load_ruleset`)."""

    def __init__(
        self,
        files: dict[str, tuple[Path, RuleFile]],
        lexicons: dict[str, object],
        deferred: dict[str, tuple[Path, dict]] | None = None,
        digest: str = "",
    ) -> None:
        self.files = files
        self.lexicons = lexicons
        self.deferred = dict(deferred or {})  # family -> (path, lexicon data) still to validate
        self.digest = digest  # of the rule files' bytes
        self.rules: dict[str, Rule] = {}
        self.rule_family: dict[str, str] = {}
        for family, (_, rf) in sorted(files.items()):
            for rule in rf.rules:
                self.rules[rule.id] = rule
                self.rule_family[rule.id] = family

    boilerplate = property(lambda self: self.lexicons["boilerplate"])
    entities = property(lambda self: self.lexicons["entities"])
    metrics = property(lambda self: self.lexicons["metrics"])
    superlatives = property(lambda self: self.lexicons["superlatives"])
    dates = property(lambda self: self.lexicons["dates"])
    numbers = property(lambda self: self.lexicons["numbers"])

    @property
    def quantities(self) -> object:
        if "quantities" not in self.lexicons:
            path, data = self.deferred.pop("quantities")
            self.lexicons = {**self.lexicons, "quantities": validate_lexicon(path, QuantityLexicon, data)}
        return self.lexicons["quantities"]

    def severity(self, rule_id: str) -> Severity:
        return self.rules[rule_id].severity

    def message(self, rule_id: str, **values: object) -> str:
        template = self.rules[rule_id].message
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template


def files_digest(files: dict[str, tuple[Path, RuleFile]], texts: dict[Path, bytes]) -> str:
    """A digest of the rule files in use (family, then bytes) and of the package version."""
    from factcheck import __version__

    h = hashlib.sha256(__version__.encode() + b"\0")
    for family, (path, _) in sorted(files.items()):
        h.update(family.encode() + b"\0" + texts.get(path, b"") + b"\0")
    return h.hexdigest()


def load_ruleset(extra_dirs: list[Path] | None = None, validated: Callable[[str], bool] | None = None) -> RuleSet:
    """Load the shipped rules, then any extra folders (a file of the same family replaces the shipped one).

    `validated(digest)` says that rule files with this digest (`RuleSet.digest`) validated before, in this
    version: then the quantity lexicon is validated when first used, not now."""
    dirs = [default_rules_dir(), *(extra_dirs or [])]
    files: dict[str, tuple[Path, RuleFile]] = {}
    texts: dict[Path, bytes] = {}
    errors: list[str] = []
    for d in dirs:
        if not d.is_dir():
            errors.append(f"{d}: rules folder not found")
            continue
        for path in sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml")):
            try:
                rf, texts[path] = read_rule_file_bytes(path)
            except RuleFileError as exc:
                errors.append(str(exc))
                continue
            if rf.family not in FAMILIES:
                errors.append(f"{path}: family: unknown family {rf.family!r} (known: {', '.join(sorted(FAMILIES))})")
                continue
            files[rf.family] = (path, rf)
    digest = files_digest(files, texts)
    defer = validated is not None and not errors and set(FAMILIES) <= set(files) and validated(digest)
    lexicons: dict[str, object] = {}
    deferred: dict[str, tuple[Path, dict]] = {}
    for family, model in FAMILIES.items():
        if family not in files:
            errors.append(f"rules: no rule file of family {family!r}")
            continue
        path, rf = files[family]
        if model is None and defer:
            deferred[family] = (path, rf.lexicon)
            continue
        if model is None:
            model = QuantityLexicon
        try:
            lexicons[family] = validate_lexicon(path, model, rf.lexicon, validated=defer)
        except RuleFileError as exc:
            errors.append(str(exc))
    ids: dict[str, Path] = {}
    for path, rf in files.values():
        for rule in rf.rules:
            if rule.id in ids:
                errors.append(f"{path}: rules: duplicate rule id {rule.id!r} (also in {ids[rule.id]})")
            ids[rule.id] = path
    if errors:
        raise RuleFileError("\n".join(errors))
    return RuleSet(files, lexicons, deferred, digest)
