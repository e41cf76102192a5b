"""The forms of a categorical claim beside "the only / the first / the world's largest", and the tests that
cancel one.

Forms (the words are in `rules/superlatives.yaml`, the shapes here):
- a superlative over all time: "the widest release ever", "the biggest rescue operation in the country's
  history", "the highest-grossing film of all time", "the second best a Marvel release has ever earned";
- a precedent: "never before has a club...", "a sum never seen before", "no film has ever had...";
- a record: "a record 15th title", "a club-record fee", "a record for a Brazilian player", "an all-time high",
  "unprecedented";
- "the first European team to...", "the first time the agency has published...";
- "one of the most expensive signings ever": a weaker claim (info).

Cancels: a negation or ending between the subject and the trigger ("no longer the exclusive provider", "ends
its exclusivity", "will not be exclusive", "non-exclusive") or right after it ("the exclusivity ended"); a
heading or label that is only a topic word ("Exclusivity", "Records"); an idiom head ("the greatest
challenge", "the only way"); a small scope ("the first time in two weeks"); "only" of time or amount ("Only
hours before...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.entity_finder import Mention
from factcheck.extract.sentences import Sentence
from factcheck.ruleset.lexicons import SuperlativeLexicon, alternation

_WORD = re.compile(r"[\w'’-]+")
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|\\d+"
_ORDINALS = "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)"
# a clause break before a trigger: the negation window starts after it
_CLAUSE = re.compile(r"[;:()\[\]]|,\s+(?:but|while|although|though|whereas|and)\b|\s[–—-]\s|\.\s")
# a speaker or outlet the sentence is attributed to: ", AFP reported", "according to Reuters", "Reuters said that"
_VERBS = r"(?:reported|reports|said|says|told\s+[\w\s]{1,30}?|added|wrote|announced|confirmed|noted|estimated|stated)"
_WHEN = r"(?:\s+(?:on|in|late|early)\s+[\w\s]{1,25}?|\s+\w+day|\s+in\s+a\s+statement)?"
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s*(?:according\s+to|citing|as\s+reported\s+by|reported\s+by)\s+[^,;]{{1,60}}?[.!?\"”']*\s*$"
    rf"|,\s*{_VERBS}\s+[^,;]{{1,50}}?[.!?\"”']*\s*$"
    rf"|,\s*[^,;]{{1,50}}?\s+(?:has\s+|had\s+)?{_VERBS}{_WHEN}[.!?\"”']*\s*$",
    re.I,
)
_LEADING_ATTRIBUTION = re.compile(
    r"^\s*(?:according\s+to|citing|as\s+reported\s+by)\s+[^,]{1,80},"
    r"|^\s*[^,;]{1,60}?\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|told|wrote|announced|quoted)\s+(?:on\s+\w+\s+)?that\b",
    re.I,
)
_POSSESSIVE = ("its", "their", "his", "her", "our")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|his|her|our)\s+$", re.I)
_ONE_OF = re.compile(r"\b(?:one\s+of|among)\s*$", re.I)
_TOPIC_ROLES = ("heading", "title", "list_item", "description")


@dataclass(frozen=True)
class Form:
    start: int
    end: int  # end of the trigger
    word: str  # the trigger: "record", "never before", "widest"
    weak: bool  # info when unsupported
    own_subject: bool  # the phrase names what it ranks itself ("never before has a French club")
    record: bool = True  # a bare record ("a record fee", "never before"; metric `superlative:record`)


_DEFINITE = re.compile(r"\b(?:the|every|this|that|each|any|no)\s+$", re.I)
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|trillion|bn|m|k))\s+$", re.I)
_AMOUNT_AFTER = re.compile(r"\s*(?:[$€£¥]|[A-Z]{1,3}\$|\d|high|low)", re.I)
_REFERENCE_AFTER = re.compile(r"\s+(?:that|which|it|they|he|she|was|is|had|has|set|held|of)\b", re.I)


def _old_record(text: str, m: re.Match[str]) -> bool:
    """A bare "record" that names a record rather than claiming one: "the record it broke", "every record
    that...", "the $258 million record"; "the record €4.3 billion fine" and "a record for..." claim one."""
    before = text[max(0, m.start() - 25) : m.start()]
    after = text[m.end() : m.end() + 25]
    if _AMOUNT_AFTER.match(after):
        return False
    return bool(_DEFINITE.search(before) or _AMOUNT_BEFORE.search(before) or _REFERENCE_AFTER.match(after))


