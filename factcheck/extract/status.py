"""The time and status of a claim's number, from the words around it: an earlier or rejected bid, a report
before the deal, a target or forecast, a previous record, a part of a larger whole, an amount added.

`statuses(text, spans, clauses, lexicon)` gives each number of a sentence its status (None: a current figure
stated as such). The cue words are data (`status_cues` in rules/numbers.yaml). A cue of the whole sentence
("was reported to be in talks") applies to every number of it; any other cue applies to the nearest number
of its clause after it ("a target of 50 GW"), or, for a status written with a trailing `<`, before it ("50 GW
by 2030"); failing that, on the other side. A cue that holds a number is that number's; one written with a
trailing `=` ("88 of the 275") is that number's only. The comparison (analyse/numeric.py) never makes a loud
disagreement of two numbers of different status, and a target never disagrees with a current figure.

The days a relative date means are read against the document's date (`relative_span`: "last year" in an
article of 2025 is 2024, "next month", "yesterday"), and "on Friday" in a dated article is the last Friday up
to that date (`weekday_dates`), unless the sentence speaks of what will come.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from factcheck.models import DateParts, Quantity
from factcheck.ruleset.lexicons import NumbersLexicon

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
    # a cue that holds its number is the surest of its number's cues ("had set ... beaten by $100 million")
    for status, start, end in sorted(hits, key=lambda h: not h[0].endswith("=")):
        before = status.endswith("<")  # a cue that follows its number ("by 2030", "in Harwick alone")
        holds = status.endswith("=")  # a cue that holds its number ("88 of the 275"): no other number takes it
        status = status.rstrip("<=")
        if status in SENTENCE_WIDE:
            out = [o or status for o in out]
            continue
        near = [i for i, (a, b) in enumerate(bounds) if a <= start and end <= b]
        inside = [i for i in near if spans[i][0] < end and start < spans[i][1]]  # a cue that holds its number
        if inside or holds:
            if inside:
                out[inside[0]] = out[inside[0]] or status
            continue
        after_cue = [i for i in near if spans[i][0] >= end]
        before_cue = [i for i in near if spans[i][1] <= start]
        side = (before_cue or after_cue) if before else (after_cue or before_cue)
        if not side:
            continue
        if before and not before_cue and not text[:start].strip():
            # "In Harwick alone, 122 were killed and 1,300 injured": a cue that opens the sentence scopes it
            for i in after_cue:
                out[i] = out[i] or status
            continue
        best = min(side, key=lambda i: (_distance(spans[i], start, end), i))
        out[best] = out[best] or status
    return out


def _distance(span: tuple[int, int], start: int, end: int) -> int:
    s, e = span
    if end <= s:
        return s - end
    if e <= start:
        return start - e
    return 0


def relative_span(relative: str, ref: date) -> tuple[date, date] | None:
    """The days a relative date ("last year", "next month", "earlier this week", "yesterday", "friday") can mean
    in a document dated `ref`; None when it is not read (a fiscal year, a season)."""
    rel = " ".join(relative.casefold().split())
    if "fiscal" in rel:
        return None
    if rel in _WEEKDAYS:
        back = (ref.weekday() - _WEEKDAYS.index(rel)) % 7
        day = ref - timedelta(days=back)
        return day, day
    if rel == "yesterday":
        return ref - timedelta(days=1), ref - timedelta(days=1)
    if rel in ("today", "tonight"):
        return ref, ref
    y = ref.year
    if rel.endswith("year"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        span = date(y + shift, 1, 1), date(y + shift, 12, 31)
        return _part(rel, span, ref)
    if rel in ("a year ago", "a month ago", "a week ago"):
        back = {"year": 365, "month": 30, "week": 7}[rel.split()[1]]
        mid = ref - timedelta(days=back)
        return mid - timedelta(days=back // 4), mid + timedelta(days=back // 4)
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        m = ref.month - 1 + shift
        yy, mm = y + m // 12, m % 12 + 1
        return _part(rel, (date(yy, mm, 1), date(yy, mm, calendar.monthrange(yy, mm)[1])), ref)
    if rel.endswith("week"):
        shift = {"last": -7, "next": 7}.get(rel.split()[0], 0)
        monday = ref - timedelta(days=ref.weekday()) + timedelta(days=shift)
        return _part(rel, (monday, monday + timedelta(days=6)), ref)
    if rel.endswith("quarter"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        q = (ref.month - 1) // 3 + shift
        yy, q0 = y + q // 4, q % 4
        end_month = 3 * q0 + 3
        return date(yy, 3 * q0 + 1, 1), date(yy, end_month, calendar.monthrange(yy, end_month)[1])
    return None


def _part(rel: str, span: tuple[date, date], ref: date) -> tuple[date, date]:
    """ "earlier this year" ends at the document's date; "later this month" starts there."""
    if rel.startswith("earlier") and span[0] <= ref <= span[1]:
        return span[0], ref
    if rel.startswith("later") and span[0] <= ref <= span[1]:
        return ref, span[1]
    return span


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAYS = "|".join(_WEEKDAYS)
# "on Monday", "late Friday"; "4:30 p.m. Sunday"; "Monday's keynote" (each form names its day's group)
_ON_WEEKDAY = re.compile(
    "|".join(
        (
            rf"\b(?:on|late|early|last)\s+(?P<day>{_DAYS})\b",
            rf"\b\d{{1,2}}(?:[:.]\d\d)?\s*[ap]\.?m\.?\s+(?:on\s+)?(?P<day2>{_DAYS})\b",
            rf"\b(?P<day3>{_DAYS})['’]s\s+(?=[\w-])",
            # the wire style: "Acme said Thursday that ...", "announced Monday"
            rf"\b(?:said|says|announced|reported|confirmed|disclosed)\s+(?P<day4>{_DAYS})\b",
        )
    ),
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to|due|scheduled|set\s+to|next|plans?|expected)\b", re.I)


