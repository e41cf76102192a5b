"""The Dask engine against the local one: `python benchmarks/bench_dask.py [--size 16000] [--runs 3]`.

It writes the deterministic synthetic corpus of benchmarks/corpus.py (about 5 KB an article) to a temporary
folder, then runs `factcheck report DIR --format json` cold in a fresh process, alternately with
`--jobs 2` (the local engine: a process pool of 2) and `--engine dask --jobs 2` (a LocalCluster of two worker
processes, one thread each, started and stopped by the run). For each it gives the medians of `--runs` runs:
wall time, CPU time of the process tree (user + system) and peak memory of the process tree (summed PSS,
sampled every 0.1 s), and the Dask engine's overhead as ratios. It checks that both reports are the same bytes
and prints the machine's load average before and after. Nothing here is a test: timings depend on the machine.

`--phases N` instead runs both engines once in this process on N articles and splits the time: reading and
extraction (on the workers for Dask, with the gathering of their results), then the steps on the client (the
name index, alignment, comparison, numbering: `analyse_extracts`) and writing the JSON report; with the CPU
seconds of the client and of the workers, and each Dask worker's memory (RSS) at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.bench import Measure, _cli, _median, machine, measure
from benchmarks.corpus import write_corpus

ENGINES = {"local --jobs 2": ["--jobs", "2"], "dask LocalCluster 2 workers": ["--engine", "dask", "--jobs", "2"]}


def _load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _timed(module: object, name: str, laps: dict[str, float]) -> None:
    """Wrap `module.name` so that its time goes into laps[name]."""
    inner = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            laps[name] = time.perf_counter() - start

    setattr(module, name, wrapper)


def phases(size: int) -> None:
    """One in-process run of each engine on `size` articles, split into extraction, analysis and writing."""
    import io
    import logging
    import resource

    import psutil
    from distributed import Client, LocalCluster

    from factcheck import pipeline
    from factcheck.engine import EngineChoice, dask_run
    from factcheck.report import jsonout
    from factcheck.ruleset.rule_set import load_ruleset

    ruleset = load_ruleset()

    def cpu() -> float:
        ru = resource.getrusage(resource.RUSAGE_SELF)
        return ru.ru_utime + ru.ru_stime

    def workers_cpu(client: Client) -> float:
        times = client.run(lambda: sum(psutil.Process().cpu_times()[:2]))
        return sum(times.values())

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-dask-") as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(size, folder)
        print(f"{size:,} articles; load average before: {_load()}")
        print("| engine | read + extract s | client steps s | write s | client CPU s | worker CPU s | ms CPU/article |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for engine in ("local", "dask"):
            laps: dict[str, float] = {}
            cluster_cm = (
                LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR)
                if engine == "dask"
                else contextlib.nullcontext()
            )
            with cluster_cm as cluster:
                client = Client(cluster.scheduler_address) if cluster is not None else None
                module = dask_run if engine == "dask" else pipeline
                _timed(module, "analyse_extracts", laps)
                w0, c0, t0 = workers_cpu(client) if client else 0.0, cpu(), time.perf_counter()
                if engine == "dask":
                    choice = EngineChoice(engine="dask", scheduler=cluster.scheduler_address)
                    result = dask_run.run_dask([str(folder)], ruleset, 2, choice)
                else:
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    result = pipeline.run([str(folder)], ruleset, 2)
                total = time.perf_counter() - t0
                t1 = time.perf_counter()
                jsonout.write(result.report, io.StringIO())
                write = time.perf_counter() - t1
                client_cpu = cpu() - c0
                if client:
                    worker_cpu = workers_cpu(client) - w0
                    rss = client.run(lambda: psutil.Process().memory_info().rss)
                    client.close()
                else:
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    worker_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                analyse = laps["analyse_extracts"]
                per = (client_cpu + worker_cpu) / size * 1000
                print(f"| {engine} | {total - analyse:.1f} | {analyse:.1f} | {write:.1f} | {client_cpu:.1f} | "
                      f"{worker_cpu:.1f} | {per:.2f} |")  # fmt: skip
            if engine == "dask":
                print(f"\nDask worker memory at the end (RSS MB): {', '.join(f'{v / 1e6:.0f}' for v in rss.values())}")
        print(f"load average after: {_load()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_dask.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=16000, help="articles in the corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per engine (the median is reported)")
    parser.add_argument("--phases", type=int, metavar="N", help="split one in-process run of N articles instead")
    args = parser.parse_args(argv)
    if args.phases:
        phases(args.phases)
        return 0
    root = Path(__file__).resolve().parents[1]
    print(f"machine: {machine()}; load average (1/5/15 min) before: {_load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-dask-") as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(args.size, folder)
        mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        runs: dict[str, list[Measure]] = {name: [] for name in ENGINES}
        outputs: dict[str, bytes] = {}
        for r in range(args.runs):
            for name, extra in ENGINES.items():
                out = Path(tmp) / f"{r}-{len(outputs)}.json"
                m = measure(_cli("report", str(folder), "--format", "json", "-o", str(out), *extra), root)
                if m.code != 0:
                    sys.stderr.write(m.stderr)
                    return 1
                runs[name].append(m)
                outputs[name] = out.read_bytes()
                out.unlink()
                print(f"run {r + 1} {name}: {m.wall:.1f} s wall, {m.cpu:.1f} s CPU, {m.tree_mb:.0f} MB", flush=True)
        same = len(set(outputs.values())) == 1
    rows = {n: [_median([getattr(m, k) for m in ms]) for k in ("wall", "cpu", "tree_mb")] for n, ms in runs.items()}
    local, dask = rows["local --jobs 2"], rows["dask LocalCluster 2 workers"]
    print(f"\n{args.size:,} articles, {mb:.1f} MB; medians of {args.runs} run(s); reports identical: {same}\n")
    print("| engine | wall s | CPU s | peak memory MB (tree, PSS) | ms wall per article |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, cpu, mem) in rows.items():
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {mem:,.0f} | {wall / args.size * 1000:.2f} |")
    ratios = [d / x if x else float("nan") for d, x in zip(dask, local, strict=True)]
    print(f"| dask / local | {ratios[0]:.2f} | {ratios[1]:.2f} | {ratios[2]:.2f} | |")
    print(f"\nload average (1/5/15 min) after: {_load()}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