def attribution_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence names its source: ", AFP reported", "according to Reuters, ...", "Reuters said that";
    the names there are who reported the claim, never what it is about."""
    spans = []
    m = _TRAILING_ATTRIBUTION.search(text)
    if m:
        spans.append((m.start(), m.end()))
    m = _LEADING_ATTRIBUTION.search(text)
    if m:
        spans.append((m.start(), m.end()))
    return spans


def outside(ms: list[Mention], spans: list[tuple[int, int]], text: str = "") -> list[Mention]:
    """The mentions outside the attribution spans and outside a dateline ("BRUSSELS -", "London:")."""
    dateline = _DATELINE.match(text)
    if dateline:
        spans = [*spans, (0, dateline.end())]
    return [m for m in ms if not any(a <= m.start < b for a, b in spans)] if spans else ms


_DATELINE = re.compile(r"^[^\s,.;:]+(?:\s+[^\s,.;:]+){0,3}?\s*(?:\([\w\s.]+\)\s*)?(?:[-–—:]\s)", re.I)


def negated(lex: SuperlativeLexicon, text: str, start: int, end: int, ms: list[Mention]) -> bool:
    """A negation or ending between the subject (the last name before the trigger, within its clause) and
    the trigger, or an ending right after the trigger."""
    lo = max(0, start - 60)
    for c in _CLAUSE.finditer(text, lo, start):
        lo = c.end()
    names = [m.end for m in ms if lo <= m.end <= start]
    if names:
        lo = names[-1]
    window = text[lo:start]
    if window.strip() and lex.negation_re.search(window):
        return True
    return bool(lex.ending_after_re.search(text[end : end + 60]))


def topic_label(s: Sentence, start: int, end: int) -> bool:
    """A heading, title or list label that is only a topic word or two ("Exclusivity", "Records", "Top
    speed"): a subject heading, no claim."""
    if s.role in _TOPIC_ROLES and len(_WORD.findall(s.text)) <= 2:
        return True
    if s.label:
        label_end = s.text.find(": ")
        if label_end >= 0 and end <= label_end and len(_WORD.findall(s.text[:label_end])) <= 2:
            return True
    return False


def idiom_head(lex: SuperlativeLexicon, words_after: str) -> bool:
    """ "the greatest challenge", "the only way", "the best thing": the head ranks no one."""
    words = _WORD.findall(words_after[:40])
    heads = set(lex.idiom_heads)
    return bool(words) and (words[0].casefold() in heads or (len(words) > 1 and words[1].casefold() in heads))


def small_scope(lex: SuperlativeLexicon, text: str, end: int) -> bool:
    """ "the first time in two weeks", "the highest since March": a ranking over a short span."""
    after = text[end : end + 80]
    # the scope may follow the head noun: "the first time in two weeks", "the biggest gain in three years"
    m = re.match(r"\W*(?:[\w'’-]+\s+){0,2}?(?=(?:in|for|since|this|last|that)\b)", after, re.I)
    return bool(lex.small_scope_re.search(after[m.end() :] if m else after))


def adverbial_only(lex: SuperlativeLexicon, text: str, end: int) -> bool:
    """ "Only hours before...", "only four days ahead", "only partly": an adverb of time or amount."""
    return bool(lex.adverbial_only_re.search(text[end : end + 40]))


class FormFinder:
    """The extra forms of one lexicon, compiled once."""

    def __init__(self, lex: SuperlativeLexicon) -> None:
        self.lex = lex
        not_sup = alternation(lex.not_superlative) if lex.not_superlative else r"(?!x)x"
        # a superlative adjective: "widest", "most expensive", "highest-grossing", "best", "worst"
        sup = rf"(?!(?:{not_sup})\b)(?:most|least)\s+[\w-]+|[\w]{{2,}}est(?:-[\w]+)?|best|worst|top"
        self.ever = re.compile(
            rf"\b(?P<det>the|a|an|its|their|his|her)?\s*(?:(?:{_NUMBER_WORDS}|{_ORDINALS})[-\s]+)?(?P<word>{sup})\b",
            re.I,
        )
        self.one_of = re.compile(
            rf"\b(?:one\s+of|among)\s+(?:the\s+)?(?:[\w'’]+[’']s\s+)?(?P<word>(?:most|least)\s+[\w-]+|(?!(?:{not_sup})\b)\w{{2,}}est)\b",
            re.I,
        )
        words = alternation(lex.record_words) if lex.record_words else r"(?!x)x"
        self.record = re.compile(rf"(?<![\w-])(?:[\w]+-)?(?P<word>{words})(?![\w-])", re.I)
        self.first_to = re.compile(
            r"\b(?P<det>the|a)\s+(?P<word>first|last|only)\s+(?:(?!(?:that|which|who|whom|whose|is|was|were|are|has|have|had|and|or|of|in|on|at|for|with|by|from|it|they)\b)[\w'’-]+\s+){1,3}?"
            r"(?:to|ever\s+to)\s+\w+"
            r"|\bthe\s+(?P<word2>first)\s+time\s+(?:that\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+"
            r"(?:has|have)\s+(?:ever\s+)?\w+",
            re.I,
        )

    def possible(self, low: str) -> bool:
        cues = ("ever", "histor", "record", "never", "all time", "all-time", "unprecedent", "first", "one of", "among")
        return any(w in low for w in cues)

    def find(self, text: str) -> list[Form]:
        lex = self.lex
        out: list[Form] = []
        for m in lex.precedent_re.finditer(text):
            out.append(Form(m.start(), m.end(), "never before", weak=True, own_subject=True))
        for m in self.one_of.finditer(text):
            if lex.ever_re.search(text[m.end() : m.end() + 60]):
                word = m.group("word").casefold()
                out.append(Form(m.start(), m.end(), word, weak=True, own_subject=False, record=False))
        for m in self.ever.finditer(text):
            if not lex.ever_re.search(text[m.end() : m.end() + 60]) or _ONE_OF.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue
            det = (m.group("det") or "").casefold()
            if det in _POSSESSIVE or lex.self_relative_re.search(text[m.end() : m.end() + 60]):
                continue
            # a record over all time is hard to corroborate word for word: for review (info) when unsupported
            word = m.group("word").casefold()
            out.append(Form(m.start(), m.end(), word, weak=True, own_subject=False, record=False))
        for m in self.first_to.finditer(text):
            if _ONE_OF.search(text, max(0, m.start() - 12), m.start()):
                continue  # "one of the first installers to...": see `one_of`
            key = "word" if m.group("word") else "word2"
            # "the first time the agency has published...": a precedent, weaker than "the first team to"
            out.append(
                Form(
                    m.start(), m.end(key), m.group(key).casefold(), weak=key == "word2", own_subject=False, record=False
                )
            )
        for m in self.record.finditer(text):
            low = text[max(0, m.start() - 40) : m.end() + 30]
            rel = m.start() - max(0, m.start() - 40)
            idioms = lex.record_idiom_re.finditer(low)
            idiom = any(i.start() <= rel + len(m.group(0)) and rel <= i.end() for i in idioms)
            own = _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start())  # "their record low"
            if (
                idiom
                or own
                or text[m.end() : m.end() + 1] == "s"
                or (m.group(0).casefold() == "record" and _old_record(text, m))
            ):
                continue
            out.append(Form(m.start(), m.end(), m.group("word").casefold(), weak=True, own_subject=False))
        out.sort(key=lambda f: (f.start, -f.end))
        return out


_MAKES_IT = re.compile(r"\b(?:mak(?:e|es|ing)|made)\s+it\s*$", re.I)
# a clause about something named before: "it" ("this" is as often an event), or "the" and a noun that a comma
# or a verb follows ("The film, directed by X, ...", "The sequel passed ...")
_STANDS_IN = re.compile(r"\s*(?:it\b|the\s+[a-z][\w-]*(?:\s*,|\s+[a-z]+(?:ed|s)\b|\s*$))", re.I)


def makes_it(before: str) -> bool:
    """ "That makes it the biggest ...": the phrase ranks what the text is about."""
    return bool(_MAKES_IT.search(before))


def standing_in(before: str, ms: list[Mention]) -> bool:
    """Whether the words before a copula open with "it" or a description ("The film, directed by Wen Li,
    opened in May and is the first ...") and name no actor of their own: the claim is about what the sentence
    before was about."""
    return bool(_STANDS_IN.match(before)) and not any(m.end <= len(before) and not m.after_prep for m in ms)
