"""The extraction budget: CPU milliseconds per 5 KB of article text, one process.

    python benchmarks/bench_extract.py [--runs 5] [--warmup 3] [--generated 300] [FOLDER ...]

Extracts every document of each corpus (default: the real-reporting rewrites in `tests/realworld/` and a
generated corpus of `--generated` articles) in this process, and prints the CPU time per 5,000 characters of
article text: of the first pass (a cold process: it also compiles the patterns and fills the memoised lookups),
and the median over `--runs` passes after `--warmup` untimed passes (the cost per article of a long run, or of a
process that has read a corpus before). The budget is 30 ms per 5 KB.
Nothing here is a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.corpus import write_corpus
from factcheck.extract import EntityFinder, extract_document
from factcheck.load import load
from factcheck.ruleset import load_ruleset

BUDGET_MS = 30.0
ROOT = Path(__file__).resolve().parents[1]


def ms_per_5kb(folder: Path, runs: int, warmup: int) -> tuple[int, int, float, float]:
    """(documents, characters, first pass's and median warm CPU ms per 5,000 characters) for one corpus."""
    ruleset = load_ruleset()
    docs = load([folder], ruleset.boilerplate).documents
    chars = sum(len(d.text) for d in docs)
    finder = EntityFinder(ruleset.entities)
    per_5kb = 1000 / (chars / 5000)
    first = 0.0
    for n in range(max(warmup, 1)):  # as in a long-running worker
        start = time.process_time()
        for d in docs:
            extract_document(d, ruleset, finder)
        if n == 0:
            first = (time.process_time() - start) * per_5kb
    times = []
    for _ in range(runs):
        start = time.process_time()
        for d in docs:
            extract_document(d, ruleset, finder)
        times.append(time.process_time() - start)
    return len(docs), chars, first, statistics.median(times) * per_5kb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--generated", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folders = args.folders or [ROOT / "tests" / "realworld"]
        if not args.folders and args.generated:
            write_corpus(args.generated, Path(tmp) / "generated")
            folders.append(Path(tmp) / "generated")
        print("| corpus | documents | characters | ms per 5 KB, first pass | ms per 5 KB, warm (median) | budget |")
        print("|---|---:|---:|---:|---:|---:|")
        for folder in folders:
            n, chars, first, ms = ms_per_5kb(folder, args.runs, args.warmup)
            name = folder.name if folder.parent.name != Path(tmp).name else f"generated ({args.generated})"
            print(f"| {name} | {n} | {chars:,} | {first:.2f} | {ms:.2f} | {BUDGET_MS:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
