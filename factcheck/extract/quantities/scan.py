"""The candidate scan: one `re` pattern that finds, from any position, the next place where a quantity (or a
shape to skip) may start (see `patterns.Compiled`, which gives it its word list, and `reader._Reader.run`).

Every candidate but the text's start is a non-letter (a digit, a symbol, "(" before a digit: group h) or
comes right after one (a line start, a word: groups w, l; hw when both). The pattern opens with a character
class, which lets `re` skip the letters in C, so the scan starts at one non-letter and reports the candidate
there and/or at the next character. Most of its time goes to the word test after each space and punctuation
mark, so that test is built to fail fast (`_word_test`).
"""

from __future__ import annotations

import re

from factcheck.extract.quantities.firstchars import ASCII, first_chars
from factcheck.extract.quantities.phrases import alt


def _word_test(words: list[str], others: str, group: str, opens: frozenset[str] | None) -> str:
    """A look-ahead body that matches where one of words (or of the patterns others) starts.

    `re` tries the branches of an alternation one after the other, a few nanoseconds each, and a word test
    fails at most places, after trying them all. So the test first asks two classes of the characters that
    some word opens with (opens, ASCII; None: any character), the lower-case letters among them marked by an
    optional group, and a conditional then tries only the words that open with a lower-case letter (or only
    the others): about half the branches, and none before a character no word opens with. The words are
    written in the case news writes them (`cased`): a case-sensitive trie, which `re` walks several times
    faster than a case-insensitive one.
    """
    lower = [w for w in words if "a" <= w[:1] <= "z"]
    other = [w for w in words if not "a" <= w[:1] <= "z"]
    if opens is None:
        first = rf"(?=(?P<{group}>[a-z])?)"
    else:
        low = "".join(re.escape(ch) for ch in sorted(opens) if "a" <= ch <= "z")
        rest = "".join(re.escape(ch) for ch in sorted(opens) if not "a" <= ch <= "z")
        marked = f"[{low}]" if low else "(?!)"  # the group exists for the conditional even where it cannot match
        first = rf"(?=(?P<{group}>{marked})|[{rest}\x80-\U0010ffff])"
    return (
        rf"{first}(?({group})(?:{alt(lower, ci=False, left=False)}|{others})"
        rf"|(?:[A-Z][A-Z0-9$.']|{alt(other, ci=False, left=False)}|{others}))"
    )


def scan_pattern(words: list[str], others: str, symbols: str, line: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """The scan and the ASCII characters that no word start can begin with.

    words: the words that start a candidate, as written; others: the patterns that also do (an article before
    a scale word, a web address...); symbols: the currency symbols (escaped, for a class); line: the test of a
    line start. A word start is `[A-Z][A-Z0-9$.']` (two capitals: "USD", "Q2", "FY"), a word or another.
    """
    word_starts = rf"(?:[A-Z][A-Z0-9$.']|{alt(words, ci=False, left=False)}|{others})"
    # After a digit followed by a character no word opens with, the scan from the digit would only report the
    # digit itself (group h), so the reader scans from the next one.
    info = first_chars(word_starts)
    no_word_start = frozenset() if info is None or info[1] else frozenset(ASCII) - info[0]
    opens = frozenset(ASCII) - no_word_start if no_word_start else None
    # One look-behind first turns away the spaces and the punctuation that cannot start group h. Groups w, hw
    # and l are empty and follow their tests: `re` then tries the test before it opens a group, which costs
    # less at each of the many places where the test fails. The groups of the word tests (lh, lw) close
    # inside a look-ahead that w or hw follows, or that fails (and then `re` forgets them): the group a match
    # reports last stays h, hw, w or l.
    scan = re.compile(
        rf"[^A-Za-z](?:(?<=[\d{symbols}(\[+])(?P<h>(?<=[\d{symbols}])|(?<=[(\[+])(?=\d))"
        rf"(?:(?={_word_test(words, others, 'lh', opens)})(?P<hw>))?"
        rf"|(?={_word_test(words, others, 'lw', opens)})(?P<w>)|{line}(?P<l>))"
    )
    return scan, no_word_start
