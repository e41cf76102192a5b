"""A number read by `amounts` becomes a quantity: what stands before it (a unit word, a sign, a hedge, a label
or a year), a range it opens, the unit or noun it needs, and what the text says around it (`context`).

`NumberReader` is a base of `reader._Reader`, which holds the state of one pass over one text.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extract.quantities.amounts import Amount, bounds, read_amount
from factcheck.extract.quantities.builders import date_parts, number_quantity
from factcheck.extract.quantities.context import (
    change_of,
    concept_of,
    fused_noun,
    is_money,
    late_unit,
    mark_unit,
    word_count_ok,
)
from factcheck.extract.quantities.dates import date_q, year_date
from factcheck.extract.quantities.patterns import Compiled
from factcheck.extract.quantities.phrases import norm
from factcheck.extract.quantities.words import is_label, read_noun
from factcheck.models import Qualifier, Quantity
from factcheck.ruleset.quantity_lexicon import HedgeSpec
from factcheck.ruleset.quantity_units import Unit

_LOOK_BACK = 48  # characters searched to the left of a number for a hedge or a label word


class _Reading:
    """How one amount (or range) is read: its unit, dimension and stated unit, its noun and where it ends."""

    __slots__ = ("concept", "dimension", "end", "factor", "noun", "number_scale", "offset", "stated_unit", "unit")

    def __init__(self, factor: float, offset: float, unit: str, dimension: str, stated: str | None, end: int):
        self.factor, self.offset, self.unit, self.dimension, self.stated_unit = factor, offset, unit, dimension, stated
        self.noun: str | None = None
        self.concept: str | None = None
        self.end = end
        self.number_scale = 1.0  # divides the number when its glued scale word turned out to be the unit


class NumberReader:
    """The reader's handling of amounts (`_with_amount`), a base of `reader._Reader`."""

    c: Compiled
    text: str
    n: int
    rtext: str
    out: list[Quantity]
    floor: int
    hedge_before: Callable[[int], tuple[int, str | None]]
    read_year_pair: Callable[[int], int]
    add: Callable[[Quantity], None]

    def _number(self, start: int, fallback: int) -> int:
        """Read the amount that starts at start; returns where the search goes on."""
        a = read_amount(self.c, self.text, start)
        return fallback if a is None else self._with_amount(a, start, fallback)

    def _with_amount(self, a: Amount, start: int, fallback: int) -> int:
        """The quantity of amount a, read at start, with what stands before and after it."""
        c, text, n, rtext, floor = self.c, self.text, self.n, self.rtext, self.floor
        rs = n - start  # start in rtext
        # What stands before the number (read leftwards, all pure): a unit word ("magnitude 7.1"), a minus sign
        # ("-10°C", "minus 18 degrees", "-0.8%") and a hedge; a label ("Windows 11") is told first, as it needs
        # neither of the last two.
        pre = None
        neg = None
        hstart, phrase, hedged = start, None, False
        split = a.digits is not None and start >= 2 and text[start - 1] == " " and text[start - 2].isdigit()
        if split and not (a.cur_text and text.startswith(a.cur_text, start)):
            return a.end  # "245 23 yen": a number split by a space, or a table's row, is no amount
        if a.currency is None:
            if a.unit is None and c.prefix_rev_g is not None:
                lo = start - 16 if start - 16 > floor else floor
                pm = c.prefix_rev_g.match(rtext, rs, n - lo)
                if pm:
                    pre = c.prefix_units[pm.group("w")[::-1].lower()]
                    a.unit = pre
                    pm_len = pm.end() - rs
                    hstart, phrase = self.hedge_before(start - pm_len)
                    if phrase is None:
                        hstart = start - pm_len
                    hedged = True
            if a.digits is not None and pre is None:
                if a.unit is None and a.scale == 1.0 and (mark := mark_unit(c, text, start, a.end)) is not None:
                    a.unit, a.end = mark  # '8"' is an inch, not a label: "Wrench 8\""
                # only four digits can be a year: the other numbers skip year_date's tests
                if len(a.digits) == 4:
                    lo = start - 8 if start - 8 > floor else floor
                    neg = c.minus_rev_g.match(rtext, rs, n - lo)
                    hstart, phrase = self.hedge_before(start - (neg.end() - rs if neg else 0))
                    hedged = True
                    year = year_date(c, text, start, a, None if phrase in c.range_openers else phrase, rtext)
                    if year is False:
                        return self._bare_years(a, start)
                    if year is not None:
                        self.add(date_q(text, start, a.end, year))
                        return self.read_year_pair(a.end)
                if is_label(c, text, start, a, rtext):
                    return a.end
            if a.decimal_comma and not (a.unit or a.scale != 1.0):
                return fallback  # "2024,25": a decimal comma only where a unit makes it unambiguous
        if not hedged:
            lo = start - 8 if start - 8 > floor else floor
            neg = c.minus_rev_g.match(rtext, rs, n - lo)
        neg_len = neg.end() - rs if neg else 0
        if not hedged:  # self.hedge_before(start - neg_len), written out
            hs = start - neg_len
            lo = hs - _LOOK_BACK if hs - _LOOK_BACK > floor else floor
            hm = c.before_hedge_rev_g.match(rtext, n - hs, n - lo)
            if hm is not None:
                hstart, phrase = hs - (hm.end("h") - (n - hs)), norm(hm.group("h")[::-1])
        if phrase:
            opener = c.range_openers.get(phrase)
            hedge = None if opener else c.hedge_of.get(("before", phrase))
        else:
            opener = hedge = None
        if neg or a.neg:  # "-0.8%", "$-99.99"
            sign = -1
        else:  # "+2.5%"
            sign = 1 if start and text[start - 1] == "+" and (start < 2 or not text[start - 2].isalnum()) else 0

        # A range: "$20-25 billion", "$20 billion to $25 billion", "between 2,000 and 3,000 workers".
        if a.after is None and not a.multiple:
            got = self._range_of(a, start, hstart, opener, hedge, pre, neg_len if neg else None, sign)
            if got is not None:
                return got
        r = self._reading(a, start, hstart)
        if r is None:
            return fallback
        return self._emit_one(a, r, start, hstart, pre, hedge, neg_len if neg else None, sign)

    def _reading(self, a: Amount, start: int, hstart: int) -> _Reading | None:
        """The unit (or the noun) of one amount; None when it is no quantity ("three" alone, "42")."""
        c, text = self.c, self.text
        unit = a.unit
        if a.currency:
            named = a.cur_text is not None and a.scale == 1.0 and norm(a.cur_text) in c.name_units
            if named and not is_money(c, text, self.rtext, hstart, False, a.end):  # "25 pounds": a weight
                unit = c.name_units[norm(a.cur_text)]  # type: ignore[arg-type]
            if unit is None:
                return _Reading(a.cfactor, 0.0, a.currency, "currency", a.cur_text, a.end)
        if unit is not None:
            r = _Reading(unit.factor, unit.offset, unit.unit, unit.dimension, unit.name, a.end)
            self._compound(a, unit, r)
            return r
        if a.multiple:
            return _Reading(1.0, 0.0, "multiple", "multiple", None, a.end)
        late = late_unit(c, text, start, a.end, a.short)
        if late is not None:
            u, end, was_scale = late
            r = _Reading(u.factor, u.offset, u.unit, u.dimension, u.name, end)
            if was_scale:
                r.number_scale = a.scale
            return r
        ratio = self._ratio(a)
        if ratio is not None:
            return ratio
        # A count needs its noun ("three companies", "12 injured"); a number in words may not be a pronoun.
        if a.digits is None and a.scale == 1.0 and not word_count_ok(c, text, a.start, text[a.start : a.end]):
            return None
        fused = fused_noun(c, text, a.end) if text[a.end : a.end + 1] == "-" else None
        if fused is not None:
            noun, end = fused
        else:
            noun, end = read_noun(c, text, a.end)
        if noun is None:
            return self._listed(a)
        r = _Reading(1.0, 0.0, "count", "count", None, end)
        r.noun = noun
        return r

    def _ratio(self, a: Amount) -> _Reading | None:
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
        r = _Reading(1.0 / b.number, 0.0, "fraction", "fraction", None, b.end)
        r.concept = read_noun(c, text, b.end)[0]
        return r

    def _listed(self, a: Amount) -> _Reading | None:
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
                u = b.unit
                return _Reading(u.factor, u.offset, u.unit, u.dimension, u.name, a.end)
            if b.currency is not None:
                return _Reading(b.cfactor, 0.0, b.currency, "currency", b.cur_text, a.end)
            j = b.end
        return None

    def _compound(self, a: Amount, unit: Unit, r: _Reading) -> None:
        """ "5 ft 2 in", "5 feet and 2 inches": a smaller unit of the same dimension adds to the number."""
        c, text = self.c, self.text
        m = c.compound.match(text, a.end)
        if m is None or unit.dimension not in ("distance", "mass"):
            return
        b = read_amount(c, text, m.end())
        if b is None or b.digits is None or b.currency:
            return
        small, end = b.unit, b.end
        if small is None:
            late = late_unit(c, text, b.start, b.end, None, bare=True)
            if late is None:
                return
            small, end = late[0], late[1]
        if small.dimension != unit.dimension or small.factor >= unit.factor:
            return
        a.number += b.number * small.factor / unit.factor
        a.precision = b.precision * small.factor / unit.factor
        r.end = end

    def _emit_one(
        self,
        a: Amount,
        r: _Reading,
        start: int,
        hstart: int,
        pre: Unit | None,
        hedge: HedgeSpec | None,
        neg_len: int | None,
        sign: int,
    ) -> int:
        c, text = self.c, self.text
        if hedge is not None and r.dimension in hedge.not_for and text[r.end : r.end + 4] != " old":
            hedge = None  # "over five years" names a period; "over thirty years old" bounds an age
        if pre is None and hedge is None:
            hstart = start  # only a hedge (or "between"/"from") joins the span
        number = a.number / r.number_scale
        value = number * r.factor + r.offset
        stated = value if r.dimension == "fraction" else number
        if neg_len is not None and r.dimension == "temperature":
            # "-10°C", "minus 18 degrees": the only dimension where the value is below zero
            value, stated = -number * r.factor + r.offset, -number
            if start - neg_len < hstart:
                hstart = start - neg_len
        elif sign and r.dimension in c.sign_changes:
            stated = sign * number  # "-0.8%": the change down by 0.8 (value), as written -0.8 (stated)
            if neg_len is not None and start - neg_len < hstart:  # the minus before the number joins the span
                hstart = start - neg_len
            elif sign > 0 and start - 1 < hstart:
                hstart = start - 1
        h = hedge or a.after
        if h is None:
            qualifier: Qualifier = "exact"
            low = high = value
        else:
            qualifier, low, high = bounds(h, value)
        end = r.end
        if r.dimension == "duration" and qualifier == "exact" and c.ago.match(text, end):
            ago = c.ago.match(text, end)
            self.add(date_q(text, hstart, ago.end(), date_parts(relative=norm(text[hstart : ago.end()]))))  # type: ignore[union-attr]
            return ago.end()  # type: ignore[union-attr]
        self._add_number(a, r, hstart, end, value, low, high, qualifier, a.precision / r.number_scale * r.factor,
                         stated, sign)  # fmt: skip
        return end

    def _add_number(
        self,
        a: Amount,
        r: _Reading,
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
        dim = r.dimension
        change = change_of(c, text, self.rtext, hstart, end, dim, sign, self.floor)
        concept = r.concept or r.noun or concept_of(c, text, self.rtext, hstart, end)
        q = number_quantity(
            hstart, end, text[hstart:end], value, low, high, r.unit, dim, qualifier, precision, r.noun,
            stated, r.stated_unit, change, concept,
        )  # fmt: skip
        self.out.append(q)
        self.floor = end

    def _bare_years(self, a: Amount, start: int) -> int:
        """Two years joined by a dash or "to" ("2014-2018", "2014 to 2018") are dates with no date word before
        them, unless they count something ("2000-2100 workers")."""
        c, text = self.c, self.text
        m = c.year_pair.match(text, a.end)
        if m is None or read_noun(c, text, m.end())[0] is not None:
            return a.end
        first, second = int(a.digits), int(m.group("y"))  # type: ignore[arg-type]
        lo, hi = c.lex.year_range
        if not (lo <= second <= hi and first < second):
            return a.end
        self.add(date_q(text, start, a.end, date_parts(year=first)))
        self.add(date_q(text, m.start("y"), m.end("y"), date_parts(year=second)))
        return m.end("y")

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
            basis = c.rate_basis.match(text, j)
            if basis is None or (cm := c.connector_g.match(text, basis.end())) is None:
                return None
        if not (opener == "and" or cm.group("c").lower() != "and"):
            return None
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
        elif (
            same
            and (a.unit or a.currency)
            and not (b.unit or b.currency or b.scale != 1.0)
            and read_noun(c, text, b.end)[0]
        ):
            same = False  # "up 5% to 300 jobs"
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
        noun = None
        if currency:
            cf = b.cfactor if b.currency else a.cfactor
            r = _Reading(cf, 0.0, currency, "currency", b.cur_text or a.cur_text, end)
        elif unit:
            r = _Reading(unit.factor, unit.offset, unit.unit, unit.dimension, unit.name, end)
        elif a.multiple or b.multiple:
            r = _Reading(1.0, 0.0, "multiple", "multiple", None, end)
        else:
            noun, end = read_noun(c, text, b.end)
            if noun is None:
                return None
            r = _Reading(1.0, 0.0, "count", "count", None, end)
            r.noun = noun
        if hedge is not None and r.dimension in hedge.not_for:
            hedge = None
        if pre is None and opener is None:
            hstart = start  # a range carries its own qualifier; only "between"/"from" join its span
        if neg_len is not None and r.dimension == "temperature":
            hstart = min(hstart, start - neg_len)
        elif neg_len is not None or b_neg is not None:
            return None  # a sign inside a range of anything but temperatures: not a range this reader knows
        low_s, high_s = (sa, sb) if sa < sb else (sb, sa)
        low, high = low_s * r.factor + r.offset, high_s * r.factor + r.offset
        precision = max(a.precision, b.precision) * r.factor
        self._add_number(
            a, r, hstart, r.end, (low + high) / 2, low, high, "range", precision, (low_s + high_s) / 2, sign
        )
        return r.end
