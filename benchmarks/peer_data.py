"""The peer quantity suites (`cases.jsonl` under ../shared/peer-suites) as the benchmark reads them.

`load_config` reads benchmarks/peer_suites.yaml (unit names -> family and factor into the reader's base units);
`load_suite` turns a suite's cases into `Case`s of `Gold` items; `to_got` turns the reader's `Quantity` into a
`Got`. Nothing here scores: see peer_scoring.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.peer_dates import DateValue, gold_date, reader_date

HERE = Path(__file__).resolve().parent
CONFIG_FILE = HERE / "peer_suites.yaml"


@dataclass(frozen=True)
class UnitSpec:
    """A suite's unit: its family and how a value in it converts into the reader's base unit."""

    family: str
    factors: tuple[float, ...] = (1.0,)  # several when the unit name is ambiguous (US or metric ton)
    offset: float = 0.0
    codes: frozenset[str] | None = None  # currencies that agree; None: any currency
    category: str | None = None  # out-of-scope category of the unit, if any


@dataclass(frozen=True)
class Relevance:
    """Which unmatched reader outputs a suite can call false positives."""

    families: frozenset[str] | None  # None: every family (but `excluded`)
    hedged_only: bool = False
    excluded: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Config:
    reader_families: Mapping[str, str]
    kind_families: Mapping[str, str]
    relevant: Mapping[str, Relevance]
    units: Mapping[str, UnitSpec]
    measure_units: Mapping[str, str]
    relative_dates: Mapping[str, Mapping[str, Any]]
    ago_numbers: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Gold:
    """One expected quantity; values as the suite writes them (in its unit), converted when compared."""

    kind: str
    surface: str | None
    span: tuple[int, int] | None  # character offsets [start, end) in the case text, when known
    value: float | None = None
    low: float | None = None
    high: float | None = None
    bounded: bool = False  # given as bounds (low and/or high) rather than one value
    unit: str | None = None  # the suite's unit name
    spec: UnitSpec = field(default_factory=lambda: UnitSpec("number"))
    date: DateValue | None = None
    unit_only: bool = False  # a unit named without a number


@dataclass(frozen=True)
class Case:
    suite: str
    id: str
    text: str
    kind: str
    scope: str
    upstream: str  # "file:list"
    golds: tuple[Gold, ...]
    reference: date | None = None
    crash_only: bool = False  # the suite expects only that reading does not fail

    @property
    def negative(self) -> bool:
        return not self.golds and not self.crash_only


@dataclass(frozen=True)
class Got:
    """One reader output, in the reader's base units."""

    start: int
    end: int
    text: str
    family: str
    code: str | None  # currency code when family == "currency"
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    date: DateValue | None = None

    def describe(self) -> str:
        if self.date is not None:
            return f"{self.text!r} date {self.date}"
        unit = self.code if self.family == "currency" else self.family
        if self.low is not None and self.high is not None and self.low != self.high:
            amount = f"{_num(self.low)}..{_num(self.high)}"
        elif self.low is not None and self.high is None and self.qualifier != "exact":
            amount = f">={_num(self.low)}"
        else:
            amount = _num(self.value)
        return f"{self.text!r} {amount} {unit}"


def _num(x: float | None) -> str:
    return "?" if x is None else f"{x:.6g}"


def _factors(raw: Any) -> tuple[float, ...]:
    if raw is None:
        return (1.0,)
    return tuple(float(x) for x in raw) if isinstance(raw, list) else (float(raw),)


def load_config(path: Path = CONFIG_FILE) -> Config:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    units = {}
    for name, spec in data["units"].items():
        codes = spec.get("codes")
        units[str(name)] = UnitSpec(
            family=spec["family"],
            factors=_factors(spec.get("factor")),
            offset=float(spec.get("offset", 0.0)),
            codes=None if codes in (None, "any") else frozenset(codes),
            category=spec.get("category"),
        )
    relevant = {}
    for scope, spec in data["relevant"].items():
        fams = spec["families"]
        relevant[scope] = Relevance(
            None if fams == "all" else frozenset(fams),
            bool(spec.get("hedged_only")),
            frozenset(spec.get("except", [])),
        )
    return Config(
        reader_families=data["reader_families"],
        kind_families=data["kind_families"],
        relevant=relevant,
        units=units,
        measure_units=data.get("measure_units", {}),
        relative_dates=data.get("relative_dates", {}),
        ago_numbers=data.get("ago_numbers", {}),
    )


_CODE = re.compile(r"[a-z]{3}")


def unit_spec(config: Config, kind: str, unit: str | None, iso: str | None) -> UnitSpec:
    """The family and conversion of a suite's unit; an unknown unit gets family "unmapped:<name>"."""
    if iso:
        base = config.units.get((unit or "").lower())
        factors = base.factors if base is not None and base.family == "currency" else (1.0,)
        return UnitSpec("currency", factors=factors, codes=frozenset({iso.upper()}))
    if unit is None:
        return UnitSpec(config.kind_families.get(kind, kind))
    name = unit.lower()
    if kind != "money":
        name = config.measure_units.get(name, name)
    spec = config.units.get(name)
    if spec is not None:
        return spec
    if kind == "money" and _CODE.fullmatch(name):
        return UnitSpec("currency", codes=frozenset({name.upper()}))
    return UnitSpec(f"unmapped:{name}")


