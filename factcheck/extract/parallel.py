"""Cold extraction across processes: `extract_document` is a pure function of one document and the rules, so
documents are cut into chunks, extracted in a process pool and the results put back in input order. The output
is the same as a serial run, byte for byte.

The rules reach the workers once, when each worker starts: with the `fork` start method (Linux) the worker
inherits them from the parent without pickling; elsewhere they are pickled once per worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

from factcheck.extract.document import extract_document
from factcheck.extract.entity_finder import EntityFinder
from factcheck.models import Claim, Document, DocumentExtract, EvidenceSentence, NameFacts
from factcheck.ruleset.rule_set import RuleSet

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
    # a forked worker shares the parent's memory (the corpus, the rules) until it writes to it; the collector
    # would write to every object it inherited, so those are set aside from collection (which the parent may
    # have paused: it runs here)
    gc.freeze()
    gc.enable()
    _ruleset = ruleset
    _finder = EntityFinder(ruleset.entities)


# what a worker sends back for one document: its extract without the document, which the parent already has
# (sending it back would double the corpus in the parent's memory and the pickling work)
_Found = tuple[list[Claim], NameFacts, list[EvidenceSentence]]


def _extract_chunk(docs: list[Document]) -> list[_Found]:
    assert _ruleset is not None and _finder is not None
    out = []
    for d in docs:
        e = extract_document(d, _ruleset, _finder)
        out.append((e.claims, e.names, e.evidence))
    return out


def _rejoin(doc: Document, found: _Found) -> DocumentExtract:
    """The extract a serial run makes, around the parent's own document (the fields were validated in the worker)."""
    claims, names, evidence = found
    return DocumentExtract.model_construct(document=doc, claims=claims, names=names, evidence=evidence)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


# workers forked before the corpus was read (see `prestarted`): (pool, its rules, its size)
_prestarted: tuple[ProcessPoolExecutor, RuleSet, int] | None = None


def _pool(ruleset: RuleSet, n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=n, mp_context=_context(), initializer=_init, initargs=(ruleset,))


@contextmanager
def prestarted(ruleset: RuleSet, jobs: int | None, expected: int) -> Iterator[None]:
    """Fork the extraction workers now, before the corpus is read, when `expected` documents will want them.

    A worker forked later shares the parent's memory, corpus included, page by page; the parent then writes
    to those pages (pickling the documents to the workers touches each one), and every page it writes stays
    behind as the workers' copy: the corpus counted twice. `extract_many` uses these workers when its own
    choice of processes is the same, and lets them go when it is done."""
    global _prestarted
    n = effective_jobs(jobs, expected)
    if n <= 1 or _prestarted is not None:
        yield
        return
    pool = _pool(ruleset, n)
    pool.submit(int).result()  # the pool forks its workers on the first task
    _prestarted = (pool, ruleset, n)
    try:
        yield
    finally:
        if _prestarted is not None and _prestarted[0] is pool:
            _prestarted = None
        pool.shutdown()


def _take_prestarted(ruleset: RuleSet, n: int) -> ProcessPoolExecutor | None:
    global _prestarted
    if _prestarted is None or _prestarted[1] is not ruleset or _prestarted[2] != n:
        return None
    pool = _prestarted[0]
    _prestarted = None
    return pool


def extract_many(
    documents: Iterable[Document],
    ruleset: RuleSet,
    jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
    expected: int | None = None,
) -> list[DocumentExtract]:
    """`extract_document` for every document, in input order, in `jobs` processes (1 = in this process).

    `documents` may be a generator that reads them (then `expected` says how many it will give): each chunk
    goes to a worker as soon as it is read, so the workers extract while this process reads the rest."""
    if expected is None:
        documents = list(documents)
        expected = len(documents)
    n = effective_jobs(jobs, expected)
    if n <= 1:
        finder = EntityFinder(ruleset.entities)
        out = []
        for d in documents:
            out.append(extract_document(d, ruleset, finder))
            if progress is not None:
                progress(1)
        return out
    chunks: list[list[Document]] = []

    def read() -> Iterator[list[Document]]:
        it = iter(documents)
        while chunk := list(islice(it, CHUNK)):
            chunks.append(chunk)
            yield chunk

    results: list[DocumentExtract] = []
    with _take_prestarted(ruleset, n) or _pool(ruleset, n) as pool:
        try:
            # `map` submits every chunk before it returns: the reading is done by then, the extraction under way
            for chunk, part in zip(chunks, pool.map(_extract_chunk, read()), strict=True):  # in submission order
                results.extend(_rejoin(d, found) for d, found in zip(chunk, part, strict=True))
                if progress is not None:
                    progress(len(part))
        except BaseException:
            # an error or Ctrl-C: the chunks not started are dropped, not extracted before the pool can close
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return results
