"""Sums within one document: a stated total against its parts, and a currency pair against the others.

A total ("a combined $10 billion") is tried against the runs of list items and the sentences that each give
a few amounts; one that does not add up is an `arithmetic_mismatch` when the total is stated and its parts
are of its kind. Amounts given in two currencies ("$5 billion (EUR4.3 billion)") imply an exchange rate: the
rates of one document must agree with each other and with the dated reference rate (`conversion_mismatch`). A
measure given in two units ("89 kilometers (approximately 55 miles)", "81 meters, or more than 265 feet") must
hold in both, as their words allow (`unit_conversion_mismatch`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict

from factcheck.analyse.comparison import Comparison, finding
from factcheck.analyse.intervals import format_amount, interval_of, tolerance
from factcheck.extract.corpus import Corpus
from factcheck.models import Check, Claim
from factcheck.ruleset.rule_set import RuleSet


def _part_groups(doc_claims: list[Claim], lines_role: dict[int, str]) -> list[tuple[list[Claim], bool]]:
    """Runs of consecutive list items that each give one amount, and single sentences that give a few, each
    with whether it is a list."""
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
    return [(g, True) for g in groups] + [(v, False) for v in by_sentence.values() if len(v) >= 2]


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
        totals = _stated_totals(mine, ruleset)
        groups: list[tuple[list[Claim], float, bool]] = []
        for group, is_list in _part_groups(mine, roles):
            base = [p for p in group if p.qualifier != "range" and p.id not in totals]
            if 2 <= len(base) <= MAX_PARTS + 1:
                groups.append((base, sum(p.value or 0.0 for p in base), is_list))
        if not groups:
            continue
        order = sorted(range(len(groups)), key=lambda i: groups[i][1])
        sums = [groups[i][1] for i in order]
        for total in mine:
            for parts, is_list in ((groups[i][0], groups[i][2]) for i in _near_sums(total, order, sums)):
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
                stated = (
                    total.id in totals
                    and _presented_as_parts(total, parts, is_list)
                    and all(
                        p.metric == "value"  # a part with no cue word ("- **Acme**: $2 billion") is any kind of amount
                        or any(ruleset.metrics.compatible(p.metric or "", m) for m in _metrics_named(total, ruleset))
                        for p in parts
                    )
                )
                if consistent or stated:
                    status = "consistent" if consistent else "mismatch"
                    ids = [total.id] + [p.id for p in parts]
                    out.checks.append(Check(kind="arithmetic", status=status, claims=ids, detail=detail))
                if not consistent and stated:
                    out.findings.append(
                        finding(
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


def _stated_totals(claims: list[Claim], ruleset: RuleSet) -> set[str]:
    """The claims that are a stated total: of the amounts of a clause with a total word ("a total of", "a
    combined"), the one nearest to each such word; the others of the clause may be its parts."""
    by_sentence: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.total:
            by_sentence[(c.line, c.quote)].append(c)
    out: set[str] = set()
    for (_, quote), flagged in by_sentence.items():
        if len(flagged) == 1:
            out.add(flagged[0].id)
            continue
        spans = {c.id: _span(quote, c) for c in flagged}
        for m in ruleset.metrics.total_re.finditer(quote):
            near = min(flagged, key=lambda c: (_gap(spans[c.id], m.start(), m.end()), spans[c.id]))
            out.add(near.id)
    return out


def _gap(span: tuple[int, int], start: int, end: int) -> int:
    return max(span[0] - end, start - span[1], 0)


def _presented_as_parts(total: Claim, parts: list[Claim], is_list: bool) -> bool:
    """Whether the text presents the amounts as the parts of that total: a stated total ("combined", "a total
    of", "in all"; not a share "of the total" or an amount added "to the total") and either a list of amounts
    or its own sentence, whose amounts are each below it and joined as parts ("A and B", "A plus B", "of which
    A and B"), not as one amount that changes ("€60 million, rising to €75 million with bonuses", "A or B",
    "up from A"). When unsure, no check."""
    if _SHARE_OF_TOTAL.search(total.quote):
        return False
    if is_list:
        return True
    if any(p.line != total.line or p.quote != total.quote for p in parts):
        return False
    if any(abs(p.value or 0.0) >= abs(total.value or 0.0) for p in parts):
        return False
    text = total.quote
    spans = sorted(_span(text, c) for c in [total, *parts])
    return all(a[1] <= b[0] and not _NOT_PARTS.search(text, a[1], b[0]) for a, b in itertools.pairwise(spans))


def _span(text: str, c: Claim) -> tuple[int, int]:
    at = text.find(c.text)
    return (at, at + len(c.text)) if at >= 0 else (len(text), len(text))


# an amount that is a share of a total or added to it is not the total
_SHARE_OF_TOTAL = re.compile(
    r"\b(?:to|of|toward|towards|into|from|in)\s+(?:the|its|their|a|this|that)\s+(?:[\w-]+\s+){0,2}total\b", re.I
)
# words between two amounts that make them one amount changing or two alternatives, not parts of a sum
_NOT_PARTS = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|climb\w*|increas\w*|grow\w*|jump\w*|fall\w*|fell|drop\w*|up\s+to|or|than"
    r"|compared|against|versus|vs|instead|(?:up|down)\s+from|potentially|could|previous\w*|earlier|before|after|last|per|each)\b",
    re.I,
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
                finding(ruleset, "conversion_mismatch", "conversion_mismatch", [i[0] for i in items], None, rates=rates)
            )


