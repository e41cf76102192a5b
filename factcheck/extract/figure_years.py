"""The year a figure is of: "fined 2.4 billion euros in 2017", "valued at $5.8 billion last year", a timeline
entry's opening date. A figure of a year before its document's is an earlier figure (extent "previous")."""

from __future__ import annotations

import re

from factcheck.extract.roles import description_around

# "in 2017", "during March 2017", a timeline entry "27 June 2017 - ...": the time a figure is of ("since 1904" is not)
_YEAR = re.compile(
    r"(?:\b(?:in|during)\s+(?:[A-Z][a-z]+\s+)?|^\W*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?)((?:19|20)\d\d)(?![\d%])"
)
_CLAUSE_END = re.compile(r"[,;]")
# "last year" dates a figure; "over the last year" is the period of a change, not a date
_EARLIER_YEAR = re.compile(r"(?<!the\s)\b(?:last|previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)
# a comma phrase that describes a name ("which was founded in 2023", "set up in 2023"): its time is not a number's
_ASIDE_OPEN = re.compile(r"[,;(]\s*(?:which|who|whose|[a-z]+ed|set\s+up|born)\b|^\W*[A-Z][a-z]+ed\b")


def _in_aside(text: str, at: int, q_start: int, q_end: int) -> bool:
    """Whether position `at` lies in a describing comma phrase (", founded in 2023,", "Founded in 2023,") that
    does not hold the number at q_start..q_end."""
    start = max(text.rfind(",", 0, at), text.rfind(";", 0, at), text.rfind("(", 0, at), 0)
    end = _CLAUSE_END.search(text, at)
    stop = end.start() if end else len(text)
    if start <= q_start and q_end <= stop:
        return False
    return bool(_ASIDE_OPEN.match(text, start))


def figure_years(
    text: str, q_start: int, q_end: int, lo: int, hi: int, clause_end: int, after: int, year: str
) -> list[str]:
    """The years that date the number at q_start..q_end, read between `lo` and `hi`, and on to the end of its
    comma clause or `clause_end` (where the next number starts), at most `after` characters past it: "in 2017",
    "in June 2024", a timeline entry's opening date, "last year" (the year before the document's `year`). A
    year in a describing aside that does not hold the number (", founded in 2023,") and a description's clause
    year ("X, the 25-year-old, had joined in 2013") date nothing."""
    opening = _YEAR.match(text)  # a timeline entry's date
    # a year in the number's own comma clause dates it, even past the midpoint to the next number ("from the
    # $5.8 billion it was valued at in June 2024, when it raised $600 million")
    comma = _CLAUSE_END.search(text, q_end, clause_end)
    hi = max(hi, min(comma.start() if comma else clause_end, q_end + after))
    lo, hi = description_around(text, q_start, q_end) or (lo, hi)
    stated = [
        y.group(1)
        for y in _YEAR.finditer(text, max(0, lo - 20), hi)
        if y.start(1) >= lo and not _in_aside(text, y.start(1), q_start, q_end)
    ]
    # in the number's own comma clause: "X raised $6 billion, more than it raised last year" is no old figure
    own_lo = max(lo, text.rfind(",", 0, q_start) + 1)
    earlier = _EARLIER_YEAR.search(text, own_lo, min(hi, comma.start() if comma else hi))
    if earlier and not _in_aside(text, earlier.start(), q_start, q_end):
        stated.append(str(int(year) - 1))  # "it was valued at $5.8 billion last year"
    return stated + ([opening.group(1)] if opening else [])
