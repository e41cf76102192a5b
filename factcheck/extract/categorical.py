"""Categorical claims: superlatives ("the only", "the first", "the world's leading") and exclusivity.

A claim needs a subject it is about: a name joined to the phrase by a copula ("X is the only ...",
"makes X the first ...", "X as the premier ...", a title's "X: The Only ..."), or, for a list item or
line that starts with the phrase, the list label or heading above it. Traps of `rules/superlatives.yaml`
("choose the best", "the first signs", "for the first time", "its first", "a leading") stay silent, and so
does a claim under a negation or ending, a topic heading, an idiom head, a small scope or an adverbial "only"
(see categorical_forms.py, which also finds the forms of a record: "the widest release ever", "a club-record
fee", "never before"). A prose sentence that opens "The largest X ..." ranks X: its subject is the name after a
copula, or none. The names of an attribution (", Reuters reported", "according to AFP") or a dateline are never
the subject; a trailing attribution makes the claim attributed.
"""

from __future__ import annotations

import re

from factcheck.extract.categorical_forms import (
    Form,
    FormFinder,
    adverbial_only,
    attribution_spans,
    idiom_head,
    makes_it,
    negated,
    outside,
    small_scope,
    standing_in,
    topic_label,
)
from factcheck.extract.entity_finder import Mention
from factcheck.extract.framing import Framer
from factcheck.extract.sentences import Sentence, quote_around
from factcheck.models import Claim
from factcheck.ruleset import saferegex
from factcheck.ruleset.lexicons import SuperlativeLexicon, alternation, compile_any

_STOP_HEAD = {
    "in",
    "on",
    "of",
    "for",
    "from",
    "to",
    "with",
    "that",
    "which",
    "where",
    "who",
    "available",
    "across",
    "and",
    "or",
    "by",
    "at",
    "as",
    "than",
    "ever",
    "yet",
    "since",
    "among",
    "both",
    "is",
    "are",
    "was",
}
_MAKE = re.compile(r"\b(?:mak(?:e|es|ing)|made|named?|naming|crowned|ranks?|ranked|declared|call(?:s|ed)?)\s*$", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|he|she)\s*$", re.I)
_SAYS = re.compile(
    r"\s*\b(?:says?|said|claims?|claimed|insists?|insisted|argues?|argued|believes?)\s+(?:that\s+)?\w+\s*$", re.I
)
_HEAD_WORD = re.compile(r"[\w'’-]+")
_NON_WORD = re.compile(r"\W*")
_EXCLUSIVE_WORD = re.compile(r"(?i)^(?:exclusive|sole)\s+")
_END = re.compile(r",(?!\d{3})|\.(?!\d)|[;:!?()\[\]]|\s[–—-]\s|\s(?:that|which|who|while|but)\s")
_AMOUNT_IN = re.compile(r"(?<![\w-])\s*(?:[$€£¥]|[A-Z]{1,3}\$|\d)")


# a place in a ranking below the top: "the second most valuable", "the world's third-largest"
RANKS = {"second": "second", "third": "third", "fourth": "fourth", "fifth": "fifth", "2nd": "second", "3rd": "third"}

_CACHE: dict[int, tuple[SuperlativeLexicon, tuple[re.Pattern[str], ...], saferegex.LiteralScan]] = {}


def _patterns(lex: SuperlativeLexicon) -> tuple[re.Pattern[str], ...]:
    return _compiled(lex)[1]


def _compiled(lex: SuperlativeLexicon) -> tuple[SuperlativeLexicon, tuple[re.Pattern[str], ...], saferegex.LiteralScan]:
    """The patterns, and one test of whether either phrase pattern (exclusivity, superlative) can match a text."""
    cached = _CACHE.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached
    patterns = _build_patterns(lex)
    cached = _CACHE[id(lex)] = (lex, patterns, saferegex.LiteralScan(patterns[:2]))  # type: ignore[arg-type]
    return cached


