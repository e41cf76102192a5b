"""Interval arithmetic for comparing claims: hedges, stated precision and currency conversion."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

CEILINGS = {"up_to"}


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


def touching(low_a: float, high_a: float, low_b: float, high_b: float) -> bool:
    """Two amounts of one currency whose intervals share only an end: "$32 billion" (31.5 to 32.5) and "$33
    billion" (32.5 to 33.5), rounded at one digit, cannot round one value."""
    return math.isclose(high_a, low_b, rel_tol=1e-12) or math.isclose(high_b, low_a, rel_tol=1e-12)


MAX_RELATIVE_TOLERANCE = 0.1  # "1 gigawatt" is not "1.4 gigawatts", whatever the last digit says


def tolerance(c: Claim, ruleset: RuleSet) -> float:
    """Half the unit of the last stated digit (at most a tenth of the value), never less than a small slack,
    nor, for an amount stated round ("£200m"), than the rounding the rule file allows such a figure."""
    value = abs(c.value or 0.0)
    stated = min(c.precision or 0.0, value * MAX_RELATIVE_TOLERANCE) if value else (c.precision or 0.0)
    least = value * ruleset.numbers.min_relative_tolerance
    if c.dimension == "currency" and c.stated_value:
        least = max(least, min(_rounding(c.stated_value) * value, value * ruleset.numbers.round_amount_tolerance))
    return max(stated, least)


def _rounding(stated: float) -> float:
    """How far a figure stated round may be from what it rounds, relative to it: half the unit of its last digit
    that is not zero ("200": 50/200; "350": 5/350; "44": none)."""
    if stated < 10 or not float(stated).is_integer():
        return 0.0
    n, unit = int(stated), 1
    while n % 10 == 0:
        n, unit = n // 10, unit * 10
    return (unit / 2) / stated if unit > 1 else 0.0


def usd_factor(unit: str | None, ruleset: RuleSet, year: int | None = None) -> float | None:
    """US dollars per unit: at that year's approximate rate when the rule file lists it, else today's."""
    return ruleset.numbers.rate(unit or "", year)


def interval_of(c: Claim, ruleset: RuleSet, year: int | None = None, native: bool = False) -> Interval:
    """What a claim's words allow, in a comparable unit (US dollars for money, at the rate of `year`, the year
    of the claim's document, when known; `native`: in the claim's own currency, to compare with the same)."""
    if c.kind != "quantity":
        return Interval(-math.inf, math.inf)
    low = c.low if isinstance(c.low, (int, float)) else -math.inf
    high = c.high if isinstance(c.high, (int, float)) else math.inf
    # "potentially worth $X" hedges the certainty, not the size: it is compared as the number it states
    if c.qualifier in ("exact", "potential", None) and c.value is not None:
        low = high = c.value
    tol = tolerance(c, ruleset)
    low, high = low - tol, high + tol
    if c.dimension == "currency" and not native and usd_factor(c.unit, ruleset, year) is None:
        return Interval(-math.inf, math.inf)  # a currency without a rate cannot be compared
    factor, slack = (1.0, 0.0) if native else _conversion(c, ruleset, year)
    return Interval(low * factor * (1 - slack), high * factor * (1 + slack))


def _conversion(c: Claim, ruleset: RuleSet, year: int | None = None) -> tuple[float, float]:
    """(factor to comparable units, relative slack of that conversion): US dollars at the dated rates."""
    if c.dimension != "currency":
        return 1.0, 0.0
    factor = usd_factor(c.unit, ruleset, year)
    slack = 0.0 if c.unit == "USD" else ruleset.numbers.rate_tolerance
    return (factor if factor is not None else 1.0), slack


def format_amount(value: float | None, unit: str | None) -> str:
    """A short human form: 10000000000 USD -> "$10 billion"."""
    if value is None:
        return "?"
    symbols = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
    scales = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
    if unit in ("W", "Wh"):
        for f, name in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]:
            if abs(value) >= f:
                return f"{_num(value / f)} {name}{unit}"
        return f"{_num(value)} {unit}"
    text = _num(value)
    for f, name in scales:
        if abs(value) >= f:
            text = f"{_num(value / f)} {name}"
            break
    if unit in symbols:
        return f"{symbols[unit]}{text}"
    if unit == "percent":
        return f"{text}%"
    if unit in ("count", None):
        return text
    return f"{text} {unit}"


def _num(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4g}" if abs(x) < 1000 else f"{x:,.0f}"


BOUNDS = {"up_to", "under", "over", "at_least"}
FLOORS = {"over", "at_least"}
UPPER = {"up_to", "under"}


