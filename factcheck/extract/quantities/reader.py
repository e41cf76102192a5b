"""Read every way English-language news writes a number.

`extract_quantities(text, lexicon)` finds money, power and energy, percentages, counts, fractions,
multiples, durations and dates, each normalised to a base unit with the interval its hedge allows.
The knowledge (scale words, currencies, units, hedges, months, not-a-quantity shapes) lives in
`rules/quantities.yaml`; this module holds only the grammar that combines it.

Physical units (distance, area, mass, volume, speed, temperature, data) name a pint unit in the YAML; pint
computes each factor to the dimension's base unit once, when the lexicon is built, never per number.

Speed: one `re` scan (word lists compiled as prefix tries) finds candidate starts (digits, currency
symbols, number words, months, two capitals...); an anchored "master" pattern classifies each candidate
(a number with what follows it, a date, a fraction, a shape to skip) and small anchored regexes read what
stands before it, so the work is proportional to the candidates, not to the characters of the text.
`benchmarks/bench_quantities.py` measures it.

Shapes to skip (`ignore_patterns`) from a rule file a user supplies run with a time limit (`saferegex`): a
catastrophic pattern stops the run with a `RegexTimeout` naming the file and the field; the shipped list is
part of the master pattern (see `_Compiled.reading`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from factcheck.models import DateParts, Qualifier, Quantity
from factcheck.ruleset import saferegex
from factcheck.ruleset.files import RuleFileError, default_rules_dir, read_rule_file, validate_lexicon

__all__ = ["HedgeSpec", "QuantityLexicon", "UnitSpec", "extract_quantities", "load_lexicon"]

_SP = "[ \u00a0\u202f\u2009]"  # a space inside a quantity: plain, no-break, narrow no-break, thin
_SP_CHARS = " \u00a0\u202f\u2009"
_DIGITS = frozenset("0123456789")
_AT_MATCH = frozenset(("h", "hw"))  # scan groups whose candidate is the scanned character itself, not the next
_LOOK_BACK = 48  # characters searched to the left of a number for a hedge or a label word
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_NO_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitSpec(_Strict):
    """A unit after a number.

    Physical units name a `pint` unit: the factor (and offset) to the dimension's base unit is computed by
    pint once, when the lexicon is built. News-specific units (percent, basis points, durations) give
    `unit` and value in base unit = number * factor / divide_by.
    """

    unit: str | None = None
    pint: str | None = None
    dimension: str
    factor: float = 1.0
    divide_by: float = 1.0
    symbols: list[str] = Field(default_factory=list)  # case-sensitive, may be glued: "300MW", "12%"
    words: list[str] = Field(default_factory=list)  # case-insensitive: "megawatts", "per cent"


class BaseUnitSpec(_Strict):
    """The base unit of a physical dimension: its name in Quantity.unit and its pint expression."""

    unit: str
    pint: str


class PrefixUnitSpec(_Strict):
    """A word before the number that gives its unit ("magnitude 7.1")."""

    unit: str
    dimension: str


class HedgeSpec(_Strict):
    """Phrases that bound a number; low/high are factors of the stated value (None = unbounded)."""

    qualifier: Qualifier
    phrases: list[str]
    low: float | None
    high: float | None
    position: Literal["before", "after"] = "before"
    not_for: list[str] = Field(default_factory=list)  # dimensions where the phrase is no hedge


class QuantityLexicon(_Strict):
    """The `lexicon:` of rules/quantities.yaml. Regexes are compiled once, when the lexicon is built."""

    scales: dict[str, float]
    short_scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]
    currency_names: dict[str, str]
    base_units: dict[str, BaseUnitSpec]
    units: list[UnitSpec]
    prefix_units: dict[str, PrefixUnitSpec]
    number_words: dict[str, int]
    word_multipliers: dict[str, int]
    fractions: dict[str, int]
    half_followers: list[str]
    multiple_suffixes: list[str]
    multiple_words: dict[str, float]
    magnitude_adjectives: dict[str, tuple[float, float | None]]
    adjective_currencies: dict[str, str]
    headline_verbs: list[str]
    year_hedge_prepositions: list[str]
    hedges: list[HedgeSpec]
    range_connectors: list[str]
    range_openers: dict[str, str]
    vague: dict[str, tuple[float, float]]
    vague_scales: dict[str, float]
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: list[str]
    year_words: list[str]
    year_range: tuple[int, int]
    ordinals: dict[str, int]
    relative_dates: list[str]
    number_lead_words: list[str]
    version_words: list[str]
    plural_nouns: list[str]
    noun_stopwords: list[str]
    skip_after: list[str]
    ignore_patterns: list[str]

    _compiled: _Compiled | None = PrivateAttr(default=None)
    _source: str = PrivateAttr(default="quantities.yaml")  # the rule file, set by validate_lexicon

    @field_validator("ignore_patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for p in value:  # as the `regex` module reads them: a user-supplied list runs there (see _Compiled)
            err = saferegex.check(p)
            if err is not None:
                raise ValueError(f"invalid regular expression {p!r}: {err}")
        return value

    @model_validator(mode="after")
    def _compile(self) -> QuantityLexicon:
        # Compile here so that every extraction over an archive reuses the same regexes and pint factors;
        # a ValueError (an unknown pint unit, a unit of the wrong dimension) names the field in the error.
        self._compiled = _Compiled(self)
        return self


# --------------------------------------------------------------------------------------------------
# Units and pint


@dataclass(frozen=True)
class _Unit:
    """A resolved unit: value in base unit = number * factor + offset."""

    unit: str
    dimension: str
    factor: float
    offset: float = 0.0


@lru_cache(maxsize=1)
def _pint_registry() -> Any:
    import pint  # imported on first use: about 0.2 s, plus 0.2 s to build the bundled registry

    return pint.UnitRegistry()


def _round(x: float) -> float:
    """Drop float noise from pint's conversions (1000.0000000000001 -> 1000.0)."""
    return float(f"{x:.15g}") + 0.0


def pint_factor(expr: str, base: str) -> tuple[float, float]:
    """(factor, offset) such that a value in `expr` is value * factor + offset in `base`, from pint;
    ValueError when pint cannot convert one to the other."""
    ureg = _pint_registry()
    try:
        q = ureg.parse_expression(expr)
        target = ureg.parse_expression(base).units
        mag, units = (q.magnitude, q.units) if hasattr(q, "units") else (q, ureg.dimensionless)
        offset = ureg.Quantity(0.0 * mag, units).to(target).magnitude
        factor = ureg.Quantity(1.0 * mag, units).to(target).magnitude - offset
    except Exception as exc:  # pint's UndefinedUnitError, DimensionalityError, syntax errors
        raise ValueError(f"pint cannot convert {expr!r} to {base!r}: {exc}") from None
    return _round(factor), _round(offset)


def _known_factors() -> dict[tuple[str, str], tuple[float, float]]:
    """pint's answers for the shipped units, recorded (`unitfactors`), when this is the pint that gave them:
    building pint's registry costs a process 0.7 s, most of a one-draft `check`."""
    from importlib.metadata import PackageNotFoundError, version

    from factcheck.extract.quantities import unitfactors

    try:
        return unitfactors.FACTORS if version("pint") == unitfactors.PINT_VERSION else {}
    except PackageNotFoundError:
        return {}


_FACTORS_HEAD = (
    '"""pint\'s conversion factors for the units of the shipped rules/quantities.yaml, recorded so that a process\n'
    "need not build pint's registry (0.7 s) to read a few numbers. Used only with the pint version that gave them;\n"
    "any other unit, or another pint, asks pint. Generated: `python -m factcheck.extract.quantities.units` writes it anew, and\n"
    'a test fails when it is stale.\n"""\n\nfrom __future__ import annotations\n\n'
)


def unit_factor_table() -> tuple[str, dict[tuple[str, str], tuple[float, float]]]:
    """The installed pint's version and its factors for every pint unit of the shipped lexicon."""
    from importlib.metadata import version

    lex = load_lexicon()
    pairs = sorted({(u.pint, lex.base_units[u.dimension].pint) for u in lex.units if u.pint is not None})
    return version("pint"), {pair: pint_factor(*pair) for pair in pairs}


def render_unit_factors(pint_version: str, factors: dict[tuple[str, str], tuple[float, float]]) -> str:
    """The source of factcheck/unitfactors.py."""

    def num(x: float) -> str:
        return repr(x).replace("e+", "e")

    lines = [f"PINT_VERSION = {json.dumps(pint_version)}", ""]
    lines += ["# (unit as a pint expression, base unit as a pint expression) -> (factor, offset)"]
    lines += ["FACTORS: dict[tuple[str, str], tuple[float, float]] = {"]
    lines += [f"    ({json.dumps(a)}, {json.dumps(b)}): ({num(f)}, {num(o)})," for (a, b), (f, o) in factors.items()]
    lines += ["}", "", "", 'if __name__ == "__main__":', "    from pathlib import Path", ""]
    lines += ["    from factcheck.extract.quantities.reader import render_unit_factors, unit_factor_table", ""]
    lines += ['    Path(__file__).write_text(render_unit_factors(*unit_factor_table()), encoding="utf-8")', ""]
    return _FACTORS_HEAD + "\n".join(lines)


def _resolve_units(lex: QuantityLexicon) -> list[tuple[UnitSpec, _Unit]]:
    out: list[tuple[UnitSpec, _Unit]] = []
    known: dict[tuple[str, str], tuple[float, float]] | None = None
    for i, u in enumerate(lex.units):
        if u.pint is None:
            if u.unit is None:
                raise ValueError(f"units[{i}]: needs `unit` or `pint`")
            out.append((u, _Unit(u.unit, u.dimension, u.factor / u.divide_by)))
            continue
        base = lex.base_units.get(u.dimension)
        if base is None:
            raise ValueError(f"units[{i}]: dimension {u.dimension!r} has no entry in base_units")
        if known is None:
            known = _known_factors()
        found = known.get((u.pint, base.pint))
        if found is None:
            try:
                found = pint_factor(u.pint, base.pint)
            except ValueError as exc:
                raise ValueError(f"units[{i}]: {exc}") from None
        out.append((u, _Unit(base.unit, u.dimension, *found)))
    return out


