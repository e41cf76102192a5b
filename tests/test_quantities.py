"""Tests for factcheck.quantities: the case table, the rule file's examples, properties and speed."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import Quantity
from factcheck.quantities import QuantityLexicon, extract_quantities, load_lexicon
from factcheck.rules import RuleFileError, default_rules_dir, read_rule_file
from tests.quantity_cases import ALL_CASES, Expect

LEX = load_lexicon()
RULE_FILE = read_rule_file(default_rules_dir() / "quantities.yaml")


def _approx(x: float | None) -> Any:
    return None if x is None else pytest.approx(x, rel=1e-6, abs=1e-9)


def _actual(q: Quantity) -> dict[str, Any]:
    parts = {} if q.date is None else q.date.model_dump(exclude_defaults=True)
    return {
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "dimension": q.dimension,
        "qualifier": q.qualifier,
        "noun": q.noun,
        "date": parts,
    }


def _expected(e: Expect) -> dict[str, Any]:
    return {
        "text": e.text,
        "value": _approx(e.value),
        "low": _approx(e.low),
        "high": _approx(e.high),
        "unit": e.unit,
        "dimension": e.dimension,
        "qualifier": e.qualifier,
        "noun": e.noun,
        "date": e.date,
    }


def test_case_table_is_large_enough() -> None:
    assert len(ALL_CASES) >= 250


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_case(text: str, expected: list[Expect]) -> None:
    found = extract_quantities(text, LEX)
    assert [_actual(q) for q in found] == [_expected(e) for e in expected]


@pytest.mark.parametrize("text", [p.values[0] for p in ALL_CASES])  # known gaps included: offsets hold anyway
def test_offsets_and_order(text: str) -> None:
    found = extract_quantities(text, LEX)
    for q in found:
        assert text[q.start : q.end] == q.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start  # sorted and non-overlapping


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("They paid $5 billion.", 5e8),
        ("They paid $5.2 billion.", 5e7),
        ("It has 11,000 users.", 0.5),
        ("It has 15 million users.", 5e5),
        ("It needs one gigawatt.", 5e8),
        ("Rates rose 50 basis points.", 0.005),
        ("Shares rose 12.5%.", 0.05),
        ("It took 18 months.", 0.5 / 12),
    ],
)
def test_precision(text: str, precision: float) -> None:
    (q,) = extract_quantities(text, LEX)
    assert q.precision == pytest.approx(precision)


# ---- the rule file ---------------------------------------------------------------------------------


def test_rule_file_has_examples() -> None:
    assert RULE_FILE.family == "quantities"
    assert RULE_FILE.examples is not None
    assert len(RULE_FILE.examples.match) >= 10
    assert len(RULE_FILE.examples.no_match) >= 10


@pytest.mark.parametrize("text", RULE_FILE.examples.match if RULE_FILE.examples else [])
def test_yaml_match_examples(text: str | list[str]) -> None:
    assert isinstance(text, str)
    assert extract_quantities(text, LEX), text


@pytest.mark.parametrize("text", RULE_FILE.examples.no_match if RULE_FILE.examples else [])
def test_yaml_no_match_examples(text: str | list[str]) -> None:
    assert isinstance(text, str)
    assert extract_quantities(text, LEX) == []


def test_default_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()
    assert isinstance(LEX, QuantityLexicon)


def test_explicit_path_loads(tmp_path: Path) -> None:
    lex = load_lexicon(default_rules_dir() / "quantities.yaml")
    assert lex.model_dump() == LEX.model_dump()
    assert extract_quantities("It cost $3 billion.", lex)[0].value == 3e9


def test_bad_lexicon_names_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "quantities.yaml"
    bad.write_text(
        "family: quantities\ndescription: x\nlexicon: {scales: {million: lots}}\n", encoding="utf-8"
    )
    with pytest.raises(RuleFileError, match=r"quantities\.yaml: lexicon\.scales"):
        load_lexicon(bad)


def test_lexicon_is_frozen() -> None:
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError subclass
        LEX.scales = {}  # type: ignore[misc]


# ---- properties ------------------------------------------------------------------------------------

_NUM = st.decimals(min_value="1", max_value="999", places=2, allow_nan=False, allow_infinity=False)


def _fmt(d: Any) -> str:
    s = f"{d:f}".rstrip("0").rstrip(".")
    return s


SURFACES: list[tuple[str, float, str, str]] = [
    # template, multiplier, unit, qualifier
    ("${x} billion", 1e9, "USD", "exact"),
    ("${x}bn", 1e9, "USD", "exact"),
    ("{x} billion dollars", 1e9, "USD", "exact"),
    ("US${x} billion", 1e9, "USD", "exact"),
    ("up to ${x} billion", 1e9, "USD", "up_to"),
    ("about {x}%", 1.0, "percent", "approx"),
    ("€{x} million", 1e6, "EUR", "exact"),
    ("more than {x} GW", 1e9, "W", "over"),
]

PREFIXES = ["The company said", "Analysts expect", "In a filing, the group reported", "Officials confirmed"]


@settings(max_examples=200, deadline=None)
@given(x=_NUM, surface=st.sampled_from(SURFACES), prefix=st.sampled_from(PREFIXES))
def test_property_surface_forms(x: Any, surface: tuple[str, float, str, str], prefix: str) -> None:
    template, mult, unit, qualifier = surface
    phrase = template.format(x=_fmt(x))
    text = f"{prefix} {phrase} for the year."
    found = [q for q in extract_quantities(text, LEX) if q.dimension != "date"]
    assert len(found) == 1, (text, found)
    (q,) = found
    assert q.text == phrase
    assert q.value == pytest.approx(float(x) * mult)
    assert q.unit == unit
    assert q.qualifier == qualifier


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1000, max_value=999_999), noun=st.sampled_from(["users", "workers", "homes"]))
def test_property_thousands_counts(n: int, noun: str) -> None:
    text = f"The service now has {n:,} {noun}, the company said."
    (q,) = extract_quantities(text, LEX)
    assert (q.value, q.unit, q.noun, q.qualifier) == (n, "count", noun, "exact")


@settings(max_examples=100, deadline=None)
@given(lo=st.integers(min_value=1, max_value=50), span=st.integers(min_value=1, max_value=50))
def test_property_ranges(lo: int, span: int) -> None:
    hi = lo + span
    (q,) = extract_quantities(f"The deal is worth ${lo}-{hi} billion.", LEX)
    assert (q.qualifier, q.low, q.high) == ("range", lo * 1e9, hi * 1e9)
    assert q.value == pytest.approx((lo + hi) / 2 * 1e9)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_property_never_crashes_and_offsets_hold(text: str) -> None:
    found = extract_quantities(text, LEX)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.low is None or q.low >= 0
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


# ---- speed -------------------------------------------------------------------------------------------


def test_long_text_yields_every_quantity() -> None:
    # speed is measured by the benchmark script, not by a timed test; this checks a long text is read whole
    paragraph = (
        "On November 18, 2025, Acme said it would invest up to $10 billion, about €9.2 billion, in "
        "data centres drawing more than 1.5 GW, adding 3,000 jobs over five years. Shares rose 4.5%. "
        "The firm, whose Windows 11 tools reach 15 million paid users, expects $20-25 billion in sales. "
    )
    text = paragraph * 2000  # about 560 KB
    found = extract_quantities(text, LEX)
    assert len(found) == 2000 * 9
