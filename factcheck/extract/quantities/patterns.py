"""The compiled lexicon: every regex and lookup table the reader uses, built once per lexicon.

One `re` scan (`scan_from`, word lists compiled as prefix tries) finds candidate starts (digits, currency
symbols, number words, months, two capitals...); an anchored "master" pattern, tried only at a character that
one of its alternatives can start with (`dispatch`), classifies each candidate (a number with what follows it,
a date, a fraction, a shape to skip) and small anchored regexes read what stands before it, each behind a cheap
gate (`firstchars`).
"""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.extract.quantities.around import context_patterns, context_tables
from factcheck.extract.quantities.dispatch import Dispatch, SkipDispatch
from factcheck.extract.quantities.firstchars import ASCII, ahead, first_chars, gate
from factcheck.extract.quantities.phrases import SP, SP_CHARS, alt, cased, norm, phrase, reversed_alt, trie_alt
from factcheck.extract.quantities.scan import scan_pattern
from factcheck.ruleset.files import RuleFileError, default_rules_dir
from factcheck.ruleset.quantity_lexicon import HedgeSpec, QuantityLexicon, QuantityPatternError
from factcheck.ruleset.quantity_units import Unit


def compiled(lex: QuantityLexicon) -> Compiled:
    """The lexicon's patterns: built on first use and kept on the lexicon, so that every extraction over an
    archive reuses them."""
    private = object.__getattribute__(lex, "__pydantic_private__")  # pydantic's own lookup costs microseconds
    c: Compiled | None = private.get("_compiled") if private is not None else lex._compiled
    if c is None:
        c = lex._compiled = _build(lex)
    return c


def _build(lex: QuantityLexicon) -> Compiled:
    """The patterns of a lexicon, master pattern included; anything that fails while they are built (a lexicon
    that validated but cannot make a pattern) is a `QuantityPatternError` naming the rule file, never a traceback."""
    try:
        c = Compiled(lex)
        c.dispatch.master  # noqa: B018 - compiled here, so that a bad pattern is reported before any article is read
    except (re.error, ValueError, KeyError, IndexError, TypeError, RecursionError, OverflowError) as exc:
        raise QuantityPatternError(f"{lex._source}: lexicon: cannot build the quantity patterns: {exc}") from exc
    return c


def _is_shipped(lex: QuantityLexicon) -> bool:
    """True when the lexicon was read from the shipped rules/quantities.yaml (not a file a user supplied)."""
    try:
        return Path(lex._source).resolve() == (default_rules_dir() / "quantities.yaml").resolve()
    except (OSError, RuleFileError):
        return False