def _build_patterns(lex: SuperlativeLexicon) -> tuple[re.Pattern[str], ...]:
    prefixes = "|".join(re.escape(p) for p in lex.strong_prefixes)
    words = alternation(lex.ranking + lex.unique)
    sup = saferegex.compile(
        rf"(?:\b(?P<the>the)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten)\s+)?)?(?:(?P<prefix>{prefixes})\s+)?"
        rf"(?:\b(?P<rank>{'|'.join(RANKS)})[\s-]+)?\b(?P<word>{words})\b",
        re.I,
        lex._where("ranking"),
    )
    rel = "|".join(lex.relation_nouns)
    excl = saferegex.compile(  # rule-file patterns: run with a time limit
        rf"\b(?P<word>exclusive|sole)\s+(?:[\w-]+\s+){{0,2}}?(?:{rel})\b"
        rf"|\b(?P<adv>exclusively|solely)\s+(?:available\s+)?(?:on|through|via|with|to|for|from|in|at|by)\b"
        rf"|\b(?P<noun>exclusivity)\b",
        re.I,
        lex._where("relation_nouns"),
    )
    copula = compile_any(lex.copulas, where=lex._where("copulas"))
    return sup, excl, copula, lex.negative_re


def _head(words_after: str) -> str:
    head = []
    for w in _HEAD_WORD.findall(words_after)[:6]:
        lw = w.casefold()
        if lw in _STOP_HEAD or (len(head) > 0 and (lw.endswith("ing") or lw.endswith("ed"))):
            break
        head.append(w)
        if len(head) == 3:
            break
    return " ".join(head)


def _phrase_end(text: str, start: int) -> int:
    m = _END.search(text, start)
    return m.start() if m else len(text)


def extract_categorical(s: Sentence, ms: list[Mention], framer: Framer, counter: list[int]) -> list[Claim]:
    lex: SuperlativeLexicon = framer.rules.superlatives
    _, (sup, excl, copula, negative), phrases = _compiled(lex)
    forms = _finder(lex)
    text = s.text
    out: list[Claim] = []
    plain = phrases.any_possible(text)  # most sentences name no "only", "first", "exclusive"...
    extra = forms.possible(text.casefold())
    if not plain and not extra:
        return out
    # the names a sentence is attributed to (", AFP reported") are its source, never its subject
    spans = attribution_spans(text)
    subjects = outside(ms, spans, text if s.role == "body" and not s.label else "")
    taken: list[tuple[int, int]] = []
    label_end = text.find(": ") + 2 if s.label and text.find(": ") >= 0 else 0
    prose = s.role in ("body", "teaser")

    def add(
        kind: str,
        start: int,
        word_end: int,
        after: int,
        word: str,
        subject: str,
        obj: str | None,
        weak: bool,
        record: bool = False,
    ) -> None:
        end = _phrase_end(text, after)
        scope_end = min(len(text), _phrase_end(text, end + 1) if end < len(text) and text[end] == "," else len(text))
        scope = text[word_end:scope_end].strip(" \"“”'")
        phrase_end = end
        amount = _AMOUNT_IN.search(text, word_end, phrase_end)
        if amount:  # "a record €4.3 billion fine", "a record move for $A331million": the amount is its own claim
            phrase_end = amount.start()
        if phrase_end - after > 60:  # a long phrase is cut at a word boundary
            cut = text.rfind(" ", after, after + 60)
            phrase_end = cut if cut > after else phrase_end
        while phrase_end > start and text[phrase_end - 1] in " \"“”'’":
            phrase_end -= 1
        counter[0] += 1
        attributed = (
            bool(lex.attribution_re.search(text[:start]))
            or s.quoted(start, word_end)
            or any(a >= word_end for a, _ in spans)
        )
        unique = word in lex.unique or kind == "exclusivity"
        metric = f"{kind}:{'unique' if unique else word}"
        if record:
            metric = "superlative:record"
        out.append(
            Claim(
                id=f"{framer.doc.id}:{s.line}:{counter[0]}",
                document=framer.doc.id,
                line=s.line,
                column=s.column(start),
                text=text[start:phrase_end],
                quote=quote_around(text, start, phrase_end),
                kind=kind,  # type: ignore[arg-type]
                subject=subject,
                metric=metric,
                object=obj,
                attributed=attributed,
                teaser=s.role == "teaser",
                quoted=s.quoted(start, word_end),
                word=word,
                weak=weak,
                scope=scope[:200],
                entities=sorted({mm.key for mm in ms}),
            )
        )
        taken.append((start, phrase_end))

    for kind, rx in (("exclusivity", excl), ("superlative", sup)) if plain else ():
        for m in rx.finditer(text):
            start = m.start()
            word_start = m.start("word") if m.group("word") else m.start()
            if any(a <= word_start < b for a, b in taken):
                continue
            if _in_trap(negative, text, word_start, start, m.end()):
                continue
            if negated(lex, text, start, m.end(), subjects) or topic_label(s, start, m.end()):
                continue
            word = (m.group("word") or m.groupdict().get("adv") or m.groupdict().get("noun") or "").casefold()
            if kind == "superlative" and m.group("rank"):
                if word in lex.unique:
                    continue  # "the second only": no ranking
                word = f"{RANKS[m.group('rank').casefold()]} {word}"  # "the second-largest": a rank of its own
            strong = kind == "superlative" and bool(m.group("prefix"))
            if kind == "superlative":
                if (
                    idiom_head(lex, text[m.end() :])
                    or small_scope(lex, text, m.end())
                    or lex.self_relative_re.search(text[m.end() : m.end() + 60])
                ):
                    continue
                at_start = start <= label_end + 1 and start <= _NON_WORD.match(text, label_end).end()  # type: ignore[union-attr]
                if not (m.group("the") or strong or at_start):
                    continue
                if word == "only" and not m.group("the") and adverbial_only(lex, text, m.end()):
                    continue
                if at_start and prose and not label_end and not strong:
                    # a prose sentence that opens "The largest X ..." ranks X: its subject follows a copula
                    subject = _named_after_copula(text, m.end(), subjects)
                else:
                    subject = _superlative_subject(text, start, subjects, copula, framer, s, at_start, strong, m.end())
            else:
                subject = _exclusive_subject(text, start, m.end(), subjects, bool(m.groupdict().get("adv")))
                at_start = start <= label_end + 1 and not text[label_end:start].strip()
                if subject is None and at_start:
                    subject = framer.heading_subject(s)
            if subject is None:
                continue
            word_end = m.end("word") if m.group("word") else m.end()
            # "the biggest opening ever": a record over all time, weaker than a ranking (see categorical_forms)
            weak = kind == "superlative" and bool(lex.ever_re.search(text[m.end() : m.end() + 60]))
            add(kind, start, word_end, m.end(), word, subject, _object_of(kind, text, m), weak)
    for f in forms.find(text) if extra else ():
        if any(a <= f.start < b or f.start <= a < f.end for a, b in taken):
            continue
        if negated(lex, text, f.start, f.end, subjects) or topic_label(s, f.start, f.end):
            continue
        if (
            f.word == "first"
            and not _TIME_NEXT.match(text, f.end)
            and _in_trap(negative, text, f.start, f.start, f.end)
        ):
            continue  # "given the first opportunity to back X": no ranking of X ("the first time X has": one)
        if f.word != "never before" and (
            idiom_head(lex, text[f.end :])
            or small_scope(lex, text, f.end)
            or lex.self_relative_re.search(text[f.end : f.end + 60])
        ):
            continue
        subject = _form_subject(text, f, subjects) or framer.heading_subject(s) or "?"
        add("superlative", f.start, f.end, f.end, f.word, subject, _head(text[f.end :]) or None, f.weak, f.record)
    return out


