"""Safe output for hostile input, and fuzzing: random text and random bytes through the whole pipeline."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.load import load, parse_document
from factcheck.pipeline import analyse
from factcheck.report import jsonout, markdown
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from tests.conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"
RULES = load_ruleset()  # hypothesis tests cannot take the session fixture through @given cleanly
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters that stress the readers: digits of several scripts, separators, currency, invisible marks, markup
HOSTILE = [
    *"0123456789,.$€£¥%+-–—()[]{}|`<>*_#&;:!?\"'“”’ \t\n\r",
    "\u00a0", "\u2009", "\u202f", "\u2007", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "\u0665",
    "\uff11", "\ufffd", "\x00", "million", "billion", "bn", "m", "k", "Acme", "Beta", "the only", "first", "up to",
    "about", "between", " and ", "<script>", "</p>", "&amp;", "&#36;", "---\n", "## ", "- ", "[a](b)", "per cent",
]  # fmt: skip


def _check_outputs(docs, ruleset: RuleSet) -> None:
    report = analyse(docs, ruleset)
    data = json.loads(jsonout.render(report))  # valid JSON for any input
    assert data["schema"] == "factcheck.report/1"
    md = markdown.render(report, {})
    _assert_safe_markdown(md)
    for c in report.claims:  # every claim points at its own characters in the original text
        doc = next(d for d in docs if d.id == c.document)
        assert 1 <= c.line <= len(doc.lines)


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _assert_safe_markdown(md: str) -> None:
    assert not any(ch in md for ch in BIDI_CONTROLS)  # no quote can reorder how a report line is displayed
    for line in md.splitlines():
        assert "<script" not in line.lower() and "<img" not in line.lower()
        if line.startswith("|") and not line.startswith("|---"):
            cells = line.replace("\\\\", "").replace("\\|", "").split("|")
            assert len(cells) >= 3


@given(st.text(max_size=1500))
@FUZZ
def test_random_text_through_the_pipeline(text: str) -> None:
    _check_outputs([parse_document("fuzz.md", text, RULES.boilerplate)], RULES)


@given(st.lists(st.sampled_from(HOSTILE), max_size=300).map("".join), st.lists(st.sampled_from(HOSTILE), max_size=80))
@FUZZ
def test_hostile_alphabet_through_the_pipeline(text: str, other: list[str]) -> None:
    lex = RULES.boilerplate
    docs = [parse_document("a.txt", text, lex), parse_document("b.txt", "".join(other), lex)]
    _check_outputs(docs, RULES)


@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html"]))
@settings(max_examples=100, deadline=None)
def test_random_bytes_through_load_and_the_pipeline(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"fuzz{suffix}"
        f.write_bytes(data)
        result = load([f], RULES.boilerplate)  # documented outcome: a document, or an error naming the file
        assert len(result.documents) + len(result.errors) == 1
        assert all(e.startswith(str(f)) for e in result.errors + result.warnings)
        _check_outputs(result.documents, RULES)


# one sentence of tens of thousands of amounts: sums, clauses and subjects must stay near-linear
QUADRATIC = ["$1" * 50_000, "€1,0" * 40_000]


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "," * 200_000,
        "$" * 200_000,
        "1," * 100_000,
        "$1" * 1_000,  # one sentence of 1,000 amounts; QUADRATIC holds 50,000
        "€1,0" * 1_000,
        *QUADRATIC,
        "1.2.3." * 30_000,
        "$1,000,000.5 " * 300,
        ("Acme " * 20 + "$") * 2_000,
        "\u0665\u200d" * 50_000,
        "(" * 50_000 + "$5 million" + ")" * 50_000,
        "[" * 50_000 + "](" * 50_000,
        '"“' * 50_000,
        "Mr. " * 50_000,
    ],
    ids=lambda t: repr(t[:12]),
)
def test_adversarial_text_finishes_within_a_bound(ruleset: RuleSet, text: str) -> None:
    t = time.monotonic()
    _check_outputs([parse_document("adv.txt", text, ruleset.boilerplate)], ruleset)
    assert time.monotonic() - t < 60  # a guard against hangs, not a benchmark


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_hostile_quotes_cannot_break_tables_or_inject_html_in_any_format(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("hostile_markdown.txt", "page.html", "unicode_numbers.txt", "crlf.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "other.txt").write_text("Acme | raised $9 million <b>from</b> `Beta` [x](y).\n", encoding="utf-8")
    before = _digest(corpus)
    code, out, err = run_cli(["report", str(corpus)])
    assert code == 0, err
    _assert_safe_markdown(out)
    assert "[click](" not in out and "<script>" not in out
    code, out, err = run_cli(["report", str(corpus), "--format", "json"])
    assert code == 0 and json.loads(out)["claims"]
    draft = corpus / "other.txt"
    for fmt in ("sarif", "json", "markdown", "text", "github"):
        code, out, err = run_cli(
            ["check", str(draft), "--corpus", str(corpus), "--format", fmt, "--no-cache"], cwd=tmp_path
        )
        assert code in (0, 1), err
        if fmt in ("sarif", "json"):
            json.loads(out)
        if fmt == "markdown":
            _assert_safe_markdown(out)
    assert _digest(corpus) == before  # inputs are never modified


def test_direction_overrides_are_shown_not_obeyed(tmp_path: Path) -> None:
    # "Trojan source" text: U+202E reverses the display of what follows. Quotes are read from the cleaned text,
    # which drops format characters; a title keeps its characters, and the Markdown shows them as code points.
    title = '---\ntitle: "Acme \u202eraises\u202c funds"\n---\n'
    text = title + "Acme raised $9 million from Beta \u202e| error | fake row \u202c in total.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Acme raised $12 million \u2067from Beta\u2069.\n", encoding="utf-8")
    code, out, err = run_cli(["report", str(tmp_path)])
    assert code == 0, err
    _assert_safe_markdown(out)
    assert "Acme &lt;U+202E&gt;raises&lt;U+202C&gt; funds" in out
    code, out, err = run_cli(["report", str(tmp_path), "--format", "json"])
    assert code == 0 and json.loads(out)["documents"][0]["title"] == "Acme \u202eraises\u202c funds"
    assert markdown.escape("a\u200fb\u2066c") == "a&lt;U+200F&gt;b&lt;U+2066&gt;c"


def test_reports_are_written_atomically_and_only_where_asked(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(CORPUS / "hostile_markdown.txt", work / "a.txt")
    before = _digest(work)
    out_file = tmp_path / "out" / "r.md"
    code, out, err = run_cli(["report", str(work), "-o", str(out_file)], cwd=tmp_path)
    assert code == 0 and out == "", err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "out", "r.md", "work"]  # no temp file left
    assert _digest(work) == before
    out_file.write_text("old report", encoding="utf-8")
    out_file.chmod(0o444)
    code, _, err = run_cli(["report", str(work), "-o", str(out_file)], cwd=tmp_path)
    assert code == 0 and out_file.read_text(encoding="utf-8").startswith("# factcheck report")  # replaced whole
