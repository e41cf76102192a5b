"""A number one source alone gives, near a fact of the same subject that other sources give.

Alignment keeps a number apart from a fact when nothing but its subject ties them: a metric no cue word gave
("the 1.9GW project"), or a different object. When such a number sits alone (one document) beside a fact of
the same subject, metric concept, scope and status that other sources state, at a value within NEAR_FACTOR
of every one of theirs, it is far likelier a misstatement of that fact than a second fact nobody else
mentions. It joins that fact as *tentative*: the disagreement it makes is shown as info, never as an error
(analyse/numeric.py), because the sentence may still speak of something else.

Only the fact with the most sources takes it, and only when no other fact of the block is as good a home;
a number that two sources agree on is never moved (two agencies' magnitudes stay two facts).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.analyse.alignment import FactGroup, _basis, concept_key
from factcheck.extract import EntityIndex
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

NEAR_FACTOR = 2.0  # within this ratio a number is a candidate misstatement (a 1.5x typo is well inside)
MIN_SOURCES = 2  # the fact it joins is one that sources agree on, not another lone number


def _shape(ruleset: RuleSet, g: FactGroup) -> tuple[str, str | None, bool, bool, frozenset[str]]:
    """What must be equal for two facts of one subject to be one: metric concept, rate basis, total, the
    earlier-figure mark and the status of the claims."""
    first = g.claims[0]
    previous = any("previous" in c.extent for c in g.claims)
    return (
        concept_key(ruleset, g.metric),
        _basis(first.per),
        first.total,
        previous,
        frozenset(c.status or "" for c in g.claims),
    )


def _extent(g: FactGroup) -> set[str]:
    return {w for c in g.claims for w in c.extent if w != "previous"}


def _near(a: Claim, b: Claim) -> bool:
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0 or a.unit != b.unit:
        return False
    return max(a.value, b.value) <= NEAR_FACTOR * min(a.value, b.value)


def _fits(index: EntityIndex, lone: FactGroup, home: FactGroup) -> bool:
    mine, theirs = _extent(lone), _extent(home)
    if mine and theirs and mine != theirs:
        return False
    if lone.object is not None and home.object is not None and not index.similar(lone.object, home.object):
        return False
    return all(_near(a, b) for a in lone.claims for b in home.claims)


def join_near(groups: list[FactGroup], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """The facts, with each lone near number moved into the fact of its subject that other sources state."""
    blocks: dict[tuple[str, str, tuple[object, ...]], list[int]] = defaultdict(list)
    for n, g in enumerate(groups):
        subject = index.canon(g.subject)
        metric = ruleset.metrics.by_name.get(g.metric)
        if metric is not None and metric.generic:
            continue  # "value", "commit": a subject has many amounts, and a near one is no evidence
        if g.kind == "quantity" and g.claims and subject is not None:
            blocks[(g.dimension, subject, _shape(ruleset, g))].append(n)
    moved: set[int] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        documents = {n: {c.document for c in groups[n].claims} for n in members}
        for n in members:
            lone = groups[n]
            if len(documents[n]) != 1 or any(c.teaser for c in lone.claims):
                continue
            homes = [
                m
                for m in members
                if m != n
                and m not in moved
                and len(documents[m]) >= MIN_SOURCES
                and not documents[n] & documents[m]
                and _fits(index, lone, groups[m])
            ]
            if not homes:
                continue
            widest = max(len(documents[m]) for m in homes)
            best = [m for m in homes if len(documents[m]) == widest]
            if len(best) != 1:
                continue  # two facts as good: nothing says which one it misstates
            home = groups[best[0]]
            home.claims.extend(lone.claims)
            home.tentative.update(c.id for c in lone.claims)
            documents[best[0]] |= documents[n]
            moved.add(n)
    return [g for n, g in enumerate(groups) if n not in moved]
