"""Tests for factcheck.quantities: the case table, the rule file's examples, properties and speed."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities import QuantityLexicon, extract_quantities, load_lexicon
from factcheck.models import Quantity
from factcheck.ruleset.files import RuleFileError, default_rules_dir, read_rule_file
from tests.extract.quantity_cases import ALL_CASES as FIRST_CASES
from tests.extract.quantity_cases import UNCHECKED, Expect
from tests.extract.quantity_cases_news import NEWS_CASES

ALL_CASES = FIRST_CASES + NEWS_CASES

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
        "stated_value": q.stated_value,
        "stated_unit": q.stated_unit,
        "change": q.change,
        "concept": q.concept,
    }


_STATED = ("stated_value", "stated_unit", "change", "concept")


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
        "stated_value": e.stated_value if e.stated_value is UNCHECKED else _approx(e.stated_value),
        "stated_unit": e.stated_unit,
        "change": e.change,
        "concept": e.concept,
    }


def test_case_table_is_large_enough() -> None:
    assert len(ALL_CASES) >= 400


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_case(text: str, expected: list[Expect]) -> None:
    found = extract_quantities(text, LEX)
    actual = [_actual(q) for q in found]
    wanted = [_expected(e) for e in expected]
    for got, want in zip(actual, wanted, strict=False):  # what a case does not state is not compared
        for key in _STATED:
            if want[key] is UNCHECKED:
                del want[key], got[key]
    assert actual == wanted


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
    bad.write_text("family: quantities\ndescription: x\nlexicon: {scales: {million: lots}}\n", encoding="utf-8")
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
    ("€{x}bn", 1e9, "EUR", "exact"),
    ("{x} billion euros", 1e9, "EUR", "exact"),
    ("EUR {x} million", 1e6, "EUR", "exact"),
    ("£{x}m", 1e6, "GBP", "exact"),
    ("CHF {x} million", 1e6, "CHF", "exact"),
    ("¥{x} billion", 1e9, "JPY", "exact"),
    ("US${x}m", 1e6, "USD", "exact"),
    ("{x} billion US dollars", 1e9, "USD", "exact"),
    ("as much as ${x}bn", 1e9, "USD", "up_to"),
    ("roughly €{x} billion", 1e9, "EUR", "approx"),
    ("potentially worth ${x} billion", 1e9, "USD", "potential"),
    ("${x} billion or more", 1e9, "USD", "at_least"),
    ("north of ${x} million", 1e6, "USD", "over"),
    ("at least {x}%", 1.0, "percent", "at_least"),
    ("{x} per cent", 1.0, "percent", "exact"),
    ("{x} percentage points", 1.0, "percentage_point", "exact"),
    ("{x} basis points", 0.01, "percentage_point", "exact"),
    ("{x} MW", 1e6, "W", "exact"),
    ("{x} TWh", 1e12, "Wh", "exact"),
    ("{x} gigawatt-hours", 1e9, "Wh", "exact"),
    ("{x} km", 1e3, "metre", "exact"),
    ("{x} kg", 1.0, "kilogram", "exact"),
    ("{x} tonnes", 1e3, "kilogram", "exact"),
    ("{x} GB", 1e9, "byte", "exact"),
    ("{x}°C", 1.0, "degree_Celsius", "exact"),
    ("{x} mph", 0.44704, "metre_per_second", "exact"),
    ("{x} hectares", 1e4, "square_metre", "exact"),
    ("{x} litres", 1.0, "litre", "exact"),
    ("nearly {x} million users", 1e6, "count", "approx"),
    ("{x} times", 1.0, "multiple", "exact"),
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


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """1..999 in words, as news writes them ("two hundred and forty-five")."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, ones = divmod(rest, 10)
        word = _ONES[rest] if rest < 20 else _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
        parts.append(word)
    return " and ".join(parts)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=999), scale=st.sampled_from([("million", 1e6), ("billion", 1e9)]))
def test_property_number_words(n: int, scale: tuple[str, float]) -> None:
    phrase = f"{_words(n)} {scale[0]} dollars"
    (q,) = extract_quantities(f"The group said it would spend {phrase} on the plan.", LEX)
    assert (q.text, q.value, q.unit) == (phrase, pytest.approx(n * scale[1]), "USD")


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1000, max_value=9_999_999),
    sep=st.sampled_from([",", "\u00a0", "\u2009", "\u202f", " "]),
    noun=st.sampled_from(["residents", "jobs", "passengers"]),
)
def test_property_thousands_separators(n: int, sep: str, noun: str) -> None:
    written = f"{n:,}".replace(",", sep)
    (q,) = extract_quantities(f"Officials said {written} {noun} were affected.", LEX)
    assert (q.text, q.value, q.noun) == (f"{written} {noun}", n, noun)


@settings(max_examples=100, deadline=None)
@given(
    lo=st.integers(min_value=1, max_value=50),
    span=st.integers(min_value=1, max_value=50),
    dash=st.sampled_from(["-", "–", "—", "−", " to "]),
    form=st.sampled_from(
        [
            ("${a}{d}{b} billion", 1e9, "USD"),
            ("{a}{d}{b}bn euros", 1e9, "EUR"),
            ("{a}{d}{b}%", 1.0, "percent"),
            ("{a}{d}{b} GW", 1e9, "W"),
        ]
    ),
)
def test_property_ranges_in_forms(lo: int, span: int, dash: str, form: tuple[str, float, str]) -> None:
    template, mult, unit = form
    phrase = template.format(a=lo, d=dash, b=lo + span)
    (q,) = extract_quantities(f"Estimates put it at {phrase} this decade.", LEX)
    assert (q.text, q.qualifier, q.unit) == (phrase, "range", unit)
    assert (q.low, q.high) == (pytest.approx(lo * mult), pytest.approx((lo + span) * mult))


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
        assert q.low is None or q.low >= 0 or q.dimension == "temperature"
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


@pytest.mark.parametrize("text", ["five bıllion", "five bİllion", "$5 bİllion", "12 ſeats", "5 \u212a of ram"])
def test_letters_that_fold_to_ascii_are_read_without_error(text: str) -> None:
    """A dotless i, a dotted capital I, a long s or the Kelvin sign matches an ASCII letter when case is
    ignored but lower-cases to something else: the reader must not fail on it, and keeps the text as written."""
    for q in extract_quantities(text, LEX):
        assert q.text == text[q.start : q.end]
