"""The patterns a quantity's surroundings are read with (`context`, `numbers`): the words of a change, the
determiners and "of" of a concept, the units that need their context ("in", '"', "1.8m tall"), lists, ratios,
the gates that tell, on a character or a word, that a pattern need not run. Built once per lexicon, onto the
`patterns.Compiled` it is given."""

from __future__ import annotations

import re
from typing import Any

from factcheck.extract.quantities.phrases import SP, SP_CHARS, alt, norm
from factcheck.ruleset.quantity_lexicon import QuantityLexicon


def context_tables(c: Any, lex: QuantityLexicon) -> None:
    """Set the word tables of the forms that depend on their context on c (a `patterns.Compiled` being built,
    its unit tables set): currency names that are units, money words, units that need context, changes."""
    # Currency names that are also units ("pounds"): the unit they are when no money is in sight.
    c.name_units = {}
    for name, sym in lex.currency_unit_names.items():
        unit = c.unit_symbols.get(sym) or c.unit_words.get(norm(sym))
        if unit is None:
            raise ValueError(f"currency_unit_names.{name}: {sym!r} is no symbol or word of `units`")
        c.name_units[norm(name)] = unit
    c.money_words = {w.lower() for w in lex.money_words}
    c.adjective_units = {}
    for spec, u in lex.resolved_adjective_units():
        c.adjective_units.update({s: u for s in spec.symbols})
        c.adjective_units.update({norm(w): u for w in spec.words})
    c.article_units = {norm(w) for w in lex.article_units}
    c.pronoun_numbers = {w.lower() for w in lex.pronoun_numbers}
    c.irregular_plurals = {k.lower(): v for k, v in lex.irregular_plurals.items()}
    c.change_of = {}  # (where, word) -> (up or down, the dimensions where it is no change)
    for ch in lex.changes:
        for where, words in (("before", ch.before), ("after", ch.after)):
            c.change_of.update({(where, norm(w)): (ch.direction, frozenset(ch.not_for)) for w in words})


def context_patterns(c: Any, lex: QuantityLexicon) -> None:
    """Set the patterns and word sets read around a quantity on c (a `patterns.Compiled` being built)."""
    sp = SP
    c.determiners = {w.lower() for w in lex.determiners}
    c.count_adjectives = {w.lower() for w in lex.count_adjectives}
    c.sign_changes = frozenset(lex.sign_changes)
    c.change_links = {w.lower() for w in lex.change_links}
    c.change_before = {w: v for (where, w), v in c.change_of.items() if where == "before"}
    c.change_object_links = {w.lower() for w in lex.change_object_links}
    c.change_words = frozenset(c.change_before) | frozenset(c.change_links) | c.change_object_links
    after = [w for (where, w) in c.change_of if where == "after"]
    c.change_after = re.compile(rf"{sp}*-?(?P<cw>{alt(after)})" if after else "(?!)")
    c.change_after_first = frozenset(w[0] for w in after)
    c.of_det = re.compile(rf"{sp}+(?i:of)(?:{sp}+(?i:the|its|their|his|her|our|this|that|these|those))?(?={sp})")
    c.measure_adj = re.compile(rf"{sp}*-?{alt(lex.measure_adjectives)}" if lex.measure_adjectives else "(?!)")
    # A word ("in") is a unit only before a measure adjective or at a sentence's end; a mark ('"') always,
    # unless it closes a quotation (see context.late_unit).
    by_len = sorted(c.adjective_units, key=lambda s: (-len(s), s))
    adj_syms = "|".join(re.escape(s) for s in by_len if s[:1].isalnum())
    marks = "|".join(re.escape(s) for s in by_len if not s[:1].isalnum())
    ends = rf"(?={sp}*(?:[.!?;)]|$)|{sp}*-?{alt(lex.measure_adjectives)})" if lex.measure_adjectives else ""
    c.adjective_unit = re.compile(rf"{sp}?(?P<au>{adj_syms})(?![A-Za-z0-9]){ends}") if adj_syms else None
    c.bare_adjective_unit = re.compile(rf"{sp}?(?P<au>{adj_syms})(?![A-Za-z0-9])") if adj_syms else None
    c.mark_unit = re.compile(rf"{sp}?(?P<au>{marks})") if marks else None
    c.mark_first = frozenset(s[0] for s in by_len if not s[:1].isalnum())
    c.adjective_first = frozenset(s[0] for s in by_len if s[:1].isalnum())
    c.mark_gate = c.mark_first | {" "}  # the character after a number that may open a unit mark
    c.late_first = c.mark_first | c.adjective_first  # ... or a unit that needs its context
    c.compound = re.compile(rf"{sp}*(?:,{sp}*|(?i:and){sp}+)?(?=\d)")
    c.fused = re.compile(r"-(?P<fw>[A-Za-z][a-z]+)(?![A-Za-z0-9])")
    c.list_joiner = re.compile(rf"{sp}*(?:,{sp}*(?:(?i:and|or){sp}+)?|{sp}(?i:and|or){sp}+)(?=[\d.])")
    c.ago = re.compile(rf"{sp}+{alt(lex.ago_words)}" if lex.ago_words else "(?!)")
    c.article_unit = re.compile(rf"(?P<art>(?<![A-Za-z])(?i:an?)){sp}+(?P<au>{alt(c.article_units)})")
    # the characters after a number (after one space) where a range may follow: "-", "to", "and", "per"...
    c.range_first = frozenset(
        ch for w in [*lex.range_connectors, "and", "per", "a", "an"] for ch in {w[0], w[0].upper()}
    )
    c.range_first_sp = c.range_first | frozenset(SP_CHARS)
    # Gates of the hedge read leftwards (before_hedge_rev): the last word of a hedge before a number (lower
    # case, as `word_before` reads it), or a character a hedge or its quotation mark can end with.
    hedge_words = [p for h in lex.hedges if h.position == "before" for p in h.phrases] + list(lex.range_openers)
    worded = [p for p in hedge_words if p[:1].isalnum()]  # "about", "approx.": read as the word before
    c.hedge_last = frozenset(norm(p).split()[-1] for p in worded)
    c.hedge_glue = frozenset({*"\"“'‘\n\t\r\u00a0\u202f\u2009"} | {p[-1] for p in hedge_words if not p[:1].isalnum()})
    # A bare number that a word before it says counts something: "injured 45", "the death toll rose to 1,644".
    c.implied_counts = {norm(k): v for k, v in lex.implied_counts.items()}
    c.tally_words = {norm(k): v for k, v in lex.tally_words.items()}
    c.tally = (
        re.compile(
            rf"(?<![A-Za-z])(?P<t>(?i:{alt(c.tally_words)}))(?:{sp}+[A-Za-z]+){{0,3}}?{sp}+(?i:{alt(lex.tally_links)}){sp}*$"
        )
        if c.tally_words and lex.tally_links
        else None
    )
    c.sized = re.compile(rf"{sp}+\d[\d,.]*(?:-[A-Za-z]+|[A-Za-z]+)(?={sp})")  # "two 36-storey towers"
    c.out_of = re.compile(rf"{sp}+(?i:out{sp}+of|in){sp}+(?=[\dA-Za-z])")
