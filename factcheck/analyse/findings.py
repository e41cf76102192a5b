"""Stage 4, compare: Facts -> Findings, plus the within-document checks that passed.

Every comparison runs in a fixed order (numbers, dates, superlatives, then each document's sums and currency
pairs); the findings are then sorted by severity and place and numbered.
"""

from __future__ import annotations

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.arithmetic import check_arithmetic, check_conversions, check_unit_pairs
from factcheck.analyse.blocks import Comparer
from factcheck.analyse.categorical import compare_categorical
from factcheck.analyse.comparison import Comparison, claim_order
from factcheck.analyse.numeric import compare_quantities
from factcheck.analyse.temporal import compare_dates
from factcheck.extract.corpus import Corpus
from factcheck.models import SEVERITY_ORDER, Claim, Finding
from factcheck.ruleset.rule_set import RuleSet


def compare(
    groups: list[FactGroup],
    claims: list[Claim],
    corpus: Corpus,
    ruleset: RuleSet,
    numbers: Comparer = compare_quantities,
    dates: Comparer = compare_dates,
) -> Comparison:
    """Every comparison, in a fixed order; `numbers` and `dates` compare the numbers' and the dates' facts
    (here, or run by run on an engine: analyse/blocks.py, analyse/components.py)."""
    out = Comparison()
    numbers(groups, corpus, ruleset, out)
    dates(groups, corpus, ruleset, out)
    compare_categorical(groups, corpus, ruleset, out)
    check_arithmetic(corpus, claims, ruleset, out)
    check_conversions(claims, ruleset, out)
    check_unit_pairs(claims, ruleset, out)
    by_id = {c.id: c for c in claims}
    fact_of = {c.id: f"f{i}" for i, g in enumerate(groups, 1) for c in g.claims}
    findings = sorted(
        dedupe(out.findings, fact_of, by_id),
        key=lambda f: (SEVERITY_ORDER[f.severity], claim_order(by_id[f.claims[0]]), f.rule),
    )
    out.findings = [
        f.model_copy(update={"id": f"F{i}", "fact": fact_of.get(f.claims[0]) if f.kind not in _DOC_CHECKS else None})
        for i, f in enumerate(findings, 1)
    ]
    return out


_DOC_CHECKS = {"arithmetic_mismatch", "conversion_mismatch"}


def dedupe(findings: list[Finding], fact_of: dict[str, str], by_id: dict[str, Claim]) -> list[Finding]:
    """One finding for one concern: of the findings of one rule and severity that concern the same set of
    claims, or of one fact where one's claims hold the other's, the first (the larger) is kept; and a
    `hedge_mismatch` of one fact whose firm amount one document states twice (its headline and its body) is
    one finding, with both places. In a stable order: the output stays deterministic."""
    kept: list[Finding] = []
    by_key: dict[tuple[str, str, frozenset[str]], int] = {}
    by_fact: dict[tuple[str, str, str], list[int]] = {}
    for f in sorted(findings, key=lambda f: -len(f.claims)):  # stable: larger first, then as produced
        claims = frozenset(f.claims) | frozenset(f.related)
        key = (f.rule, f.severity, claims)
        if key in by_key:
            continue
        fact = fact_of.get(f.claims[0]) if f.claims and f.kind not in _DOC_CHECKS else None
        if fact is not None:
            same_fact = by_fact.setdefault((f.rule, f.severity, fact), [])
            if any(claims <= frozenset(kept[i].claims) | frozenset(kept[i].related) for i in same_fact):
                continue
            twin = next((i for i in same_fact if f.rule == "hedge_mismatch" and _same_firm(kept[i], f, by_id)), None)
            if twin is not None:
                first = kept[twin]
                merged = [first.claims[0], f.claims[0], *[c for c in first.claims[1:] if c != f.claims[0]]]
                merged += [c for c in f.claims[1:] if c not in merged]
                kept[twin] = first.model_copy(update={"claims": merged})
                continue
            same_fact.append(len(kept))
        by_key[key] = len(kept)
        kept.append(f)
    return kept


def _same_firm(a: Finding, b: Finding, by_id: dict[str, Claim]) -> bool:
    """Two hedge mismatches whose firm amounts are one document's same figure (a headline and its body)."""
    x, y = by_id.get(a.claims[0]), by_id.get(b.claims[0])
    return x is not None and y is not None and x.document == y.document and x.value == y.value and x.unit == y.unit
