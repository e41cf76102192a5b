"""The second corpus (tests/corpora/events): planted findings are found, and nothing else disagrees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "corpora" / "events"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> dict:
    code, out, err = run_cli(["report", str(CORPUS), "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def _at(report: dict, where: str) -> set[str]:
    doc, line = where.split(":")
    return {c["id"] for c in report["claims"] if c["document"] == doc and c["line"] == int(line)}


def _flagged(report: dict, kind: str) -> list[dict]:
    return [f for f in report["findings"] if f["kind"] == kind]


def test_exactly_the_planted_disagreements(report: dict) -> None:
    found = _flagged(report, "numeric_disagreement")
    assert len(found) == len(EXPECTED["numeric_disagreement"])
    for item in EXPECTED["numeric_disagreement"]:
        assert any(f["claims"][0] in _at(report, item["where"]) for f in found), item["note"]


@pytest.mark.parametrize("kind", ["hedge_mismatch", "temporal_update"])
def test_planted_findings_point_at_their_line(report: dict, kind: str) -> None:
    for item in EXPECTED[kind]:
        assert any(f["claims"][0] in _at(report, item["where"]) for f in _flagged(report, kind)), item["note"]


def test_unsupported_superlatives(report: dict) -> None:
    found = _flagged(report, "unsupported_superlative")
    for item in EXPECTED["unsupported_superlative"]:
        assert any(set(f["claims"]) & _at(report, item["where"]) for f in found), item["note"]


@pytest.mark.parametrize("item", EXPECTED["agree"], ids=lambda i: i["note"])
def test_agreeing_facts(report: dict, item: dict) -> None:
    first, second = (_at(report, w) for w in item["where"])
    facts = [
        f
        for f in report["facts"]
        if set(f["claims"]) & first and set(f["claims"]) & second and f["metric"] == item["metric"]
    ]
    assert facts and facts[0]["status"] == "agree", item["note"]


@pytest.mark.parametrize("item", EXPECTED["consistent_checks"], ids=lambda i: i["note"])
def test_consistent_checks(report: dict, item: dict) -> None:
    at = _at(report, item["where"])
    checks = [c for c in report["checks"] if c["kind"] == item["kind"] and set(c["claims"]) & at]
    assert checks and all(c["status"] == "consistent" for c in checks), item["note"]
