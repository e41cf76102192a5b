"""The claim table (`factcheck claims --format parquet|jsonl|csv`) holds every claim of the JSON report, every
field, with the same values; Parquet read back with pandas."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from factcheck.report.listings import CLAIM_COLUMNS, CSV_EXTRA
from tests.conftest import ROOT, run_cli

CORPORA = [ROOT / "seeds", ROOT / "tests" / "corpora" / "events"]


def _report(corpus: Path) -> dict:
    code, out, err = run_cli(["report", str(corpus), "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def _expected(report: dict) -> list[dict]:
    paths = {d["id"]: d["path"] for d in report["documents"]}
    return [{"path": paths[c["document"]], **c} for c in report["claims"]]


def _plain(x: object) -> object:
    """A pandas cell as the JSON contract writes it: missing is None, arrays are lists."""
    if hasattr(x, "tolist"):
        return [_plain(v) for v in x.tolist()]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_parquet_round_trips_every_claim(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    code, _, err = run_cli(["claims", str(corpus), "--format", "parquet", "-o", str(out)])
    assert code == 0, err
    frame = pd.read_parquet(out)
    expected = _expected(_report(corpus))
    assert len(frame) == len(expected) > 10
    assert set(frame.columns) == {*expected[0], "low_date", "high_date"}  # every field of the contract
    assert frame["low_date"].notna().any() and frame["low"].notna().any()  # both kinds of bound are tested
    for row, want in zip(frame.to_dict("records"), expected, strict=True):
        got = {k: _plain(v) for k, v in row.items()}
        for bound in ("low", "high"):  # dates in their own column (claim_table.py)
            got[bound] = got[bound] if got[f"{bound}_date"] is None else got[f"{bound}_date"]
            del got[f"{bound}_date"]
        assert got == want


def test_jsonl_is_the_json_listing_one_claim_a_line() -> None:
    corpus = str(CORPORA[1])
    code, out, _ = run_cli(["claims", corpus, "--format", "jsonl"])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == json.loads(run_cli(["claims", corpus, "--format", "json"])[1])
    assert rows == _expected(_report(CORPORA[1]))


def test_csv_holds_every_field_after_the_listing_columns() -> None:
    code, out, _ = run_cli(["claims", str(CORPORA[0]), "--format", "csv"])
    assert code == 0
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == CLAIM_COLUMNS + CSV_EXTRA
    rows = list(reader)
    expected = _expected(_report(CORPORA[0]))
    assert [r["id"] for r in rows] == [c["id"] for c in expected]
    assert [r["quote"] for r in rows] == [c["quote"] for c in expected]
    assert [json.loads(r["equivalents"]) for r in rows] == [c["equivalents"] for c in expected]


def test_parquet_needs_an_output_file() -> None:
    code, _, err = run_cli(["claims", "seeds", "--format", "parquet"])
    assert code == 2 and "-o FILE" in err


def test_parquet_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.parquet", tmp_path / "b.parquet"
    assert run_cli(["claims", "seeds", "--format", "parquet", "-o", str(a)])[0] == 0
    assert run_cli(["claims", "seeds", "--format", "parquet", "-o", str(b)])[0] == 0
    assert a.read_bytes() == b.read_bytes()
