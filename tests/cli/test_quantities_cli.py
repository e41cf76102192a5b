"""`factcheck quantities`: every quantity the extractor finds, with file line, exact text and interval."""

from __future__ import annotations

import json
from pathlib import Path

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
