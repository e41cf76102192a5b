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
from factcheck.models import DateParts, Quantity


def year_date(
    c: Compiled, text: str, start: int, a: Amount, hedge: str | None = None, rtext: str | None = None
) -> DateParts | Literal[False] | None:
    """A bare four-digit year: a date after "in", "since", "mid-"...; otherwise not a quantity (False).

    Returns None when the number is not year-like at all.
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
    if rtext is None:
        glued = c.glued_word_rev.match(text[max(0, start - 12) : start][::-1])
    else:
        glued = c.glued_word_rev.match(rtext, len(text) - start, len(text) - max(0, start - 12))
    if glued and glued.group("w")[::-1].lower() in c.year_words:
        return date_parts(year=year)
    word = prev_word(c, text, start, rtext)
    if word and word.rstrip(".").lower() in c.year_words:
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

    def on_mdate(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        name = m.group("mon").rstrip(".")
        month = c.months[name]
        day = int(m.group("md")) if m.group("md") else None
        year = self.year_ok(m.group("my"))
        end = m.end()
        if day is not None and not 1 <= day <= 31:
            day, year, end = None, None, m.end("mon")
        if year is None and m.group("my"):
            end = m.end("md") if day is not None else m.end("mon")
        if day is None and year is None:
            word = prev_word(c, text, m.start(), self.rtext)
            if name in c.lex.month_abbreviations or (
                name in c.lex.ambiguous_months
                and not (word and word.lower() in c.year_words | {"last", "next", "this"})
            ):
                return m.end("mon")
            end = m.end("mon") - (1 if text[m.end("mon") - 1] == "." else 0)
        self.add(date_q(text, m.start(), end, date_parts(year=year, month=month, day=day)))
        return end

    def on_ddate(self, m: re.Match[str]) -> int:
        day = int(m.group("dd"))
        if not 1 <= day <= 31:
            return m.start() + 1
        month = self.c.months[m.group("dmon").rstrip(".")]
        year = self.year_ok(m.group("dy"))
        end = m.end() if year is not None or not m.group("dy") else m.end("dmon")
        if self.text[end - 1] == "." and m.group("dmon").rstrip(".") in self.c.lex.months:
            end -= 1  # "on 18 November." ends the sentence; "18 Nov." keeps its point
        self.add(date_q(self.text, m.start(), end, date_parts(year=year, month=month, day=day)))
        return end

    def on_quarter(self, m: re.Match[str]) -> int:
        q = int(m.group("q")) if m.group("q") else self.c.lex.ordinals[m.group("qo").lower()]
        tail = self.c.period_tail.match(self.text, m.end())
        year, fiscal, end = None, False, m.end()
        if tail:
            fiscal = bool(tail.group("fy"))
            ys = tail.group("fyy") or tail.group("ay") or tail.group("y")
            year = _two_digit_year(ys)
            end = tail.end()
        elif m.group("qo"):
            return m.end()  # "third quarter" is a period only with a year or FY
        self.add(date_q(self.text, m.start(), end, date_parts(year=year, quarter=q, fiscal=fiscal)))
        return end

    def on_fiscal(self, m: re.Match[str]) -> int:
        year = _two_digit_year(m.group("fy1") or m.group("fy2"))
        self.add(date_q(self.text, m.start(), m.end(), date_parts(year=year, fiscal=True)))
        return m.end()

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
