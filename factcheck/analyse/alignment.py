"""Stage 3, align: Claims -> Facts (the same fact as stated by several sources).

Numbers are blocked by (dimension, subject) so that alignment never compares every claim with every other;
inside a block a claim joins a fact whose metric is compatible and whose object is the same name (or a
name related to it by ownership). A claim with no object is weaker evidence: it joins the one fact its
block offers, but only when it agrees with it or its wording is close. Dates align by shared names and
event kind; superlatives by subject and scope.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, utils

from factcheck.analyse.intervals import apart, compatible
from factcheck.analyse.wording import close_wording
from factcheck.extract import EntityIndex
from factcheck.models import Claim, Fact
from factcheck.ruleset.rule_set import RuleSet


@dataclass
class FactGroup:
    """The claims aligned as one fact, as `to_facts` turns them into a `Fact` (the comparisons read its claims)."""

    kind: str
    dimension: str
    subject: str | None
    metric: str
    object: str | None
    claims: list[Claim] = field(default_factory=list)
    # claim id -> the first-pass fact it came from, for a fact joined across subjects (analyse/joining.py)
    cores: dict[str, int] = field(default_factory=dict)
    # ids of claims that joined from a fact of one source at a near value (analyse/near.py): a disagreement
    # they take part in is shown as info, for they may be another fact of the same subject
    tentative: set[str] = field(default_factory=set)


def _basis(per: str | None) -> str | None:
    """A rate's basis, compared loosely: "1 gigawatt" and "gigawatt", "share" and "shares" are one."""
    if per is None:
        return None
    words = [w for w in per.casefold().split() if w not in ("1", "one", "a", "an", "per", "each")]
    return " ".join(w.rstrip("s") for w in words)


def _object_ok(index: EntityIndex, a: str | None, b: str | None) -> bool:
    return a is None or b is None or index.similar(a, b)


def _agrees(ruleset: RuleSet, c: Claim, group: FactGroup) -> bool:
    return all(compatible(c, o, ruleset) for o in group.claims)


def _concept(metric: str | None) -> str:
    """A metric compared loosely: "households" and "household" are one concept."""
    m = (metric or "").casefold()
    return m[:-1] if m.endswith("s") and not m.endswith("ss") else m


def concept_key(ruleset: RuleSet, metric: str | None) -> str:
    """The blocking key of a number's metric: its part of the graph of compatible metrics. Two numbers whose
    keys differ never share a fact, so `check` reads only the documents with a number of a draft's keys."""
    hit = _COMPONENTS.get(id(ruleset.metrics))
    if hit is None or hit[0] is not ruleset.metrics:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                x = parent[x]
            return x

        for m in ruleset.metrics.metrics:
            for other in m.compatible:
                a, b = find(_concept(m.name)), find(_concept(other))
                if a != b:
                    parent[max(a, b)] = min(a, b)
        hit = _COMPONENTS[id(ruleset.metrics)] = (ruleset.metrics, {x: find(x) for x in list(parent)})
    c = _concept(metric)
    return hit[1].get(c, c)


_COMPONENTS: dict[int, tuple[Any, dict[str, str]]] = {}


def _same_concept(ruleset: RuleSet, a: str, b: str) -> bool:
    return _concept(a) == _concept(b) or ruleset.metrics.compatible(a, b)


def _generic(ruleset: RuleSet, metric: str, dimension: str | None = None) -> bool:
    """A metric that says little about what is measured: a generic cue ("commit", "worth"), a dimension's
    default ("capacity" of any power figure) or the dimension itself ("distance")."""
    m = ruleset.metrics.by_name.get(metric)
    return (m is None and metric == dimension) or (m is not None and (m.generic or bool(m.default_for)))


def _default_metric(ruleset: RuleSet, c: Claim) -> bool:
    """A metric no cue word gave: the default of its dimension ("value" of any amount, "capacity" of a power
    figure whose sentence says neither "capacity" nor "power")."""
    metric = c.metric or ""
    m = ruleset.metrics.by_name.get(metric)
    if m is None:
        return metric == c.dimension
    if not m.default_for:
        return False
    hit = _CUE_RES.get(id(ruleset.metrics))
    if hit is None or hit[0] is not ruleset.metrics:
        hit = _CUE_RES[id(ruleset.metrics)] = (ruleset.metrics, {mm.name: r for mm, r in ruleset.metrics.cue_res})
    cue = hit[1].get(metric)
    return cue is None or not cue.search(c.quote)


_CUE_RES: dict[int, tuple[Any, dict[str, Any]]] = {}  # each rule set's cue patterns, by metric


@dataclass
class _Seen:
    """What a fact's claims say, kept as they join: the scope words, and the claims of each sentence."""

    extent: set[str] = field(default_factory=set)
    sentences: dict[tuple[str, int], list[Claim]] = field(default_factory=dict)

    def add(self, c: Claim) -> None:
        self.extent.update(c.extent)
        self.sentences.setdefault((c.document, c.line), []).append(c)


