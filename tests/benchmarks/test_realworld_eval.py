"""benchmarks/evaluate.py: its reading of gold.yaml, its matching of report findings to gold entries and its
mutations, on a tiny invented event written here (not from real articles)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.evaluate import Analysed, evaluate, main
from benchmarks.realworld_gold import figure_span, locate, mutated_line, read_gold, scaled

FRONT = '---\ntitle: "{title}"\noutlet: "{outlet}"\ndate: 2021-03-02\n---\n\n# {title}\n\n'
ARTICLES = {
    "01_ledger": (
        "Acme buys Widget Corp",
        "The Ledger",
        "Acme Industries has agreed to buy Widget Corp for $120 million, the companies said on Tuesday.\n\n"
        "Widget Corp employs 300 people at its plant in Dayton, the company said.\n\n"
        "Widget Corp is the largest maker of blue widgets in Ohio.\n",
    ),
    "02_courier": (
        "Acme to acquire Widget Corp",
        "The Courier",
        "Acme Industries has agreed to buy Widget Corp for $120 million, the two companies announced on Tuesday.\n\n"
        "Widget Corp employs 450 people at its plant in Dayton.\n",
    ),
    "03_gazette": (
        "Widget Corp sold to Acme",
        "The Gazette",
        "Acme Industries has agreed to buy Widget Corp for $120 million, the buyer said.\n\n"
        "The deal values each of Widget Corp's 300 employees at $400,000.\n",
    ),
}
FACTS = """\
event: acme-widget
facts:
  - id: price
    what: "the price Acme pays for Widget Corp"
    agree: true
    values:
      - {source: 01_ledger, says: "$120 million"}
      - {source: 02_courier, says: "$120 million"}
      - {source: 03_gazette, says: "$120 million", line: "the buyer said"}
  - id: staff
    what: "Widget Corp's workforce"
    agree: false
    values:
      - {source: 01_ledger, says: "300 people"}
      - {source: 02_courier, says: "450 people"}
      - {source: 03_gazette, says: "300 employees"}
"""
STAFF = """\
  - rule: numeric_disagreement
    fact: staff
    between: [01_ledger, 02_courier]
    why: "300 people against 450"
"""
STAFF_TRAP = """\
  - rule: numeric_disagreement
    sources: [01_ledger, 02_courier]
    says: ["300 people", "450 people"]
    why: "(pretend) two counts of different things"
"""
SUPERLATIVE = """\
  - rule: unsupported_exclusivity
    source: 01_ledger
    says: "the largest maker of blue widgets"
    why: "no one else says so"
"""
PER_HEAD = """\
  - rule: numeric_disagreement
    sources: [03_gazette]
    says: ["$400,000", "$120 million"]
    why: "a value per employee is not the price"
