"""Numbers that disagree: two sources give one fact different amounts, or one states firmly what another hedges.

Each fact's claims are judged in pairs through `_ClaimTable`: compatible, a conflict (`numeric_disagreement`),
or an update of an earlier number by a later one (reported by `temporal.update_findings`). A number stated
firmly that another claim of the fact gives only as a ceiling ("up to $5 billion") is a `hedge_mismatch`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.backing import backers_of, one_per_figure
from factcheck.analyse.comparison import Comparison, claim_order, fact_label, fact_status, finding, location
from factcheck.analyse.intervals import (
    BOUNDS,
    CEILINGS,
    FLOORS,
    UPPER,
    Rates,
    interval_columns,
    touching,
    year_of,
)
from factcheck.analyse.temporal import update_findings, updates_by_later
from factcheck.analyse.unsure import unsure_claims
from factcheck.extract.corpus import Corpus
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet


def compare_quantities(groups: list[FactGroup], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    index = corpus.index
    dates = {d.id: d.date for d in corpus.documents}
    rates = Rates(ruleset, {d: year_of(v) for d, v in dates.items()})
    for g in groups:
        if g.kind != "quantity":
            continue
        active = [c for c in g.claims if not c.teaser]
        # every pair of the fact is looked at (a fact of a name that recurs grows with the corpus), but through
        # per-claim values computed once, and in numpy for a large fact
        facts = _ClaimTable(active, dates, ruleset) if len(active) >= 2 else None
        first, second, update_pairs = facts.pairs() if facts is not None else ([], [], [])
        updates = updates_by_later(active, update_pairs)
        if facts is not None and len(first) and len(active) <= MAX_STATED_ELSEWHERE:
            first, second = facts.not_stated_elsewhere(first, second)
        # a growing count (a toll) from an undated source may be an update of the other: never loud
        grows = ruleset.numbers.cumulative_metrics
        unsure = {c.id for c in active if c.metric in grows and not dates.get(c.document)} | g.tentative
        unsure |= unsure_claims(active, ruleset)
        loud, quiet = _conflicts(active, first, second, g.cores, unsure)
        out.statuses[id(g)] = fact_status(g, bool(loud), corpus, updated=bool(updates))
        for flagged, strong in ((loud, True), (quiet, False)):
            if not flagged:
                continue
            flagged, repeats = one_per_figure(flagged, rates)
            values = "; ".join(f"{c.text} ({location(c)})" for c in flagged)
            backers = backers_of(active, flagged, ruleset) if len(active) <= MAX_STATED_ELSEWHERE else []
            out.findings.append(
                finding(
                    ruleset,
                    "numeric_disagreement",
                    "numeric_disagreement",
                    flagged,
                    g,
                    related=[*repeats, *(c for c in backers if c not in repeats)] or None,
                    severity=None if strong else "info",
                    weak=not strong,
                    fact=fact_label(index, g),
                    values=values,
                )
            )
        out.findings.extend(update_findings(g, updates, dates, index, ruleset))
        ceilings = [i for i, c in enumerate(active) if c.qualifier in CEILINGS and c.value is not None]
        for f, firm in enumerate(active):
            if facts is None or firm.qualifier != "exact" or firm.value is None:
                continue
            match = [active[i] for i in ceilings if facts.same_number(i, f) and active[i].status == firm.status]
            if match:
                out.findings.append(
                    finding(
                        ruleset,
                        "hedge_mismatch",
                        "hedge_mismatch",
                        [firm, *match],
                        g,
                        firm=firm.text,
                        ceiling=match[0].text,
                    )
                )


def _conflicts(
    active: list[Claim],
    first: Sequence[int],
    second: Sequence[int],
    cores: dict[str, int] | None = None,
    unsure: set[str] | None = None,
) -> tuple[list[Claim], list[Claim]]:
    """For the conflicting pairs (active[first[k]], active[second[k]]), in pair order: the claims of the loud
    conflicts (`_loud`), and the claims of the quiet ones that name a claim no loud conflict names (a quotation
    alone, a vague magnitude or two statuses never turn a fact into a disagreement: they are shown as info);
    each list with the claims in the most conflicts first (the odd one out is where to look). Two claims of a
    fact joined across subjects (`cores`: claim id -> first-pass fact) conflict quietly unless one first-pass
    fact holds both, and not at all beside a loud conflict that names one of them (one finding, not two). A
    claim of `unsure` conflicts only quietly."""
    cores = cores or {}
    unsure = unsure or set()
    if len(first) < VECTOR_PAIRS or len({c.id for c in active}) != len(active):
        pairs = [(active[i], active[j]) for i, j in zip(first, second, strict=True)]
        loud_pairs = [
            p
            for p in pairs
            if _loud(*p) and cores.get(p[0].id) == cores.get(p[1].id) and not ({p[0].id, p[1].id} & unsure)
        ]
        loud = _ranked(loud_pairs)
        named = {c.id for c in loud}
        keep = {id(p) for p in loud_pairs}
        quiet = _ranked(
            [
                p
                for p in pairs
                if id(p) not in keep
                and not (p[0].id in named and p[1].id in named)
                # a claim joined across subjects adds nothing to a loud finding that names its rival
                and not (cores.get(p[0].id) != cores.get(p[1].id) and (p[0].id in named or p[1].id in named))
            ]
        )
        return loud, quiet
    # the same in numpy, for a fact of many claims (ids are unique here, so a claim is its index)
    a, b = np.asarray(first), np.asarray(second)
    quiet_claim = np.asarray([c.quoted or c.qualifier == "vague" or c.id in unsure for c in active])
    status = np.asarray(_status_codes(active))
    core = np.asarray([cores.get(c.id, 0) for c in active])
    is_loud = ~quiet_claim[a] & ~quiet_claim[b] & (status[a] == status[b]) & (core[a] == core[b])
    loud = _ranked_numpy(active, a[is_loud], b[is_loud])
    named = np.zeros(len(active), dtype=bool)
    named[np.concatenate([a[is_loud], b[is_loud]])] = True
    keep = ~is_loud & ~(named[a] & named[b]) & ~((core[a] != core[b]) & (named[a] | named[b]))
    return loud, _ranked_numpy(active, a[keep], b[keep])


def _ranked(pairs: list[tuple[Claim, Claim]]) -> list[Claim]:
    """The claims of the pairs, those that conflict with the most other documents first: a document that states
    its figure twice (a headline and its body) is one source, not two."""
    load = Counter(
        cid
        for cid, _ in {**{(x.id, y.document): None for x, y in pairs}, **{(y.id, x.document): None for x, y in pairs}}
    )
    unique = {c.id: c for pair in pairs for c in pair}.values()
    return sorted(unique, key=lambda c: (-load[c.id], claim_order(c)))


def _ranked_numpy(active: list[Claim], a: np.ndarray, b: np.ndarray) -> list[Claim]:
    if not len(a):
        return []
    doc_codes: dict[str, int] = {}
    doc = np.asarray([doc_codes.setdefault(c.document, len(doc_codes)) for c in active], dtype=np.int64)
    # (claim, other document) once each: a document that states its figure twice is one source, not two
    keys = np.unique(np.concatenate([a * len(doc_codes) + doc[b], b * len(doc_codes) + doc[a]]))
    load = np.bincount(keys // len(doc_codes), minlength=len(active)).tolist()
    seen = np.empty(2 * len(a), dtype=np.int64)
    seen[0::2], seen[1::2] = a, b  # the claims in the order the pairs name them
    members, at = np.unique(seen, return_index=True)
    unique = members[np.argsort(at, kind="stable")].tolist()
    ranked = sorted(unique, key=lambda i: (-load[i], claim_order(active[i])))
    return [active[i] for i in ranked]


def _loud(a: Claim, b: Claim) -> bool:
    """Whether a conflict of the two claims is loud: neither rests on a quotation alone or on a vague magnitude
    ("a multibillion-pound contract", "hundreds of people"), and both have one status (an earlier bid against
    the agreed price, a report before the deal against its terms, a forecast against the result, a part against
    the whole are shown, as info)."""
    return not (a.quoted or b.quoted) and a.qualifier != "vague" != b.qualifier and a.status == b.status


def _status_codes(claims: list[Claim]) -> list[int]:
    """Each claim's status as a small number: 0 for a current figure, -1 for a target."""
    codes: dict[str | None, int] = {None: 0, **{s: -i for i, s in enumerate(APART, 1)}}
    return [codes.setdefault(c.status, len(codes)) for c in claims]


