"""The words around a number: the word before it, whether it names or labels something ("GPT-4", "Windows
11", "page 5") rather than counts it, and the noun it counts ("3,400 staff")."""

from __future__ import annotations

from factcheck.extract.quantities.amounts import Amount
from factcheck.extract.quantities.patterns import Compiled


def prev_word(c: Compiled, text: str, start: int, rtext: str | None = None) -> str | None:
    """The word before start. rtext, text reversed, saves reversing a slice (the reversed patterns have no
    look-behind, so matching them inside rtext between pos and endpos is the same as on the slice)."""
    return word_before(c, text, start, rtext)[0]


def word_before(c: Compiled, text: str, start: int, rtext: str | None = None) -> tuple[str | None, int]:
    """The word before start (`prev_word_rev`: spaces, then a word that ends with a letter, within 30
    characters) and where it starts; (None, start) when there is none. The common case, one space and a word
    of ASCII letters, is read with string methods."""
    lo = start - 30 if start > 30 else 0
    if start >= 2 and text[start - 1] == " " and text[start - 2] != " ":
        k = text.rfind(" ", lo, start - 1)
        if k >= 0 or lo == 0:
            w = text[k + 1 : start - 1]
            if w.isascii() and w.isalpha():
                return w, k + 1
    if rtext is None:
        m = c.prev_word_rev.match(text[lo:start][::-1])
        return (m.group("w")[::-1], start - m.end("w")) if m else (None, start)
    n = len(text)
    m = c.prev_word_rev.match(rtext, n - start, n - lo)
    return (m.group("w")[::-1], n - m.end("w")) if m else (None, start)


def is_label(c: Compiled, text: str, start: int, a: Amount, rtext: str, word: str | bool | None = False) -> bool:
    """True when the number names or labels something: "GPT-4", "Windows 11", "page 5", "#1". word: the word
    before start when the caller read it (False: not read)."""
    if start == 0:
        return False
    pc = text[start - 1]
    if pc in "#@":
        return True
    if pc in "-–−/":
        if start >= 2:
            p2 = text[start - 2]
            if p2.isdigit():
                return True  # the tail of "2024-25" or "3-1" that did not read as a range
            if p2.isalpha():
                return True  # "COVID-19", "MAI-1", "GPT-5.4"
        return False  # no space before the number: no word before it either
    if pc != " " and pc != "\u00a0":
        return False  # the word before a number is separated by spaces (`prev_word_rev`)
    if word is False:
        word = word_before(c, text, start, rtext)[0]
    if word is None or word is True:
        return False
    bare = word.rstrip(".")
    low = bare.lower()
    if low in c.version_words and low not in c.lead_words:
        return True
    if a.currency or a.unit or a.scale != 1.0:
        return False
    # A capitalised word right before the number ("Microsoft 365", "Opus 4.1", "Boeing 737"), unless a
    # title-case headline verb counts what follows ("Acme Hires 300 Engineers"). The word is ASCII
    # (`prev_word_rev`), so it has a capital letter exactly when it differs from its lower case.
    return (
        low != bare
        and low not in c.lead_words
        and bare not in c.months
        and not word.endswith(("'s", "’s"))
        and not (low in c.headline_verbs and _capitalised_noun_follows(c, text, a.end))
    )


def _capitalised_noun_follows(c: Compiled, text: str, j: int) -> bool:
    m = c.noun_word.match(text, j)
    return bool(m) and m.group("w")[0].isupper()


def is_plural(c: Compiled, noun: str) -> bool:
    """Whether a noun phrase ends with a plural head ("workers", "people"): what a count counts."""
    head = noun.split()[-1].lower()
    return head in c.plurals or (head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 2)


_COUNT_ADVERBS = frozenset(["still", "now", "reportedly", "also"])
_CONTRACTIONS = ("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m")


def read_noun(c: Compiled, text: str, j: int) -> tuple[str | None, int]:
    """The counted noun after j: up to three words, or four when the fourth is the plural head ("13
    operational offshore wind farms"), stopping at function words, verbs, punctuation."""
    words: list[str] = []
    end = j
    pos = j
    for n in range(4):
        m = c.noun_word.match(text, pos)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if not words and low in _COUNT_ADVERBS:  # "101 still missing": the adverb before an adjective news counts
            after = c.noun_word.match(text, m.end())
            if after and after.group("w").lower() in c.count_adjectives:
                pos = m.end()
                continue
        if (low in c.stopwords and not (not words and low in c.count_adjectives)) or low in c.month_words:
            break  # "12 injured": an adjective news counts may open the noun
        if len(w) == 1 or low.endswith(_CONTRACTIONS):
            break  # a letter ("2019 q", "1 m") or a verb ("1m isn't") is no noun
        if words and w[0].isupper() and not words[-1][0].isupper() and not w.isupper():
            break  # a capitalised word after a lower-case one starts a name, not the noun
        if low.endswith("ly") and low not in ("early", "family", "supply", "daily", "weekly", "monthly"):
            break  # adverbs
        if words and low.endswith("ed"):
            break  # a past-tense verb after the noun: "fans attended"; first place keeps "paid users"
        plural = (
            w.endswith(("'s", "’s"))
            or low in c.plurals
            or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2)
        )
        if n == 3 and not plural:
            break
        words.append(w)
        end = m.end()
        pos = m.end()
        if plural:
            break  # the plural head ends the noun phrase: "AI models", "paid users", "people"
    if not words:
        return None, j
    if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper() and not words[0].endswith("s"):
        return None, j  # "10115 Berlin", "3 Tesla": a name, not something counted
    return " ".join(words), end
