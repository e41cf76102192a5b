"""Hostile files: every case decodes or is refused with a message naming the file, and line numbers stay right."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from factcheck.extract.sentences import sentences
from factcheck.load import MAX_BYTES, load, parse_document, strip_html
from factcheck.load import documents as load_mod
from factcheck.pipeline import analyse, run
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"


def _one(ruleset: RuleSet, name: str):
    result = load([CORPUS / name], ruleset.boilerplate)
    assert not result.errors, result.errors
    [doc] = result.documents
    return doc, result


def _claims(ruleset: RuleSet, doc) -> dict[str, tuple[int, float | None]]:
    report = analyse([doc], ruleset)
    return {c.text: (c.line, c.value) for c in report.claims if c.kind == "quantity"}


def test_binary_file_named_is_an_error_and_found_in_a_folder_a_warning(ruleset: RuleSet, tmp_path: Path) -> None:
    named = load([CORPUS / "binary.txt"], ruleset.boilerplate)
    assert named.errors == [f"{CORPUS / 'binary.txt'}: binary file (NUL byte at offset 8), skipped"]
    (tmp_path / "img.txt").write_bytes((CORPUS / "binary.txt").read_bytes())
    (tmp_path / "ok.txt").write_text("Acme raised $5 million.\n", encoding="utf-8")
    walked = load([tmp_path], ruleset.boilerplate)
    assert not walked.errors and [Path(d.path).name for d in walked.documents] == ["ok.txt"]
    assert any("img.txt: binary file" in w for w in walked.warnings)


def test_invalid_utf8_is_replaced_with_a_warning_naming_file_and_offset(ruleset: RuleSet) -> None:
    doc, result = _one(ruleset, "invalid_utf8.txt")
    assert result.warnings == [
        f"{CORPUS / 'invalid_utf8.txt'}: invalid UTF-8 at byte 3; undecodable bytes replaced with U+FFFD"
    ]
    assert doc.lines[0].text.startswith("Caf\ufffd")
    assert _claims(ruleset, doc)["$7 million"] == (2, 7_000_000)


@pytest.mark.parametrize("name", ["bom.md", "utf16le.txt", "utf16be.txt"])
def test_bom_and_utf16(ruleset: RuleSet, name: str) -> None:
    doc, result = _one(ruleset, name)
    assert not result.warnings
    assert not doc.text.startswith("\ufeff")
    line = 1 if name == "bom.md" else 2
    assert _claims(ruleset, doc)["$5 million"] == (line, 5_000_000)


def test_utf16_with_a_dangling_byte_is_replaced_not_a_crash(ruleset: RuleSet) -> None:
    doc, result = _one(ruleset, "utf16_odd.txt")
    assert result.warnings and "invalid UTF-16-LE at byte" in result.warnings[0]
    assert "$5 million" in _claims(ruleset, doc)


@pytest.mark.parametrize("name", ["crlf.txt", "cr_only.txt"])
def test_crlf_and_cr_line_endings_keep_line_numbers(ruleset: RuleSet, name: str) -> None:
    doc, _ = _one(ruleset, name)
    assert _claims(ruleset, doc)["$5 million"] == (3, 5_000_000)
    assert doc.title == "Title line"


def test_a_file_over_the_size_limit_is_skipped_with_a_warning(ruleset: RuleSet, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    big = folder / "big.txt"
    with big.open("wb") as fh:  # 50 MB, sparse: the test does not need 50 MB of memory either
        fh.truncate(50 * 1024 * 1024)
    (folder / "ok.txt").write_text("Acme raised $5 million.\n", encoding="utf-8")
    walked = load([folder], ruleset.boilerplate)
    assert [Path(d.path).name for d in walked.documents] == ["ok.txt"] and not walked.errors
    assert walked.warnings == [
        f"{big}: 52428800 bytes is over the {MAX_BYTES} byte (20 MB) limit for one article, skipped"
    ]
    named = load([big], ruleset.boilerplate)  # named explicitly: an error (exit 2)
    assert named.errors and "over the" in named.errors[0] and not named.documents
    code, out, err = run_cli(["report", str(folder)])
    assert code == 0 and "big.txt: 52428800 bytes is over" in err and out.startswith("# factcheck report")


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    ruleset: RuleSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load_mod, "MAX_BYTES", 10)
    f = tmp_path / "a.txt"
    f.write_text("Acme raised $5 million.\n", encoding="utf-8")
    assert "over the 10 byte" in load([f], ruleset.boilerplate).errors[0]


def test_empty_file_is_an_empty_document(ruleset: RuleSet) -> None:
    doc, result = _one(ruleset, "empty.txt")
    assert not result.warnings and _claims(ruleset, doc) == {}
    code, _out, err = run_cli(["report", str(CORPUS / "empty.txt")])
    assert code == 0, err


def test_one_line_of_one_megabyte_is_processed_in_bounded_time(ruleset: RuleSet, tmp_path: Path) -> None:
    filler = "The committee met again and discussed the plan at length with everyone present. "
    head = "Acme raised $5 million from Beta Capital. "
    line = head + filler * ((1024 * 1024 - len(head)) // len(filler) + 1) + "Gamma paid $7 million."
    f = tmp_path / "long.txt"
    f.write_text(line, encoding="utf-8")
    assert f.stat().st_size > 1024 * 1024
    t = time.monotonic()
    result = run([f], ruleset)
    elapsed = time.monotonic() - t
    assert elapsed < 120, elapsed
    by_text = {c.text: c for c in result.report.claims}
    assert by_text["$5 million"].line == 1 and by_text["$7 million"].line == 1
    assert by_text["$7 million"].column == len(line) - len("$7 million.") + 1


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("bad_front_matter.md", ":3: malformed YAML front matter", 6),
        ("list_front_matter.md", ":2: front matter is not a mapping; read as text", 6),
        ("unsafe_yaml_front_matter.md", ":2: malformed YAML front matter", 5),
    ],
)
def test_bad_front_matter_warns_with_file_and_line_and_the_body_is_read(
    ruleset: RuleSet, name: str, message: str, line: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where `touch pwned` would land if the YAML were loaded unsafely
    doc, result = _one(ruleset, name)
    assert len(result.warnings) == 1 and result.warnings[0].startswith(f"{CORPUS / name}{message}")
    assert _claims(ruleset, doc)["$5 million"][0] == line
    assert not (tmp_path / "pwned").exists()


def test_deeply_nested_front_matter_is_a_warning_not_a_crash(ruleset: RuleSet) -> None:
    text = "---\ntitle: " + "[" * 5000 + "\n---\nAcme raised $5 million.\n"
    doc = parse_document("deep.md", text, ruleset.boilerplate)
    assert doc.warnings and "deep.md:" in doc.warnings[0]
    assert doc.lines[3].role == "body"


def test_html_scripts_styles_tags_and_entities(ruleset: RuleSet) -> None:
    doc, _result = _one(ruleset, "page.html")
    raw = (CORPUS / "page.html").read_text(encoding="utf-8")
    assert doc.text.count("\n") == raw.count("\n")  # removed markup keeps its line breaks: no line moves
    claims = _claims(ruleset, doc)
    assert "$99 million" not in claims  # inside <script>
    assert claims["$5\u00a0million"] == (12, 5_000_000)  # &#36; and &nbsp; decoded, on the file's line 12
    assert claims["$7 million"] == (14, 7_000_000)
    assert doc.lines[10].role == "heading" and doc.lines[10].text.strip() == "# Acme & Beta"
    assert "color: red" not in doc.text and "<p>" not in doc.text
    assert "It was <b>big</b>." in doc.text  # an escaped tag is text, shown as text
    assert doc.lines[12].role == "directive"  # an inline factcheck comment survives


def test_html_stripping_is_linear_on_unclosed_markup() -> None:
    t = time.monotonic()
    out = strip_html("<a " * 200_000 + "\n<script>" + "x" * 100_000)
    assert time.monotonic() - t < 10
    assert out.count("\n") == 1


def test_unicode_digits_spaces_and_invisible_marks_inside_numbers(ruleset: RuleSet) -> None:
    doc, _ = _one(ruleset, "unicode_numbers.txt")
    claims = _claims(ruleset, doc)
    assert claims["$\u0665 million"] == (3, 5_000_000)
    assert claims["$\uff11\uff12 million"] == (4, 12_000_000)
    assert claims["$5\u200d000"] == (5, 5_000)
    assert claims["$7 million"] == (6, 7_000_000)
    assert claims["$3\u2009000\u2009000"] == (7, 3_000_000)
    assert claims["$4\u00a0million"] == (8, 4_000_000)
    # the Document keeps the original characters; the matching text maps back to them exactly
    rtl = next(s for s in sentences(doc) if s.line == 6)
    assert "\u200f" not in rtl.text and "\u200f" in doc.lines[5].text
    a, b = rtl.file_span(rtl.text.index("$7"), rtl.text.index("$7") + len("$7 million"))
    assert doc.text[a:b] == "$7 million"


@pytest.mark.parametrize("value", ["2725-76-72", "2024-02-30", "2024-13-01 10:00:00"])
def test_an_impossible_front_matter_date_is_a_warning_not_a_crash(ruleset: RuleSet, value: str) -> None:
    text = f"---\ntitle: Acme results\ndate: {value}\n---\nAcme raised $5 million in 2024.\n"
    doc = parse_document("bad_date.md", text, ruleset.boilerplate)
    assert any(w.startswith("bad_date.md:2: malformed YAML front matter") for w in doc.warnings), doc.warnings
    assert any("$5 million" in line.text for line in doc.lines)