# --------------------------------------------------------------------------------------------------
# Regex construction


def _phrase(p: str, ci: bool = True, left: bool = True) -> str:
    """A literal phrase as a regex: inner spaces match any run of spaces, word edges are bounded.

    left=False drops the left edge, for words glued to a number ("5bn", "300MW").
    """
    body = re.escape(p).replace("\\ ", _SP + "+")
    if ci:
        body = f"(?i:{body})"
    if left and p[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if p[-1:].isalnum() or p[-1:] == ".":
        body += r"(?![A-Za-z0-9])"
    return body


def _alt(phrases: Any, ci: bool = True, left: bool = True) -> str:
    """Alternation of phrases as a prefix trie, so that `re` tests one branch per character, not one per phrase.

    A phrase that is a prefix of another is tried after it, so "percentage points" wins over "percent";
    inner spaces match any run of spaces; word edges are bounded as in `_phrase`.
    """
    items = sorted({p.lower() if ci else p for p in phrases})
    if not items:
        return "(?!)"
    words = [p for p in items if left and p[:1].isalnum()]
    others = [p for p in items if not (left and p[:1].isalnum())]
    parts = []
    if words:
        parts.append(r"(?<![A-Za-z0-9])" + _trie(words))
    if others:
        parts.append(_trie(others))
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?i:{body})" if ci else body


def _cased(phrases: Any) -> list[str]:
    """Each phrase in lower case, Sentence case, Title Case and UPPER CASE."""
    out: set[str] = set()
    for p in phrases:
        low = p.lower()
        out.update((low, low[:1].upper() + low[1:], low.title(), low.upper()))
    return sorted(out)


def _trie(items: list[str]) -> str:
    root: dict[str, Any] = {}
    for p in items:
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = p
    return _render(root)


def _word_end(p: str) -> bool:
    return p[-1:].isalnum() or p[-1:] == "."


def _render(node: dict[str, Any], edge: Callable[[str], bool] = _word_end) -> str:
    """A trie as a regex; edge(phrase) tells whether a phrase ending at a node needs a word edge after it."""
    alts = []
    for ch in sorted(k for k in node if k):
        piece = _SP + "+" if ch == " " else re.escape(ch)
        alts.append(piece + _render(node[ch], edge))
    if "" in node:
        alts.append(r"(?![A-Za-z0-9])" if edge(node[""]) else "")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def _reversed_alt(phrases: Any) -> str:
    """Phrases spelled backwards, longest first, for a case-insensitive pattern read on reversed text.

    A phrase that opens with a letter or digit must start a word (a word edge after its reversed form). Phrases
    of ASCII and uncased characters ("~", "≈") become a prefix trie, which `re` walks much faster than a flat
    alternation: for them a case-insensitive match is equality in lower case, and the trie tries a longer phrase
    before a phrase that is its prefix, as the flat alternation (longest first) does: both match the same text.
    """
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    if not all(ch.isascii() or ch.lower() == ch.upper() == ch for p in ordered for ch in p):
        return "|".join(
            re.escape(p[::-1]).replace("\\ ", _SP + "+") + (r"(?![A-Za-z0-9])" if p[:1].isalnum() else "")
            for p in ordered
        )
    root: dict[str, Any] = {}
    for p in ordered:
        node = root
        for ch in p.lower()[::-1]:
            node = node.setdefault(ch, {})
        node[""] = p
    return _render(root, lambda p: p[:1].isalnum()) if root else "(?!)"


# --------------------------------------------------------------------------------------------------
# First characters of a pattern: which top-level alternatives of the master pattern can match at a candidate


_ASCII = tuple(chr(i) for i in range(128))


def _first_chars(pattern: str, universe: tuple[str, ...] = _ASCII) -> tuple[frozenset[str], bool] | None:
    """The characters of universe a match of pattern can start with, and whether it can match the empty string.

    A superset: lookarounds and anchors are ignored (they only forbid matches). Each single-character item is
    compiled alone and tried on every ASCII character, so `re` itself decides what a class or a case-folded
    literal accepts. None when the pattern holds something this does not read (the caller then keeps the whole
    pattern for every character).
    """
    try:
        from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern)
    except Exception:  # another Python's private layout: no shortcut
        return None
    c = _constants
    single = {c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY}
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    memo: dict[tuple[Any, Any, int], frozenset[str]] = {}

    def one(op: Any, av: Any, flags: int) -> frozenset[str]:
        key = (op, repr(av), flags)
        if key not in memo:
            state = _parser.State()
            state.flags = flags
            compiled = _compiler.compile(_parser.SubPattern(state, [(op, av)]), flags)
            memo[key] = frozenset(ch for ch in universe if compiled.match(ch))
        return memo[key]

    def seq(items: Any, flags: int) -> tuple[frozenset[str], bool]:
        out: frozenset[str] = frozenset()
        for op, av in items:
            chars, nullable = node(op, av, flags)
            out |= chars
            if not nullable:
                return out, False
        return out, True

    def node(op: Any, av: Any, flags: int) -> tuple[frozenset[str], bool]:
        if op in single:
            return one(op, av, flags), False
        if op in zero_width:
            return frozenset(), True
        if op is c.SUBPATTERN:
            _group, add, remove, sub = av
            return seq(sub, (flags | add) & ~remove)
        if op is c.BRANCH:
            outs = [seq(alt, flags) for alt in av[1]]
            return frozenset().union(*(o[0] for o in outs)), any(o[1] for o in outs)
        if op in repeats:
            lo, _hi, sub = av
            chars, nullable = seq(sub, flags)
            return chars, nullable or lo == 0
        if op is getattr(c, "ATOMIC_GROUP", None):
            return seq(av, flags)
        raise ValueError(op)  # a back reference, a conditional...: no shortcut

    try:
        return seq(tree, tree.state.flags)
    except Exception:
        return None


def _skip_alt(patterns: list[str]) -> str:
    return "(?P<skip>" + "|".join(f"(?:{p})" for p in patterns) + ")"


class _Dispatch(dict[str, "re.Pattern[str] | None"]):
    """Character at a candidate -> the master pattern cut down to the alternatives that can start with it.

    The master is `(?:SKIP|A|B|...)` with SKIP = `(?P<skip>(?:s1)|(?:s2)|...)`; `re` tries alternatives in
    order and the first that matches wins, so dropping those (and those of SKIP) that cannot start with the
    character at the candidate gives the same match, sooner; None where no alternative can start there.
    Characters outside the analysed universe get the whole pattern. A cut-down pattern is compiled once its
    alternatives have been wanted WARMUP times, the whole pattern serving until then: the 45 of the shipped
    rules take 1.9 s to compile, which only a run over many articles wins back (a one-draft `check` would pay
    it all to read a few dozen numbers).
    """

    WARMUP = 200

    def __init__(self, skips: list[str], alts: list[str], universe: tuple[str, ...]):
        super().__init__()
        self.skips, self.alts = skips, alts
        self._master: re.Pattern[str] | None = None
        self.compiled: dict[tuple[tuple[int, ...], tuple[int, ...]], re.Pattern[str]] = {}
        self.keys: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self.wanted: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}  # uses of a key not compiled yet
        self.starts: str | None = None  # the characters some alternative can start with; None: any character
        skip_infos = [_first_chars(p, universe) for p in skips]
        infos = [_first_chars(a, universe) for a in alts]
        if any(i is None for i in [*skip_infos, *infos]):
            return  # no analysis: every character gets the whole pattern

        def can(info: tuple[frozenset[str], bool] | None, ch: str) -> bool:
            return info is not None and (info[1] or ch in info[0])

        for ch in universe:
            key = (
                tuple(i for i, info in enumerate(skip_infos) if can(info, ch)),
                tuple(i for i, info in enumerate(infos) if can(info, ch)),
            )
            if key == ((), ()):
                self[ch] = None
            else:
                self.keys[ch] = key
        if len(self):  # some analysed characters start no alternative
            self.starts = "".join(self.keys)

    @property
    def master(self) -> re.Pattern[str]:
        if self._master is None:
            kept = [_skip_alt(self.skips), *self.alts] if self.skips else self.alts
            self._master = re.compile("(?:" + "|".join(kept) + ")")
        return self._master

    def __missing__(self, ch: str) -> re.Pattern[str] | None:
        key = self.keys.get(ch)
        if key is None:
            pattern = self.master
        elif key in self.compiled:
            pattern = self.compiled[key]
        elif (wanted := self.wanted.get(key, 0)) < self.WARMUP:
            self.wanted[key] = wanted + 1
            return self.master  # not kept for `ch`: asked again next time
        else:
            kept = [self.alts[i] for i in key[1]]
            if key[0]:
                kept.insert(0, _skip_alt([self.skips[i] for i in key[0]]))
            pattern = self.compiled[key] = re.compile("(?:" + "|".join(kept) + ")")
        self[ch] = pattern
        return pattern


class _SkipDispatch(dict[str, "saferegex.SafePattern | None"]):
    """Character at a candidate -> the user-supplied ignore_patterns that can start with it, as one pattern.

    They run through `saferegex`, with a time limit, before the master pattern (which then holds no skip
    alternative): the same order as SKIP first in the master, so the same shapes are skipped. Compiled on use.
    """

    def __init__(self, patterns: list[str], universe: tuple[str, ...], where: str):
        super().__init__()
        self.patterns, self.where, self.universe = patterns, where, frozenset(universe)
        self.infos = [_first_chars(p, universe) for p in patterns]  # None (all characters) for `regex`-only syntax
        self.compiled: dict[tuple[int, ...], saferegex.SafePattern] = {}

    def __missing__(self, ch: str) -> saferegex.SafePattern | None:
        key = tuple(
            i
            for i, info in enumerate(self.infos)
            if ch not in self.universe or info is None or info[1] or ch in info[0]
        )
        pattern = None
        if key:
            pattern = self.compiled.get(key)
            if pattern is None:
                alts = "|".join(f"(?:{self.patterns[i]})" for i in key)
                pattern = self.compiled[key] = saferegex.compile(alts, 0, self.where)
        self[ch] = pattern
        return pattern