class Compiled:
    """All regexes and lookup tables of one lexicon."""

    def __init__(self, lex: QuantityLexicon) -> None:
        self.lex = lex
        sp = SP
        self.scales = {k.lower(): v for k, v in lex.scales.items()}
        self.short_scales = {k.lower(): v for k, v in lex.short_scales.items()}
        self.number_words = {k.lower(): v for k, v in lex.number_words.items()}
        self.multipliers = {k.lower(): v for k, v in lex.word_multipliers.items()}
        self.fractions = {k.lower(): v for k, v in lex.fractions.items()}
        # Codes with a scale letter ("MEUR"): the code's currency, the amount times the scale.
        self.code_scale = {f"{k}{code}": f for k, f in lex.code_scales.items() for code in lex.currency_codes}
        self.scaled_codes = {f"{k}{code}": iso for k in lex.code_scales for code, iso in lex.currency_codes.items()}
        self.currency_prefix = {**lex.currency_symbols, **lex.currency_codes, **self.scaled_codes}
        # the characters that open a currency symbol ("$", "€", "A$" opens with "A": a code, not a symbol)
        symbols = "".join(sorted({re.escape(k[0]) for k in self.currency_prefix if not k[0].isalnum()}))
        self.currency_names = {norm(k): v for k, v in lex.currency_names.items()}
        self.unit_symbols: dict[str, Unit] = {}
        self.unit_words: dict[str, Unit] = {}
        for spec, u in lex.resolved_units():
            self.unit_symbols.update({s: u for s in spec.symbols})
            self.unit_words.update({norm(w): u for w in spec.words})
        self.prefix_units = {
            k.lower(): Unit(p.unit, p.dimension, 1.0, 0.0, p.unit) for k, p in lex.prefix_units.items()
        }
        # Coins after a number ("99 cents", "50p"): (currency, factor); words case-insensitive, symbols as written.
        self.subunits = {norm(k): (v.currency, v.factor) for k, v in lex.currency_subunits.items()}
        self.subunit_symbols = {k: (v.currency, v.factor) for k, v in lex.currency_subunit_symbols.items()}
        context_tables(self, lex)
        self.headline_verbs = {w.lower() for w in lex.headline_verbs}
        self.year_hedge_prepositions = {norm(w) for w in lex.year_hedge_prepositions}
        self.magnitude_adjectives = {k.lower().replace("-", ""): v for k, v in lex.magnitude_adjectives.items()}
        self.adjective_currencies = {k.lower(): v for k, v in lex.adjective_currencies.items()}
        self.months = {**lex.months, **lex.month_abbreviations}
        # Month names in lower case ("14 nov", "april 2017"), but those that are also words ("may", "march").
        ambiguous = {lex.months[m] for m in lex.ambiguous_months if m in lex.months}
        self.lower_months = {k.lower(): v for k, v in self.months.items() if v not in ambiguous and k.lower() != k}
        self.month_of = {**self.months, **self.lower_months}
        self.year_words = {w.lower() for w in lex.year_words}
        self.lead_words = {w.lower() for w in lex.number_lead_words}
        self.version_words = {w.lower() for w in lex.version_words}
        self.stopwords = {w.lower() for w in lex.noun_stopwords}
        self.plurals = {w.lower() for w in lex.plural_nouns}
        self.month_words = {m.lower() for m in self.months}
        self.range_openers = dict(lex.range_openers)
        self.hedge_of: dict[tuple[str, str], HedgeSpec] = {}
        for h in lex.hedges:
            self.hedge_of.update({(h.position, norm(p)): h for p in h.phrases})

        # Pieces of a number.
        # Indian grouping first ("12,34,567": lakhs), then thousands by commas or spaces; a decimal may open with
        # its point (".5 per cent"); a whole number may end in a vulgar fraction ("359¼p", "3½ per cent").
        digits = (
            r"(?:(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+(?!\d)"
            r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|[1-9]\d{0,2}(?: \d{3})+(?![\d.,])|\d+)"
            r"(?:\.\d+|,\d{1,2}(?![\d,])|[¼½¾])?|\.\d+)"
        )
        # A whole number and a fraction ("2 1/2 in", "10 1/2 miles"); a whole number and a multiplier ("3
        # hundred and 21 yuan").
        mixed = (
            r"(?:[ \u00a0](?:(?P<mxa>\d{1,2})/(?P<mxb>\d{1,2})(?![\d/])|"
            rf"(?P<dmul>{alt(self.multipliers, left=False)})(?:{sp}+(?i:and){sp}+(?P<dadd>\d{{1,2}})(?![\d.,]))?))?"
        )
        nw = alt(self.number_words)
        mult = alt(self.multipliers)
        scale_words = alt(self.scales)
        a_lead = rf"(?<![A-Za-z])(?i:(?:half{sp}+)?an?)(?={sp}+(?:{mult}|{scale_words}))"
        # A fraction or a multiplier that opens a number before a scale word: "half million", "a quarter
        # million", "three quarters billion", "hundred thousand dollars".
        frac_lead = (
            rf"(?<![A-Za-z])(?i:(?:an?{sp}+)?(?:half|quarter)|(?:{nw}){sp}+quarters|hundred)(?={sp}+{scale_words})"
        )
        words = (
            rf"(?:{a_lead}|{frac_lead}|{nw})(?:(?:{sp}+|-)(?i:and{sp}+)?(?:{nw}|{mult}))*"
            rf"(?i:{sp}+and{sp}+a{sp}+half\b)?"
        )
        # Prefix tries (a longer prefix first); those that open with a letter share one look-behind, so that `re`
        # skips them on their first character (a letter and a symbol never start the same prefix: same match).
        prefixes = list(self.currency_prefix)
        cur_alpha = trie_alt([k for k in prefixes if k[:1].isalpha()], lambda p: "")
        cur_other = trie_alt([k for k in prefixes if not k[:1].isalpha()], lambda p: "")
        cur_parts = ([rf"(?<![A-Za-z])(?:{cur_alpha})"] if cur_alpha else []) + ([cur_other] if cur_other else [])
        cur_prefix = "(?:" + "|".join(cur_parts) + ")"
        # "$-99.99": a sign after the currency (before it: see minus_rev)
        amount = rf"(?:(?P<cur>{cur_prefix}){sp}?(?P<csign>[-−](?=\d))?)?(?:(?P<dig>{digits}){mixed}|(?P<word>{words}))"
        self.amount = re.compile(amount)
        self.word_token = re.compile(r"[A-Za-z]+")

        # What may follow the number.
        # none to skip: a pattern that fails at once, not after the spaces at every number
        self.skip_after = re.compile(rf"{sp}*{alt(lex.skip_after)}" if lex.skip_after else "(?!)")
        scale_glued = alt(self.scales, left=False)
        short_glued = alt(self.short_scales, left=False)
        self.scale = re.compile(
            rf"(?P<sp>{sp}?-?)(?:(?P<scale>{scale_glued})(?![A-Za-z])(?P<half>{sp}+(?i:and{sp}+a{sp}+half)(?![A-Za-z]))?"
            rf"|(?P<short>{short_glued})(?![A-Za-z/]))"
        )

        def unit_edge(s: str) -> str:
            # a capital letter alone ("L", "C") before a hyphen and a letter or digit is a code: "L-202"
            if len(s) == 1 and s.isupper():
                return r"(?![A-Za-z0-9]|-[A-Za-z0-9])"
            return r"(?![A-Za-z0-9])" if s[-1].isalnum() else ""

        unit_syms = trie_alt(self.unit_symbols, unit_edge)
        all_codes = {**lex.currency_codes, **self.scaled_codes}
        codes = trie_alt(all_codes, lambda p: "")
        # Currency symbols and coins after the number ("20€", "42 RM", "10¢", "50p"); a symbol followed by a
        # number opens that number ("5 $10 bills").
        self.currency_after = {k: (v, 1.0) for k, v in lex.currency_symbols.items()}
        self.currency_after.update(self.subunit_symbols)
        cur_syms = trie_alt(self.currency_after, lambda s: r"(?![A-Za-z0-9])" if s[-1].isalnum() else "")
        cnames = alt([*self.currency_names, *self.subunits])
        suffix_core = (
            rf"(?:(?P<cname>{cnames})|(?P<code>(?:{codes})(?![A-Za-z]))|(?P<csym>(?:{cur_syms})(?!{sp}?\d))"
            rf"|(?P<uword>{alt(self.unit_words, left=False)})|(?P<usym>{unit_syms}))"
        )
        self.suffix = re.compile(rf"{sp}?-?{suffix_core}")
        # The same, without backtracking into the space and hyphen, where no suffix can start with either:
        # then giving them back cannot make it match, and `re` no longer tries every suffix twice.
        info = first_chars(suffix_core, ASCII + tuple(SP_CHARS))
        no_lead = info is not None and not info[1] and not info[0] & {*SP_CHARS, "-"}
        suffix_tail = rf"{sp}?+-?+{suffix_core}" if no_lead else self.suffix.pattern
        self.multiple = re.compile(rf"(?:{sp}?{alt(lex.multiple_suffixes, left=False)}|x(?![A-Za-z0-9]))")
        after = [p for h in lex.hedges if h.position == "after" for p in h.phrases]
        self.after_hedge = re.compile(
            "(?:"
            + "|".join(
                # (a word hedge before another amount adds, it does not bound: "£100m plus £16m in add-ons")
                (rf"{sp}+{phrase(p)}(?!{sp}+[{symbols}\d])" if p[:1].isalnum() else re.escape(p) + r"(?![A-Za-z0-9])")
                for p in sorted(after, key=len, reverse=True)
            )
            + ")"
        )
        # Hedges before a number are matched on the reversed left context, anchored at the number, so
        # the cost does not depend on how far back we look.
        before = [p for h in lex.hedges if h.position == "before" for p in h.phrases] + list(lex.range_openers)
        rev = "|".join(
            re.escape(p[::-1]).replace("\\ ", SP + "+") + (r"(?![A-Za-z0-9])" if p[:1].isalnum() else "")
            for p in sorted(set(before), key=lambda s: (-len(s), s))
        )
        self.before_hedge_rev = re.compile(rf"[\s\"“'‘]*(?P<h>(?i:{reversed_alt(before)}))")
        # "8- to 16-metre": a hyphen may hang before "to"; the second bound may carry its own hedge ("from 180
        # miles to as much as 240 miles") and, for temperatures, its sign.
        self.connector = re.compile(
            rf"{sp}*(?:-{sp}*(?=(?i:to|and)(?![A-Za-z])))?(?P<c>{alt(lex.range_connectors)}|(?i:and)(?![A-Za-z])){sp}*"
        )
        before_phrases = [p for h in lex.hedges if h.position == "before" for p in h.phrases]
        self.inner_hedge = re.compile(rf"(?:{alt(before_phrases)}){sp}+")
        self.inner_minus = re.compile(rf"(?:[-−]|(?i:minus){sp}+)(?=\d)")
        self.rate_basis = re.compile(rf"{sp}+(?i:per|a|an){sp}+(?P<rw>[A-Za-z]+)(?![A-Za-z])")
        # A footnote marker may sit between a number and its noun ("3,400¹ staff"); a dotted abbreviation may
        # open the noun ("1.4 million U.K. homes").
        self.noun_word = re.compile(
            rf"(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{{1,3}}\])?{sp}+"
            rf"(?P<w>[A-Z](?:\.[A-Z])+\.(?={sp}+[a-z])|[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)"
        )
        # The word before a number, read on the reversed left context.
        self.prev_word_rev = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z0-9&+'’.-]*[A-Za-z])(?![A-Za-z0-9&+'’.-])")
        self.glued_word_rev = re.compile(r"-(?P<w>[A-Za-z]+)(?![A-Za-z])")
        self.of_after = re.compile(rf"{SP}+(?i:of)(?![A-Za-z])")
        context_patterns(self, lex)
        self.period_tail = re.compile(
            rf"(?:{sp}*|-)(?i:of{sp}+)?(?:(?P<fy>FY|(?i:fiscal(?:{sp}+year)?)){sp}*'?(?P<fyy>\d{{4}}|\d{{2}})"
            rf"|(?i:calendar(?:{sp}+year)?){sp}+(?P<cyy>\d{{4}})"
            rf"|'(?P<ay>\d{{2}})|(?P<y>\d{{4}}))(?!\d)"
        )
        self.vague_tail = re.compile(rf"{sp}+(?i:of|in){sp}+(?P<cname>{alt(self.currency_names)})")
        self.vague_of = re.compile(rf"{sp}+(?i:of)(?=[ \u00a0])")
        prefixes = "|".join(re.escape(p[::-1]) for p in sorted(self.prefix_units, key=len, reverse=True))
        self.prefix_rev = re.compile(rf"(?:{sp}+|-)(?P<w>(?i:{prefixes}))(?![A-Za-z])") if prefixes else None
        # "a magnitude of 6.1", "put the magnitude at 6.5", "its magnitude was put at 6.5 by X", "the magnitude
        # was reported by the agency at 6.1": the unit word before a link word, a verb of stating between
        linked = "|".join(re.escape(p) for p in self.prefix_units)
        stated = rf"(?:{sp}+(?:was|is|were|has{sp}+been|had{sp}+been))?{sp}+(?:put|measured|estimated|given|"
        stated += rf"recorded|reported|revised|registered|upgraded|downgraded)(?:{sp}+by{sp}+[^;:]{{1,40}}?)?"
        self.prefix_word = re.compile(rf"(?i:\b(?:{linked})\b)") if self.prefix_units else None
        self.prefix_linked = (
            re.compile(rf"(?i:\b(?P<w>{linked})(?:{stated})?{sp}+(?:of|at|as|was|is){sp}+)$")
            if self.prefix_units
            else None
        )
        self.year_pair = re.compile(rf"{sp}*(?:-|–|—|~|(?i:and|to|or)(?![A-Za-z])){sp}*(?P<y>\d{{4}})(?![\d.,]?\d)")
        # "2018 or later": a bare year with an open end is a date
        self.year_open = re.compile(rf"{sp}+(?i:or{sp}+(?:later|earlier|after|before|sooner))(?![A-Za-z])")
        self.minus_rev = re.compile(rf"(?:[-−–]|{sp}*(?i:sunim))(?![A-Za-z0-9])")
        self.year_comma = re.compile(r"(?P<y>\d{4}),(?=\d{1,2}(?!\d))")
        # Gates: most numbers are followed (preceded) by a word that none of these patterns can start with.
        sp_dash = "[ \u00a0\u202f\u2009-]"
        self.g_skip_after = gate(sp, alt(lex.skip_after))
        self.g_scale = gate(sp_dash, f"(?:{scale_glued}|{short_glued})")
        self.g_suffix = gate(
            sp_dash,
            f"(?:{cnames}|(?:{codes})|(?:{cur_syms})|{alt(self.unit_words, left=False)}|(?:{unit_syms}))",
        )
        self.g_multiple = gate(sp, f"(?:{alt(lex.multiple_suffixes, left=False)}|x)")
        self.g_after_hedge = gate(
            sp, "(?:" + "|".join(phrase(p) if p[:1].isalnum() else re.escape(p) for p in after) + ")"
        )
        self.g_connector = gate(sp, f"(?:{alt(lex.range_connectors)}|(?i:and))")
        self.g_minus_rev = gate(sp, "(?:[-−–]|(?i:sunim))")
        self.g_prefix_rev = gate(sp_dash, f"(?i:{prefixes})") if prefixes else None
        self.g_before_hedge_rev = gate("[\\s\"“'‘]", f"(?i:{rev})")
        # The amount and everything that may follow it in one match: `read_amount` takes the common case
        # from its groups and re-reads piece by piece (the patterns above) where a piece is not accepted.
        # Every piece after the number is optional, so `re` never backtracks into an earlier one: each group
        # holds what the piece's own pattern would match at the same place. Each piece opens with its gate
        # as a look-ahead, so that `re` drops it on one character test where the gate says it cannot match.
        # The master pattern reads the same tail after a number in digits (see on_num).
        tail = (
            rf"(?:{ahead(self.g_skip_after, sp)}(?P<ska>{self.skip_after.pattern})"
            rf"|(?:{ahead(self.g_scale, sp_dash)}(?P<sc>{self.scale.pattern}))?"
            rf"(?:{ahead(self.g_suffix, sp_dash)}(?P<sf>{suffix_tail}))?"
            rf"(?:{ahead(self.g_multiple, sp)}(?P<mu>{self.multiple.pattern}))?(?P<gl>)(?P<glued>(?=[A-Za-z0-9_]))?"
            rf"(?:{ahead(self.g_after_hedge, sp)}(?P<ah>{self.after_hedge.pattern}))?)"
        )
        self.amount_tail = re.compile(amount + tail)
        # The patterns read leftwards from a number, and the range connector, with their gates as look-aheads.
        self.minus_rev_g = re.compile(ahead(self.g_minus_rev, sp) + self.minus_rev.pattern)
        self.prefix_rev_g = (
            re.compile(ahead(self.g_prefix_rev, sp_dash) + self.prefix_rev.pattern) if self.prefix_rev else None
        )
        self.before_hedge_rev_g = re.compile(
            ahead(self.g_before_hedge_rev, "[\\s\"“'‘]") + self.before_hedge_rev.pattern
        )
        self.connector_g = re.compile(ahead(self.g_connector, sp) + self.connector.pattern)

        # The master pattern: skip shapes first, then dates, fractions, vague amounts, numbers.
        months = (
            "(?:"
            + alt(self.months, ci=False, left=False)
            + "|"
            + alt(self.lower_months, ci=False, left=False)
            + r")\.?"
        )
        to = rf"{sp}*(?:-|–|(?i:to|through|until|till|and)(?![A-Za-z])){sp}*"
        year_tail = (
            rf"(?:{sp}*,?{sp}+(?P<{{y}}>\d{{{{4}}}})(?!\d)|{sp}+(?i:of){sp}+(?P<{{y}}2>\d{{{{4}}}}|\d{{{{2}}}})(?![\d,.]?\d)"
            rf"|{sp}+(?i:in){sp}+(?P<{{y}}3>\d{{{{4}}}})(?![\d,.]?\d))?"
        )
        self.month_range_after = re.compile(rf"{to}(?:{months})(?![A-Za-z])")
        self.range_between = re.compile(rf"{to}(?:(?i:the){sp}+)?$")
        ords = alt(lex.ordinals)
        fr_num = alt([*self.number_words, "a", "an"])
        fr_den = alt(self.fractions)
        alts = [
            r"(?P<marker>(?m:^)[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+•][ \t]+)?\d{1,3}[.)](?=[ \t]))",
            r"(?P<iso>(?<![\d-])(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?![\d-]))",
            rf"(?P<quarter>(?<![A-Za-z0-9])(?:[Qq](?P<q>[1-4])|(?P<qo>{ords}){sp}+(?i:quarter))(?![A-Za-z0-9]))",
            rf"(?P<yquarter>(?<![\d.,])(?P<yqy>\d{{4}})(?:{sp}|-)?[Qq](?P<yqq>[1-4])(?![A-Za-z0-9]))",
            rf"(?P<fiscal>(?<![A-Za-z0-9])(?:FY{sp}?'?(?P<fy1>\d{{4}}|\d{{2}})|(?i:fiscal(?:{sp}+year)?){sp}+"
            rf"(?P<fy2>\d{{4}})|(?P<cy>[Cc][Yy]){sp}?'?(?P<fy3>\d{{4}}|\d{{2}}))(?!\d))",
            rf"(?P<rel>{alt(lex.relative_dates)})",
            # "November 18", "Nov 18-19", "April 9th through 17th", "June of 1992", "Dec. 31 , 1994"
            rf"(?P<mdate>(?<![A-Za-z])(?P<mon>{months})(?:{sp}+(?:(?i:the){sp}+)?(?P<md>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?!\d)(?![:,.]\d)(?:{to}(?P<md2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:]|[,.]\d))?)?"
            + year_tail.format(y="my")
            + ")",
            # "18 November", "4th of July", "18 and 19 June", "9 to 12 of June"
            # (the look-ahead turns away at once the numbers that are no day: "2025", "5,000", "12%")
            rf"(?P<ddate>(?<![\d.,])(?=\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0\u202f\u2009\-–])(?P<dd0>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?:{to}(?:(?i:the){sp}+)?(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?)?{sp}+(?:(?i:of){sp}+)?"
            rf"(?P<dmon>{months})" + year_tail.format(y="dy") + ")",
            r"(?P<frac>(?<![\w/.,])(?P<fa>\d{1,2})/(?P<fb>\d{1,3})(?![\w/]|[.,]\d))",
            rf"(?P<wfrac>(?P<fn>{fr_num})(?P<fsep>{sp}+|-)(?P<fd>{fr_den})(?!{sp}+{scale_words})"
            rf"|(?<![A-Za-z])(?i:half)(?={sp}+{alt(lex.half_followers)}))",
            rf"(?P<vague>(?P<vw>{alt(lex.vague)})(?:{sp}+(?i:of){sp}+(?P<vs>{alt(lex.vague_scales)}))?)",
            rf"(?P<mword>{alt(lex.multiple_words)})",
            rf"(?P<madj>(?:(?<![A-Za-z])(?i:an?){sp}+)?(?P<ma>{alt(lex.magnitude_adjectives)})-"
            rf"(?P<mc>{alt(lex.adjective_currencies)}))",
            rf"(?P<aunit>{self.article_unit.pattern})",
            # a number that opens with its decimal point (".5 per cent") is read from the point: see on_num
            rf"(?P<num>(?:(?P<cur>{cur_prefix}){sp}?(?P<csign>[-−](?=\d))?|(?<![\w,/$€£¥])(?<![\w.]\.))"
            rf"(?:(?P<dig>{digits}){mixed}|(?P<word>{words})){tail})",
        ]
        # The candidate scan: one pass of `re` over the text finds the few places where a quantity (or a
        # shape to skip) may start: digits, currency symbols, "(", "[" or "+" before a digit, line starts,
        # two capitals ("USD", "Q2", "FY"), month names, and the words that can open a quantity (number words,
        # "a"/"an" only before a scale or a fraction, vague amounts, ordinals, relative dates...). Word lists
        # are prefix tries, so each position costs one or two character tests; the anchored master pattern
        # then runs only at those places: the work is proportional to the candidates, not to the text.
        firsts = [
            *self.number_words,
            "half",
            "quarter",
            "hundred",
            *lex.vague,
            *lex.multiple_words,
            *lex.ordinals,
            "fiscal",
            "isbn",
            "zip",
            "postcode",
            "postal",
            *(k for k in lex.currency_symbols if k[:1].isalpha()),  # "Rs 500", "Mex$40"
            *(w.split("-")[0] for w in lex.magnitude_adjectives),
        ]
        after_a = [
            *self.multipliers,
            *self.scales,
            *self.fractions,
            "half",
            *(w.split("-")[0] for w in lex.magnitude_adjectives),
            *(r.split()[1] for r in lex.relative_dates if r.split()[0] in ("a", "an")),
            *self.article_units,
        ]
        articles = alt(cased(["a", "an"]), ci=False, left=False)
        # The candidates are the places where this matches (`re.MULTILINE`):
        #   [\d{symbols}] | [(\[+](?=\d) | ^ | (?<![A-Za-z])(?:[A-Z][A-Z0-9$.'] | months | words
        #   | articles{sp}+(?=after_a) | https?: | www\.)
        # ASCII, and the other characters a quantity often starts with (currency symbols), are analysed: those
        # that no alternative of the master can start with are passed over (`Dispatch`).
        universe = ASCII + tuple(sorted({k[0] for k in self.currency_prefix if not k[0].isascii()}))
        # Shapes to skip (ignore_patterns) come first in the master pattern: `(?:(?P<skip>...)|marker|iso|...)`.
        # Those of the shipped rules/quantities.yaml are part of the program (reviewed, and run on long hostile
        # inputs by the tests): they stay in the master, in `re`. A list from a file a user supplied may hold a
        # catastrophic pattern: it runs through `saferegex`, with a time limit, at each candidate before a master
        # without it (see `reading`). Both dispatches compile on first use: only the one in use is built.
        self.alts, self.skips, self.universe = alts, list(lex.ignore_patterns), universe
        self.dispatch = Dispatch(self.skips, alts, universe)
        self._reading: tuple[Dispatch, SkipDispatch | None] | None = None
        # The same candidates, found faster (`scan`). Line starts where no alternative of the master (skip
        # shapes included) can begin are left out.
        # Case-insensitive tries are several times slower in `re` than case-sensitive ones, so the scan lists
        # each word as news writes it: lower case, Sentence case, Title Case and UPPER CASE. Only whether some
        # word starts here matters, so the month names and the words share one trie (`re` walks one faster).
        # lower-case months, quarters ("q3 2019") and calendar years ("cy 2008") start words too
        quarters = ["q1", "q2", "q3", "q4", "cy"]
        scan_words = sorted({*cased([*firsts, *lex.relative_dates]), *self.months, *self.lower_months, *quarters})
        others = rf"{articles}{sp}+(?={alt(after_a, left=False)})|https?:|www\.|cy'?\d"
        # A line that opens with a letter is a candidate only where a word start is (group w), as anywhere else
        # in the text: what the master can read from a letter opens with one of those words.
        line = r"(?<=\n)"
        starts = self.dispatch.starts
        if starts is not None:
            starts = "".join(re.escape(ch) for ch in starts if not ("a" <= ch.lower() <= "z"))
            line += rf"(?=[{starts}]|[^\x00-\x7f])" if starts else r"(?=[^\x00-\x7f])"
        # no_word_start: ASCII characters that no word start can begin with (see reader._Reader.run)
        self.scan_from, self.no_word_start = scan_pattern(scan_words, others, symbols, line)

    def reading(self) -> tuple[Dispatch, SkipDispatch | None]:
        """The dispatch of the master pattern and, for a user-supplied ignore_patterns, the time-limited skip."""
        if self._reading is None:
            if not self.skips or _is_shipped(self.lex):
                self._reading = (self.dispatch, None)
            else:
                where = f"{self.lex._source}: lexicon.ignore_patterns"
                self._reading = (
                    Dispatch([], self.alts, self.universe),
                    SkipDispatch(self.skips, self.universe, where),
                )
        return self._reading
