"""What a number may open or join: a range ("$20-25 billion", "from 180 miles to as much as 240 miles"), two
bare years ("2014-2018"), a ratio ("one in five"), a list that shares one unit ("45 and 50 mg"), a measure in
two units ("5 ft 2 in").

`RangeReader` is a base of `numbers.NumberReader`. A `Reading` is how one amount (or range) is read, a tuple:
(factor, offset, unit, dimension, stated unit, noun, concept, end, number scale): value = number / number scale
* factor + offset, in `unit`; the number scale divides the number when its glued scale word was the unit
("1.8m tall").
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extract.quantities.amounts import Amount, read_amount
from factcheck.extract.quantities.builders import date_parts, number_quantity
from factcheck.extract.quantities.context import context_of, late_unit
from factcheck.extract.quantities.dates import date_q
from factcheck.extract.quantities.patterns import Compiled
from factcheck.extract.quantities.words import is_plural, read_noun
from factcheck.models import Change, Qualifier, Quantity
from factcheck.ruleset.quantity_lexicon import HedgeSpec
from factcheck.ruleset.quantity_units import Unit

Reading = tuple[float, float, str, str, "str | None", "str | None", "str | None", int, float]


def unit_reading(u: Unit, end: int) -> Reading:
    return (u.factor, u.offset, u.unit, u.dimension, u.name, None, None, end, 1.0)


def money_reading(currency: str, cfactor: float, written: str | None, end: int) -> Reading:
    return (cfactor, 0.0, currency, "currency", written, None, None, end, 1.0)


class RangeReader:
    """Ranges, lists and ratios of amounts, a base of `numbers.NumberReader`."""

    c: Compiled
    text: str
    rtext: str
    out: list[Quantity]
    floor: int
    add: Callable[[Quantity], None]
    _wb_at: int
    _wb: tuple[str | None, int]
    _wlow: str | None
    _change_before: Callable[[str | None, int, str], Change | None]

    def _add_number(
        self,
        r: Reading,
        hstart: int,
        end: int,
        value: float,
        low: float | None,
        high: float | None,
        qualifier: Qualifier,
        precision: float,
        stated: float,
        sign: int,
    ) -> None:
        c, text = self.c, self.text
        prev = self._wb if hstart == self._wb_at else None
        change, concept = context_of(c, text, self.rtext, hstart, end, r[3], sign, r[6] or r[5], prev)
        self.out.append(
            number_quantity(
                hstart, end, text[hstart:end], value, low, high, r[2], r[3], qualifier, precision, r[5], stated,
                r[4], change, concept,
            )
        )  # fmt: skip
        self.floor = end

    def _moved(self, start: int) -> bool:
        """Whether a word of movement stands before the number at start ("rose", "fell by", "up")."""
        low = self._wlow if self._wb_at == start else None
        return low in self.c.change_words and self._change_before(low, start, "") is not None

    def _bare_years(self, a: Amount, start: int) -> int:
        """Two years joined by a dash or "to" ("2014-2018", "2014 to 2018") are dates with no date word before
        them, unless they count something ("2000-2100 workers")."""
        c, text = self.c, self.text
        m = c.year_pair.match(text, a.end)
        if m is None:
            return a.end
        noun = read_noun(c, text, m.end())[0]
        if noun is not None and is_plural(c, noun):
            return a.end  # "2000-2100 workers" counts; "the 2014-2018 plan" is a period
        first, second = int(a.digits), int(m.group("y"))  # type: ignore[arg-type]
        lo, hi = c.lex.year_range
        if not (lo <= second <= hi and first < second):
            return a.end
        self.add(date_q(text, start, a.end, date_parts(year=first)))
        self.add(date_q(text, m.start("y"), m.end("y"), date_parts(year=second)))
        return m.end("y")

    def _ratio(self, a: Amount) -> Reading | None:
        """ "two out of five", "one in five adults": a fraction (not "2 in 2024", where the second is a year)."""
        c, text = self.c, self.text
        m = c.out_of.match(text, a.end)
        if m is None:
            return None
        b = read_amount(c, text, m.end())
        if b is None or b.unit or b.currency or b.multiple or b.number <= a.number:
            return None
        if b.digits is not None and len(b.digits) == 4 and b.scale == 1.0:
            lo, hi = c.lex.year_range
            if lo <= b.number <= hi:
                return None
        if text[m.start() : m.end()].split()[0].lower() == "in" and (a.digits is None) != (b.digits is None):
            return None  # "one in 10" mixes words and digits: rare, and "ranked one in 2024" is a year
        concept = read_noun(c, text, b.end)[0]
        return (1.0 / b.number, 0.0, "fraction", "fraction", None, None, concept, b.end, 1.0)

    def _listed(self, a: Amount) -> Reading | None:
        """A bare number before another with a unit: "45 and 50 mg", "3, 4 or 5 GW" take that unit."""
        c, text = self.c, self.text
        j = a.end
        for _ in range(4):
            m = c.list_joiner.match(text, j)
            if m is None:
                return None
            b = read_amount(c, text, m.end())
            if b is None or b.multiple or (b.currency and b.cur_text in c.currency_prefix):
                return None
            if b.unit is not None:
                return unit_reading(b.unit, a.end)
            if b.currency is not None:
                return money_reading(b.currency, b.cfactor, b.cur_text, a.end)
            j = b.end
        return None

    def _compound(self, a: Amount, unit: Unit) -> int:
        """ "5 ft 2 in", "5 feet and 2 inches": a smaller unit of the same dimension adds to the number (a is
        changed in place); where the measure ends."""
        c, text = self.c, self.text
        m = c.compound.match(text, a.end)
        if m is None:
            return a.end
        b = read_amount(c, text, m.end())
        if b is None or b.digits is None or b.currency:
            return a.end
        small, end = b.unit, b.end
        if small is None:
            late = late_unit(c, text, b.start, b.end, None, bare=True)
            if late is None:
                return a.end
            small, end = late[0], late[1]
        if small.dimension != unit.dimension or small.factor >= unit.factor:
            return a.end
        a.number += b.number * small.factor / unit.factor
        a.precision = b.precision * small.factor / unit.factor
        return end

    def _range_of(
        self,
        a: Amount,
        start: int,
        hstart: int,
        opener: str | None,
        hedge: HedgeSpec | None,
        pre: Unit | None,
        neg_len: int | None,
        sign: int,
    ) -> int | None:
        """Amounts a and b joined by a connector: a range when they agree (where the search goes on), else None."""
        c, text = self.c, self.text
        j = a.end
        basis = None
        cm = c.connector_g.match(text, j)
        if cm is None:  # "$350 per kg to $680 per kg": the rate of both bounds between them
            if not text.startswith((" per ", " a ", " an "), j):
                return None
            basis = c.rate_basis.match(text, j)
            if basis is None or (cm := c.connector_g.match(text, basis.end())) is None:
                return None
        if not (opener == "and" or cm.group("c").lower() != "and"):
            return None
        if opener is None and (a.unit or a.currency) and cm.group("c").lower() == "to" and self._moved(start):
            return None  # "gained 132p to 2480p", "fell $1.15 to $74.40": a move, then the level it reached
        k = cm.end()
        ih = c.inner_hedge.match(text, k)
        if ih is not None:
            k = ih.end()
        b_neg = c.inner_minus.match(text, k)
        if b_neg is not None:
            k = b_neg.end()
        b = read_amount(c, text, k)
        if b is None or b.after is not None:
            return None
        if basis is not None:
            again = c.rate_basis.match(text, b.end)
            if again is None or again.group("rw").lower() != basis.group("rw").lower():
                return None
        same = (a.currency is None or b.currency in (None, a.currency)) and (a.unit is None or b.unit in (None, a.unit))
        if (a.unit and b.currency) or (a.currency and b.unit):
            same = False  # "rose 15% to $415.9 million": a change, then a level
        elif same and (a.unit or a.currency) and not (b.unit or b.currency or b.scale != 1.0):
            same = read_noun(c, text, b.end)[0] is None  # "up 5% to 300 jobs"
        lo = a.number * (b.scale if a.scale == 1.0 and b.scale != 1.0 else 1.0)
        sa = -lo if neg_len is not None else lo
        sb = -b.number if b_neg is not None else b.number
        both_negative = neg_len is not None and b_neg is not None
        if not same or not (sa < sb or (both_negative and sa > sb)):
            return None
        currency = b.currency or a.currency
        unit = b.unit or a.unit
        words = (b.digits is None and b.scale == 1.0) or (a.digits is None and b.digits is not None)
        if words and currency is None and unit is None and not (a.multiple or b.multiple):
            return None  # a count range needs digits or a scale word
        end = b.end
        r: Reading
        if currency:
            r = money_reading(currency, b.cfactor if b.currency else a.cfactor, b.cur_text or a.cur_text, end)
        elif unit:
            r = unit_reading(unit, end)
        elif a.multiple or b.multiple:
            r = (1.0, 0.0, "multiple", "multiple", None, None, None, end, 1.0)
        else:
            noun, end = read_noun(c, text, b.end)
            if noun is None:
                return None
            r = (1.0, 0.0, "count", "count", None, noun, None, end, 1.0)
        if hedge is not None and r[3] in hedge.not_for:
            hedge = None
        if pre is None and opener is None:
            hstart = start  # a range carries its own qualifier; only "between"/"from" join its span
        if neg_len is not None and r[3] == "temperature":
            hstart = min(hstart, start - neg_len)
        elif neg_len is not None or b_neg is not None:
            return None  # a sign inside a range of anything but temperatures: not a range this reader knows
        low_s, high_s = (sa, sb) if sa < sb else (sb, sa)
        factor, offset = r[0], r[1]
        low, high = low_s * factor + offset, high_s * factor + offset
        precision = max(a.precision, b.precision) * factor
        self._add_number(r, hstart, end, (low + high) / 2, low, high, "range", precision, (low_s + high_s) / 2, sign)
        return end
