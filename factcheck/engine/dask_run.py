"""The whole-corpus run on Dask: the files are read and extracted on the workers, the rest on the client.

Listing the corpus, the planned document ids, the name index, the alignment, the comparison and the numbering
of the findings are the local engine's own code, run on the client over the extracts in the corpus's order:
the index is merged in document order and alignment is first-fit in claim order, so these steps are what
makes the report byte-identical to the local engine's (docs/scaling.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.engine.choice import EngineChoice
from factcheck.engine.cluster import client_for
from factcheck.engine.tasks import FileOutcome, FileTask, extract_documents, read_and_extract
from factcheck.extract import EntityFinder, extract_document
from factcheck.load import collect, planned_ids
from factcheck.models import Document, DocumentExtract, replace, share_fields
from factcheck.pipeline import RunResult, analyse_extracts
from factcheck.ruleset.rule_set import RuleSet

if TYPE_CHECKING:
    from distributed import Client

MAX_BATCH = 64  # files per task: enough to hide the scheduler's per-task cost (about 1 ms), few enough to balance
TASKS_PER_WORKER = 4  # at least this many tasks a worker, so that a slow or lost worker does not hold the run up
RETRIES = 3  # a task that fails (not one whose worker died: the scheduler reruns those) is tried again


def batch_size(files: int, workers: int) -> int:
    return max(1, min(MAX_BATCH, math.ceil(files / max(1, workers * TASKS_PER_WORKER))))


def _batches(tasks: list[FileTask], size: int) -> list[list[FileTask]]:
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _workers(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _gather_in_order(client: Client, futures: list, n: int) -> list[FileOutcome | None]:
    """Each outcome at its position, the futures let go as they finish (a worker keeps no result longer)."""
    from distributed import as_completed

    slots: list[FileOutcome | None] = [None] * n
    for future in as_completed(futures):
        for outcome in future.result():
            slots[outcome.position] = outcome
        future.release()
    return slots


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
        size = batch_size(len(tasks), _workers(client))
        futures = client.map(read_and_extract, _batches(tasks, size), ruleset=rules, pure=False, retries=RETRIES)
        slots = _gather_in_order(client, futures, len(tasks))
    extracts: list[DocumentExtract] = []
    for outcome in slots:
        assert outcome is not None  # every position is in exactly one batch
        if outcome.extract is None:
            # the messages in the corpus's order, as the local engine reads the files one after another
            (errors if outcome.named else warnings).append(outcome.error or "")
            continue
        warnings.extend(outcome.extract.document.warnings)
        extracts.append(outcome.extract)
    _reidentify(extracts, ruleset)
    documents = [e.document for e in extracts]
    share_fields(documents)
    for d in documents:
        share_fields(d.lines)
    return RunResult(report=analyse_extracts(extracts, ruleset), errors=errors, warnings=warnings)


def _reidentify(extracts: list[DocumentExtract], ruleset: RuleSet) -> None:
    """A file that could not be read can leave its namesake the only one of its name: that document's id
    changes, and it is extracted again here under its final id, as the local engine does (rare and cheap)."""
    finder: EntityFinder | None = None
    for i, want in enumerate(planned_ids([e.document.path for e in extracts])):
        doc: Document = extracts[i].document
        if want != doc.id:
            finder = finder or EntityFinder(ruleset.entities)
            extracts[i] = extract_document(replace(doc, id=want), ruleset, finder)


def extract_on_dask(documents: list[Document], ruleset: RuleSet, jobs: int | None, choice: EngineChoice,
                    progress=None) -> list[DocumentExtract]:  # fmt: skip
    """`extract_document` for each document on the cluster, in input order (the gate's cache fill)."""
    if not documents:
        return []
    with client_for(choice, jobs) as client:
        rules = client.scatter(ruleset, broadcast=True, hash=False)
        size = batch_size(len(documents), _workers(client))
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
