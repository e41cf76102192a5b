"""Stage 3, align (second pass, `report` only): one fact that sources tell from different parties, joined.

The first pass (`alignment.align_quantities`) blocks numbers by subject, so one fact told from two sides stays
split: the buyer's price and the seller's ("Acme agreed to buy Borealis for $2 billion", "Borealis was sold to
Acme for $2 billion"), a loan by its lender and by its borrower, a toll given for a country in one source and
for its province in another. Here a named fact joins an earlier one of the same measure (dimension, concept
of the metric, basis, total or not) when the two are linked (a subject of one is a party of the other: its
subject, object or a name in its sentence; one owns the other; their sentences share a name or a word of a
name; one article gives both the same value) and nothing sets them apart: an article that states both at
different values, two objects that are not the same party pair, two things measured, another scope word.

- Figures that state the same number join on any link ("more than 1.3 GW" beside "2.8 GW" is no evidence); so
  does a fact one of whose figures the other states throughout (it adds sources to one side of a disagreement
  and no conflict). Two facts that several sources each tell are also linked by a distinctive figure they
  share ("382", not "200"): a count told of a district and of its state.
- A figure that conflicts joins only as one source's telling (a fact several sources agree on is a fact of its
  own), under a cued metric (the same or a compatible one), by a direct link (`_direct`), of a common status,
  and never where two parties do the same to one third or one article gives the two subjects different values
  (rivals); the one such fact of its measure, else the first within MAX_RATIO of its figures.

Each joined fact remembers which first-pass fact ("core") every claim came from: a conflict between two cores
rests on this looser alignment, so it is shown as info (numeric._conflicts). `check` does not join: a join can
chain blocks without end, and `check` reads only the blocks of a draft's claims (factcheck/gate/reach.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.analyse.alignment import (
    STRICT_SCOPES,
    FactGroup,
    _basis,
    _generic,
    align_dates,
    concept_key,
)
from factcheck.analyse.blocks import Aligner, align_numbers
from factcheck.analyse.components import align_superlatives
from factcheck.analyse.intervals import Rates, apart
from factcheck.analyse.joined_facts import (
    Joined,
    agree,
    conflict,
    figures_of,
    near_figures,
    same_where_shared,
    stated_there,
    states_all,
    topics,
)
from factcheck.extract import EntityIndex
from factcheck.extract.name_matching import name_words
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

MAX_CANDIDATES = 32  # linked facts looked at for each fact
MAX_JOINED = 400  # a fact of more claims neither joins nor is joined
SPECIFIC_COUNT = 20  # an unnamed count below this joins no named fact
NEAR_TOPIC = 2.0  # an unnamed figure joins its article's topic's fact at another value only within this factor


def _parties(g: FactGroup, index: EntityIndex) -> set[str]:
    """The names a fact's claims speak of, and each word of them ("SW China" and "China" share a party)."""
    out: set[str] = set()
    for c in g.claims:
        for name in (c.subject, c.object, *c.entities):
            k = index.canon(name)
            if k:
                out.add(k)
                owner = index.owner_of(k)
                if owner:
                    out.add(owner)  # "Acme's Widget": a fact of Widget is linked to one of Acme
                out.update(f"\0{w}" for w in _words(index, k))
    return out


def _measure(ruleset: RuleSet, g: FactGroup) -> tuple[str, str, str | None, bool]:
    first = g.claims[0]
    return (g.dimension, concept_key(ruleset, g.metric), _basis(first.per), first.total)


