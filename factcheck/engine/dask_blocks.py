"""The numbers' alignment and comparison on Dask (analyse/blocks.py says why blocks can run apart).

Alignment is a group-by of the numbers on their block keys: the numbers go to the workers in partitions, each
worker keys its own (`keyed`), a task-based shuffle brings each block's numbers together, and each block is
aligned where it lands (`align_block`); the client only puts the facts, which name claim positions, in the
order one pass makes them. Comparison runs on consecutive runs of the facts, each task with the documents
of its run's claims; the client puts the findings one run after another. The name index and the rules are
sent once to each worker. What stays on the client: joining facts across subjects (a join can chain any
blocks), dates, superlatives, the sums within documents and the numbering of the findings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from factcheck.analyse import Comparison, FactGroup, NumberStages, align_block, compare_run, keyed_numbers, merged
from factcheck.extract import EntityIndex
from factcheck.extract.corpus import Corpus
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet

if TYPE_CHECKING:
    from distributed import Client

NUMBERS_PER_PARTITION = 20_000  # numbers per partition of the shuffle: a few MB of claims each
CLAIMS_PER_RUN = 20_000  # claims per comparison task
RETRIES = 3


def dask_stages(client: Client) -> NumberStages:
    """Number alignment and comparison run on this client's cluster."""
    return NumberStages(align=partial(_align, client), compare=partial(_compare, client))


def _keyed(item: tuple[int, Claim], ruleset: RuleSet, index: EntityIndex) -> tuple[tuple[str, ...], tuple[int, Claim]]:
    ((key, _),) = keyed_numbers([item[1]], ruleset, index)
    return key, item


def _first(pair: tuple[tuple[str, ...], Any]) -> tuple[str, ...]:
    return pair[0]


def _aligned(
    block: tuple[tuple[str, ...], list[tuple[tuple[str, ...], tuple[int, Claim]]]], ruleset: RuleSet, index: EntityIndex
) -> list[Any]:
    return align_block([item for _, item in block[1]], ruleset, index)


def _align(client: Client, claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    import dask
    import dask.bag as db

    numbers = [(i, c) for i, c in enumerate(claims) if c.kind == "quantity"]
    if not numbers:
        return []
    # at least two partitions a worker, so that every worker keys, shuffles and aligns
    parts = min(len(numbers), max(2 * _workers(client), math.ceil(len(numbers) / NUMBERS_PER_PARTITION)))
    size = math.ceil(len(numbers) / parts)
    partitions = client.scatter([numbers[i : i + size] for i in range(0, len(numbers), size)])
    rules = dask.delayed(client.scatter(ruleset, broadcast=True, hash=False))
    names = dask.delayed(client.scatter(index, broadcast=True, hash=False))
    keyed = db.from_delayed(partitions).map(_keyed, ruleset=rules, index=names)
    blocks = keyed.groupby(_first, shuffle="tasks", npartitions=len(partitions))
    facts = blocks.map(_aligned, ruleset=rules, index=names).flatten()
    return merged(client.compute(facts, retries=RETRIES).result(), claims)


def _workers(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _runs(groups: Sequence[FactGroup], tasks: int) -> list[list[FactGroup]]:
    """Consecutive runs of facts, at least `tasks` of them where there are enough facts, of at most about
    CLAIMS_PER_RUN claims each."""
    per_run = min(CLAIMS_PER_RUN, max(1, math.ceil(sum(len(g.claims) for g in groups) / tasks)))
    runs: list[list[FactGroup]] = [[]]
    held = 0
    for g in groups:
        if held >= per_run:
            runs.append([])
            held = 0
        runs[-1].append(g)
        held += len(g.claims)
    return [r for r in runs if r]


def _compare(client: Client, groups: list[FactGroup], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    numbers = [g for g in groups if g.kind == "quantity"]
    runs = _runs(numbers, 2 * _workers(client))
    if not runs:
        return
    by_id = {d.id: d for d in corpus.documents}
    documents = [[by_id[i] for i in sorted({c.document for g in run for c in g.claims}) if i in by_id] for run in runs]
    rules = client.scatter(ruleset, broadcast=True, hash=False)
    names = client.scatter(corpus.index, broadcast=True, hash=False)
    # the runs go to the workers straight, not through the scheduler's graph
    run_data = client.scatter(runs, hash=False)
    run_documents = client.scatter(documents, hash=False)
    futures = client.map(compare_run, run_data, run_documents, index=names, ruleset=rules, pure=False, retries=RETRIES)
    for run, future in zip(runs, futures, strict=True):
        findings, statuses = future.result()
        future.release()
        out.findings.extend(findings)
        for g, status in zip(run, statuses, strict=True):
            out.statuses[id(g)] = status
