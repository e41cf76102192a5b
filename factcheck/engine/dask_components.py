"""The dates' and superlatives' alignment, and the dates' comparison, on Dask (analyse/components.py says why
components can run apart).

Alignment is a group-by of the claims of one kind on their connected component: the client links the claims
that share a key (a union-find over their keys, in one pass), packs whole components into partitions of about
the same number of claims, and each partition goes to a worker, which aligns each of its components there
(`align_block` with the local engine's aligner); the client only puts the facts, which name claim positions,
in the order one pass makes them. The dates' comparison runs on consecutive runs of date facts, each task with
what it reads of the documents of its run's claims and the corpus's count of dates in their sentences. The
superlatives' comparison stays on the client: it merges facts across components and reads every document's
evidence sentences and every uniqueness claim.
"""

from __future__ import annotations

import heapq
import math
from typing import TYPE_CHECKING

from factcheck.analyse import Comparison, FactGroup, align_block, merged
from factcheck.analyse.alignment import align_dates
from factcheck.analyse.blocks import AlignedFact, Aligner
from factcheck.analyse.components import (
    Keyed,
    align_superlatives,
    compare_date_run,
    components,
    keyed_dates,
    keyed_superlatives,
    sentences_of,
)
from factcheck.analyse.temporal import dates_per_sentence
from factcheck.engine.cluster import worker_count
from factcheck.engine.dask_blocks import bounded_map, broadcast, run_documents, runs_of
from factcheck.extract import EntityIndex
from factcheck.extract.corpus import Corpus
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

if TYPE_CHECKING:
    from distributed import Client

CLAIMS_PER_PARTITION = 4_000  # claims per partition of the group-by, unless one component is larger


def _align_components(
    parts: list[list[tuple[int, Claim]]], align: Aligner, ruleset: RuleSet, index: EntityIndex
) -> list[AlignedFact]:
    """A partition's components aligned, each on its own."""
    return [f for component in parts for f in align_block(component, ruleset, index, align)]


def pack_components(found: list[list[int]], parts: int) -> list[list[list[int]]]:
    """Whole components packed into at most `parts` partitions of about the same number of claims: the largest
    first, each into the partition that holds the fewest so far (ties to the lower partition), so the same
    partitions in every run; each partition's components in the order of their first claims, empty ones dropped."""
    load = [(0, n) for n in range(max(1, parts))]
    out: list[list[list[int]]] = [[] for _ in load]
    for component in sorted(found, key=lambda c: (-len(c), c[0])):
        held, n = heapq.heappop(load)
        out[n].append(component)
        heapq.heappush(load, (held + len(component), n))
    return [sorted(p, key=lambda c: c[0]) for p in out if p]


def _align(
    client: Client, claims: list[Claim], keyed: Keyed, align: Aligner, ruleset: RuleSet, index: EntityIndex
) -> list[FactGroup]:
    if not keyed:
        return []
    # at least two partitions a worker, so that every worker aligns; about CLAIMS_PER_PARTITION claims each
    parts = max(2 * worker_count(client), math.ceil(len(keyed) / CLAIMS_PER_PARTITION))
    packed = pack_components(components(keyed), parts)
    partitions = [[[(p, claims[p]) for p in component] for component in part] for part in packed]
    facts: list[AlignedFact] = []
    args = [(p, align) for p in partitions]
    for found in bounded_map(client, _align_components, args, broadcast(client, ruleset, index)):
        facts.extend(found)
    return merged(facts, claims)


def align_dates_on(client: Client, claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """`align_dates` by components on the cluster."""
    return _align(client, claims, keyed_dates(claims, ruleset, index), align_dates, ruleset, index)


def align_superlatives_on(client: Client, claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """`align_categorical` by components on the cluster."""
    return _align(client, claims, keyed_superlatives(claims, index), align_superlatives, ruleset, index)


def compare_dates_on(
    client: Client, groups: list[FactGroup], corpus: Corpus, ruleset: RuleSet, out: Comparison
) -> None:
    """`compare_dates` by runs of facts on the cluster."""
    runs = runs_of([g for g in groups if g.kind == "date"], 2 * worker_count(client))
    if not runs:
        return
    per_sentence = dates_per_sentence(groups)  # a sentence's dates may be in facts of several runs
    counts = [sentences_of(run, per_sentence) for run in runs]
    args = list(zip(runs, run_documents(runs, corpus), counts, strict=True))
    results = bounded_map(client, compare_date_run, args, broadcast(client, ruleset, corpus.index))
    for run, (findings, statuses) in zip(runs, results, strict=True):
        out.findings.extend(findings)
        for g, status in zip(run, statuses, strict=True):
            out.statuses[id(g)] = status