def _float(x: Any) -> float | None:
    return None if x is None or isinstance(x, str) else float(x)


def _span(text: str, surface: str | None, start: Any, end: Any, after: int) -> tuple[int, int] | None:
    """The item's span: the suite's offsets (Recognizers-Text: end inclusive) if they hold its surface, else the
    surface found in the text (from `after`, then anywhere), else unknown."""
    if not surface:
        return None
    low, needle = text.lower(), surface.lower()
    if isinstance(start, int) and isinstance(end, int):
        for stop in (end + 1, end):
            if low[start:stop] == needle:
                return start, stop
    at = _find(low, needle, after)
    return (at, at + len(needle)) if at >= 0 else None


def _find(text: str, needle: str, after: int) -> int:
    """Where `needle` stands in `text`: preferably as a whole token ("2" not inside "2013") and after the previous
    item; -1 when absent."""
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]

    def whole(i: int) -> bool:
        before = text[i - 1] if i else " "
        nxt = text[i + len(needle)] if i + len(needle) < len(text) else " "
        return not (needle[0].isalnum() and before.isalnum()) and not (needle[-1].isalnum() and nxt.isalnum())

    for pool in ([i for i in hits if i >= after and whole(i)], [i for i in hits if whole(i)], hits):
        if pool:
            return pool[0]
    return -1


def _gold(config: Config, item: Mapping[str, Any], text: str, after: int) -> Gold:
    kind = str(item["kind"])
    surface = item.get("surface")
    span = _span(text, surface, item.get("start"), item.get("end"), after)
    timex = None
    if kind == "date" and item.get("resolutions"):
        timex = item["resolutions"][0].get("timex")
    low, high = _float(item.get("low")), _float(item.get("high"))
    bounded = bool(item.get("is_range_or_tolerance")) or ("value" not in item or item.get("value") is None)
    bounded = bounded and (low is not None or high is not None)
    unit = item.get("unit")
    if kind == "ordinal":
        unit = None
    return Gold(
        kind=kind,
        surface=surface,
        span=span,
        value=_float(item.get("value")),
        low=low,
        high=high,
        bounded=bounded,
        unit=unit,
        spec=unit_spec(config, kind, unit, item.get("currency_iso")),
        date=gold_date(timex) if timex else None,
        unit_only=bool(item.get("unit_only")),
    )


def _upstream(raw: Mapping[str, Any]) -> str:
    return f"{raw.get('file', '')}:{raw.get('list', '')}"


def parse_case(config: Config, suite: str, row: Mapping[str, Any]) -> Case:
    text = str(row["text"])
    golds: list[Gold] = []
    after = 0
    for item in row.get("expected") or []:
        gold = _gold(config, item, text, after)
        if gold.span is not None:
            after = gold.span[1]
        golds.append(gold)
    ref = row.get("reference_datetime")
    return Case(
        suite=suite,
        id=str(row["id"]),
        text=text,
        kind=str(row.get("kind", "")),
        scope=str(row.get("scope", "")),
        upstream=_upstream(row.get("upstream") or {}),
        golds=tuple(golds),
        reference=date.fromisoformat(ref[:10]) if ref else None,
        crash_only=row.get("expected") is None,
    )


def load_suite(config: Config, folder: Path) -> list[Case]:
    lines = (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [parse_case(config, folder.name, json.loads(line)) for line in lines if line.strip()]


def suite_names(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "cases.jsonl").is_file())


def to_got(config: Config, q: Any, ref: date | None) -> Got:
    """A reader `Quantity` as a `Got`; a year-only date also carries the year as its value.

    The reader reads a sign written before an amount or a percentage as a change ("-0.8%": value 0.8, change
    "down", stated_value -0.8), so that "-0.8%" and "fell 0.8%" state one move; the suites write the signed
    number (-0.8): where the text wrote the sign (stated_value below zero), the signed value is compared."""
    family = config.reader_families.get(q.dimension, q.dimension)
    when = None
    value, low, high = q.value, q.low, q.high
    stated = getattr(q, "stated_value", None)
    if getattr(q, "change", None) == "down" and stated is not None and stated < 0 and value is not None and value > 0:
        value = -value
        low, high = (None if high is None else -high), (None if low is None else -low)
    if q.date is not None:
        parts = q.date.model_dump()
        when = reader_date(parts, ref, config.relative_dates, config.ago_numbers)
        if value is None and parts.get("year") and not parts.get("month") and not parts.get("relative"):
            value = float(parts["year"])
    return Got(
        start=q.start,
        end=q.end,
        text=q.text,
        family=family,
        code=q.unit if family == "currency" else None,
        value=value,
        low=low,
        high=high,
        qualifier=q.qualifier,
        date=when,
    )


def unmapped_units(cases: Iterable[Case]) -> list[str]:
    return sorted({g.spec.family for c in cases for g in c.golds if g.spec.family.startswith("unmapped:")})