_TIME_NEXT = re.compile(r"\s+times?\b")


def _in_trap(negative: saferegex.SafePattern, text: str, at: int, start: int, end: int) -> bool:
    """Whether a trap phrase ("for the first time", "the first opportunity") around start..end covers `at`."""
    window = negative.finditer(text, max(0, start - 60), min(len(text), end + 60))
    return any(n.start() <= at < n.end() for n in window)


_COPULA_AFTER = re.compile(
    r"^[^,;]*?\b(?:is|was|are|were|remains|remained|became|has\s+been|had\s+been)\s+(?:now\s+|still\s+)?", re.I
)


def _named_after_copula(text: str, end: int, ms: list[Mention]) -> str | None:
    """ "The only carmaker building trucks here is Veltrix": the name right after the copula."""
    m = _COPULA_AFTER.match(text[end:])
    if not m:
        return None
    at = end + m.end()
    after = [mm for mm in ms if at <= mm.start <= at + 1]
    return after[0].key if after else None


def _form_subject(text: str, f: Form, ms: list[Mention]) -> str | None:
    """What an extra form is about: for "never before has a French club..." the name in the phrase, else the
    sentence's subject (its first name that is not the object of a preposition), else the first name after."""
    which = _WHICH_IS.search(text, max(0, f.start - 80), f.start)
    if which:  # "Avatar, which at $2.78 billion is the highest-grossing film ever": the name before ", which"
        named = [m for m in ms if which.start() - 2 <= m.end <= which.start()]
        if named:
            return named[-1].key
    if f.own_subject:
        inside = [m for m in ms if f.end <= m.start <= f.end + 40 and not m.after_prep]
        if inside:
            return inside[0].key
    # "it makes Acme the most expensive ... ever": the name right before the phrase, after a verb of naming
    adjacent = [m for m in ms if m.end <= f.start and not text[m.end : f.start].strip(" '’s")]
    if adjacent and _MAKE.search(text[: adjacent[-1].start]):
        return adjacent[-1].key
    # the subject of the claim's own clause: ", and it makes..." starts a new one
    lo = max((c.end() for c in _CLAUSE_START.finditer(text, 0, f.start)), default=0)
    before = [m for m in ms if lo <= m.start and m.end <= f.start]
    plain = [m for m in before if not m.after_prep]
    if plain or before:  # "Shares of Acme hit an all-time high": the name after a preposition, failing any other
        return (plain or before)[0].key
    after = [m for m in ms if m.start >= f.end and not m.after_prep]
    return after[0].key if after and lo == 0 else None


