"""The quantity reader on real news sentences: value P/R/F1, value+unit F1, by kind, and the misses.

    python benchmarks/bench_realworld_quantities.py [--misses N] [--json] [--file PATH]

Reads `benchmarks/realworld_quantities.yaml` (rewrites of sentences from published articles, annotated by hand;
its header says how). Each expected item is matched to one reader output whose span overlaps the item's surface
in the sentence. The value is right when the reader's stated number is the annotated number, or its value in
the base unit is the annotated number converted (relative tolerance 1e-3, for unit factors); a range needs both
bounds; a date the same year, month, day and quarter. Value and unit: the unit family agrees too (the same
currency code, or the same family: length, speed, ...). Every reader output matched to no expected item is a
false positive; those in sentences with no annotation are also counted as traps that fired. Relative dates
("last year") are left out on both sides: without the article's date they have no value to compare.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "realworld_quantities.yaml"
PEER_CONFIG = HERE / "peer_suites.yaml"
REL_TOL = 1e-3
# Unit families -> the kind a result is reported under.
KINDS = {
    "currency": "money",
    "percent": "percent",
    "percentage_point": "percent",
    "count": "count",
    "number": "count",
    "duration": "duration",
    "date": "date",
    "magnitude": "other",
    "multiple": "other",
    "fraction": "other",
}
_DATE = re.compile(r"^(?P<y>\d{4})?(?:-Q(?P<q>\d))?(?:-{1,2}(?P<m>\d\d))?(?:-(?P<d>\d\d))?$")


@dataclass
class Unit:
    family: str
    codes: tuple[str, ...] = ()
    factor: float = 1.0
    offset: float = 0.0


@dataclass
class Item:
    surface: str
    number: Any  # float, [low, high] or a date string
    unit: Unit
    start: int
    end: int

    @property
    def kind(self) -> str:
        return KINDS.get(self.unit.family, "measure")


@dataclass
class Tally:
    gold: int = 0
    got: int = 0
    right: int = 0
    right_unit: int = 0

    def prf(self, unit: bool = False) -> tuple[float, float, float]:
        ok = self.right_unit if unit else self.right
        p = ok / self.got if self.got else 1.0
        r = ok / self.gold if self.gold else 1.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    total: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    traps: int = 0
    trap_fired: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def _base(x: float, u: Unit) -> float:
    return x * u.factor + u.offset


def value_agrees(item: Item, q: Any) -> bool:
    if item.unit.family == "date":
        if q.date is None:
            return False
        return any(_date_agrees(part, q.date) for part in str(item.number).split("/"))
    if isinstance(item.number, list):
        lo, hi = (_base(float(x), item.unit) for x in item.number)
        return _close(q.low, lo) and _close(q.high, hi)
    x = float(item.number)
    if q.stated_value is not None and math.isclose(q.stated_value, x, rel_tol=1e-6):
        return True
    return _close(q.value, _base(x, item.unit))


def _date_agrees(text: str, d: Any) -> bool:
    m = _DATE.match(text)
    if m is None:
        raise ValueError(f"bad date annotation {text!r}")

    def num(k: str) -> int | None:
        return int(m.group(k)) if m.group(k) else None

    return (d.year, d.month, d.day, d.quarter) == (num("y"), num("m"), num("d"), num("q"))


def unit_agrees(item: Item, q: Any, families: dict[str, str]) -> bool:
    fam = item.unit.family
    got = families.get(q.dimension, q.dimension)
    if fam == "number":
        return True
    if fam == "currency":
        return got == "currency" and q.unit in item.unit.codes
    return got == fam


def load(path: Path) -> tuple[dict[str, Unit], list[tuple[str, list[Item]]]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    units: dict[str, Unit] = {}
    for name, spec in raw["units"].items():
        code = spec.get("code", ())
        codes = tuple(code) if isinstance(code, list) else ((code,) if code else ())
        units[name] = Unit(spec["family"], codes, float(spec.get("factor", 1.0)), float(spec.get("offset", 0.0)))
    sentences: list[tuple[str, list[Item]]] = []
    for row in raw["sentences"]:
        text: str = row["t"]
        items: list[Item] = []
        after = 0
        for surface, number, unit in row.get("q") or []:
            at = text.find(surface, after)
            if at < 0:
                at = text.find(surface)
            if at < 0 or unit not in units:
                raise ValueError(f"{surface!r} ({unit}) not usable in {text!r}")
            items.append(Item(surface, number, units[unit], at, at + len(surface)))
            after = at + 1
        sentences.append((text, items))
    return units, sentences


def _show(q: Any) -> str:
    if q.date is not None:
        return f"{q.text!r} date {q.date.year}-{q.date.month}-{q.date.day} q{q.date.quarter}"
    if q.low is not None and q.high is not None and q.low != q.high:
        return f"{q.text!r} {q.low:g}..{q.high:g} {q.unit}"
    return f"{q.text!r} {q.value} {q.unit} (stated {q.stated_value})"


def score(path: Path = DATA) -> Result:
    from factcheck.extract.quantities import extract_quantities, load_lexicon

    families: dict[str, str] = yaml.safe_load(PEER_CONFIG.read_text(encoding="utf-8"))["reader_families"]
    lex = load_lexicon()
    _, sentences = load(path)
    res = Result()
    for text, items in sentences:
        got = [q for q in extract_quantities(text, lex) if q.date is None or q.date.relative is None]
        used: set[int] = set()
        if not items:
            res.traps += 1
            res.trap_fired += bool(got)
        for it in items:
            k = res.kinds[it.kind]
            res.total.gold += 1
            k.gold += 1
            over = [i for i, q in enumerate(got) if i not in used and q.start < it.end and it.start < q.end]
            right = [i for i in over if value_agrees(it, got[i])]
            pick = right[0] if right else (over[0] if over else None)
            ok = ok_unit = False
            if pick is not None:
                used.add(pick)
                ok = bool(right)
                ok_unit = ok and unit_agrees(it, got[pick], families)
            res.total.right += ok
            k.right += ok
            res.total.right_unit += ok_unit
            k.right_unit += ok_unit
            if not ok_unit:
                seen = _show(got[pick]) if pick is not None else "nothing"
                tag = "unit" if ok else "miss"
                res.misses.append(f"[{tag}] {it.surface!r} = {it.number} {it.unit.family}; reader: {seen}\n    {text}")
        for i, q in enumerate(got):
            near = next((it for it in items if q.start < it.end and it.start < q.end), None)
            kind = near.kind if near is not None else KINDS.get(families.get(q.dimension, q.dimension), "measure")
            res.total.got += 1
            res.kinds[kind].got += 1
            if i not in used:
                res.false_positives.append(f"{_show(q)}\n    {text}")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, default=DATA)
    ap.add_argument("--misses", type=int, default=200, help="misses and false positives shown (default 200)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = score(args.file)
    p, r, f = res.total.prf()
    _, _, fu = res.total.prf(unit=True)
    if args.json:
        out = {"P": p, "R": r, "F1": f, "F1_unit": fu, "items": res.total.gold, "outputs": res.total.got}
        out["traps"] = {"sentences": res.traps, "fired": res.trap_fired}
        out["kinds"] = {k: dict(zip(("P", "R", "F1"), t.prf(), strict=True)) for k, t in sorted(res.kinds.items())}
        print(json.dumps(out, indent=2))
        return 0
    n_sent = len(load(args.file)[1])
    print(f"# Quantity reader on real news sentences ({n_sent} sentences, {res.total.gold} quantities)\n")
    print("| kind | items | outputs | P | R | F1 | F1 v+u |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = [*sorted(res.kinds.items()), ("**all**", res.total)]
    for name, t in rows:
        kp, kr, kf = t.prf()
        print(f"| {name} | {t.gold} | {t.got} | {kp:.1f} | {kr:.1f} | {kf:.1f} | {t.prf(unit=True)[2]:.1f} |")
    print(f"\nTraps (sentences with nothing to read): {res.trap_fired} of {res.traps} fired.")
    counts = Counter(m.split("]")[0][1:] for m in res.misses)
    print(f"\n## Misses ({counts['miss']} wrong or not read, {counts['unit']} right value, wrong unit)\n")
    for m in res.misses[: args.misses]:
        print(f"- {m}")
    print(f"\n## False positives ({len(res.false_positives)})\n")
    for m in res.false_positives[: args.misses]:
        print(f"- {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
