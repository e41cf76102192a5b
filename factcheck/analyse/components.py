"""Dates and superlatives aligned component by component: the units of work that a distributed engine spreads.

Both align by first fit: a claim joins the first fact, in order of creation, that it can join, and a claim can
only join a fact whose claims share a key with it. A date (`alignment.align_dates`) joins a fact whose first
claim shares an event kind and `min_shared_entities` names: its keys are its (event kind, name) pairs, or its
event kinds alone when no name is needed, and none when it has fewer names than needed (it neither joins nor
is joined). A superlative (`alignment.align_categorical`) joins a fact with a claim of the same proposition,
whose subject is its own, its owner or owned by it: its keys are (kind, subject) and, when some claim of its
kind has that subject, (kind, owner); one without a subject has none.

Link the claims that share a key. Every fact a claim can join holds a claim linked to it, so no fact spans two
connected components, and within its component a claim meets the same candidate facts in the same order as in
one pass over the corpus (the order of creation restricted to the component). So each component aligned on its
own, in the corpus's order, gives the facts one pass gives; put in the order of their first claims
(`blocks.merged`) they are that pass's facts in its order. `tests/analyse/test_components.py` checks it.

Comparing dates reads one fact at a time, its claims' documents and how many dates each of their sentences
holds (`temporal.dates_per_sentence`, counted over the corpus): a run of date facts compares anywhere with
those. Superlatives compare on the whole corpus: they merge facts worded apart across components
(`support.merge_supporting`) and read every document's evidence sentences and every uniqueness claim.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

from factcheck.analyse.alignment import FactGroup, align_categorical
from factcheck.analyse.blocks import run_corpus
from factcheck.analyse.comparison import Comparison
from factcheck.analyse.support import CATEGORICAL
from factcheck.analyse.temporal import Sentence, compare_dates, sentence_of
from factcheck.extract import EntityIndex
from factcheck.models import Claim, Document, Finding
from factcheck.ruleset.rule_set import RuleSet

Keyed = list[tuple[list[Hashable], int]]  # (keys, position) of each claim of one kind


def align_superlatives(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """`align_categorical` as an `Aligner` (superlatives need no rules to align)."""
    return align_categorical(claims, index)


def keyed_dates(claims: Sequence[Claim], ruleset: RuleSet, index: EntityIndex) -> Keyed:
    """The keys of each date `align_dates` aligns, with its position in the corpus's claims."""
    need = max(0, ruleset.dates.min_shared_entities)
    out: Keyed = []
    for i, c in enumerate(claims):
        if c.kind != "date" or c.teaser:
            continue
        events = set((c.event or "").split("|"))
        names = {index.canon(e) for e in c.entities}
        if not need:
            out.append(([(ev,) for ev in events], i))
        else:
            out.append(([(ev, n) for ev in events for n in names] if len(names) >= need else [], i))
    return out


def keyed_superlatives(claims: Sequence[Claim], index: EntityIndex) -> Keyed:
    """The keys of each superlative and exclusivity claim, with its position in the corpus's claims. An owner
    that no claim of the kind has as its subject links nothing (two claims of one owner are not related)."""
    found = [(i, c.kind, index.canon(c.subject)) for i, c in enumerate(claims) if c.kind in CATEGORICAL]
    subjects = {(kind, s) for _, kind, s in found if s is not None}
    out: Keyed = []
    for i, kind, subject in found:
        keys: list[Hashable] = []
        if subject is not None:
            keys.append((kind, subject))
            owner = index.owner_of(subject)
            if owner is not None and (kind, owner) in subjects:
                keys.append((kind, owner))
        out.append((keys, i))
    return out


def components(keyed: Keyed) -> list[list[int]]:
    """The positions of each connected component of the claims that share a key (a union-find), each in
    ascending order, the components in the order of their first claims; a claim without keys is alone."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving: the trees stay shallow
            x = parent[x]
        return x

    holder: dict[Hashable, int] = {}  # each key's first claim: a claim is united with it, not with every other
    for keys, position in keyed:
        parent[position] = position
        for key in keys:
            other = holder.setdefault(key, position)
            a, b = find(position), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)  # the root is the component's first claim
    out: dict[int, list[int]] = {}
    for _, position in sorted(keyed, key=lambda kp: kp[1]):
        out.setdefault(find(position), []).append(position)
    return list(out.values())


def compare_date_run(
    groups: list[FactGroup],
    documents: list[Document],
    per_sentence: Mapping[Sentence, int],
    index: EntityIndex,
    ruleset: RuleSet,
) -> tuple[list[Finding], list[str]]:
    """The findings of a run of date facts and each fact's status, given the documents of their claims (whole,
    or as `blocks.comparison_stub`s) and the dates of their sentences counted over the corpus."""
    out = Comparison()
    compare_dates(groups, run_corpus(documents, index, ruleset), ruleset, out, per_sentence)
    return out.findings, [out.statuses.get(id(g), "single_source") for g in groups]


def sentences_of(groups: Iterable[FactGroup], per_sentence: Mapping[Sentence, int]) -> dict[Sentence, int]:
    """What a run of date facts reads of the corpus's count of dates per sentence."""
    return {s: per_sentence[s] for g in groups for s in map(sentence_of, g.claims)}
