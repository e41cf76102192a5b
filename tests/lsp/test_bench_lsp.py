"""The language-server benchmark (`python benchmarks/bench_lsp.py`): a smoke run of `--quick`."""

from __future__ import annotations

import pytest

from benchmarks import bench_lsp


def test_each_edit_changes_the_draft() -> None:
    base = "*By Ann*\n\nAcme paid $10 million.\n"
    assert len({bench_lsp.edited(base, i) for i in range(1, 8)}) == 7


def test_quick_smoke_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_lsp.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "first diagnostics after start-up" in out
    assert "changed 5 KB draft → diagnostics, median after the first" in out
    assert "server memory" in out
