"""Stage 3, align: Claims -> Facts (the same fact as stated by several sources).

Numbers are blocked by (dimension, subject) so that alignment never compares every claim with every other;
inside a block a claim joins a fact whose metric is compatible and whose object is the same name (or a
name related to it by ownership). A claim with no object is weaker evidence: it joins the one fact its
block offers, but only when it agrees with it or its wording is close. Dates align by shared names and
event kind; superlatives by subject and scope.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, utils

from factcheck.entities import EntityIndex
from factcheck.models import Claim, Fact
from factcheck.numbers import compatible
from factcheck.ruleset import RuleSet


@dataclass
class _Group:
    kind: str
    dimension: str
    subject: str | None
    metric: str
    object: str | None
    claims: list[Claim] = field(default_factory=list)


def _basis(per: str | None) -> str | None:
    """A rate's basis, compared loosely: "1 gigawatt" and "gigawatt", "share" and "shares" are one."""
    if per is None:
        return None
    words = [w for w in per.casefold().split() if w not in ("1", "one", "a", "an", "per", "each")]
    return " ".join(w.rstrip("s") for w in words)


def _context(c: Claim) -> str:
    return c.quote.replace(c.text, " ")


def _object_ok(index: EntityIndex, a: str | None, b: str | None) -> bool:
    return a is None or b is None or index.similar(a, b)


def _agrees(ruleset: RuleSet, c: Claim, group: _Group) -> bool:
    return all(compatible(c, o, ruleset) for o in group.claims)


def _close_wording(c: Claim, group: _Group) -> bool:
    return max(fuzz.token_set_ratio(_context(c), _context(o)) for o in group.claims) >= 60


def align_quantities(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[_Group]:
    metrics = ruleset.metrics
    blocks: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    groups: list[_Group] = []
    for c in claims:
        if c.kind != "quantity":
            continue
        if c.subject is None:
            groups.append(_Group("quantity", c.dimension or "", None, c.metric or "", c.object, [c]))
            continue
        key = (c.dimension or "", index.canon(c.subject) or "")
        candidates = [
            g
            for g in blocks[key]
            if metrics.compatible(g.metric, c.metric or "")
            and _object_ok(index, g.object, c.object)
            and _basis(g.claims[0].per) == _basis(c.per)
        ]
        # a claim that names its object prefers a fact with the same object
        exact = [g for g in candidates if g.object is not None and c.object is not None]
        chosen = exact[0] if exact else (candidates[0] if candidates else None)
        weak = chosen is not None and (c.object is None) != (chosen.object is None)
        if chosen is not None and weak and not (_agrees(ruleset, c, chosen) or _close_wording(c, chosen)):
            chosen = None
        if chosen is None:
            chosen = _Group("quantity", c.dimension or "", c.subject, c.metric or "", c.object)
            blocks[key].append(chosen)
            groups.append(chosen)
        chosen.claims.append(c)
        if chosen.object is None and c.object is not None:
            chosen.object = c.object
        # the fact is named by its most specific metric ("investment" over "commitment")
        m = metrics.by_name.get(chosen.metric)
        if m is not None and m.generic and c.metric and not getattr(metrics.by_name.get(c.metric), "generic", True):
            chosen.metric = c.metric
    return groups


def align_dates(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[_Group]:
    """A date joins the first fact (in order of creation) whose first claim is in another document, shares an
    event kind and at least `min_shared_entities` names. Facts are blocked by (event kind, name), so a claim
    is only compared with the facts it could join, never with all of them."""
    groups: list[_Group] = []
    need = ruleset.dates.min_shared_entities
    firsts: list[tuple[str, set[str], set[str | None]]] = []  # each fact's first claim: document, events, names
    blocks: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for c in claims:
        if c.kind != "date" or c.teaser:
            continue
        events = set((c.event or "").split("|"))
        mine = {index.canon(e) for e in c.entities}
        if need >= 1:
            near = {i for ev in events for name in mine for i in blocks.get((ev, name), ())}
        else:  # no name needs to be shared: every fact of the same event kind is a candidate
            near = {i for ev in events for i in blocks.get((ev, "\0event"), ())}
        home = None
        for i in sorted(near):
            document, first_events, first_names = firsts[i]
            if document == c.document or not events & first_events:
                continue
            if len(mine & first_names) >= need:
                home = groups[i]
                break
        if home is None:
            home = _Group("date", "date", c.subject, "date", None)
            n = len(groups)
            groups.append(home)
            firsts.append((c.document, events, mine))
            for ev in events:
                blocks[(ev, "\0event")].append(n)
                for name in mine:
                    blocks[(ev, name)].append(n)
        home.claims.append(c)
    return groups


def _same_proposition(index: EntityIndex, a: Claim, b: Claim, same_doc: bool) -> bool:
    if a.kind != b.kind:
        return False
    scope = fuzz.token_set_ratio(a.scope or "", b.scope or "", processor=utils.default_process)
    head = (
        fuzz.token_set_ratio(a.object or "", b.object or "", processor=utils.default_process)
        if a.object and b.object
        else 0
    )
    if same_doc:
        return index.same(a.subject, b.subject) and a.metric == b.metric and (scope >= 50 or head >= 80)
    unique = {"superlative:unique", "exclusivity:unique"}
    same_class = a.metric == b.metric or (a.metric in unique and b.metric in unique)
    # the same head noun is not enough ("the only carmaker with ..." may rank two different things)
    return same_class and index.related(a.subject, b.subject) and (scope >= 70 or (head >= 80 and scope >= 55))


def align_categorical(claims: list[Claim], index: EntityIndex) -> list[_Group]:
    """A superlative joins the first fact (in order of creation) with a claim of the same proposition. Two
    claims can only be one proposition when their subjects are the same or related by ownership, so facts are
    blocked by (kind, subject) and (kind, owner of the subject); a claim without a subject starts its own."""
    groups: list[_Group] = []
    by_subject: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_owner: dict[tuple[str, str], set[int]] = defaultdict(set)
    for c in claims:
        if c.kind not in ("superlative", "exclusivity"):
            continue
        subject = index.canon(c.subject)
        owner = index.owner_of(subject)
        near: set[int] = set()
        if subject is not None:
            near = by_subject.get((c.kind, subject), set()) | by_owner.get((c.kind, subject), set())
            if owner is not None:
                near = near | by_subject.get((c.kind, owner), set())
        home = None
        n = len(groups)
        for i in sorted(near):
            g = groups[i]
            if any(_same_proposition(index, o, c, o.document == c.document) for o in g.claims):
                home, n = g, i
                break
        if home is None:
            home = _Group(c.kind, c.kind, c.subject, c.metric or c.kind, c.object)
            groups.append(home)
        home.claims.append(c)
        if subject is not None:
            by_subject[(c.kind, subject)].add(n)
            if owner is not None:
                by_owner[(c.kind, owner)].add(n)
    return groups


def align(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[_Group]:
    return (
        align_quantities(claims, ruleset, index)
        + align_dates(claims, ruleset, index)
        + align_categorical(claims, index)
    )


def to_facts(groups: list[_Group], statuses: dict[int, str], index: EntityIndex) -> list[Fact]:
    facts = []
    for i, g in enumerate(groups, 1):
        facts.append(
            Fact(
                id=f"f{i}",
                metric=g.metric,
                subject=index.name(g.subject),
                object=index.name(g.object),
                dimension=g.dimension,
                status=statuses.get(id(g), "single_source"),
                claims=[c.id for c in g.claims],
            )
        )
    return facts

