"""Counts that an aggregate noun or a state names: "the death toll in the ferry fire rose on Tuesday to 141", "the
number of injured stood at close to 1,200", "the state lowered to 1,204 its death toll", "another 57 are
missing".

The quantity reader reads a count only with its noun ("141 dead"); a bare number is no quantity, since most
are list numbers, scores or parts of names. A bare number is a count when an aggregate noun of
`rules/metrics.yaml` (toll, tally, number of ...) is linked to it in its clause, by a verb or a preposition
("is", "rose to", "at", "of") or, number first, after a verb of revision; or the number is followed by a state
it counts ("are missing", "remain under treatment"). The count's noun is that aggregate or state, so the
metric is read from it ("toll" is a death toll).
"""

from __future__ import annotations

import re

from factcheck.models import Change, Qualifier, Quantity
from factcheck.ruleset.lexicons import MetricLexicon
from factcheck.ruleset.quantity_lexicon import HedgeSpec

_UP = re.compile(r"\b(?:r[io]se|risen|rises|climb\w*|jump\w*|increas\w*|raised|grew|grown|soar\w*|up)\b", re.I)
_DOWN = re.compile(r"\b(?:lower\w*|cut|reduc\w*|fell|fallen|falls|drop\w*|down|decreas\w*)\b", re.I)
_LABEL_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]*\s+$")
_PENDING = re.compile(r"\b(?:still|yet)\s+to\s+be\s+$", re.IGNORECASE)  # a state not yet reached
_YEARS = range(1900, 2101)  # "the tally of 2014": a bare year after the noun is a date, not a count


def aggregate_counts(text: str, qs: list[Quantity], metrics: MetricLexicon, hedges: list[HedgeSpec]) -> list[Quantity]:
    """The counts of `text` that an aggregate noun names and the reader (its quantities `qs`) left bare."""
    patterns = metrics.aggregate_res
    if patterns is None or not any(ch.isdigit() for ch in text):
        return []
    taken = [(q.start, q.end) for q in qs]
    out: list[Quantity] = []
    for rx in patterns:
        for m in rx.finditer(text):
            start, end = m.start("num"), m.end("num")
            if any(a < end and start < b for a, b in taken):
                continue
            value = float(m.group("num").replace(",", ""))
            if "," not in m.group("num") and int(value) in _YEARS:
                continue
            if "hedge" in m.re.groupindex:
                bounds = _hedge(m.group("hedge"), hedges)
                q_start = m.start("hedge") if m.group("hedge") else start
            else:  # "at least 12 were killed": a hedge before the number
                if _LABEL_BEFORE.search(text, 0, start):
                    continue  # "Flight 370", "Route 66": a number that names something
                bounds, q_start = _hedge_before(text, start, hedges)
            if bounds is None:
                continue  # words between the link and the number that bound nothing: not this construction
            qualifier, low, high = bounds
            noun = " ".join(m.group("noun").lower().split())
            if _PENDING.search(text, end, m.start("noun")):
                noun = "un" + noun  # "101 more have still to be identified" counts the unidentified
            out.append(
                Quantity(
                    start=q_start, end=end, text=text[q_start:end], value=value,
                    low=None if low is None else value * low, high=None if high is None else value * high,
                    unit="count", dimension="count", qualifier=qualifier, precision=0.5, noun=noun,
                    stated_value=value, change=_change(text[m.start() : m.start("num")]), concept=noun,
                )
            )  # fmt: skip
            taken.append((q_start, end))
    return sorted(out, key=lambda q: q.start)


def _hedge(words: str | None, hedges: list[HedgeSpec]) -> tuple[Qualifier, float | None, float | None] | None:
    """The qualifier and bound factors of the hedge before a number ("close to", "more than"); exact when
    there is none; None when the words are no hedge."""
    if not words:
        return "exact", 1.0, 1.0
    phrase = " ".join(words.lower().split())
    for h in hedges:
        if h.position == "before" and "count" not in h.not_for and phrase in h.phrases:
            return h.qualifier, h.low, h.high
    return None


def _hedge_before(
    text: str, start: int, hedges: list[HedgeSpec]
) -> tuple[tuple[Qualifier, float | None, float | None], int]:
    """The bounds of the hedge that ends right before `start` (exact when none) and where the count begins."""
    lo = max(0, start - 40)
    before = text[lo:start].lower()
    best: tuple[int, int, HedgeSpec] | None = None  # (length, where, hedge)
    for h in hedges:
        if h.position != "before" or "count" in h.not_for:
            continue
        for phrase in h.phrases:
            m = re.search(rf"(?<!\w){re.escape(phrase)}\s+$", before)
            if m and (best is None or len(phrase) > best[0]):
                best = (len(phrase), lo + m.start(), h)
    if best is None:
        return ("exact", 1.0, 1.0), start
    _, at, h = best
    return (h.qualifier, h.low, h.high), at


def _change(between: str) -> Change | None:
    """The direction the words between the noun and the number state ("rose to", "lowered to")."""
    if _UP.search(between):
        return "up"
    if _DOWN.search(between):
        return "down"
    return None
