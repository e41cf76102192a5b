"""What the figures of two facts say of each other, for the join across parties (analyse/joining.py): whether
they agree, whether one states every figure of the other, whether they conflict, whether they are near, and
which distinctive figures link them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.intervals import Rates
from factcheck.models import Claim

MAX_RATIO = 4.0  # a figure that disagrees joins a fact only within this factor of its figures


@dataclass
class Joined:
    """A fact as joined so far: its claims and what the checks read of them."""

    group: FactGroup
    concept: str
    number: int  # its place in its bucket
    documents: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)  # subjects, objects and sentence names of its claims
    extent: frozenset[str] = frozenset()
    measured: set[str] = field(default_factory=set)
    cores: int = 1
    values: dict[str, list[Claim]] = field(default_factory=dict)  # one claim of each value, by document
    distinct: dict[tuple[object, ...], Claim] = field(default_factory=dict)  # one claim of each value

    def add_values(self, claims: list[Claim]) -> None:
        for d, found in values_by_document(claims).items():
            have = {value_key(c) for c in self.values.get(d, ())}
            self.values.setdefault(d, []).extend(c for c in found if value_key(c) not in have)
        for c in claims:
            self.distinct.setdefault(value_key(c), c)


def figures_of(g: FactGroup) -> set[str]:
    """Link keys of a fact's distinctive figures: exact numbers of three or more significant digits that are
    not round ("382 in hospital", "€222m"; not "200", "1.3GW", "$44 billion"). Two facts of one measure that
    state such a figure are linked even when their subjects are not (a toll told of a district and of its
    state)."""
    out = set()
    for c in g.claims:
        if c.value is None or c.qualifier != "exact" or c.precision <= 0:
            continue
        units = round(abs(c.value) / (2 * c.precision))
        if units >= 100 and units % 10:
            out.add(f"\2{c.unit}:{c.value:.6g}")
    return out


def same_where_shared(rates: Rates, j: Joined, g: FactGroup, documents: set[str]) -> bool:
    """A document that gives both facts gives them one value (one toll told of a province and of its county,
    "381 dead" in the headline and "at least 381 people" below): else it speaks of two facts."""
    shared = documents & j.documents
    if not shared:
        return True
    mine = values_by_document(c for c in g.claims if c.document in shared)
    return all(rates.compatible(x, y) for d in shared for x in mine.get(d, ()) for y in j.values.get(d, ()))


def value_key(c: Claim) -> tuple[object, ...]:
    """What `compatible` and `same_number` read of a claim: a fact stated a hundred times is compared once."""
    return (c.dimension, c.value, c.low, c.high, c.precision, c.qualifier, c.unit)


def values_by_document(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """One claim of each stated value, by document."""
    seen: dict[tuple[object, ...], Claim] = {}
    for c in claims:
        seen.setdefault((c.document, *value_key(c)), c)
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in seen.values():
        out[c.document].append(c)
    return out


def agree(rates: Rates, j: Joined, g: FactGroup) -> bool:
    """Every claim of one states the other's number: "more than 1.3 GW" can hold beside "2.8 GW", but it is
    not evidence that the two are one fact."""
    mine = {value_key(c): c for c in g.claims}.values()
    return all(
        rates.compatible(x, y) and (x.value is None or y.value is None or rates.same_number(x, y))
        for x in mine
        for y in j.distinct.values()
    )


def stated_there(rates: Rates, j: Joined, g: FactGroup) -> bool:
    """Every figure of `g` is one a claim of `j` states: joined, they add a source to a side and no conflict."""
    mine = {value_key(c): c for c in g.claims}.values()
    return all(
        any(rates.compatible(x, y) and x.value is not None and rates.same_number(x, y) for y in j.distinct.values())
        for x in mine
    )


def states_all(rates: Rates, j: Joined, g: FactGroup) -> bool:
    """Every figure of `j` is one a claim of `g` states (`stated_there` the other way round)."""
    return all(
        any(rates.compatible(x, y) and y.value is not None and rates.same_number(x, y) for x in g.claims)
        for y in j.distinct.values()
    )


def conflict(rates: Rates, j: Joined, g: FactGroup) -> bool:
    """Some figure of one cannot hold beside one of the other: "more than 1.3 GW" beside "2.8 GW" is neither
    agreement nor conflict, and joins nothing."""
    mine = {value_key(c): c for c in g.claims}.values()
    return any(not rates.compatible(x, y) for x in mine for y in j.distinct.values())


def topics(
    mentions: Mapping[str, Iterable[tuple[str, int]]], canon: Callable[[str], str | None]
) -> dict[str, frozenset[str]]:
    """Each document's topics: the names it mentions most (`mentions`: document -> (name key, count)), at least
    twice, two at most ("the 1.3GW offshore wind farm" in an article about one farm is that farm's)."""
    out = {}
    for document, names in mentions.items():
        counts: dict[str, int] = defaultdict(int)
        for key, n in names:
            name = canon(key)
            if name:
                counts[name] += n
        top = max(counts.values(), default=0)
        leading = frozenset(name for name, n in counts.items() if n == top)
        if top >= 2 and len(leading) <= 2:
            out[document] = leading
    return out


def near_figures(rates: Rates, j: Joined, g: FactGroup, ratio: float = MAX_RATIO) -> bool:
    """Figures within a factor of MAX_RATIO of each other: a revised toll or a misreported price, not a part
    against its whole or one project against a company's total."""
    va = [rates.usd(c) for c in j.distinct.values() if c.value]
    vb = [rates.usd(c) for c in g.claims if c.value]
    if not va or not vb:
        return False
    low, high = min(min(va), min(vb)), max(max(va), max(vb))
    return low > 0 and high / low <= ratio
