"""The corpus documents a draft can meet, looked up in the claim cache by blocking term.

A draft's findings come from the facts its claims join, and a claim joins only facts that share a blocking key
with it (factcheck/analyse/alignment.py): numbers by subject (those with none by the concept of their metric),
dates by the names in them, superlatives by subject and its owner; a superlative's fact also looks at the
evidence sentences that name its parties and at the uniqueness
claims of other sources with a similar object (a rival). The cache stores each document's raw name keys
(factcheck/gate/terms.py); the corpus's name index, which changes with the corpus, is applied when they are
looked up (`BlockingKeys`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, utils

from factcheck.analyse.alignment import concept_key
from factcheck.extract import EntityIndex
from factcheck.extract.entity_finder import CREATOR_REF
from factcheck.gate.cache import ClaimCache
from factcheck.gate.terms import DATE, EVENT, EVIDENCE, METRIC, QUANTITY, SUPERLATIVE, UNIQUE
from factcheck.models import Claim, DocumentExtract
from factcheck.ruleset.rule_set import RuleSet

RIVAL_SIMILARITY = 85  # categorical._rival: object and scope at least this similar


class BlockingKeys:
    """A claim's blocking keys under the corpus's name index, and the reverse: which raw keys (as stored in the
    cache's terms) have a given blocking key."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self._inverse: dict[str, list[str]] | None = None
        self._inverse_plain: dict[str, list[str]] | None = None

    def resolve(self, raw: str | None) -> str | None:
        """extract.corpus.resolve_names: a creator reference through the owners, anything else canonical."""
        if raw and raw.startswith(CREATOR_REF):
            return self.index.owner_of(raw[len(CREATOR_REF) :])
        return self.index.canon(raw)

    def subject(self, raw: str | None) -> str | None:
        """The key a number or superlative is blocked by (align: canon of the resolved subject)."""
        return self.index.canon(self.resolve(raw))

    def entity(self, raw: str) -> str | None:
        """A name in a date (align_dates: canon of the resolved entity)."""
        return self.index.canon(self.resolve(raw) or raw)

    def plain(self, raw: str) -> str | None:
        """A name in an evidence sentence (EvidenceIndex: canon of the raw key)."""
        return self.index.canon(raw)

    def raw_for(self, targets: set[str], how: Callable[[str], str | None], plain: bool = False) -> set[str]:
        """The raw keys r (not creator references) with how(r) in targets."""
        if plain:
            if self._inverse_plain is None:
                self._inverse_plain = defaultdict(list)
                for r, c in self.index.canonical.items():
                    self._inverse_plain[c].append(r)
            inverse = self._inverse_plain
        else:
            if self._inverse is None:
                self._inverse = defaultdict(list)
                for r in self.index.canonical:
                    t = self.subject(r)
                    if t is not None:
                        self._inverse[t].append(r)
            inverse = self._inverse
        out = set()
        for t in targets:
            for r in (t, *inverse.get(t, ())):
                if how(r) in targets:
                    out.add(r)
        return out


def reachable(
    drafts: Sequence[DocumentExtract],
    index: EntityIndex,
    ruleset: RuleSet,
    cache: ClaimCache,
    corpus: set[str],
    load: Callable[[list[str]], dict[str, DocumentExtract]],
) -> dict[str, DocumentExtract]:
    """The corpus documents (key -> extraction) whose claims can meet the drafts' in a fact, or whose evidence
    sentences or rival claims can be cited beside a draft's superlative. Each keeps only those claims: the
    others can form facts of their own, never join a draft's."""
    keys = BlockingKeys(index)
    want_m: set[str] = set()  # numbers with no subject align by the concept of their metric
    want_q: set[str] = set()
    want_d: set[str] = set()
    events: set[str] = set()
    superlatives: list[Claim] = []
    for e in drafts:
        for c in e.claims:
            if c.kind == "quantity":
                if c.subject is None:
                    want_m.add(concept_key(ruleset, c.metric))
                elif (k := keys.subject(c.subject)) is not None:
                    want_q.add(k)
            elif c.kind == "date":
                if not c.teaser:
                    want_d.update(k for x in c.entities if (k := keys.entity(x)) is not None)
                    events.update((c.event or "").split("|"))
            else:
                superlatives.append(c)
    owned = _closure({k for c in superlatives if (k := keys.subject(c.subject)) is not None}, index)
    terms = [f"{QUANTITY}\0{r}" for r in keys.raw_for(want_q, keys.subject)]
    if ruleset.dates.min_shared_entities >= 1:
        terms += [f"{DATE}\0{r}" for r in keys.raw_for(want_d, keys.entity)]
    else:  # every date of the same event kind can join
        terms += [f"{EVENT}\0{ev}" for ev in events]
    terms += [f"{SUPERLATIVE}\0{r}" for r in keys.raw_for(owned, keys.subject)]
    hits = {k for _, k in cache.documents_with(terms) if k in corpus}
    if want_m:
        hits |= {k for t, k in cache.terms_from(f"{METRIC}\0") if k in corpus and concept_key(ruleset, t[2:]) in want_m}
    # creator references ("the creator of Widget") resolve through the corpus's owners: look at each
    for kind, how, targets in (
        (QUANTITY, keys.subject, want_q),
        (DATE, keys.entity, want_d if ruleset.dates.min_shared_entities >= 1 else set()),
        (SUPERLATIVE, keys.subject, owned),
    ):
        if targets:
            hits |= {k for t, k in cache.terms_from(f"{kind}\0{CREATOR_REF}") if k in corpus and how(t[2:]) in targets}
    need = ruleset.dates.min_shared_entities

    def meets(c: Claim) -> bool:
        if c.kind == "quantity":
            if c.subject is None:
                return concept_key(ruleset, c.metric) in want_m
            return keys.subject(c.subject) in want_q
        if c.kind == "date":
            if c.teaser:
                return False
            if need >= 1:
                return any(keys.entity(x) in want_d for x in c.entities)
            return bool(events & set((c.event or "").split("|")))
        # a uniqueness claim with an object can be another's rival (categorical._rival), whatever its subject
        return keys.subject(c.subject) in owned or (c.metric in UNIQUE and bool(c.object) and not c.teaser)

    def trimmed(found: dict[str, DocumentExtract]) -> dict[str, DocumentExtract]:
        return {k: e.model_copy(update={"claims": [c for c in e.claims if meets(c)]}) for k, e in found.items()}

    chosen = load(sorted(hits))
    if not superlatives:
        return trimmed(chosen)
    # a superlative's fact: its claims' parties name the evidence sentences; uniqueness claims find rivals
    members = list(superlatives) + [
        c
        for e in chosen.values()
        for c in e.claims
        if c.kind in ("superlative", "exclusivity") and keys.subject(c.subject) in owned
    ]
    parties: set[str] = set()
    for c in members:  # categorical.related_evidence and _alternatives: the fact's subjects, names and owners
        for k in [keys.subject(c.subject), *(keys.entity(x) for x in c.entities)]:
            if k and k != "?":
                parties.add(k)
                owner = index.owner_of(k)
                if owner:
                    parties.add(owner)
    more = {
        k for _, k in cache.documents_with([f"{EVIDENCE}\0{r}" for r in keys.raw_for(parties, keys.plain, plain=True)])
    }
    unique = [c for c in members if c.metric in UNIQUE and c.object]
    if unique:
        p = utils.default_process
        for key, obj, scope in cache.all_rivals():
            if key in corpus and key not in chosen and key not in more:
                for c in unique:
                    if (
                        fuzz.token_set_ratio(c.object or "", obj, processor=p) >= RIVAL_SIMILARITY
                        and fuzz.token_set_ratio(c.scope or "", scope, processor=p) >= RIVAL_SIMILARITY
                    ):
                        more.add(key)
                        break
    extra = load(sorted(k for k in more if k in corpus and k not in chosen))
    return trimmed(chosen | extra)


def _closure(subjects: set[str], index: EntityIndex) -> set[str]:
    """The subjects a draft's superlative can share a fact with: its own and those connected to it by
    ownership, both ways (align_categorical blocks by subject and by the subject's owner)."""
    owned_by: dict[str, set[str]] = defaultdict(set)
    inverse: dict[str, set[str]] = defaultdict(set)
    for r, c in index.canonical.items():
        inverse[c].add(r)
    for p in set(index.owner) | set(index.creator):
        o = index.owner_of(p)
        if o is not None:
            owned_by[o].add(p)
            owned_by[o] |= inverse.get(p, set())
    out: set[str] = set()
    todo = list(subjects)
    while todo:
        k = todo.pop()
        if k in out:
            continue
        out.add(k)
        o = index.owner_of(k)
        if o is not None and o not in out:
            todo.append(o)
        todo.extend(p for p in owned_by.get(k, ()) if p not in out)
        todo.extend(p for p in owned_by.get(index.canon(k) or k, ()) if p not in out)
    return out
