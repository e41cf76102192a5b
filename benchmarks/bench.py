"""The scale benchmark: `python benchmarks/bench.py [--sizes 1000,4000,16000] [--runs 3] [--quick]`.

It writes a deterministic synthetic corpus of N news-like articles (about 5 KB each; invented companies shared
by several articles, events covered in different wordings, numbers in many forms, a few planted disagreements)
to a temporary folder, then measures, as medians of `--runs` runs:

- extraction throughput in this process (MB of article text per second), one process and all cores;
- end-to-end `factcheck report DIR --format json` (a fresh process, cold: nothing cached) with all cores: wall
  time, the peak memory of the process tree (summed PSS, sampled; RSS where PSS is not available) and the peak
  RSS of its largest process;
- the phases of one in-process run, one after the other (load, extract, analyse, write), to show where the
  time goes (`report` itself reads the files while the workers extract);
- the scaling exponent k of t ~ N^k, least squares on log N against log t over the sizes;
- `factcheck check DRAFT --corpus DIR` of one new draft against a warm claim cache of the largest corpus.

It prints a Markdown table. Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.corpus import draft, write_corpus

# ---- measuring ---------------------------------------------------------------------------------------------


def _tree_pids(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:  # a process may end while it is looked at: its /proc folder goes
            tasks = list(Path(f"/proc/{p}/task").glob("*/children"))
        except OSError:
            continue
        for task in tasks:
            with contextlib.suppress(OSError, ValueError):
                todo += [int(c) for c in task.read_text().split()]
    return out


def _memory_kb(pid: int) -> int:
    """PSS of the process tree in KiB (shared pages counted once), or RSS where PSS is not readable."""
    total = 0
    for p in _tree_pids(pid):
        for name, key in ((f"/proc/{p}/smaps_rollup", "Pss:"), (f"/proc/{p}/status", "VmRSS:")):
            try:
                for line in Path(name).read_text().splitlines():
                    if line.startswith(key):
                        total += int(line.split()[1])
                        break
                else:
                    continue
                break
            except (OSError, ValueError):
                continue
    return total


@dataclass
class Measure:
    wall: float
    tree_mb: float  # peak PSS of the process tree, sampled
    max_rss_mb: float  # peak RSS of the largest process (getrusage)
    code: int
    stderr: str = ""
    cpu: float = float("nan")  # user + system seconds of the process tree: what contention does not inflate


_RSS_WRAPPER = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def measure(cmd: list[str], cwd: Path, wrap: bool = True) -> Measure:
    """Run a command in a fresh process; its wall time and peak memory. Without `wrap`, the command runs
    directly (no interpreter in between, so a short command's time is its own) and only the sampled memory
    is known."""
    peak = [0]
    proc = subprocess.Popen(
        [sys.executable, "-c", _RSS_WRAPPER, *cmd] if wrap else cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    start = time.perf_counter()
    before = _children_cpu()
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            # the tree changes while it is read (workers end, /proc entries go): a failed sample is skipped,
            # never the end of sampling
            with contextlib.suppress(OSError, ValueError):
                peak[0] = max(peak[0], _memory_kb(proc.pid))
            done.wait(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    if Path("/proc").is_dir():
        watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    cpu = _children_cpu() - before
    done.set()
    if watcher.is_alive():
        watcher.join()
    lines = err.strip().splitlines()
    try:
        ru = int(lines[-1]) if wrap else 0
    except (IndexError, ValueError):
        ru = 0
    if proc.returncode not in (0, 1):
        sys.stderr.write(err)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return Measure(wall, peak[0] / 1024, ru / scale, proc.returncode, err, cpu)


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return float("nan")
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def throughput(folder: Path, jobs: int, runs: int) -> tuple[float, float]:
    """Extraction in this process: (MB/s median, seconds median) over `runs` runs."""
    from factcheck.extract.parallel import extract_many
    from factcheck.load import load, unique_ids
    from factcheck.ruleset.rule_set import load_ruleset

    ruleset = load_ruleset()
    docs = unique_ids(load([folder], ruleset.boilerplate).documents)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        extract_many(docs, ruleset, jobs)
        times.append(time.perf_counter() - t)
    return mb / _median(times), _median(times)


def phases(folder: Path, jobs: int, cache_dir: Path | None = None) -> dict[str, float]:
    """One in-process run of `report`, phase by phase (seconds); with `cache_dir`, the extractions are then
    written to a claim cache there (the cache a later `check --corpus folder` reads warm)."""
    from factcheck.extract.parallel import extract_many
    from factcheck.gate.cache import ClaimCache
    from factcheck.gate.cache_keys import document_key, ruleset_digest
    from factcheck.load import load, unique_ids
    from factcheck.pipeline import analyse_extracts
    from factcheck.report import jsonout
    from factcheck.ruleset.rule_set import load_ruleset

    out: dict[str, float] = {}
    t = time.perf_counter()
    ruleset = load_ruleset()
    docs = unique_ids(load([str(folder)], ruleset.boilerplate).documents)
    out["load"] = time.perf_counter() - t
    t = time.perf_counter()
    extracts = extract_many(docs, ruleset, jobs)
    out["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    report = analyse_extracts(extracts, ruleset)
    out["analyse"] = time.perf_counter() - t
    t = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:  # as `report -o FILE` writes it: streamed
        jsonout.write(report, sink)
    out["write"] = time.perf_counter() - t
    if cache_dir is not None:
        t = time.perf_counter()
        rules = ruleset_digest(ruleset)
        with ClaimCache(cache_dir) as cache:
            for d, e in zip(docs, extracts, strict=True):
                cache.put(document_key(d, rules), e)
        out["cache write"] = time.perf_counter() - t
    return out


def exponent(sizes: list[int], times: list[float]) -> float:
    """k in t ~ N^k: the least-squares slope of log t against log N."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck.cli", *args]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000,16000", help="corpus sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is reported)")
    parser.add_argument(
        "--big-runs",
        type=int,
        help="runs for sizes above 1,000, the throughput and the check (default: --runs); the slow part",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the cold report")
    parser.add_argument("--quick", action="store_true", help="small sizes, one run: a smoke test")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them (default: a temp folder)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = args.runs
    if args.quick:
        sizes, runs, args.big_runs = [20, 40], 1, 1
    big_runs = args.big_runs or runs
    cores = os.cpu_count() or 1
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    log = sys.stderr
    print(f"factcheck bench: sizes {sizes}, {runs} run(s), {cores} cores, corpora in {root}", file=log)
    rows = []
    try:
        for n in sizes:
            folder = root / f"corpus-{n}"
            if folder.exists():
                shutil.rmtree(folder)
            nbytes = write_corpus(n, folder)
            ms = []
            for i in range(runs if n <= 1000 else big_runs):
                out = root / f"report-{n}.json"
                m = measure(
                    _cli("report", str(folder), "--format", "json", "-o", str(out), "--jobs", str(args.jobs)), root
                )
                if m.code != 0:
                    raise SystemExit(f"factcheck bench: report on {n} articles exited {m.code}")
                print(
                    f"  N={n} run {i + 1}: {m.wall:.2f} s, tree {m.tree_mb:.0f} MB, max RSS {m.max_rss_mb:.0f} MB",
                    file=log,
                )
                ms.append(m)
            cache = root / "cache" if n == sizes[-1] else None
            if cache is not None:
                shutil.rmtree(cache, ignore_errors=True)
            ph = phases(folder, args.jobs, cache)
            print(f"  N={n} phases: " + ", ".join(f"{k} {v:.2f} s" for k, v in ph.items()), file=log)
            rows.append(
                {
                    "n": n,
                    "mb": nbytes / 1e6,
                    "wall": _median([m.wall for m in ms]),
                    "tree": _median([m.tree_mb for m in ms]),
                    "rss": _median([m.max_rss_mb for m in ms]),
                    "phases": ph,
                }
            )
        # check of one draft against a warm cache of the largest corpus (filled by its phases run above)
        big = root / f"corpus-{sizes[-1]}"
        checks = check_runs(root, big, root / "cache", big_runs, log)
        # extraction throughput on the smallest corpus, in this process
        small = root / f"corpus-{sizes[0]}"
        tp1, _ = throughput(small, 1, big_runs)
        tpn, _ = throughput(small, cores, big_runs)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    k = exponent([r["n"] for r in rows], [r["wall"] for r in rows]) if len(rows) > 1 else float("nan")
    print(_table(rows, tp1, tpn, cores, k, checks, f"{runs} (N <= 1,000), {big_runs} (the rest)", args.jobs))
    print(_check_table(checks, rows[-1]["n"]))
    return 0


_TIMINGS = re.compile(r"factcheck: timings: (.*); documents analysed: (\S+)")
_LAP = re.compile(r"([\w ]+?) (\d+\.\d+) s")


def timings(stderr: str) -> tuple[dict[str, float], str]:
    """The phases `check --timings` printed (seconds) and how many documents it analysed."""
    m = _TIMINGS.search(stderr)
    if m is None:
        return {}, "?"
    return {k.strip(): float(v) for k, v in _LAP.findall(m.group(1))}, m.group(2)


@dataclass
class CheckRuns:
    """`check` of one draft against a warm cache, in fresh processes."""

    first: Measure | None = None  # the first check after the cache was filled: validates the corpus once
    new: list[Measure] = field(default_factory=list)  # a draft the cache has never seen, each run
    again: list[Measure] = field(default_factory=list)  # the same draft again (its extraction cached)


def check_runs(root: Path, corpus_dir: Path, cache: Path, runs: int, log: object) -> CheckRuns:
    """Time `factcheck check DRAFT --corpus CORPUS` against a filled cache: once to let it record the corpus's
    files and name knowledge, then `runs` times with a new draft each time, then `runs` times with the same
    draft."""
    drafts = root / "drafts"
    drafts.mkdir(exist_ok=True)
    base = draft()

    def run(name: str, text: str) -> Measure:
        path = drafts / name
        path.write_text(text, encoding="utf-8")
        cmd = _cli("check", str(path), "--corpus", str(corpus_dir), "--cache-dir", str(cache), "--format", "json")
        m = measure([*cmd, "--timings"], root, wrap=False)
        if m.code not in (0, 1):
            raise SystemExit(f"factcheck bench: check exited {m.code}")
        laps, analysed = timings(m.stderr)
        phases = ", ".join(f"{k} {v:.2f}" for k, v in laps.items())
        print(f"  check {name}: {m.wall:.2f} s, CPU {m.cpu:.2f} s ({phases}; {analysed} documents analysed)", file=log)  # type: ignore[call-overload]
        return m

    out = CheckRuns()
    out.first = run("new-story.md", base)
    run("new-story.md", base)  # its files are trusted from now on: the listing is recorded
    for i in range(runs):
        out.new.append(run(f"new-story-{i}.md", base.replace("*By ", f"*Run {i}, by ", 1)))
    for _ in range(runs):
        out.again.append(run("new-story.md", base))
    return out


def _check_table(checks: CheckRuns, n: int) -> str:
    """Where the time of a warm check goes: medians of the runs, phase by phase."""
    out = ["", f"`check` of one draft against a warm cache of {n:,} articles (a fresh process each run; medians):", ""]
    out.append(
        "| draft | wall s | CPU s | start-up s | rules s | list s | validate s | names s | extract s | select s "
        "| analyse s | output s | documents analysed |"
    )
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, ms in (("new (not cached)", checks.new), ("the same again", checks.again)):
        if not ms:
            continue
        laps = [timings(m.stderr)[0] for m in ms]
        analysed = timings(ms[0].stderr)[1]

        def med(*keys: str, laps: list[dict[str, float]] = laps) -> float:
            return _median([sum(d.get(k, 0.0) for k in keys) for d in laps])

        # before the command runs, and the modules it imports when it needs them
        startup = _median([m.wall - sum(d.values()) + d.get("imports", 0.0) for m, d in zip(ms, laps, strict=True)])
        out.append(
            f"| {label} | {_median([m.wall for m in ms]):.2f} | {_median([m.cpu for m in ms]):.2f} | {startup:.2f} "
            f"| {med('start'):.2f} | {med('list'):.2f} "
            f"| {med('validate', 'open cache'):.2f} | {med('names'):.2f} | {med('extract'):.2f} | {med('select'):.2f} "
            f"| {med('analyse'):.2f} | {med('output', 'close cache'):.2f} | {analysed} |"
        )
    if checks.first is not None:
        out.append("")
        out.append(
            f"The first check after the cache was filled (every file hashed once, name knowledge merged): "
            f"{checks.first.wall:.1f} s."
        )
    out.append(
        "start-up: interpreter and imports; rules: options and rule files; validate: the corpus against the "
        "cache (stat only); names: the corpus's name knowledge plus the draft's; select: looking up and "
        "reading the documents the draft can meet; analyse: aligning and comparing them with the draft."
    )
    return "\n".join(out) + "\n"


def machine() -> str:
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    py = platform.python_version()
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{mem}, {cpu}, Python {py}"


def _table(
    rows: list[dict],
    tp1: float,
    tpn: float,
    cores: int,
    k: float,
    checks: CheckRuns,
    runs: str,
    jobs: int,
) -> str:
    sizes = ", ".join(f"{r['n']:,}" for r in rows)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    out = [f"factcheck bench — {machine()}; medians of {runs} run(s); load average at the end {load}", ""]
    out.append(
        f"| N articles | corpus MB | report wall s (--jobs {jobs}) | s / 1,000 articles | peak memory MB (tree PSS) "
        "| peak RSS MB (largest process) | load s | extract s | analyse s | write s |"
    )
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ph = r["phases"]
        out.append(
            f"| {r['n']:,} | {r['mb']:.1f} | {r['wall']:.1f} | {r['wall'] / r['n'] * 1000:.2f} | {r['tree']:.0f} "
            f"| {r['rss']:.0f} | {ph['load']:.1f} | {ph['extract']:.1f} | {ph['analyse']:.1f} | {ph['write']:.1f} |"
        )
    out += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| extraction throughput, 1 process | {tp1:.2f} MB/s |",
        f"| extraction throughput, {cores} processes | {tpn:.2f} MB/s |",
        f"| scaling exponent k (report wall ~ N^k, over {sizes}) | {k:.2f} |",
        f"| filling the claim cache of {rows[-1]['n']:,} (writing the extractions) "
        f"| {rows[-1]['phases'].get('cache write', float('nan')):.1f} s |",
        f"| check 1 draft vs warm cache of {rows[-1]['n']:,}: a new draft, wall (CPU) "
        f"| {_median([c.wall for c in checks.new]):.2f} s ({_median([c.cpu for c in checks.new]):.2f} s) |",
        f"| check 1 draft vs warm cache of {rows[-1]['n']:,}: the same draft again, wall (CPU) | "
        f"{_median([c.wall for c in checks.again]):.2f} s ({_median([c.cpu for c in checks.again]):.2f} s) |",
        f"| check, peak memory (tree PSS) | {_median([c.tree_mb for c in checks.new]):.0f} MB |",
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
