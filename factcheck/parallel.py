"""Cold extraction across processes: `extract_document` is a pure function of one document and the rules, so
documents are cut into chunks, extracted in a process pool and the results put back in input order. The output
is the same as a serial run, byte for byte.

The rules reach the workers once, when each worker starts: with the `fork` start method (Linux) the worker
inherits them from the parent without pickling; elsewhere they are pickled once per worker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from factcheck.entities import EntityFinder
from factcheck.extract import extract_document
from factcheck.models import Document, DocumentExtract
from factcheck.ruleset import RuleSet

# below this many documents per worker a pool costs more than it saves
MIN_PER_JOB = 8
CHUNK = 16  # documents sent to a worker at a time

_ruleset: RuleSet | None = None
_finder: EntityFinder | None = None


def default_jobs() -> int:
    return os.cpu_count() or 1


def effective_jobs(jobs: int | None, n: int) -> int:
    """How many processes to use for n documents: `jobs` (None or 0 = all cores), never more than useful."""
    want = default_jobs() if not jobs or jobs < 1 else jobs
    return max(1, min(want, n // MIN_PER_JOB))


def _init(ruleset: RuleSet) -> None:
    global _ruleset, _finder
    _ruleset = ruleset
    _finder = EntityFinder(ruleset.entities)


def _extract_chunk(docs: list[Document]) -> list[DocumentExtract]:
    assert _ruleset is not None and _finder is not None
    return [extract_document(d, _ruleset, _finder) for d in docs]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def extract_many(
    documents: Sequence[Document],
    ruleset: RuleSet,
    jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
) -> list[DocumentExtract]:
    """`extract_document` for every document, in input order, in `jobs` processes (1 = in this process)."""
    n = effective_jobs(jobs, len(documents))
    if n <= 1:
        finder = EntityFinder(ruleset.entities)
        out = []
        for d in documents:
            out.append(extract_document(d, ruleset, finder))
            if progress is not None:
                progress(1)
        return out
    chunks = [list(documents[i : i + CHUNK]) for i in range(0, len(documents), CHUNK)]
    results: list[DocumentExtract] = []
    with ProcessPoolExecutor(max_workers=n, mp_context=_context(), initializer=_init, initargs=(ruleset,)) as pool:
        for part in pool.map(_extract_chunk, chunks):  # map yields in submission order
            results.extend(part)
            if progress is not None:
                progress(len(part))
    return results
