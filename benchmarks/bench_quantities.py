"""Throughput of factcheck's quantity extractor beside a bare regex pass and quantulum3.

    python benchmarks/bench_quantities.py [--size-mb 5] [--runs 5] [--peer-kb 200]

Generates a deterministic corpus of news-like articles in memory (no files, no network), then reports,
for each reader, the median of several runs (taken in turn, reader after reader) as MB/s and milliseconds
per article:

- factcheck: `extract_quantities` with the shipped lexicon (built once, before timing: its build time,
  pint included, is reported on its own line), after one untimed pass over the corpus, so that the timed
  runs hold no compile;
- re (near-limit): one Python `re` pass that only finds numbers followed by a scale word ("5 billion",
  "$4.3bn") - the least work any reader of news numbers must do;
- quantulum3, the best-known peer, if it is importable (install it in a separate environment with
  `pip install -r benchmarks/requirements.txt`); it is slow, so it reads a slice (--peer-kb) of the corpus.

This is a script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable

SUBJECTS = [
    "Borealis",
    "Kestrel Labs",
    "Veltra",
    "Orbis Energy",
    "Northwind Grid",
    "Acme",
    "the city council",
    "the ministry",
    "Harrow Bank",
    "Tidewater Foods",
    "the regulator",
    "Quill Robotics",
]
FILLER = [
    "The announcement came after weeks of speculation among analysts and rival executives.",
    "Officials declined to comment on the details of the negotiations, citing confidentiality.",
    "Critics said the plan lacked detail and warned that costs could rise further.",
    "The company said the move would strengthen its position in a crowded market.",
    "Shares were little changed in afternoon trading as investors weighed the news.",
    "A spokesperson said the review would be completed before the end of the year.",
    "Local residents have raised concerns about traffic, noise and the loss of green space.",
    "The chief executive told reporters that demand remained strong across all regions.",
    "Windows 11 and Microsoft 365 customers will see the feature first, according to the release notes.",
    "Readers can reach the newsroom at +1 415 555 0132 or at press@example.com.",
]


def _money(r: random.Random) -> str:
    x = r.choice([f"{r.randint(1, 999)}", f"{r.randint(1, 99)}.{r.randint(1, 9)}"])
    return r.choice(
        [
            f"${x} billion",
            f"€{x}bn",
            f"£{x}m",
            f"US${x} million",
            f"{x} billion dollars",
            f"USD {x} million",
            f"${x}-{int(float(x)) + r.randint(1, 9)} billion",
            f"CHF {x} million",
        ]
    )


def _sentence(r: random.Random) -> str:
    s = r.choice(SUBJECTS)
    n = r.randint(2, 95_000)
    forms = [
        f"{s} said it would invest up to {_money(r)} in new data centres.",
        f"{s} reported revenue of {_money(r)} for the third quarter of {r.randint(2019, 2026)}.",
        f"{s} plans to cut about {n:,} jobs over {r.randint(2, 9)} years.",
        f"The plant will draw more than {r.randint(1, 9)}.{r.randint(0, 9)} GW, enough for {n:,} homes.",
        f"Shares of {s} rose {r.randint(1, 30)}.{r.randint(0, 9)}% on {r.choice(['Monday', 'Friday'])}.",
        f"The deal, potentially worth {_money(r)}, was signed on {r.randint(1, 28)} November {r.randint(2020, 2026)}.",
        f"Roughly two-thirds of the {n:,} respondents backed the plan, a {r.randint(2, 9)}-point rise.",
        f"The storm destroyed some {n:,} homes and left {r.randint(2, 900)} people injured.",
        f"Rates rose {r.choice([25, 50, 75])} basis points, the {r.choice(['second', 'third'])} rise this year.",
        f"The site covers {n:,} acres and the tower rises {r.randint(100, 900)} metres.",
        f"Tens of billions of dollars are at stake, and output tripled in {r.randint(2015, 2025)}.",
        f"{s} ships {r.randint(2, 90)} million units a year, a {r.randint(2, 9)}x jump.",
    ]
    return r.choice(forms)


def make_corpus(size_mb: float, seed: int = 7) -> list[str]:
    """Articles of about 4 KB, about one sentence in three with numbers, until size_mb megabytes."""
    r = random.Random(seed)
    target = int(size_mb * 1_000_000)
    articles: list[str] = []
    total = 0
    while total < target:
        paras = []
        for _ in range(r.randint(8, 14)):
            sents = [_sentence(r) if r.random() < 0.35 else r.choice(FILLER) for _ in range(r.randint(2, 4))]
            paras.append(" ".join(sents))
        title = f"{r.choice(SUBJECTS).title()} Unveils {r.choice(['Plan', 'Deal', 'Results'])}"
        art = title + "\n\n" + "\n\n".join(paras) + "\n"
        articles.append(art)
        total += len(art.encode("utf-8"))
    return articles


SCALE_RE = re.compile(
    r"(?<![\w.])[$€£]?\d+(?:[.,]\d+)*[ \u00a0]?(?:thousand|million|billion|trillion|bn|mn|m|k|tn)(?![A-Za-z])",
    re.IGNORECASE,
)


def re_pass(text: str) -> int:
    return sum(1 for _ in SCALE_RE.finditer(text))


Reader = tuple[str, Callable[[str], int], list[str], int]  # name, function, articles, runs


def measure(readers: list[Reader]) -> list[dict[str, float]]:
    """Median time of each reader over its runs, the runs interleaved round by round.

    On a shared machine the load changes from second to second: taking one run of every reader in turn, rather
    than all runs of one reader and then the next, exposes them to the same load, so their ratios hold better.
    """
    times: list[list[float]] = [[] for _ in readers]
    found = [0] * len(readers)
    for r in range(max(runs for *_, runs in readers)):
        for i, (_, fn, articles, runs) in enumerate(readers):
            if r < runs:
                t0 = time.perf_counter()
                found[i] = sum(fn(a) for a in articles)
                times[i].append(time.perf_counter() - t0)
    rows = []
    for (name, _, articles, _), ts, f in zip(readers, times, found, strict=True):
        size = sum(len(a.encode("utf-8")) for a in articles)
        t = statistics.median(ts)
        rows.append(
            {
                "name": name,
                "mb": size / 1e6,
                "seconds": t,
                "mb_s": size / 1e6 / t,
                "ms_article": 1000 * t / len(articles),
                "articles": len(articles),
                "found": f,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--runs", type=int, default=5, help="runs per reader; the median is reported (default 5)")
    ap.add_argument("--peer-kb", type=float, default=200.0, help="slice read by quantulum3, in KB (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    articles = make_corpus(args.size_mb, args.seed)
    size = sum(len(a.encode("utf-8")) for a in articles)
    print(f"corpus: {len(articles)} articles, {size / 1e6:.2f} MB (seed {args.seed})")

    t0 = time.perf_counter()
    from factcheck.extract.quantities import extract_quantities, load_lexicon

    lex = load_lexicon()
    extract_quantities("", lex)  # the reader compiles the lexicon's patterns on first use
    print(f"factcheck: import + lexicon build (pint included) {1000 * (time.perf_counter() - t0):.0f} ms, once")

    readers: list[Reader] = [
        ("factcheck", lambda a: len(extract_quantities(a, lex)), articles, args.runs),
        ("re (near-limit)", re_pass, articles, args.runs),
    ]
    try:
        from quantulum3 import parser as q3  # type: ignore[import-not-found]
    except ImportError:
        print("quantulum3: not importable here; skipped (pip install -r benchmarks/requirements.txt)")
    else:
        peer_slice, n = [], 0
        for a in articles:
            if n >= args.peer_kb * 1000:
                break
            peer_slice.append(a)
            n += len(a.encode("utf-8"))
        q3.parse(articles[0][:200])  # warm-up: quantulum3 loads its data on first use
        readers.append(("quantulum3", lambda a: len(q3.parse(a)), peer_slice, max(1, min(args.runs, 3))))
    # Warm-up: one pass compiles the patterns, so that the timed runs measure the steady state of a long run.
    for a in articles:
        extract_quantities(a, lex)
    rows = measure(readers)

    print(f"\n{'reader':18} {'MB':>6} {'MB/s':>9} {'ms/article':>11} {'found':>8}")
    for r in rows:
        print(f"{r['name']:18} {r['mb']:6.2f} {r['mb_s']:9.3f} {r['ms_article']:11.3f} {int(r['found']):8d}")
    fc, rp = rows[0], rows[1]
    print(f"\nfactcheck / re pass: {fc['mb_s'] / rp['mb_s']:.2f}x the throughput of the near-limit")
    if len(rows) > 2:
        print(f"factcheck / quantulum3: {fc['mb_s'] / rows[2]['mb_s']:.0f}x the throughput of the peer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
