"""Which party a number belongs to when several are named: the name a possessive qualifies ("Wen Li's Lotus
Boy 3"), the second party of a left-out verb ("X will invest $5 billion and Y $10 billion"), two parties named
together ("X and Y to invest $15 billion"), and the place a sentence opens with ("In Tarvia, ...")."""

from __future__ import annotations

import re

from factcheck.extract.entity_finder import Mention

_CLAUSE_OPENING = re.compile(r"[\s,;:(\"“‘'-]*(?:(?:the|a|an)\s+)?", re.IGNORECASE)
# "X will invest $5 billion in Y and Z up to $10 billion": the verb is left out after the second party
_GAP_BEFORE = re.compile(r"(?:\band|,)\s+(?:(?:the\s+)?[a-z][\w-]*\s+)?$")
_GAP_BETWEEN = re.compile(
    r"\s+(?:(?:up\s+to|as\s+much\s+as|as\s+little\s+as|about|around|nearly|almost|roughly|some|another|a\s+further)\s+)?"
)


def gapped_subject(text: str, ms: list[Mention], q_start: int) -> Mention | None:
    """ "Norwell will invest $5 billion in Lumen and chipmaker Quantix up to $10 billion", "Quantix will invest
    $10 billion and Norwell $5 billion": the name a number follows with no verb between, after "and" or a comma
    and after another number of the sentence, is the subject of the left-out verb."""
    named = [m for m in ms if m.end <= q_start and _GAP_BETWEEN.fullmatch(text, m.end, q_start)]
    if not named or named[-1].possessive:
        return None
    m = named[-1]
    before = text[max(0, m.start - 40) : m.start]
    first_digit = next((i for i, ch in enumerate(text[: m.start]) if ch.isdigit()), None)
    if not _GAP_BEFORE.search(before) or first_digit is None:
        return None
    # the first number has an actor of its own ("Revenue was $5 billion in Europe and Asia $3 billion": none)
    if not any(n.end <= first_digit and not n.after_prep for n in ms):
        return None
    return m


_AND_ANOTHER = re.compile(
    r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*)(?:(?:the\s+)?(?!(?:which|who|whose|that)\b)[a-z][\w-]*\s+)?"
)
_COMMA = re.compile(r"\s*,\s*")


def coordinated(text: str, ms: list[Mention], key: str | None, a: int, b: int) -> bool:
    """Whether the party `key` is named, between a and b, together with another ("Norwell and Quantix to invest
    $15 billion", "Norwell and chipmaker Quantix will invest", a headline's "Norwell, Quantix pour $15
    billion"): a figure of both."""
    for i, m in enumerate(ms):
        if m.key != key or not a <= m.start < b or m.possessive:
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is None or nxt.key == key or nxt.end > b or nxt.possessive or nxt.after_prep != m.after_prep:
            continue
        if _AND_ANOTHER.fullmatch(text, m.end, nxt.start):
            return True
        # two names a comma joins open the clause: "Norwell, Quantix pour ..." (not "Of Splunk, Cisco said ...")
        if _COMMA.fullmatch(text, m.end, nxt.start) and not text[a : m.start].strip() and not m.after_prep:
            return True
    return False


_PLACE_OPENING = re.compile(r"\W*(?:In|At|Across|Inside|Outside)\s+(?:[a-z][\w-]*\s+){0,2}")


def opening_place(text: str, ms: list[Mention]) -> Mention | None:
    """ "In neighbouring Tarvia, the toll ... rose to 17": the place a sentence opens with is where its counts
    are, before any heading's name."""
    m = _PLACE_OPENING.match(text)
    if not m:
        return None
    return next((n for n in ms if n.start == m.end() and text[n.end : n.end + 1] == ","), None)


_ROLE_NOUNS_BETWEEN = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}")  # "Halvor's parent Tessera", "X's truck unit Y"


def possessed(text: str, ms: list[Mention], m: Mention, start: int, limit: int) -> Mention:
    """ "Wen Li's Lotus Boy 3 has grossed ...", "Halvor's parent Tessera agreed ...": the name right after a
    possessive that opens the clause at `start` (a role noun or two between) heads the phrase (before `limit`);
    the possessor only qualifies it. Inside the clause ("jolted China's Yunnan province") the possessor stays the
    subject."""
    if not m.possessive or not _CLAUSE_OPENING.fullmatch(text, start, m.start):
        return m
    after = next((n for n in ms if m.end < n.start < limit), None)
    if after is None or after.after_prep or not _ROLE_NOUNS_BETWEEN.fullmatch(text, m.end, after.start):
        return m
    return after
