"""One entry point per kind of run, sending it to the engine chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.engine.choice import LOCAL, EngineChoice, current
from factcheck.models import Document, DocumentExtract
from factcheck.pipeline import RunResult
from factcheck.ruleset.rule_set import RuleSet


def run(paths: Sequence[str | Path], ruleset: RuleSet, jobs: int | None = 1, choice: EngineChoice = LOCAL) -> RunResult:
    """`pipeline.run` on the engine chosen; the same result on either."""
    if choice.engine == "dask":
        from factcheck.engine.dask_run import run_dask  # distributed is imported only by a Dask run

        return run_dask(paths, ruleset, jobs, choice)
    from factcheck.pipeline import run as run_local

    return run_local(paths, ruleset, jobs)


def extract_many(
    documents: list[Document],
    ruleset: RuleSet,
    jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
) -> list[DocumentExtract]:
    """`extract.extract_many` on the engine in force (`using`): what the gate's claim cache is filled with."""
    choice = current()
    if choice.engine == "dask" and documents:
        from factcheck.engine.dask_run import extract_on_dask

        return extract_on_dask(documents, ruleset, jobs, choice, progress)
    from factcheck.extract import extract_many as extract_local

    return extract_local(documents, ruleset, jobs, progress)