# what stands between a measure and the same measure in another unit: "89 km (55 miles)", "81 m, or 265 feet"
_UNIT_PAIR = re.compile(r"\s*(?:\(|,\s+or)\s*")  # (not a bare "or": "a 5 mile or 10 km run" offers two)
UNIT_SLACK = 0.02  # a conversion rounded by the writer ("500 feet (150 meters)": 152.4) is no error
_NOT_UNITS = frozenset({"currency", "count", "percent", "percentage_point", "fraction", "multiple", "date"})


def check_unit_pairs(claims: list[Claim], ruleset: RuleSet, out: Comparison) -> None:
    """A measure and its conversion to another unit side by side in one sentence: both must describe one size."""
    by_line: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "quantity" and c.value is not None and c.stated_unit and c.dimension not in _NOT_UNITS:
            by_line[(c.document, c.line)].append(c)
    for cs in by_line.values():
        for a, b in itertools.pairwise(sorted(cs, key=lambda c: c.column)):
            if a.dimension != b.dimension or a.unit != b.unit or a.stated_unit == b.stated_unit:
                continue
            at = a.quote.find(a.text)
            m = _UNIT_PAIR.match(a.quote, at + len(a.text)) if at >= 0 else None
            if m is None or not a.quote.startswith(b.text, m.end()):
                continue
            if m.group().strip() == "(" and not a.quote[m.end() + len(b.text) :].lstrip().startswith(")"):
                continue
            ia, ib = interval_of(a, ruleset), interval_of(b, ruleset)
            slack = UNIT_SLACK * max(abs(a.value), abs(b.value or 0.0))
            if ia.low - slack <= ib.high and ib.low - slack <= ia.high:
                continue
            out.findings.append(
                finding(
                    ruleset,
                    "conversion_mismatch",
                    "unit_conversion_mismatch",
                    [a, b],
                    None,
                    first=a.text,
                    second=b.text,
                    plain=f"{b.stated_value:,g} {b.stated_unit}",
                    converted=_in_unit(b, a),
                )
            )


def _in_unit(c: Claim, like: Claim) -> str:
    """`c`'s number in the unit `like` states its own ("55 miles" in kilometres: "88.5 kilometre")."""
    if not like.stated_value or not like.value:
        return format_amount(c.value, c.unit)
    return f"{(c.value or 0.0) * like.stated_value / like.value:,.4g} {like.stated_unit}"
