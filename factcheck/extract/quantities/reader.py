"""Read every way English-language news writes a number.

`extract_quantities(text, lexicon)` finds money, power and energy, percentages, counts, fractions,
multiples, durations and dates, each normalised to a base unit with the interval its hedge allows.
The knowledge (scale words, currencies, units, hedges, months, not-a-quantity shapes) lives in
`rules/quantities.yaml`; this package holds only the grammar that combines it: this module, one pass over a
text, with `amounts` (one amount), `words` (the words around it), `dates`, and the patterns (`patterns`).

Physical units (distance, area, mass, volume, speed, temperature, data) name a pint unit in the YAML; pint
computes each factor to the dimension's base unit once, when the lexicon is built, never per number
(`factcheck.ruleset.quantity_lexicon`).

Speed: one `re` scan (word lists compiled as prefix tries) finds candidate starts (digits, currency
symbols, number words, months, two capitals...); an anchored "master" pattern classifies each candidate
(a number with what follows it, a date, a fraction, a shape to skip) and small anchored regexes read what
stands before it, so the work is proportional to the candidates, not to the characters of the text.
`benchmarks/bench_quantities.py` measures it.

Shapes to skip (`ignore_patterns`) from a rule file a user supplies run with a time limit (`saferegex`): a
catastrophic pattern stops the run with a `RegexTimeout` naming the file and the field; the shipped list is
part of the master pattern (see `patterns.Compiled.reading`).
"""

from __future__ import annotations

import re

from factcheck.extract.quantities.amounts import amount_of, bounds
from factcheck.extract.quantities.builders import date_parts, quantity, simple_quantity
from factcheck.extract.quantities.context import concept_of
from factcheck.extract.quantities.dates import DateReader, date_q
from factcheck.extract.quantities.numbers import NumberReader
from factcheck.extract.quantities.patterns import Compiled, compiled
from factcheck.extract.quantities.phrases import norm
from factcheck.extract.quantities.words import prev_word, read_noun
from factcheck.models import Quantity
from factcheck.ruleset.quantity_lexicon import QuantityLexicon

__all__ = ["extract_quantities"]

_DIGITS = frozenset("0123456789")
_AT_MATCH = frozenset(("h", "hw"))  # scan groups whose candidate is the scanned character itself, not the next
_LOOK_BACK = 48  # characters searched to the left of a number for a hedge or a label word


