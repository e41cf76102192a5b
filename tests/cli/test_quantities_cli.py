"""`factcheck quantities`: every quantity the extractor finds, with file line, exact text and interval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

ARTICLE = """---
title: Grid deal
date: 2025-11-18
---
# Borealis Hires 300 Engineers

Borealis said on Tuesday it would invest up to $10 billion (€8.6 billion) in a 1.5 GW campus.
The site covers about 2,000 acres and will add some 3,000 jobs over five years.

- Subscribers to Veltra 365 are unaffected.
- A multibillion-dollar tender follows in Q2 FY2026.
"""


def _write(tmp_path: Path, text: str = ARTICLE) -> Path:
    path = tmp_path / "grid.md"
    path.write_text(text, encoding="utf-8")
    return path


def _records(tmp_path: Path) -> list[dict]:
    code, out, err = run_cli(["quantities", str(_write(tmp_path)), "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def test_json_lists_every_quantity_with_line_and_exact_text(tmp_path: Path) -> None:
    records = _records(tmp_path)
    texts = [(r["line"], r["text"]) for r in records]
    assert texts == [
        (5, "300 Engineers"),
        (7, "up to $10 billion"),
        (7, "€8.6 billion"),
        (7, "1.5 GW"),
        (8, "about 2,000 acres"),
        (8, "some 3,000 jobs"),
        (8, "five years"),
        (11, "multibillion-dollar"),
        (11, "Q2 FY2026"),
    ]
    lines = ARTICLE.splitlines()
    for r in records:  # the text is the file's own characters, at the column given
        line = lines[r["line"] - 1]
        assert line[r["column"] - 1 :].startswith(r["text"])


def test_json_records_carry_value_interval_unit_and_qualifier(tmp_path: Path) -> None:
    by_text = {r["text"]: r for r in _records(tmp_path)}
    cap = by_text["up to $10 billion"]
    assert (cap["value"], cap["low"], cap["high"], cap["unit"], cap["qualifier"]) == (1e10, 0, 1e10, "USD", "up_to")
    assert set(cap) >= {"line", "text", "value", "low", "high", "unit", "qualifier"}
    jobs = by_text["some 3,000 jobs"]
    assert (jobs["unit"], jobs["noun"], jobs["qualifier"]) == ("count", "jobs", "approx")
    area = by_text["about 2,000 acres"]
    assert area["unit"] == "square_metre" and area["dimension"] == "area"
    vague = by_text["multibillion-dollar"]
    assert (vague["value"], vague["low"], vague["high"], vague["qualifier"]) == (None, 2e9, 1e10, "vague")
    period = by_text["Q2 FY2026"]
    assert (period["unit"], period["date"]) == ("date", "FY2026-Q2")


def test_table_is_the_default(tmp_path: Path) -> None:
    _write(tmp_path)
    code, out, err = run_cli(["quantities", "grid.md"], cwd=tmp_path)
    assert code == 0, err
    header, rule, *rows = out.splitlines()
    assert header.split()[:7] == ["where", "text", "value", "low", "high", "unit", "qualifier"]
    assert set(rule) <= {"-", " "}
    assert len(rows) == 9
    assert rows[1].startswith("grid.md:7:") and "up to $10 billion" in rows[1]


def test_product_names_are_not_listed(tmp_path: Path) -> None:
    texts = [r["text"] for r in _records(tmp_path)]
    assert not any("365" in t for t in texts)


def test_missing_path_is_exit_2_after_the_rest(tmp_path: Path) -> None:
    code, out, err = run_cli(["quantities", str(_write(tmp_path)), str(tmp_path / "nope.md"), "--format", "json"])
    assert code == 2
    assert "nope.md" in err
    assert len(json.loads(out)) == 9


def test_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    code, out, err = run_cli(["quantities", str(tmp_path / "nope.md")])
    assert code == 2 and out == ""
    assert "nothing to list" in err


STATED = """The storm left 40 yards of debris on a 256GB phone's screen after three months of delays.
Shares of Borealis fell 2.45pc while the FTSE 100 -0.8% and a 45,000-seat arena opened.
"""


def test_records_carry_what_the_text_states(tmp_path: Path) -> None:
    code, out, err = run_cli(["quantities", str(_write(tmp_path, STATED)), "--format", "json"])
    assert code == 0, err
    by_text = {r["text"]: r for r in json.loads(out)}
    yards = by_text["40 yards"]
    assert (yards["value"], yards["unit"]) == (pytest.approx(36.576), "metre")  # normalised
    assert (yards["stated_value"], yards["stated_unit"], yards["concept"]) == (40, "yard", "debris")  # as stated
    data = by_text["256GB"]
    assert (data["value"], data["stated_value"], data["stated_unit"]) == (2.56e11, 256, "gigabyte")
    months = by_text["three months"]
    assert (months["value"], months["stated_value"], months["stated_unit"]) == (0.25, 3, "month")
    assert (by_text["2.45pc"]["change"], by_text["-0.8%"]["change"]) == ("down", "down")
    assert (by_text["-0.8%"]["value"], by_text["-0.8%"]["stated_value"]) == (0.8, -0.8)
    seats = by_text["45,000-seat"]
    assert (seats["unit"], seats["noun"], seats["concept"], seats["change"]) == ("count", "seats", "seats", None)


def test_table_shows_the_stated_number_change_and_concept(tmp_path: Path) -> None:
    _write(tmp_path, STATED)
    code, out, err = run_cli(["quantities", "grid.md"], cwd=tmp_path)
    assert code == 0, err
    header, _rule, *rows = out.splitlines()
    assert header.split()[-3:] == ["stated", "change", "concept"]
    yards = next(r for r in rows if "40 yards" in r)
    assert "40 yard" in yards and "debris" in yards
    assert "down" in next(r for r in rows if "2.45pc" in r)


def test_claims_carry_what_the_text_states(tmp_path: Path) -> None:
    text = "Borealis said its revenue rose 12% to $4.1 billion, and it will build a 45,000-seat arena.\n"
    path = _write(tmp_path, text)
    code, out, err = run_cli(["claims", str(path), "--format", "json"])
    assert code == 0, err
    by_text = {c["text"]: c for c in json.loads(out)}
    assert (by_text["12%"]["change"], by_text["12%"]["stated_value"], by_text["12%"]["stated_unit"]) == (
        "up",
        12,
        "percent",
    )
    money = by_text["$4.1 billion"]
    assert (money["stated_value"], money["stated_unit"], money["change"]) == (pytest.approx(4.1e9), "$", None)
    code, out, err = run_cli(["claims", str(path), "--format", "csv"])
    assert code == 0, err
    header = out.splitlines()[0].split(",")
    # the listing's columns, then the rest of the JSON contract's fields (report/listings.py CSV_EXTRA)
    assert header[11:15] == ["stated_value", "stated_unit", "change", "concept"]
    assert header[:11] == ["where", "kind", "subject", "metric", "object", "text", "value", "low", "high", "unit",
                           "qualifier"]  # fmt: skip


# ---- a malformed quantities lexicon: a clear error naming the file, exit 2, never a traceback ----


def _rules_with(tmp_path: Path, old: str, new: str) -> Path:
    from factcheck.ruleset.files import default_rules_dir

    folder = tmp_path / "rules"
    folder.mkdir()
    text = (default_rules_dir() / "quantities.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / "quantities.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_relative_date_of_one_article_is_a_rule_file_error(tmp_path: Path) -> None:
    folder = _rules_with(tmp_path, "relative_dates: [earlier this year,", 'relative_dates: ["a", earlier this year,')
    code, out, err = run_cli(["quantities", str(_write(tmp_path)), "--rules", str(folder)])
    assert code == 2 and out == ""
    assert "quantities.yaml" in err and "relative_dates" in err
    assert "Traceback" not in err


def test_an_empty_phrase_is_a_rule_file_error(tmp_path: Path) -> None:
    folder = _rules_with(tmp_path, "scales:\n    thousand: 1000", 'scales:\n    "": 10\n    thousand: 1000')
    code, _, err = run_cli(["quantities", str(_write(tmp_path)), "--rules", str(folder)])
    assert code == 2
    assert "quantities.yaml" in err and "scales" in err and "empty phrase" in err


def test_patterns_that_cannot_be_built_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anything that fails while the reader's patterns are built from a lexicon that validated is reported as a
    rule-file error naming the file (exit 2), at the first extraction."""
    from factcheck.extract.quantities import patterns

    folder = _rules_with(tmp_path, "ago_words: [ago]", "ago_words: [ago, back]")  # a lexicon of its own

    def broken(self: object, lex: object) -> None:
        raise ValueError("no pattern for you")

    monkeypatch.setattr(patterns.Compiled, "__init__", broken)
    code, out, err = run_cli(["quantities", str(_write(tmp_path)), "--rules", str(folder)])
    assert code == 2 and out == ""
    assert f"{folder / 'quantities.yaml'}: lexicon: cannot build the quantity patterns: no pattern for you" in err
    assert "Traceback" not in err
