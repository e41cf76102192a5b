"""The year a figure is of: "fined 2.4 billion euros in 2017", "valued at $5.8 billion last year", a timeline
entry's opening date. A figure of a year before its document's is an earlier figure (extent "previous")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from factcheck.extract.roles import description_around
from factcheck.extract.status import comma_clause, future_in

# "in 2017", "during March 2017", a timeline entry "27 June 2017 - ...": the time a figure is of ("since 1904" is not)
_YEAR = re.compile(
    r"(?:\b(?:in|during)\s+(?:[A-Z][a-z]+\s+)?|^\W*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?)((?:19|20)\d\d)(?![\d%])"
)
_CLAUSE_END = re.compile(r"[,;]")
# "in September" (no day, no year), of the months of `rules/quantities.yaml`: a month of the document's year
_EARLIER_MONTHS: dict[int, tuple[Mapping[str, int], re.Pattern[str]]] = {}


def _earlier_month_re(months: Mapping[str, int]) -> re.Pattern[str]:
    hit = _EARLIER_MONTHS.get(id(months))
    if hit is None or hit[0] is not months:
        names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
        rx = re.compile(rf"\bin\s+(?:early\s+|late\s+|mid-)?({names})\b(?![\s,]*\d)")
        hit = _EARLIER_MONTHS[id(months)] = (months, rx)
    return hit[1]


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


def dated_earlier(
    text: str,
    q_start: int,
    q_end: int,
    lo: int,
    hi: int,
    clause_end: int,
    after: int,
    doc_date: str,
    months: Mapping[str, int],
) -> bool:
    """Whether the number at q_start..q_end is dated before its document (`doc_date`, ISO), by words read between
    `lo` and `hi`, and on to the end of its comma clause or `clause_end` (where the next number starts), at most
    `after` characters past it: "in 2017", "in June 2024", a timeline entry's opening date, "last year", or, in
    its own comma clause, a month of `months` before the document's ("was valued at $183 billion in September",
    in a November article). A date in a describing aside that does not hold the number (", founded in 2023,")
    and a description's clause year ("X, the 25-year-old, had joined in 2013") date nothing."""
    year = doc_date[:4]
    opening = _YEAR.match(text)  # a timeline entry's date
    # a year in the number's own comma clause dates it, even past the midpoint to the next number ("from the
    # $5.8 billion it was valued at in June 2024, when it raised $600 million")
    own_lo, own_end = comma_clause(text, q_start, q_end)
    own_end = min(own_end, clause_end)
    hi = max(hi, min(own_end, q_end + after))
    lo, hi = description_around(text, q_start, q_end) or (lo, hi)
    stated = [
        y.group(1)
        for y in _YEAR.finditer(text, max(0, lo - 20), hi)
        if y.start(1) >= lo and not _in_aside(text, y.start(1), q_start, q_end)
    ]
    stated += [opening.group(1)] if opening else []
    if any(y < year for y in stated):
        return True
    # in the number's own comma clause: "X raised $6 billion, more than it raised last year" is no old figure
    own_lo, own_hi = max(lo, own_lo), min(hi, own_end)
    earlier = _EARLIER_YEAR.search(text, own_lo, own_hi)
    if earlier and not _in_aside(text, earlier.start(), q_start, q_end):
        return True  # "it was valued at $5.8 billion last year"
    month = _earlier_month_re(months).search(text, own_lo, own_hi) if len(doc_date) >= 7 and not stated else None
    if month is None or future_in(text, own_lo, own_hi):
        return False  # "will close in January": a month to come
    return months[month.group(1)] < int(doc_date[5:7])
