"""Compare factcheck's outputs between two checkouts, byte for byte.

    python benchmarks/compare_outputs.py OTHER_CHECKOUT [--generated N]

Runs `report` (Markdown, JSON), `claims` (table, CSV, JSON), `quantities` (table, JSON) and `check`
(Markdown, JSON, SARIF, GitHub) from this checkout and from OTHER_CHECKOUT on the same inputs — `seeds/`,
`tests/corpora/` and a generated corpus of N articles (default 1,000) — in one scratch folder, so that
paths in the outputs are the same; prints each command with `same` or `DIFFERENT`, and exits 1 on a
difference. Use it to show that a change that should not change output does not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "benchmarks"))


def _commands(generated: str) -> list[list[str]]:
    cmds: list[list[str]] = []
    for corpus in ("seeds", "corpora", generated):
        jobs = ["--jobs", "2"] if corpus == generated else []
        cmds += [
            ["report", corpus, "-o", "out.md", *jobs],
            ["report", corpus, "--format", "json", "-o", "out.json", *jobs],
            ["claims", corpus, "--format", "json"],
            ["quantities", corpus, "--format", "json"],
        ]
    cmds += [
        ["claims", "seeds"],
        ["claims", "seeds", "--format", "csv"],
        ["quantities", "seeds"],
        ["quantities", "corpora"],
    ]
    for fmt in ("markdown", "json", "sarif", "github"):
        cmds.append(["check", "draft.md", "--corpus", generated, "--no-cache", "--format", fmt])
        cmds.append(["check", "corpora/events/a4_scraped.txt", "--corpus", "corpora", "--no-cache", "--format", fmt])
    return cmds


def _run(checkout: Path, args: list[str], cwd: Path) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONHASHSEED="0")
    proc = subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
    )
    out = proc.stdout + b"\n--stderr--\n" + proc.stderr + f"\n--exit {proc.returncode}--\n".encode()
    for name in ("out.md", "out.json"):
        f = cwd / name
        if f.exists():
            out += f.read_bytes()
            f.unlink()
    return out


def _generate(n: int, folder: Path) -> str:
    """The benchmark's corpus generator, from whichever place this checkout keeps it."""
    try:
        from bench import draft, write_corpus  # benchmarks/bench.py
    except ImportError:
        sys.path.insert(0, str(HERE))
        from factcheck.bench import draft, write_corpus  # type: ignore[no-redef]
    write_corpus(n, folder / "gen")
    (folder / "draft.md").write_text(draft(), encoding="utf-8")
    return "gen"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path)
    parser.add_argument("--generated", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(HERE / "seeds", work / "seeds")
        shutil.copytree(HERE / "tests" / "corpora", work / "corpora")
        generated = _generate(args.generated, work)
        differ = 0
        for cmd in _commands(generated):
            mine, theirs = _run(HERE, cmd, work), _run(args.other.resolve(), cmd, work)
            same = mine == theirs
            differ += not same
            print(f"{'same     ' if same else 'DIFFERENT'} {len(mine):>10} B  factcheck {' '.join(cmd)}")
            if not same:
                (Path(tmp).parent / f"cmp_{differ}_mine.txt").write_bytes(mine)
                (Path(tmp).parent / f"cmp_{differ}_theirs.txt").write_bytes(theirs)
    print(f"{differ} of {len(_commands(generated))} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
