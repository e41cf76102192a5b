"""The quantity reader's ignore_patterns from a user's rule file run with a time limit (issue 7).

A quantities.yaml given with --rules replaces the shipped one, so its ignore_patterns are user-supplied: they run
through `saferegex` (the `regex` module, with a time limit per match) instead of inside the reader's `re` master
pattern. A catastrophic pattern stops the run with a message naming the file and the field and exit code 2, as
the other rule patterns do; a benign one skips what it matches; the shipped list read from a user's copy of the
file reads every text as the shipped file does.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from factcheck.extract.quantities import extract_quantities, load_lexicon
from tests.conftest import ROOT, run_cli
from tests.extract.quantity_cases import ALL_CASES

SHIPPED = ROOT / "rules" / "quantities.yaml"
PATTERNS = "  ignore_patterns:\n"


def _rules(tmp_path: Path, *patterns: str) -> Path:
    """A rules folder whose quantities.yaml is the shipped one with patterns added first to ignore_patterns."""
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    text = SHIPPED.read_text(encoding="utf-8")
    assert PATTERNS in text
    added = "".join(f"    - '{p}'\n" for p in patterns)
    (d / "quantities.yaml").write_text(text.replace(PATTERNS, PATTERNS + added, 1), encoding="utf-8")
    return d


def _article(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_catastrophic_ignore_pattern_times_out_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _rules(tmp_path, "(a|aa)+$")  # exponential backtracking on a run of a's that does not end the text
    article = _article(tmp_path, "Acme raised $5 million from 300 investors.\n\n" + "a" * 60 + "!\n")
    monkeypatch.setenv("FACTCHECK_REGEX_TIMEOUT", "0.2")
    t = time.monotonic()
    code, out, err = run_cli(["report", str(article), "--rules", str(rules)])
    assert time.monotonic() - t < 30
    assert code == 2 and out == "", err
    assert "quantities.yaml: lexicon.ignore_patterns: regular expression '(?:(a|aa)+$)" in err, err
    assert "took longer than 0.2 s on the text 'aaaa" in err, err


def test_the_quantities_command_reports_the_timeout_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = _rules(tmp_path, "(a|aa)+$")
    article = _article(tmp_path, "Acme raised $5 million.\n\n" + "a" * 60 + "!\n")
    monkeypatch.setenv("FACTCHECK_REGEX_TIMEOUT", "0.2")
    code, _out, err = run_cli(["quantities", str(article), "--rules", str(rules)])
    assert code == 2 and "Traceback" not in err, err
    assert "quantities.yaml: lexicon.ignore_patterns" in err, err


def test_a_pattern_that_would_hang_re_no_longer_runs_there(tmp_path: Path) -> None:
    # (a+)+$ backtracks exponentially in `re`, which read the ignore_patterns before; `regex` reads it at once.
    rules = _rules(tmp_path, "(a+)+$")
    article = _article(tmp_path, "Acme raised $5 million from 300 investors.\n\n" + "a" * 60 + "!\n")
    t = time.monotonic()
    code, out, err = run_cli(["report", str(article), "--rules", str(rules), "--format", "json"])
    assert time.monotonic() - t < 30
    assert code == 0, err
    assert json.loads(out)["documents"]


def test_an_invalid_ignore_pattern_names_file_and_field_and_exits_2(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "(unclosed")
    article = _article(tmp_path, "Acme raised $5 million.\n")
    code, out, err = run_cli(["report", str(article), "--rules", str(rules)])
    assert code == 2 and out == "", err
    assert "quantities.yaml: lexicon.ignore_patterns: " in err and "invalid regular expression '(unclosed'" in err, err


def _quantities(article: Path, rules: Path | None = None) -> list[str]:
    args = ["quantities", str(article), "--format", "json"] + (["--rules", str(rules)] if rules else [])
    code, out, err = run_cli(args)
    assert code == 0, err
    return [r["text"] for r in json.loads(out)]


def test_a_benign_custom_ignore_pattern_still_skips_what_it_matches(tmp_path: Path) -> None:
    article = _article(tmp_path, "The courier lost 4521 crates and 300 boxes in a week.\n")
    assert _quantities(article) == ["4521 crates", "300 boxes"]
    rules = _rules(tmp_path, r"\d+\s+crates\b")
    assert _quantities(article, rules) == ["300 boxes"]


def test_a_copy_of_the_shipped_file_reads_as_the_shipped_file(tmp_path: Path) -> None:
    # The same list, read from a user's folder, runs through saferegex: every case reads the same.
    copy = tmp_path / "quantities.yaml"
    shutil.copy(SHIPPED, copy)
    shipped, custom = load_lexicon(), load_lexicon(copy)
    texts = [case.values[0] for case in ALL_CASES]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.md"))]
    texts += ["press@example.com 5 people", "Call +1 415 555 0132 at 10:30 am; ISBN 978-3-16-148410-0, 300 homes."]
    assert len(texts) > 500
    for text in texts:
        assert extract_quantities(text, custom) == extract_quantities(text, shipped), text


@pytest.mark.parametrize(
    "text",
    [
        "1a" * 40000,  # a long run of letters and digits: each digit is a candidate for the e-mail shape
        "a" * 80000 + "@example.com",
        "1 " * 40000,
        "1\u00a0" * 40000,
        "+1 " * 25000,
        "12:" * 25000,
        "1/" * 40000,
        "1." * 40000,
        "ISBN " + " " * 80000 + "1",
        "http://" + "a1" * 40000,
        "12 Main " * 10000,
    ],
    ids=lambda t: repr(t[:12]),
)
def test_the_shipped_patterns_stay_linear_on_long_hostile_text(text: str) -> None:
    # The shipped ignore_patterns run in `re`, without a time limit: none may backtrack badly, alone or tried
    # at every candidate of a long run (about 0.5 s here; quadratic time would take minutes).
    lex = load_lexicon()
    extract_quantities("warm up: 5 people at 10:30 am on 1/2/2020", lex)
    t = time.monotonic()
    extract_quantities(text, lex)
    assert time.monotonic() - t < 15