"""


def write_event(root: Path, findings: str = "", traps: str = "", optional: str = "") -> Path:
    folder = root / "acme-widget"
    folder.mkdir(parents=True)
    for name, (title, outlet, body) in ARTICLES.items():
        (folder / f"{name}.md").write_text(FRONT.format(title=title, outlet=outlet) + body, encoding="utf-8")
    gold = FACTS
    for key, text in (("findings", findings), ("traps", traps), ("optional", optional)):
        gold += f"{key}:\n{text}" if text else f"{key}: []\n"
    (folder / "gold.yaml").write_text(gold, encoding="utf-8")
    return folder


# -- figures and mutations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "want"),
    [
        ("198", "297"),
        ("1,801", "2,701"),
        ("33.8", "50.7"),
        ("54.20", "81.30"),
        ("1", "2"),  # 1.5 rounds down to 1: bumped, a mutation always changes the figure
        ("793", "1,189"),
        ("2021", "2022"),  # a year moves by one
        ("2,021", "3,031"),
        ("2200", "3300"),
        ("five", "seven"),
        ("Eight", "Twelve"),
        ("twenty-one", "thirty-one"),
    ],
)
def test_scaled_keeps_the_style(figure: str, want: str) -> None:
    assert scaled(figure) == want


@pytest.mark.parametrize(
    ("line", "says", "want"),
    [
        ("a fee worth £198m, the club said", "£198m", "a fee worth £297m, the club said"),
        ("Labour won 33.8% of the vote", "33.8%", "Labour won 50.7% of the vote"),
        ("at least 1,801 injured and 12 missing", "1,801 injured", "at least 2,701 injured and 12 missing"),
        ("on a five-year deal", "five-year deal", "on a seven-year deal"),
    ],
)
def test_mutated_line_changes_only_the_figure(line: str, says: str, want: str) -> None:
    (loc,) = locate([line], "s", says)
    new, moved = mutated_line(line, loc)
    assert new == want
    figure = line[loc.fig_start : loc.fig_end]
    assert new[moved.start : moved.end] == says.replace(figure, scaled(figure), 1)
    assert new[moved.fig_start : moved.fig_end] == scaled(figure)


def test_figure_is_the_leading_number() -> None:
    assert figure_span("88 of the 275 bodies") == (0, 2)
    assert figure_span("rose on Monday to 278") == (18, 21)
    assert figure_span("over eight years") == (5, 10)
    assert figure_span("On Monday") is None


def test_locate_uses_the_line_hint_and_number_boundaries() -> None:
    lines = ["title: 175 dead", "", "1,175 injured and 175 dead", "175 dead, officials said"]
    assert [loc.line for loc in locate(lines, "s", "175 dead")] == [1, 3, 4]
    (loc,) = locate(lines, "s", "175 dead", "officials")
    assert loc.line == 4
    (loc,) = locate(lines[2:3], "s", "175")  # not the 175 of 1,175
    assert lines[2][loc.start : loc.end] == "175" and loc.start == 18
    (loc,) = locate(["It’s “Big”"], "s", 'it\'s "big"')  # folded: case and curly quotes
    assert loc.start == 0


# -- matching on a hand-made report ------------------------------------------------------------------------------


def claim(doc: str, line: int, column: int, text: str, n: int) -> dict[str, Any]:
    return {"id": f"{doc}:{line}:{n}", "document": doc, "line": line, "column": column, "text": text, "quote": ""}


def fake_report(folder: Path, findings: list[dict[str, Any]]) -> Analysed:
    docs = [{"id": name, "path": str(folder / f"{name}.md")} for name in ARTICLES]
    claims = [
        claim("01_ledger", 11, 21, "300 people", 1),
        claim("02_courier", 11, 21, "450 people", 1),
        claim("03_gazette", 11, 39, "300 employees", 1),
        claim("03_gazette", 11, 56, "$400,000", 2),
        claim("03_gazette", 9, 51, "$120 million", 3),
        claim("01_ledger", 13, 16, "the largest maker of blue widgets in Ohio", 2),
    ]
    facts = [{"id": "f1", "claims": [c["id"] for c in claims[:3]]}, {"id": "f2", "claims": [claims[3]["id"]]}]
    return Analysed({"documents": docs, "claims": claims, "facts": facts, "findings": findings})


def finding(rule: str, *claims: str, severity: str = "error") -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "claims": list(claims), "related": [], "evidence": []}


def test_a_disagreement_between_the_annotated_sources_raises_the_gold_finding(tmp_path: Path) -> None:
    gold = read_gold(write_event(tmp_path, findings=STAFF + SUPERLATIVE))
    staff, superlative = gold.findings
    report = fake_report(gold.folder, [])
    both = finding("numeric_disagreement", "02_courier:11:1", "01_ledger:11:1")
    one_side = finding("numeric_disagreement", "02_courier:11:1", "03_gazette:11:2")
    other_rule = finding("hedge_mismatch", "02_courier:11:1", "01_ledger:11:1", severity="warning")
    update = finding("temporal_update", "02_courier:11:1", "01_ledger:11:1", severity="info")
    assert report.matches(both, staff) and report.matches(update, staff)  # an update is the same finding, labelled
    assert not report.matches(one_side, staff)  # the $400,000 is on the Gazette's line, but not in `between`
    assert not report.matches(other_rule, staff) and report.matches(other_rule, staff, any_rule=True)
    # superlative and exclusivity are one family; the claim must sit on the `says` text of `source`
    assert report.matches(finding("unsupported_superlative", "01_ledger:13:2", severity="warning"), superlative)
    assert not report.matches(finding("unsupported_superlative", "01_ledger:11:1"), superlative)


def test_a_claim_is_matched_by_its_figure_not_by_its_sentence(tmp_path: Path) -> None:
    gold = read_gold(write_event(tmp_path, traps=PER_HEAD))
    report = fake_report(gold.folder, [])
    gazette_staff = next(v for f in gold.facts if f.id == "staff" for v in f.values if v.source == "03_gazette")
    (loc,) = gazette_staff.locations
    assert report.at(loc) == {"03_gazette:11:1"}  # not the $400,000 in the same sentence
    (trap,) = gold.traps
    assert report.matches(finding("numeric_disagreement", "03_gazette:11:2", "03_gazette:9:3"), trap)
    assert not report.matches(finding("numeric_disagreement", "03_gazette:11:2", "03_gazette:11:1"), trap)


def test_gold_problems_are_reported_not_raised(tmp_path: Path) -> None:
    folder = write_event(tmp_path)
    text = (folder / "gold.yaml").read_text(encoding="utf-8")
    text = text.replace('says: "450 people"', 'says: "451 people"').replace('03_gazette, says: "300', '04_x, says: "3')
    (folder / "gold.yaml").write_text(text, encoding="utf-8")
    problems = read_gold(folder).problems
    assert any("'451 people' not found in 02_courier.md" in p for p in problems)
    assert any("no article file for source '04_x'" in p for p in problems)


# -- the whole evaluation on the tiny event (factcheck runs) ------------------------------------------------------


def test_evaluate_counts_a_raised_finding_and_aligned_agreement(tmp_path: Path) -> None:
    write_event(tmp_path, findings=STAFF, traps=PER_HEAD)
    result = evaluate(tmp_path)
    (event,) = result["events"]
    assert event["articles"] == 3
    assert (event["findings_wanted"], event["raised"], event["recall"]) == (1, 1, 1.0)
    assert event["misses"] == []
    assert event["traps_fired"] == 0
    assert (event["agreements_aligned"], event["agreements_stated"]) == (3, 3)
    assert result["total"]["raised"] == 1 and result["unreadable"] == []
    # the superlative, annotated nowhere, is a loud false alarm
    assert [a["rule"] for a in event["false_alarms"]] == ["unsupported_superlative"]
    assert event["false_alarms"][0]["claims"][0]["where"] == "01_ledger:13"


def test_evaluate_counts_a_fired_trap_as_a_false_alarm(tmp_path: Path) -> None:
    write_event(tmp_path, traps=STAFF_TRAP)
    (event,) = evaluate(tmp_path / "acme-widget")["events"]  # an event folder itself is accepted too
    assert event["findings_wanted"] == 0 and event["recall"] is None
    assert event["traps_fired"] == 1
    staff = [a for a in event["false_alarms"] if a["rule"] == "numeric_disagreement"]
    assert len(staff) == 1 and staff[0]["trap"] and event["loud_false_alarms"] == 2


def test_optional_findings_are_neither_wanted_nor_false_alarms(tmp_path: Path) -> None:
    write_event(tmp_path, optional=STAFF + SUPERLATIVE)
    (event,) = evaluate(tmp_path)["events"]
    assert event["findings_wanted"] == 0 and event["loud_false_alarms"] == 0


def test_mutations_of_an_agreed_figure_are_caught(tmp_path: Path) -> None:
    write_event(tmp_path, findings=STAFF)
    (event,) = evaluate(tmp_path, mutations=True)["events"]
    assert (event["mutations"], event["mutations_skipped"]) == (3, 0)
    assert event["mutations_caught"] == 3, event["mutations_missed"]
    assert "$120 million" in (tmp_path / "acme-widget" / "01_ledger.md").read_text(encoding="utf-8")  # untouched


def test_the_command_prints_a_table_or_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_event(tmp_path, findings=STAFF)
    assert main([str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert "| acme-widget | 3 | 1 | 1 | 100% |" in text
    assert main([str(tmp_path), "--json", "--event", "acme-widget"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["recall"] == 1.0 and data["total"]["mutations"] is None
    assert main([str(tmp_path / "nowhere")]) == 2


def test_an_unknown_rule_in_gold_is_noted(tmp_path: Path) -> None:
    write_event(tmp_path, findings=STAFF.replace("numeric_disagreement", "numeric_disagrement"))
    (event,) = evaluate(tmp_path)["events"]
    assert "unknown rule 'numeric_disagrement'" in event["gold_problems"]
    assert event["raised"] == 0 and len(event["misses"]) == 1
