"""Stage 4, compare: Facts -> Findings, plus the within-document checks that passed.

Findings are immutable records; every output format serialises the same ones.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process, utils

from factcheck.analyse.align import _Group
from factcheck.analyse.intervals import (
    BOUNDS,
    CEILINGS,
    FLOORS,
    UPPER,
    format_amount,
    interval_of,
    tolerance,
    usd_value,
)
from factcheck.extract import EntityIndex
from factcheck.extract.corpus import Corpus
from factcheck.models import (
    SEVERITY_ORDER,
    Check,
    Claim,
    Corroboration,
    Evidence,
    EvidenceSentence,
    Finding,
    replace,
)
from factcheck.ruleset.rule_set import RuleSet

MAX_EVIDENCE = 10


@dataclass
class Comparison:
    findings: list[Finding] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    corroborations: list[Corroboration] = field(default_factory=list)
    statuses: dict[int, str] = field(default_factory=dict)


def _where(c: Claim) -> str:
    return f"{c.document}:{c.line}"


def _name(index: EntityIndex, key: str | None) -> str:
    return index.name(key) or "(no subject)"


def _fact_label(index: EntityIndex, g: _Group) -> str:
    obj = f" → {_name(index, g.object)}" if g.object else ""
    return f"{_name(index, g.subject)} {g.metric.replace('_', ' ')}{obj}"


def compare_quantities(groups: list[_Group], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    index = corpus.index
    dates = {d.id: d.date for d in corpus.documents}
    for g in groups:
        if g.kind != "quantity":
            continue
        active = [c for c in g.claims if not c.teaser]
        # every pair of the fact is looked at (a fact of a name that recurs grows with the corpus), but through
        # per-claim values computed once, and in numpy for a large fact
        facts = _ClaimTable(active, dates, ruleset) if len(active) >= 2 else None
        first, second, update_pairs = facts.pairs() if facts is not None else ([], [], [])
        updates: dict[str, list[Claim]] = defaultdict(list)  # later claim id -> the earlier claims it updates
        later_of: dict[str, Claim] = {}
        for earlier, later in update_pairs:
            updates[active[later].id].append(active[earlier])
            later_of[active[later].id] = active[later]
        strong, flagged = _conflicts(active, first, second)
        out.statuses[id(g)] = _status(g, strong, corpus, updated=bool(updates))
        if flagged:
            values = "; ".join(f"{c.text} ({_where(c)})" for c in flagged)
            severity = None if strong else "info"
            out.findings.append(
                _finding(
                    ruleset,
                    "numeric_disagreement",
                    "numeric_disagreement",
                    flagged,
                    g,
                    severity=severity,
                    weak=not strong,
                    fact=_fact_label(index, g),
                    values=values,
                )
            )
        for later_id, earlier in updates.items():
            later = later_of[later_id]
            earlier = sorted(earlier, key=_order)
            out.findings.append(
                _finding(
                    ruleset,
                    "temporal_update",
                    "temporal_update",
                    [later, *earlier],
                    g,
                    fact=_fact_label(index, g),
                    old=earlier[0].text,
                    old_date=dates.get(earlier[0].document) or "undated",
                    new=later.text,
                    new_date=dates.get(later.document) or "undated",
                )
            )
        ceilings = [i for i, c in enumerate(active) if c.qualifier in CEILINGS and c.value is not None]
        for f, firm in enumerate(active):
            if facts is None or firm.qualifier != "exact" or firm.value is None:
                continue
            match = [active[i] for i in ceilings if facts.same_number(i, f)]
            if match:
                out.findings.append(
                    _finding(
                        ruleset,
                        "hedge_mismatch",
                        "hedge_mismatch",
                        [firm, *match],
                        g,
                        firm=firm.text,
                        ceiling=match[0].text,
                    )
                )


def _conflicts(active: list[Claim], first: Sequence[int], second: Sequence[int]) -> tuple[bool, list[Claim]]:
    """For the conflicting pairs (active[first[k]], active[second[k]]), in pair order: whether one of them rests on
    no quotation (a quotation alone never turns a fact into a disagreement: it is reported, weakly, as info),
    and the claims in conflicts, those in the most conflicts first (the odd one out is where to look)."""
    if len(first) < VECTOR_PAIRS or len({c.id for c in active}) != len(active):
        conflicts = [(active[i], active[j]) for i, j in zip(first, second, strict=True)]
        strong = any(not (a.quoted or b.quoted) for a, b in conflicts)
        load = Counter(c.id for pair in conflicts for c in pair)
        unique = {c.id: c for pair in conflicts for c in pair}.values()
        return strong, sorted(unique, key=lambda c: (-load[c.id], _order(c)))
    # the same in numpy, for a fact of many claims (ids are unique here, so a claim is its index)
    a, b = np.asarray(first), np.asarray(second)
    quoted = np.asarray([c.quoted for c in active])
    strong = bool(np.any(~quoted[a] & ~quoted[b]))
    load = (np.bincount(a, minlength=len(active)) + np.bincount(b, minlength=len(active))).tolist()
    seen = np.empty(2 * len(a), dtype=np.int64)
    seen[0::2], seen[1::2] = a, b  # the claims in the order the pairs name them
    members, at = np.unique(seen, return_index=True)
    unique = members[np.argsort(at, kind="stable")].tolist()
    ranked = sorted(unique, key=lambda i: (-load[i], _order(active[i])))
    return strong, [active[i] for i in ranked]


# pair outcomes of `_ClaimTable`
_COMPATIBLE, _CONFLICT, _UPDATE_FORWARD, _UPDATE_BACKWARD = 0, 1, 2, 3
VECTOR_PAIRS = 300  # from this many pairs on, a fact's pairs are judged in numpy


class _ClaimTable:
    """The claims of one fact as columns of the numbers `compatible` and `_temporal` look at, computed once a
    claim instead of once a pair. `pairs()` judges every pair (a, b), a before b, exactly as

        a.document != b.document and not compatible(a, b) -> _temporal(a, b) is None: a conflict; else an update

    would, and returns them in the order of `itertools.combinations`."""

    def __init__(self, claims: list[Claim], dates: dict[str, str | None], ruleset: RuleSet) -> None:
        lex = ruleset.numbers
        self.n = len(claims)
        doc_ids: dict[str, int] = {}
        self.doc = [doc_ids.setdefault(c.document, len(doc_ids)) for c in claims]
        intervals = [interval_of(c, ruleset) for c in claims]
        self.low = [iv.low for iv in intervals]
        self.high = [iv.high for iv in intervals]
        self.valued = [c.value is not None for c in claims]
        usd = [usd_value(c, ruleset) for c in claims]
        self.usd = [u[0] for u in usd]
        self.tol = [u[1] for u in usd]
        self.bound = [c.qualifier if c.qualifier in BOUNDS else None for c in claims]
        self.floor = [c.qualifier in FLOORS for c in claims]
        self.upper = [c.qualifier in UPPER for c in claims]
        day = [dates.get(c.document) or "" for c in claims]
        ranks = {d: r for r, d in enumerate(sorted(set(day)))}
        self.day = [ranks[d] if d else -1 for d in day]  # the order of the documents' ISO dates; -1: none
        self.claims = claims
        self.update_re = lex.update_re
        self._cue: list[bool | None] = [None] * self.n  # the sentence says the number changed; read when needed
        self.grows = [c.metric in lex.cumulative_metrics for c in claims]
        self.value = [c.value or 0 for c in claims]

    def cue(self, i: int) -> bool:
        found = self._cue[i]
        if found is None:
            found = self._cue[i] = bool(self.update_re.search(self.claims[i].quote))
        return found

    def same_number(self, a: int, b: int) -> bool:
        """`same_number(claims[a], claims[b])`."""
        return abs(self.usd[a] - self.usd[b]) <= max(self.tol[a], self.tol[b]) + 1e-9

    def pairs(self) -> tuple[Sequence[int], Sequence[int], list[tuple[int, int]]]:
        """The conflicting pairs (first[k], second[k]) and the updates (earlier, later), each in pair order."""
        n = self.n
        if n < 2:
            return [], [], []
        if n * (n - 1) // 2 >= VECTOR_PAIRS:
            return self._pairs_numpy()
        first: list[int] = []
        second: list[int] = []
        updates: list[tuple[int, int]] = []
        for a in range(n):
            for b in range(a + 1, n):
                outcome = self._outcome(a, b)
                if outcome == _CONFLICT:
                    first.append(a)
                    second.append(b)
                elif outcome == _UPDATE_FORWARD:
                    updates.append((a, b))
                elif outcome == _UPDATE_BACKWARD:
                    updates.append((b, a))
        return first, second, updates

    def _outcome(self, a: int, b: int) -> int:
        """Compatible (or one document), a conflict, or an update: the later source updates the number rather
        than contradicting it when it says so ("rose to", "revised", "raised its offer") or the metric grows by
        nature (a toll, a count of users) and it grew. Without two dates, a sentence that says the number
        changed is still an update."""
        if self.doc[a] == self.doc[b] or self._compatible(a, b):
            return _COMPATIBLE
        da, db = self.day[a], self.day[b]
        if da >= 0 and db >= 0 and da != db:
            earlier, later = (a, b) if da < db else (b, a)
            if self.cue(later) or (self.grows[later] and self.value[later] > self.value[earlier]):
                return _UPDATE_FORWARD if earlier == a else _UPDATE_BACKWARD
            return _CONFLICT
        cue_a, cue_b = self.cue(a), self.cue(b)
        if cue_b and not cue_a:
            return _UPDATE_FORWARD
        if cue_a and not cue_b:
            return _UPDATE_BACKWARD
        return _CONFLICT

    def _compatible(self, a: int, b: int) -> bool:
        """`numbers.compatible` on the precomputed columns."""
        if not (self.low[a] <= self.high[b] and self.low[b] <= self.high[a]):
            return False
        if not (self.valued[a] and self.valued[b]):
            return True
        va, ta, vb, tb = self.usd[a], self.tol[a], self.usd[b], self.tol[b]
        if self.bound[a] is not None and self.bound[a] == self.bound[b]:
            return abs(va - vb) <= max(ta, tb)
        if (self.floor[a] or self.floor[b]) and (self.upper[a] or self.upper[b]):
            floor, ceiling = (va, vb) if self.floor[a] else (vb, va)
            return floor < ceiling - (ta + tb) * 0.5
        return True

    def _pairs_numpy(self) -> tuple[Sequence[int], Sequence[int], list[tuple[int, int]]]:
        n = self.n
        ai, bi = np.triu_indices(n, 1)  # every pair a < b, in the order of itertools.combinations

        def col(values: list) -> tuple[np.ndarray, np.ndarray]:
            arr = np.asarray(values)
            return arr[ai], arr[bi]

        low_a, low_b = col(self.low)
        high_a, high_b = col(self.high)
        valued_a, valued_b = col(self.valued)
        va, vb = col(self.usd)
        ta, tb = col(self.tol)
        floor_a, floor_b = col(self.floor)
        upper_a, upper_b = col(self.upper)
        bound_codes = {None: -1, **{q: i for i, q in enumerate(sorted(BOUNDS))}}
        bound_a, bound_b = col([bound_codes[q] for q in self.bound])
        with np.errstate(invalid="ignore", over="ignore"):
            overlap = (low_a <= high_b) & (low_b <= high_a)
            same_bound = (bound_a >= 0) & (bound_a == bound_b)
            bigger = np.where(tb > ta, tb, ta)  # max(ta, tb), as Python's max picks it
            by_bound = np.abs(va - vb) <= bigger
            crossed = (floor_a | floor_b) & (upper_a | upper_b)
            floor = np.where(floor_a, va, vb)
            ceiling = np.where(floor_a, vb, va)
            by_cross = floor < ceiling - (ta + tb) * 0.5
        by_value = np.where(same_bound, by_bound, np.where(crossed, by_cross, True))
        compatible = overlap & (~(valued_a & valued_b) | by_value)
        doc_a, doc_b = col(self.doc)
        judged = (doc_a != doc_b) & ~compatible
        day_a, day_b = col(self.day)
        cue_a, cue_b = col([self.cue(i) for i in range(n)])
        grows_a, grows_b = col(self.grows)
        value_a, value_b = col([float(v) for v in self.value])
        dated = (day_a >= 0) & (day_b >= 0) & (day_a != day_b)
        a_first = day_a < day_b
        later_cue = np.where(a_first, cue_b, cue_a)
        later_grew = np.where(a_first, grows_b & (value_b > value_a), grows_a & (value_a > value_b))
        dated_update = later_cue | later_grew
        forward = np.where(dated, dated_update & a_first, cue_b & ~cue_a)
        backward = np.where(dated, dated_update & ~a_first, cue_a & ~cue_b)
        conflict = judged & ~forward & ~backward
        update = judged & (forward | backward)
        fwd = forward[update]
        ua, ub = ai[update].tolist(), bi[update].tolist()
        updates = [(a, b) if f else (b, a) for a, b, f in zip(ua, ub, fwd.tolist(), strict=True)]
        return ai[conflict], bi[conflict], updates


def _order(c: Claim) -> tuple[str, int, int]:
    return (c.document, c.line, c.column)


def _status(g: _Group, conflicting: bool, corpus: Corpus, updated: bool = False) -> str:
    if conflicting:
        return "disagree"
    if updated:
        return "updated"
    return "agree" if corpus.independence.several([c for c in g.claims if not c.teaser]) else "single_source"


def _finding(
    ruleset: RuleSet,
    kind: str,
    rule: str,
    claims: list[Claim],
    g: _Group | None,
    related: list[Claim] | None = None,
    evidence: list[Evidence] | None = None,
    weak: bool = False,
    severity: str | None = None,
    **values: object,
) -> Finding:
    return Finding(
        id="",
        kind=kind,
        rule=rule,
        severity=severity or ruleset.severity(rule),
        message=ruleset.message(rule, **values),
        claims=[c.id for c in claims],
        related=[c.id for c in related or []],
        evidence=evidence or [],
        weak=weak or any(c.teaser for c in claims),
    )


# -- within one document -----------------------------------------------------------------------------


def _part_groups(doc_claims: list[Claim], lines_role: dict[int, str]) -> list[list[Claim]]:
    """Runs of consecutive list items, and single sentences, that each give one amount."""
    groups: list[list[Claim]] = []
    run: list[Claim] = []
    last_line = -10
    for c in doc_claims:
        if lines_role.get(c.line) != "list_item":
            continue
        if run and c.line != last_line + 1 and c.line != last_line:
            groups.append(run)
            run = []
        run.append(c)
        last_line = c.line
    if run:
        groups.append(run)
    by_sentence: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in doc_claims:
        by_sentence[(c.line, c.quote)].append(c)
    groups.extend(v for v in by_sentence.values() if len(v) >= 2)
    return groups


def check_arithmetic(corpus: Corpus, claims: list[Claim], ruleset: RuleSet, out: Comparison) -> None:
    by_document: dict[str, list[Claim]] = defaultdict(list)  # each document's claims, in order: no scan of all
    for c in claims:
        by_document[c.document].append(c)
    for doc in corpus.documents:
        roles = {ln.number: ln.role for ln in doc.lines}
        mine = [
            c
            for c in by_document.get(doc.id, ())
            if c.document == doc.id
            and c.kind == "quantity"
            and c.dimension == "currency"
            and c.value is not None
            and c.per is None
        ]
        # each group of parts once, with its sum; a total is tried only against groups whose sum is near it
        # (or, for a stated total, a few groups), so the work stays near-linear in the amounts of a document
        groups: list[tuple[list[Claim], float, set[str]]] = []
        for group in _part_groups(mine, roles):
            base = [p for p in group if p.qualifier != "range" and not p.total]
            if 2 <= len(base) <= MAX_PARTS + 1:
                groups.append((base, sum(p.value or 0.0 for p in base), {p.id for p in base}))
        if not groups:
            continue
        order = sorted(range(len(groups)), key=lambda i: groups[i][1])
        sums = [groups[i][1] for i in order]
        for total in mine:
            for parts in (groups[i][0] for i in _near_sums(total, order, sums)):
                parts = [p for p in parts if p.id != total.id]
                if len(parts) < 2 or any(p.unit != total.unit for p in parts):
                    continue
                s = sum(p.value or 0.0 for p in parts)
                tol = tolerance(total, ruleset) + sum(tolerance(p, ruleset) for p in parts)
                detail = (
                    f"{total.text} ({total.document}:{total.line}) = "
                    + " + ".join(f"{p.text} ({p.line})" for p in parts)
                    + f" = {format_amount(s, total.unit)}"
                )
                consistent = abs(s - (total.value or 0.0)) <= tol
                # a sum that does not add up is a finding only for a stated total whose parts are of its kind
                stated = total.total and all(
                    p.metric == "value"  # a part with no cue word ("- **Acme**: $2 billion") is any kind of amount
                    or any(ruleset.metrics.compatible(p.metric or "", m) for m in _metrics_named(total, ruleset))
                    for p in parts
                )
                if consistent or stated:
                    status = "consistent" if consistent else "mismatch"
                    ids = [total.id] + [p.id for p in parts]
                    out.checks.append(Check(kind="arithmetic", status=status, claims=ids, detail=detail))
                if not consistent and stated:
                    out.findings.append(
                        _finding(
                            ruleset,
                            "arithmetic_mismatch",
                            "arithmetic_mismatch",
                            [total, *parts],
                            None,
                            total=total.text,
                            parts=" + ".join(p.text for p in parts),
                            sum=format_amount(s, total.unit),
                        )
                    )


MAX_PARTS = 12  # a breakdown has a handful of parts; a long run of amounts is not the parts of one total
MAX_TRIES = 50  # groups one stated total is compared with


def _near_sums(total: Claim, order: list[int], sums: list[float]) -> list[int]:
    """Indexes of the groups a total may be the sum of: sums within a quarter of it (or of twice it, when the
    total sits in the group), or, for a stated total, within a factor of four (where a mismatch can show)."""
    v = abs(total.value or 0.0)
    windows = [(0.75 * v, 1.25 * v), (1.75 * v, 2.25 * v)]
    if total.total:
        windows.append((0.25 * v, 4.5 * v))
    found: set[int] = set()
    for lo, hi in windows:
        a, b = bisect.bisect_left(sums, lo), bisect.bisect_right(sums, hi)
        found.update(order[a : min(b, a + MAX_TRIES)])
    return sorted(found)


def _metrics_named(c: Claim, ruleset: RuleSet) -> set[str]:
    """The metrics a total's sentence names ("combined investments and commitments")."""
    names = {c.metric or ""}
    for metric, rx in ruleset.metrics.cue_res:
        if "currency" in metric.dimensions and rx.search(c.quote):
            names.add(metric.name)
    return names


