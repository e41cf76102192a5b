"""Every rule file: it validates, its examples behave, and its data is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extract import extract_document
from factcheck.extract.corpus import assemble
from factcheck.extract.quantities import extract_quantities
from factcheck.load import parse_document
from factcheck.models import Report
from factcheck.pipeline import analyse
from factcheck.ruleset.files import RuleFileError, default_rules_dir, read_rule_file
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

RULE_FILES = sorted(default_rules_dir().glob("*.yaml"))
FINDING_KINDS = {
    "numeric_disagreement",
    "hedge_mismatch",
    "arithmetic_mismatch",
    "conversion_mismatch",
    "unsupported_superlative",
    "contradicted_claim",
    "date_disagreement",
    "temporal_update",
    "unknown_directive_rule",
}


def corpus_report(example: str | list[str], ruleset: RuleSet) -> Report:
    texts = [example] if isinstance(example, str) else example
    docs = [parse_document(f"example-{i}.txt", t, ruleset.boilerplate) for i, t in enumerate(texts)]
    return analyse(docs, ruleset)


def rule_examples() -> list[tuple[str, str | list[str], bool]]:
    cases = []
    for path in RULE_FILES:
        for rule in read_rule_file(path).rules:
            cases += [
                pytest.param(rule.id, ex, True, id=f"{rule.id}-match-{i}") for i, ex in enumerate(rule.examples.match)
            ]
            cases += [
                pytest.param(rule.id, ex, False, id=f"{rule.id}-no_match-{i}")
                for i, ex in enumerate(rule.examples.no_match)
            ]
    return cases


@pytest.mark.parametrize(("rule_id", "example", "should_fire"), rule_examples())
def test_rule_examples(ruleset: RuleSet, rule_id: str, example: str | list[str], should_fire: bool) -> None:
    report = corpus_report(example, ruleset)
    fired = [f for f in report.findings if f.rule == rule_id]
    assert bool(fired) == should_fire, [f.message for f in report.findings]


def test_every_rule_has_examples_and_a_known_kind(ruleset: RuleSet) -> None:
    assert ruleset.rules, "no rules loaded"
    for rid, rule in ruleset.rules.items():
        assert rule.examples.match and rule.examples.no_match, rid
        assert rule.description.strip() and rule.message.strip(), rid


def test_rule_ids_map_to_finding_kinds(ruleset: RuleSet) -> None:
    # a rule id is a finding kind, or a variant of one (unsupported_exclusivity reports unsupported_superlative,
    # and unit_conversion_mismatch reports conversion_mismatch)
    assert set(ruleset.rules) - {"unsupported_exclusivity", "unit_conversion_mismatch"} <= FINDING_KINDS


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_lexicon_lists_have_no_duplicates(path: Path) -> None:
    def walk(node: object, where: str) -> None:
        if isinstance(node, list) and all(isinstance(x, str) for x in node):
            seen = [x.casefold() for x in node]
            dups = {x for x in seen if seen.count(x) > 1}
            assert not dups, f"{path.name}: {where}: duplicates {sorted(dups)}"
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    walk(read_rule_file(path).lexicon, "lexicon")


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_file_has_examples(path: Path) -> None:
    rf = read_rule_file(path)
    assert rf.rules or rf.examples, f"{path.name} has neither rules nor examples"


def _lexicon_examples(family: str) -> list:
    path = next(p for p in RULE_FILES if read_rule_file(p).family == family)
    ex = read_rule_file(path).examples
    assert ex is not None
    return [pytest.param(e, True, id=f"match-{i}") for i, e in enumerate(ex.match)] + [
        pytest.param(e, False, id=f"no_match-{i}") for i, e in enumerate(ex.no_match)
    ]


@pytest.mark.parametrize(("line", "expected"), _lexicon_examples("boilerplate"))
def test_boilerplate_examples(ruleset: RuleSet, line: str, expected: bool) -> None:
    doc = parse_document("x.txt", "Opening paragraph of the story.\n\n" + line + "\n", ruleset.boilerplate)
    assert (doc.lines[2].role in ("boilerplate", "teaser")) == expected


@pytest.mark.parametrize(("text", "expected"), _lexicon_examples("entities"))
def test_entity_examples(ruleset: RuleSet, text: str, expected: bool) -> None:
    extract = extract_document(parse_document("x.txt", text, ruleset.boilerplate), ruleset)
    corpus, _ = assemble([extract], ruleset)
    assert bool(corpus.finder.mentions(text, corpus.index)) == expected


@pytest.mark.parametrize(("text", "expected"), _lexicon_examples("metrics"))
def test_metric_examples(ruleset: RuleSet, text: str, expected: bool) -> None:
    report = corpus_report(text, ruleset)
    cued = [
        c
        for c in report.claims
        if c.kind == "quantity"
        and c.metric in ruleset.metrics.by_name
        and not ruleset.metrics.by_name[c.metric].default_for
    ]
    assert bool(cued) == expected


@pytest.mark.parametrize(("text", "expected"), _lexicon_examples("quantities"))
def test_quantity_examples(ruleset: RuleSet, text: str, expected: bool) -> None:
    assert bool(extract_quantities(text, ruleset.quantities)) == expected


# -- malformed rule files name the file and the field -------------------------------------------


def _write(tmp_path: Path, name: str, data: object) -> Path:
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return d


def test_unknown_key_is_reported_with_file_and_field(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "numbers.yaml",
        {
            "family": "numbers",
            "description": "x",
            "lexicon": {"rates_date": "2025-01-01", "usd_per_unit": {"USD": 1.0}, "bogus": 1},
        },
    )
    with pytest.raises(RuleFileError) as err:
        load_ruleset([d])
    assert "numbers.yaml: lexicon.bogus" in str(err.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    d = _write(tmp_path, "broken.yaml", "family: numbers\ndescription: [unclosed\n")
    with pytest.raises(RuleFileError) as err:
        load_ruleset([d])
    assert "broken.yaml:" in str(err.value)


def test_bad_severity_and_regex_are_reported(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "dates.yaml",
        {
            "family": "dates",
            "description": "x",
            "lexicon": {"events": {"deal": ["("]}},
            "rules": [
                {
                    "id": "date_disagreement",
                    "severity": "fatal",
                    "message": "m",
                    "description": "d",
                    "examples": {"match": ["a"], "no_match": ["b"]},
                }
            ],
        },
    )
    with pytest.raises(RuleFileError) as err:
        load_ruleset([d])
    text = str(err.value)
    assert "dates.yaml: rules.0.severity" in text


def test_a_regex_that_does_not_compile_is_an_error(tmp_path: Path) -> None:
    src = read_rule_file(default_rules_dir() / "boilerplate.yaml").model_dump()
    src["lexicon"]["navigation"] = ["(unclosed"]
    d = _write(tmp_path, "boilerplate.yaml", src)
    with pytest.raises(RuleFileError) as err:
        load_ruleset([d])
    assert "boilerplate.yaml: lexicon.navigation" in str(err.value)
