"""Which sources back each side of a disagreement: one claim per figure set out, the claims that repeat a
figure already shown, and one claim of each other document that states a flagged figure."""

from __future__ import annotations

from factcheck.analyse.intervals import Rates, compatible, same_number
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet


def one_per_figure(flagged: list[Claim], rates: Rates) -> tuple[list[Claim], list[Claim]]:
    """The flagged claims that set a figure against the others, one per figure ("€30m" and "$A44m" are one
    figure in two currencies, at the rates of their documents' years), and the claims that repeat a figure already
    set out: those back a side, they are not in conflict with each other."""
    shown: list[Claim] = []
    repeats: list[Claim] = []
    for c in flagged:
        same = c.value is not None and any(
            f.value is not None and rates.compatible(c, f) and rates.same_number(c, f) for f in shown
        )
        (repeats if same else shown).append(c)
    return (shown, repeats) if len(shown) >= 2 else (flagged, [])


def backers_of(active: list[Claim], flagged: list[Claim], ruleset: RuleSet) -> list[Claim]:
    """One claim of each other document of the fact that states a flagged figure: who backs each side (a copy
    of a wire story, a joined source), so that an editor sees how many sources give each number."""
    named = {c.id for c in flagged}
    documents = {c.document for c in flagged}
    out: list[Claim] = []
    for c in active:
        if c.id in named or c.document in documents or c.value is None:
            continue
        if any(f.value is not None and compatible(c, f, ruleset) and same_number(c, f, ruleset) for f in flagged):
            out.append(c)
            documents.add(c.document)
    return out
