"""What one document teaches about names (its `NameFacts`), learnt from the text itself.

Nothing here lists organisations. "Acme's Widget" makes Acme the owner of Widget, "Acme Widget" (where both
are names of their own) is Widget, "chipmaker Acme" gives Acme the role "chipmaker", and "Widget creator
Acme" makes Acme Widget's creator. `EntityFinder.index_from` merges the facts of all documents.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from factcheck.extract.entity_finder import EntityFinder, is_title_case
from factcheck.extract.entity_index import EntityIndex
from factcheck.extract.name_matching import key_of, without_possessive
from factcheck.extract.sentences import Sentence
from factcheck.models import NameFacts

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_SHAPED = re.compile(r"[A-Z0-9&.-]{2,}|[a-z]+[A-Z]\w*")  # an acronym or a camel-case name


@cache
def _english() -> frozenset[str]:
    """A plain English word list, to tell "Plans to ..." (a word) from "Veltrix said ..." (a name)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True))


def ordinary_word(word: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> bool:
    """Is this capitalised word an ordinary English word (or an inflection of one)?"""
    w = word.casefold()
    forms = {w}
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            forms.add(w[: -len(suffix)] + repl)
    english = _english()
    return any(f in english or f in vocabulary for f in forms)


def learn_names(finder: EntityFinder, sentences: Iterable[Sentence]) -> NameFacts:
    """What one document teaches about names; merged over the corpus by `EntityFinder.index_from`."""
    index = EntityIndex()
    surfaces: Counter[tuple[str, str]] = Counter()
    sents = list(sentences)
    # words the text also writes in lower case are ordinary words, even when a sentence starts with one
    lower_vocab = set(_LOWER_WORD.findall(" ".join({s.text for s in sents})))  # no word spans the joins
    title_like = {id(s): s.role in ("heading", "title") or is_title_case(s.text) for s in sents}
    # Pass 1: names where capitals are informative (not sentence-initial, not title case), and acronyms.
    # A line read twice (a title repeated as the first heading) teaches the same names again: read once.
    taught: dict[tuple[str, bool], list[tuple[str, str]]] = {}
    for s in sents:
        seen = (s.text, title_like[id(s)])
        names = taught.get(seen)
        if names is None:
            names = taught[seen] = _informative_names(finder, s.text, seen[1], lower_vocab)
        for k, bare in names:
            index.known.add(k)
            surfaces[(k, bare)] += 1
    # Pass 2: relations between names. The index's known names do not change here, so a repeated line
    # finds the same mentions and teaches nothing new.
    done: set[tuple[str, bool]] = set()
    for s in sents:
        if (s.text, title_like[id(s)]) in done:
            continue
        done.add((s.text, title_like[id(s)]))
        ms = finder.mentions(s.text, index, title_like[id(s)])
        for m1, m2 in itertools.pairwise(ms):
            between = s.text[m1.end : m2.start]
            if m1.possessive and between.strip() == "":
                index.owner.setdefault(m2.key, m1.key)
            if finder.creator_between.match(between):
                index.creator.setdefault(m1.key, m2.key)
        for m in ms:
            surfaces[(m.key, m.surface)] += 0  # a display form for names found only as parts of runs
            rm = finder.role_noun_before(s.text, m.start)
            if rm:
                index.roles[m.key].add(rm.group(1).split()[-1].casefold())
    return NameFacts(
        known=sorted(index.known),
        surfaces=sorted((k, bare, n) for (k, bare), n in surfaces.items()),
        owner=sorted(index.owner.items()),
        creator=sorted(index.creator.items()),
        roles=sorted((k, r) for k, rs in index.roles.items() for r in rs),
    )


def _informative_names(
    finder: EntityFinder, text: str, title_like: bool, lower_vocab: set[str]
) -> list[tuple[str, str]]:
    """(key, bare surface) of the names in one sentence whose capitals say they are names."""
    out = []
    for a, _e, surface, initial in finder.candidates(text):
        k = key_of(surface)
        bare = without_possessive(surface)
        if len(k) < 2:
            continue
        # a lone capitalised word that starts a sentence says nothing; several words, a number
        # inside, or a possessive do
        informative = not title_like and (
            not initial
            or " " in bare
            or (not bare.isalpha() and any(ch.isdigit() for ch in bare))
            or not ordinary_word(bare, lower_vocab)
        )
        if informative or _SHAPED.fullmatch(bare) or text.startswith(("'s", "’s"), a + len(surface)):
            out.append((k, bare))
    return out
