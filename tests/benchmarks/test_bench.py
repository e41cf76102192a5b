"""The scale benchmark (`python benchmarks/bench.py`): a deterministic corpus and a smoke run of `--quick`."""

from __future__ import annotations

import math
import statistics

import pytest

from benchmarks import bench
from benchmarks import corpus as synthetic


def test_corpus_is_deterministic_and_news_sized() -> None:
    a = synthetic.corpus(60)
    assert a == synthetic.corpus(60)
    assert len(a) == 60
    assert len({name for name, _ in a}) == 60
    assert len({text for _, text in a}) == 60  # every article is unique
    assert 4000 <= statistics.median(len(t.encode()) for _, t in a) <= 6500
    assert synthetic.corpus(60, seed=7) != a


def test_articles_share_entities_and_events() -> None:
    texts = [t for _, t in synthetic.corpus(40)]
    first_words = [t.split("# ", 1)[1].split()[0] for t in texts]
    assert len(set(first_words)) < len(first_words)  # several articles about one company


def test_exponent_fits_a_power_law() -> None:
    sizes = [1000, 4000, 16000]
    assert math.isclose(bench.exponent(sizes, [n**1.1 / 100 for n in sizes]), 1.1)


def test_measure_reports_time_and_memory(tmp_path) -> None:
    import sys

    m = bench.measure([sys.executable, "-c", "x = bytearray(30_000_000)"], tmp_path)
    assert m.code == 0
    assert m.wall > 0
    assert m.max_rss_mb >= 25


def test_quick_smoke_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "| N articles |" in out
    assert "extraction throughput, 1 process" in out
    assert "check 1 draft vs warm cache" in out
