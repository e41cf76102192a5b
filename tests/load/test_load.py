"""Stage 1: front matter by content, dates, line roles, offsets and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.extract.sentences import sentences
from factcheck.load import load, parse_document
from factcheck.ruleset.rule_set import RuleSet

FRONT = (
    '---\ntitle: "Acme buys Beta"\ndescription: "Acme pays $2 billion."\ndate: 2024-05-02\ntags: [a, b]\n---\n'
    "\nBody text here.\n"
)


def test_front_matter_is_found_by_content(ruleset: RuleSet) -> None:
    doc = parse_document("story.txt", FRONT, ruleset.boilerplate)
    assert doc.title == "Acme buys Beta" and doc.date == "2024-05-02"
    roles = [ln.role for ln in doc.lines]
    assert roles[:7] == ["front_matter", "title", "description", "front_matter", "front_matter", "front_matter", "body"]


def test_title_and_description_are_read_at_their_own_lines(ruleset: RuleSet) -> None:
    doc = parse_document("story.txt", FRONT, ruleset.boilerplate)
    sents = sentences(doc)
    assert (sents[0].line, sents[0].text) == (2, "Acme buys Beta")
    assert (sents[1].line, sents[1].text) == (3, "Acme pays $2 billion.")
    start, end = sents[1].file_span(10, 21)
    assert doc.text[start:end] == "$2 billion."[:11]


@pytest.mark.parametrize("text", ["---\ntitle: [unclosed\n---\nBody.\n", "---\n- just\n- a list\n---\nBody.\n"])
def test_bad_front_matter_is_a_warning_and_the_body_is_read(ruleset: RuleSet, text: str) -> None:
    doc = parse_document("bad.md", text, ruleset.boilerplate)
    assert doc.warnings and "bad.md:" in doc.warnings[0]
    assert doc.lines[-2].role == "body"


@pytest.mark.parametrize(
    ("first", "date", "title"),
    [
        ("date 2026-03-11 Acme has a new chief", "2026-03-11", "Acme has a new chief"),
        (" date 2026-03-11", "2026-03-11", None),
        ("Date: 2025-01-02 Headline here", "2025-01-02", "Headline here"),
    ],
)
def test_leading_date_line(ruleset: RuleSet, first: str, date: str, title: str | None) -> None:
    doc = parse_document("d.txt", first + "\nThe story begins here with a sentence.\n", ruleset.boilerplate)
    assert doc.date == date
    assert doc.title == title


def test_no_date_is_null(ruleset: RuleSet) -> None:
    assert parse_document("d.txt", "Acme said on March 9, 2026 that it grew.\n", ruleset.boilerplate).date is None


def test_teasers_navigation_and_newsletters_are_marked(ruleset: RuleSet) -> None:
    text = (
        "Skip to main content\n\nHeadline Of The Story\n\nAcme raised $5 million.\n\nEnjoyed this article?\n\n"
        "Subscribe to our newsletter for weekly news.\n\nRelated Articles\n\nBeta raised $9 million.\n"
    )
    doc = parse_document("page.txt", text, ruleset.boilerplate)
    roles = {ln.text: ln.role for ln in doc.lines if ln.text}
    assert roles["Skip to main content"] == "boilerplate"
    assert roles["Enjoyed this article?"] == "boilerplate"
    assert roles["Subscribe to our newsletter for weekly news."] == "boilerplate"
    assert roles["Related Articles"] == "boilerplate"
    assert roles["Beta raised $9 million."] == "teaser"
    assert roles["Acme raised $5 million."] == "body"
    assert doc.title == "Headline Of The Story"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_numbers_survive_other_line_endings(ruleset: RuleSet, newline: str) -> None:
    doc = parse_document("w.txt", newline.join(["one", "two", "Acme raised $5 million."]), ruleset.boilerplate)
    assert doc.lines[2].number == 3 and doc.lines[2].text == "Acme raised $5 million."


def test_list_labels_and_headings(ruleset: RuleSet) -> None:
    doc = parse_document("l.md", "## Money\n- **Acme**: $5 million\n1. Plain item\n", ruleset.boilerplate)
    assert [ln.role for ln in doc.lines[:3]] == ["heading", "list_item", "list_item"]
    assert doc.lines[1].label == "Acme" and doc.lines[1].heading == "Money"


def test_missing_binary_and_bad_utf8(ruleset: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Acme raised $5 million.\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 raised $5 million.\n".encode("latin-1"))
    (tmp_path / "bom.md").write_bytes("\ufeffAcme raised $5 million.\n".encode())
    (tmp_path / "utf16.txt").write_bytes("Acme raised $5 million.\n".encode("utf-16"))
    result = load([tmp_path, tmp_path / "missing.txt"], ruleset.boilerplate)
    assert sorted(Path(d.path).name for d in result.documents) == ["bom.md", "good.txt", "latin.txt", "utf16.txt"]
    # found while walking a folder: a warning; named explicitly and missing: an error
    assert any("bin.txt: binary file" in w for w in result.warnings)
    assert any("missing.txt: no such file" in e for e in result.errors)
    assert any("latin.txt: invalid UTF-8 at byte 3" in w for w in result.warnings)
    bom = next(d for d in result.documents if d.path.endswith("bom.md"))
    assert bom.lines[0].text.startswith("Acme")


def test_inputs_are_never_modified(ruleset: RuleSet, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"Acme raised $5 million.\r\n")
    before = f.stat().st_mtime_ns, f.read_bytes()
    load([f], ruleset.boilerplate)
    assert (f.stat().st_mtime_ns, f.read_bytes()) == before
