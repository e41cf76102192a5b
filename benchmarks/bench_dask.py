"""The Dask engine against the local one: `python benchmarks/bench_dask.py [--size 16000] [--runs 3]`.

It writes the deterministic synthetic corpus of benchmarks/corpus.py (about 5 KB an article) to a temporary
folder, then runs `factcheck report DIR --format json` cold in a fresh process, alternately with
`--jobs 2` (the local engine: a process pool of 2) and `--engine dask --jobs 2` (a LocalCluster of two worker
processes, one thread each, started and stopped by the run). For each it gives the medians of `--runs` runs:
wall time, CPU time of the process tree (user + system) and peak memory of the process tree (summed PSS,
sampled every 0.1 s), and the Dask engine's overhead as ratios. It checks that both reports are the same bytes
and prints the machine's load average before and after. Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_dask.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=16000, help="articles in the corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per engine (the median is reported)")
    args = parser.parse_args(argv)
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
