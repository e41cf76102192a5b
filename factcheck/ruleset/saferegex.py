"""Regular expressions from rule files, run with a time limit.

Every pattern in a rule file is user-supplied (`--rules DIR` can replace any shipped file), so a catastrophic
pattern such as `(a|aa)+$` must not hang a CI gate. `compile()` returns a `SafePattern`: the same method
names as `re.Pattern` (search, match, fullmatch, finditer, findall, sub, split), backed by the `regex`
module, whose matching can stop after `timeout` seconds. A pattern that runs out of time raises
`RegexTimeout`, a `RuleFileError` naming the rule file, the field and the pattern: the command line reports it
and exits 2 (a rule that cannot be run is a malformed rule; a silently skipped check would hide findings).

The limit is per call (one search over one sentence or line), `TIMEOUT` seconds; the environment variable
`FACTCHECK_REGEX_TIMEOUT` overrides it.

Most rule patterns need some literal word ("exclusive", "deal"), and most sentences contain none of them:
`required_literals` reads those words off the pattern once, and a text that contains none of them is answered
"no match" without running the pattern. A pattern with no such word (or one this reader is unsure of) always
runs; every call that does run a pattern runs with the time limit.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import regex

from factcheck.ruleset.files import RuleFileError

TIMEOUT = 1.0

# `re` flags -> `regex` flags (ASCII differs: re.A is 256, regex.A is 128)
_FLAGS = (
    (re.IGNORECASE, regex.IGNORECASE),
    (re.MULTILINE, regex.MULTILINE),
    (re.DOTALL, regex.DOTALL),
    (re.VERBOSE, regex.VERBOSE),
    (re.ASCII, regex.ASCII),
    (re.UNICODE, regex.UNICODE),
)


class RegexTimeout(RuleFileError):
    """A rule-file pattern that ran out of time on some input; the message names the rule and the input."""


def timeout() -> float:
    try:
        return float(os.environ.get("FACTCHECK_REGEX_TIMEOUT", "")) or TIMEOUT
    except ValueError:
        return TIMEOUT


def _flags(flags: int) -> int:
    out = 0
    for a, b in _FLAGS:
        if flags & a:
            out |= b
    return out


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# -- literal prefilter ---------------------------------------------------------------------------------

try:  # the standard library's own parser: private, so a Python without it simply gets no prefilter
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _P = _C = None  # type: ignore[assignment]

# syntax the `regex` module reads differently from `re` (POSIX classes, nested sets, fuzzy matching,
# version 1 set operations, named lists, branch reset): such a pattern gets no prefilter
_UNSURE = re.compile(r"\[\[|\[:|\{(?![0-9]*,?[0-9]*\})|\(\?[^:=!<>P#imsxauL)-]|\\[pPLXGKmMNh]")


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case ASCII strings of which every match of `pattern` contains at least one, whatever the case;
    None when there is no such set or the pattern is not plain enough to be sure."""
    if _P is None or _UNSURE.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning marks syntax that may be ambiguous: no prefilter
            tree = _P.parse(pattern, flags & re.VERBOSE)
        found = _required(list(tree))
    except Exception:  # whatever the standard parser cannot read simply gets no prefilter
        return None
    if not found:
        return None
    kept: list[str] = []
    for lit in sorted(found, key=lambda s: (len(s), s)):  # "sole" already covers "solely"
        if not any(k in lit for k in kept):
            kept.append(lit)
    return tuple(kept)


