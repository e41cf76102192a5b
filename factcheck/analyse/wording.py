"""Whether two numbers' sentences are worded alike: the evidence that lets a number whose metric no cue word
gave, or whose object differs, join a fact it does not agree with (analyse/alignment.py)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from factcheck.models import Claim

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# words that say nothing of what a number measures: function words, pronouns, attribution
_PLAIN = frozenset(
    (
        *("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as"),
        *("than", "that", "which", "who", "whom", "whose", "this", "these", "those", "its", "it", "their", "they"),
        *("he", "she", "his", "her", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will"),
        *("would", "said", "says", "say", "told", "according", "added", "reported", "over", "into", "about"),
    )
)

CONTEXT_WORDS = 8  # words either side of a number that may say what it measures


def _context(c: Claim) -> str:
    return c.quote.replace(c.text, " ")


def _near_words(c: Claim) -> frozenset[str]:
    """The words near a claim's number that may say what it measures: no names (a capitalised word), figures,
    function words or attribution ("Tide earned $119 million, Acme said" and "Tide took $156.7 million on its
    first day, Acme said" share only names and "said")."""
    at = c.quote.find(c.text)
    before, after = (c.quote, "") if at < 0 else (c.quote[:at], c.quote[at + len(c.text) :])
    words = _WORD.findall(before)[-CONTEXT_WORDS:] + _WORD.findall(after)[:CONTEXT_WORDS]
    return frozenset(w.casefold() for w in words if not w[0].isupper() and w.casefold() not in _PLAIN)


def close_wording(c: Claim, others: list[Claim], threshold: int = 60) -> bool:
    """Sentences worded alike whose numbers share a word that says what they measure."""
    mine, near = _context(c), _near_words(c)
    return any(fuzz.token_set_ratio(mine, _context(o)) >= threshold and near & _near_words(o) for o in others)