def usd_value(c: Claim, ruleset: RuleSet, year: int | None = None, native: bool = False) -> tuple[float, float]:
    """The stated number in comparable units (or, `native`, its own), and its tolerance there."""
    factor, slack = (1.0, 0.0) if native else _conversion(c, ruleset, year)
    v = (c.value or 0.0) * factor
    return v, tolerance(c, ruleset) * factor + abs(v) * slack


def same_currency(a: Claim, b: Claim) -> bool:
    """Two amounts of one currency: no conversion, and none of its slack, between them."""
    return a.dimension == "currency" == b.dimension and a.unit == b.unit


def compatible(a: Claim, b: Claim, ruleset: RuleSet, years: tuple[int | None, int | None] = (None, None)) -> bool:
    """Can both claims hold? Intervals must meet; two bounds of one kind must state the same bound; a
    ceiling and a floor ("up to X" against "more than X") meet only if the floor is below the ceiling.
    `years`: the years of the claims' documents, for the rates of their time. Two amounts of one currency are
    compared as stated: "98 million euros" and "105 million euros" differ at any rate."""
    native = same_currency(a, b)
    ia, ib = interval_of(a, ruleset, years[0], native), interval_of(b, ruleset, years[1], native)
    if not ia.overlaps(ib) or (native and touching(ia.low, ia.high, ib.low, ib.high)):
        return False
    if a.value is None or b.value is None:
        return True
    va, ta = usd_value(a, ruleset, years[0], native)
    vb, tb = usd_value(b, ruleset, years[1], native)
    if a.qualifier == b.qualifier and a.qualifier in BOUNDS:
        return abs(va - vb) <= max(ta, tb)
    pair = {a.qualifier, b.qualifier}
    if pair & FLOORS and pair & UPPER:
        floor, ceiling = (va, vb) if a.qualifier in FLOORS else (vb, va)
        return floor < ceiling - (ta + tb) * 0.5
    return True


def same_number(a: Claim, b: Claim, ruleset: RuleSet, years: tuple[int | None, int | None] = (None, None)) -> bool:
    """The stated numbers agree within their precision (whatever the hedges)."""
    native = same_currency(a, b)
    va, ta = usd_value(a, ruleset, years[0], native)
    vb, tb = usd_value(b, ruleset, years[1], native)
    return abs(va - vb) <= max(ta, tb) + 1e-9


APART = 5.0  # figures further apart than this are two facts, unless one is the other with its scale slipped
SLIP = math.log10(1.1)  # "$45 million" for "$45 billion", "$2.8 billion" for "$28 billion": a power of ten, nearly


def apart(a: Claim, b: Claim, ruleset: RuleSet) -> bool:
    """Two figures no misstatement makes one of the other: a share price and a deal's value, a fee and the
    price it is part of ("$157" and "$28 billion", "$1.48 billion" and "$28 billion"). Amounts only: a count
    revised from 181 missing to nine is one fact."""
    if not same_currency(a, b):
        return False  # (a currency swapped, "¥10 billion" for "$10 billion", is a misstatement)
    va, vb = abs(a.value or 0.0), abs(b.value or 0.0)  # one currency: as stated
    if not va or not vb:
        return False
    ratio = math.log10(max(va, vb) / min(va, vb))
    return ratio > math.log10(APART) and abs(ratio - round(ratio)) > SLIP


def year_of(date: str | None) -> int | None:
    """The year of an ISO document date ("2022-09-02" -> 2022), or None."""
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass(frozen=True)
class Rates:
    """The comparisons of amounts at the rates of their documents' years (`years`: document id -> year)."""

    ruleset: RuleSet
    years: Mapping[str, int | None] = field(default_factory=dict)

    def _of(self, a: Claim, b: Claim) -> tuple[int | None, int | None]:
        """The two documents' years; an undated one converts at the other's year."""
        ya, yb = self.years.get(a.document), self.years.get(b.document)
        return (ya if ya is not None else yb), (yb if yb is not None else ya)

    def compatible(self, a: Claim, b: Claim) -> bool:
        return compatible(a, b, self.ruleset, self._of(a, b))

    def same_number(self, a: Claim, b: Claim) -> bool:
        return same_number(a, b, self.ruleset, self._of(a, b))

    def usd(self, c: Claim) -> float:
        return usd_value(c, self.ruleset, self.years.get(c.document))[0]


def interval_columns(
    claims: list[Claim], years: list[int | None], ruleset: RuleSet, native: bool
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Each claim's interval (low, high) and number with its tolerance (value, tol), converted or as stated."""
    intervals = [interval_of(c, ruleset, y, native) for c, y in zip(claims, years, strict=True)]
    values = [usd_value(c, ruleset, y, native) for c, y in zip(claims, years, strict=True)]
    return [i.low for i in intervals], [i.high for i in intervals], [v[0] for v in values], [v[1] for v in values]
