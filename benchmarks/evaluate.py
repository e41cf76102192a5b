"""How factcheck does on real reporting: `python benchmarks/evaluate.py tests/realworld [--event NAME]
[--mutations] [--json]`.

For each event folder (one with a `gold.yaml`, see tests/realworld/README.md) factcheck is run in this process
and its report is held against the gold annotations:

- recall: the gold findings raised. A finding raises one when its rule is the same (superlative and exclusivity
  are one family) and it involves a claim of at least two of the sources in `between` (each source's value of
  `fact`, or the `says` text of `source`; any claim of the source when neither is given), or, for the
  superlative family, a claim of `source` at its `says` text;
- loud false alarms: error and warning findings that match no gold or optional finding (`hedge_mismatch` apart);
- traps fired: traps matched by a finding of any severity (a trap's `says` texts are its sides: two must be
  among the claims the finding sets against each other, or one for a superlative; a claim a finding lists only
  as backing a side, in `related`, does not fire a trap);
- agreements aligned: for each `agree: true` fact, the sources whose claim sits in the report fact that holds
  most of them (none when that fact holds only one), over the sources that state it;
- with --mutations: each source's figure of each agreed fact in turn is scaled by 1.5 (a year moved by one) in a
  copy of the event, and the mutation is caught when a numeric_disagreement, date_disagreement or conversion
  finding (the sentence's own currency or unit pair no longer holds) involves it.

A claim is at a gold `says` when it is on that line of the file and its text overlaps the figure of `says` (its
leading number); failing that, when its text overlaps `says` and holds no digit (a date or superlative phrase);
a claim that the report gives no column for is at `says` when its sentence contains it. The output is
deterministic; the exit status is 0 (2 for a folder that does not exist).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks.realworld_gold import SUPERLATIVE_RULES, Entry, Gold, Location, family, mutated_line, read_gold
from benchmarks.realworld_output import markdown, totals
from factcheck.pipeline import run
from factcheck.report.jsonout import report_dict
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

LOUD = ("error", "warning")
# a changed figure is caught by a disagreement with other sources, or by its own sentence's conversion ("133 km
# (approximately 55 miles)", "€333m ($262m)"), which no longer holds
CATCHING = frozenset({"numeric_disagreement", "date_disagreement", "conversion_mismatch", "unit_conversion_mismatch"})


class Analysed:
    """One factcheck report in its JSON shape, indexed by source (file stem) and line."""

    def __init__(self, data: dict[str, Any]) -> None:
        stems = {d["id"]: Path(d["path"]).stem for d in data["documents"]}
        self.data = data
        self.claims: dict[str, dict[str, Any]] = {c["id"]: c for c in data["claims"]}
        self.source = {cid: stems.get(c["document"], c["document"]) for cid, c in self.claims.items()}
        self.stems = stems
        self.fact_of = {cid: f["id"] for f in data["facts"] for cid in f["claims"]}
        self.by_line: dict[tuple[str, int], list[str]] = {}
        self.by_source: dict[str, set[str]] = {}
        for cid, c in self.claims.items():
            self.by_line.setdefault((self.source[cid], c["line"]), []).append(cid)
            self.by_source.setdefault(self.source[cid], set()).add(cid)
        self.paths = {Path(d["path"]).stem: Path(d["path"]) for d in data["documents"]}
        self._at: dict[Location, frozenset[str]] = {}
        self._lines: dict[str, list[str]] = {}

    def says(self, loc: Location) -> str:
        """The `says` text at a location, read back from the article the report read."""
        if loc.source not in self._lines:
            path = self.paths.get(loc.source)
            text = path.read_text(encoding="utf-8", errors="replace") if path else ""
            self._lines[loc.source] = text.splitlines()
        lines = self._lines[loc.source]
        return lines[loc.line - 1][loc.start : loc.end] if 0 < loc.line <= len(lines) else ""

    def at(self, loc: Location) -> frozenset[str]:
        """The claims at a gold location, the best kind of match found (see the module's doc)."""
        if loc in self._at:
            return self._at[loc]
        if not loc.line:
            found = frozenset(self.by_source.get(loc.source, ()))
        else:
            found = frozenset()
            cands = [self.claims[cid] for cid in self.by_line.get((loc.source, loc.line), [])]
            says = self.says(loc)
            tests = (
                lambda c: loc.figure and _overlaps(c, loc.fig_start, loc.fig_end),
                lambda c: _overlaps(c, loc.start, loc.end) and not (loc.figure and _digits(c)),
                lambda c: c.get("column") is None and says in (c.get("quote") or says),
            )
            for test in tests:
                found = frozenset(c["id"] for c in cands if test(c))
                if found:
                    break
        self._at[loc] = found
        return found

    def involves(self, finding: dict[str, Any], loc: Location, accused: bool = False) -> bool:
        """Whether the finding's claims (for the superlative family, or `accused` only; else also its related
        claims and evidence) are at the location."""
        ids = set(finding["claims"])
        superlative = family(finding["rule"]) in SUPERLATIVE_RULES or accused
        if not superlative:
            ids.update(finding.get("related") or [])
        if ids & self.at(loc):
            return True
        if superlative:
            return False
        for e in finding.get("evidence") or []:
            if self.stems.get(e["document"], e["document"]) != loc.source:
                continue
            if not loc.line or (e["line"] == loc.line and self.says(loc) in (e.get("quote") or "")):
                return True
        return False

    def matches(self, finding: dict[str, Any], entry: Entry, any_rule: bool = False, accused: bool = False) -> bool:
        if not any_rule and family(finding["rule"]) != family(entry.rule):
            return False
        hit = sum(1 for side in entry.sides if any(self.involves(finding, loc, accused) for loc in side))
        return bool(entry.sides) and hit >= entry.needed


def _digits(claim: dict[str, Any]) -> bool:
    return any(ch.isdigit() for ch in claim.get("text") or "")


def _overlaps(claim: dict[str, Any], start: int, end: int) -> bool:
    if claim.get("column") is None:
        return False
    c0 = claim["column"] - 1
    c1 = c0 + max(len(claim.get("text") or ""), 1)
    return c0 < end and start < c1


def analyse(folder: Path, ruleset: RuleSet) -> Analysed:
    result = run([str(folder)], ruleset)
    return Analysed(report_dict(result.report))


# -- one event -----------------------------------------------------------------------------------------------


def _where(report: Analysed, cid: str) -> str:
    c = report.claims[cid]
    return f"{report.source[cid]}:{c['line']}"


def _alarm(report: Analysed, finding: dict[str, Any], gold: Gold) -> dict[str, Any]:
    claims = [cid for cid in finding["claims"] if cid in report.claims]
    first = report.claims[claims[0]] if claims else {}
    traps = [t.label for t in gold.traps if report.matches(finding, t, accused=True)]
    return {
        "event": gold.event,
        "rule": finding["rule"],
        "severity": finding["severity"],
        "claims": [{"where": _where(report, cid), "text": report.claims[cid]["text"]} for cid in claims],
        "quote": first.get("quote") or "",
        "trap": traps[0] if traps else None,
    }


def _aligned(report: Analysed, gold: Gold) -> tuple[int, int, list[dict[str, Any]]]:
    stated = aligned = 0
    details = []
    for fact in gold.facts:
        if not fact.agree or len(fact.values) < 2:
            continue
        per_fact: Counter[str] = Counter()
        for v in fact.values:
            facts = {report.fact_of[cid] for loc in v.locations for cid in report.at(loc) if cid in report.fact_of}
            per_fact.update(facts)
        best = max(per_fact.values(), default=0)
        best = best if best >= 2 else 0  # a report fact that holds one source's claim aligns nothing
        stated += len(fact.values)
        aligned += best
        details.append({"fact": fact.id, "stated": len(fact.values), "aligned": best})
    return stated, aligned, details


def _mutations(gold: Gold, ruleset: RuleSet) -> tuple[int, int, int, list[str]]:
    """(tried, caught, skipped, what was not caught)."""
    tried = caught = skipped = 0
    missed = []
    for fact in gold.facts:
        if not fact.agree or len(fact.values) < 2:
            continue
        for v in fact.values:
            loc = min(v.locations, key=lambda x: x.line, default=None)
            if loc is None or not loc.figure:  # not found, or no figure to change ("on Monday")
                skipped += 1
                continue
            tried += 1
            ok, change = _mutate_and_check(gold, loc, ruleset)
            caught += ok
            if not ok:
                missed.append(f"{gold.event}: {fact.id} {v.source}:{loc.line} {change}")
    return tried, caught, skipped, missed


def _mutate_and_check(gold: Gold, loc: Location, ruleset: RuleSet) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory(prefix="fc-mut-") as tmp:
        folder = Path(tmp) / gold.folder.name
        folder.mkdir()
        for path in gold.files.values():
            shutil.copyfile(path, folder / path.name)
        target = folder / gold.files[loc.source].name
        lines = target.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        old = lines[loc.line - 1]  # the line ending follows the figure: the spans stand
        lines[loc.line - 1], moved = mutated_line(old, loc)
        change = f"{old[loc.fig_start : loc.fig_end]} -> {lines[loc.line - 1][moved.fig_start : moved.fig_end]}"
        target.write_text("".join(lines), encoding="utf-8")
        report = analyse(folder, ruleset)
        found = any(f["rule"] in CATCHING and report.involves(f, moved) for f in report.data["findings"])
    return found, change


def evaluate_event(gold: Gold, ruleset: RuleSet, mutations: bool = False) -> dict[str, Any]:
    report = analyse(gold.folder, ruleset)
    findings = report.data["findings"]
    problems = list(gold.problems)
    for e in [*gold.findings, *gold.traps, *gold.optional]:
        if e.rule not in ruleset.rules and f"unknown rule {e.rule!r}" not in problems:
            problems.append(f"unknown rule {e.rule!r}")
    raised = 0
    misses = []
    for g in gold.findings:
        if any(report.matches(f, g) for f in findings):
            raised += 1
            continue
        seen = sorted({f"{f['rule']} ({f['severity']})" for f in findings if report.matches(f, g, any_rule=True)})
        misses.append({"event": gold.event, "finding": g.label, "why": g.why, "seen_as": seen})
    alarms = [
        _alarm(report, f, gold)
        for f in findings
        if f["severity"] in LOUD and not any(report.matches(f, e) for e in [*gold.findings, *gold.optional])
    ]
    fired = [t.label for t in gold.traps if any(report.matches(f, t, accused=True) for f in findings)]
    stated, aligned, alignment = _aligned(report, gold)
    out: dict[str, Any] = {
        "event": gold.event,
        "articles": len(report.data["documents"]),
        "findings_wanted": len(gold.findings),
        "raised": raised,
        "recall": _ratio(raised, len(gold.findings)),
        "loud_false_alarms": sum(a["rule"] != "hedge_mismatch" for a in alarms),
        "hedge_false_alarms": sum(a["rule"] == "hedge_mismatch" for a in alarms),
        "traps": len(gold.traps),
        "traps_fired": len(fired),
        "agreements_stated": stated,
        "agreements_aligned": aligned,
        "mutations": None,
        "mutations_caught": None,
        "mutations_skipped": None,
        "misses": misses,
        "false_alarms": alarms,
        "fired_traps": fired,
        "alignment": alignment,
        "mutations_missed": [],
        "gold_problems": problems,
    }
    if mutations:
        tried, caught, skipped, missed = _mutations(gold, ruleset)
        out.update(mutations=tried, mutations_caught=caught, mutations_skipped=skipped, mutations_missed=missed)
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# -- all events ----------------------------------------------------------------------------------------------


def event_folders(folder: Path, event: str | None = None) -> list[Path]:
    """The event folders: `folder` itself when it has a gold.yaml, else its sub-folders that have one."""
    if (folder / "gold.yaml").is_file():
        found = [folder]
    else:
        found = sorted(p for p in folder.iterdir() if p.is_dir() and (p / "gold.yaml").is_file())
    return [p for p in found if event is None or p.name == event]


def evaluate(
    folder: str | Path, event: str | None = None, mutations: bool = False, ruleset: RuleSet | None = None
) -> dict[str, Any]:
    """Every event's figures, their totals, and the events whose gold.yaml could not be read."""
    ruleset = ruleset or load_ruleset()
    events, unreadable = [], []
    for path in event_folders(Path(folder), event):
        try:
            gold = read_gold(path)
        except (OSError, ValueError, AttributeError, TypeError, KeyError, yaml.YAMLError) as exc:
            unreadable.append(f"{path.name}: {' '.join(str(exc).split())}")
            continue
        events.append(evaluate_event(gold, ruleset, mutations))
    return {"events": events, "total": totals(events), "unreadable": unreadable}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="tests/realworld, or one event folder")
    parser.add_argument("--event", help="only this event (its folder name)")
    parser.add_argument("--mutations", action="store_true", help="also scale each agreed figure in turn")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.folder.is_dir():
        print(f"evaluate: {args.folder}: no such folder", file=sys.stderr)
        return 2
    result = evaluate(args.folder, args.event, args.mutations)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(result), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
