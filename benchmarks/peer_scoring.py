"""Scoring the quantity reader against the peer suites: matching, agreement, precision/recall/F1, accuracy.

An expected item (`Gold`) is matched to one reader output (`Got`) whose span overlaps it, or, when the suite
gives no span, whose value agrees. It is right when the value agrees (relative tolerance 1e-6; bounds both; a
date the same TIMEX or range) and the unit family agrees (the same currency code, or the same family: length,
mass, duration, ...). A reader output that matches nothing and overlaps no expected item is a false positive
when the suite annotates its family (see `relevant` in peer_suites.yaml).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks.peer_data import Case, Gold, Got, Relevance
from benchmarks.peer_dates import same_date

REL_TOL = 1e-6


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def _convert(x: float | None, factor: float, offset: float) -> float | None:
    return None if x is None else x * factor + offset


def unit_agrees(gold: Gold, got: Got) -> bool:
    fam = gold.spec.family
    if fam == "number":
        return True  # number and range specs annotate numerals only
    if fam == "currency":
        return got.family == "currency" and (gold.spec.codes is None or got.code in gold.spec.codes)
    return got.family == fam


def _bounds_agree(low: float | None, high: float | None, got: Got) -> bool:
    # An open lower bound ("less than 10", "up to 700") is None upstream and 0 in the reader.
    low_ok = close(low, got.low) or (low is None and got.low == 0)
    return low_ok and close(high, got.high)


def value_agrees(gold: Gold, got: Sequence[Got]) -> bool:
    """Whether the reader's value(s) state the expected one: converted into the reader's unit when the unit
    families agree, as written otherwise (so that "25 pounds" read as 25 GBP has the right value, wrong unit)."""
    if gold.date is not None:
        return same_date(gold.date, [g.date for g in got if g.date is not None]) and all(g.date for g in got)
    if len(got) != 1:
        return False
    one = got[0]
    conversions = [(f, gold.spec.offset) for f in gold.spec.factors] if unit_agrees(gold, one) else [(1.0, 0.0)]
    for factor, offset in conversions:
        if gold.bounded:
            if _bounds_agree(_convert(gold.low, factor, offset), _convert(gold.high, factor, offset), one):
                return True
        elif gold.value is not None and close(_convert(gold.value, factor, offset), one.value):
            return True
    return False


@dataclass
class Item:
    gold: Gold
    got: tuple[Got, ...] = ()
    value_ok: bool = False
    unit_ok: bool = False
    category: str | None = None  # out-of-scope category; None: in scope

    @property
    def right(self) -> bool:
        return self.value_ok and self.unit_ok

    @property
    def scored(self) -> bool:
        """Counted in precision and recall: a unit named without a number has no value to read."""
        return not self.gold.unit_only


@dataclass
class CaseResult:
    case: Case
    items: list[Item]
    false_positives: list[Got] = field(default_factory=list)
    category: str | None = None
    error: str | None = None

    @property
    def in_scope(self) -> bool:
        return self.category is None

    @property
    def right(self) -> bool:
        """Every in-scope item right, no false positive, no error."""
        if self.error or self.false_positives:
            return False
        return all(i.right for i in self.items if i.category is None)


def _overlap(a: tuple[int, int], b: Got) -> int:
    return max(0, min(a[1], b.end) - max(a[0], b.start))


def relevant(got: Got, rel: Relevance) -> bool:
    if got.family in rel.excluded or (rel.families is not None and got.family not in rel.families):
        return False
    return not rel.hedged_only or got.qualifier != "exact"


def match(case: Case, gots: Sequence[Got], rel: Relevance) -> tuple[list[Item], list[Got]]:
    """Pair expected items with reader outputs, one to one (an expected date range takes every reader date inside
    it); return the items and the false positives."""
    items = [Item(g) for g in case.golds]
    used: set[int] = set()
    for item in items:  # a date range: the reader's dates inside it, composed
        g = item.gold
        if g.date is not None and g.date.is_range and g.span is not None:
            inside = [j for j, o in enumerate(gots) if j not in used and o.date is not None and _overlap(g.span, o)]
            if inside:
                used.update(inside)
                item.got = tuple(gots[j] for j in inside)
    pairs = []
    for i, item in enumerate(items):
        if item.got:
            continue
        for j, got in enumerate(gots):
            if j in used:
                continue
            span = item.gold.span
            overlap = _overlap(span, got) if span is not None else 0
            if span is not None and not overlap:
                continue
            v = value_agrees(item.gold, (got,))
            if span is None and not v:
                continue
            u = unit_agrees(item.gold, got)
            pairs.append(((v and u, v, overlap), i, j))
    pairs.sort(key=lambda p: (tuple(-int(x) for x in p[0]), p[1], p[2]))
    for _, i, j in pairs:
        if items[i].got or j in used:
            continue
        items[i].got = (gots[j],)
        used.add(j)
    for item in items:
        if item.got:
            item.value_ok = value_agrees(item.gold, item.got)
            item.unit_ok = all(unit_agrees(item.gold, g) for g in item.got)
    spans = [g.span for g in case.golds if g.span is not None]
    fps = [
        o for j, o in enumerate(gots) if j not in used and relevant(o, rel) and not any(_overlap(s, o) for s in spans)
    ]
    return items, fps


@dataclass
class Counts:
    """Precision and recall counts: gold items, reader predictions, agreeing pairs (value; value and unit)."""

    gold: int = 0
    predicted: int = 0
    tp_value: int = 0
    tp_full: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.tp_value += other.tp_value
        self.tp_full += other.tp_full

    @staticmethod
    def _prf(tp: int, predicted: int, gold: int) -> tuple[float | None, float | None, float | None]:
        """Precision, recall, F1; None where undefined (no prediction; no expected item)."""
        p = tp / predicted if predicted else None
        r = tp / gold if gold else None
        if p is None or r is None:
            return p, r, None
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def value_prf(self) -> tuple[float | None, float | None, float | None]:
        return self._prf(self.tp_value, self.predicted, self.gold)

    def full_prf(self) -> tuple[float | None, float | None, float | None]:
        return self._prf(self.tp_full, self.predicted, self.gold)


def item_counts(items: Iterable[Item]) -> Counts:
    c = Counts()
    for item in items:
        if not item.scored:
            continue
        c.gold += 1
        if item.got:
            c.predicted += 1
            c.tp_value += item.value_ok
            c.tp_full += item.right
    return c


@dataclass
class Tally:
    """Per suite or per kind: precision/recall counts (all items; in-scope items) and case accuracy in scope."""

    cases: int = 0
    counts: Counts = field(default_factory=Counts)
    scoped: Counts = field(default_factory=Counts)
    in_scope: int = 0
    right: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.in_scope if self.in_scope else None


def tally(results: Sequence[CaseResult]) -> tuple[Tally, dict[str, Tally]]:
    """The suite's totals and the same per kind (items by their kind; cases and false positives by the case's)."""
    total = Tally()
    kinds: dict[str, Tally] = {}

    def kind(name: str) -> Tally:
        return kinds.setdefault(name, Tally())

    for r in results:
        for t in (total, kind(r.case.kind)):
            t.cases += 1
            t.in_scope += r.in_scope
            t.right += r.in_scope and r.right
            t.counts.predicted += len(r.false_positives)
            if r.in_scope:
                t.scoped.predicted += len(r.false_positives)
        for item in r.items:
            c = item_counts([item])
            for t in (total, kind(item.gold.kind)):
                t.counts.add(c)
                if item.category is None and r.in_scope:
                    t.scoped.add(c)
    return total, dict(sorted(kinds.items()))