def _required(items: list[Any]) -> frozenset[str] | None:
    """The literals one of which every match of this sequence of parsed items contains, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset(["".join(run).lower()]))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        sub: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            sub = _required(list(av[3]))
        elif op is _C.ATOMIC_GROUP:
            sub = _required(list(av))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            sub = _required(list(av[2])) if av[0] >= 1 else None
        elif op is _C.BRANCH:
            parts = [_required(list(b)) for b in av[1]]
            sub = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        # anything else (sets, classes, anchors, lookarounds, back-references, non-ASCII letters) requires
        # no literal and ends a run of literal characters
        if sub:
            candidates.append(sub)
    close()
    if not candidates:
        return None
    # the most selective: the longest shortest literal, then the fewest literals
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _trie(literals: Iterable[str], longest: bool) -> str:
    """An alternation of literals as a trie ("b(?:est|iggest)"), which the standard engine searches quickly.

    `longest`: at each place the longest literal that starts there matches (the others that start there are
    its prefixes); otherwise a literal ends the search of its branch (any longer one through it is covered)."""
    root: dict[str, Any] = {}
    for lit in literals:
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternatives(node: dict[str, Any]) -> str:
        if "" in node and not longest:
            return ""
        alts = [re.escape(ch) + alternatives(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # tried last: a longer literal through this node wins
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return alternatives(root)


def _literal_search(literals: tuple[str, ...]) -> re.Pattern[str] | None:
    """One standard-library pattern that finds any of many literals, searched in C instead of a loop of
    `str.find`; None for a few literals, where the loop is as fast."""
    return re.compile(_trie(literals, longest=False)) if len(literals) > 4 else None


class LiteralScan:
    """Where the literals of several patterns occur in one text, found in one pass: which of the patterns can
    match in which part of it. A pattern with no literals can match anywhere."""

    def __init__(self, patterns: Sequence[SafePattern]) -> None:
        self.always = frozenset(i for i, p in enumerate(patterns) if p._literals is None)
        owners: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            for lit in p._literals or ():
                owners.setdefault(lit, []).append(i)
        # a literal found also stands for the shorter literals it starts with, found at the same place
        self._implied = {
            lit: tuple((i, len(short)) for short, idx in owners.items() if lit.startswith(short) for i in idx)
            for lit in owners
        }
        # a lookahead finds a literal at every place, overlapping ones included
        self._rx = re.compile("(?=(" + _trie(owners, longest=True) + "))") if owners else None
        self._any = re.compile(_trie(owners, longest=False)) if owners else None
        self._seen: dict[str, bool] = {}  # texts already tested (a line repeated in a document, across documents)

    def any_possible(self, text: str) -> bool:
        """False only when none of the patterns can match anywhere in `text`."""
        if self.always:
            return True
        hit = self._seen.get(text)
        if hit is None:
            if len(self._seen) > 4096:
                self._seen.clear()
            low = _folded(text)
            hit = self._seen[text] = low is None or (self._any is not None and self._any.search(low) is not None)
        return hit

    def scan(self, text: str) -> list[tuple[int, tuple[tuple[int, int], ...]]] | None:
        """(place, ((pattern, literal length), ...)) for every literal found; None when the text cannot be
        read that way (then every pattern can match)."""
        low = _folded(text)
        if low is None or len(low) != len(text):
            return None
        if self._rx is None:
            return []
        return [(m.start(), self._implied[m.group(1)]) for m in self._rx.finditer(low)]

    def possible(
        self, hits: list[tuple[int, tuple[tuple[int, int], ...]]] | None, start: int = 0, end: int | None = None
    ) -> set[int] | None:
        """The patterns that can match within text[start:end], from `scan`'s hits; None: all of them."""
        if hits is None:
            return None
        found = set(self.always)
        for at, implied in hits:
            if at >= start:
                for i, n in implied:
                    if end is None or at + n <= end:
                        found.add(i)
        return found


@lru_cache(maxsize=4096)
def _folds_to_ascii(ch: str) -> bool:
    """Can this non-ASCII character match an ASCII letter when case is ignored (the Kelvin sign, a long s, "ß")?"""
    return any(c.isascii() for c in ch.lower() + ch.upper() + ch.casefold())


_last: list[str | None] = [None, None]  # the last text folded and its folded form: patterns run in turn on one text


