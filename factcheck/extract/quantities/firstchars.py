"""What a pattern can start with, and the cheap tests built on it: which alternatives of the master pattern
can match at a candidate (`dispatch`), and gates that tell, on a character or two, that a pattern cannot
match at a place."""

from __future__ import annotations

import re
from typing import Any

ASCII = tuple(chr(i) for i in range(128))


def first_chars(pattern: str, universe: tuple[str, ...] = ASCII) -> tuple[frozenset[str], bool] | None:
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


Gate = tuple[frozenset[str], frozenset[str]] | None


def gate(skip: str, core: str) -> Gate:
    """A cheap test that a pattern of the form `SKIP* CORE` (or a narrower one) cannot match somewhere.

    SKIP is a character class; CORE must consume a character. Returns the ASCII characters SKIP accepts and
    those CORE can start with, or None (no test) when they overlap or CORE may match the empty string.
    """
    info = first_chars(core)
    if info is None or info[1]:
        return None
    skip_re = re.compile(skip)
    skips = frozenset(ch for ch in ASCII if skip_re.fullmatch(ch))
    if skips & info[0]:
        return None
    return skips, info[0]


def may_follow(g: Gate, text: str, j: int) -> bool:
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


def ahead(g: Gate, skip: str) -> str:
    """The test of `may_follow` as a look-ahead to put before the gated pattern ("" when there is no gate).

    One character test inside `re` instead of a Python loop. It may pass where `may_follow` would not (a
    non-ASCII SKIP character is also taken as a CORE start): the pattern after it decides, as without a gate.
    On reversed text (patterns read leftwards from a number) it is the same test run leftwards.
    """
    if g is None:
        return ""
    firsts = "".join(re.escape(ch) for ch in sorted(g[1]))
    return rf"(?={skip}*(?:[{firsts}]|[^\x00-\x7f]))"
