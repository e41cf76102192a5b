"""Character at a candidate -> the part of the master pattern that can match there.

The master pattern (`patterns.Compiled`) is one alternation of every shape a quantity (or a shape to skip)
takes; at a candidate, only the alternatives that can start with the character there need trying.
"""

from __future__ import annotations

import re

from factcheck.extract.quantities.firstchars import first_chars
from factcheck.ruleset import saferegex


def _skip_alt(patterns: list[str]) -> str:
    return "(?P<skip>" + "|".join(f"(?:{p})" for p in patterns) + ")"


class Dispatch(dict[str, "re.Pattern[str] | None"]):
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
        skip_infos = [first_chars(p, universe) for p in skips]
        infos = [first_chars(a, universe) for a in alts]
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


class SkipDispatch(dict[str, "saferegex.SafePattern | None"]):
    """Character at a candidate -> the user-supplied ignore_patterns that can start with it, as one pattern.

    They run through `saferegex`, with a time limit, before the master pattern (which then holds no skip
    alternative): the same order as SKIP first in the master, so the same shapes are skipped. Compiled on use.
    """

    def __init__(self, patterns: list[str], universe: tuple[str, ...], where: str):
        super().__init__()
        self.patterns, self.where, self.universe = patterns, where, frozenset(universe)
        self.infos = [first_chars(p, universe) for p in patterns]  # None (all characters) for `regex`-only syntax
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