def _is_shipped(lex: QuantityLexicon) -> bool:
    """True when the lexicon was read from the shipped rules/quantities.yaml (not a file a user supplied)."""
    try:
        return Path(lex._source).resolve() == (default_rules_dir() / "quantities.yaml").resolve()
    except (OSError, RuleFileError):
        return False


_Gate = tuple[frozenset[str], frozenset[str]] | None


def _gate(skip: str, core: str) -> _Gate:
    """A cheap test that a pattern of the form `SKIP* CORE` (or a narrower one) cannot match somewhere.

    SKIP is a character class; CORE must consume a character. Returns the ASCII characters SKIP accepts and
    those CORE can start with, or None (no test) when they overlap or CORE may match the empty string.
    """
    info = _first_chars(core)
    if info is None or info[1]:
        return None
    skip_re = re.compile(skip)
    skips = frozenset(ch for ch in _ASCII if skip_re.fullmatch(ch))
    if skips & info[0]:
        return None
    return skips, info[0]


def _may_follow(g: _Gate, text: str, j: int) -> bool:
    """False when the gated pattern cannot match at j: after the SKIP characters comes no CORE start."""
    if g is None:
        return True
    skips, firsts = g
    n = len(text)
    while j < n:
        ch = text[j]
        if ch not in skips:
            return ch in firsts or not ch.isascii()
        j += 1
    return False


def _ahead(g: _Gate, skip: str) -> str:
    """The test of `_may_follow` as a look-ahead to put before the gated pattern ("" when there is no gate).

    One character test inside `re` instead of a Python loop. It may pass where `_may_follow` would not (a
    non-ASCII SKIP character is also taken as a CORE start): the pattern after it decides, as without a gate.
    On reversed text (patterns read leftwards from a number) it is the same test run leftwards.
    """
    if g is None:
        return ""
    firsts = "".join(re.escape(ch) for ch in sorted(g[1]))
    return rf"(?={skip}*(?:[{firsts}]|[^\x00-\x7f]))"


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.strip()).lower()


