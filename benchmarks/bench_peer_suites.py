"""Score the quantity reader on three public projects' quantity test suites (quantulum3, Recognizers-Text, Duckling).

    python benchmarks/bench_peer_suites.py [--suite NAME] [--misses N] [--json] [--suites DIR]

The suites are read from ../shared/peer-suites relative to the repository root (see its README.md), one folder
with a `cases.jsonl` per suite. For each suite the script prints:

- precision, recall and F1 of the values alone and of value and unit family together, per suite and per kind
  (over every item; and over the items in scope);
- in-scope accuracy: the cases in scope whose every in-scope item is right and that have no false positive;
- the out-of-scope categories with their counts and reasons (benchmarks/peer_scope.yaml);
- the in-scope misses (up to --misses per suite): the text, what was expected, what the reader gave;
- a Markdown table per suite and kind.

Unit names, families and factors are data (benchmarks/peer_suites.yaml), as are the scope rules. Output is
deterministic. `--json` prints one JSON document instead. Matching and scoring: benchmarks/peer_scoring.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.peer_data import Case, Config, Gold, Got, load_config, load_suite, suite_names, to_got, unmapped_units
from benchmarks.peer_scope import Scope
from benchmarks.peer_scoring import CaseResult, Counts, Tally, match, tally

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SUITES = ROOT.parent / "shared" / "peer-suites"


def run_case(case: Case, config: Config, scope: Scope, read: Callable[[str], Iterable[Any]]) -> CaseResult:
    """Read one case with `read` (text -> the reader's Quantity records) and score it."""
    error = None
    gots: list[Got] = []
    try:
        gots = [to_got(config, q, case.reference) for q in read(case.text)]
    except Exception as exc:  # a crash is a result, not the end of the run
        error = f"{type(exc).__name__}: {exc}"
    rel = config.relevant.get(case.scope) or config.relevant["all-quantities"]
    items, fps = match(case, gots, rel)
    for item in items:
        item.category = scope.item(case, item.gold)
    category = scope.case_category(case, [i.category for i in items])
    return CaseResult(case, items, fps, category, error)


def run_suite(cases: Sequence[Case], config: Config, scope: Scope) -> list[CaseResult]:
    from factcheck.extract.quantities import extract_quantities, load_lexicon

    lexicon = load_lexicon()
    return [run_case(c, config, scope, lambda text: extract_quantities(text, lexicon)) for c in cases]


# ---- reporting ----


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def _g(x: float | None, missing: str = "") -> str:
    return missing if x is None else f"{x:g}"


def describe_gold(g: Gold) -> str:
    if g.date is not None:
        what = str(g.date)
    elif g.bounded:
        what = f"{_g(g.low)}..{_g(g.high)}"
    else:
        what = _g(g.value, "?")
    unit = next(iter(g.spec.codes)) if g.spec.codes and len(g.spec.codes) == 1 else g.unit or g.spec.family
    surface = f" {g.surface!r}" if g.surface else ""
    return f"{g.kind}{surface} {what} {unit}"


def categories(results: Sequence[CaseResult]) -> dict[str, dict[str, int]]:
    """Out-of-scope categories: cases out of scope by category, and items by category."""
    cases = Counter(r.category for r in results if r.category is not None)
    items = Counter(i.category for r in results for i in r.items if i.category is not None)
    names = sorted(set(cases) | set(items))
    return {n: {"cases": cases.get(n, 0), "items": items.get(n, 0)} for n in names}


def misses(results: Sequence[CaseResult], limit: int) -> list[dict[str, Any]]:
    out = []
    for r in results:
        if not r.in_scope or r.right:
            continue
        wrong = [i for i in r.items if i.category is None and not i.right]
        out.append(
            {
                "id": r.case.id,
                "text": r.case.text,
                "expected": [describe_gold(i.gold) for i in wrong] or ["nothing"],
                "reader": [[g.describe() for g in i.got] for i in wrong],
                "false_positives": [g.describe() for g in r.false_positives],
                "error": r.error,
            }
        )
    return out[:limit]


def _prf_cells(c: Counts) -> list[str]:
    p, r, f = c.value_prf()
    pu, ru, fu = c.full_prf()
    return [_pct(p), _pct(r), _pct(f), _pct(pu), _pct(ru), _pct(fu)]


def table_rows(total: Tally, kinds: dict[str, Tally]) -> list[list[str]]:
    rows = []
    for name, t in [*kinds.items(), ("all", total)]:
        counts = [str(t.cases), str(t.counts.gold)]
        rows.append([name, *counts, *_prf_cells(t.counts), str(t.in_scope), str(t.right), _pct(t.accuracy)])
    return rows


HEADER = ["kind", "cases", "items", "P", "R", "F1", "P v+u", "R v+u", "F1 v+u", "in scope", "right", "acc."]


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A Markdown table; `align` has one letter a column, "l" or "r" (default: first left, the rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def suite_report(name: str, results: Sequence[CaseResult], limit: int) -> dict[str, Any]:
    total, kinds = tally(results)
    return {
        "suite": name,
        "total": total,
        "kinds": kinds,
        "categories": categories(results),
        "misses": misses(results, limit),
        "missed_cases": sum(r.in_scope and not r.right for r in results),
        "errors": [f"{r.case.id}: {r.error}" for r in results if r.error],
    }


def _summary_row(rep: dict[str, Any]) -> list[str]:
    t: Tally = rep["total"]
    p, r, f = t.counts.value_prf()
    f_unit, f_scoped, f_scoped_unit = t.counts.full_prf()[2], t.scoped.value_prf()[2], t.scoped.full_prf()[2]
    cells = [_pct(p), _pct(r), _pct(f), _pct(f_unit), _pct(f_scoped), _pct(f_scoped_unit)]
    return [rep["suite"], str(t.cases), *cells, str(t.in_scope), str(t.right), _pct(t.accuracy)]


SUMMARY = [
    "suite",
    "cases",
    "P",
    "R",
    "F1",
    "F1 v+u",
    "F1 (in scope)",
    "F1 v+u (in scope)",
    "in scope",
    "right",
    "in-scope acc.",
]


def print_text(reports: Sequence[dict[str, Any]], scope: Scope, unmapped: Sequence[str]) -> None:
    print("# Quantity reader on the peer suites\n")
    print("P/R/F1: values only; 'v+u': value and unit family. Items by their kind; cases and false positives by")
    print("the case's kind. In-scope accuracy: cases in scope whose in-scope items are all right, with no false")
    print("positive.\n")
    print(markdown(SUMMARY, [_summary_row(r) for r in reports]))
    for rep in reports:
        print(f"\n## {rep['suite']}\n")
        print(markdown(HEADER, table_rows(rep["total"], rep["kinds"])))
        print("\nOut of scope:\n")
        rows = [[n, str(c["cases"]), str(c["items"]), scope.reasons.get(n, "")] for n, c in rep["categories"].items()]
        print(markdown(["category", "cases", "items", "reason"], rows, "lrrl"))
        for err in rep["errors"]:
            print(f"\nERROR {err}")
        shown = rep["misses"]
        print(f"\nIn-scope misses: {rep['missed_cases']} (showing {len(shown)})\n")
        for m in shown:
            print(f"- {m['id']}: {m['text'][:200]!r}")
            for exp, got in zip(m["expected"], m["reader"] or [[]] * len(m["expected"]), strict=False):
                print(f"    expected {exp}; reader: {', '.join(got) if got else 'nothing'}")
            if m["false_positives"]:
                print(f"    false positives: {', '.join(m['false_positives'])}")
    if unmapped:
        print(f"\nUnmapped unit names (add them to benchmarks/peer_suites.yaml): {', '.join(unmapped)}")


def _prf_json(prf: tuple[float | None, float | None, float | None]) -> dict[str, float | None]:
    return {k: None if x is None else round(x, 4) for k, x in zip(("precision", "recall", "f1"), prf, strict=True)}


def _tally_json(t: Tally) -> dict[str, Any]:
    return {
        "cases": t.cases,
        "items": t.counts.gold,
        "in_scope": t.in_scope,
        "right": t.right,
        "in_scope_accuracy": None if t.accuracy is None else round(t.accuracy, 4),
        "value": _prf_json(t.counts.value_prf()),
        "value_unit": _prf_json(t.counts.full_prf()),
        "in_scope_value": _prf_json(t.scoped.value_prf()),
        "in_scope_value_unit": _prf_json(t.scoped.full_prf()),
    }


def as_json(reports: Sequence[dict[str, Any]], scope: Scope, unmapped: Sequence[str]) -> dict[str, Any]:
    return {
        "suites": {
            rep["suite"]: {
                "total": _tally_json(rep["total"]),
                "kinds": {k: _tally_json(t) for k, t in rep["kinds"].items()},
                "out_of_scope": rep["categories"],
                "missed_cases": rep["missed_cases"],
                "misses": rep["misses"],
                "errors": rep["errors"],
            }
            for rep in reports
        },
        "reasons": scope.reasons,
        "unmapped_units": list(unmapped),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suites", type=Path, default=DEFAULT_SUITES, help="folder of the suites (default: %(default)s)")
    ap.add_argument("--suite", action="append", help="only this suite (repeatable)")
    ap.add_argument("--misses", type=int, default=30, help="misses shown per suite (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = ap.parse_args(argv)
    if not args.suites.is_dir():
        ap.error(f"no suites folder {args.suites}")
    names = suite_names(args.suites)
    unknown = sorted(set(args.suite or []) - set(names))
    if unknown:
        ap.error(f"unknown suite(s) {', '.join(unknown)}; have {', '.join(names)}")
    config, scope = load_config(), Scope()
    reports, all_cases = [], []
    for name in sorted(set(args.suite)) if args.suite else names:
        cases = load_suite(config, args.suites / name)
        all_cases += cases
        reports.append(suite_report(name, run_suite(cases, config, scope), max(0, args.misses)))
    unmapped = unmapped_units(all_cases)
    if args.json:
        print(json.dumps(as_json(reports, scope, unmapped), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print_text(reports, scope, unmapped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
