"""The numbers' alignment and comparison on Dask (analyse/blocks.py says why blocks can run apart), and what
every stage run on the workers shares (engine/dask_components.py runs the dates and superlatives).

Alignment is a group-by of the numbers on their block keys: the blocks are hash-partitioned on their key
where the claims are (the client holds the extracts the workers sent back), each partition goes to a worker
and each of its blocks is aligned there (`align_block`); the client only puts the facts, which name claim
positions, in the order one pass makes them. Comparison runs on consecutive runs of the facts, each task
with what it reads of the documents of its run's claims (`comparison_stub`); the client puts the findings
one run after another. The name index and the rules are sent once to each worker for each stage. What stays
on the client: joining facts across subjects (a join can chain any blocks), the superlatives' comparison,
the sums within documents and the numbering of the findings.
"""

from __future__ import annotations

import math
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from factcheck.analyse import Comparison, FactGroup, align_block, compare_run, keyed_numbers, merged
from factcheck.analyse.blocks import AlignedFact, comparison_stub
from factcheck.engine.cluster import worker_count
from factcheck.extract import EntityIndex
from factcheck.extract.corpus import Corpus
from factcheck.models import Claim, Document
from factcheck.ruleset.rule_set import RuleSet

if TYPE_CHECKING:
    from distributed import Client

NUMBERS_PER_PARTITION = 4_000  # numbers per partition of the group-by: about 6 MB as a task
CLAIMS_PER_RUN = 4_000  # claims per comparison task, with their documents' openings: a few MB
RETRIES = 3
IN_FLIGHT = 2  # tasks a worker holds the data of at a time
T = TypeVar("T")


def _align_blocks(blocks: list[list[tuple[int, Claim]]], ruleset: RuleSet, index: EntityIndex) -> list[AlignedFact]:
    """A partition's blocks aligned, each on its own."""
    return [f for block in blocks for f in align_block(block, ruleset, index)]


def partition_blocks(keyed: list[tuple[tuple[str, ...], int]], parts: int) -> list[list[list[int]]]:
    """The group-by: the positions of each block's numbers, blocks hash-partitioned on their key (a stable
    hash: the same partitions in every run), each block whole in one partition; empty partitions dropped."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for key, position in keyed:
        blocks.setdefault(key, []).append(position)
    out: list[list[list[int]]] = [[] for _ in range(parts)]
    for key, positions in blocks.items():
        out[zlib.crc32("\x1f".join(key).encode()) % parts].append(positions)
    return [p for p in out if p]


def align_numbers_on(client: Client, claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """`align_numbers` by blocks on the cluster."""
    keyed = keyed_numbers(claims, ruleset, index)
    if not keyed:
        return []
    # at least two partitions a worker, so that every worker aligns; at most NUMBERS_PER_PARTITION numbers each
    parts = max(2 * worker_count(client), math.ceil(len(keyed) / NUMBERS_PER_PARTITION))
    partitions = [[[(p, claims[p]) for p in block] for block in part] for part in partition_blocks(keyed, parts)]
    facts: list[AlignedFact] = []
    for found in bounded_map(client, _align_blocks, [(p,) for p in partitions], broadcast(client, ruleset, index)):
        facts.extend(found)
    return merged(facts, claims)


class Broadcast:
    """The rules and the name index, sent once to each worker (for one stage); sent again when a worker's death
    took the only copy (a scatter reaches the workers running at that moment: one, while another restarts)."""

    def __init__(self, client: Client, **values: Any) -> None:
        self.client, self.values = client, values
        self.futures: dict[str, Any] = {}
        self.send()

    def send(self) -> None:
        self.futures = {k: self.client.scatter(v, broadcast=True, hash=False) for k, v in self.values.items()}


def broadcast(client: Client, ruleset: RuleSet, index: EntityIndex) -> Broadcast:
    """The rules and the name index of one stage, as its tasks' keyword arguments."""
    return Broadcast(client, ruleset=ruleset, index=index)


def bounded_map(client: Client, func: Callable[..., T], args: list[tuple[Any, ...]], shared: Broadcast) -> Iterator[T]:
    """`func(*a, **shared)` for each of `args` on the cluster, the results in order. Each task carries its
    arguments (a few MB), so the scheduler can run it again elsewhere when its worker dies; the shared values
    are sent again, and the tasks that lost them submitted again, when a worker's death lost them (at most
    RETRIES times). At most IN_FLIGHT tasks a worker are out at a time: a worker's memory, and the
    scheduler's, is bounded by a few tasks' data, whatever the corpus."""
    from distributed import wait
    from distributed.client import FuturesCancelledError

    def submit(i: int) -> Any:
        with warnings.catch_warnings():
            # a fact of a very common name can make one task of more than 10 MB, which the client warns about
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            return client.submit(func, *args[i], **shared.futures, pure=False, retries=RETRIES)

    limit = IN_FLIGHT * worker_count(client)
    pending: dict[int, Any] = {}
    done: dict[int, T] = {}
    following = resent = 0
    for i in range(len(args)):
        pending[i] = submit(i)
        while len(pending) >= limit or (i == len(args) - 1 and pending):
            try:
                finished = wait(list(pending.values()), return_when="FIRST_COMPLETED").done
            except FuturesCancelledError:
                if resent == RETRIES:
                    raise
                resent += 1
                shared.send()
                for n in [n for n, f in pending.items() if f.cancelled()]:
                    pending[n] = submit(n)
                continue
            for n in [n for n, f in pending.items() if f in finished]:
                done[n] = pending.pop(n).result()
            while following in done:
                yield done.pop(following)
                following += 1
    while following in done:
        yield done.pop(following)
        following += 1


def runs_of(groups: Sequence[FactGroup], tasks: int) -> list[list[FactGroup]]:
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


def run_documents(runs: list[list[FactGroup]], corpus: Corpus) -> list[list[Document]]:
    """The documents of each run's claims, as what comparing reads of them (`comparison_stub`): each made once."""
    by_id = {d.id: d for d in corpus.documents}
    stubs: dict[str, Document] = {}

    def stub(doc_id: str) -> Document:
        if doc_id not in stubs:
            stubs[doc_id] = comparison_stub(by_id[doc_id], corpus.independence.opening(doc_id))
        return stubs[doc_id]

    return [[stub(i) for i in sorted({c.document for g in run for c in g.claims}) if i in by_id] for run in runs]


def compare_numbers_on(
    client: Client, groups: list[FactGroup], corpus: Corpus, ruleset: RuleSet, out: Comparison
) -> None:
    """`compare_quantities` by runs of facts on the cluster."""
    runs = runs_of([g for g in groups if g.kind == "quantity"], 2 * worker_count(client))
    if not runs:
        return
    args = list(zip(runs, run_documents(runs, corpus), strict=True))
    results = bounded_map(client, compare_run, args, broadcast(client, ruleset, corpus.index))
    for run, (findings, statuses) in zip(runs, results, strict=True):
        out.findings.extend(findings)
        for g, status in zip(run, statuses, strict=True):
            out.statuses[id(g)] = status