class _Compiled:
    """All regexes and lookup tables of one lexicon."""

    def __init__(self, lex: QuantityLexicon) -> None:
        self.lex = lex
        sp = _SP
        self.scales = {k.lower(): v for k, v in lex.scales.items()}
        self.short_scales = {k.lower(): v for k, v in lex.short_scales.items()}
        self.number_words = {k.lower(): v for k, v in lex.number_words.items()}
        self.multipliers = {k.lower(): v for k, v in lex.word_multipliers.items()}
        self.fractions = {k.lower(): v for k, v in lex.fractions.items()}
        self.currency_prefix = {**lex.currency_symbols, **lex.currency_codes}
        self.currency_names = {_norm(k): v for k, v in lex.currency_names.items()}
        self.unit_symbols: dict[str, _Unit] = {}
        self.unit_words: dict[str, _Unit] = {}
        for spec, u in _resolve_units(lex):
            self.unit_symbols.update({s: u for s in spec.symbols})
            self.unit_words.update({_norm(w): u for w in spec.words})
        self.prefix_units = {k.lower(): _Unit(p.unit, p.dimension, 1.0) for k, p in lex.prefix_units.items()}
        self.headline_verbs = {w.lower() for w in lex.headline_verbs}
        self.year_hedge_prepositions = {_norm(w) for w in lex.year_hedge_prepositions}
        self.magnitude_adjectives = {k.lower().replace("-", ""): v for k, v in lex.magnitude_adjectives.items()}
        self.adjective_currencies = {k.lower(): v for k, v in lex.adjective_currencies.items()}
        self.months = {**lex.months, **lex.month_abbreviations}
        self.year_words = {w.lower() for w in lex.year_words}
        self.lead_words = {w.lower() for w in lex.number_lead_words}
        self.version_words = {w.lower() for w in lex.version_words}
        self.stopwords = {w.lower() for w in lex.noun_stopwords}
        self.plurals = {w.lower() for w in lex.plural_nouns}
        self.month_words = {m.lower() for m in self.months}
        self.range_openers = dict(lex.range_openers)
        self.hedge_of: dict[tuple[str, str], HedgeSpec] = {}
        for h in lex.hedges:
            self.hedge_of.update({(h.position, _norm(p)): h for p in h.phrases})

        # Pieces of a number.
        digits = (
            r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"
            r"|[1-9]\d{0,2}(?: \d{3})+(?![\d.,])|\d+)"
            r"(?:\.\d+|,\d{1,2}(?![\d,]))?"
        )
        nw = _alt(self.number_words)
        mult = _alt(self.multipliers)
        scale_words = _alt(self.scales)
        a_lead = rf"(?<![A-Za-z])(?i:(?:half{sp}+)?an?)(?={sp}+(?:{mult}|{scale_words}))"
        words = rf"(?:{a_lead}|{nw})(?:(?:{sp}+|-)(?i:and{sp}+)?(?:{nw}|{mult}))*(?i:{sp}+and{sp}+a{sp}+half\b)?"
        # Longest first; the prefixes that open with a letter share one look-behind, so that `re` skips each
        # of them on its first character (a letter and a symbol never start the same prefix: same match).
        prefixes = sorted(self.currency_prefix, key=lambda s: (-len(s), s))
        cur_alpha = "|".join(re.escape(k) for k in prefixes if k[:1].isalpha())
        cur_other = "|".join(re.escape(k) for k in prefixes if not k[:1].isalpha())
        cur_parts = ([rf"(?<![A-Za-z])(?:{cur_alpha})"] if cur_alpha else []) + ([cur_other] if cur_other else [])
        cur_prefix = "(?:" + "|".join(cur_parts) + ")"
        amount = rf"(?:(?P<cur>{cur_prefix}){sp}?)?(?:(?P<dig>{digits})|(?P<word>{words}))"
        self.amount = re.compile(amount)
        self.word_token = re.compile(r"[A-Za-z]+")

        # What may follow the number.
        self.skip_after = re.compile(rf"{sp}*{_alt(lex.skip_after)}")
        scale_glued = _alt(self.scales, left=False)
        short_glued = _alt(self.short_scales, left=False)
        self.scale = re.compile(
            rf"(?P<sp>{sp}?-?)(?:(?P<scale>{scale_glued})(?![A-Za-z])|(?P<short>{short_glued})(?![A-Za-z/]))"
        )
        unit_syms = "|".join(
            re.escape(s) + (r"(?![A-Za-z0-9])" if s[-1].isalnum() else "")
            for s in sorted(self.unit_symbols, key=lambda s: (-len(s), s))
        )
        codes = "|".join(re.escape(c) for c in sorted(lex.currency_codes, key=len, reverse=True))
        suffix_core = (
            rf"(?:(?P<cname>{_alt(self.currency_names)})|(?P<code>(?:{codes})(?![A-Za-z]))"
            rf"|(?P<uword>{_alt(self.unit_words, left=False)})|(?P<usym>{unit_syms}))"
        )
        self.suffix = re.compile(rf"{sp}?-?{suffix_core}")
        # The same, without backtracking into the space and hyphen, where no suffix can start with either:
        # then giving them back cannot make it match, and `re` no longer tries every suffix twice.
        info = _first_chars(suffix_core, _ASCII + tuple(_SP_CHARS))
        no_lead = info is not None and not info[1] and not info[0] & {*_SP_CHARS, "-"}
        suffix_tail = rf"{sp}?+-?+{suffix_core}" if no_lead else self.suffix.pattern
        self.multiple = re.compile(rf"(?:{sp}?{_alt(lex.multiple_suffixes, left=False)}|x(?![A-Za-z0-9]))")
        after = [p for h in lex.hedges if h.position == "after" for p in h.phrases]
        self.after_hedge = re.compile(
            "(?:"
            + "|".join(
                (rf"{sp}+{_phrase(p)}" if p[:1].isalnum() else re.escape(p) + r"(?![A-Za-z0-9])")
                for p in sorted(after, key=len, reverse=True)
            )
            + ")"
        )
        # Hedges before a number are matched on the reversed left context, anchored at the number, so
        # the cost does not depend on how far back we look.
        before = [p for h in lex.hedges if h.position == "before" for p in h.phrases] + list(lex.range_openers)
        rev = "|".join(
            re.escape(p[::-1]).replace("\\ ", _SP + "+") + (r"(?![A-Za-z0-9])" if p[:1].isalnum() else "")
            for p in sorted(set(before), key=lambda s: (-len(s), s))
        )
        self.before_hedge_rev = re.compile(rf"[\s\"“'‘]*(?P<h>(?i:{_reversed_alt(before)}))")
        self.connector = re.compile(rf"{sp}*(?P<c>{_alt(lex.range_connectors)}|(?i:and)(?![A-Za-z])){sp}*")
        # A footnote marker may sit between a number and its noun ("3,400¹ staff").
        self.noun_word = re.compile(
            rf"(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{{1,3}}\])?{sp}+(?P<w>[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)"
        )
        # The word before a number, read on the reversed left context.
        self.prev_word_rev = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z0-9&+'’.-]*[A-Za-z])(?![A-Za-z0-9&+'’.-])")
        self.glued_word_rev = re.compile(r"-(?P<w>[A-Za-z]+)(?![A-Za-z])")
        self.of_after = re.compile(rf"{_SP}+(?i:of)(?![A-Za-z])")
        self.period_tail = re.compile(
            rf"{sp}*(?i:of{sp}+)?(?:(?P<fy>FY|(?i:fiscal(?:{sp}+year)?)){sp}*'?(?P<fyy>\d{{4}}|\d{{2}})"
            rf"|'(?P<ay>\d{{2}})|(?P<y>\d{{4}}))(?!\d)"
        )
        self.vague_tail = re.compile(rf"{sp}+(?i:of|in){sp}+(?P<cname>{_alt(self.currency_names)})")
        self.vague_of = re.compile(rf"{sp}+(?i:of)(?=[ \u00a0])")
        prefixes = "|".join(re.escape(p[::-1]) for p in sorted(self.prefix_units, key=len, reverse=True))
        self.prefix_rev = re.compile(rf"(?:{sp}+|-)(?P<w>(?i:{prefixes}))(?![A-Za-z])") if prefixes else None
        self.year_pair = re.compile(rf"{sp}*(?:-|–|—|(?i:and|to|or)(?![A-Za-z])){sp}*(?P<y>\d{{4}})(?![\d.,]?\d)")
        self.minus_rev = re.compile(rf"(?:[-−–]|{sp}*(?i:sunim))(?![A-Za-z0-9])")
        self.year_comma = re.compile(r"(?P<y>\d{4}),(?=\d{1,2}(?!\d))")
        # Gates: most numbers are followed (preceded) by a word that none of these patterns can start with.
        sp_dash = "[ \u00a0\u202f\u2009-]"
        self.g_skip_after = _gate(sp, _alt(lex.skip_after))
        self.g_scale = _gate(sp_dash, f"(?:{scale_glued}|{short_glued})")
        self.g_suffix = _gate(
            sp_dash,
            f"(?:{_alt(self.currency_names)}|(?:{codes})|{_alt(self.unit_words, left=False)}|(?:{unit_syms}))",
        )
        self.g_multiple = _gate(sp, f"(?:{_alt(lex.multiple_suffixes, left=False)}|x)")
        self.g_after_hedge = _gate(
            sp, "(?:" + "|".join(_phrase(p) if p[:1].isalnum() else re.escape(p) for p in after) + ")"
        )
        self.g_connector = _gate(sp, f"(?:{_alt(lex.range_connectors)}|(?i:and))")
        self.g_minus_rev = _gate(sp, "(?:[-−–]|(?i:sunim))")
        self.g_prefix_rev = _gate(sp_dash, f"(?i:{prefixes})") if prefixes else None
        self.g_before_hedge_rev = _gate("[\\s\"“'‘]", f"(?i:{rev})")
        # The amount and everything that may follow it in one match: `_read_amount` takes the common case
        # from its groups and re-reads piece by piece (the patterns above) where a piece is not accepted.
        # Every piece after the number is optional, so `re` never backtracks into an earlier one: each group
        # holds what the piece's own pattern would match at the same place. Each piece opens with its gate
        # as a look-ahead, so that `re` drops it on one character test where the gate says it cannot match.
        # The master pattern reads the same tail after a number in digits (see on_num).
        tail = (
            rf"(?:{_ahead(self.g_skip_after, sp)}(?P<ska>{self.skip_after.pattern})"
            rf"|(?:{_ahead(self.g_scale, sp_dash)}(?P<sc>{self.scale.pattern}))?"
            rf"(?:{_ahead(self.g_suffix, sp_dash)}(?P<sf>{suffix_tail}))?"
            rf"(?:{_ahead(self.g_multiple, sp)}(?P<mu>{self.multiple.pattern}))?(?P<gl>)(?P<glued>(?=[A-Za-z0-9_]))?"
            rf"(?:{_ahead(self.g_after_hedge, sp)}(?P<ah>{self.after_hedge.pattern}))?)"
        )
        self.amount_tail = re.compile(amount + tail)
        # The patterns read leftwards from a number, and the range connector, with their gates as look-aheads.
        self.minus_rev_g = re.compile(_ahead(self.g_minus_rev, sp) + self.minus_rev.pattern)
        self.prefix_rev_g = (
            re.compile(_ahead(self.g_prefix_rev, sp_dash) + self.prefix_rev.pattern) if self.prefix_rev else None
        )
        self.before_hedge_rev_g = re.compile(
            _ahead(self.g_before_hedge_rev, "[\\s\"“'‘]") + self.before_hedge_rev.pattern
        )
        self.connector_g = re.compile(_ahead(self.g_connector, sp) + self.connector.pattern)

        # The master pattern: skip shapes first, then dates, fractions, vague amounts, numbers.
        months = _alt(self.months, ci=False, left=False) + r"\.?"
        ords = _alt(lex.ordinals)
        fr_num = _alt([*self.number_words, "a", "an"])
        fr_den = _alt(self.fractions)
        alts = [
            r"(?P<marker>(?m:^)[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+•][ \t]+)?\d{1,3}[.)](?=[ \t]))",
            r"(?P<iso>(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-]))",
            rf"(?P<quarter>(?<![A-Za-z0-9])(?:Q(?P<q>[1-4])|(?P<qo>{ords}){sp}+(?i:quarter))(?![A-Za-z0-9]))",
            rf"(?P<fiscal>(?<![A-Za-z0-9])(?:FY{sp}?'?(?P<fy1>\d{{4}}|\d{{2}})|(?i:fiscal(?:{sp}+year)?){sp}+"
            rf"(?P<fy2>\d{{4}}))(?!\d))",
            rf"(?P<rel>{_alt(lex.relative_dates)})",
            rf"(?P<mdate>(?<![A-Za-z])(?P<mon>{months})(?:{sp}+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?![:,.]\d))?"
            rf"(?:,?{sp}+(?P<my>\d{{4}})(?!\d))?)",
            rf"(?P<ddate>(?<![\d.,])(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?{sp}+(?:of{sp}+)?(?P<dmon>{months})"
            rf"(?:,?{sp}+(?P<dy>\d{{4}})(?!\d))?)",
            r"(?P<frac>(?<![\w/.,])(?P<fa>\d{1,2})/(?P<fb>\d{1,3})(?![\w/]|[.,]\d))",
            rf"(?P<wfrac>(?P<fn>{fr_num})(?P<fsep>{sp}+|-)(?P<fd>{fr_den})"
            rf"|(?<![A-Za-z])(?i:half)(?={sp}+{_alt(lex.half_followers)}))",
            rf"(?P<vague>(?P<vw>{_alt(lex.vague)})(?:{sp}+(?i:of){sp}+(?P<vs>{_alt(lex.vague_scales)}))?)",
            rf"(?P<mword>{_alt(lex.multiple_words)})",
            rf"(?P<madj>(?:(?<![A-Za-z])(?i:an?){sp}+)?(?P<ma>{_alt(lex.magnitude_adjectives)})-"
            rf"(?P<mc>{_alt(lex.adjective_currencies)}))",
            rf"(?P<num>(?:(?P<cur>{cur_prefix}){sp}?|(?<![\w.,/$€£¥]))(?:(?P<dig>{digits})|(?P<word>{words})){tail})",
        ]
        # The candidate scan: one pass of `re` over the text finds the few places where a quantity (or a
        # shape to skip) may start: digits, currency symbols, "(", "[" or "+" before a digit, line starts,
        # two capitals ("USD", "Q2", "FY"), month names, and the words that can open a quantity (number words,
        # "a"/"an" only before a scale or a fraction, vague amounts, ordinals, relative dates...). Word lists
        # are prefix tries, so each position costs one or two character tests; the anchored master pattern
        # then runs only at those places: the work is proportional to the candidates, not to the text.
        firsts = [
            *self.number_words,
            "half",
            *lex.vague,
            *lex.multiple_words,
            *lex.ordinals,
            "fiscal",
            "isbn",
            "zip",
            "postcode",
            "postal",
            *(w.split()[0] for w in self.currency_names),
            *(w.split("-")[0] for w in lex.magnitude_adjectives),
        ]
        after_a = [
            *self.multipliers,
            *self.scales,
            *self.fractions,
            "half",
            *(w.split("-")[0] for w in lex.magnitude_adjectives),
            *(r.split()[1] for r in lex.relative_dates if r.split()[0] in ("a", "an")),
        ]
        symbols = "".join(sorted({re.escape(k[0]) for k in self.currency_prefix if not k[0].isalnum()}))
        articles = _alt(_cased(["a", "an"]), ci=False, left=False)
        # The candidates are the places where this matches (`re.MULTILINE`):
        #   [\d{symbols}] | [(\[+](?=\d) | ^ | (?<![A-Za-z])(?:[A-Z][A-Z0-9$.'] | months | words
        #   | articles{sp}+(?=after_a) | https?: | www\.)
        # ASCII, and the other characters a quantity often starts with (currency symbols), have a cut-down master.
        universe = _ASCII + tuple(sorted({k[0] for k in self.currency_prefix if not k[0].isascii()}))
        # Shapes to skip (ignore_patterns) come first in the master pattern: `(?:(?P<skip>...)|marker|iso|...)`.
        # Those of the shipped rules/quantities.yaml are part of the program (reviewed, and run on long hostile
        # inputs by the tests): they stay in the master, in `re`. A list from a file a user supplied may hold a
        # catastrophic pattern: it runs through `saferegex`, with a time limit, at each candidate before a master
        # without it (see `reading`). Both dispatches compile on first use: only the one in use is built.
        self.alts, self.skips, self.universe = alts, list(lex.ignore_patterns), universe
        self.dispatch = _Dispatch(self.skips, alts, universe)
        self._reading: tuple[_Dispatch, _SkipDispatch | None] | None = None
        self.handlers = {k[3:]: v for k, v in vars(_Reader).items() if k.startswith("on_")}
        # The same candidates, found faster: every candidate but the text's start is a non-letter (a digit, a
        # symbol, "(" before a digit: group h) or comes right after one (a line start, a word: groups w, l;
        # hw when both). A pattern that opens with a character class lets `re` skip the letters in C, so the
        # scan starts at one non-letter and reports the candidate there and/or at the next character.
        # Line starts where no alternative of the master (skip shapes included) can begin are left out.
        # Case-insensitive tries are several times slower in `re` than case-sensitive ones, so the scan lists
        # each word as news writes it: lower case, Sentence case, Title Case and UPPER CASE. Only whether some
        # word starts here matters, so the month names and the words share one trie (`re` walks one faster).
        month_words = _alt(sorted({*_cased([*firsts, *lex.relative_dates]), *self.months}), ci=False, left=False)
        word_starts = (
            rf"(?:[A-Z][A-Z0-9$.']|{month_words}|{articles}{sp}+(?={_alt(after_a, left=False)})|https?:|www\.)"
        )
        line = r"(?<=\n)"
        starts = self.dispatch.starts
        if starts is not None:
            starts = "".join(re.escape(ch) for ch in starts)
            line += rf"(?=[{starts}]|[^\x00-\x7f])" if starts else r"(?=[^\x00-\x7f])"
        # One look-behind first turns away the spaces and the punctuation that cannot start group h.
        self.scan_from = re.compile(
            rf"[^A-Za-z](?:(?<=[\d{symbols}(\[+])(?P<h>(?<=[\d{symbols}])|(?<=[(\[+])(?=\d))(?P<hw>(?={word_starts}))?"
            rf"|(?P<w>(?={word_starts}))|(?P<l>{line}))"
        )
        # ASCII characters that no word start can begin with: after a digit followed by one of them, the scan
        # from the digit would only report the digit itself (group h), so the reader scans from the next one.
        info = _first_chars(word_starts)
        self.no_word_start = frozenset() if info is None or info[1] else frozenset(_ASCII) - info[0]

    def reading(self) -> tuple[_Dispatch, _SkipDispatch | None]:
        """The dispatch of the master pattern and, for a user-supplied ignore_patterns, the time-limited skip."""
        if self._reading is None:
            if not self.skips or _is_shipped(self.lex):
                self._reading = (self.dispatch, None)
            else:
                where = f"{self.lex._source}: lexicon.ignore_patterns"
                self._reading = (
                    _Dispatch([], self.alts, self.universe),
                    _SkipDispatch(self.skips, self.universe, where),
                )
        return self._reading


