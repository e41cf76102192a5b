"""Dates for the peer-suite benchmark: Recognizers-Text TIMEX values and the reader's `DateParts`, made comparable.

A date is a point (a TIMEX string as Recognizers-Text writes it: "2019", "2019-03", "XXXX-03-05", "2018-W22",
"FY2019") or a range of days [start, end). Both sides say the same thing when the points are the same string or
the ranges have the same bounds. The reader has no date range: a range is read as the dates it names ("from 2014
to 2018" -> 2014, 2018), so several reader dates inside one expected range are composed (see `same_date`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

_RANGE = re.compile(r"^\((?P<start>[^,]+),(?P<end>[^,]+),[^)]*\)$")
_POINT = re.compile(r"^(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}))?)?$")
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})$")
_LEAP = 2000  # stands for an unknown year (XXXX), so that "XXXX-02-29" has a next day


@dataclass(frozen=True)
class DateValue:
    """A point (`timex`) or a range of days (`start`, `end`: first day, first day after; "XXXX" for no year)."""

    timex: str = ""
    start: str | None = None
    end: str | None = None
    is_range: bool = False

    def __str__(self) -> str:
        return f"{self.start}..{self.end}" if self.is_range else self.timex


def _iso(d: date, unknown_year: bool = False) -> str:
    text = d.isoformat()
    return "XXXX" + text[4:] if unknown_year else text


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _point_bounds(timex: str) -> tuple[str | None, str | None]:
    """First day and first day after of a point TIMEX, or (None, None) when it names no span of days."""
    week = _WEEK.match(timex)
    if week:
        monday = date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
        return monday.isoformat(), (monday + timedelta(days=7)).isoformat()
    m = _POINT.match(timex)
    if not m or m["month"] == "XX":
        return None, None
    unknown = m["year"] == "XXXX"
    year = _LEAP if unknown else int(m["year"])
    if m["month"] is None:
        return (None, None) if unknown else (f"{year}-01-01", f"{year + 1}-01-01")
    month = int(m["month"])
    try:
        if m["day"] is None:
            ny, nm = _add_months(year, month, 1)
            first, after = date(year, month, 1), date(ny, nm, 1)
        else:
            first = date(year, month, int(m["day"]))
            after = first + timedelta(days=1)
    except ValueError:  # upstream writes impossible days ("2019-02-29"): the TIMEX still compares as written
        return None, None
    if unknown:  # the day after Dec 31 of an unknown year is Jan 1 of an unknown year
        return _iso(first, True), _iso(after, True)
    return first.isoformat(), after.isoformat()


def point(timex: str) -> DateValue:
    start, end = _point_bounds(timex)
    return DateValue(timex=timex, start=start, end=end)


def impossible(timex: str) -> bool:
    """A day the month does not have ("XXXX-02-30")."""
    m = _POINT.match(timex)
    if not m or not m["day"] or m["month"] == "XX":
        return False
    try:
        date(_LEAP if m["year"] == "XXXX" else int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return True
    return False


def gold_date(timex: str) -> DateValue:
    """An expected TIMEX: "(2014-01-01,2018-01-01,P4Y)" is a range, anything else a point."""
    m = _RANGE.match(timex)
    if m:
        return DateValue(start=m["start"], end=m["end"], is_range=True)
    return point(timex)


def _quarter(year: int | None, quarter: int) -> DateValue:
    y = _LEAP if year is None else year
    ny, nm = _add_months(y, 3 * quarter - 2, 3)
    first, after = date(y, 3 * quarter - 2, 1), date(ny, nm, 1)
    unknown = year is None
    return DateValue(start=_iso(first, unknown), end=_iso(after, unknown), is_range=True)


def _resolve(rule: Mapping[str, Any], ref: date) -> DateValue:
    """A relative date (`relative_dates` in peer_suites.yaml) against the reference date."""
    unit, offset = str(rule["unit"]), int(rule.get("offset", 0))
    precision = str(rule.get("precision", unit))
    if unit == "day":
        return point((ref + timedelta(days=offset)).isoformat())
    if unit == "week":
        d = ref + timedelta(weeks=offset)
        if precision == "day":
            return point(d.isoformat())
        iso = d.isocalendar()
        return point(f"{iso[0]}-W{iso[1]:02d}")
    if unit == "month":
        y, m = _add_months(ref.year, ref.month, offset)
        if precision == "day":
            day = min(ref.day, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
            return point(date(y, m, day).isoformat())
        return point(f"{y}-{m:02d}")
    if unit == "quarter":
        y, m = _add_months(ref.year, 3 * ((ref.month - 1) // 3) + 1, 3 * offset)
        return _quarter(y, (m - 1) // 3 + 1)
    if unit == "fiscal_year":
        return DateValue(timex=f"FY{ref.year + offset}")
    if precision == "day":
        return point(date(ref.year + offset, ref.month, min(ref.day, 28)).isoformat())
    return point(str(ref.year + offset))


_AGO = re.compile(r"^(?P<n>\w+)\s+(?P<unit>day|week|month|year)s?\s+ago$")


def _ago(rel: str, numbers: Mapping[str, int]) -> Mapping[str, Any] | None:
    """ "two months ago" as a rule of `relative_dates`: that many units back, to the day."""
    m = _AGO.match(rel)
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else numbers.get(m["n"])
    return None if n is None else {"unit": m["unit"], "offset": -n, "precision": "day"}


def reader_date(
    parts: Mapping[str, Any],
    ref: date | None,
    relative: Mapping[str, Mapping[str, Any]],
    ago_numbers: Mapping[str, int] | None = None,
) -> DateValue:
    """The reader's DateParts (as a dict) as a DateValue; a relative date needs the reference date."""
    rel = parts.get("relative")
    if rel:
        rule = relative.get(str(rel).lower()) or _ago(str(rel).lower(), ago_numbers or {})
        if rule is None or ref is None:
            return DateValue(timex=f"REL:{rel}")
        return _resolve(rule, ref)
    year, month, day, quarter = parts.get("year"), parts.get("month"), parts.get("day"), parts.get("quarter")
    if parts.get("fiscal") and year is not None:
        return DateValue(timex=f"FY{year}" + (f"-Q{quarter}" if quarter else ""))
    if quarter:
        return _quarter(year, int(quarter))
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None:
        return point(y if day is None else f"{y}-XX-{day:02d}")
    return point(f"{y}-{month:02d}" if day is None else f"{y}-{month:02d}-{day:02d}")


def same_date(gold: DateValue, got: Sequence[DateValue]) -> bool:
    """Whether the reader's date(s), in text order, state the expected date.

    A point agrees with one reader point of the same TIMEX. A range agrees with one reader range of the same
    bounds, or with several reader dates from the first's start to the last one's start or end (upstream ends a
    range "2014 to 2018" at the start of 2018, and "April until June" at the end of June).
    """
    if not got:
        return False
    if not gold.is_range:
        return len(got) == 1 and not got[0].is_range and got[0].timex == gold.timex
    if len(got) == 1:
        return got[0].is_range and (got[0].start, got[0].end) == (gold.start, gold.end)
    first, last = got[0], got[-1]
    return first.start is not None and first.start == gold.start and gold.end in (last.start, last.end)