def _rivals(groups: list[FactGroup], rates: Rates, index: EntityIndex) -> set[tuple[str, frozenset[str]]]:
    """(measure concept, two subjects) that one document gives different values for, on one basis (a fee and a
    yearly wage are no rivals): two facts everywhere."""
    by_doc: dict[tuple[str, str, str | None], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    parties: dict[tuple[str, str], set[str]] = defaultdict(set)  # (document, subject) -> its objects there
    for g in groups:
        subject = index.canon(g.subject)
        if g.kind != "quantity" or subject is None:
            continue
        concept = concept_key(rates.ruleset, g.metric)
        for c in g.claims:
            by_doc[(c.document, concept, _basis(c.per))][subject].append(c)
            if c.object is not None:
                parties[(c.document, subject)].add(index.canon(c.object) or c.object)
    out: set[tuple[str, frozenset[str]]] = set()
    for (doc, concept, _), subjects in by_doc.items():
        if len(subjects) < 2 or len(subjects) > MAX_CANDIDATES:
            continue  # (an article of more subjects than that is a table, not a story: no rivals learned)
        names = sorted(subjects)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if b in parties[(doc, a)] or a in parties[(doc, b)]:
                    continue  # the buyer and what it buys: two sides of one deal, whatever this article says
                if any(not rates.compatible(x, y) for x in subjects[a][:8] for y in subjects[b][:8]):
                    out.add((concept, frozenset((a, b))))
    return out


def _words(index: EntityIndex, name: str) -> set[str]:
    """The words of a name, without its punctuation ("Avengers: Endgame" -> avengers, endgame)."""
    return {w.casefold() for w in name_words(index.name(name) or "") if len(w) > 2}


def _direct(index: EntityIndex, j: Joined, g: FactGroup, parties: set[str]) -> bool:
    """A link strong enough to join figures that conflict: a subject of one is a party of the other, one owns
    the other, or the words of one subject are all in the other ("SW Veldoria", "Veldoria"; not "Orbis
    Energy", "Helios Energy"); two subjects that are only named
    beside the same third party ("Hatch Lane holds 31,000 fans", "a 62,000-seat stadium for Kestrel") are not.
    Facts of no common status (an earlier bid, the agreed price) never join on a conflict."""
    if not {c.status for c in g.claims} & {c.status for c in j.group.claims}:
        return False
    subject = index.canon(g.subject) or ""
    if {c.document for c in g.claims} & j.documents:
        return True  # one article gives both one value (`same_where_shared`): one fact under two names
    if subject in j.parties or any(s in parties or index.related(s, subject) for s in j.subjects):
        return True
    mine = _words(index, subject)
    return any(mine and (mine <= (theirs := _words(index, s)) or theirs <= mine) for s in j.subjects)


def _roles_fit(index: EntityIndex, j: Joined, subject: str | None, obj: str | None) -> bool:
    """Two objects name one party, or the parties are swapped: the buyer's price for the seller, the seller's
    price from the buyer ("Acme's $2 billion bid for Borealis", "Borealis accepted Acme's $2 billion")."""
    if obj is None:
        return True
    if {subject, obj} <= j.subjects | j.objects or subject in j.objects:
        # both parties are already the fact's, or the one paid is now the payer (the player's fee to the buying
        # club; the buying club's fee to the selling club): one transaction told from another side
        return True
    for o in j.objects:
        if o != obj and not index.similar(o, obj) and not (o == subject and obj in j.subjects):
            return False
    return True


def _parallel(index: EntityIndex, j: Joined, subject: str | None, obj: str | None) -> bool:
    """Two parties doing the same to one third ("Acme invests $2 billion in Borealis" and "Kestrel invests $5
    billion in Borealis"): two facts, even in sources that never mention the other party."""
    if subject is None or obj is None or not j.objects:
        return False
    same_object = any(o == index.canon(obj) or index.similar(o, obj) for o in j.objects)
    return same_object and all(s is not None and not index.related(s, subject) for s in j.subjects)


def join_across_subjects(
    groups: list[FactGroup],
    ruleset: RuleSet,
    index: EntityIndex,
    years: Mapping[str, int | None] | None = None,
    mentions: Mapping[str, Iterable[tuple[str, int]]] | None = None,
) -> list[FactGroup]:
    """The quantity facts with each joined to the earliest fact of its measure that it is linked to and nothing
    sets apart (preferring one it agrees with); the other facts as they are. Deterministic: facts are taken in
    order of creation, and a joined fact keeps its claims in the order the facts were created. Only linked
    facts are looked at (through an index of their parties and documents), at most MAX_CANDIDATES of them, and
    only facts of at most MAX_JOINED claims join: one article of thousands of figures stays near-linear."""
    rates = Rates(ruleset, years or {})  # amounts compared at the rates of their documents' years
    rivals = _rivals(groups, rates, index)
    buckets: dict[tuple[str, str | None, bool], _Bucket] = defaultdict(_Bucket)
    out: list[FactGroup] = []
    unnamed: list[int] = []  # where in `out` the facts of numbers that name no subject are
    for g in groups:
        if g.kind != "quantity" or not g.claims or index.canon(g.subject) is None:
            if g.kind == "quantity" and g.claims:
                unnamed.append(len(out))
            out.append(g)  # a number with no subject is aligned by its metric alone (alignment.align_quantities)
            continue
        dimension, concept, basis, total = _measure(ruleset, g)
        bucket = buckets[(dimension, basis, total)]
        documents = {c.document for c in g.claims}
        parties = _parties(g, index)
        figures = figures_of(g)
        home = _home(rates, index, bucket, g, concept, documents, parties, rivals, figures)
        if home is None:
            group = FactGroup(
                g.kind, g.dimension, g.subject, g.metric, g.object, list(g.claims), tentative=set(g.tentative)
            )
            home = Joined(group, concept, len(bucket.joined))
            bucket.joined.append(home)
            out.append(home.group)
        else:
            _absorb(ruleset, home, g, concept)
        n = home.number
        for k in (*parties, *figures, *(f"\1{d}" for d in documents)):
            at = bucket.linked[k]
            if not at or at[-1] != n:
                at.append(n)
        home.documents |= documents
        home.add_values(g.claims)
        home.subjects.add(index.canon(g.subject) or "")
        if g.object is not None:
            home.objects.add(index.canon(g.object) or g.object)
        home.parties |= parties
        home.extent = home.extent or frozenset(x for c in g.claims for x in c.extent)
        home.measured |= {c.measured for c in g.claims if c.measured}
    if not unnamed:
        return out
    by_concept: dict[tuple[tuple[str, str | None, bool], str], list[Joined]] = defaultdict(list)
    for key, bucket in buckets.items():
        for j in bucket.joined:
            by_concept[(key, j.concept)].append(j)
    topic_of = topics(mentions or {}, index.canon)
    joined = {i for i in unnamed if _join_unnamed(rates, by_concept, out[i], topic_of)}
    return [g for i, g in enumerate(out) if i not in joined]


def _join_unnamed(
    rates: Rates,
    by_concept: dict[tuple[tuple[str, str | None, bool], str], list[Joined]],
    g: FactGroup,
    topic_of: Mapping[str, frozenset[str]],
) -> bool:
    """A fact that names no subject ("165 wind turbines") joins the one named fact of its measure, scope and
    measured thing that states its number, when there is exactly one: figures the fact states only, so the join
    adds sources to a fact (to one side of a disagreement it holds) and never a conflict. Whether it joined."""
    ruleset = rates.ruleset
    metric = ruleset.metrics.by_name.get(g.metric)
    if len(g.claims) > MAX_JOINED or (metric.generic if metric else g.metric == g.dimension):
        return False
    defaulted = _generic(ruleset, g.metric, g.dimension)  # "1.3GW": a power figure is a capacity, of what?
    if g.dimension == "count" and any(c.value is None or c.value < SPECIFIC_COUNT for c in g.claims):
        return False  # "two companies" could be any two: too common a count to say which fact it is
    dimension, concept, basis, total = _measure(ruleset, g)
    candidates = by_concept.get(((dimension, basis, total), concept), [])
    if not candidates or len(candidates) > MAX_CANDIDATES:
        return False  # a measure that many named facts share says nothing about which one this is
    documents = {c.document for c in g.claims}
    extent = frozenset(x for c in g.claims for x in c.extent)
    measured = {c.measured for c in g.claims if c.measured}
    topic = topic_of.get(next(iter(documents)), frozenset()) if len(documents) == 1 else frozenset()
    fitting = [
        j
        for j in candidates
        if (j.extent == extent or (not extent and j.subjects & topic))
        and not (measured and j.measured and not measured & j.measured)
        and len(j.group.claims) <= MAX_JOINED
        and same_where_shared(rates, j, g, documents)
    ]
    homes = [] if defaulted else [j for j in fitting if stated_there(rates, j, g) and j.extent == extent]
    if len(homes) > 1:
        homes = [j for j in homes if j.subjects & topic]  # several facts state it: the article's topic's
    unsure = False
    if not homes:
        # one article's unnamed figure near the one fact of its topic: likelier a misstatement than a fact
        # nobody else gives, but the sentence may speak of something else, so it joins as tentative (info)
        homes = [j for j in fitting if j.subjects & topic and near_figures(rates, j, g, NEAR_TOPIC)]
        unsure = True
    if len(homes) != 1:
        return False
    if unsure:
        g.tentative |= {c.id for c in g.claims}
    _absorb(ruleset, homes[0], g, concept)
    homes[0].documents |= documents
    homes[0].add_values(g.claims)
    return True


@dataclass
class _Bucket:
    """The joined facts of one measure, and which of them each party or document (`\1` + id) links to."""

    joined: list[Joined] = field(default_factory=list)
    linked: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def _home(
    rates: Rates,
    index: EntityIndex,
    bucket: _Bucket,
    g: FactGroup,
    concept: str,
    documents: set[str],
    parties: set[str],
    rivals: set[tuple[str, frozenset[str]]],
    figures: set[str],
) -> Joined | None:
    """The joined fact `g` belongs to, if any (see the module's doc). A fact linked to `g` by a distinctive
    figure alone is a candidate when both are told by several sources: one source's "165 turbines" for each of
    two farms is no evidence that they are one farm; several sources each giving "382" of a district and of its
    state are."""
    ruleset = rates.ruleset
    subject = index.canon(g.subject)
    if len(g.claims) > MAX_JOINED:
        return None
    extent = frozenset(x for c in g.claims for x in c.extent)
    measured = {c.measured for c in g.claims if c.measured}
    generic = _generic(ruleset, g.metric, g.dimension)
    keys = (*parties, *(f"\1{d}" for d in documents))
    near = {n for k in keys for n in bucket.linked.get(k, ())[:MAX_CANDIDATES]}
    if len(documents) > 1:
        near |= {
            n for k in figures for n in bucket.linked.get(k, ())[:MAX_CANDIDATES] if len(bucket.joined[n].documents) > 1
        }
    # a figure that conflicts joins only as one source's telling, of the same or a compatible metric: two facts
    # that several sources each agree on are two facts, however their parties are linked
    lone = len(documents) == 1
    agreeing: list[Joined] = []
    differing: list[Joined] = []  # candidates whose figures differ from `g`'s: one of them at most
    stated: list[Joined] = []  # candidates that state every figure of `g` beside others
    for n in sorted(near)[:MAX_CANDIDATES]:
        j = bucket.joined[n]
        joined_generic = _generic(ruleset, j.group.metric, j.group.dimension)
        # a different concept joins only when one is generic, or the two are compatible ("fee", "acquisition
        # price") and agree
        other_concept = concept != j.concept and not (generic or joined_generic)
        compatible = ruleset.metrics.compatible(g.metric, j.group.metric)
        if len(j.group.claims) > MAX_JOINED or (other_concept and not compatible):
            continue
        if (extent and j.extent and extent != j.extent) or any((w in extent) != (w in j.extent) for w in STRICT_SCOPES):
            continue
        if measured and j.measured and not measured & j.measured:
            continue
        if lone and measured and not j.measured and not agree(rates, j, g):
            continue  # "while the index has jumped 27%": one source's noun phrase is not another's named party
        # parties in other roles (the buying club's fee paid to the seller, the player's fee to the buyer) are
        # one fact when they agree on a distinctive figure
        if not _roles_fit(index, j, subject, index.canon(g.object)) and not (
            figures & figures_of(j.group) and agree(rates, j, g)
        ):
            continue
        if not same_where_shared(rates, j, g, documents):
            continue
        if other_concept and not agree(rates, j, g):
            continue
        if agree(rates, j, g):
            agreeing.append(j)
        elif (stated_there(rates, j, g) or states_all(rates, j, g)) and not any(
            (concept, frozenset((s, subject))) in rivals for s in j.subjects
        ):
            stated.append(j)  # one states every figure of the other: sources added to a side, no new conflict
        elif (
            lone
            and not all(apart(x, y, ruleset) for x in g.claims for y in j.distinct.values())
            and (g.metric == j.group.metric or ruleset.metrics.compatible(g.metric, j.group.metric))
            and conflict(rates, j, g)
            and _direct(index, j, g, parties)
            and not (
                generic
                or joined_generic
                or _parallel(index, j, subject, g.object)
                or any((concept, frozenset((s, subject))) in rivals for s in j.subjects)
            )
        ):
            differing.append(j)
    if agreeing:
        return agreeing[0]
    if len(stated) == 1:
        return stated[0]
    # a figure that differs joins the one fact of its measure it can be (a scale slip: "$45 million" for "$45
    # billion"); among several, the first within MAX_RATIO of its figures
    if len(differing) == 1:
        return differing[0]
    near_ones = [j for j in differing if near_figures(rates, j, g)]
    return near_ones[0] if near_ones else None


def _absorb(ruleset: RuleSet, home: Joined, g: FactGroup, concept: str) -> None:
    """Join `g`'s claims to `home`, each claim remembering the first-pass fact it came from."""
    base = len(home.group.claims)
    home.group.claims.extend(g.claims)
    home.group.tentative |= g.tentative
    home.group.cores.update({c.id: home.cores for c in g.claims})
    home.group.cores.update({c.id: 0 for c in home.group.claims[:base] if c.id not in home.group.cores})
    home.cores += 1
    if home.group.object is None and g.object is not None:
        home.group.object = g.object
    if not _generic(ruleset, g.metric, g.dimension) and _generic(ruleset, home.group.metric, home.group.dimension):
        home.concept, home.group.metric = concept, g.metric  # named by its most specific metric


def align(
    claims: list[Claim],
    ruleset: RuleSet,
    index: EntityIndex,
    across_parties: bool = True,
    numbers: Aligner = align_numbers,
    dates: Aligner = align_dates,
    superlatives: Aligner = align_superlatives,
    years: Mapping[str, int | None] | None = None,
    mentions: Mapping[str, Iterable[tuple[str, int]]] | None = None,
) -> list[FactGroup]:
    """Every claim in a fact: numbers by subject (in one pass, or block by block on an engine), then (unless
    `across_parties` is off) joined across subjects, amounts compared at their documents' `years`' rates;
    dates; superlatives (each in one pass, or component by component). `check` reads only the blocks a draft's
    claims fall in (factcheck/gate/reach.py) and a join can chain blocks without end, so `check` aligns by
    blocks alone."""
    facts = numbers(claims, ruleset, index)
    return (
        (join_across_subjects(facts, ruleset, index, years, mentions) if across_parties else facts)
        + dates(claims, ruleset, index)
        + superlatives(claims, ruleset, index)
    )
