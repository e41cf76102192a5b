"""What stands around a quantity: the direction of a change it states, the concept it measures, the noun fused
to it ("a 45,000-seat arena"), the units that need their context ("1.8m tall", "2 in thick", '10" long'), and
whether a currency name that is also a unit ("pounds") is money here.

Each function reads a few characters on either side of the quantity with an anchored pattern of `Compiled`;
the words are data (`rules/quantities.yaml`: `changes`, `change_links`, `determiners`, `measure_adjectives`,
`money_words`, `irregular_plurals`).
"""

from __future__ import annotations

from factcheck.extract.quantities.patterns import Compiled
from factcheck.extract.quantities.phrases import norm
from factcheck.extract.quantities.words import prev_word, read_noun, word_before
from factcheck.models import Change
from factcheck.ruleset.quantity_units import Unit


def context_of(
    c: Compiled,
    text: str,
    rtext: str,
    start: int,
    end: int,
    dimension: str,
    sign: int,
    noun: str | None,
    prev: tuple[str | None, int] | None = None,
) -> tuple[Change | None, str | None]:
    """The change a quantity states and the concept it measures; start is where the quantity (or its hedge)
    starts, prev the word before start and where it starts, when the caller read it already.

    The change: a sign glued to the number ("-0.8%"), a word of movement before it ("rose 0.4%", "fell by 1.9%",
    "a drop of 3%", across `change_links`) or a noun of movement after it ("a 3% drop"). The concept: the counted
    noun, else the noun after "of" ("4.5 gigawatts of offshore wind"), else, when a determiner stands before the
    number, the noun it modifies ("a 3kW heat pump", "the $69bn acquisition price"). Most quantities have
    neither: the tests are cheap and come first."""
    word, at = prev if prev is not None else word_before(c, text, start, rtext)
    low = word.lower() if word is not None else None
    first = low
    change: Change | None = None
    if sign and dimension in c.sign_changes:
        change = "down" if sign < 0 else "up"
    else:
        for _ in range(4):
            if low is None:
                break
            found = c.change_before.get(low)
            if found is not None:
                change = found[0] if dimension not in found[1] else None  # type: ignore[assignment]
                break
            if low not in c.change_links:
                break
            word, at = word_before(c, text, at, rtext)
            low = word.lower() if word is not None else None
        if change is None:
            ch = text[end + 1 : end + 2] if text[end : end + 1] in (" ", "-") else ""
            if ch and ch.lower() in c.change_after_first and (m := c.change_after.match(text, end)) is not None:
                found = c.change_of.get(("after", norm(m.group("cw"))))
                if found is not None and dimension not in found[1]:
                    change = found[0]  # type: ignore[assignment]
    if noun is not None:
        return change, noun
    return change, read_concept(c, text, end, first)


def read_concept(c: Compiled, text: str, end: int, low: str | None, fused: bool = False) -> str | None:
    """The concept of a quantity that counts nothing (see context_of); low: the word before it, in lower case;
    fused: the number and its unit are one hyphenated adjective ("a lucrative five-year contract"), which
    always qualifies the noun after it, whatever stands before it."""
    if text.startswith("-long ", end):  # "a three-year-long investigation": the noun after "-long"
        end, fused = end + 5, True
    if text[end : end + 1] != " ":
        return None  # "a 3kW-rated pump": the fused word is the noun's own adjective
    if text[end + 1 : end + 3].lower() == "of":
        m = c.of_det.match(text, end)
        return read_noun(c, text, m.end())[0] if m is not None else None
    if fused or (low is not None and low in c.determiners):
        return read_noun(c, text, end)[0]
    return None


def concept_of(c: Compiled, text: str, rtext: str, start: int, end: int) -> str | None:
    """The concept of a quantity read outside `numbers` (fractions of units, "a gallon of beer")."""
    word = word_before(c, text, start, rtext)[0]
    return read_concept(c, text, end, word.lower() if word is not None else None)