# --------------------------------------------------------------------------------------------------
# Loading


def load_lexicon(path: Path | None = None) -> QuantityLexicon:
    """The quantities lexicon; the default file is read and compiled once per process."""
    if path is None:
        return _default_lexicon()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_lexicon() -> QuantityLexicon:
    return _load(default_rules_dir() / "quantities.yaml")


def _load(path: Path) -> QuantityLexicon:
    rule_file = read_rule_file(path)
    lexicon: QuantityLexicon = validate_lexicon(path, QuantityLexicon, rule_file.lexicon)
    return lexicon


# --------------------------------------------------------------------------------------------------
# Reading one amount


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    number: float  # as written, times the scale word
    precision: float  # half the unit of the last stated digit, times the scale word
    scale: float  # the scale word's multiplier, 1.0 if none
    currency: str | None = None
    unit: UnitSpec | None = None
    multiple: bool = False
    digits: str | None = None  # the digits as written, None for words
    after: HedgeSpec | None = None
    decimal_comma: bool = False


def _word_value(c: _Compiled, text: str, start: int, end: int) -> tuple[float, float, int] | None:
    """Value, precision and end of a number written in words ("two hundred", "one and a half")."""
    total = 0.0
    last_mult = 1.0
    tokens = list(c.word_token.finditer(text, start, end))
    stop = end
    prev = ""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        w = t.group().lower()
        if w == "and":
            rest = [x.group().lower() for x in tokens[i + 1 : i + 3]]
            if rest == ["a", "half"]:
                total += 0.5
                last_mult = 0.5
                stop = tokens[i + 2].end()
                break
            if prev not in c.multipliers:  # "one and two" is two numbers; "two hundred and five" is one
                stop = tokens[i - 1].end()
                break
        elif w in ("a", "an"):
            total = total or 1.0  # "a billion" is one billion; "half a billion" stays a half
        elif w == "half":
            total = 0.5
            last_mult = 0.5
        elif w in c.multipliers:
            total = max(total, 1.0) * c.multipliers[w]
            last_mult = float(c.multipliers[w])
        elif w in c.number_words:
            total += c.number_words[w]
            last_mult = 1.0
        stop = t.end()
        prev = w
        i += 1
    if not tokens:
        return None
    return total, 0.5 * last_mult, stop


_TAIL_GROUPS = (
    "cur",
    "dig",
    "ska",
    "sc",
    "sp",
    "scale",
    "short",
    "sf",
    "cname",
    "code",
    "uword",
    "usym",
    "mu",
    "glued",
    "ah",
)


def _digits(dig: str) -> tuple[str, float, bool]:
    """A number in digits: its digits without separators, its value, and whether its comma is a decimal comma."""
    if "," in dig and _DECIMAL_COMMA.fullmatch(dig):  # "4,5 %": a decimal comma, not a thousands group
        raw = dig.replace(",", ".").translate(_NO_SEPARATORS)
        return raw, float(raw), True
    raw = dig.translate(_NO_SEPARATORS)
    return raw, float(raw), False


def _read_amount(c: _Compiled, text: str, i: int) -> _Amount | None:
    """Read currency, number, scale, unit and trailing hedge starting at i; None if no amount here.

    One match of `amount_tail` reads a number in digits and what follows it; number words, and the rare
    pieces that the step-by-step reading would not accept at that place, go to `_read_amount_steps`.
    """
    m = c.amount_tail.match(text, i)
    if not m:
        return None
    if m.group("dig") is None:
        return _read_amount_steps(c, text, i)
    return _amount_of(c, text, i, m)


def _amount_of(c: _Compiled, text: str, i: int, m: re.Match[str]) -> _Amount | None:
    """The amount read by a match of `amount_tail` (or of the master's `num`, which holds the same groups)."""
    cur_s, dig, ska, sc, sp, scale, short, sf, cname, code, uword, usym, mu, glued, ah = m.group(*_TAIL_GROUPS)
    if ska is not None:
        return None  # "5,000 crore": a unit this reader does not normalise
    cur = c.currency_prefix.get(cur_s) if cur_s else None
    raw, number, decimal_comma = _digits(dig)
    precision = 0.5 * 10.0 ** -(len(raw) - raw.index(".") - 1) if "." in raw else 0.5
    scale_f = 1.0
    if sc is not None:
        # the same tests as in _read_amount_steps; a spaced abbreviation without a currency is no scale there
        if not (scale or sp == "" or cur is not None):
            return _read_amount_steps(c, text, i)
        if short is not None:
            if short.lower() == "m" and text[m.end("sc") : m.end("sc") + 1] in ("²", "³"):
                return _read_amount_steps(c, text, i)
            scale_f = c.short_scales[short.lower()]
        else:
            scale_f = c.scales[scale.lower()]
        number *= scale_f
        precision *= scale_f
    currency = unit = None
    if sf is not None:
        if cname is not None or code is not None:
            currency = c.currency_names[_norm(cname)] if cname else c.lex.currency_codes[code]
            if cur is not None and cur != currency:
                return _read_amount_steps(c, text, i)
        elif cur is None:
            unit = c.unit_words[_norm(uword)] if uword else c.unit_symbols[usym]
        else:
            return _read_amount_steps(c, text, i)
    else:
        currency = cur
    if mu is not None and (currency is not None or unit is not None):
        return _read_amount_steps(c, text, i)
    if glued is not None:
        return None  # "4o", "5G", "18th": letters glued to the number make it a name or an ordinal
    if ah is None:
        after, end = None, m.end("gl")
    else:
        after, end = c.hedge_of.get(("after", _norm(ah.strip(" \u00a0")))), m.end("ah")
    # positional: start, end, number, precision, scale, currency, unit, multiple, digits, after, decimal_comma
    return _Amount(i, end, number, precision, scale_f, currency, unit, mu is not None, dig, after, decimal_comma)


def _read_amount_steps(c: _Compiled, text: str, i: int) -> _Amount | None:
    """`_read_amount` piece by piece: one pattern for the amount, then one for each thing that may follow."""
    m = c.amount.match(text, i)
    if not m:
        return None
    cur = c.currency_prefix.get(m.group("cur")) if m.group("cur") else None
    dig = m.group("dig")
    decimal_comma = False
    if dig is not None:
        raw, number, decimal_comma = _digits(dig)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        precision = 0.5 * 10.0**-decimals
        j = m.end()
    else:
        wv = _word_value(c, text, m.start("word"), m.end("word"))
        if wv is None:
            return None
        number, precision, j = wv
    if _may_follow(c.g_skip_after, text, j) and c.skip_after.match(text, j):
        return None  # "5,000 crore": a unit this reader does not normalise
    amount = _Amount(
        start=m.start(),
        end=j,
        number=number,
        precision=precision,
        scale=1.0,
        currency=cur,
        digits=dig,
        decimal_comma=decimal_comma,
    )
    sm = c.scale.match(text, j) if _may_follow(c.g_scale, text, j) else None
    if sm:
        short = sm.group("short")
        # A spaced abbreviation ("5 m") is a scale only after a currency; glued ("5m") it always is,
        # except in "10m²"; a superscript after "bn" is a footnote ("$5bn²").
        squared = short is not None and short.lower() == "m" and text[sm.end() : sm.end() + 1] in ("²", "³")
        if (sm.group("scale") or sm.group("sp") == "" or cur is not None) and not squared:
            mult = c.scales[sm.group("scale").lower()] if sm.group("scale") else c.short_scales[short.lower()]
            amount.scale = mult
            amount.number *= mult
            amount.precision *= mult
            j = sm.end()
    um = c.suffix.match(text, j)
    if um:
        if um.group("cname") or um.group("code"):
            name = um.group("cname")
            code = c.currency_names[_norm(name)] if name else c.lex.currency_codes[um.group("code")]
            if cur is None or cur == code:
                amount.currency = code
                j = um.end()
        elif cur is None:
            amount.unit = (
                c.unit_words[_norm(um.group("uword"))] if um.group("uword") else c.unit_symbols[um.group("usym")]
            )
            j = um.end()
    if amount.currency is None and amount.unit is None:
        mm = c.multiple.match(text, j) if _may_follow(c.g_multiple, text, j) else None
        if mm:
            amount.multiple = True
            j = mm.end()
    if j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
        return None  # "4o", "5G", "18th": letters glued to the number make it a name or an ordinal
    hm = c.after_hedge.match(text, j) if _may_follow(c.g_after_hedge, text, j) else None
    if hm:
        amount.after = c.hedge_of.get(("after", _norm(hm.group().strip(" \u00a0"))))
        j = hm.end()
    amount.end = j
    return amount


