"""Claims whose conflicts are shown only quietly (info), whatever the other side says: a figure stated without
its scale word beside the same figure with it, a market quote, which moves by the minute, and a figure of a
metric whose fact holds two of its refinements."""

from __future__ import annotations

import math

from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet


def unsure_claims(claims: list[Claim], ruleset: RuleSet) -> set[str]:
    """The ids of a fact's claims that never make a loud conflict."""
    return _scale_slips(claims) | _market_quotes(claims, ruleset) | _two_refinements(claims, ruleset)


def _scale_slips(claims: list[Claim]) -> set[str]:
    """The claims that state another claim's figure without its scale word ("the $3.7 offer" beside "$3.7
    billion"): a dropped word, or a figure of something else; their conflicts are shown as info."""
    big = {c.value for c in claims if c.value is not None and c.value >= 1e6}
    small = [c for c in claims if c.value is not None and 0 < c.value < 1000]
    return {
        c.id
        for c in small
        if any(math.isclose(v / 1000 ** round(math.log(v / c.value, 1000)), c.value, rel_tol=1e-9) for v in big)
    }


def _market_quotes(claims: list[Claim], ruleset: RuleSet) -> set[str]:
    """Numbers of sentences that quote the market ("shares rose 21%", "trading at $145.04"): a quote moves by
    the minute and sources take it at different times, so it conflicts only quietly."""
    market = ruleset.numbers.market_re
    return {c.id for c in claims if market.search(c.quote)} if ruleset.numbers.market_cues else set()


def _two_refinements(claims: list[Claim], ruleset: RuleSet) -> set[str]:
    """A fact that holds two refinements of one metric ("pre-money" and "post-money" valuations) and the plain
    metric: the plain "valued at" may mean either, so its figures, and theirs, conflict only quietly."""
    by_name = ruleset.metrics.by_name
    refined: dict[str, set[str]] = {}
    for c in claims:
        base = by_name[c.metric].refines if c.metric in by_name else None
        if base is not None:
            refined.setdefault(base, set()).add(c.metric or "")
    split = {base for base, kinds in refined.items() if len(kinds) > 1}
    return {c.id for c in claims if c.metric in split or (c.metric in by_name and by_name[c.metric].refines in split)}
