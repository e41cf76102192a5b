"""A number read by `amounts` becomes a quantity: what stands before it (a unit word, a sign, a hedge, a label
or a year), a range it opens (`ranges`), the unit or noun it needs, and what the text says around it: the
change it states and the concept it measures (`context`).

`NumberReader` is a base of `reader._Reader`, which holds the state of one pass over one text. This is the
reader's hot path: the common case (a number with its unit, currency or noun, and nothing around it) is read
with a few dictionary lookups and one call per step.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.extract.quantities.amounts import Amount, bounds, read_amount
from factcheck.extract.quantities.builders import date_parts, number_quantity
from factcheck.extract.quantities.context import fused_noun, is_money, late_unit, mark_unit, read_concept, word_count_ok
from factcheck.extract.quantities.dates import date_q, year_date
from factcheck.extract.quantities.phrases import SP_CHARS, norm
from factcheck.extract.quantities.ranges import RangeReader, Reading, money_reading, unit_reading
from factcheck.extract.quantities.words import is_label, is_plural, read_noun, word_before
from factcheck.models import Change, Qualifier
from factcheck.ruleset.quantity_lexicon import HedgeSpec
from factcheck.ruleset.quantity_units import Unit

_LOOK_BACK = 48  # characters searched to the left of a number for a hedge or a label word
_COMPOUND = frozenset(("distance", "mass"))  # dimensions written in two units: "5 ft 2 in", "9 lb 3 oz"
_MINUS = frozenset("-−–")  # the characters of a minus sign glued to a number (minus_rev)
_NEXT = frozenset(" -")  # what may stand between a quantity and a noun of change after it ("a 3% drop")

_PREFIX_LINKS = frozenset(["of", "at", "as", "was", "is"])  # "a magnitude of 6.1"
_NOUN_NEXT = re.compile(r" (?!(?:on|in|and|or|but|was|were|is|by|from|according|with|at|to|for)\b)[a-z]")


class NumberReader(RangeReader):
    """The reader's handling of amounts (`_with_amount`), a base of `reader._Reader`."""

    n: int
    hedge_before: Callable[[int], tuple[int, str | None]]
    read_year_pair: Callable[[int], int]
    _wb_at: int = -1  # where the word before a number (`_wb`: the word and where it starts) was read
    _wb: tuple[str | None, int] = (None, -1)
    _wlow: str | None = None  # that word in lower case

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
        pc = text[start - 1] if start else ""
        split = a.digits is not None and pc == " " and start >= 2 and text[start - 2].isdigit()
        if split and not (a.cur_text and text.startswith(a.cur_text, start)):
            return a.end  # "245 23 yen": a number split by a space, or a table's row, is no amount
        # The word before the number, read once: most numbers have no hedge, sign or unit word before them, and
        # that word tells which of the patterns read leftwards need to run.
        k = text.rfind(" ", start - 30 if start > 30 else 0, start - 1) if pc == " " and start > 1 else -2
        w = text[k + 1 : start - 1] if k >= 0 and text[start - 2] != " " else ""
        wb = (w, k + 1) if w.isalpha() and w.isascii() else word_before(c, text, start, rtext)  # written out
        self._wb_at, self._wb = start, wb
        wlow = self._wlow = wb[0].lower() if wb[0] is not None else None
        if a.currency is None:
            if a.unit is None and wlow in _PREFIX_LINKS and c.prefix_linked is not None:
                lo = start - 90 if start - 90 > floor else floor
                # the unit word itself first: most numbers after "of" or "at" have none before them
                word = c.prefix_word is not None and c.prefix_word.search(text, lo, start)
                pl = c.prefix_linked.search(text, lo, start) if word else None
                if pl and not _NOUN_NEXT.match(text, a.end):  # "the magnitude of 3 errors" counts errors
                    a.unit = c.prefix_units[pl.group("w").lower()]
            if a.unit is None and c.prefix_rev_g is not None and (pc == "-" or wlow in c.prefix_units):
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
                after = text[a.end : a.end + 2]
                marked = after[:1] in c.mark_first or (after[:1] == " " and after[1:] in c.mark_first)
                if marked and a.unit is None and a.scale == 1.0 and (mark := mark_unit(c, text, start, a.end)):
                    a.unit, a.end = mark  # '8"' is an inch, not a label: "Wrench 8\""
                # only four digits can be a year: the other numbers skip year_date's tests
                if len(a.digits) == 4 and a.digits.isdigit():
                    lo = start - 8 if start - 8 > floor else floor
                    neg = c.minus_rev_g.match(rtext, rs, n - lo) if pc in _MINUS or wlow == "minus" else None
                    if neg or pc in c.hedge_glue or wlow in c.hedge_last:
                        hstart, phrase = self.hedge_before(start - (neg.end() - rs if neg else 0))
                    hedged = True
                    opened = None if phrase in c.range_openers else phrase
                    year = year_date(c, text, start, a, opened, rtext, wb[0])
                    if year is False:
                        return self._bare_years(a, start)
                    if year is not None:
                        self.add(date_q(text, start, a.end, year))
                        return self.read_year_pair(a.end)
                # After a space, a word in lower case names nothing but a version word ("version 2"): is_label
                # would say False, so the common case skips the call.
                lowered = pc == " " and (wlow is None or (wlow == wb[0] and wlow.rstrip(".") not in c.version_words))
                if not lowered and is_label(c, text, start, a, rtext, wb[0]):
                    return a.end
            if a.decimal_comma and not (a.unit or a.scale != 1.0):
                return fallback  # "2024,25": a decimal comma only where a unit makes it unambiguous
        if not hedged and (pc in _MINUS or wlow == "minus"):
            lo = start - 8 if start - 8 > floor else floor
            neg = c.minus_rev_g.match(rtext, rs, n - lo)
        neg_len = neg.end() - rs if neg else 0
        if not hedged and (neg_len or pc in c.hedge_glue or wlow in c.hedge_last):
            hs = start - neg_len  # self.hedge_before(start - neg_len), written out
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
            nxt = text[a.end : a.end + 1]
            if nxt in c.range_first or (nxt in SP_CHARS and text[a.end + 1 : a.end + 2] in c.range_first_sp):
                got = self._range_of(a, start, hstart, opener, hedge, pre, neg_len if neg else None, sign)
                if got is not None:
                    return got
        # One amount: the common case.
        unit = a.unit
        if a.currency is not None and (a.cur_text is None or a.scale != 1.0 or norm(a.cur_text) not in c.name_units):
            r: Reading | None = (a.cfactor, 0.0, a.currency, "currency", a.cur_text, None, None, a.end, 1.0)
        elif unit is not None and unit.dimension not in _COMPOUND:
            r = (unit.factor, unit.offset, unit.unit, unit.dimension, unit.name, None, None, a.end, 1.0)
        else:
            r = self._reading(a, start, hstart)
            if r is None:
                return fallback
        return self._emit(a, r, start, hstart, pre, hedge, neg_len if neg else None, sign)

    def _reading(self, a: Amount, start: int, hstart: int) -> Reading | None:
        """The unit (or the noun) of one amount that the common case leaves: a currency name that may be a unit
        ("25 pounds"), a measure in two units, a multiple, a unit that needs its context, a ratio, a count. None
        when it is no quantity ("three" alone, "42")."""
        c, text = self.c, self.text
        unit = a.unit
        if a.currency is not None:
            if not is_money(c, text, self.rtext, hstart, False, a.end):  # "25 pounds": a weight
                unit = c.name_units[norm(a.cur_text)]  # type: ignore[arg-type]
            else:
                return money_reading(a.currency, a.cfactor, a.cur_text, a.end)
        if unit is not None:
            end = self._compound(a, unit) if unit.dimension in _COMPOUND else a.end
            return unit_reading(unit, end)
        if a.multiple:
            return (1.0, 0.0, "multiple", "multiple", None, None, None, a.end, 1.0)
        end = a.end
        nxt = text[end + 1 : end + 2] if text[end : end + 1] == " " else text[end : end + 1]
        if a.short is not None or nxt in c.late_first:  # the cheap test first: most counts have a noun
            late = late_unit(c, text, start, end, a.short)
            if late is not None:
                u, end, was_scale = late
                return (u.factor, u.offset, u.unit, u.dimension, u.name, None, None, end, a.scale if was_scale else 1.0)
        if nxt in ("i", "o"):  # "one in five", "two out of five"
            ratio = self._ratio(a)
            if ratio is not None:
                return ratio
        # A count needs its noun ("three companies", "12 injured"); a number in words may not be a pronoun.
        if a.digits is None and a.scale == 1.0 and not word_count_ok(c, text, a.start, text[a.start : a.end]):
            return None
        fused = fused_noun(c, text, end) if text[end : end + 1] == "-" else None
        noun, end = fused if fused is not None else read_noun(c, text, end)
        if noun is None and a.digits is None and (sized := c.sized.match(text, end)) is not None:
            # "two 36-storey towers", "three 1.5GW plants": the words count the noun after the sized one, which
            # is read on its own next
            head = read_noun(c, text, sized.end())[0]
            if head is not None and is_plural(c, head):
                return (1.0, 0.0, "count", "count", None, head, None, a.end, 1.0)
        if noun is None:
            return self._listed(a) or self._implied(a, start)
        return (1.0, 0.0, "count", "count", None, noun, None, end, 1.0)

    def _implied(self, a: Amount, start: int) -> Reading | None:
        """A bare number in digits that the words before it say counts something: "the blast injured 45" counts
        people, "the death toll rose to 1,644" deaths (`implied_counts`, `tally_words`); None elsewhere."""
        c = self.c
        if a.digits is None:
            return None
        low = self._wlow if self._wb_at == start else None
        noun = c.implied_counts.get(low) if low is not None else None
        if noun is None and c.tally is not None:
            m = c.tally.search(self.text, max(self.floor, start - 60), start)
            noun = c.tally_words[norm(m.group("t"))] if m is not None else None
        return None if noun is None else (1.0, 0.0, "count", "count", None, noun, None, a.end, 1.0)

    def _emit(
        self,
        a: Amount,
        r: Reading,
        start: int,
        hstart: int,
        pre: Unit | None,
        hedge: HedgeSpec | None,
        neg_len: int | None,
        sign: int,
    ) -> int:
        """The quantity of one amount, read r; returns its end."""
        c, text = self.c, self.text
        factor, offset, unit, dim, stated_unit, noun, concept, end, number_scale = r
        if hedge is not None and dim in hedge.not_for and text[end : end + 4] != " old":
            hedge = None  # "over five years" names a period; "over thirty years old" bounds an age
        if pre is None and hedge is None:
            hstart = start  # only a hedge (or "between"/"from") joins the span
        number = a.number if number_scale == 1.0 else a.number / number_scale
        value = number * factor + offset
        stated = value if dim == "fraction" else number
        if neg_len is not None or sign:
            if neg_len is not None and dim == "temperature":
                # "-10°C", "minus 18 degrees": the only dimension where the value is below zero
                value, stated = -number * factor + offset, -number
                if start - neg_len < hstart:
                    hstart = start - neg_len
            elif sign and dim in c.sign_changes:
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
        if dim == "duration" and qualifier == "exact" and (ago := c.ago.match(text, end)) is not None:
            self.add(date_q(text, hstart, ago.end(), date_parts(relative=norm(text[hstart : ago.end()]))))
            return ago.end()  # "two months ago": a date
        # What the text says around it (context.context_of, written out for the common case): the change from a
        # sign, a word of movement before it or a noun of movement after it; the concept.
        if hstart == self._wb_at:
            low_word = self._wlow
        else:
            w = word_before(c, text, hstart, self.rtext)[0]
            low_word = w.lower() if w is not None else None
        change: Change | None = None
        if sign and dim in c.sign_changes:
            change = "down" if sign < 0 else "up"
        elif low_word in c.change_words:
            change = self._change_before(low_word, hstart, dim)
        after = text[end : end + 2]
        if change is None and after[:1] in _NEXT and after[1:].lower() in c.change_after_first:
            change = self._change_after(end, dim)
        if concept is None:
            concept = noun
            fused = dim == "duration" and "-" in text[hstart:end]
            spaced = after[:1] == " " or (fused and text.startswith("-long ", end))  # "a three-year-long probe"
            if noun is None and spaced and (fused or low_word in c.determiners or after[1:] in "oO"):
                concept = read_concept(c, text, end, low_word, fused)
        self.out.append(
            number_quantity(
                hstart, end, text[hstart:end], value, low, high, unit, dim, qualifier,
                a.precision / number_scale * factor, noun, stated, stated_unit, change, concept,
            )
        )  # fmt: skip
        self.floor = end
        return end

    def _change_before(self, low: str | None, at: int, dim: str) -> Change | None:
        """A word of movement before the number, across `change_links`: "rose by about 5%", "a drop of 3%"."""
        c, text, rtext = self.c, self.text, self.rtext
        at = self._wb[1] if at == self._wb_at else word_before(c, text, at, rtext)[1]
        skip = 0  # words of an object that may stand between the verb and "by": "cut rates by 25 basis points"
        for _ in range(6):
            if low is None:
                return None
            found = c.change_before.get(low)
            if found is not None:
                return found[0] if dim not in found[1] else None  # type: ignore[return-value]
            if low in c.change_object_links:
                skip = 3
            elif low not in c.change_links:
                if skip == 0:
                    return None
                skip -= 1
            word, at = word_before(c, text, at, rtext)
            low = word.lower() if word is not None else None
        return None

    def _change_after(self, end: int, dim: str) -> Change | None:
        """A noun of movement right after the quantity: "a 3% drop", "12 percent higher"."""
        c = self.c
        m = c.change_after.match(self.text, end)
        if m is not None:
            found = c.change_of.get(("after", norm(m.group("cw"))))
            if found is not None and dim not in found[1]:
                return found[0]  # type: ignore[return-value]
        return None