def plural(c: Compiled, word: str) -> str:
    """A counted noun fused to its number, in the plural: "seat" -> "seats", "storey" -> "storeys"."""
    low = word.lower()
    if low in c.irregular_plurals:
        return c.irregular_plurals[low]
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def fused_noun(c: Compiled, text: str, end: int) -> tuple[str, int] | None:
    """The noun fused to a count by a hyphen ("a 45,000-seat arena", "a five-course dinner"): the noun in the
    plural and where it ends; None when the hyphen joins something else."""
    m = c.fused.match(text, end)
    if m is None:
        return None
    word = m.group("fw")
    low = word.lower()
    if low in c.stopwords or low in c.month_words or low in c.version_words or low.endswith(_ADJECTIVE_ENDINGS):
        return None  # "three-dimensional", "two-sided": an adjective, nothing counted
    return plural(c, word), m.end()


_ADJECTIVE_ENDINGS = ("ed", "ional", "ical", "ic", "ous", "ish", "ful", "less", "lateral")


def late_unit(
    c: Compiled, text: str, start: int, end: int, short: str | None, bare: bool = False
) -> tuple[Unit, int, bool] | None:
    """A unit that only its context makes one: a glued "m" before a measure adjective ("1.8m tall": the unit,
    not the million), "in" before one or at the end of a sentence ("2 1/2 in thick"; `bare`: anywhere, after a
    bigger unit: "5 ft 2 in"), '"' unless it closes a quotation ('8"'). Returns the unit, where it ends and
    whether the number's scale word was that unit."""
    if short is not None:
        unit = c.unit_symbols.get(short)
        if unit is not None and c.measure_adj.match(text, end):
            return unit, end, True
        return None
    m = mark_unit(c, text, start, end)
    if m is not None:
        return m[0], m[1], False
    ch = text[end : end + 1]
    if ch in (" ", "\u00a0"):
        ch = text[end + 1 : end + 2]
    if ch not in c.adjective_first:
        return None
    rx = c.bare_adjective_unit if bare else c.adjective_unit
    w = rx.match(text, end) if rx is not None else None
    if w is None:
        return None
    return c.adjective_units[w.group("au")], w.end(), False


def mark_unit(c: Compiled, text: str, start: int, end: int) -> tuple[Unit, int] | None:
    """A unit mark after a number ('9"'), unless it closes a quotation ('the "Top 10"'): an odd number of
    quotation marks before it on its line."""
    ch = text[end : end + 1]
    if ch == " ":
        ch = text[end + 1 : end + 2]
    if c.mark_unit is None or ch not in c.mark_first:
        return None
    m = c.mark_unit.match(text, end)
    if m is None:
        return None
    sym = m.group("au")
    if text.count(sym, text.rfind("\n", 0, start) + 1, start) % 2:
        return None
    return c.adjective_units[sym], m.end()


def is_money(c: Compiled, text: str, rtext: str, start: int, scaled: bool, end: int) -> bool:
    """A currency name that is also a unit ("pounds") is money after a scale word ("2 million pounds"), before
    "sterling", or after a money word ("cost 20 pounds", "a fine of 500 pounds"); otherwise the unit."""
    if scaled or text[end : end + 9].lower().lstrip().startswith("sterling"):
        return True
    word = prev_word(c, text, start, rtext)
    if word is None:
        return False
    low = word.lower()
    if low in c.money_words:
        return True
    if low in ("of", "for", "at"):  # "a fine of 500 pounds"; not "buy a twenty-pound bag"
        before = prev_word(c, text, start - len(word) - 1, rtext)
        return before is not None and before.lower() in c.money_words
    return False


def word_count_ok(c: Compiled, text: str, start: int, words: str) -> bool:
    """A number in words counts a noun unless it is a pronoun ("one of the 20 candidates") or names something
    (capitalised inside a sentence: "the Big Three", "Ocean's Eleven")."""
    if words.lower() in c.pronoun_numbers:
        return False
    if words[:1].isupper():
        j = start - 1
        while j >= 0 and text[j] in " \u00a0\t":
            j -= 1
        return j < 0 or text[j] in ".!?:;\"'“‘(\n—–-"
    return True