# --------------------------------------------------------------------------------------------------
# Extraction


def _prev_word(c: _Compiled, text: str, start: int, rtext: str | None = None) -> str | None:
    """The word before start. rtext, text reversed, saves reversing a slice (the reversed patterns have no
    look-behind, so matching them inside rtext between pos and endpos is the same as on the slice)."""
    if rtext is None:
        m = c.prev_word_rev.match(text[max(0, start - 30) : start][::-1])
    else:
        n = len(text)
        m = c.prev_word_rev.match(rtext, n - start, n - max(0, start - 30))
    return m.group("w")[::-1] if m else None


def _is_label(c: _Compiled, text: str, start: int, a: _Amount, rtext: str) -> bool:
    """True when the number names or labels something: "GPT-4", "Windows 11", "page 5", "#1"."""
    if start == 0:
        return False
    pc = text[start - 1]
    if pc in "#@":
        return True
    if pc in "-–−/":
        if start >= 2:
            p2 = text[start - 2]
            if p2.isdigit():
                return True  # the tail of "2024-25" or "3-1" that did not read as a range
            if p2.isalpha():
                return True  # "COVID-19", "MAI-1", "GPT-5.4"
        return False  # no space before the number: no word before it either
    if pc != " " and pc != "\u00a0":
        return False  # the word before a number is separated by spaces (`prev_word_rev`)
    n = len(text)
    m = c.prev_word_rev.match(rtext, n - start, n - max(0, start - 30))  # _prev_word, written out
    if m is None:
        return False
    word = m.group("w")[::-1]
    bare = word.rstrip(".")
    low = bare.lower()
    if low in c.version_words and low not in c.lead_words:
        return True
    if a.currency or a.unit or a.scale != 1.0:
        return False
    # A capitalised word right before the number ("Microsoft 365", "Opus 4.1", "Boeing 737"), unless a
    # title-case headline verb counts what follows ("Acme Hires 300 Engineers"). The word is ASCII
    # (`prev_word_rev`), so it has a capital letter exactly when it differs from its lower case.
    return (
        low != bare
        and low not in c.lead_words
        and bare not in c.months
        and not word.endswith(("'s", "’s"))
        and not (low in c.headline_verbs and _capitalised_noun_follows(c, text, a.end))
    )


def _capitalised_noun_follows(c: _Compiled, text: str, j: int) -> bool:
    m = c.noun_word.match(text, j)
    return bool(m) and m.group("w")[0].isupper()


def _year_date(
    c: _Compiled, text: str, start: int, a: _Amount, hedge: str | None = None, rtext: str | None = None
) -> DateParts | Literal[False] | None:
    """A bare four-digit year: a date after "in", "since", "mid-"...; otherwise not a quantity (False).

    Returns None when the number is not year-like at all.
    """
    if (
        a.digits is None
        or len(a.digits) != 4
        or not a.digits.isdigit()
        or a.currency
        or a.unit
        or a.multiple
        or a.scale != 1.0
    ):
        return None
    year = int(a.digits)
    lo, hi = c.lex.year_range
    if not lo <= year <= hi:
        return None
    if hedge and hedge not in c.year_hedge_prepositions:
        return None  # "up to 2000 workers": a hedge makes it an amount (a count needs its noun)
    if rtext is None:
        glued = c.glued_word_rev.match(text[max(0, start - 12) : start][::-1])
    else:
        glued = c.glued_word_rev.match(rtext, len(text) - start, len(text) - max(0, start - 12))
    if glued and glued.group("w")[::-1].lower() in c.year_words:
        return _date_parts(year=year)
    word = _prev_word(c, text, start, rtext)
    if word and word.rstrip(".").lower() in c.year_words:
        return _date_parts(year=year)
    return False


def _read_noun(c: _Compiled, text: str, j: int) -> tuple[str | None, int]:
    """The counted noun after j: up to three words, stopping at function words, verbs, punctuation."""
    words: list[str] = []
    end = j
    pos = j
    for _ in range(3):
        m = c.noun_word.match(text, pos)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if low in c.stopwords or low in c.month_words:
            break
        if words and w[0].isupper() and not words[-1][0].isupper() and not w.isupper():
            break  # a capitalised word after a lower-case one starts a name, not the noun
        if low.endswith("ly") and low not in ("early", "family", "supply", "daily", "weekly", "monthly"):
            break  # adverbs
        if words and low.endswith("ed"):
            break  # a past-tense verb after the noun: "fans attended"; first place keeps "paid users"
        words.append(w)
        end = m.end()
        pos = m.end()
        if (
            w.endswith(("'s", "’s"))
            or low in c.plurals
            or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2)
        ):
            break  # the plural head ends the noun phrase: "AI models", "paid users", "people"
    if not words:
        return None, j
    if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper() and not words[0].endswith("s"):
        return None, j  # "10115 Berlin", "3 Tesla": a name, not something counted
    return " ".join(words), end


def _bounds(h: HedgeSpec | None, value: float) -> tuple[Qualifier, float | None, float | None]:
    if h is None:
        return "exact", value, value
    low = None if h.low is None else h.low * value
    high = None if h.high is None else h.high * value
    if low is not None and high is not None and low > high:  # a negative temperature
        low, high = high, low
    return h.qualifier, low, high


def _template(model: type[BaseModel]) -> dict[str, Any] | None:
    """Each field of model and its default (`_MISSING` when required), in declaration order; None when
    `model_construct` does more than fill `__dict__` in that order (aliases, default factories, a post-init hook,
    private attributes, extra="allow") or a default is mutable (it would need pydantic's copy)."""
    fields = model.model_fields
    simple = (
        not model.__pydantic_post_init__
        and not model.__private_attributes__
        and not getattr(model, "__pydantic_root_model__", False)
        and model.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None and f.default_factory is None for f in fields.values())
    )
    if not simple:
        return None
    template = {
        n: _MISSING if f.is_required() else f.get_default(call_default_factory=False) for n, f in fields.items()
    }
    if any(not isinstance(v, (str, int, float, bool, type(None))) for v in template.values() if v is not _MISSING):
        return None
    return template


_MISSING = object()


def _builder(model: type[Any]) -> Any:
    """A constructor equivalent to `model.model_construct(**fields)`, without its per-call overhead.

    `model_construct` walks every field (aliases, default factories) on each call, about 10 µs; here the
    field order and defaults are read once and each instance gets the same `__dict__` (fields in declaration
    order), `__pydantic_fields_set__` (the names passed), no extra and no private state. Anything this does
    not reproduce exactly falls back to `model_construct` (see `_template`).
    """
    template = _template(model)
    if template is None:
        return model.model_construct
    size = len(template)

    def build(**values: Any) -> Any:
        d = template.copy()
        d.update(values)  # keeps the declaration order of the fields
        if len(d) != size or _MISSING in d.values():  # an unknown or a missing field: pydantic's own way
            return model.model_construct(**values)
        return _bare(model, d, set(values))

    return build


def _bare(model: type[Any], fields: dict[str, Any], fields_set: set[str]) -> Any:
    """An instance of `model` holding `fields` as `model_construct` would leave it: no extra, no private state."""
    m = model.__new__(model)
    setattr_ = object.__setattr__
    setattr_(m, "__dict__", fields)
    setattr_(m, "__pydantic_fields_set__", fields_set)
    setattr_(m, "__pydantic_extra__", None)
    setattr_(m, "__pydantic_private__", None)
    return m


def _positional(names: tuple[str, ...]) -> Any:
    """`_quantity` for the given fields, passed in that order: no keyword dict and no checks per call."""
    template = _template(Quantity)
    if (
        template is None
        or not set(names) <= set(template)
        or any(v is _MISSING for k, v in template.items() if k not in names)
    ):

        def generic(*values: Any) -> Quantity:
            return _quantity(**dict(zip(names, values, strict=True)))

        return generic

    def build(*values: Any) -> Quantity:
        d = template.copy()
        d.update(zip(names, values, strict=True))  # keeps the declaration order of the fields
        return _bare(Quantity, d, set(names))

    return build


# The fields are built here with the right types; skipping validation keeps extraction fast.
_quantity = _builder(Quantity)
_date_parts = _builder(DateParts)
_date_quantity = _positional(("start", "end", "text", "value", "low", "high", "unit", "dimension", "date"))
_simple_quantity = _positional(
    ("start", "end", "text", "value", "low", "high", "unit", "dimension", "qualifier", "precision")
)

_NUMBER_FIELDS = ("start", "end", "text", "value", "low", "high", "unit", "dimension", "qualifier", "precision", "noun")


