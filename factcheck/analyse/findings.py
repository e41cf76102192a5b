"""Stage 4, compare: Facts -> Findings, plus the within-document checks that passed.

Every comparison runs in a fixed order (numbers, dates, superlatives, then each document's sums and currency
pairs); the findings are then sorted by severity and place and numbered.
"""

from __future__ import annotations

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.arithmetic import check_arithmetic, check_conversions
from factcheck.analyse.categorical import compare_categorical
from factcheck.analyse.comparison import Comparison, claim_order
from factcheck.analyse.numeric import compare_quantities
from factcheck.analyse.temporal import compare_dates
from factcheck.extract.corpus import Corpus
from factcheck.models import SEVERITY_ORDER, Claim
from factcheck.ruleset.rule_set import RuleSet


def compare(groups: list[FactGroup], claims: list[Claim], corpus: Corpus, ruleset: RuleSet) -> Comparison:
    out = Comparison()
    compare_quantities(groups, corpus, ruleset, out)
    compare_dates(groups, corpus, ruleset, out)
    compare_categorical(groups, corpus, ruleset, out)
    check_arithmetic(corpus, claims, ruleset, out)
    check_conversions(claims, ruleset, out)
    by_id = {c.id: c for c in claims}
    findings = sorted(
        out.findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], claim_order(by_id[f.claims[0]]), f.rule),
    )
    fact_of = {c.id: f"f{i}" for i, g in enumerate(groups, 1) for c in g.claims}
    out.findings = [
        f.model_copy(update={"id": f"F{i}", "fact": fact_of.get(f.claims[0]) if f.kind not in _DOC_CHECKS else None})
        for i, f in enumerate(findings, 1)
    ]
    return out


_DOC_CHECKS = {"arithmetic_mismatch", "conversion_mismatch"}
