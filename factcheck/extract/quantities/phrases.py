"""Word and phrase lists of the lexicon as regexes: prefix tries, so that `re` tests one branch per character,
not one per phrase; inner spaces match any run of the spaces news writes inside a quantity."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

SP = "[ \u00a0\u202f\u2009]"  # a space inside a quantity: plain, no-break, narrow no-break, thin
SP_CHARS = " \u00a0\u202f\u2009"


def phrase(p: str, ci: bool = True, left: bool = True) -> str:
    """A literal phrase as a regex: inner spaces match any run of spaces, word edges are bounded.

    left=False drops the left edge, for words glued to a number ("5bn", "300MW").
    """
    body = re.escape(p).replace("\\ ", SP + "+")
    if ci:
        body = f"(?i:{body})"
    if left and p[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if p[-1:].isalnum() or p[-1:] == ".":
        body += r"(?![A-Za-z0-9])"
    return body


def alt(phrases: Any, ci: bool = True, left: bool = True) -> str:
    """Alternation of phrases as a prefix trie, so that `re` tests one branch per character, not one per phrase.

    A phrase that is a prefix of another is tried after it, so "percentage points" wins over "percent";
    inner spaces match any run of spaces; word edges are bounded as in `phrase`.
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


def cased(phrases: Any) -> list[str]:
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
        piece = SP + "+" if ch == " " else re.escape(ch)
        alts.append(piece + _render(node[ch], edge))
    if "" in node:
        alts.append(r"(?![A-Za-z0-9])" if edge(node[""]) else "")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def trie_alt(phrases: Any, edge: Callable[[str], str]) -> str:
    """Case-sensitive literal phrases as a prefix trie, each followed by the pattern edge(phrase) gives (a word
    edge, a look-ahead): what a longest-first alternation matches, one branch per character. "(?!)" if none."""
    root: dict[str, Any] = {}
    for p in sorted(set(phrases)):
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = p
    return _render_edges(root, edge) if root else "(?!)"


def _render_edges(node: dict[str, Any], edge: Callable[[str], str]) -> str:
    alts = [re.escape(ch) + _render_edges(node[ch], edge) for ch in sorted(k for k in node if k)]
    if "" in node:
        alts.append(edge(node[""]))
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def reversed_alt(phrases: Any) -> str:
    """Phrases spelled backwards, longest first, for a case-insensitive pattern read on reversed text.

    A phrase that opens with a letter or digit must start a word (a word edge after its reversed form). Phrases
    of ASCII and uncased characters ("~", "≈") become a prefix trie, which `re` walks much faster than a flat
    alternation: for them a case-insensitive match is equality in lower case, and the trie tries a longer phrase
    before a phrase that is its prefix, as the flat alternation (longest first) does: both match the same text.
    """
    ordered = sorted(set(phrases), key=lambda s: (-len(s), s))
    if not all(ch.isascii() or ch.lower() == ch.upper() == ch for p in ordered for ch in p):
        return "|".join(
            re.escape(p[::-1]).replace("\\ ", SP + "+") + (r"(?![A-Za-z0-9])" if p[:1].isalnum() else "")
            for p in ordered
        )
    root: dict[str, Any] = {}
    for p in ordered:
        node = root
        for ch in p.lower()[::-1]:
            node = node.setdefault(ch, {})
        node[""] = p
    return _render(root, lambda p: p[:1].isalnum()) if root else "(?!)"


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def norm(s: str) -> str:
    """A phrase as the lookup tables hold it: trimmed, inner white space one space, lower case."""
    return _SPACES.sub(" ", s.strip()).lower()