class _Reader(NumberReader, DateReader):
    """One pass over one text."""

    def __init__(self, c: Compiled, text: str) -> None:
        self.c = c
        self.text = text
        self.n = len(text)
        self.rtext = text[::-1]  # the left context is read backwards by anchored patterns, inside this
        self.out: list[Quantity] = []
        self.floor = 0  # end of the last quantity: hedges may not reach back past it
        self.dated = 0  # dates read: a range of dates needs two
        self.dates: list[int] = []  # where they are in out

    def hedge_before(self, start: int) -> tuple[int, str | None]:
        """Start and phrase of the hedge right before start, if any."""
        lo = start - _LOOK_BACK
        if lo < self.floor:
            lo = self.floor
        n = self.n
        m = self.c.before_hedge_rev_g.match(self.rtext, n - start, n - lo)
        if m is None:
            return start, None
        return start - (m.end("h") - (n - start)), norm(m.group("h")[::-1])

    def add(self, q: Quantity) -> None:
        self.out.append(q)
        self.floor = q.end
        if q.date is not None:
            self.dated += 1
            self.dates.append(len(self.out) - 1)

    def run(self) -> list[Quantity]:
        c, text = self.c, self.text
        scan = c.scan_from.search
        dispatch, skip_at = c.reading()
        handlers = _HANDLERS
        n = len(text)
        no_word_start = c.no_word_start
        p = 0  # the text's start is always a candidate (`^` in the scan)
        # Candidates lie inside the text: nothing can start at its end, which the scan never reports (p == n
        # only for an empty text).
        while p < n:
            ch = text[p]
            if skip_at is not None and (sk := skip_at[ch]) is not None and (skip := sk.match(text, p)) is not None:
                pos = skip.end()  # a user-supplied shape to skip: first, as SKIP is in the master
            else:
                pat = dispatch[ch]
                m = pat.match(text, p) if pat is not None else None
                if m is None:
                    pos = p + 1
                else:
                    handler = handlers.get(m.lastgroup)  # type: ignore[arg-type]
                    pos = handler(self, m) if handler else None  # skip shapes and list markers have no handler
                    if pos is None:
                        pos = m.end()
            if pos <= p:
                pos = p + 1
            # The next candidate at or after pos: the scan may report it at the character before pos.
            if pos < n and text[pos - 1] in _DIGITS and text[pos] in no_word_start:
                s = scan(text, pos)  # the scan from pos - 1 would report the digit there, and nothing at pos
            else:
                s = scan(text, pos - 1)
                if s is None:
                    break
                q = s.start()
                if q < pos:
                    if s.lastgroup != "h":
                        p = q + 1
                        continue
                    s = scan(text, pos)
            if s is None:
                break
            p = s.start()
            if s.lastgroup not in _AT_MATCH:
                p += 1
        if self.dated > 1:
            self.join_ranges()
        return self.out

    # ---- fractions, multiples, vague amounts -----------------------------------------------------

    def _simple(self, start: int, end: int, value: float, unit: str, dimension: str, precision: float = 0.0) -> int:
        hstart, phrase = self.hedge_before(start)
        h = self.c.hedge_of.get(("before", phrase)) if phrase else None
        if h is None:
            hstart = start
        qualifier, low, high = bounds(h, value)
        self.add(
            simple_quantity(
                hstart, end, self.text[hstart:end], value, low, high, unit, dimension, qualifier, precision, value
            )
        )
        return end

    def _fraction(self, start: int, end: int, value: float) -> int:
        """A fraction, or a fraction of a unit ("1/4 mile", "one-half miles")."""
        c = self.c
        um = c.suffix.match(self.text, end)
        unit = None
        if um is not None and (um.group("uword") or um.group("usym")):
            unit = c.unit_words[norm(um.group("uword"))] if um.group("uword") else c.unit_symbols[um.group("usym")]
        if unit is None:
            return self._simple(start, end, value, "fraction", "fraction")
        end = um.end()  # type: ignore[union-attr]  # set with unit
        hstart, phrase = self.hedge_before(start)
        h = c.hedge_of.get(("before", phrase)) if phrase else None
        if h is None:
            hstart = start
        v = value * unit.factor + unit.offset
        qualifier, low, high = bounds(h, v)
        self.add(
            quantity(
                start=hstart, end=end, text=self.text[hstart:end], value=v, low=low, high=high, unit=unit.unit,
                dimension=unit.dimension, qualifier=qualifier, precision=0.0, stated_value=value,
                stated_unit=unit.name, concept=concept_of(c, self.text, self.rtext, hstart, end),
            )
        )  # fmt: skip
        return end

    def on_frac(self, m: re.Match[str]) -> int:
        a, b = int(m.group("fa")), int(m.group("fb"))
        if not 0 < a < b:
            return m.end()  # "24/7", "50/50": not a share of a whole
        return self._fraction(m.start(), m.end(), a / b)

    def on_wfrac(self, m: re.Match[str]) -> int:
        text = self.text
        if m.group("fd") is None:  # "half of", "half the"
            return self._simple(m.start(), m.end(), 0.5, "fraction", "fraction")
        # "a third" alone may be an ordinal ("a third company"): spaced forms need "of" after them.
        if m.group("fsep") != "-" and not self.c.of_after.match(text, m.end()):
            return m.start("fsep")
        num = m.group("fn").lower()
        n = 1 if num in ("a", "an") else self.c.number_words[num]
        d = self.c.fractions[m.group("fd").lower()]
        if n >= d:
            return m.end()
        return self._fraction(m.start(), m.end(), n / d)

    def on_mword(self, m: re.Match[str]) -> int:
        value = self.c.lex.multiple_words[m.group().lower()]
        return self._simple(m.start(), m.end(), value, "multiple", "multiple")

    def on_vague(self, m: re.Match[str]) -> int:
        c, text = self.c, self.text
        lo_f, hi_f = c.lex.vague[m.group("vw").lower()]
        scale = c.lex.vague_scales[m.group("vs").lower()] if m.group("vs") else 1.0
        end = m.end()
        unit, dimension, noun = "count", "count", None
        tail = c.vague_tail.match(text, end)
        if tail:
            unit, dimension, end = c.currency_names[norm(tail.group("cname"))], "currency", tail.end()
        else:
            of = c.vague_of.match(text, end)
            if of:
                noun, nend = read_noun(c, text, of.end())
                if noun:
                    end = nend
        if not m.group("vs") and unit == "count" and noun is None:
            return m.end()  # bare "Billions", "tens": no quantity
        self.add(
            quantity(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                value=None,
                low=lo_f * scale,
                high=hi_f * scale,
                unit=unit,
                dimension=dimension,
                qualifier="vague",
                noun=noun,
            )
        )
        return end

    # ---- numbers ---------------------------------------------------------------------------------

    def on_madj(self, m: re.Match[str]) -> int:
        """ "a billion-dollar deal", "multibillion-pound": a vague magnitude in a currency, or nothing."""
        c = self.c
        low, high = c.magnitude_adjectives[m.group("ma").lower().replace("-", "")]
        unit = c.adjective_currencies[m.group("mc").lower()]
        start, end = m.start("ma"), m.end()
        self.add(
            quantity(
                start=start,
                end=end,
                text=self.text[start:end],
                value=None,
                low=low,
                high=high,
                unit=unit,
                dimension="currency",
                qualifier="vague",
            )
        )
        return end

    def on_num(self, m: re.Match[str]) -> int | None:
        c, text = self.c, self.text
        start = m.start()
        # "In 2024,25 companies moved": a year after its date word, a comma, then another number.
        yc = c.year_comma.match(text, start) if text[start + 4 : start + 5] == "," else None
        if yc and m.group("num")[:1].isdigit():
            year = self.year_ok(yc.group("y"))
            word = prev_word(c, text, start, self.rtext)
            if year is not None and word and word.lower() in c.year_words:
                self.add(date_q(text, start, yc.end("y"), date_parts(year=year)))
                return self._number(yc.end(), yc.end())
        if m.group("dig") is None:  # number words: read piece by piece
            return self._number(start, m.end("word"))
        if start and text[start - 1] == "." and m.group("cur") is None:  # ".5 per cent": from the point
            return self._number(start - 1, m.end("dig"))
        # the master's match holds the amount and its tail: no second reading
        a = amount_of(c, text, start, m)
        return m.end("dig") if a is None else self._with_amount(a, start, m.end("dig"))

    def on_aunit(self, m: re.Match[str]) -> int:
        """ "a gallon of beer", "a penny": one unit; after an amount, its rate ("$3 a gallon"), nothing."""
        c, text = self.c, self.text
        j = m.start() - 1
        while j >= 0 and text[j] in " \u00a0":
            j -= 1
        if self.out and self.out[-1].end == j + 1:
            return m.end()
        word = norm(m.group("au"))
        unit = c.unit_words.get(word)
        stated: str | None
        if unit is not None:
            value, name, dim, stated = unit.factor + unit.offset, unit.unit, unit.dimension, unit.name
        else:
            code, factor = c.subunits.get(word) or (c.currency_names[word], 1.0)
            value, name, dim, stated = factor, code, "currency", m.group("au")
        end = m.end()
        self.add(
            quantity(
                start=m.start(), end=end, text=text[m.start() : end], value=value, low=value, high=value, unit=name,
                dimension=dim, precision=0.0, stated_value=1.0, stated_unit=stated,
                concept=concept_of(c, text, self.rtext, m.start(), end),
            )
        )  # fmt: skip
        return end


