"""Are two written names the same name? Keys fold case and punctuation; `names_match` forgives suffixes,
acronyms and one-letter slips; `variant_pairs` finds, among many names, the pairs that can match at all."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
from anyascii import anyascii
from rapidfuzz import fuzz, process

_POSS = re.compile(r"(?:'s|’s|'|’)$")
_ALNUM_WORDS = re.compile(r"[A-Za-z0-9]+")
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\d+")


def without_possessive(surface: str) -> str:
    """`_POSS` removed from a name's surface (one without a line break): "Acme's" -> "Acme"."""
    if surface.endswith(("'s", "’s")):
        return surface[:-2]
    if surface.endswith(("'", "’")):
        return surface[:-1]
    return surface


def name_words(surface: str) -> list[str]:
    """The words of a name; "&" and "and" are one connective and drop out."""
    if not surface.isascii():
        surface = anyascii(surface)
    return [w for w in _ALNUM_WORDS.findall(_POSS.sub("", surface)) if w.casefold() != "and"]


def names_match(a: str, b: str, suffixes: frozenset[str] = frozenset()) -> bool:
    """Do two written names name the same thing?

    Case and punctuation never matter (ACME / Acme, Open-Door / OpenDoor); neither do corporate
    suffixes (Halvorsen Group / Halvorsen Group Ltd / Halvorsen); an acronym matches the initials of the
    long form; a one-letter slip in a long name is forgiven. Different numbers never match (Model 3 /
    Model 5, Galaxy S23 / Galaxy S24), and a different word is a different name (Orsa Motors / Orsa Telecom).
    """
    ka, kb = key_of(a), key_of(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if _DIGITS.findall(ka) != _DIGITS.findall(kb):
        return False
    wa, wb = name_words(a), name_words(b)
    core_a = [w.casefold() for w in wa if w.casefold() not in suffixes]
    core_b = [w.casefold() for w in wb if w.casefold() not in suffixes]
    if core_a and core_a == core_b:
        return True
    for long, short in ((wa, b), (wb, a)):
        initials = "".join(w[0] for w in long if w[0].isupper())
        if len(initials) >= 2 and short.isupper() and key_of(short) == initials.casefold() and len(long) > 1:
            return True
    return min(len(ka), len(kb)) >= 7 and ka[:2] == kb[:2] and fuzz.ratio(ka, kb) >= 92


@lru_cache(maxsize=65536)
def key_of(surface: str) -> str:
    """Case, accents and punctuation folded: ACME / Acme / Acme's -> "acme"; Øvrum / Ovrum -> "ovrum"."""
    if not surface.isascii():
        surface = anyascii(surface)
    return _NOT_KEY.sub("", _POSS.sub("", surface).casefold())


FUZZY_FLOOR = 90.0  # below the 92 of names_match: a cheap first pass that cannot miss a pair it accepts


def variant_pairs(forms: list[str], suffixes: frozenset[str]) -> list[tuple[int, int]]:
    """The pairs (i < j) of these written names for which `names_match` can be true, in order: the same key,
    the same core words, an acronym and the long form with those initials, or keys within a fuzzy ratio of
    FUZZY_FLOOR (one vectorised pass). Every pair `names_match` accepts is among them."""
    keys = [key_of(f) for f in forms]
    words = [name_words(f) for f in forms]
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    initials: dict[str, list[int]] = defaultdict(list)
    for i, (k, ws) in enumerate(zip(keys, words, strict=True)):
        if not k:
            continue
        buckets[("key", k)].append(i)
        core = tuple(w.casefold() for w in ws if w.casefold() not in suffixes)
        if core:
            buckets[("core", *core)].append(i)
        first = "".join(w[0] for w in ws if w[0].isupper())
        if len(first) >= 2 and len(ws) > 1:
            initials[first.casefold()].append(i)
    found: set[tuple[int, int]] = set()
    for members in buckets.values():
        found.update(itertools.combinations(members, 2))
    for i, f in enumerate(forms):
        if keys[i] and f.isupper():
            found.update((min(i, j), max(i, j)) for j in initials.get(keys[i], ()) if j != i)
    live = [i for i, k in enumerate(keys) if len(k) >= 7]
    if len(live) >= 2:
        scores = process.cdist(
            [keys[i] for i in live],
            [keys[i] for i in live],
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_FLOOR,
            dtype=np.float64,
        )
        for x, y in zip(*np.nonzero(scores), strict=True):
            if x < y:
                found.add((live[x], live[y]))
    return sorted(found)
