"""The time and status of a claim's number, from the words around it: an earlier or rejected bid, a report
before the deal, a target or forecast, a previous record, a part of a larger whole.

`statuses(text, spans, clauses, lexicon)` gives each number of a sentence its status (None: a current figure
stated as such). The cue words are data (`status_cues` in rules/numbers.yaml). A cue of the whole sentence
("…, people familiar with the matter said") applies to every number of it; any other cue applies to the
number of its clause that sits nearest to it. The comparison (analyse/numeric.py) never makes a loud
disagreement of two numbers of different status, and a target never disagrees with a current figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factcheck.ruleset.rule_set import NumbersLexicon

SENTENCE_WIDE = ("report",)  # statuses whose cue speaks for the whole sentence (an attribution)


class _Clauses(Protocol):
    def around(self, start: int, end: int) -> tuple[int, int]: ...


def statuses(
    text: str, spans: Sequence[tuple[int, int]], clauses: _Clauses | None, lexicon: NumbersLexicon
) -> list[str | None]:
    """The status of each number (its span in `text`), in order."""
    out: list[str | None] = [None] * len(spans)
    if not spans or clauses is None:
        return out
    hits = lexicon.status_hits(text)
    if not hits:
        return out
    bounds = [clauses.around(s, e) for s, e in spans]
    for status, start, end in hits:
        if status in SENTENCE_WIDE:
            out = [o or status for o in out]
            continue
        near = [i for i, (a, b) in enumerate(bounds) if a <= start and end <= b]
        if not near:
            continue
        best = min(near, key=lambda i: (_distance(spans[i], start, end), i))
        out[best] = out[best] or status
    return out


def _distance(span: tuple[int, int], start: int, end: int) -> int:
    s, e = span
    if end <= s:
        return s - end
    if e <= start:
        return start - e
    return 0
