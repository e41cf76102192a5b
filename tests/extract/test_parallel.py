"""Parallel extraction (`--jobs`): the same bytes of output as a serial run, results in input order."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.extract import parallel
from factcheck.load import load
from factcheck.models import Document
from factcheck.pipeline import extract_all
from factcheck.ruleset.rule_set import RuleSet
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


def _copy_seeds_twice(root: Path) -> list[Path]:
    """The seeds in two folders, so that every file name is there twice (ids become paths)."""
    out = []
    for folder in ("a", "b"):
        (root / folder).mkdir()
        for p in sorted(SEEDS.iterdir()):
            out.append(root / folder / p.name)
            out[-1].write_bytes(p.read_bytes())
    return out


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("jobs", [1, 2])
def test_streamed_run_matches_load_then_analyse(tmp_path: Path, ruleset: RuleSet, jobs: int) -> None:
    """`run` reads the files while the workers extract: the same report as reading them all first."""
    from factcheck.pipeline import analyse, run

    _copy_seeds_twice(tmp_path)
    streamed = run([tmp_path], ruleset, jobs).report
    plain = analyse(load([tmp_path], ruleset.boilerplate).documents, ruleset, 1)
    assert streamed.model_dump_json() == plain.model_dump_json()
    assert all("/" in d.id for d in streamed.documents)  # every name twice: ids are paths


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_fails_gives_its_namesake_the_short_id(tmp_path: Path, ruleset: RuleSet, jobs: int) -> None:
    """The ids are chosen before the files are read; a file that cannot be read changes its namesake's id,
    and that document is extracted again under the id it ends up with."""
    from factcheck.pipeline import analyse, run

    files = _copy_seeds_twice(tmp_path)
    broken = files[-1]
    broken.write_bytes(b"\x00binary")
    result = run([tmp_path], ruleset, jobs)
    assert any(str(broken) in w for w in result.warnings)
    survivor = broken.stem
    assert survivor in {d.id for d in result.report.documents}
    assert all(c.document == survivor for c in result.report.claims if c.id.startswith(survivor + ":"))
    loaded = load([tmp_path], ruleset.boilerplate)
    assert result.report.model_dump_json() == analyse(loaded.documents, ruleset, 1).model_dump_json()


@pytest.mark.usefixtures("small_chunks")
def test_an_error_while_reading_stops_the_pool_and_is_raised(ruleset: RuleSet) -> None:
    """A failure in the reading generator reaches the caller; the chunks already submitted are cancelled."""
    docs = load([SEEDS, EVENTS], ruleset.boilerplate).documents

    def reading() -> Iterator[Document]:
        yield from docs[:4]
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        parallel.extract_many(reading(), ruleset, 2, expected=len(docs))
