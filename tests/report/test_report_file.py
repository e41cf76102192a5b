"""The committed seed report is what the code produces now; the Markdown is safe for any quote."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.report.markdown import escape
from tests.conftest import ROOT, run_cli

COMMITTED = ROOT / "reports" / "report.md"


def test_committed_report_is_fresh() -> None:
    code, out, err = run_cli(["report", "seeds"])
    assert code == 0, err
    if os.environ.get("FACTCHECK_UPDATE_REPORT") == "1":  # explicit refresh: FACTCHECK_UPDATE_REPORT=1 pytest
        COMMITTED.write_text(out, encoding="utf-8")
    assert COMMITTED.read_text(encoding="utf-8") == out, (
        "reports/report.md is stale: run `factcheck report` (or FACTCHECK_UPDATE_REPORT=1 pytest) and commit it"
    )


@given(st.text())
@settings(max_examples=300)
def test_escaped_text_cannot_break_a_table_or_inject_html(text: str) -> None:
    out = escape(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    unescaped_pipes = [
        i for i, ch in enumerate(out) if ch == "|" and (i == 0 or out[i - 1] != "\\" or _escaped(out, i - 1))
    ]
    assert not unescaped_pipes
    assert "](" not in out.replace("\\]", "")


def _escaped(s: str, i: int) -> bool:
    """Is the backslash at i itself escaped (so the next character is not)?"""
    n = 0
    while i >= 0 and s[i] == "\\":
        n += 1
        i -= 1
    return n % 2 == 0


def test_hostile_quotes_in_a_report() -> None:
    hostile = "Acme | <script>alert(1)</script> [click](http://x) `code` **bold** raised $5 million.\n"
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "evil.txt"
        p.write_text(hostile, encoding="utf-8")
        code, out, _ = run_cli(["report", str(p)])
    assert code == 0
    assert "<script>" not in out and "[click](" not in out
    for line in out.splitlines():
        if line.startswith("| ") and "raised" in line:
            cells = [c for c in line.split(" | ")]
            assert all("|" not in c.replace("\\|", "").strip("| ") for c in cells)