_CLAUSE_START = re.compile(r",\s*(?:and|but|while|whereas|although|though)\b|;", re.I)
_WHICH_IS = re.compile(r",\s*(?:which|who)\b[^;.]*?\b(?:is|was|are|were|remains|became)\s+(?:now\s+|still\s+)?$", re.I)
_FINDERS: dict[int, tuple[SuperlativeLexicon, FormFinder]] = {}


def _finder(lex: SuperlativeLexicon) -> FormFinder:
    hit = _FINDERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _FINDERS[id(lex)] = (lex, FormFinder(lex))
    return hit[1]


def _superlative_subject(
    text: str,
    start: int,
    ms: list[Mention],
    copula: re.Pattern[str],
    framer: Framer,
    s: Sentence,
    at_start: bool,
    strong: bool,
    end: int,
) -> str | None:
    pre = text[:start].rstrip(" \"“‘'")
    if at_start:
        # "Only Acme builds ...": the name after "Only"; otherwise the list label or heading above
        after_only = [mm for mm in ms if end <= mm.start <= end + 2]
        if text[start:end].strip().casefold() == "only" and after_only:
            return after_only[0].key
        return framer.heading_subject(s)
    cm = None
    for m in copula.finditer(pre + " "):
        if m.end() >= len(pre):
            cm = m
            break
    # "makes Acme the largest ...": the name right before the phrase, after a verb of naming
    adjacent_names = [mm for mm in ms if mm.end <= len(pre) and not pre[mm.end :].strip(" '’s")]
    if adjacent_names and _MAKE.search(pre[: adjacent_names[-1].start]):
        return adjacent_names[-1].key
    if makes_it(pre) and framer.topic:  # "That makes it the biggest ...": what the text is about
        return framer.topic
    if cm is not None:
        before = pre[: cm.start()]
        adjacent = [mm for mm in ms if mm.end <= len(before) and not before[mm.end :].strip(" ,'’s")]
        if adjacent:
            return adjacent[-1].key
        # "Acme says it is the only ...": the pronoun is the speaker
        if _PRONOUN.search(before):
            spoken = _SAYS.search(before)
            speakers = [
                mm for mm in ms if spoken and mm.end <= spoken.start() and not before[mm.end : spoken.start()].strip()
            ]
            if speakers:
                return speakers[-1].key
        if framer.topic and standing_in(before, ms):  # "It is now the biggest ...": what the text is about
            return framer.topic
        if not any(mm.end <= len(pre) for mm in ms) and (
            pre.strip() == "" or framer.rules.superlatives.attribution_re.search(pre)
        ):
            return framer.heading_subject(s)
    if strong:
        after = [mm for mm in ms if mm.start >= end]
        if after:
            return after[0].key
        return framer.heading_subject(s) or "?"
    return None


def _object_of(kind: str, text: str, m: re.Match[str]) -> str | None:
    """What a claim ranks or holds: the head noun after "the only", or the relation an exclusivity names
    ("exclusive broadcast rights" -> "broadcast rights")."""
    if kind == "exclusivity":
        phrase = _EXCLUSIVE_WORD.sub("", m.group().strip())
        return phrase if m.group("word") else None
    return _head(text[m.end() :]) or None


def _exclusive_subject(text: str, start: int, end: int, ms: list[Mention], adverb: bool) -> str | None:
    before = [m for m in ms if m.end <= start and not (m.possessive and not text[m.end : start].strip())]
    plain = [m for m in before if not m.after_prep]
    if plain:
        return plain[-1].key
    if before:
        return before[-1].key
    # "available exclusively on Streamly": the platform named after the adverb holds the exclusivity
    after = [m for m in ms if end <= m.start <= end + 2]
    return after[0].key if adverb and after else None