def _folded(text: str) -> str | None:
    """`text` in lower case, when ASCII literals can be looked for in it as plain substrings; else None."""
    if text is _last[0]:
        return _last[1]
    if text.isascii() or not any(_folds_to_ascii(ch) for ch in set(text) if not ch.isascii()):
        low: str | None = text.lower()
    else:
        low = None
    _last[0], _last[1] = text, low
    return low


class SafePattern:
    """A compiled rule-file pattern whose every match call runs with a time limit."""

    __slots__ = ("_literal_re", "_literals", "_rx", "flags", "limit", "pattern", "where")

    def __init__(self, pattern: str, flags: int = 0, where: str = "") -> None:
        try:
            self._rx = regex.compile(pattern, _flags(flags))
        except regex.error as exc:
            raise RuleFileError(f"{where or 'rules'}: invalid regular expression {_short(pattern)!r}: {exc}") from exc
        self.pattern = pattern
        self.flags = flags
        self.where = where
        self.limit = timeout()  # read once: the environment is not looked up on every match
        self._literals = required_literals(pattern, flags)
        self._literal_re = _literal_search(self._literals) if self._literals else None

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r}, where={self.where!r})"

    @property
    def groups(self) -> int:
        return self._rx.groups

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self._rx.groupindex)

    def _timeout(self, string: str) -> RegexTimeout:
        return RegexTimeout(
            f"{self.where or 'rules'}: regular expression {_short(self.pattern)!r} took longer than {self.limit:g} s "
            f"on the text {_short(string, 60)!r}; simplify the pattern (nested repetition such as (a+)+ backtracks)"
        )

    def _cannot_match(self, string: str, pos: int = 0, endpos: int | None = None) -> bool:
        """True when the text lacks every literal the pattern needs: then no match is possible."""
        lits = self._literals
        if lits is None or pos < 0 or (endpos is not None and endpos < 0):
            return False
        low = _folded(string)
        if low is not None and len(low) != len(string):  # lower case moved the offsets: fold the slice itself
            low = _folded(string[pos:endpos])
            pos, endpos = 0, None
        if low is None:
            return False
        end = len(low) if endpos is None else endpos
        if self._literal_re is not None:
            return self._literal_re.search(low, pos, end) is None
        return all(low.find(lit, pos, end) < 0 for lit in lits)

    def may_match(self, string: str) -> bool:
        """False only when no part of `string` can match (it lacks every literal the pattern needs)."""
        return not self._cannot_match(string)

    def _call(self, fn: Callable[..., Any], string: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(string, *args, timeout=self.limit, **kwargs)
        except TimeoutError as exc:
            raise self._timeout(string) from exc

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        if self._cannot_match(string, pos, endpos):
            return None
        return self._call(self._rx.search, string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        if self._cannot_match(string, pos, endpos):
            return None
        return self._call(self._rx.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        if self._cannot_match(string, pos, endpos):
            return None
        return self._call(self._rx.fullmatch, string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        if self._cannot_match(string, pos, endpos):
            return []
        return self._call(self._rx.findall, string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        if self._cannot_match(string, pos, endpos):
            return iter(())
        # The whole iteration shares one time limit; the matches are listed first so that a timeout is raised here.
        return iter(self._call(lambda s, *a, **k: list(self._rx.finditer(s, *a, **k)), string, pos, endpos))

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self._call(lambda s, **k: self._rx.sub(repl, s, count, **k), string)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        return self._call(lambda s, **k: self._rx.subn(repl, s, count, **k), string)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self._call(lambda s, **k: self._rx.split(s, maxsplit, **k), string)


def compile(pattern: str, flags: int = 0, where: str = "") -> SafePattern:
    """Compile a rule-file pattern; `where` names its file and field for error messages."""
    return SafePattern(pattern, flags, where)


def check(pattern: str) -> str | None:
    """The error message when `pattern` does not compile (as the `regex` module reads it), else None."""
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return str(exc)
    return None
