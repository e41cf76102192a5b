"""The gold annotations of `tests/realworld/<event>/gold.yaml`, read and pinned to lines of the articles.

A `says` text is located at every line of its source's file that contains it (and the `line` text, when given);
within that line its span and the span of its figure (the leading number, in digits or, failing that, in words)
are kept, so that a report claim can be matched to it by position. `scaled()` makes the figure of a mutation.
Nothing here runs factcheck.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import yaml

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
SUPERLATIVE_RULES = frozenset({"unsupported_superlative", "unsupported_exclusivity"})
# Two sources' numbers for one fact shown side by side: a `temporal_update` is the same finding, labelled as a
# change over time (the later source says the figure moved, or the metric grows by nature, like a toll).
NUMERIC_RULES = frozenset({"numeric_disagreement", "temporal_update"})


def family(rule: str) -> str:
    """The rule as the evaluation compares it: superlative and exclusivity are one family, and a disagreement
    and a temporal update another."""
    if rule in SUPERLATIVE_RULES:
        return "unsupported_superlative"
    return "numeric_disagreement" if rule in NUMERIC_RULES else rule


@dataclass(frozen=True)
class Location:
    """A place in one source: `line` (1-based; 0 = anywhere in the source), the `says` span and its figure's
    span in that line (0-based, end exclusive)."""

    source: str
    line: int = 0
    start: int = 0
    end: int = 0
    fig_start: int = 0
    fig_end: int = 0
    figure: bool = False  # whether `says` has a figure; without one the figure's span is the whole `says`


@dataclass
class Value:
    source: str
    says: str
    line_hint: str | None
    locations: list[Location]


@dataclass
class Fact:
    id: str
    agree: bool
    values: list[Value]


@dataclass
class Entry:
    """A gold finding, optional finding or trap: matched by a report finding of the same rule family that
    involves at least `needed` of the `sides` (a side is involved when one of its locations is)."""

    rule: str
    why: str
    label: str
    sides: list[list[Location]]
    needed: int


@dataclass
class Gold:
    event: str
    folder: Path
    files: dict[str, Path]  # source -> article file
    facts: list[Fact] = field(default_factory=list)
    findings: list[Entry] = field(default_factory=list)
    traps: list[Entry] = field(default_factory=list)
    optional: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what in gold.yaml could not be used as written


# -- figures -------------------------------------------------------------------------------------------------

SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDS: dict[str, int] = {w: i for i, w in enumerate(SMALL)} | {w: 10 * i for i, w in enumerate(TENS) if i >= 2}
DIGITS_RE = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?")
WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")(?:-[a-z]+)?\b", re.I)


def figure_span(says: str) -> tuple[int, int] | None:
    """The span of the figure in `says`: its first number in digits, else its first number word."""
    m = DIGITS_RE.search(says)
    if m:
        return m.span()
    m = WORD_RE.search(says)
    if m is None:
        return None
    if _word_value(m.group()) is None:  # "five-year": the number is the first word
        return m.start(), m.start() + m.group().index("-")
    return m.span()


def _word_value(text: str) -> int | None:
    head, _, tail = text.lower().partition("-")
    if head not in WORDS:
        return None
    if not tail:
        return WORDS[head]
    if head in TENS and tail in SMALL[1:10]:
        return WORDS[head] + WORDS[tail]
    return None


def _number_word(n: int) -> str:
    if n < 20:
        return SMALL[n]
    tens, units = divmod(n, 10)
    return TENS[tens] + (f"-{SMALL[units]}" if units else "")


YEARS = (1900, 2100)  # a four-digit figure in this range, written without a comma, is a year


def scaled(figure: str) -> str:
    """The figure times 1.5, rounded down to its own precision and written in its own style ("1,801" ->
    "2,701", "33.8" -> "50.7", "five" -> "seven"); never the figure itself. A year ("2021", four digits from
    1900 to 2100, no comma) moves by one: the misdated year a writer slips into, where 1.5 times it ("3031")
    is no year at all."""
    if figure.isdigit() and len(figure) == 4 and YEARS[0] <= int(figure) <= YEARS[1]:
        return str(int(figure) + 1)
    n = _word_value(figure)
    if n is not None:
        new = max(n * 3 // 2, n + 1)
        if new > 99:
            return str(new)
        word = _number_word(new)
        return word.capitalize() if figure[:1].isupper() else word
    plain = figure.replace(",", "")
    places = len(plain.partition(".")[2])
    step = Decimal(1).scaleb(-places)
    old = Decimal(plain)
    new_value = (old * Decimal("1.5")).quantize(step, rounding=ROUND_DOWN)
    if new_value == old:
        new_value += step
    grouped = "," in figure or (old < 1000 <= new_value)  # "793" -> "1,189"
    return format(new_value, f"{',' if grouped else ''}.{places}f")


def mutated_line(line: str, loc: Location) -> tuple[str, Location]:
    """`line` with the figure at `loc` scaled, and where the `says` text and its figure now are."""
    figure = line[loc.fig_start : loc.fig_end]
    new = scaled(figure)
    delta = len(new) - len(figure)
    moved = replace(loc, end=loc.end + delta, fig_end=loc.fig_end + delta)
    return line[: loc.fig_start] + new + line[loc.fig_end :], moved


# -- locating ------------------------------------------------------------------------------------------------

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_FOLD |= str.maketrans({"\u00a0": " ", "\u2212": "-"})


def fold(text: str) -> str:
    """Case, curly quotes, dashes and no-break spaces folded away, one character for one."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_FOLD))