# statuses that never disagree with a figure of another status: what is aimed at against what is, an earlier
# figure against a current one, a part against the whole, an amount added against the running figure
APART = ("target", "part", "increment", "previous")

# pair outcomes of `_ClaimTable`
_COMPATIBLE, _CONFLICT, _UPDATE_FORWARD, _UPDATE_BACKWARD = 0, 1, 2, 3
VECTOR_PAIRS = 300  # from this many pairs on, a fact's pairs are judged in numpy
MAX_STATED_ELSEWHERE = 200  # a fact of more claims (a name that recurs across a corpus) skips that look


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
        day = [dates.get(c.document) or "" for c in claims]
        years = [year_of(d) for d in day]
        # an undated article converts at the year the fact's dated articles give (their commonest)
        dated = Counter(y for y in years if y is not None)
        years = [y if y is not None else (dated.most_common(1)[0][0] if dated else None) for y in years]
        # each claim's figures converted, and as stated (a pair of one currency compares those: `same_currency`)
        self.low, self.high, self.usd, self.tol = interval_columns(claims, years, ruleset, False)
        self.nlow, self.nhigh, self.nusd, self.ntol = interval_columns(claims, years, ruleset, True)
        units: dict[str | None, int] = {}
        self.currency = [units.setdefault(c.unit, len(units)) if c.dimension == "currency" else -1 for c in claims]
        self.valued = [c.value is not None for c in claims]
        self.bound = [c.qualifier if c.qualifier in BOUNDS else None for c in claims]
        self.floor = [c.qualifier in FLOORS for c in claims]
        self.upper = [c.qualifier in UPPER for c in claims]
        ranks = {d: r for r, d in enumerate(sorted(set(day)))}
        self.day = [ranks[d] if d else -1 for d in day]  # the order of the documents' ISO dates; -1: none
        self.claims = claims
        self.update_re = lex.update_re
        self._cue: list[bool | None] = [None] * self.n  # the sentence says the number changed; read when needed
        self.grows = [c.metric in lex.cumulative_metrics for c in claims]
        self.value = [c.value or 0 for c in claims]
        self.status = _status_codes(claims)

    def cue(self, i: int) -> bool:
        found = self._cue[i]
        if found is None:
            found = self._cue[i] = bool(self.update_re.search(self.claims[i].quote))
        return found

    def same_number(self, a: int, b: int) -> bool:
        """`same_number(claims[a], claims[b])`."""
        usd, tol = (self.nusd, self.ntol) if self._native(a, b) else (self.usd, self.tol)
        return abs(usd[a] - usd[b]) <= max(tol[a], tol[b]) + 1e-9

    def _native(self, a: int, b: int) -> bool:
        return self.currency[a] >= 0 and self.currency[a] == self.currency[b]

    def not_stated_elsewhere(self, first: Sequence[int], second: Sequence[int]) -> tuple[list[int], list[int]]:
        """The conflicting pairs less those where each document also states the other's number: two sources
        that both give both numbers ("took 11 days to reach $1 billion ... ended with $2.04 billion") agree;
        the two numbers measure two things. An open bound in a document states no number of its own."""
        by_doc: dict[int, list[int]] = {}
        for i, d in enumerate(self.doc):
            by_doc.setdefault(d, []).append(i)
        memo: dict[tuple[int, int], bool] = {}

        def stated_in(i: int, doc: int) -> bool:
            key = (i, doc)
            if key not in memo:
                # an open bound ("over 100 bodies") admits the number without stating it
                memo[key] = any(self._compatible(i, k) and not (self.floor[k] or self.upper[k]) for k in by_doc[doc])
            return memo[key]

        kept = [
            (a, b)
            for a, b in zip(first, second, strict=True)
            if not (stated_in(a, self.doc[b]) and stated_in(b, self.doc[a]))
        ]
        return [a for a, _ in kept], [b for _, b in kept]

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
        if self.doc[a] == self.doc[b] or self._compatible(a, b) or self._apart(a, b):
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

    def _apart(self, a: int, b: int) -> bool:
        """A target, a part or an increment against a figure of another status: they measure other things."""
        sa, sb = self.status[a], self.status[b]
        return sa != sb and (sa < 0 or sb < 0)

    def _compatible(self, a: int, b: int) -> bool:
        """`numbers.compatible` on the precomputed columns."""
        native = self._native(a, b)
        low, high, usd, tol = (
            (self.nlow, self.nhigh, self.nusd, self.ntol) if native else (self.low, self.high, self.usd, self.tol)
        )
        if not (low[a] <= high[b] and low[b] <= high[a]):
            return False
        if native and touching(low[a], high[a], low[b], high[b]):
            return False
        if not (self.valued[a] and self.valued[b]):
            return True
        va, ta, vb, tb = usd[a], tol[a], usd[b], tol[b]
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

        currency_a, currency_b = col(self.currency)
        native = (currency_a >= 0) & (currency_a == currency_b)

        def pick(converted: list[float], stated: list[float]) -> tuple[np.ndarray, np.ndarray]:
            (ca, cb), (sa, sb) = col(converted), col(stated)
            return np.where(native, sa, ca), np.where(native, sb, cb)

        low_a, low_b = pick(self.low, self.nlow)
        high_a, high_b = pick(self.high, self.nhigh)
        valued_a, valued_b = col(self.valued)
        va, vb = pick(self.usd, self.nusd)
        ta, tb = pick(self.tol, self.ntol)
        floor_a, floor_b = col(self.floor)
        upper_a, upper_b = col(self.upper)
        bound_codes = {None: -1, **{q: i for i, q in enumerate(sorted(BOUNDS))}}
        bound_a, bound_b = col([bound_codes[q] for q in self.bound])
        with np.errstate(invalid="ignore", over="ignore"):
            overlap = (low_a <= high_b) & (low_b <= high_a)
            ends = np.isclose(high_a, low_b, rtol=1e-12, atol=0) | np.isclose(high_b, low_a, rtol=1e-12, atol=0)
            overlap &= ~(native & ends)  # `touching`: amounts of one currency that share only an end
            same_bound = (bound_a >= 0) & (bound_a == bound_b)
            bigger = np.where(tb > ta, tb, ta)  # max(ta, tb), as Python's max picks it
            by_bound = np.abs(va - vb) <= bigger
            crossed = (floor_a | floor_b) & (upper_a | upper_b)
            floor = np.where(floor_a, va, vb)
            ceiling = np.where(floor_a, vb, va)
            by_cross = floor < ceiling - (ta + tb) * 0.5
        by_value = np.where(same_bound, by_bound, np.where(crossed, by_cross, True))
        status_a, status_b = col(self.status)
        apart = (status_a != status_b) & ((status_a < 0) | (status_b < 0))
        compatible = (overlap & (~(valued_a & valued_b) | by_value)) | apart
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
