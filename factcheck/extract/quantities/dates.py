"""Dates: ISO dates, "March 5, 2025", "5 March", quarters ("Q2 2025"), fiscal years ("FY2024"), relative dates
("last year"), and bare years after a date word ("in 2024"), each a `Quantity` of dimension "date"."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from factcheck.extract.quantities.amounts import Amount
from factcheck.extract.quantities.builders import date_parts, date_quantity
from factcheck.extract.quantities.patterns import Compiled
from factcheck.extract.quantities.phrases import norm
from factcheck.extract.quantities.words import prev_word
from factcheck.models import DateParts, Quantity, replace


def year_date(
    c: Compiled,
    text: str,
    start: int,
    a: Amount,
    hedge: str | None = None,
    rtext: str | None = None,
    word: str | bool | None = False,
) -> DateParts | Literal[False] | None:
    """A bare four-digit year: a date after "in", "since", "mid-"...; otherwise not a quantity (False).

    Returns None when the number is not year-like at all. word: the word before start, when the caller read it.
    """
    if (
        a.digits is None
        or len(a.digits) != 4
        or not a.digits.isdigit()
        or a.currency
        or a.unit
        or a.multiple
        or a.scale != 1.0
    ):
        return None
    year = int(a.digits)
    lo, hi = c.lex.year_range
    if not lo <= year <= hi:
        return None
    if hedge and hedge not in c.year_hedge_prepositions:
        return None  # "up to 2000 workers": a hedge makes it an amount (a count needs its noun)
    if start and text[start - 1] == "-":  # "mid-2025"
        if rtext is None:
            glued = c.glued_word_rev.match(text[max(0, start - 12) : start][::-1])
        else:
            glued = c.glued_word_rev.match(rtext, len(text) - start, len(text) - max(0, start - 12))
        if glued and glued.group("w")[::-1].lower() in c.year_words:
            return date_parts(year=year)
    if word is False:
        word = prev_word(c, text, start, rtext)
    if word and word.rstrip(".").lower() in c.year_words:  # type: ignore[union-attr]
        return date_parts(year=year)
    if c.year_open.match(text, a.end):  # "2018 or later"
        return date_parts(year=year)
    return False


def date_q(text: str, start: int, end: int, parts: DateParts) -> Quantity:
    return date_quantity(start, end, text[start:end], None, None, None, "date", "date", parts)


def _two_digit_year(s: str) -> int:
    return int(s) if len(s) == 4 else 2000 + int(s)


class DateReader:
    """The reader's handlers of dates (`on_*`: one for each date alternative of the master pattern), a base of
    `reader._Reader`, which holds the state of one pass over one text."""

    c: Compiled
    text: str
    rtext: str
    out: list[Quantity]
    dates: list[int]
    add: Callable[[Quantity], None]

    def on_iso(self, m: re.Match[str]) -> int:
        y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            self.add(date_q(self.text, m.start(), m.end(), date_parts(year=y, month=mo, day=d)))
        return m.end()

    def year_ok(self, s: str | None) -> int | None:
        if s is None:
            return None
        lo, hi = self.c.lex.year_range
        return int(s) if lo <= int(s) <= hi else None

    def _year_of(self, m: re.Match[str], y: str) -> tuple[int | None, int | None]:
        """The year after a date ("March 2026", "June of 1992", "April of 87", "28 June in 2020") and where the
        year group ends; (None, None) when no year follows or it is out of range."""
        for group, short in ((y, False), (y + "2", True), (y + "3", False)):
            s = m.group(group)
            if s is None:
                continue
            if len(s) == 2 and short:
                year = 1900 + int(s) if int(s) > 50 else 2000 + int(s)  # "April of 87"
                return year, m.end(group)
            year = self.year_ok(s)
            return (year, m.end(group)) if year is not None else (None, None)
        return None, None

    def _ranged(self, start: int, end: int) -> bool:
        """A month without a day or a year is a date inside a range of months: "from Sep to Nov"."""
        c, text = self.c, self.text
        if c.month_range_after.match(text, end):
            return True
        last = self.out[-1] if self.out else None
        return bool(
            last is not None and last.date and last.date.month and c.range_between.search(text[last.end : start])
        )

    def on_mdate(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        name = m.group("mon").rstrip(".")
        month = c.month_of[name]
        lower = name in c.lower_months
        day = int(m.group("md")) if m.group("md") else None
        year, year_end = self._year_of(m, "my")
        end = year_end or m.end()
        if day is not None and not 1 <= day <= 31:
            day, year, end = None, None, m.end("mon")
        if year is None and (m.group("my") or m.group("my2") or m.group("my3")):
            end = m.end("md2") if m.group("md2") else m.end("md") if day is not None else m.end("mon")
        if day is None and year is None:
            word = prev_word(c, text, m.start(), self.rtext)
            dated = bool(word and word.lower() in c.year_words | {"last", "next", "this"})
            ranged = self._ranged(m.start(), m.end("mon"))
            if lower and not ranged:
                return m.end("mon")  # "in may": lower case only with a day or a year, or in a range
            if name in c.lex.month_abbreviations and not ranged:
                after = c.noun_word.match(text, m.end("mon"))
                if not dated or (after is not None and after.group("w")[:1].isupper()):
                    return m.end("mon")  # "Jan Smith"; "after Feb" is a date
            if name in c.lex.ambiguous_months and not (dated or ranged):
                return m.end("mon")
            end = m.end("mon") - (1 if text[m.end("mon") - 1] == "." else 0)
        day2 = int(m.group("md2")) if m.group("md2") else None
        if day2 is not None and (day is None or not day < day2 <= 31):
            day2 = None
        if day2 is not None:  # "November 18-19": two dates
            first_end = m.end("md")
            self.add(date_q(text, m.start(), first_end, date_parts(year=year, month=month, day=day)))
            self.add(date_q(text, m.start("md2"), end, date_parts(year=year, month=month, day=day2)))
            return end
        if day is not None and m.group("md2") and year is None:
            end = m.end("md")
        self.add(date_q(text, m.start(), end, date_parts(year=year, month=month, day=day)))
        return end

    def on_ddate(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        ranged = m.group("dd") is not None  # "18 and 19 June": dd0 and dd; "18 June": dd0 alone
        day = int(m.group("dd") if ranged else m.group("dd0"))
        if not 1 <= day <= 31:
            return m.start() + 1
        month = c.month_of[m.group("dmon").rstrip(".")]
        year, year_end = self._year_of(m, "dy")
        end = year_end or m.end("dmon")
        if year_end is None and text[end - 1] == "." and m.group("dmon").rstrip(".") in c.lex.months:
            end -= 1  # "on 18 November." ends the sentence; "18 Nov." keeps its point
        start = m.start("dd") if ranged else m.start()
        if ranged:  # "18 and 19 June", "9 to 12 of June": two dates
            day0 = int(m.group("dd0"))
            if 1 <= day0 < day:
                self.add(date_q(text, m.start(), m.end("dd0"), date_parts(year=year, month=month, day=day0)))
            else:
                return m.start("dd")
        self.add(date_q(text, start, end, date_parts(year=year, month=month, day=day)))
        return end

    def on_quarter(self, m: re.Match[str]) -> int:
        q = int(m.group("q")) if m.group("q") else self.c.lex.ordinals[m.group("qo").lower()]
        tail = self.c.period_tail.match(self.text, m.end())
        year, fiscal, end = None, False, m.end()
        if tail:
            fiscal = bool(tail.group("fy"))
            ys = tail.group("fyy") or tail.group("cyy") or tail.group("ay") or tail.group("y")
            year = _two_digit_year(ys)
            end = tail.end()
        elif m.group("qo"):
            return m.end()  # "third quarter" is a period only with a year or FY
        self.add(date_q(self.text, m.start(), end, date_parts(year=year, quarter=q, fiscal=fiscal)))
        return end

    def on_fiscal(self, m: re.Match[str]) -> int:
        year = _two_digit_year(m.group("fy1") or m.group("fy2") or m.group("fy3"))
        fiscal = m.group("cy") is None  # "CY2018" is the calendar year
        self.add(date_q(self.text, m.start(), m.end(), date_parts(year=year, fiscal=fiscal)))
        return m.end()

    def on_yquarter(self, m: re.Match[str]) -> int:
        """ "2019 Q3", "2017-q1": the year first."""
        year = self.year_ok(m.group("yqy"))
        if year is None:
            return m.end("yqy")
        self.add(date_q(self.text, m.start(), m.end(), date_parts(year=year, quarter=int(m.group("yqq")))))
        return m.end()

    def join_ranges(self) -> None:
        """A range of dates states its year once, at its end: "Nov 18-Dec 19, 2015", "Jan-Feb 2017", "from March
        to May 2020". The first date takes the year of the second (the year before, when its month is later)."""
        c, text, out = self.c, self.text, self.out
        for i in self.dates:
            if i + 1 >= len(out):
                break
            a, b = out[i], out[i + 1]
            if a.date is None or b.date is None or a.date.year is not None or a.date.month is None:
                continue
            if b.date.year is None or b.date.month is None or b.date.relative or b.date.fiscal:
                continue
            if not c.range_between.search(text[a.end : b.start]):
                continue
            year = b.date.year - (1 if a.date.month > b.date.month else 0)
            out[i] = replace(a, date=replace(a.date, year=year))

    def on_rel(self, m: re.Match[str]) -> int:
        self.add(date_q(self.text, m.start(), m.end(), date_parts(relative=norm(m.group()))))
        return m.end()

    def read_year_pair(self, end: int) -> int:
        """After a year that is a date: "between 2020 and 2025", "from 2019 to 2024", "2020-2025"."""
        m = self.c.year_pair.match(self.text, end)
        if not m:
            return end
        year = self.year_ok(m.group("y"))
        if year is None:
            return end
        self.add(date_q(self.text, m.start("y"), m.end("y"), date_parts(year=year)))
        return m.end("y")
