"""The scale benchmark (issue 6): `python -m factcheck.bench [--sizes 1000,4000,16000] [--runs 3] [--quick]`.

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
import random
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

# ---- the synthetic corpus --------------------------------------------------------------------------------

_ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
_CODAS = ["", "", "n", "r", "l", "s", "x", "th", "nd", "rk"]
_SUFFIXES = ["Group", "Systems", "Energy", "Foods", "Holdings", "Labs", "Motors", "Capital", "Logistics", "Bank"]
_SECTORS = ["software", "food", "energy", "logistics", "chip", "battery", "steel", "retail", "shipping", "insurance"]
_CITIES = ["Harwick", "Lundmoor", "Carvello", "Ostrava", "Bellmere", "Tarnholm", "Quarry Bay", "Westhaven"]
_OUTLETS = ["Business Daily", "Wire", "Courier", "Ledger", "Chronicle", "Post", "Observer", "Herald"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_FIRST = ["Ingrid", "Marco", "Priya", "Tomas", "Aiko", "Elena", "Samuel", "Noor", "Viktor", "Grace"]
_LAST = ["Solberg", "Ferreira", "Nakamura", "Okafor", "Lindqvist", "Brennan", "Haddad", "Kowalski"]

_FILLER = [
    "Analysts said the move reflected a broader push to consolidate the {sector} industry.",
    "The company did not respond to a request for further comment on Tuesday.",
    "Shares in both companies were little changed in early trading.",
    "Regulators in several countries will have to approve the plan before it can go ahead.",
    "Industry observers have long expected a deal of this kind in the {sector} sector.",
    "The announcement came after weeks of speculation in the trade press.",
    "Trade unions said they would seek assurances about jobs and working conditions.",
    "Critics argued the plan would concentrate too much power in a handful of firms.",
    "Executives declined to say whether further announcements would follow this year.",
    "Local officials in {city} welcomed the news, saying it would support the regional economy.",
    "The board said it had considered several alternatives before settling on this option.",
    "People familiar with the talks said negotiations had stalled twice over the price.",
    "Customers are not expected to notice any change in service in the near term.",
    "The firm has faced pressure from investors to show faster growth in its core business.",
    "Competitors have been investing heavily in new capacity across the region.",
]


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.choice((2, 2, 3))))
    return word.capitalize()


@dataclass
class _Company:
    name: str  # "Vorlando Systems"
    short: str  # "Vorlando"
    sector: str
    city: str
    employees: int
    revenue: float  # in $ billion


@dataclass
class _Event:
    kind: str
    a: _Company
    b: _Company | None
    amount: float  # in $ million
    share: int  # a percentage
    capacity: int  # MW or units
    day: int
    month: str
    year: int
    extra: dict[str, float] = field(default_factory=dict)


def _money(rng: random.Random, millions: float, hedge: bool = False) -> str:
    """The same amount in one of many forms."""
    if millions >= 1000:
        bn = millions / 1000
        v = f"{bn:.1f}".rstrip("0").rstrip(".")
        forms = [f"${v} billion", f"US${v}bn", f"{v} billion dollars", f"${v}bn", f"USD {v} billion"]
    else:
        v = f"{millions:.0f}"
        forms = [f"${v} million", f"${v}m", f"{v} million dollars", f"US${v} million", f"${int(millions):,},000,000"]
    text = rng.choice(forms)
    if hedge:
        text = rng.choice(["up to ", "about ", "more than ", "nearly "]) + text
    return text


def _pct(rng: random.Random, p: float) -> str:
    return rng.choice([f"{p:g}%", f"{p:g} per cent", f"{p:g} percent"])


def _count(rng: random.Random, n: int) -> str:
    return rng.choice([f"{n:,}", f"{n}", f"about {n:,}", f"more than {n:,}"]) if n >= 1000 else f"{n}"


def _event_paragraphs(rng: random.Random, e: _Event, planted: bool) -> list[str]:
    a, b = e.a, e.b
    amount = e.amount * (rng.choice((1.5, 0.6, 2.0)) if planted else 1.0)
    when = rng.choice([f"on {e.month} {e.day}, {e.year}", f"on {e.day} {e.month} {e.year}", f"in {e.month} {e.year}"])
    out = []
    if e.kind == "acquisition" and b is not None:
        out.append(
            rng.choice(
                [
                    f"{a.name} agreed {when} to acquire {b.name} for {_money(rng, amount)}, the companies said.",
                    f"{a.short} will buy {b.name} in a deal worth {_money(rng, amount)}, it announced {when}.",
                    f"In a deal announced {when}, {a.name} is paying {_money(rng, amount)} for rival {b.short}.",
                ]
            )
        )
        out.append(
            f"The offer values each {b.short} share at ${e.extra['price']:.0f}, a premium of about "
            f"{_pct(rng, e.share)} to the last closing price. {b.short} employs {_count(rng, b.employees)} people "
            f"at {int(e.extra['sites'])} sites and had revenue of {_money(rng, b.revenue * 1000)} last year."
        )
        out.append(
            f"{a.short} expects savings of {_money(rng, e.extra['savings'])} a year by {e.year + 2}, and said the "
            f"deal would be financed with {_pct(rng, e.extra['cash'])} cash and the rest in new shares."
        )
    elif e.kind == "funding":
        lead = b.name if b is not None else "a group of investors"
        out.append(
            rng.choice(
                [
                    f"{a.name} has raised {_money(rng, amount)} in a funding round led by {lead}, it said {when}.",
                    f"{lead} led a {_money(rng, amount)} investment in {a.name}, announced {when}.",
                    f"{a.short} said {when} it had closed a funding round of {_money(rng, amount)}.",
                ]
            )
        )
        out.append(
            f"The round values {a.short} at {_money(rng, e.extra['valuation'])}, and the company now has "
            f"{_count(rng, a.employees)} employees in {int(e.extra['sites'])} countries."
        )
        out.append(f"Revenue grew {_pct(rng, e.share)} last year to {_money(rng, a.revenue * 1000)}.")
    elif e.kind == "plant":
        out.append(
            rng.choice(
                [
                    f"{a.name} will open a {e.capacity} MW plant near {a.city}, costing {_money(rng, amount)}, it "
                    f"said {when}.",
                    f"{a.short} said {when} it would spend {_money(rng, amount)} on a new {e.capacity}-megawatt "
                    f"plant in {a.city}.",
                    f"A new plant of {e.capacity} megawatts near {a.city} will cost {a.name} {_money(rng, amount)}.",
                ]
            )
        )
        out.append(
            f"The site covers {int(e.extra['area']):,} square metres and will create "
            f"{_count(rng, int(e.extra['jobs']))} jobs, about {_pct(rng, e.share)} of them in engineering."
        )
        out.append(f"Construction is due to finish in {e.year + 2}, with the first output expected in {e.year + 3}.")
    else:  # a toll or fare change
        out.append(
            rng.choice(
                [
                    f"{a.name} will raise its tolls by {_pct(rng, e.share)} from {e.month} {e.year}, it said.",
                    f"Tolls charged by {a.short} are going up {_pct(rng, e.share)} in {e.month} {e.year}.",
                ]
            )
        )
        out.append(
            f"A standard crossing will cost ${e.extra['fare']:.2f}, and the increase is expected to bring in "
            f"{_money(rng, amount)} a year for maintenance of the {int(e.extra['length'])} km network."
        )
    if rng.random() < 0.15:
        out.append(f"{a.short} is the only {a.sector} company in {a.city} with its own research centre.")
    return out


def _background(rng: random.Random, c: _Company) -> str:
    parts = [
        f"{c.name}, based in {c.city}, makes {c.sector} products and employs {_count(rng, c.employees)} people.",
        f"It reported revenue of {_money(rng, c.revenue * 1000)} in {rng.randint(2019, 2024)}, up "
        f"{_pct(rng, rng.randint(2, 30))} on the year before.",
        f"Its shares have risen {_pct(rng, rng.randint(5, 60))} over the past {rng.randint(2, 12)} months.",
    ]
    return " ".join(parts)


def _filler(rng: random.Random, c: _Company, k: int) -> str:
    return " ".join(rng.choice(_FILLER).format(sector=c.sector, city=c.city) for _ in range(k))


def _article(rng: random.Random, e: _Event, outlet: str, planted: bool, number: int) -> str:
    a = e.a
    title = {
        "acquisition": f"{a.short} to buy {e.b.short if e.b else 'rival'}",
        "funding": f"{a.short} raises new funding",
        "plant": f"{a.short} plans new plant in {a.city}",
        "toll": f"{a.short} raises tolls",
    }[e.kind]
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    paras = _event_paragraphs(rng, e, planted)
    body = [paras[0], _filler(rng, a, 3), *paras[1:], _background(rng, a)]
    if e.b is not None:
        body.append(_background(rng, e.b))
    body.append(
        f'"This is an important step for us," said {person}, chief executive of {a.short}, adding that the company '
        f"would hire {rng.randint(50, 900)} people over the next {rng.randint(2, 5)} years."
    )
    while sum(len(p) for p in body) < 4700:
        body.append(_filler(rng, a, rng.randint(3, 5)))
    head = f'---\ntitle: "{title}"\ndate: {e.year}-{_MONTHS.index(e.month) + 1:02d}-{min(e.day + 1, 28):02d}\n'
    head += f'source: "{outlet}"\n---\n\n# {title}\n\n*By {person}, {outlet} · story {number}*\n\n'
    return head + "\n\n".join(body) + "\n"


def corpus(n: int, seed: int = 6) -> list[tuple[str, str]]:
    """N articles as (file name, text): events covered by 2 to 6 articles each, about 1 in 12 with a planted
    disagreement. The same n and seed give the same bytes."""
    rng = random.Random(seed)
    companies: list[_Company] = []
    seen: set[str] = set()
    while len(companies) < max(8, n // 3):
        short = _name(rng)
        if short in seen:
            continue
        seen.add(short)
        companies.append(
            _Company(
                name=f"{short} {rng.choice(_SUFFIXES)}",
                short=short,
                sector=rng.choice(_SECTORS),
                city=rng.choice(_CITIES),
                employees=rng.choice((rng.randint(40, 900), rng.randint(1000, 90000))),
                revenue=round(rng.uniform(0.1, 40), 1),
            )
        )
    out: list[tuple[str, str]] = []
    while len(out) < n:
        a, b = rng.sample(companies, 2)
        kind = rng.choice(["acquisition", "acquisition", "funding", "plant", "toll"])
        e = _Event(
            kind=kind,
            a=a,
            b=b if kind in ("acquisition", "funding") else None,
            amount=float(rng.choice([rng.randint(20, 950), rng.randint(1, 90) * 100])),
            share=rng.randint(3, 45),
            capacity=rng.randint(5, 120) * 10,
            day=rng.randint(1, 27),
            month=rng.choice(_MONTHS),
            year=rng.randint(2021, 2025),
            extra={
                "price": rng.randint(8, 140),
                "sites": rng.randint(2, 40),
                "savings": rng.randint(20, 400),
                "cash": rng.choice((40, 50, 60, 70, 80)),
                "valuation": rng.randint(5, 200) * 100,
                "area": rng.randint(10, 400) * 1000,
                "jobs": rng.randint(80, 2500),
                "fare": rng.randint(200, 1500) / 100,
                "length": rng.randint(30, 900),
            },
        )
        for _ in range(min(rng.randint(2, 6), n - len(out))):
            number = len(out)
            outlet = rng.choice(_OUTLETS)
            text = _article(rng, e, outlet, planted=rng.random() < 1 / 12, number=number)
            suffix = rng.choice((".md", ".txt"))
            out.append((f"{number:06d}_{outlet.lower().replace(' ', '_')}{suffix}", text))
    return out


def draft(seed: int = 6) -> str:
    """A new article about the first event of the corpus, with a disagreement in it."""
    rng = random.Random(seed)
    arts = corpus(4, seed)
    text = arts[0][1].replace("$", "$1").replace("per cent", "percent")
    return text.replace("story 0*", f"draft {rng.randint(1, 99)}*")


def write_corpus(n: int, folder: Path, seed: int = 6) -> int:
    """Write the corpus; return its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in corpus(n, seed):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


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
    from factcheck.load import load, unique_ids
    from factcheck.parallel import extract_many
    from factcheck.ruleset import load_ruleset

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
    from factcheck.cache import ClaimCache, document_key, ruleset_digest
    from factcheck.formats import jsonout
    from factcheck.load import load, unique_ids
    from factcheck.parallel import extract_many
    from factcheck.pipeline import analyse_extracts
    from factcheck.ruleset import load_ruleset

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
    parser = argparse.ArgumentParser(prog="python -m factcheck.bench", description=__doc__.split("\n\n")[0])
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
