"""Regular expressions from rule files, run with a time limit.

Every pattern in a rule file is user-supplied (`--rules DIR` can replace any shipped file), so a catastrophic
pattern such as `(a|aa)+$` must not hang a CI gate. `compile()` returns a `SafePattern`: the same method
names as `re.Pattern` (search, match, fullmatch, finditer, findall, sub, split), backed by the `regex`
module, whose matching can stop after `timeout` seconds. A pattern that runs out of time raises
`RegexTimeout`, a `RuleFileError` naming the rule file, the field and the pattern: the command line reports it
and exits 2 (a rule that cannot be run is a malformed rule; a silently skipped check would hide findings).

The limit is per call (one search over one sentence or line), `TIMEOUT` seconds; the environment variable
`FACTCHECK_REGEX_TIMEOUT` overrides it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import Any

import regex

from factcheck.rules import RuleFileError

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


class SafePattern:
    """A compiled rule-file pattern whose every match call runs with a time limit."""

    __slots__ = ("_rx", "flags", "limit", "pattern", "where")

    def __init__(self, pattern: str, flags: int = 0, where: str = "") -> None:
        try:
            self._rx = regex.compile(pattern, _flags(flags))
        except regex.error as exc:
            raise RuleFileError(f"{where or 'rules'}: invalid regular expression {_short(pattern)!r}: {exc}") from exc
        self.pattern = pattern
        self.flags = flags
        self.where = where
        self.limit = timeout()  # read once: the environment is not looked up on every match

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

    def _call(self, fn: Callable[..., Any], string: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(string, *args, timeout=self.limit, **kwargs)
        except TimeoutError as exc:
            raise self._timeout(string) from exc

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call(self._rx.search, string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call(self._rx.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call(self._rx.fullmatch, string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._call(self._rx.findall, string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
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