def _within_number(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a longer number ("175" in "1,175", "4.3" in "4.34")."""
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    if text[start : start + 1].isdigit() and (
        before.isdigit() or (before in (",", ".") and start >= 2 and text[start - 2].isdigit())
    ):
        return True
    return text[end - 1 : end].isdigit() and (
        after.isdigit() or (after in (",", ".") and text[end + 1 : end + 2].isdigit())
    )


def locate(lines: list[str], source: str, says: str, hint: str | None = None) -> list[Location]:
    """Every line of the file that holds `says` (not as part of a longer number) and `hint`: where they are
    exactly if anywhere, else where they are once folded."""
    span = figure_span(says)
    fig = span or (0, len(says))
    for prepare in (lambda s: s, fold):
        target, near = prepare(says), prepare(hint) if hint else None
        found = []
        for number, text in enumerate(lines, 1):
            folded = prepare(text)
            if near is not None and near not in folded:
                continue
            start = folded.find(target)
            while start >= 0 and _within_number(folded, start, start + len(target)):
                start = folded.find(target, start + 1)
            if start >= 0:
                end = start + len(says)
                found.append(Location(source, number, start, end, start + fig[0], start + fig[1], span is not None))
        if found:
            return found
    return []


# -- reading gold.yaml ---------------------------------------------------------------------------------------


def _as_list(x: Any) -> list[Any]:
    if x is None:
        return []
    return list(x) if isinstance(x, (list, tuple)) else [x]


class _Reader:
    def __init__(self, folder: Path, data: dict[str, Any]) -> None:
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        self.gold = Gold(str(data.get("event") or folder.name), folder, {p.stem: p for p in files})
        self.lines: dict[str, list[str]] = {}

    def problem(self, text: str) -> None:
        if text not in self.gold.problems:
            self.gold.problems.append(text)

    def find(self, source: str, says: str, hint: str | None = None) -> list[Location]:
        path = self.gold.files.get(source)
        if path is None:
            return []
        if source not in self.lines:
            self.lines[source] = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return locate(self.lines[source], source, says, hint)

    def locations(self, source: str, says: str, hint: str | None, where: str) -> list[Location]:
        """Where `says` is in `source`, with a problem noted when it is nowhere or, without a hint, on several
        lines (all of which are kept)."""
        found = self.find(source, says, hint)
        if source not in self.gold.files:
            self.problem(f"{where}: no article file for source {source!r}")
        elif not found:
            on = f" on a line with {hint!r}" if hint else ""
            self.problem(f"{where}: {says!r} not found in {self.gold.files[source].name}{on}")
        elif len(found) > 1 and hint is None:
            lines = ", ".join(str(loc.line) for loc in found)
            self.problem(f"{where}: {says!r} is on lines {lines} of {self.gold.files[source].name}; all count")
        return found

    def fact(self, raw: dict[str, Any]) -> Fact:
        fid = str(raw.get("id"))
        values = []
        for v in _as_list(raw.get("values")):
            source, says, hint = str(v.get("source")), str(v.get("says", "")), v.get("line")
            hint = str(hint) if hint is not None else None
            values.append(Value(source, says, hint, self.locations(source, says, hint, f"fact {fid}")))
        return Fact(fid, bool(raw.get("agree")), values)

    def entry(self, raw: dict[str, Any], section: str, facts: dict[str, Fact]) -> Entry:
        rule, why = str(raw.get("rule", "")), str(raw.get("why", "")).strip()
        fact_id = raw.get("fact")
        fact = facts.get(str(fact_id)) if fact_id is not None else None
        if fact_id is not None and fact is None:
            self.problem(f"{section} {rule}: unknown fact {fact_id!r}")
        sources = [str(s) for s in _as_list(raw.get("between") or raw.get("sources") or raw.get("source"))]
        says = [str(s) for s in _as_list(raw.get("says"))]
        where = f"{section} {rule}" + (f" ({fact_id})" if fact_id else "")
        for s in sources:
            if s not in self.gold.files:
                self.problem(f"{where}: no article file for source {s!r}")
        superlative = family(rule) in SUPERLATIVE_RULES
        if says and (section == "trap" or (superlative and not raw.get("between"))):
            sides = [self.says_side(sources, says, i, where) for i in range(len(says))]
        else:
            single = str(raw["source"]) if raw.get("source") is not None else None
            sides = [self.source_side(s, fact, single, says, where) for s in sources]
        if not sides:
            self.problem(f"{where}: names no source; it can never match")
        needed = 1 if superlative or not sides else min(2, len(sides))
        label = rule + (f" on {fact_id}" if fact_id else "") + f" [{', '.join(sources)}]"
        if says:
            label += " " + " / ".join(f'"{s}"' for s in says)
        return Entry(rule, why, label, sides, needed)

    def says_side(self, sources: list[str], says: list[str], i: int, where: str) -> list[Location]:
        """Where says[i] is: in sources[i] when the lists pair up and it is there, else in any listed source."""
        found = self.find(sources[i], says[i]) if len(sources) == len(says) else []
        found = found or [loc for s in sources for loc in self.find(s, says[i])]
        if not found:
            self.problem(f"{where}: {says[i]!r} not found in {', '.join(sources)}")
        return found

    def source_side(
        self, source: str, fact: Fact | None, single: str | None, says: list[str], where: str
    ) -> list[Location]:
        """The source's value of the fact and the entry's `says` when the entry names this source; any line of
        the source when neither is given."""
        side = [loc for v in (fact.values if fact else []) if v.source == source for loc in v.locations]
        if single == source:
            side += [loc for s in says for loc in self.locations(source, s, None, where)]
        known = source in self.gold.files
        if not side and fact is not None and known and not any(v.source == source for v in fact.values):
            self.problem(f"{where}: fact {fact.id} has no value from {source}; any line of it counts")
        return side or [Location(source)]


def read_gold(folder: Path) -> Gold:
    """The event's gold.yaml, its `says` texts located in the event's article files."""
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{folder / 'gold.yaml'}: not a mapping")
    reader = _Reader(folder, data)
    gold = reader.gold
    gold.facts = [reader.fact(f) for f in _as_list(data.get("facts"))]
    by_id = {f.id: f for f in gold.facts}
    gold.findings = [reader.entry(e, "finding", by_id) for e in _as_list(data.get("findings"))]
    gold.traps = [reader.entry(e, "trap", by_id) for e in _as_list(data.get("traps"))]
    gold.optional = [reader.entry(e, "optional", by_id) for e in _as_list(data.get("optional"))]
    return gold
