"""The whole-corpus run on Dask: reading, extraction, and the per-block and per-component analysis on the workers.

Each task reads and extracts a batch of consecutive files and folds their name facts (the map side of the
name index's reduction); the client merges the folds in batch order into the index. The numbers are then
aligned by a group-by on their block keys and compared in runs of facts on the workers (engine/dask_blocks.py);
the dates and superlatives are aligned by a group-by on their connected components, and the dates compared in
runs of facts, on the workers (engine/dask_components.py). Listing the corpus, the planned document ids, the
join of facts across subjects, the superlatives' comparison, the sums and the numbering of the findings are
the local engine's own code, run on the client in the corpus's order: a join can chain any blocks, the
superlatives' comparison reads the whole corpus, and findings are numbered over the whole corpus, so running
these where the whole corpus is in order keeps the report byte-identical to the local engine's
(docs/scaling.md).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from factcheck.analyse import Stages
from factcheck.engine.choice import EngineChoice
from factcheck.engine.cluster import client_for, worker_count
from factcheck.engine.dask_blocks import align_numbers_on, compare_numbers_on
from factcheck.engine.dask_components import align_dates_on, align_superlatives_on, compare_dates_on
from factcheck.engine.tasks import FileOutcome, FileTask, extract_documents, read_and_extract
from factcheck.extract import EntityFinder, extract_document
from factcheck.load import collect, planned_ids
from factcheck.models import Document, DocumentExtract, NameFacts, replace, share_fields
from factcheck.pipeline import RunResult, analyse_extracts
from factcheck.ruleset.rule_set import RuleSet

MAX_BATCH = 64  # files per task: enough to hide the scheduler's per-task cost (about 1 ms), few enough to balance
TASKS_PER_WORKER = 4  # at least this many tasks a worker, so that a slow or lost worker does not hold the run up
RETRIES = 3  # a task that fails (not one whose worker died: the scheduler reruns those) is tried again


def batch_size(files: int, workers: int) -> int:
    return max(1, min(MAX_BATCH, math.ceil(files / max(1, workers * TASKS_PER_WORKER))))


def _batches(tasks: list[FileTask], size: int) -> list[list[FileTask]]:
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _gather_in_order(futures: list, n: int) -> tuple[list[FileOutcome | None], list[NameFacts]]:
    """Each file's outcome at its position and each batch's name facts in batch order, the futures let go as
    they finish (a worker keeps no result longer than that)."""
    from distributed import as_completed

    slots: list[FileOutcome | None] = [None] * n
    names: dict[int, NameFacts] = {}
    order = {future.key: i for i, future in enumerate(futures)}
    for future in as_completed(futures):
        batch = future.result()
        for outcome in batch.files:
            slots[outcome.position] = outcome
        names[order[future.key]] = batch.names
        future.release()
    return slots, [names[i] for i in range(len(futures))]


def run_dask(paths: Sequence[str | Path], ruleset: RuleSet, jobs: int | None, choice: EngineChoice) -> RunResult:
    """`pipeline.run` with reading and extraction on the cluster; the same `RunResult`."""
    entries, errors, warnings = collect(paths)
    paths_read = [str(f) for f, _ in entries]
    tasks = [
        FileTask(position=i, path=p, named=named, planned_id=pid)
        for i, ((_, named), p, pid) in enumerate(zip(entries, paths_read, planned_ids(paths_read), strict=True))
    ]
    with client_for(choice, jobs) as client:
        rules = client.scatter(ruleset, broadcast=True, hash=False)  # sent once to each worker, not per task
        size = batch_size(len(tasks), worker_count(client))
        futures = client.map(read_and_extract, _batches(tasks, size), ruleset=rules, pure=False, retries=RETRIES)
        slots, names = _gather_in_order(futures, len(tasks))
        extracts: list[DocumentExtract] = []
        for outcome in slots:
            assert outcome is not None  # every position is in exactly one batch
            if outcome.extract is None:
                # the messages in the corpus's order, as the local engine reads the files one after another
                (errors if outcome.named else warnings).append(outcome.error or "")
                continue
            warnings.extend(outcome.extract.document.warnings)
            extracts.append(outcome.extract)
        changed = _reidentify(extracts, ruleset)
        documents = [e.document for e in extracts]
        share_fields(documents)
        for d in documents:
            share_fields(d.lines)
        # the reduce side of the name index: the batches' folds merged in batch order (merged again from the
        # extracts when a document had to be extracted anew)
        index = None if changed else EntityFinder(ruleset.entities).index_from(names)
        # the numbers, dates and superlatives are aligned (group-bys on their blocks and components) and the
        # numbers and dates compared on the cluster
        stages = Stages(
            align_numbers=partial(align_numbers_on, client),
            compare_numbers=partial(compare_numbers_on, client),
            align_dates=partial(align_dates_on, client),
            compare_dates=partial(compare_dates_on, client),
            align_superlatives=partial(align_superlatives_on, client),
        )
        report = analyse_extracts(extracts, ruleset, across_parties=True, index=index, stages=stages)
    return RunResult(report=report, errors=errors, warnings=warnings)


def _reidentify(extracts: list[DocumentExtract], ruleset: RuleSet) -> bool:
    """A file that could not be read can leave its namesake the only one of its name: that document's id
    changes, and it is extracted again here under its final id, as the local engine does (rare and cheap)."""
    finder: EntityFinder | None = None
    for i, want in enumerate(planned_ids([e.document.path for e in extracts])):
        doc: Document = extracts[i].document
        if want != doc.id:
            finder = finder or EntityFinder(ruleset.entities)
            extracts[i] = extract_document(replace(doc, id=want), ruleset, finder)
    return finder is not None


def extract_on_dask(
    documents: list[Document],
    ruleset: RuleSet,
    jobs: int | None,
    choice: EngineChoice,
    progress: Callable[[int], None] | None = None,
) -> list[DocumentExtract]:
    """`extract_document` for each document on the cluster, in input order (the gate's cache fill)."""
    if not documents:
        return []
    with client_for(choice, jobs) as client:
        rules = client.scatter(ruleset, broadcast=True, hash=False)
        size = batch_size(len(documents), worker_count(client))
        chunks = [documents[i : i + size] for i in range(0, len(documents), size)]
        futures = client.map(extract_documents, chunks, ruleset=rules, pure=False, retries=RETRIES)
        out: list[DocumentExtract] = []
        for future, chunk in zip(futures, chunks, strict=True):
            found = future.result()
            future.release()
            out.extend(found)
            if progress is not None:
                progress(len(chunk))
    return out
