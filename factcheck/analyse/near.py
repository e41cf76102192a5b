"""A number one source alone gives, near a fact of the same subject that another source gives.

Alignment keeps a number apart from a fact when nothing but its subject ties them: a metric no cue word gave
("the 1.9GW project"), or a different object. When such a number sits alone (one document) beside a fact of
the same subject, metric concept, scope and status that another source states (or several agree on), at a
value within NEAR_FACTOR of every one of theirs, it is far likelier a misstatement of that fact than a second
fact nobody else mentions. It joins that fact as *tentative*: the disagreement it makes is shown as info,
never as an error (analyse/numeric.py), because the sentence may still speak of something else.

A generic amount ("value": a subject has many) joins only by its scope words ("$1.8 billion around the globe"
beside the one worldwide fact of its subject, whatever that fact's metric), within 10%, the one generic amount
of its subject and shape ("$329 million" beside "$330.5 million"), or, within NEAR_FACTOR, the one amount of its
subject and shape that several sources agree on ("pay $66 billion" beside the agreed "$44 billion" deal).

Only the fact with the most sources takes it (of facts told as widely, the one whose figures are nearest),
and only when no other fact of the block is as good a home; a number that two sources agree on is never moved
(two agencies' magnitudes stay two facts).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.analyse.alignment import FactGroup, _basis, _generic, concept_key
from factcheck.extract import EntityIndex
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

NEAR_FACTOR = 2.0  # within this ratio a number is a candidate misstatement (a 1.5x typo is well inside)
CLOSE_FACTOR = 1.1  # a generic amount this close to its subject's one amount is a rounding, an estimate or a slip
MIN_SOURCES = 1  # the fact it joins is another source's: an agreed fact, or one source's figure of that measure
AGREED_SOURCES = 2  # an amount no cue word named joins a named fact of its subject only if this many sources tell it


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


def _near(a: Claim, b: Claim, factor: float) -> bool:
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0 or a.unit != b.unit:
        return False
    return max(a.value, b.value) <= factor * min(a.value, b.value)


def _gap(lone: FactGroup, home: FactGroup) -> float:
    """How far a lone fact's figures are from a home's: the largest ratio between two of them."""
    return max(
        max(a.value, b.value) / min(a.value, b.value)
        for a in lone.claims
        for b in home.claims
        if a.value is not None and b.value is not None
    )


def _fits(index: EntityIndex, lone: FactGroup, home: FactGroup, factor: float = NEAR_FACTOR) -> bool:
    mine, theirs = _extent(lone), _extent(home)
    if mine and theirs and mine != theirs:
        return False
    if lone.object is not None and home.object is not None and not index.similar(lone.object, home.object):
        return False
    return all(_near(a, b, factor) for a in lone.claims for b in home.claims)


def join_near(groups: list[FactGroup], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """The facts, with each lone near number moved into the fact of its subject that another source states."""
    blocks: dict[tuple[str, str, tuple[object, ...]], list[int]] = defaultdict(list)
    scoped: dict[tuple[object, ...], list[int]] = defaultdict(list)  # by subject, shape but the metric, scope
    vague: dict[tuple[object, ...], list[int]] = defaultdict(list)  # generic amounts by subject, shape, scope
    named: dict[tuple[object, ...], list[int]] = defaultdict(list)  # the other amounts, keyed as `vague`
    for n, g in enumerate(groups):
        subject = index.canon(g.subject)
        if g.kind != "quantity" or not g.claims or subject is None:
            continue
        shape = _shape(ruleset, g)
        extent = frozenset(_extent(g))
        if extent:
            scoped[(g.dimension, subject, shape[1:], extent)].append(n)
        metric = ruleset.metrics.by_name.get(g.metric)
        key = (g.dimension, subject, shape[1:], extent)
        if metric is None or not metric.generic:  # "value", "commit": a subject has many amounts
            blocks[(g.dimension, subject, shape)].append(n)
            named[key].append(n)
        else:
            vague[key].append(n)
    documents = {n: frozenset(c.document for c in g.claims) for n, g in enumerate(groups)}
    moved: set[int] = set()
    for members in blocks.values():
        for n in members:
            _move(groups, n, members, documents, moved, index)
    # an amount no cue word named ("value") is no evidence of its fact by its metric, but its scope word is:
    # "$1.8 billion around the globe" beside the one worldwide figure other sources give of the same subject
    for members in scoped.values():
        for n in members:
            if _generic(ruleset, groups[n].metric, groups[n].dimension):
                _move(groups, n, members, documents, moved, index, nearest=False)
    # "$329 million" beside the same subject's one "$330.5 million": the nearest reading of two close amounts
    for members in vague.values():
        for n in members:
            _move(groups, n, members, documents, moved, index, CLOSE_FACTOR, nearest=False)
    # "$66 billion", no cue word, beside the one amount of its subject that several other sources agree on
    # ("a $44 billion deal"): a misstatement of it, likelier than an amount nobody else gives
    for key, members in vague.items():
        agreed = [m for m in named.get(key, ()) if len(documents[m]) >= AGREED_SOURCES]
        for n in members:
            _move(groups, n, [n, *agreed], documents, moved, index, nearest=False, only=True)
    return [g for n, g in enumerate(groups) if n not in moved]


def _move(
    groups: list[FactGroup],
    n: int,
    members: list[int],
    documents: dict[int, frozenset[str]],
    moved: set[int],
    index: EntityIndex,
    factor: float = NEAR_FACTOR,
    nearest: bool = True,
    only: bool = False,
) -> None:
    """Moves fact `n`, when it is one document's, into the one widest fact of `members` it fits (`only`: the
    one fact of `members` it fits)."""
    lone = groups[n]
    if n in moved or len(documents[n]) != 1 or any(c.teaser for c in lone.claims):
        return
    homes = [
        m
        for m in members
        if m != n
        and m not in moved
        and len(documents[m]) >= MIN_SOURCES
        and not documents[n] & documents[m]
        and _fits(index, lone, groups[m], factor)
    ]
    if not homes or (only and len(homes) != 1):
        return
    widest = max(len(documents[m]) for m in homes)
    best = [m for m in homes if len(documents[m]) == widest]
    if len(best) > 1 and nearest:
        # two readings of one measure told as widely (two agencies' magnitudes): the one whose figures are
        # nearest ("9.7" beside 6.5 and 6.1); two amounts of a subject may be anything, and stay apart
        gaps = {m: _gap(lone, groups[m]) for m in best}
        least = min(gaps.values())
        best = [m for m in best if gaps[m] == least]
    if len(best) != 1:
        return  # two facts as good: nothing says which one it misstates
    home = groups[best[0]]
    home.claims.extend(lone.claims)
    home.tentative.update(c.id for c in lone.claims)
    documents[best[0]] |= documents[n]
    moved.add(n)