def _same_sentence_conflict(ruleset: RuleSet, c: Claim, seen: _Seen) -> bool:
    """A sentence that already gives this fact another value is speaking of two facts ("$1.2 billion worldwide
    after $156 million on its first day", "surpassing the $2 billion of its last fine")."""
    return any(
        # an amount added is no second value of the level ("a swing of +210 seats ... took 411 seats")
        not compatible(c, o, ruleset) and "increment" not in (o.status, c.status)
        for o in seen.sentences.get((c.document, c.line), ())
    )


# scope words a figure without them never shares: an earlier figure; one of two parties together ("Norwell and
# Quantix to invest $15 billion")
STRICT_SCOPES = ("previous", "combined")


def _scope_ok(c: Claim, seen: _Seen) -> bool:
    """ "overseas" and "worldwide" figures are different facts; a figure with no scope may be either."""
    mine = set(c.extent)
    theirs = seen.extent
    if any((word in mine) != (word in theirs) for word in STRICT_SCOPES):
        return False  # an earlier figure ("the previous record", a year before the article), a joint one
    return not mine or not theirs or mine == theirs


def block_key(c: Claim, ruleset: RuleSet, index: EntityIndex) -> tuple[str, ...]:
    """The block a number is aligned in: (dimension, subject), or (dimension, "", concept of its metric) for
    a number that names no subject; a number with neither a subject nor a specific metric is a block of its
    own. No fact spans two blocks, so blocks can be aligned apart (analyse/blocks.py)."""
    metric = c.metric or ""
    subject = index.canon(c.subject)
    if subject is None and _generic(ruleset, metric, c.dimension):
        return ("", "", "", c.id)
    return (c.dimension or "", subject or "", "" if subject else concept_key(ruleset, metric))


