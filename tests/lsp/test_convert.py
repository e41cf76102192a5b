"""Findings in the editor's terms (factcheck/lsp/convert.py): ranges in the client's units, the diagnostic's
fields, the hover's table and the ignore comment's edit."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from factcheck.gate import GateFinding, Place
from factcheck.lsp.convert import diagnostic, flagged, hover_markdown, ignore_edit, place_range, split_lines

UTF16 = PositionCodec(types.PositionEncodingKind.Utf16)
UTF32 = PositionCodec(types.PositionEncodingKind.Utf32)


def _finding(place: Place, others: list[Place] | None = None, severity: str = "error") -> GateFinding:
    return GateFinding(
        id="F1",
        kind="numeric_disagreement",
        rule="numeric_disagreement",
        severity=severity,  # type: ignore[arg-type]
        message="Sources disagree on Acme revenue: $5 billion (draft:2); $7 billion (other:4).",
        place=place,
        others=others or [],
        fingerprint="f" * 32,
    )


def _span(r: types.Range) -> tuple[int, int, int, int]:
    return (r.start.line, r.start.character, r.end.line, r.end.character)


def test_lines_split_as_load_splits_them() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\u2028b") == ["a\u2028b"]  # not a line break in the LSP, nor for `load`


def test_a_claim_range_counts_utf16_units_before_it() -> None:
    lines = ["# Title", "The 🚀 launch cost $5 billion, the firm said."]
    column = lines[1].index("$5") + 1
    place = Place(path="d.md", line=2, column=column, text="$5 billion", quote=lines[1])
    assert _span(place_range(lines, place, UTF32)) == (1, column - 1, 1, column - 1 + 10)
    assert _span(place_range(lines, place, UTF16)) == (1, column, 1, column + 10)  # the rocket is two units


def test_a_claim_that_runs_over_a_line_break_ends_on_the_next_line() -> None:
    lines = ["Acme will invest up to $5", "billion in the grid."]
    place = Place(path="d.md", line=1, column=18, text="up to $5 billion", quote=" ".join(lines))
    assert _span(place_range(lines, place, UTF16)) == (0, 17, 1, 7)


def test_a_finding_about_a_line_covers_the_line() -> None:
    comment = "<!-- factcheck: ignore no_such_rule -->"
    place = Place(path="d.md", line=1, text=comment, quote=comment)
    assert _span(place_range([comment, "Text."], place, UTF16)) == (0, 0, 0, len(comment))


def test_places_past_the_end_are_clamped() -> None:
    place = Place(path="d.md", line=9, column=40, text="$5 billion", quote="q")
    assert _span(place_range(["short"], place, UTF16)) == (0, 5, 0, 5)


def test_the_diagnostic_carries_severity_rule_message_and_the_other_sources() -> None:
    other = Place(
        path="articles/a.md", line=4, column=12, text="$7 billion", quote="Acme made $7 billion.", relation="claim"
    )
    evidence = Place(path="articles/b.md", line=2, quote="Acme said so.", relation="related")
    finding = _finding(Place(path="d.md", line=2, column=5, text="$5 billion", quote="q"), [other, evidence])
    where = types.Range(start=types.Position(line=1, character=4), end=types.Position(line=1, character=14))
    d = diagnostic(finding, where)
    assert (d.severity, d.code, d.source, d.message) == (
        types.DiagnosticSeverity.Error,
        "numeric_disagreement",
        "factcheck",
        finding.message,
    )
    assert d.range == where
    related = d.related_information or []
    assert [r.location.uri.rsplit("/", 2)[-2:] for r in related] == [["articles", "a.md"], ["articles", "b.md"]]
    assert _span(related[0].location.range) == (3, 11, 3, 21)
    assert related[0].message == "$7 billion (claim): Acme made $7 billion."
    assert related[1].message == "(related) Acme said so."


@pytest.mark.parametrize(
    ("severity", "expected"),
    [("error", types.DiagnosticSeverity.Error), ("warning", types.DiagnosticSeverity.Warning),
     ("info", types.DiagnosticSeverity.Information)],
)  # fmt: skip
def test_severities_map_to_the_lsp_ones(severity: str, expected: types.DiagnosticSeverity) -> None:
    finding = _finding(Place(path="d.md", line=1, text="x", quote="x y"), severity=severity)
    assert diagnostic(finding, place_range(["x y"], finding.place, UTF16)).severity == expected


def test_the_hover_shows_each_source_claim_and_quote() -> None:
    other = Place(path="articles/a.md", line=4, text="$7 billion", quote="Acme | Co made $7 billion.", relation="claim")
    finding = _finding(Place(path="d.md", line=2, text="$5 billion", quote="Acme made $5 billion."), [other])
    text = hover_markdown([finding])
    assert "`numeric_disagreement`" in text and finding.message in text
    assert "| this draft, line 2 | $5 billion | Acme made $5 billion. |" in text
    assert "| `articles/a.md:4` | $7 billion | Acme \\| Co made $7 billion. |" in text


def test_flagged_findings_know_their_range() -> None:
    text = "Title\n\nAcme made $5 billion last year.\n"
    finding = _finding(
        Place(path="d.md", line=3, column=11, text="$5 billion", quote="Acme made $5 billion last year.")
    )
    (f,) = flagged([finding], text, UTF16)
    assert _span(f.range) == (2, 10, 2, 20)
    assert f.contains(types.Position(line=2, character=15))
    assert not f.contains(types.Position(line=2, character=21))


DRAFT = "# Title\n\nFirst line of a paragraph\nAcme made $5 billion.\n\n- a list item with $3 billion\n"


def _apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    offset = sum(len(x) + 1 for x in lines[: start.line]) + start.character
    stop = sum(len(x) + 1 for x in lines[: end.line]) + end.character
    return text[:offset] + edit.new_text + text[stop:]


def test_the_ignore_comment_goes_above_the_paragraph() -> None:
    edit = ignore_edit(DRAFT, 3, "numeric_disagreement", UTF16)
    assert edit is not None
    assert _apply(DRAFT, edit).split("\n")[2:5] == [
        "<!-- factcheck: ignore numeric_disagreement -->",
        "First line of a paragraph",
        "Acme made $5 billion.",
    ]


def test_an_ignore_comment_already_there_gets_the_rule_added() -> None:
    text = DRAFT.replace("\nFirst line", "\n<!-- factcheck: ignore hedge_mismatch -->\nFirst line")
    edit = ignore_edit(text, 4, "numeric_disagreement", UTF16)
    assert edit is not None
    assert _apply(text, edit).split("\n")[2] == "<!-- factcheck: ignore hedge_mismatch numeric_disagreement -->"
    assert ignore_edit(_apply(text, edit), 4, "numeric_disagreement", UTF16) is None  # ignored already
    everything = DRAFT.replace("\nFirst line", "\n<!-- factcheck: ignore -->\nFirst line")
    assert ignore_edit(everything, 4, "numeric_disagreement", UTF16) is None


def test_no_ignore_comment_in_front_matter_or_on_a_blank_line() -> None:
    text = "---\ntitle: Acme made $5 billion\n---\nAcme made $5 billion.\n"
    assert ignore_edit(text, 1, "numeric_disagreement", UTF16) is None
    edit = ignore_edit(text, 3, "numeric_disagreement", UTF16)
    assert edit is not None and edit.range.start.line == 3  # below the front matter, not inside it
    assert ignore_edit(DRAFT, 1, "numeric_disagreement", UTF16) is None


def test_the_ignore_comment_keeps_the_line_ending_and_indentation() -> None:
    text = "Intro.\r\n\r\n  indented $5 billion\r\n"
    edit = ignore_edit(text, 2, "numeric_disagreement", UTF16)
    assert edit is not None
    assert edit.new_text == "  <!-- factcheck: ignore numeric_disagreement -->\r\n"
    assert edit.range.start.line == 2
