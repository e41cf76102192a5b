"""The fast paths of sentence cleaning and name finding give exactly what the plain, slower readings give."""

from __future__ import annotations

import random
import re

from factcheck.entities import _POSS, EntityFinder, _bare
from factcheck.ruleset import RuleSet
from factcheck.text import _LEAD, _LINK, _normal, clean


def _plain_clean(raw: str, base: int) -> tuple[str, list[int]]:
    """`clean` one character at a time: the reading the fast path must reproduce."""
    keep = [True] * len(raw)
    lead = _LEAD.match(raw)
    for i in range(lead.end() if lead else 0):
        keep[i] = False
    for m in _LINK.finditer(raw):
        keep[m.start()] = False
        for i in range(m.end(1), m.end()):
            keep[i] = False
    for i, ch in enumerate(raw):
        if ch in "*`" or (ch == "_" and (raw[i - 1 : i] == "_" or raw[i + 1 : i + 2] == "_")):
            keep[i] = False
    chars, offsets = [], []
    for i, ch in enumerate(raw):
        if keep[i]:
            if not (" " <= ch <= "~"):
                ch = _normal(ch)
                if not ch:
                    continue
            chars.append(ch)
            offsets.append(base + i)
    return "".join(chars), offsets


def test_clean_matches_the_plain_reading() -> None:
    pieces = [*"ab cA1_*`[]()#-.:,\t\u00a0\u200d\u0663\u2007", "[link](http://u)", "# ", "- ", "1. ", "__", "**"]
    pieces += ["OSLO, June 2 (Wire) - ", "https://x.y"]
    rng = random.Random(3)
    for _ in range(20000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        base = rng.randint(0, 40)
        assert clean(raw, base) == _plain_clean(raw, base), raw


_CONNECTIVES = ("of", "de", "&", "van", "von", "la", "du")


def _plain_runs(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """`EntityFinder.raw_runs` token by token, as first written."""

    def name_token(tok: str, prev_name: bool) -> bool:
        if re.search(r"['’](?:ve|re|ll|d|m|t)$", tok):
            return False
        if tok[0].isdigit():
            return prev_name
        if tok[0].isupper() or re.match(r"^[a-z]+[A-Z]", tok):
            return not re.search(r"-[a-z]{3,}$", tok)
        return False

    def close(tokens: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[int, int, str]]]:
        while tokens and tokens[-1][2] in _CONNECTIVES:
            tokens = tokens[:-1]
        return (tokens[0][0], tokens[-1][1], tokens) if tokens else (0, 0, [])

    runs, current = [], []
    for m in re.finditer(r"[A-Za-z0-9][\w&.'’+-]*", text):
        tok = m.group().rstrip(".,;:!?")
        end = m.start() + len(tok)
        gap = text[current[-1][1] : m.start()] if current else ""
        joined = bool(current) and gap == " " and not _POSS.search(current[-1][2])
        if joined and tok in _CONNECTIVES:
            current.append((m.start(), end, tok))
            continue
        if name_token(tok, joined):
            if joined:
                current.append((m.start(), end, tok))
            else:
                if current:
                    runs.append(close(current))
                current = [(m.start(), end, tok)]
        else:
            if current:
                runs.append(close(current))
            current = []
    if current:
        runs.append(close(current))
    return [r for r in runs if r[2]]


def _plain_after_prep(finder: EntityFinder, text: str, start: int) -> bool:
    prev = re.search(r"([A-Za-z]+)\W*$", text[:start])
    if not prev:
        return False
    word = prev.group(1).casefold()
    if word in ("both", "either", "neither", "the"):
        prev2 = re.search(r"([A-Za-z]+)\W+\w+\W*$", text[:start])
        word = prev2.group(1).casefold() if prev2 else word
    return word in finder.lex.prepositions_set


def test_name_runs_match_the_plain_reading(ruleset: RuleSet) -> None:
    finder = EntityFinder(ruleset.entities)
    words = ["Acme", "acme", "iPhone", "of", "of.", "de", "la", "Don't", "I've", "3am", "365", "4.5", "Norway-based"]
    words += ["X-ray", "Acme's", "Acme’s", "Beta'", "the", "The", "CEO", "said", "in", "both", "Über", "aÉ", "café"]
    words += ["_x", "é-abc", "u.s.", "chip-maker", "company", "in the", ",", ".", ":", " — ", "(", '"', "’", "İ"]
    seps = [" ", " ", " ", "  ", ", ", "-", "\n", "'", "_"]
    rng = random.Random(11)
    for _ in range(6000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 9)))
        assert finder.raw_runs(text) == _plain_runs(text), text
        for start in range(len(text) + 1):
            assert finder._after_prep(text, start) == _plain_after_prep(finder, text, start), (text, start)
            prefix = text[:start]
            plain = finder.role_before.search(prefix)
            fast = finder._role_before(text, start)
            assert (fast and fast.group(1)) == (plain and plain.group(1)), (text, start)
        assert _bare(text) == _POSS.sub("", text) or "\n" in text