def align_quantities(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """A number joins a fact of its block whose metric is the same concept: numbers are blocked by (dimension,
    subject), and numbers that name no subject by (dimension, concept of their metric), so that "1,801 people
    were injured" in one source and "1,801 were injured" in another align with no name to share. A generic
    metric ("value", "payment") needs the same subject; a metric no cue gave, another claim in the same
    sentence at another value, a different scope word, an earlier year and a total against a part keep
    facts apart (`check` reads the blocks a draft's claims fall in: factcheck/gate/reach.py)."""
    metrics = ruleset.metrics
    blocks: dict[tuple[str, ...], list[FactGroup]] = defaultdict(list)
    groups: list[FactGroup] = []
    seen: dict[int, _Seen] = {}
    for c in claims:
        if c.kind != "quantity":
            continue
        metric = c.metric or ""
        subject = index.canon(c.subject)
        key = block_key(c, ruleset, index)
        named = subject is not None
        vague = _generic(ruleset, metric, c.dimension)
        best: tuple[int, int, int, int] | None = None
        chosen: FactGroup | None = None
        if not named and vague:  # "$2 billion" with no subject: nothing says which fact it is
            groups.append(FactGroup("quantity", c.dimension or "", None, metric, c.object, [c]))
            continue
        uninformed_c = named and _default_metric(ruleset, c)
        for n, g in enumerate(blocks[key]):
            if _basis(g.claims[0].per) != _basis(c.per):
                continue
            # a number no cue named ("$210 million from North America") joins a fact of its scope words where a
            # source states the same figure
            stated_there = (
                uninformed_c
                and set(c.extent) == seen[id(g)].extent
                and any(compatible(c, o, ruleset) for o in g.claims)
            )
            if not stated_there and not _same_concept(ruleset, g.metric, metric):
                continue
            generic = vague or _generic(ruleset, g.metric, g.dimension)
            if not named and generic:
                continue
            if not _object_ok(index, g.object, c.object) or not _scope_ok(c, seen[id(g)]):
                continue
            if (c.status == "target") != (g.claims[0].status == "target"):
                continue  # what is aimed at ("50GW by 2030") is never today's figure
            if all(apart(c, o, ruleset) for o in g.claims):
                continue  # "$157" (a share's price) and "$28 billion" (the deal's): two facts
            if not named and c.measured and g.claims[0].measured and c.measured != g.claims[0].measured:
                continue  # "the second aftershock" and "the quake": two things measured
            other_total = c.total != g.claims[0].total  # "a combined $45 billion" and one part of it
            if (not named and other_total) or _same_sentence_conflict(ruleset, c, seen[id(g)]):
                continue
            # a metric no cue gave ("capacity", "value") may be another fact of the same subject
            uninformed = _default_metric(ruleset, c) or _default_metric(ruleset, g.claims[0])
            # a metric no cue gave is specific enough when both name one object ("230 miles from Kunming")
            same_object = c.object is not None and g.object is not None
            weak = (uninformed and not same_object) or (c.object is None) != (g.object is None)
            if (
                (weak or other_total)
                and not stated_there
                and not _agrees(ruleset, c, g)
                and (other_total or not close_wording(c, g.claims, 70 if uninformed else 60))
            ):
                continue
            # prefer the fact of the same status (a current toll over the earlier one its sentence also gives),
            # then the fact whose latest claim of its status this one agrees with ("after $157 million on its
            # first day")
            same_status = c.status == g.claims[0].status
            latest = next((o for o in reversed(g.claims) if o.status == c.status), None)
            agrees = latest is not None and compatible(c, latest, ruleset)
            exact_object = c.object is not None and g.object is not None
            score = (int(same_status), int(agrees), int(exact_object) + int(_concept(g.metric) == _concept(metric)), -n)
            if best is None or score > best:
                best, chosen = score, g
        if chosen is None:
            chosen = FactGroup("quantity", c.dimension or "", c.subject, metric, c.object)
            blocks[key].append(chosen)
            groups.append(chosen)
            seen[id(chosen)] = _Seen()
        chosen.claims.append(c)
        seen[id(chosen)].add(c)
        if chosen.object is None and c.object is not None:
            chosen.object = c.object
        # the fact is named by its most specific metric ("investment" over "commitment")
        m = metrics.by_name.get(chosen.metric)
        if m is not None and m.generic and c.metric and not getattr(metrics.by_name.get(c.metric), "generic", True):
            chosen.metric = c.metric
    return groups


MAX_SUBSETS = 64  # a date with more name combinations than this is found through the blocks of single names


def align_dates(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """A date joins the first fact (in order of creation) whose first claim is in another document, shares an
    event kind and at least `min_shared_entities` names. Facts are blocked by (event kind, `need` names), so
    every fact in a block a claim looks up shares enough with it: the first one from another document is the
    one (a name as common as a city makes no block that must be read to its end)."""
    groups: list[FactGroup] = []
    need = max(0, ruleset.dates.min_shared_entities)
    firsts: list[tuple[str, set[str], set[str | None]]] = []  # each fact's first claim: document, events, names
    by_names: dict[tuple[str, tuple[str | None, ...]], list[int]] = defaultdict(list)  # (event, need names)
    by_name: dict[tuple[str, str | None], list[int]] = defaultdict(list)  # (event, one name)
    crowded: dict[str, list[int]] = defaultdict(list)  # facts with too many names for `by_names`, by event
    for c in claims:
        if c.kind != "date" or c.teaser:
            continue
        events = set((c.event or "").split("|"))
        mine = {index.canon(e) for e in c.entities}
        subsets = _subsets(mine, need)
        lists: list[Sequence[int]] = []
        if subsets is not None:
            # every fact in these blocks shares the event and the names: the first from another document fits
            lists = [by_names.get((ev, names), ()) for ev in events for names in subsets]
            lists += [crowded.get(ev, ()) for ev in events]
        else:
            # a fact that shares `need` names and an event kind is in `need` of the (event, name) blocks of that
            # event, so it is in one of any len(mine) - need + 1 of them: the need - 1 largest are left unread
            for ev in events:
                own = sorted((by_name.get((ev, name), ()) for name in mine), key=len)
                lists += own[: max(0, len(own) - need + 1)]
        found = [i for i in (_first_fit(b, firsts, c.document, events, mine, need) for b in lists) if i is not None]
        home = groups[min(found)] if found else None
        if home is None:
            home = FactGroup("date", "date", c.subject, "date", None)
            n = len(groups)
            groups.append(home)
            firsts.append((c.document, events, mine))
            for ev in events:
                for name in mine:
                    by_name[(ev, name)].append(n)
                if subsets is None:
                    crowded[ev].append(n)
                else:
                    for names in subsets:
                        by_names[(ev, names)].append(n)
        home.claims.append(c)
    return groups


def _first_fit(
    block: Iterable[int],
    firsts: list[tuple[str, set[str], set[str | None]]],
    document: str,
    events: set[str],
    names: set[str | None],
    need: int,
) -> int | None:
    """The first fact of a block (in order of creation) that a date of `document` can join."""
    for i in block:
        first_document, first_events, first_names = firsts[i]
        if first_document != document and events & first_events and len(names & first_names) >= need:
            return i
    return None


def _subsets(names: set[str | None], size: int) -> list[tuple[str | None, ...]] | None:
    """Every `size` of these names, in one order; None when there are more than MAX_SUBSETS of them."""
    if size > len(names):
        return []
    if size and math.comb(len(names), size) > MAX_SUBSETS:  # (with no name to share, one block per event)
        return None
    ordered = sorted(names, key=lambda k: (k is None, k or ""))
    return list(itertools.combinations(ordered, size))


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


def align_categorical(claims: list[Claim], index: EntityIndex) -> list[FactGroup]:
    """A superlative joins the first fact (in order of creation) with a claim of the same proposition. Two
    claims can only be one proposition when their subjects are the same or related by ownership, so facts are
    blocked by (kind, subject) and (kind, owner of the subject); a claim without a subject starts its own."""
    groups: list[FactGroup] = []
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
            home = FactGroup(c.kind, c.kind, c.subject, c.metric or c.kind, c.object)
            groups.append(home)
        home.claims.append(c)
        if subject is not None:
            by_subject[(c.kind, subject)].add(n)
            if owner is not None:
                by_owner[(c.kind, owner)].add(n)
    return groups


def to_facts(groups: list[FactGroup], statuses: dict[int, str], index: EntityIndex) -> list[Fact]:
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
