"""Parallel extraction (`--jobs`): the same bytes of output as a serial run, results in input order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import parallel
from factcheck.load import load
from factcheck.pipeline import extract_all
from factcheck.ruleset import RuleSet
from tests.conftest import ROOT, SEEDS, run_cli

EVENTS = ROOT / "tests" / "corpora" / "events"


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the pool even for a handful of documents, several chunks per worker."""
    monkeypatch.setattr(parallel, "MIN_PER_JOB", 1)
    monkeypatch.setattr(parallel, "CHUNK", 2)


def test_effective_jobs() -> None:
    assert parallel.effective_jobs(1, 10_000) == 1
    assert parallel.effective_jobs(4, 10_000) == 4
    assert parallel.effective_jobs(4, 3) == 1  # too few documents for a pool
    assert parallel.effective_jobs(None, 10_000) == parallel.default_jobs()
    assert parallel.effective_jobs(0, 10_000) == parallel.default_jobs()


@pytest.mark.usefixtures("small_chunks")
def test_pool_extracts_in_input_order(ruleset: RuleSet) -> None:
    docs = load([SEEDS, EVENTS], ruleset.boilerplate).documents
    serial = extract_all(docs, ruleset, 1)
    pooled = extract_all(docs, ruleset, 2)
    assert [e.model_dump_json() for e in pooled] == [e.model_dump_json() for e in serial]


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("fmt", ["json", "markdown"])
@pytest.mark.parametrize("corpus", [SEEDS, EVENTS])
def test_report_jobs_2_is_byte_identical_to_jobs_1(tmp_path: Path, fmt: str, corpus: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"r{jobs}.{fmt}"
        code, _, err = run_cli(["report", str(corpus), "--format", fmt, "-o", str(target), "--jobs", jobs])
        assert code == 0, err
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.usefixtures("small_chunks")
def test_check_jobs_2_is_byte_identical_to_jobs_1(tmp_path: Path) -> None:
    draft = EVENTS / sorted(p.name for p in EVENTS.iterdir())[0]
    outs = []
    for jobs in ("1", "2"):
        code, out, err = run_cli(
            ["check", str(draft), "--corpus", str(EVENTS), "--format", "json", "--no-cache", "--jobs", jobs]
        )
        assert code in (0, 1), err
        outs.append(out)
    assert outs[0] == outs[1]


def test_report_subprocess_default_jobs_matches_serial(tmp_path: Path) -> None:
    """A real process with the default (all cores) against --jobs 1 on the seeds."""
    outs = []
    for extra in ([], ["--jobs", "1"]):
        target = tmp_path / f"r{len(extra)}.json"
        cmd = [sys.executable, "-m", "factcheck.cli", "report", str(SEEDS), "--format", "json", "-o", str(target)]
        subprocess.run(cmd + extra, check=True, capture_output=True, cwd=ROOT)
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
