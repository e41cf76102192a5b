"""One end-to-end test per line of the seed acceptance sheet, through the JSON output.

Files are named by their first three digits ("000" is seeds/000_….txt); lines are 1-based.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli


def doc_id(data: dict, prefix: str) -> str:
    return next(d["id"] for d in data["documents"] if d["id"].startswith(prefix))


def claims_at(data: dict, where: str, kind: str | None = None) -> list[dict]:
    prefix, line = where.split(":")
    did = doc_id(data, prefix)
    return [
        c
        for c in data["claims"]
        if c["document"] == did and c["line"] == int(line) and (kind is None or c["kind"] == kind)
    ]


def fact_of(data: dict, claim_id: str) -> dict:
    return next(f for f in data["facts"] if claim_id in f["claims"])


def findings_with(data: dict, claim_id: str) -> list[dict]:
    return [f for f in data["findings"] if claim_id in f["claims"]]


# -- facts that several sources state, and that agree ----------------------------------------------

AGREE = {
    "nvidia investment": (["000:21", "001:1", "001:2"], "currency", 1e10),
    "microsoft investment": (["000:22", "001:1", "001:2"], "currency", 5e9),
    "azure compute commitment": (["000:23", "001:1", "001:3"], "currency", 3e10),
    "compute capacity": (["000:24", "000:135", "001:4"], "power", 1e9),
    "oracle cloud deal": (["001:7", "003:3"], "currency", 3e11),
}


@pytest.mark.parametrize("name", list(AGREE))
def test_agreeing_fact(seed_json: dict, name: str) -> None:
    places, dimension, value = AGREE[name]
    candidates = [
        c
        for c in claims_at(seed_json, places[0], "quantity")
        if c["dimension"] == dimension and c["value"] == pytest.approx(value)
    ]
    assert candidates, f"no {dimension} claim of {value} at {places[0]}"
    fact = fact_of(seed_json, candidates[0]["id"])
    assert fact["status"] == "agree"
    members = [c for c in seed_json["claims"] if c["id"] in fact["claims"]]
    for where in places:
        here = [c for c in members if c in claims_at(seed_json, where)]
        assert here, f"{where} is not in the fact {fact}"
        assert all(c["value"] == pytest.approx(value) for c in here)
    assert not any(f["kind"] == "numeric_disagreement" for c in members for f in findings_with(seed_json, c["id"]))


def test_oracle_deal_keeps_its_hedge(seed_json: dict) -> None:
    (claim,) = [c for c in claims_at(seed_json, "003:3", "quantity") if c["unit"] == "USD"]
    assert claim["qualifier"] == "potential"


# -- what must not be aligned or flagged ---------------------------------------------------------


def _fact_with(data: dict, where: str, dimension: str, value: float) -> dict:
    claim = next(
        c
        for c in claims_at(data, where, "quantity")
        if c["dimension"] == dimension and c["value"] == pytest.approx(value)
    )
    return fact_of(data, claim["id"])


def test_teaser_claims_stay_out_of_the_nvidia_fact(seed_json: dict) -> None:
    teasers = claims_at(seed_json, "002:61", "quantity")
    assert {c["value"] for c in teasers} >= {3e9, 1e10}
    assert all(c["teaser"] for c in teasers)
    nvidia = _fact_with(seed_json, "000:21", "currency", 1e10)
    assert not any(c["id"] in nvidia["claims"] for c in teasers)
    for c in teasers:
        assert not any(f["kind"] == "numeric_disagreement" for f in findings_with(seed_json, c["id"]))


def test_cost_per_gigawatt_is_its_own_claim(seed_json: dict) -> None:
    (cost,) = [c for c in claims_at(seed_json, "001:4", "quantity") if c["unit"] == "USD"]
    assert (cost["low"], cost["high"], cost["qualifier"]) == (2e10, 2.5e10, "range")
    assert cost["per"] and "gigawatt" in cost["per"]
    commitment = _fact_with(seed_json, "000:23", "currency", 3e10)
    assert cost["id"] not in commitment["claims"]
    assert not findings_with(seed_json, cost["id"])


def test_trillion_commitment_is_neither_the_oracle_deal_nor_anthropic(seed_json: dict) -> None:
    trillion = _fact_with(seed_json, "001:7", "currency", 1.4e12)
    assert trillion["status"] == "single_source"
    assert trillion["claims"] == [c["id"] for c in claims_at(seed_json, "001:7", "quantity") if c["value"] == 1.4e12]


def test_stargate_gigawatts_are_not_anthropics(seed_json: dict) -> None:
    stargate = _fact_with(seed_json, "003:3", "power", 4.5e9)
    capacity = _fact_with(seed_json, "000:24", "power", 1e9)
    assert stargate["id"] != capacity["id"]
    assert stargate["status"] == "single_source"


NOT_QUANTITIES = [
    ("000:29", ["4.5", "4.1", "1."]),
    ("000:30", ["4", "4o"]),
    ("000:38", ["4.5"]),
    ("000:44", ["4.5"]),
    ("000:50", ["4.1"]),
    ("002:53", ["5.4"]),
    ("002:90", ["5.4"]),
    ("002:95", ["5.4"]),
    ("003:25", ["2.5"]),
    ("003:16", ["MAI", "1-preview", "Voice 1"]),
    ("003:17", ["MAI", "1"]),
    ("000:68", ["365"]),
    ("003:4", ["365"]),
    ("004:6", ["365"]),
    ("004:23", ["365", "Q2", "2026"]),
    ("000:58", ["1"]),
    ("000:64", ["2"]),
    ("000:113", ["1"]),
]


@pytest.mark.parametrize(("where", "tokens"), NOT_QUANTITIES)
def test_names_and_list_numbers_are_not_quantities(seed_json: dict, where: str, tokens: list[str]) -> None:
    for c in claims_at(seed_json, where, "quantity"):
        assert not any(tok in c["text"] for tok in tokens), c


# -- superlatives and exclusivity ---------------------------------------------------------------------


def _finding_at(data: dict, where: str, kind: str) -> dict:
    ids = {c["id"] for c in claims_at(data, where, kind)}
    found = [f for f in data["findings"] if ids & set(f["claims"])]
    assert found, f"no finding at {where}"
    return found[0]


def test_azure_only_cloud_is_one_unsupported_finding(seed_json: dict) -> None:
    finding = _finding_at(seed_json, "000:15", "superlative")
    assert (finding["kind"], finding["severity"]) == ("unsupported_superlative", "warning")
    lines = {(loc["path"][6:9], loc["line"]) for loc in finding["locations"]}
    assert {("000", n) for n in (2, 3, 15, 28, 106)} <= lines
    evidence = {(e["path"][6:9], e["line"]) for e in finding["evidence"]}
    assert {("002", 7), ("002", 14), ("002", 36), ("003", 3), ("003", 9)} <= evidence


def test_first_provider_on_three_clouds_is_corroborated(seed_json: dict) -> None:
    first = next(c for c in claims_at(seed_json, "000:106", "superlative") if c["word"] == "first")
    support = next(c for c in seed_json["corroborations"] if c["claim"] == first["id"])
    assert any(s in {c["id"] for c in claims_at(seed_json, "001:6")} for s in support["supported_by"])
    assert not findings_with(seed_json, first["id"])
    assert fact_of(seed_json, first["id"])["status"] == "agree"


@pytest.mark.parametrize(
    ("where", "severity"),
    [("000:39", "info"), ("000:45", "warning"), ("000:176", "warning"), ("000:178", "warning")],
)
def test_unsupported_superlatives(seed_json: dict, where: str, severity: str) -> None:
    finding = _finding_at(seed_json, where, "superlative")
    assert (finding["kind"], finding["severity"]) == ("unsupported_superlative", severity)


def test_attributed_superlative_is_marked(seed_json: dict) -> None:
    (claim,) = claims_at(seed_json, "000:39", "superlative")
    assert claim["attributed"]


@pytest.mark.parametrize("where", ["002:21", "002:36"])
def test_single_source_exclusivity(seed_json: dict, where: str) -> None:
    finding = _finding_at(seed_json, where, "exclusivity")
    assert (finding["kind"], finding["rule"]) == ("unsupported_superlative", "unsupported_exclusivity")


@pytest.mark.parametrize("where", ["000:132", "000:156", "004:7", "004:10", "004:12", "004:25", "002:69"])
def test_superlative_traps_stay_silent(seed_json: dict, where: str) -> None:
    assert not [c for c in claims_at(seed_json, where) if c["kind"] in ("superlative", "exclusivity")]


# -- checks within one source ---------------------------------------------------------------------


def test_combined_total_adds_up(seed_json: dict) -> None:
    parts = {c["id"] for w in ("000:21", "000:22", "000:23") for c in claims_at(seed_json, w, "quantity")}
    for where in ("000:3", "000:176"):
        (total,) = [c for c in claims_at(seed_json, where, "quantity") if c["value"] == 4.5e10]
        check = [k for k in seed_json["checks"] if k["kind"] == "arithmetic" and k["claims"][0] == total["id"]]
        assert check and check[0]["status"] == "consistent" and set(check[0]["claims"][1:]) == parts
    assert not [f for f in seed_json["findings"] if f["kind"] == "arithmetic_mismatch"]


def _mutated_report(tmp_path: Path, prefix: str, old: str, new: str) -> dict:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    target = next(corpus.glob(f"{prefix}_*"))
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, err = run_cli(["report", str(corpus), "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def test_a_part_that_does_not_add_up_is_an_arithmetic_mismatch(tmp_path: Path) -> None:
    data = _mutated_report(tmp_path, "000", "Up to $5 billion investment", "Up to $15 billion investment")
    mismatches = [f for f in data["findings"] if f["kind"] == "arithmetic_mismatch"]
    assert mismatches and all(f["severity"] == "error" for f in mismatches)


def test_currency_pairs_are_one_claim_at_one_rate(seed_json: dict) -> None:
    claims = [c for c in claims_at(seed_json, "001:1", "quantity") if c["equivalents"]]
    pairs = sorted((c["value"], c["equivalents"][0]["value"], c["equivalents"][0]["unit"]) for c in claims)
    assert pairs == [(5e9, 4.3e9, "EUR"), (1e10, 8.6e9, "EUR")]
    (check,) = [k for k in seed_json["checks"] if k["kind"] == "conversion"]
    assert check["status"] == "consistent"
    assert not [f for f in seed_json["findings"] if f["kind"] == "conversion_mismatch"]


def test_an_inconsistent_rate_is_a_conversion_mismatch(tmp_path: Path) -> None:
    data = _mutated_report(tmp_path, "001", "(€8.6 billion)", "(€9.6 billion)")
    assert [f for f in data["findings"] if f["kind"] == "conversion_mismatch" and f["severity"] == "warning"]


def test_firm_amounts_where_others_say_up_to_are_hedge_mismatches(seed_json: dict) -> None:
    firm = {c["id"]: c["value"] for c in claims_at(seed_json, "001:1", "quantity") if c["unit"] == "USD"}
    hedges = [f for f in seed_json["findings"] if f["kind"] == "hedge_mismatch"]
    assert sorted(firm[f["claims"][0]] for f in hedges if f["claims"][0] in firm) == [5e9, 1e10]
    assert all(f["severity"] == "warning" for f in hedges)


# -- dates ---------------------------------------------------------------------------------------


def test_document_dates(seed_json: dict) -> None:
    dates = {d["id"][:3]: d["date"] for d in seed_json["documents"]}
    assert dates == {"000": "2025-11-18", "001": None, "002": None, "003": None, "004": "2026-03-11"}


def test_partnership_dated_differently_is_a_date_disagreement(seed_json: dict) -> None:
    september = claims_at(seed_json, "004:8", "date")
    assert september and september[0]["low"] == "2025-09-01"
    (finding,) = [f for f in seed_json["findings"] if f["kind"] == "date_disagreement"]
    assert finding["severity"] == "info"
    assert september[0]["id"] in finding["claims"]
    assert set(finding["claims"]) & {c["id"] for c in claims_at(seed_json, "000:15", "date")}


# -- claims stated by one source only ------------------------------------------------------------

SINGLE = [
    ("003:27", 2e10, "USD"),
    ("003:16", 1.3e10, "USD"),
    ("003:16", 11000, "count"),
    ("004:23", 1.5e7, "count"),
    ("003:3", 4.5e9, "W"),
    ("001:7", 1.4e12, "USD"),
    ("001:7", 3e10, "W"),
    ("001:4", 2.25e10, "USD"),
    ("000:46", 1 / 3, "fraction"),
]


@pytest.mark.parametrize(("where", "value", "unit"), SINGLE)
def test_single_source_claims(seed_json: dict, where: str, value: float, unit: str) -> None:
    (claim,) = [
        c
        for c in claims_at(seed_json, where, "quantity")
        if c["unit"] == unit and c["value"] == pytest.approx(value, rel=1e-3)
    ]
    assert fact_of(seed_json, claim["id"])["status"] == "single_source"
    assert not findings_with(seed_json, claim["id"])


def test_markdown_report_lists_single_source_claims() -> None:
    code, out, err = run_cli(["report", "seeds"])
    assert code == 0, err
    section = out.split("## Claims stated by one source only", 1)[1].split("\n## ", 1)[0]
    for where, _value, _unit in SINGLE:
        prefix, line = where.split(":")
        assert f"seeds/{prefix}_" in section and f":{line}`" in section, where