def _number_quantity_builder() -> Any:
    """`_quantity` for the fields an amount sets, taken in that order: the hot path of the reader.

    The same instance as `_quantity(**dict(zip(_NUMBER_FIELDS, values)))`, with the dict of fields written out
    (no keyword dict, no template copy); where the fields of Quantity are not the expected ones, that call.
    """
    fields = Quantity.model_fields
    if _template(Quantity) is None or tuple(fields) != (*_NUMBER_FIELDS, "date") or fields["date"].default is not None:

        def generic(*values: Any) -> Quantity:
            return _quantity(**dict(zip(_NUMBER_FIELDS, values, strict=True)))

        return generic
    new, setattr_ = Quantity.__new__, object.__setattr__

    def build(
        start: int,
        end: int,
        text: str,
        value: float | None,
        low: float | None,
        high: float | None,
        unit: str,
        dimension: str,
        qualifier: Qualifier,
        precision: float,
        noun: str | None,
    ) -> Quantity:
        m = new(Quantity)
        setattr_(
            m,
            "__dict__",
            {
                "start": start,
                "end": end,
                "text": text,
                "value": value,
                "low": low,
                "high": high,
                "unit": unit,
                "dimension": dimension,
                "qualifier": qualifier,
                "precision": precision,
                "noun": noun,
                "date": None,
            },
        )
        setattr_(m, "__pydantic_fields_set__", set(_NUMBER_FIELDS))
        setattr_(m, "__pydantic_extra__", None)
        setattr_(m, "__pydantic_private__", None)
        return m

    return build


_number_quantity = _number_quantity_builder()


def _date_q(text: str, start: int, end: int, parts: DateParts) -> Quantity:
    return _date_quantity(start, end, text[start:end], None, None, None, "date", "date", parts)


def _two_digit_year(s: str) -> int:
    return int(s) if len(s) == 4 else 2000 + int(s)


