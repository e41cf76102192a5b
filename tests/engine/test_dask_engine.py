"""The Dask engine gives the local engine's bytes: over seeds/, tests/corpora/ and a generated corpus (each with
numbers, dates and superlatives, so every stage the workers run is compared), with a worker killed mid-run,
and with a file that cannot be read. One LocalCluster of two worker processes serves the module
(`--scheduler`); one test lets the command start its own."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from benchmarks.corpus import write_corpus
from tests.conftest import ROOT, run_cli

EVENTS = ROOT / "tests" / "corpora" / "events"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(autouse=True)
def _both_workers_up(request: pytest.FixtureRequest) -> None:
    """Each test that uses the module's cluster starts with both workers up: a worker killed by the test before
    is restarted by its nanny, and on a loaded machine that can take a while (the rules broadcast to one worker
    alone would die with it)."""
    if "scheduler" in request.fixturenames:
        with Client(request.getfixturevalue("scheduler")) as client:
            client.wait_for_workers(2, timeout=120)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    write_corpus(300, folder)
    return folder


@pytest.fixture(scope="module")
def generated_local(generated: Path) -> tuple[int, str, str]:
    """The local engine's report of the generated corpus, made once for the tests that compare with it."""
    return run_cli(["report", str(generated), "--format", "json"])


def _both(args: list[str], scheduler: str) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    return run_cli(args), run_cli([*args, "--engine", "dask", "--scheduler", scheduler])


def _assert_every_kind(report: str, findings: bool = False) -> None:
    """The report has facts of numbers, dates and superlatives (and, if asked, findings on each)."""
    data = json.loads(report)
    dimensions = {f["dimension"] for f in data["facts"]}
    assert {"date", "superlative"} <= dimensions and dimensions - {"date", "superlative", "exclusivity"}
    kinds = {f["kind"] for f in data["findings"]}
    assert not findings or {"numeric_disagreement", "date_disagreement", "contradicted_claim"} <= kinds


@pytest.mark.parametrize("fmt", ["markdown", "json"])
@pytest.mark.parametrize("corpus", [ROOT / "seeds", EVENTS])
def test_report_is_byte_identical(scheduler: str, corpus: Path, fmt: str) -> None:
    local, dask = _both(["report", str(corpus), "--format", fmt], scheduler)
    assert local[0] == 0
    if fmt == "json":
        _assert_every_kind(local[1])
    assert dask == local


def test_generated_corpus_is_byte_identical(scheduler: str, generated: Path, generated_local: tuple) -> None:
    dask = run_cli(["report", str(generated), "--format", "json", "--engine", "dask", "--scheduler", scheduler])
    assert generated_local[0] == 0 and len(generated_local[1]) > 100_000
    _assert_every_kind(generated_local[1], findings=True)
    assert dask == generated_local


def test_a_local_cluster_is_started_without_a_scheduler() -> None:
    local = run_cli(["report", "seeds", "--format", "json"])
    assert run_cli(["report", "seeds", "--format", "json", "--engine", "dask", "--jobs", "2"]) == local


class DieOnce(WorkerPlugin):
    """Kills its worker process at the first task of `task` (a function's name) any worker starts, once: the
    marker file says it has happened (every worker has the plugin; the first to create the file dies)."""

    name = "factcheck-test-die-once"

    def __init__(self, marker: str, task: str) -> None:
        self.marker = marker
        self.task = task

    def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
        if finish != "executing" or self.task not in str(key):
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.close(fd)
        os._exit(1)


# a worker dies while extracting, while aligning a partition of numbers, while comparing a run of number facts,
# while aligning a partition of components (the dates'), while comparing a run of date facts
@pytest.mark.parametrize(
    "task", ["read_and_extract", "_align_blocks", "compare_run", "_align_components", "compare_date_run"]
)
def test_a_worker_killed_mid_run_gives_the_same_report(
    scheduler: str, generated: Path, generated_local: tuple, tmp_path: Path, task: str
) -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import a test module
    marker = tmp_path / "died"
    with Client(scheduler) as client:
        client.register_plugin(DieOnce(str(marker), task))
        try:
            dask = run_cli(["report", str(generated), "--format", "json", "--engine", "dask", "--scheduler", scheduler])
        finally:
            client.unregister_worker_plugin(DieOnce.name)
    assert marker.exists()  # a worker did die
    assert dask == generated_local


def test_shared_values_a_stage_lost_are_sent_again(scheduler: str) -> None:
    """The rules and index of a stage, lost (as when the only worker holding them dies), are scattered again
    and the tasks that needed them submitted again: the results are those of an undisturbed run."""
    from factcheck.engine.dask_blocks import Broadcast, bounded_map

    with Client(scheduler) as client:
        shared = Broadcast(client, base=10)
        client.cancel(list(shared.futures.values()))
        results = list(bounded_map(client, lambda i, base: i + base, [(i,) for i in range(6)], shared))
    assert results == [10, 11, 12, 13, 14, 15]


def test_an_unreadable_file_is_reported_as_locally(scheduler: str, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 50)
    named = tmp_path / "named_binary.md"
    named.write_bytes(b"\x00\xff\x00" * 100)
    local, dask = _both(["report", str(folder), str(named), "--format", "json"], scheduler)
    assert local[0] == 2
    assert str(named) in local[2] and "zz_binary.txt" in local[2]
    assert dask == local


def test_claim_listings_are_identical(scheduler: str) -> None:
    for fmt in ("jsonl", "csv"):
        local, dask = _both(["claims", str(EVENTS), "--format", fmt], scheduler)
        assert local[0] == 0
        assert dask == local


def test_baseline_is_identical(scheduler: str, tmp_path: Path) -> None:
    a, b = tmp_path / "local.json", tmp_path / "dask.json"
    assert run_cli(["baseline", str(EVENTS), "-o", str(a), "--no-cache"])[0] == 0
    args = ["baseline", str(EVENTS), "-o", str(b), "--no-cache", "--engine", "dask", "--scheduler", scheduler]
    assert run_cli(args)[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_check_fills_its_cache_on_dask(scheduler: str, tmp_path: Path) -> None:
    draft = EVENTS / "a5_followup.md"
    common = ["check", str(draft), "--corpus", str(EVENTS), "--format", "json"]
    local = run_cli([*common, "--cache-dir", str(tmp_path / "local")], cwd=tmp_path)
    dask = run_cli([*common, "--cache-dir", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", scheduler],
                   cwd=tmp_path)  # fmt: skip
    assert local[0] in (0, 1)
    assert dask[:2] == local[:2]


def test_scheduler_needs_the_dask_engine() -> None:
    code, _, err = run_cli(["report", "seeds", "--scheduler", "tcp://127.0.0.1:8786"])
    assert code == 2 and "--engine dask" in err