def check_conversions(claims: list[Claim], ruleset: RuleSet, out: Comparison) -> None:
    pairs: dict[tuple[str, str, str], list[tuple[Claim, float, float, float]]] = defaultdict(list)
    for c in claims:
        for eq in c.equivalents:
            if not c.value or not eq.value:
                continue
            # the equivalent is computed from the amount as stated, so only its own rounding counts
            p, e = c.value, eq.value
            pe = eq.precision or 0.0
            lo, hi = (e - pe) / p, (e + pe) / p
            pairs[(c.document, c.unit or "", eq.unit)].append((c, e / p, lo, hi))
    table = ruleset.numbers.usd_per_unit
    for (_doc, base, other), items in sorted(pairs.items()):
        lo = max(i[2] for i in items)
        hi = min(i[3] for i in items)
        rates = ", ".join(f"{i[1]:.3g} {other}/{base} at {i[0].document}:{i[0].line}" for i in items)
        consistent = lo <= hi * (1 + ruleset.numbers.rate_tolerance / 10)
        # every pair must also be near the dated reference rate: rates move, typos move them further
        if base in table and other in table:
            reference = table[base] / table[other]
            far = [i for i in items if not (reference / 1.35 <= i[1] <= reference * 1.35)]
            if far:
                consistent = False
                rates += f" (reference about {reference:.3g} {other}/{base} on {ruleset.numbers.rates_date})"
        out.checks.append(
            Check(
                kind="conversion",
                status="consistent" if consistent else "mismatch",
                claims=[i[0].id for i in items],
                detail=rates,
            )
        )
        if not consistent:
            out.findings.append(
                _finding(
                    ruleset, "conversion_mismatch", "conversion_mismatch", [i[0] for i in items], None, rates=rates
                )
            )