class _Reader:
    """One pass over one text."""

    def __init__(self, c: _Compiled, text: str) -> None:
        self.c = c
        self.text = text
        self.n = len(text)
        self.rtext = text[::-1]  # the left context is read backwards by anchored patterns, inside this
        self.out: list[Quantity] = []
        self.floor = 0  # end of the last quantity: hedges may not reach back past it

    def hedge_before(self, start: int) -> tuple[int, str | None]:
        """Start and phrase of the hedge right before start, if any."""
        lo = start - _LOOK_BACK
        if lo < self.floor:
            lo = self.floor
        n = self.n
        m = self.c.before_hedge_rev_g.match(self.rtext, n - start, n - lo)
        if m is None:
            return start, None
        return start - (m.end("h") - (n - start)), _norm(m.group("h")[::-1])

    def add(self, q: Quantity) -> None:
        self.out.append(q)
        self.floor = q.end

    def run(self) -> list[Quantity]:
        c, text = self.c, self.text
        scan = c.scan_from.search
        dispatch, skip_at = c.reading()
        handlers = c.handlers
        n = len(text)
        no_word_start = c.no_word_start
        p = 0  # the text's start is always a candidate (`^` in the scan)
        # Candidates lie inside the text: nothing can start at its end, which the scan never reports (p == n
        # only for an empty text).
        while p < n:
            ch = text[p]
            if skip_at is not None and (sk := skip_at[ch]) is not None and (skip := sk.match(text, p)) is not None:
                pos = skip.end()  # a user-supplied shape to skip: first, as SKIP is in the master
            else:
                pat = dispatch[ch]
                m = pat.match(text, p) if pat is not None else None
                if m is None:
                    pos = p + 1
                else:
                    handler = handlers.get(m.lastgroup)  # type: ignore[arg-type]
                    pos = handler(self, m) if handler else None  # skip shapes and list markers have no handler
                    if pos is None:
                        pos = m.end()
            if pos <= p:
                pos = p + 1
            # The next candidate at or after pos: the scan may report it at the character before pos.
            if pos < n and text[pos - 1] in _DIGITS and text[pos] in no_word_start:
                s = scan(text, pos)  # the scan from pos - 1 would report the digit there, and nothing at pos
            else:
                s = scan(text, pos - 1)
                if s is None:
                    break
                q = s.start()
                if q < pos:
                    if s.lastgroup != "h":
                        p = q + 1
                        continue
                    s = scan(text, pos)
            if s is None:
                break
            p = s.start()
            if s.lastgroup not in _AT_MATCH:
                p += 1
        return self.out

    # ---- dates ---------------------------------------------------------------------------------

    def on_iso(self, m: re.Match[str]) -> int:
        y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            self.add(_date_q(self.text, m.start(), m.end(), _date_parts(year=y, month=mo, day=d)))
        return m.end()

    def _year_ok(self, s: str | None) -> int | None:
        if s is None:
            return None
        lo, hi = self.c.lex.year_range
        return int(s) if lo <= int(s) <= hi else None

    def on_mdate(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        name = m.group("mon").rstrip(".")
        month = c.months[name]
        day = int(m.group("md")) if m.group("md") else None
        year = self._year_ok(m.group("my"))
        end = m.end()
        if day is not None and not 1 <= day <= 31:
            day, year, end = None, None, m.end("mon")
        if year is None and m.group("my"):
            end = m.end("md") if day is not None else m.end("mon")
        if day is None and year is None:
            word = _prev_word(c, text, m.start(), self.rtext)
            if name in c.lex.month_abbreviations or (
                name in c.lex.ambiguous_months
                and not (word and word.lower() in c.year_words | {"last", "next", "this"})
            ):
                return m.end("mon")
            end = m.end("mon") - (1 if text[m.end("mon") - 1] == "." else 0)
        self.add(_date_q(text, m.start(), end, _date_parts(year=year, month=month, day=day)))
        return end

    def on_ddate(self, m: re.Match[str]) -> int:
        day = int(m.group("dd"))
        if not 1 <= day <= 31:
            return m.start() + 1
        month = self.c.months[m.group("dmon").rstrip(".")]
        year = self._year_ok(m.group("dy"))
        end = m.end() if year is not None or not m.group("dy") else m.end("dmon")
        if self.text[end - 1] == "." and m.group("dmon").rstrip(".") in self.c.lex.months:
            end -= 1  # "on 18 November." ends the sentence; "18 Nov." keeps its point
        self.add(_date_q(self.text, m.start(), end, _date_parts(year=year, month=month, day=day)))
        return end

    def on_quarter(self, m: re.Match[str]) -> int:
        q = int(m.group("q")) if m.group("q") else self.c.lex.ordinals[m.group("qo").lower()]
        tail = self.c.period_tail.match(self.text, m.end())
        year, fiscal, end = None, False, m.end()
        if tail:
            fiscal = bool(tail.group("fy"))
            ys = tail.group("fyy") or tail.group("ay") or tail.group("y")
            year = _two_digit_year(ys)
            end = tail.end()
        elif m.group("qo"):
            return m.end()  # "third quarter" is a period only with a year or FY
        self.add(_date_q(self.text, m.start(), end, _date_parts(year=year, quarter=q, fiscal=fiscal)))
        return end

    def on_fiscal(self, m: re.Match[str]) -> int:
        year = _two_digit_year(m.group("fy1") or m.group("fy2"))
        self.add(_date_q(self.text, m.start(), m.end(), _date_parts(year=year, fiscal=True)))
        return m.end()

    def on_rel(self, m: re.Match[str]) -> int:
        self.add(_date_q(self.text, m.start(), m.end(), _date_parts(relative=_norm(m.group()))))
        return m.end()

    # ---- fractions, multiples, vague amounts -----------------------------------------------------

    def _simple(self, start: int, end: int, value: float, unit: str, dimension: str, precision: float = 0.0) -> int:
        hstart, phrase = self.hedge_before(start)
        h = self.c.hedge_of.get(("before", phrase)) if phrase else None
        if h is None:
            hstart = start
        qualifier, low, high = _bounds(h, value)
        self.add(
            _simple_quantity(
                hstart, end, self.text[hstart:end], value, low, high, unit, dimension, qualifier, precision
            )
        )
        return end

    def on_frac(self, m: re.Match[str]) -> int:
        a, b = int(m.group("fa")), int(m.group("fb"))
        if not 0 < a < b:
            return m.end()  # "24/7", "50/50": not a share of a whole
        return self._simple(m.start(), m.end(), a / b, "fraction", "fraction")

    def on_wfrac(self, m: re.Match[str]) -> int:
        text = self.text
        if m.group("fd") is None:  # "half of", "half the"
            return self._simple(m.start(), m.end(), 0.5, "fraction", "fraction")
        # "a third" alone may be an ordinal ("a third company"): spaced forms need "of" after them.
        if m.group("fsep") != "-" and not self.c.of_after.match(text, m.end()):
            return m.start("fsep")
        num = m.group("fn").lower()
        n = 1 if num in ("a", "an") else self.c.number_words[num]
        d = self.c.fractions[m.group("fd").lower()]
        if n >= d:
            return m.end()
        return self._simple(m.start(), m.end(), n / d, "fraction", "fraction")

    def on_mword(self, m: re.Match[str]) -> int:
        value = self.c.lex.multiple_words[m.group().lower()]
        return self._simple(m.start(), m.end(), value, "multiple", "multiple")

    def on_vague(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        lo_f, hi_f = c.lex.vague[m.group("vw").lower()]
        scale = c.lex.vague_scales[m.group("vs").lower()] if m.group("vs") else 1.0
        end = m.end()
        unit, dimension, noun = "count", "count", None
        tail = c.vague_tail.match(text, end)
        if tail:
            unit, dimension, end = c.currency_names[_norm(tail.group("cname"))], "currency", tail.end()
        else:
            of = c.vague_of.match(text, end)
            if of:
                noun, nend = _read_noun(c, text, of.end())
                if noun:
                    end = nend
        if not m.group("vs") and unit == "count" and noun is None:
            return m.end()  # bare "Billions", "tens": no quantity
        self.add(
            _quantity(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                value=None,
                low=lo_f * scale,
                high=hi_f * scale,
                unit=unit,
                dimension=dimension,
                qualifier="vague",
                noun=noun,
            )
        )
        return end

    # ---- numbers ---------------------------------------------------------------------------------

    def on_madj(self, m: re.Match[str]) -> int:
        """ "a billion-dollar deal", "multibillion-pound": a vague magnitude in a currency, or nothing."""
        c = self.c
        low, high = c.magnitude_adjectives[m.group("ma").lower().replace("-", "")]
        unit = c.adjective_currencies[m.group("mc").lower()]
        start, end = m.start("ma"), m.end()
        self.add(
            _quantity(
                start=start,
                end=end,
                text=self.text[start:end],
                value=None,
                low=low,
                high=high,
                unit=unit,
                dimension="currency",
                qualifier="vague",
            )
        )
        return end

    def on_num(self, m: re.Match[str]) -> int | None:
        c, text = self.c, self.text
        start = m.start()
        # "In 2024,25 companies moved": a year after its date word, a comma, then another number.
        yc = c.year_comma.match(text, start) if text[start + 4 : start + 5] == "," else None
        if yc and m.group("num")[:1].isdigit():
            year = self._year_ok(yc.group("y"))
            word = _prev_word(c, text, start, self.rtext)
            if year is not None and word and word.lower() in c.year_words:
                self.add(_date_q(text, start, yc.end("y"), _date_parts(year=year)))
                return self._number(yc.end(), yc.end())
        if m.group("dig") is None:  # number words: read piece by piece
            return self._number(start, m.end("word"))
        # the master's match holds the amount and its tail: no second reading
        a = _amount_of(c, text, start, m)
        return m.end("dig") if a is None else self._with_amount(a, start, m.end("dig"))

    def _number(self, start: int, fallback: int) -> int:
        """Read the amount that starts at start; returns where the search goes on."""
        a = _read_amount(self.c, self.text, start)
        return fallback if a is None else self._with_amount(a, start, fallback)

    def _with_amount(self, a: _Amount, start: int, fallback: int) -> int:
        """The quantity of amount a, read at start, with what stands before and after it."""
        c, text, n, rtext, floor = self.c, self.text, self.n, self.rtext, self.floor
        rs = n - start  # start in rtext
        # What stands before the number (read leftwards, all pure): a unit word ("magnitude 7.1"), a minus sign
        # (kept for temperatures: "-10°C", "minus 18 degrees") and a hedge; a label ("Windows 11") is told
        # first, as it needs neither of the last two.
        pre = None
        neg: re.Match[str] | bool | None = False  # False: not read yet
        hstart, phrase, hedged = start, None, False
        if a.currency is None:
            if a.unit is None and c.prefix_rev_g is not None:
                lo = start - 16 if start - 16 > floor else floor
                pm = c.prefix_rev_g.match(rtext, rs, n - lo)
                if pm:
                    pre = c.prefix_units[pm.group("w")[::-1].lower()]
                    a.unit = pre
                    pm_len = pm.end() - rs
                    hstart, phrase = self.hedge_before(start - pm_len)
                    if phrase is None:
                        hstart = start - pm_len
                    hedged = True
            if a.digits is not None and pre is None:
                # only four digits can be a year: the other numbers skip _year_date's tests
                if len(a.digits) == 4:
                    lo = start - 8 if start - 8 > floor else floor
                    neg = c.minus_rev_g.match(rtext, rs, n - lo)
                    hstart, phrase = self.hedge_before(start - (neg.end() - rs if neg else 0))
                    hedged = True
                    year = _year_date(c, text, start, a, None if phrase in c.range_openers else phrase, rtext)
                    if year is False:
                        return a.end
                    if year is not None:
                        self.add(_date_q(text, start, a.end, year))
                        return self._year_pair(a.end)
                if _is_label(c, text, start, a, rtext):
                    return a.end
            if a.decimal_comma and not (a.unit or a.scale != 1.0):
                return fallback  # "2024,25": a decimal comma only where a unit makes it unambiguous
        if neg is False:
            lo = start - 8 if start - 8 > floor else floor
            neg = c.minus_rev_g.match(rtext, rs, n - lo)
        neg_len = neg.end() - rs if neg else 0
        if not hedged:  # self.hedge_before(start - neg_len), written out
            hs = start - neg_len
            lo = hs - _LOOK_BACK if hs - _LOOK_BACK > floor else floor
            hm = c.before_hedge_rev_g.match(rtext, n - hs, n - lo)
            if hm is not None:
                hstart, phrase = hs - (hm.end("h") - (n - hs)), _norm(hm.group("h")[::-1])

        if phrase:
            opener = c.range_openers.get(phrase)
            hedge = None if opener else c.hedge_of.get(("before", phrase))
        else:
            opener = hedge = None

        # A range: "$20-25 billion", "$20 billion to $25 billion", "between 2,000 and 3,000 workers".
        b = None
        if a.after is None and not a.multiple:
            cm = c.connector_g.match(text, a.end)
            if cm and (opener == "and" or cm.group("c").lower() != "and"):
                b = _read_amount(c, text, cm.end())
                if b is not None:
                    return self._range(a, b, start, hstart, opener, hedge, pre, neg_len if neg else None, fallback)

        # One amount: the common case.
        end = a.end
        noun = None
        unit = a.unit
        if a.currency:
            factor, offset, unit_name, dimension = 1.0, 0.0, a.currency, "currency"
        elif unit:
            factor, offset, unit_name, dimension = unit.factor, unit.offset, unit.unit, unit.dimension
        elif a.multiple:
            factor, offset, unit_name, dimension = 1.0, 0.0, "multiple", "multiple"
        else:
            # A count needs digits or a scale word ("three companies" is not a count) and a noun.
            if a.digits is None and a.scale == 1.0:
                return fallback
            noun, end = _read_noun(c, text, end)
            if noun is None:
                return fallback
            factor, offset, unit_name, dimension = 1.0, 0.0, "count", "count"
        if hedge is not None and dimension in hedge.not_for:
            hedge = None
        if pre is None and hedge is None:
            hstart = start  # only a hedge (or "between"/"from") joins the span
        value = a.number * factor + offset
        if dimension == "temperature" and neg:
            # "-10°C", "minus 18 degrees": the only dimension where news writes a number below zero
            value = -a.number * factor + offset
            if start - neg_len < hstart:
                hstart = start - neg_len
        h = hedge or a.after
        if h is None:
            qualifier: Qualifier = "exact"
            low = high = value
        else:
            qualifier, low, high = _bounds(h, value)
        q = _number_quantity(
            hstart, end, text[hstart:end], value, low, high, unit_name, dimension, qualifier, a.precision * factor, noun
        )
        self.out.append(q)
        self.floor = end
        return end

    def _range(
        self,
        a: _Amount,
        b: _Amount,
        start: int,
        hstart: int,
        opener: str | None,
        hedge: HedgeSpec | None,
        pre: _Unit | None,
        neg_len: int | None,
        fallback: int,
    ) -> int:
        """Amounts a and b joined by a connector: a range when they agree, else a alone (neg_len: the minus sign)."""
        c, text = self.c, self.text
        low = high = None
        lo = a.number * (b.scale if a.scale == 1.0 and b.scale != 1.0 else 1.0)
        same = (a.currency is None or b.currency in (None, a.currency)) and (a.unit is None or b.unit in (None, a.unit))
        if same and lo < b.number and b.after is None:
            low, high = lo, b.number
        else:
            b = None
        last = b or a
        currency = (b.currency if b and b.currency else None) or a.currency
        unit = (b.unit if b and b.unit else None) or a.unit
        multiple = a.multiple or (b.multiple if b else False)
        end = last.end
        precision = max(a.precision, b.precision) if b else a.precision
        noun = None
        offset = 0.0
        if currency:
            factor, unit_name, dimension = 1.0, currency, "currency"
        elif unit:
            factor, offset, unit_name, dimension = unit.factor, unit.offset, unit.unit, unit.dimension
        elif multiple:
            factor, unit_name, dimension = 1.0, "multiple", "multiple"
        else:
            # A count needs digits or a scale word ("three companies" is not a count) and a noun.
            if last.digits is None and last.scale == 1.0:
                return fallback
            noun, end = _read_noun(c, text, last.end)
            if noun is None:
                return fallback
            factor, unit_name, dimension = 1.0, "count", "count"
        if hedge is not None and dimension in hedge.not_for:
            hedge = None
        if pre is None and ((b is not None and opener is None) or (b is None and hedge is None)):
            hstart = start  # a range carries its own qualifier; only "between"/"from" join its span
        sign = 1.0
        if dimension == "temperature" and neg_len is not None:
            # "-10°C", "minus 18 degrees": the only dimension where news writes a number below zero
            sign = -1.0
            hstart = min(hstart, start - neg_len)
        if b is not None:
            low, high = sign * low * factor + offset, high * factor + offset  # type: ignore[operator]
            value = (low + high) / 2
            qualifier: Qualifier = "range"
        else:
            value = sign * a.number * factor + offset
            qualifier, low, high = _bounds(hedge or a.after, value)
        q = _number_quantity(
            hstart, end, text[hstart:end], value, low, high, unit_name, dimension, qualifier, precision * factor, noun
        )
        self.out.append(q)
        self.floor = end
        return end

    def _year_pair(self, end: int) -> int:
        """After a year that is a date: "between 2020 and 2025", "from 2019 to 2024", "2020-2025"."""
        m = self.c.year_pair.match(self.text, end)
        if not m:
            return end
        year = self._year_ok(m.group("y"))
        if year is None:
            return end
        self.add(_date_q(self.text, m.start("y"), m.end("y"), _date_parts(year=year)))
        return m.end("y")


def extract_quantities(text: str, lexicon: QuantityLexicon) -> list[Quantity]:
    """Every quantity and date stated in text, sorted by start and non-overlapping."""
    compiled = lexicon._compiled
    if compiled is None:  # a lexicon built with model_construct skips model_post_init
        compiled = _Compiled(lexicon)
    return _Reader(compiled, text).run()