# The handler of each group of the master pattern (`on_<group>`); skip shapes and list markers have none.
_HANDLERS = {name[3:]: getattr(_Reader, name) for name in dir(_Reader) if name.startswith("on_")}


# Letters that Unicode case folding matches to an ASCII letter ("bıllion", "bİllion", the Kelvin sign) but
# that lower-case to something else, so that no table of the lexicon knows the word the patterns read:
# they are read as the non-letter they stand for, and the quantities keep the text as written.
_FOLDING = "\u0131\u0130\u017f\u212a\u212b"
_FOLDS_TO_ASCII = str.maketrans(
    {"\u0131": "\u00b7", "\u0130": "\u00b7", "\u017f": "\u00b7", "\u212a": "\u00b7", "\u212b": "\u00b7"}
)


def extract_quantities(text: str, lexicon: QuantityLexicon) -> list[Quantity]:
    """Every quantity and date stated in text, sorted by start and non-overlapping."""
    if text.isascii() or not any(ch in text for ch in _FOLDING):
        return _Reader(compiled(lexicon), text).run()
    read = text.translate(_FOLDS_TO_ASCII)
    found = _Reader(compiled(lexicon), read).run()
    return [
        q if q.text == text[q.start : q.end] else q.model_copy(update={"text": text[q.start : q.end]}) for q in found
    ]
