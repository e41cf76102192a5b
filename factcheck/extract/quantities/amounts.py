"""Reading one amount: currency, number (in digits or in words), scale word, unit or currency after it, and
the hedge that follows it ("about", "or more"); and the interval a hedge allows around a value.

One match of `amount_tail` reads the common case, a number in digits and what follows it; number words, and
the rare pieces that match differently when read one by one, are read piece by piece (`_read_amount_steps`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.quantities.firstchars import may_follow
from factcheck.extract.quantities.patterns import Compiled
from factcheck.extract.quantities.phrases import norm
from factcheck.models import Qualifier
from factcheck.ruleset.quantity_lexicon import HedgeSpec
from factcheck.ruleset.quantity_units import Unit

_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_NO_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")
_NO_SEPARATORS.update({ord("¼"): ".25", ord("½"): ".5", ord("¾"): ".75"})  # "359¼p", "3½ per cent"
_RARE_SEPARATORS = frozenset(" \u00a0\u202f\u2009¼½¾")  # what the table changes besides commas


@dataclass(slots=True)
class Amount:
    start: int
    end: int
    number: float  # as written, times the scale word: the stated value
    precision: float  # half the unit of the last stated digit, times the scale word
    scale: float  # the scale word's multiplier, 1.0 if none
    currency: str | None = None
    unit: Unit | None = None
    multiple: bool = False
    digits: str | None = None  # the digits as written, None for words
    after: HedgeSpec | None = None
    decimal_comma: bool = False
    cur_text: str | None = None  # the currency as written: "$", "euros", "cents"
    cfactor: float = 1.0  # a coin's share of its currency ("cents": 0.01)
    unit_text: str | None = None  # the unit as written: "GB", "miles"
    short: str | None = None  # an abbreviated scale glued to the number ("1.8m"), which may be a unit instead
    neg: bool = False  # a minus sign after the currency: "$-99.99"


def _word_value(c: Compiled, text: str, start: int, end: int) -> tuple[float, float, int] | None:
    """Value, precision and end of a number written in words ("two hundred", "one and a half")."""
    total = 0.0
    last_mult = 1.0
    tokens = list(c.word_token.finditer(text, start, end))
    stop = end
    prev = ""
    i = 0
    while i < len(tokens):
        t = tokens[i]
        w = t.group().lower()
        if w == "and":
            rest = [x.group().lower() for x in tokens[i + 1 : i + 3]]
            if rest == ["a", "half"]:
                total += 0.5
                last_mult = 0.5
                stop = tokens[i + 2].end()
                break
            if prev not in c.multipliers:  # "one and two" is two numbers; "two hundred and five" is one
                stop = tokens[i - 1].end()
                break
        elif w in ("a", "an"):
            total = total or 1.0  # "a billion" is one billion; "half a billion" stays a half
        elif w == "half":
            total = 0.5
            last_mult = 0.5
        elif w in ("quarter", "quarters"):  # "a quarter million", "three quarters billion"
            total = 0.25 * (total or 1.0)
            last_mult = 0.25
        elif w in c.multipliers:
            total = max(total, 1.0) * c.multipliers[w]
            last_mult = float(c.multipliers[w])
        elif w in c.number_words:
            total += c.number_words[w]
            last_mult = 1.0
        stop = t.end()
        prev = w
        i += 1
    if not tokens:
        return None
    return total, 0.5 * last_mult, stop


_TAIL_GROUPS = (
    "cur",
    "csign",
    "dig",
    "mxa",
    "mxb",
    "dmul",
    "dadd",
    "ska",
    "sc",
    "sp",
    "scale",
    "short",
    "sf",
    "cname",
    "code",
    "csym",
    "uword",
    "usym",
    "mu",
    "glued",
    "ah",
)


def _digits(dig: str) -> tuple[str, float, bool]:
    """A number in digits: its digits without separators, its value, and whether its comma is a decimal comma.

    str.translate with this table costs about 80 ns a character: it runs only on the rare numbers with a space
    between groups or a vulgar fraction; digits alone (`\\d`, what isdecimal accepts) and commas need none."""
    if dig.isdecimal():
        return dig, float(dig), False
    if "," in dig and _DECIMAL_COMMA.fullmatch(dig):  # "4,5 %": a decimal comma, not a thousands group
        raw = dig.replace(",", ".")  # digits and one comma: nothing else to remove
        return raw, float(raw), True
    raw = dig.replace(",", "")
    if not _RARE_SEPARATORS.isdisjoint(raw):
        raw = raw.translate(_NO_SEPARATORS)
    return raw, float(raw), False


def read_amount(c: Compiled, text: str, i: int) -> Amount | None:
    """Read currency, number, scale, unit and trailing hedge starting at i; None if no amount here.

    One match of `amount_tail` reads a number in digits and what follows it; number words, and the rare
    pieces that the step-by-step reading would not accept at that place, go to `_read_amount_steps`.
    """
    m = c.amount_tail.match(text, i)
    if not m:
        return None
    if m.group("dig") is None:
        return _read_amount_steps(c, text, i)
    return amount_of(c, text, i, m)


def amount_of(c: Compiled, text: str, i: int, m: re.Match[str]) -> Amount | None:
    """The amount read by a match of `amount_tail` (or of the master's `num`, which holds the same groups)."""
    (cur_s, csign, dig, mxa, mxb, dmul, dadd, ska, sc, sp, scale, short, sf, cname, code, csym, uword, usym,
     mu, glued, ah) = m.group(*_TAIL_GROUPS)  # fmt: skip
    if glued is not None:
        return None  # "4o", "5G", "18th": letters glued to the number make it a name or an ordinal
    if ska is not None:
        return None  # a unit this reader does not normalise
    if dig.isdecimal():  # _digits(dig) for digits alone, the common case, without the call
        raw, number, decimal_comma, precision = dig, float(dig), False, 0.5
    else:
        raw, number, decimal_comma = _digits(dig)
        precision = 0.5 * 10.0 ** -(len(raw) - raw.index(".") - 1) if "." in raw else 0.5
    if mxa is not None or dmul is not None:
        whole = _whole(c, number, precision, mxa, mxb, dmul, dadd)
        if whole is None:
            return None
        number, precision = whole
    scale_f = 1.0
    shorts = currency = unit = cur_text = unit_text = None
    cfactor = 1.0
    if cur_s is not None:
        cur_text = cur_s
        currency = c.currency_prefix[cur_s]
        if cur_s in c.code_scale:  # "MEUR 120"
            scale_f = c.code_scale[cur_s]
            number, precision = number * scale_f, precision * scale_f
    if sc is not None:
        # the same tests as in _read_amount_steps; a spaced abbreviation without a currency is no scale there
        if not (scale or sp == "" or cur_s is not None):
            return _read_amount_steps(c, text, i)
        if short is not None:
            if short.lower() == "m" and text[m.end("sc") : m.end("sc") + 1] in ("²", "³"):
                return _read_amount_steps(c, text, i)
            scale_f = c.short_scales[short.lower()]
            shorts = short if sp == "" else None
        else:
            scale_f = c.scales[scale.lower()]
        number *= scale_f
        precision *= scale_f
        if m.group("half") is not None:  # "one million and a half"
            number += 0.5 * scale_f
    if sf is not None:
        if usym is not None or uword is not None:
            if cur_s is not None:
                return _read_amount_steps(c, text, i)
            unit = c.unit_words[norm(uword)] if uword else c.unit_symbols[usym]
            unit_text = uword or usym
        else:
            cur = currency
            if csym is not None:
                currency, cfactor = c.currency_after[csym]
                cur_text = csym
            elif cname is not None:
                currency, cfactor = c.subunits.get(norm(cname)) or (c.currency_names[norm(cname)], 1.0)
                cur_text = cur_text or cname
            else:
                currency, cur_text = c.currency_prefix[code], cur_text or code
                if code in c.code_scale:
                    scale_f = c.code_scale[code]
                    number, precision = number * scale_f, precision * scale_f
            if cur is not None and (cur != currency or cfactor != 1.0):
                return _read_amount_steps(c, text, i)
    if mu is not None and (currency is not None or unit is not None):
        return _read_amount_steps(c, text, i)
    if ah is None:
        after, end = None, m.end("gl")
        if code is not None and scale_f == 1.0 and (sm := c.scale.match(text, end)) and sm.group("scale"):
            scale_f = c.scales[sm.group("scale").lower()]  # "75 USD million", as tables of accounts write it
            number, precision, end = number * scale_f, precision * scale_f, sm.end()
    else:
        after, end = c.hedge_of.get(("after", norm(ah.strip(" \u00a0")))), m.end("ah")
    # positional: start, end, number, precision, scale, currency, unit, multiple, digits, after, decimal_comma,
    # cur_text, cfactor, unit_text, short, neg
    return Amount(
        i, end, number, precision, scale_f, currency, unit, mu is not None, dig, after, decimal_comma,
        cur_text, cfactor, unit_text, shorts, csign is not None,
    )  # fmt: skip


def _whole(
    c: Compiled, number: float, precision: float, mxa: str | None, mxb: str | None, dmul: str | None, dadd: str | None
) -> tuple[float, float] | None:
    """A whole number and its fraction ("2 1/2") or its multiplier ("3 hundred and 21"); None for a
    fraction that is not a part of one ("3 4/2")."""
    if mxa is not None:
        a, b = int(mxa), int(mxb)  # type: ignore[arg-type]  # set together
        if not 0 < a < b:
            return None
        return number + a / b, 0.5 / b
    mult = c.multipliers[dmul.lower()]  # type: ignore[union-attr]  # mxa or dmul is set
    number, precision = number * mult, precision * mult
    if dadd is not None:
        number, precision = number + int(dadd), 0.5
    return number, precision


def _read_amount_steps(c: Compiled, text: str, i: int) -> Amount | None:
    """`read_amount` piece by piece: one pattern for the amount, then one for each thing that may follow."""
    m = c.amount.match(text, i)
    if not m:
        return None
    cur = c.currency_prefix.get(m.group("cur")) if m.group("cur") else None
    dig = m.group("dig")
    decimal_comma = False
    if dig is not None:
        raw, number, decimal_comma = _digits(dig)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        precision = 0.5 * 10.0**-decimals
        if m.group("mxa") is not None or m.group("dmul") is not None:
            whole = _whole(c, number, precision, *m.group("mxa", "mxb", "dmul", "dadd"))
            if whole is None:
                return None
            number, precision = whole
        j = m.end()
    else:
        wv = _word_value(c, text, m.start("word"), m.end("word"))
        if wv is None:
            return None
        number, precision, j = wv
    if may_follow(c.g_skip_after, text, j) and c.skip_after.match(text, j):
        return None  # "5,000 crore": a unit this reader does not normalise
    if m.group("cur") in c.code_scale:  # "MEUR 120"
        number, precision = number * c.code_scale[m.group("cur")], precision * c.code_scale[m.group("cur")]
    amount = Amount(
        start=m.start(),
        end=j,
        number=number,
        precision=precision,
        scale=1.0,
        currency=cur,
        digits=dig,
        decimal_comma=decimal_comma,
        cur_text=m.group("cur"),
        neg=m.group("csign") is not None,
    )
    sm = c.scale.match(text, j) if may_follow(c.g_scale, text, j) else None
    if sm:
        short = sm.group("short")
        # A spaced abbreviation ("5 m") is a scale only after a currency; glued ("5m") it always is,
        # except in "10m²"; a superscript after "bn" is a footnote ("$5bn²").
        squared = short is not None and short.lower() == "m" and text[sm.end() : sm.end() + 1] in ("²", "³")
        if (sm.group("scale") or sm.group("sp") == "" or cur is not None) and not squared:
            mult = c.scales[sm.group("scale").lower()] if sm.group("scale") else c.short_scales[short.lower()]
            amount.scale = mult
            amount.number *= mult
            amount.precision *= mult
            if sm.group("half") is not None:  # "one million and a half"
                amount.number += 0.5 * mult
            if short is not None and sm.group("sp") == "":
                amount.short = short
            j = sm.end()
    um = c.suffix.match(text, j)
    if um:
        name, code, sym = um.group("cname", "code", "csym")
        if name or code or sym:
            if sym:
                found, factor = c.currency_after[sym]
            elif name:
                found, factor = c.subunits.get(norm(name)) or (c.currency_names[norm(name)], 1.0)
            else:
                found, factor = c.currency_prefix[code], 1.0
            if cur is None or (cur == found and factor == 1.0):
                amount.currency, amount.cfactor = found, factor
                amount.cur_text = amount.cur_text or name or code or sym
                if code in c.code_scale:
                    amount.scale = c.code_scale[code]
                    amount.number *= amount.scale
                    amount.precision *= amount.scale
                j = um.end()
        elif cur is None:
            word = um.group("uword")
            amount.unit = c.unit_words[norm(word)] if word else c.unit_symbols[um.group("usym")]
            amount.unit_text = word or um.group("usym")
            j = um.end()
    if amount.currency is None and amount.unit is None:
        mm = c.multiple.match(text, j) if may_follow(c.g_multiple, text, j) else None
        if mm:
            amount.multiple = True
            j = mm.end()
    if j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
        return None  # "4o", "5G", "18th": letters glued to the number make it a name or an ordinal
    hm = c.after_hedge.match(text, j) if may_follow(c.g_after_hedge, text, j) else None
    if hm:
        amount.after = c.hedge_of.get(("after", norm(hm.group().strip(" \u00a0"))))
        j = hm.end()
    amount.end = j
    return amount


def bounds(h: HedgeSpec | None, value: float) -> tuple[Qualifier, float | None, float | None]:
    if h is None:
        return "exact", value, value
    low = None if h.low is None else h.low * value
    high = None if h.high is None else h.high * value
    if low is not None and high is not None and low > high:  # a negative temperature
        low, high = high, low
    return h.qualifier, low, high