# -- dates and superlatives ------------------------------------------------------------------------


def compare_dates(groups: list[_Group], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    for g in groups:
        if g.kind != "date":
            continue
        conflicts = [
            (a, b)
            for a, b in itertools.combinations(g.claims, 2)
            if a.document != b.document and (str(a.high) < str(b.low) or str(b.high) < str(a.low))
        ]
        out.statuses[id(g)] = _status(g, bool(conflicts), corpus)
        if conflicts:
            flagged = sorted({c.id: c for pair in conflicts for c in pair}.values(), key=_order)
            dates = "; ".join(f"{c.text} ({_where(c)})" for c in flagged)
            out.findings.append(_finding(ruleset, "date_disagreement", "date_disagreement", flagged, g, dates=dates))


def compare_categorical(groups: list[_Group], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    index = corpus.index
    props = [g for g in groups if g.kind in ("superlative", "exclusivity")]
    evidence = EvidenceIndex(corpus) if props else None
    # a rival needs a uniqueness claim with an object on both sides (see _rival): only those are looked at
    rivals_of = _Rivals(
        index,
        [
            o
            for h in props
            for o in h.claims
            if o.metric in ("superlative:unique", "exclusivity:unique") and o.object and not o.teaser
        ],
    )
    for g in props:
        docs = {c.document for c in g.claims if not c.teaser}
        first = sorted(g.claims, key=_order)[0]
        if corpus.independence.several([c for c in g.claims if not c.teaser]):
            out.statuses[id(g)] = "agree"
            for c in g.claims:
                others = [o.id for o in g.claims if o.document != c.document]
                out.corroborations.append(Corroboration(claim=c.id, supported_by=others))
            continue
        out.statuses[id(g)] = "single_source"
        phrase = first.text
        subject = _name(index, first.subject)
        # another source shares the distinction ("also available from X") or gives it to someone else
        alternatives = _alternatives(g, first, corpus, ruleset, evidence)
        mine = {id(o) for o in g.claims}
        rivals = (
            [o for o in rivals_of.candidates(first) if id(o) not in mine and o.document not in docs]
            if not alternatives and first.metric in ("superlative:unique", "exclusivity:unique") and first.object
            else []
        )
        if alternatives or rivals:
            other = (
                ", ".join(_name(index, k) for k in alternatives[0][1])
                if alternatives
                else _name(index, rivals[0].subject)
            )
            contradicting = [e for e, _ in alternatives] + [
                # one per rival: a claim that recurs across a corpus has many, made without validating again
                replace(_CONTRADICTS, document=o.document, line=o.line, quote=o.quote)
                for o in rivals
            ]
            out.findings.append(
                _finding(
                    ruleset,
                    "contradicted_claim",
                    "contradicted_claim",
                    sorted(g.claims, key=_order),
                    g,
                    related=rivals,
                    subject=subject,
                    phrase=phrase,
                    other=other,
                    evidence=contradicting,
                )
            )
            continue
        rule = "unsupported_exclusivity" if g.kind == "exclusivity" else "unsupported_superlative"
        attributed = all(c.attributed for c in g.claims)
        severity = "info" if attributed else None
        out.findings.append(
            _finding(
                ruleset,
                "unsupported_superlative",
                rule,
                sorted(g.claims, key=_order),
                g,
                severity=severity,
                subject=subject,
                phrase=phrase,
                evidence=related_evidence(g, corpus, ruleset, evidence),
            )
        )


class EvidenceIndex:
    """Every document's evidence sentences by the (canonical) names they mention: a fact looks only at the
    sentences that name one of its parties, never at every sentence of the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        index = corpus.index
        self.sentences: list[tuple[str, EvidenceSentence, set[str | None]]] = []
        self.by_key: dict[str | None, list[int]] = defaultdict(list)
        # the same, for the sentences that name an alternative ("also available from"): a name as common as a
        # city is in many sentences, but in few of these
        self.offering: dict[str | None, list[int]] = defaultdict(list)
        for extract in corpus.extracts:
            for s in extract.evidence:
                keys = {index.canon(k) for k in s.keys}
                n = len(self.sentences)
                self.sentences.append((extract.document.id, s, keys))
                for k in keys:
                    self.by_key[k].append(n)
                    if s.alternatives:
                        self.offering[k].append(n)

    def naming(
        self, keys: set[str | None], alternatives: bool = False
    ) -> list[tuple[str, EvidenceSentence, set[str | None]]]:
        """The sentences that name one of `keys` (and an alternative, if asked), in corpus order: (document id,
        sentence, its names)."""
        blocks = self.offering if alternatives else self.by_key
        found = sorted({n for k in keys for n in blocks.get(k, ())})
        return [self.sentences[n] for n in found]


def _alternatives(
    g: _Group, first: Claim, corpus: Corpus, ruleset: RuleSet, evidence: EvidenceIndex | None = None
) -> list[tuple[Evidence, list[str]]]:
    """Other sources that say the distinction is shared: "X is also available from Y" where the claim
    says only its subject offers X. Only uniqueness ("only", "sole", "exclusive") can be contradicted so."""
    if first.metric not in ("superlative:unique", "exclusivity:unique") or first.word == "first":
        return []
    index = corpus.index
    subject = index.canon(first.subject)
    own = {subject, index.owner_of(subject)}
    scope_text = " ".join(c.scope or "" for c in g.claims).casefold()
    scope = {
        index.canon(e)
        for c in g.claims
        for e in c.entities
        if index.canon(e) not in own and (index.name(e) or e).casefold() in scope_text
    }
    docs = {c.document for c in g.claims}
    found = []
    # only a sentence that names something in the scope (`keys & scope`) and an alternative (`others`) can count
    for doc_id, s, keys in (evidence or EvidenceIndex(corpus)).naming(scope, alternatives=True):
        if doc_id in docs:
            continue
        others = [
            index.canon(k)
            for k in s.alternatives
            if index.canon(k) not in own and index.canon(k) not in scope and not index.related(k, subject)
        ]
        if others and keys & scope:
            ev = Evidence(document=doc_id, line=s.line, quote=s.text, relation="contradicts")
            found.append((ev, sorted(set(others))))
    return found


_CONTRADICTS = Evidence(document="", line=0, quote="", relation="contradicts")


class _Rivals:
    """The uniqueness claims with an object, grouped by their (object, scope) wording: `candidates(a)` is
    `[b for b in claims if _rival(index, a, b)]`, but the fuzzy wording tests run once a distinct pair of
    wordings, not once a pair of claims, each row of them in one vectorised pass with a cutoff just below
    the threshold, the few that pass it confirmed by the exact test."""

    def __init__(self, index: EntityIndex, claims: list[Claim]) -> None:
        self.index = index
        self.claims = claims
        self.subjects = [self._parties(c.subject) for c in claims]
        self.by_object: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for n, c in enumerate(claims):
            if c.object:
                self.by_object[c.object][c.scope or ""].append(n)
        self.objects = list(self.by_object)
        self._near: dict[tuple[str, ...], list[str]] = {}

    def _close(self, a: str, wordings: list[str], key: tuple[str, ...]) -> list[str]:
        """The wordings with a token-set ratio of at least 85 to `a` (cached under `key`)."""
        near = self._near.get(key)
        if near is None:
            p = utils.default_process
            scores = process.cdist([a], wordings, scorer=fuzz.token_set_ratio, processor=p, score_cutoff=84)[0]
            near = self._near[key] = [
                w
                for w, score in zip(wordings, scores, strict=True)
                if score and fuzz.token_set_ratio(a, w, processor=p) >= 85
            ]
        return near

    def candidates(self, a: Claim) -> list[Claim]:
        unique = {"superlative:unique", "exclusivity:unique"}
        if a.metric not in unique or not a.object or not self.objects:
            return []
        found: list[int] = []
        for obj in self._close(a.object, self.objects, ("object", a.object)):
            scopes = self.by_object[obj]
            for scope in self._close(a.scope or "", list(scopes), ("scope", obj, a.scope or "")):
                found.extend(scopes[scope])
        out = []
        mine = self._parties(a.subject)
        for n in sorted(found):
            b = self.claims[n]
            if b.metric in unique and not self._related(mine, self.subjects[n]):
                out.append(b)
        return out

    def _parties(self, subject: str | None) -> tuple[str, str | None] | None:
        """A subject's canonical key and its owner's, as `EntityIndex.related` compares them."""
        if subject is None:
            return None
        key = self.index.canon(subject)
        assert key is not None
        return key, self.index.owner_of(key)

    @staticmethod
    def _related(a: tuple[str, str | None] | None, b: tuple[str, str | None] | None) -> bool:
        """`index.related(a, b)` on the precomputed parties."""
        if a is None or b is None:
            return False
        return a[0] == b[0] or a[1] == b[0] or b[1] == a[0]


def _rival(index: EntityIndex, a: Claim, b: Claim) -> bool:
    """Another source gives the same distinction to a different subject (the test `_Rivals` indexes)."""
    unique = {"superlative:unique", "exclusivity:unique"}
    if a.metric not in unique or b.metric not in unique or index.related(a.subject, b.subject):
        return False
    p = utils.default_process
    head = fuzz.token_set_ratio(a.object or "", b.object or "", processor=p) if a.object and b.object else 0
    return head >= 85 and fuzz.token_set_ratio(a.scope or "", b.scope or "", processor=p) >= 85


def related_evidence(
    g: _Group, corpus: Corpus, ruleset: RuleSet, evidence: EvidenceIndex | None = None
) -> list[Evidence]:
    """Other sources' sentences about the same parties that speak of exclusivity, partners or deals."""
    index = corpus.index
    lex = ruleset.superlatives
    keys: set[str] = set()
    for c in g.claims:
        for k in [c.subject, *c.entities]:
            k = index.canon(k)
            if k and k != "?":
                keys.add(k)
                owner = index.owner_of(k)
                if owner:
                    keys.add(owner)
    docs = {c.document for c in g.claims}
    # a ranking ("the fastest", "the best") is only related to what others say of the same ranking
    ranking_words = {c.word for c in g.claims if c.metric not in ("superlative:unique", "exclusivity:unique")}
    head_words = {w.casefold() for c in g.claims for w in (c.object or "").split() if len(w) > 3}
    scored: list[tuple[float, str, int, str]] = []
    # only a sentence that shares a name with the fact can score (`shared` below)
    for doc_id, s, mine in (evidence or EvidenceIndex(corpus)).naming(keys):
        if doc_id in docs:
            continue
        shared = mine & keys
        low = s.text.casefold()
        if ranking_words and not any(w and w in low for w in ranking_words):
            continue
        if not shared:
            continue
        score = float(min(len(shared), 2))
        if "exclusiv" in low:
            score += 2
        if lex.alternative_re.search(s.text):
            score += 2
        if any(index.canon(k) not in keys for k in s.third_party) and any(
            w in low for w in ("agreement", "deal", "contract", "partner")
        ):
            score += 3  # an arrangement with a third party: an alternative to the claimed distinction
        if head_words & set(low.replace(",", " ").split()):
            score += 1
        if score >= 3:
            scored.append((-score, doc_id, s.line, s.text))
    scored.sort()
    seen: set[tuple[str, int]] = set()
    out = []
    for _score, doc_id, line, text in scored:
        if (doc_id, line) in seen:
            continue
        seen.add((doc_id, line))
        out.append(Evidence(document=doc_id, line=line, quote=text, relation="related"))
        if len(out) == MAX_EVIDENCE:
            break
    return sorted(out, key=lambda e: (e.document, e.line))


def compare(groups: list[_Group], claims: list[Claim], corpus: Corpus, ruleset: RuleSet) -> Comparison:
    out = Comparison()
    compare_quantities(groups, corpus, ruleset, out)
    compare_dates(groups, corpus, ruleset, out)
    compare_categorical(groups, corpus, ruleset, out)
    check_arithmetic(corpus, claims, ruleset, out)
    check_conversions(claims, ruleset, out)
    by_id = {c.id: c for c in claims}
    findings = sorted(
        out.findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], _order(by_id[f.claims[0]]), f.rule),
    )
    fact_of = {c.id: f"f{i}" for i, g in enumerate(groups, 1) for c in g.claims}
    out.findings = [
        f.model_copy(update={"id": f"F{i}", "fact": fact_of.get(f.claims[0]) if f.kind not in _DOC_CHECKS else None})
        for i, f in enumerate(findings, 1)
    ]
    return out


_DOC_CHECKS = {"arithmetic_mismatch", "conversion_mismatch"}
