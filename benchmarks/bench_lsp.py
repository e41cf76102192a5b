"""The language-server benchmark: `python benchmarks/bench_lsp.py [--size 16000] [--changes 20] [--quick]`.

It writes the deterministic synthetic corpus (benchmarks/corpus.py) of N articles to a workspace with a
`[tool.factcheck]` configuration, fills the claim cache there with `factcheck check` (the first run extracts
every article; that takes minutes at 16,000), then starts `factcheck lsp` and drives it over stdio with a real
LSP client (tests/lsp/client.py), as an editor would:

- start-up: from starting the process to the first diagnostics of a 5 KB draft opened right after
  `initialized` (the rules loaded, the patterns compiled, the corpus listed and validated, the draft checked);
- changes: `--changes` edits of the draft (a number and the byline changed each time), each awaited: from the
  `didChange` to the diagnostics of that version. The server runs with `--debounce 0`, so this is the
  server's own time; an editor's debounce (300 ms by default) comes on top;
- hover and code action round trips on a flagged number;
- the server's memory: its resident set at the end and its peak (VmHWM).

It prints a Markdown table of medians. Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.bench import machine
from benchmarks.corpus import draft, write_corpus
from tests.lsp.client import Editor


@dataclass
class LspRuns:
    """What one server session measured (seconds, MB)."""

    fill: float = float("nan")  # `factcheck check` filling the cache (cold)
    cli_check: float = float("nan")  # `factcheck check` of the draft against the warm cache, for comparison
    to_initialized: float = float("nan")  # process start to the initialize answer
    first: float = float("nan")  # process start to the first diagnostics
    first_open: float = float("nan")  # didOpen to the first diagnostics
    changes: list[float] = field(default_factory=list)
    hovers: list[float] = field(default_factory=list)
    actions: list[float] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    rss_mb: float = float("nan")
    peak_mb: float = float("nan")


def _status_mb(pid: int, key: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return float("nan")


def edited(base: str, i: int) -> str:
    """The draft after the writer's i-th edit: the byline and one number change."""
    return base.replace("*By ", f"*Edit {i}, by ", 1).replace("$1", f"${1 + i % 7}", 1)


async def drive(workspace: Path, draft_path: Path, changes: int, log: object) -> LspRuns:
    out = LspRuns()
    editor = Editor(workspace, "--debounce", "0")
    start = time.perf_counter()
    await editor.start()
    out.to_initialized = time.perf_counter() - start
    base = draft_path.read_text(encoding="utf-8")
    opened = time.perf_counter()
    uri = editor.open(draft_path, base)
    found = await editor.diagnostics(uri, 1)
    now = time.perf_counter()
    out.first, out.first_open = now - start, now - opened
    out.findings.append(len(found))
    print(f"  first diagnostics {out.first:.2f} s after start ({len(found)} findings)", file=log)  # type: ignore[call-overload]
    for i in range(1, changes + 1):
        t = time.perf_counter()
        version = editor.change(uri, edited(base, i))
        found = await editor.diagnostics(uri, version)
        out.changes.append(time.perf_counter() - t)
        out.findings.append(len(found))
        print(f"  change {i}: {out.changes[-1] * 1000:.0f} ms ({len(found)} findings)", file=log)  # type: ignore[call-overload]
        if found:
            t = time.perf_counter()
            await editor.hover(uri, found[0].range.start)
            out.hovers.append(time.perf_counter() - t)
            t = time.perf_counter()
            await editor.code_actions(uri, [found[0]])
            out.actions.append(time.perf_counter() - t)
    server = editor.client._server
    if server is not None:
        out.rss_mb, out.peak_mb = _status_mb(server.pid, "VmRSS:"), _status_mb(server.pid, "VmHWM:")
    code = await editor.stop()
    if code != 0:
        raise SystemExit(f"factcheck bench_lsp: the server exited {code}:\n{editor.stderr.decode(errors='replace')}")
    return out


def _cli(workspace: Path, draft_path: Path) -> float:
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", str(draft_path.relative_to(workspace)), "--format", "json"],
        cwd=workspace,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck bench_lsp: check exited {done.returncode}:\n{done.stderr}")
    return time.perf_counter() - t


def _ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms" if xs else "-"


def table(n: int, runs: LspRuns) -> str:
    later = runs.changes[1:] or runs.changes
    p90 = sorted(later)[int(0.9 * (len(later) - 1))] if later else float("nan")
    rows = [
        f"`factcheck lsp` against a warm claim cache of {n:,} generated articles — {machine()}",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| the first `factcheck check` (fills the claim cache when it is cold; all cores) | {runs.fill:.1f} s |",
        f"| `factcheck check` of the draft, warm cache, a fresh process | {runs.cli_check:.2f} s |",
        f"| server start to the `initialize` answer | {runs.to_initialized:.2f} s |",
        f"| **first diagnostics after start-up** (process start → diagnostics of the opened draft) | "
        f"**{runs.first:.2f} s** |",
        f"| … of which didOpen → diagnostics | {runs.first_open:.2f} s |",
        f"| first change → diagnostics | {runs.changes[0] * 1000:.0f} ms |" if runs.changes else None,
        f"| **changed 5 KB draft → diagnostics, median after the first** ({len(later)} changes) | **{_ms(later)}** |",
        f"| … 90th percentile, slowest | {p90 * 1000:.0f} ms, {max(later) * 1000:.0f} ms |" if later else None,
        f"| hover round trip, median | {_ms(runs.hovers)} |",
        f"| code action round trip, median | {_ms(runs.actions)} |",
        f"| findings on the draft (first, last) | {runs.findings[0]}, {runs.findings[-1]} |",
        f"| server memory: resident at the end, peak (VmHWM) | {runs.rss_mb:.0f} MB, {runs.peak_mb:.0f} MB |",
        "",
        "Changes are timed from `didChange` to the diagnostics of that version, with `--debounce 0`: an editor "
        "waits the debounce (300 ms by default) on top.",
    ]
    return "\n".join(r for r in rows if r is not None) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_lsp.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=16000, help="articles in the corpus")
    parser.add_argument("--changes", type=int, default=20, help="edits of the draft, each timed")
    parser.add_argument("--quick", action="store_true", help="40 articles, 3 changes: a smoke test")
    parser.add_argument("--keep", type=Path, help="use and keep this workspace (a filled cache is reused)")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.changes = 40, 3
    workspace = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-lsp-"))
    log = sys.stderr
    print(f"factcheck bench_lsp: {args.size:,} articles in {workspace}", file=log)
    try:
        corpus = workspace / "corpus"
        if not corpus.is_dir() or sum(1 for _ in corpus.iterdir()) != args.size:
            shutil.rmtree(corpus, ignore_errors=True)
            write_corpus(args.size, corpus)
        (workspace / "pyproject.toml").write_text('[tool.factcheck]\ncorpus = ["corpus"]\n', encoding="utf-8")
        draft_path = workspace / "drafts" / "new-story.md"
        draft_path.parent.mkdir(exist_ok=True)
        draft_path.write_text(draft(), encoding="utf-8")
        fill = _cli(workspace, draft_path)  # cold the first time: every article extracted and stored
        print(f"  cache filled in {fill:.1f} s", file=log)
        _cli(workspace, draft_path)  # records the corpus's listing, as a second check does
        cli_check = _cli(workspace, draft_path)
        runs = asyncio.run(drive(workspace, draft_path, args.changes, log))
        runs.fill, runs.cli_check = fill, cli_check
    finally:
        if args.keep is None:
            shutil.rmtree(workspace, ignore_errors=True)
    print(table(args.size, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