def future_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] speaks of what will come ("will close", "is set to", "next year")."""
    return _FUTURE.search(text, start, end) is not None


def comma_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around start..end between commas or semicolons."""
    a = max(text.rfind(",", 0, start), text.rfind(";", 0, start)) + 1
    ends = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    return a, min(ends, default=len(text))


def names_a_weekday(text: str) -> bool:
    """Whether the sentence may date something by its weekday alone ("On Monday Acme unveiled ...")."""
    return _ON_WEEKDAY.search(text) is not None


def weekday_dates(text: str, qs: Sequence[Quantity]) -> list[Quantity]:
    """ "on Friday", "late Monday": a date of the last such day up to the document's date (resolved with
    `relative_span`), where no other number or date of the sentence covers the words; none in a clause that
    speaks of what will come."""
    out = []
    for m in _ON_WEEKDAY.finditer(text):
        group = next(g for g in ("day", "day2", "day3", "day4") if m.group(g))
        a, b = m.span(group)
        if any(q.start < b and a < q.end for q in qs):
            continue
        # what will come, in the weekday's own clause ("On Monday Acme showed a headset, a launch that will
        # show ..." is a past Monday)
        if future_in(text, *comma_clause(text, a, b)):
            continue
        parts = DateParts(relative=m.group(group).casefold())
        out.append(
            Quantity(
                start=a,
                end=b,
                text=text[a:b],
                value=None,
                low=None,
                high=None,
                unit="date",
                dimension="date",
                date=parts,
            )
        )
    return out


def resolve_date(parts: DateParts, doc_date: str | None) -> tuple[date, date] | None:
    """The days a written date can mean; a month without a year is the latest such month up to the
    document's date."""
    ref = date.fromisoformat(doc_date) if doc_date else None
    year = parts.year
    if parts.relative:
        return relative_span(parts.relative, ref) if ref is not None else None
    if parts.fiscal:
        return None
    if year is None:
        if ref is None or parts.month is None:
            return None
        year = ref.year if parts.month <= ref.month else ref.year - 1
    if parts.quarter:
        m0 = 3 * (parts.quarter - 1) + 1
        return date(year, m0, 1), date(year, m0 + 2, calendar.monthrange(year, m0 + 2)[1])
    if parts.month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if parts.day is None:
        return date(year, parts.month, 1), date(year, parts.month, calendar.monthrange(year, parts.month)[1])
    try:
        d = date(year, parts.month, parts.day)
    except ValueError:
        return None
    return d, d
