"""Character at a candidate -> the master pattern, or None where nothing can match there.

The master pattern (`patterns.Compiled`) is one alternation of every shape a quantity (or a shape to skip)
takes; a candidate at a character that none of them can start with need not try it.
"""

from __future__ import annotations

import re

from factcheck.extract.quantities.firstchars import first_chars
from factcheck.ruleset import saferegex


def _skip_alt(patterns: list[str]) -> str:
    return "(?P<skip>" + "|".join(f"(?:{p})" for p in patterns) + ")"


class Dispatch(dict[str, "re.Pattern[str] | None"]):
    """Character at a candidate -> the master pattern, or None where no alternative can start with it.

    The master is `(?:SKIP|A|B|...)` with SKIP = `(?P<skip>(?:s1)|(?:s2)|...)`. A candidate whose character
    starts no alternative (nor SKIP) is passed over without trying the master. Characters outside the analysed
    universe get the master. The master is not cut down per character: compiling cut-down masters (one per
    set of alternatives, 0.2-0.3 s each) was measured to cost more than it saves, on the real-article
    rewrites and on a generated corpus alike (benchmarks/bench_extract.py, benchmarks/bench_quantities.py).
    """

    def __init__(self, skips: list[str], alts: list[str], universe: tuple[str, ...]):
        super().__init__()
        self.skips, self.alts = skips, alts
        self._master: re.Pattern[str] | None = None
        self.starts: str | None = None  # the characters some alternative can start with; None: any character
        skip_infos = [first_chars(p, universe) for p in skips]
        infos = [first_chars(a, universe) for a in alts]
        if any(i is None for i in [*skip_infos, *infos]):
            return  # no analysis: every character gets the master

        def can(info: tuple[frozenset[str], bool] | None, ch: str) -> bool:
            return info is not None and (info[1] or ch in info[0])

        every = [*skip_infos, *infos]
        starting = "".join(ch for ch in universe if any(can(info, ch) for info in every))
        self.update((ch, None) for ch in universe if ch not in starting)
        if len(self):  # some analysed characters start no alternative
            self.starts = starting

    @property
    def master(self) -> re.Pattern[str]:
        if self._master is None:
            kept = [_skip_alt(self.skips), *self.alts] if self.skips else self.alts
            self._master = re.compile("(?:" + "|".join(kept) + ")")
        return self._master

    def __missing__(self, ch: str) -> re.Pattern[str]:
        pattern = self[ch] = self.master
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
