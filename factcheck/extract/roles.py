"""Clause roles read from the surface: which name (or noun phrase) a number is about, in constructions where
the first name of the clause is not it.

A shallow parser over the sentence text and the names the `EntityFinder` found, no parse tree:

- a dateline ("HAVERFORD -", "Lisbon:") names where the story was filed, not who acts;
- a sentence that opens on a participle ("Standing 40 miles out, ...") has no name in its first words;
- an apposition after a possessor ("Brandtwerk's truck unit, Kolvar, ...", "Ardena's striker, Vasco, ...")
  names the actor: the appositive, not the possessor;
- a noun phrase before a measure verb or copula ("the 12-storey hotel collapsed", "the second aftershock
  measured 5.9", "the plant covers 900 hectares") is what the number measures when no name precedes it;
- a counted noun with its verb ("1,801 people were injured", "12,000 houses collapsed") is measured by the
  verb ("injured", "collapsed"), and its subject is left to the context.
"""

from __future__ import annotations

import re

from factcheck.extract.entity_finder import Mention
from factcheck.models import Quantity

# "BRUSSELS -", "LISBON (Wire) —", "Lisbon:": a place the story was filed from, at the start of a sentence
_DATELINE = re.compile(r"(?:[A-Z][A-Za-z'.]+(?:[ ,]+[A-Z][A-Za-z'.]+){0,2})\s*(?:\([^)]{1,30}\)\s*)?(?:[-–—]|:)\s+")
_ALL_CAPS = re.compile(r"[A-Z][A-Z'. ,]+")
# "Sitting 55 miles out", "Located off the coast", "Exactly 40", "Besides Freedonia": an opening word, no name
_OPENER = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)\s+\d|(?:Besides|Beside|Despite|Including|Excluding|Unlike|Like)\b")
# "Now that Kestrel Bank is complete, Acme has ...", "Lying beside Kestrel Bank, Acme's farm ...": an opening
# subordinate clause or participle phrase, up to its comma (a participle before a lower-case word: not "United
# Airlines"; "According to X," names a source, see `holder`)
_SUBORDINATE = re.compile(
    r"(?:(?P<conjunction>Now that|After|When|Whenever|Once|Although|Though|While|Whilst|Since|Because|If|Before"
    r"|Until|Unless)"
    r"|(?!According\b)(?:[A-Z][a-z]+(?:ing|ed)|Made|Built|Set|Held|Known|Seen|Run|Led|Born|Given|Taken|Shown)"
    r"(?=\s[a-z0-9]))"
    # (a place and its country or region stay in it: "out to sea from Yorkshire, England,")
    r"\s(?P<body>[^,;]*(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?(?=,))?),\s"
)
# "X's truck unit, Kolvar," / "X's forward, Vasco, has" / "X's unit Kolvar": the appositive after a possessor
_APPOSITIVE = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3},\s+")
_OWN = re.compile(r"\b(?:its|their|his|her)\s+$", re.IGNORECASE)
_DESCRIBING = re.compile(r"[\w&.'’ -]+?,\s+(?:the|a|an|its)\s+(?:[a-z-]+\s+)?")
_DESCRIBING_END = re.compile(r"(?:\s+[a-z][\w-]*){0,3},")
_MEASURE_VERBS = (
    r"(?:measured|measures|measuring|numbered|numbers|covers|covered|covering|spans|spanned|totall?ed|totals|"
    r"rose|risen|climbed|reached|stood|stands|stand|jumped|fell|dropped|hit|topped|"
    r"is|was|are|were|has|had|have|will|would|can|could|generates|generated|produces|produced|feeds|"
    r"collapsed|killed|left|injured|holds|held|weighs|weighed|lies|lay|sits|sat)"
)
_DET = r"(?:the|a|an|this|that|its|their|his|her)"
_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "last",
        "latest",
        "final",
        "initial",
        "main",
    ]
)
# "the second aftershock measured", "the plant covers", "the death toll rose to": a noun phrase before a verb
# (the words before the head are no preposition: "the toll from the collapse of a tower under construction rose
# to 17" measures no "construction")
_NP_BEFORE_VERB = re.compile(
    rf"\b{_DET}\s+((?:(?!(?:in|from|under|with|for|at|on|by|near|after)\s)[\w'’-]+\s+){{0,3}}?)([a-z][a-z-]+)\s+"
    rf"(?:\w+ly\s+)?{_MEASURE_VERBS}\b[^,;]*$",
    re.IGNORECASE,
)
# "the 12-storey hotel", "a 6.5-magnitude quake", "the 1.3GW project": the noun a number sits in
_NP_AROUND = re.compile(rf"\b{_DET}\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
_HEAD_AFTER = re.compile(r"[\s-]*(?:[a-z-]+\s+){0,2}?([a-z][a-z-]+)\s+(?:\w+ly\s+)?" + _MEASURE_VERBS + r"\b")
# "were injured", "have been discharged", "collapsed", "handed over": the verb a counted noun takes
_COUNTED_VERB = re.compile(
    r"\s+(?:(?:were|was|are|is|have|had|has|been|being|be|reportedly|also|now|still|later|so\s+far)\s+){0,3}"
    r"(?:\w+ly\s+)?([a-z]+(?:ed|en|wn|lt|ft|nt|st|ost|ead|one))\b"
)
COUNTED_NOUNS = frozenset(
    [
        "people",
        "persons",
        "individuals",
        "residents",
        "adults",
        "children",
        "men",
        "women",
        "others",
        "passengers",
        "victims",
        "survivors",
        "patients",
        "casualties",
        "bodies",
        "houses",
        "homes",
        "buildings",
        "dwellings",
        "households",
        "families",
        "students",
        "workers",
    ]
)
_REPORTED = frozenset(["reported", "confirmed", "feared", "believed", "listed", "declared", "presumed", "found"])
_STATE_AFTER = re.compile(r"\s+(?:to\s+(?:be|have\s+been)\s+)?(dead|killed|injured|wounded|missing|hurt|displaced)\b")
_NOT_VERBS = frozenset(["been", "seen", "then", "often", "even", "when", "than", "ten", "seven", "eleven", "most"])
_NOUN_STOP = frozenset(
    ["it", "that", "which", "who", "what", "there", "this", "these", "those", "one", "ones", "same", "other"]
)


def dateline_end(text: str) -> int:
    """Where a leading dateline ends ("BRUSSELS - Acme ..." -> 11), or 0."""
    m = _DATELINE.match(text)
    if not m:
        return 0
    word = text[: m.end()].rstrip(" -–—:")
    if ":" in m.group(0) or _ALL_CAPS.fullmatch(word.split("(")[0].strip()):
        return m.end()
    return 0


def actors(text: str, ms: list[Mention], body: bool) -> list[Mention]:
    """The names of a sentence that can act: not its dateline (in body text), its opening participle, nor a
    name alone in brackets ("4:30 p.m. Sunday (Harwick Time)", "(Reuters)")."""
    skip = dateline_end(text) if body else 0
    return [m for m in ms if m.start >= skip and not is_opener(text, m) and not _bracketed(text, m)]


def _bracketed(text: str, m: Mention) -> bool:
    return text[: m.start].rstrip().endswith("(") and text[m.end :].lstrip().startswith(")")


def subordinate_clause(text: str) -> tuple[int, int]:
    """A sentence's opening subordinate clause ("After Kolvar bought Marsden, ..."): where its own words
    start (after the conjunction, which is no preposition there) and where the main clause starts; (0, 0)
    when there is none. Its names are not the subject of the main clause's numbers."""
    m = _SUBORDINATE.match(text)
    return (m.start("body"), m.end()) if m else (0, 0)


def is_opener(text: str, m: Mention) -> bool:
    """A name found in a sentence's opening participle or preposition ("Sitting 55 miles out ...")."""
    return m.start == 0 and _OPENER.match(m.surface) is not None


def appositive(text: str, ms: list[Mention], first: Mention, limit: int) -> Mention | None:
    """ "Brandtwerk's truck unit, Kolvar, ...", "Ardenan striker, Vasco, ...": the name in apposition to the
    noun that the first name only qualifies, before `limit`."""
    later = [m for m in ms if first.end < m.start < limit]
    if not later or later[0].after_prep:
        return None
    m = later[0]
    if _APPOSITIVE.fullmatch(text, first.end, m.start) and text[m.end : m.end + 1] == ",":
        return m
    return None


def described_by(text: str, m: Mention, subject_at: int) -> bool:
    """A name that only describes the subject: its own ("its Widget platform") or in an apposition to it
    ("Acme, the Brandtwerk unit, ...")."""
    if _OWN.search(text, max(0, m.start - 8), m.start):
        return True
    return (
        subject_at >= 0
        and _DESCRIBING.fullmatch(text, subject_at, m.start) is not None
        and bool(_DESCRIBING_END.match(text, m.end))
    )


# what a number measures that names no kind of thing: it tells whose the number is, but sets no fact apart
VAGUE = frozenset(["project", "projects", "facility", "scheme", "site", "development", "installation", "venture"])


def _head(words: str, head: str) -> str | None:
    head = head.casefold()
    if head in _NOUN_STOP or (not head.isalpha() and "-" not in head):
        return None
    first = words.split()[0].casefold() if words.split() else ""
    return f"{first} {head}" if first in _ORDINALS else head


_ASIDE = re.compile(
    r",\s+(?:according\s+to\s+[^,;]{1,60}|(?:he|she|it|they|officials?|police|(?:the|its|their)\s+\w+)\s+"
    r"(?:also\s+)?(?:said|says|added|noted|stated)),"
)


# "shares of Borealis rose 21%": a holding's owner is what its number is about, behind the preposition
_HOLDING_OF = re.compile(
    r"\b(?:(?:shares?|stocks?)\s+(?:of|in)|(?:share\s+price|market\s+(?:value|capitali[sz]ation|cap)|"
    r"(?:pre-money\s+|post-money\s+)?valuation|net\s+worth)\s+of)\s+$",
    re.IGNORECASE,
)


def holder(text: str, m: Mention) -> bool:
    """Whether a name is the owner of the shares, stock or value before it ("shares of Borealis", "the
    valuation of Borealis")."""
    return bool(_HOLDING_OF.search(text, max(0, m.start - 30), m.start))


def measured_phrase(text: str, a: int, start: int, end: int) -> str | None:
    """The noun phrase a number measures when no name is its subject: "the 12-storey hotel collapsed" ->
    "hotel"; "the second aftershock measured 5.9" -> "second aftershock"; an attribution between them is an
    aside ("the giant turbine, according to its maker, can generate 1.3 GW" -> "turbine")."""
    if "," in text[max(a, start - 120) : start]:  # only the words before the number can be an aside
        text = _ASIDE.sub(lambda m: " " * len(m.group()), text[:start]) + text[start:]
    if _NP_AROUND.search(text, max(a, start - 40), start):
        m = _HEAD_AFTER.match(text, end)
        if m:
            return _head("", m.group(1))
    m = _NP_BEFORE_VERB.search(text, max(a, start - 80), start)
    if m:
        return _head(m.group(1), m.group(2))
    return None


_PENDING = re.compile(
    r"\s+(?:more\s+)?(?:(?:have|has|had|are|were|is|was)\s+)?(?:(?:still|yet)\s+)+to\s+be\s+([a-z]+ed)\b"
    r"|\s+(?:more\s+)?(?:have|has|had|are|were|is|was)\s+not\s+(?:yet\s+)?(?:been\s+)?([a-z]+ed)\b"
)


def counted_verb(text: str, end: int) -> str | None:
    """ "1,801 people were injured" -> "injured"; "12,000 houses collapsed" -> "collapsed"; a state still
    pending is its negation: "187 bodies still to be identified" -> "unidentified"."""
    pending = _PENDING.match(text, end)
    if pending:
        return "un" + (pending.group(1) or pending.group(2))
    m = _COUNTED_VERB.match(text, end)
    if not m or m.group(1) in _NOT_VERBS:
        return None
    if m.group(1) in _REPORTED:  # "398 people had been reported dead": the state reported is the verb's
        after = _STATE_AFTER.match(text, m.end())
        if after:
            return after.group(1)
    return m.group(1)


_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+$")


def modified_name(text: str, ms: list[Mention], start: int, end: int) -> Mention | None:
    """ "the 2.8GW Kestrel Bank scheme", "a 45,000-seat Velmar Arena": a number between a determiner and a name
    measures that name, whatever the clause's subject."""
    if not _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return None
    return next((m for m in ms if m.start == end + 1 and text[end] == " " and not m.possessive), None)


_RELATIVE_OPEN = re.compile(r"\s*(?:that|which)\s+(?:the\s+)?")
_VERB_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+)?(?:[a-z]+ed|paid|spent|set|put|bought|made|took|gave|sold|won|got|lost|cut|bid|"
    r"brought|sought|raised|agreed|offered)\b"
)


def relative_agent(text: str, ms: list[Mention], end: int) -> Mention | None:
    """ "the 105 million euros that Kolvar United paid": a name that opens a relative clause right after the
    number, with a past verb after it, is who paid, spent or set it, whatever the clause's subject."""
    m = _RELATIVE_OPEN.match(text, end)
    if m is None:
        return None
    name = next((n for n in ms if n.start == m.end()), None)
    if name is None or not _VERB_AFTER.match(text, name.end):
        return None
    return name


_RELATIVE_NAMED = re.compile(r"\b(?:that|which)\s+(?:the\s+)?$")
HOLDING_REACH = 60  # characters from a relative clause's verb to the number it holds


def holding_relative_agent(text: str, ms: list[Mention], lo: int, start: int) -> Mention | None:
    """ "the mark that Kolvar United set with their 98 million euro deal": a relative clause that opens with a
    name and a past verb and runs on, with no comma, to the number is who set, paid or made it."""
    window = text[lo:start]
    if "that" not in window and "which" not in window:
        return None
    for name in reversed([n for n in ms if lo <= n.start and n.end <= start]):
        verb = _VERB_AFTER.match(text, name.end)
        if (
            verb is not None
            and _RELATIVE_NAMED.search(text, max(lo, name.start - 20), name.start)
            and start - verb.end() <= HOLDING_REACH
            and not any(ch in ",;:" for ch in text[verb.end() : start])
        ):
            return name
    return None


_OPENING_PHRASE = re.compile(r"(?:\w+(?:\s+\w+)?,\s+)?(?:with|at|after|following|having|boasting)\s", re.IGNORECASE)
_SPACES = re.compile(r"\s*")


def opening_phrase_subject(text: str, ms: list[Mention], start: int, end: int) -> Mention | None:
    """ "With a valuation of $24 billion, Kolvar is now ...", "Located 89km off the coast, Tarnby Shoal can
    ...": a number in a phrase that opens the sentence is the main clause's subject's, the name right after the
    phrase's comma (not after a conjunction's clause: "After Acme bought Beta for $3 billion, Beta ...")."""
    opening = _OPENING_PHRASE.match(text)
    at = -1
    if opening is not None and "," not in text[opening.end() : start]:
        comma = text.find(",", end, end + 40)
        at = _SPACES.match(text, comma + 1).end() if comma >= 0 else -1  # type: ignore[union-attr]
    elif (phrase := _SUBORDINATE.match(text)) and not phrase.group("conjunction") and phrase.end() > end:
        at = phrase.end()
    return next((m for m in ms if m.start == at and not m.after_prep), None)


_RELATIVE_ASIDE = re.compile(r",\s*(?:whose|which|who)\b[^,;]*,")


def in_relative_aside(text: str, m: Mention) -> bool:
    """Whether a name sits inside a relative aside (", whose shares trade in Copenhagen,"): it says something
    of the phrase before it and is never what that phrase's number measures."""
    return any(r.start() < m.start and m.end < r.end() for r in _RELATIVE_ASIDE.finditer(text, 0, m.start + 200))


_DIGIT = re.compile(r"\d")
# what joins a cue to the number it introduces: "valuation of $24 billion", "valued at about $5 billion"
_LEADS_IN = re.compile(r"[\s$€£:]*(?:(?:of|at|to|is|was|by|about|around|nearly|roughly|some|over|up to)[\s$€£:]+)*")


def nearer_another(text: str, cue: re.Match[str], q: Quantity, lo: int, hi: int) -> bool:
    """Whether a cue stands nearer another number of the window than `q`: fewer characters away (after `q`, only
    when it leads into the other: "valuation of"), or with no comma between them where one separates it from `q`
    ("$18 billion, with a post-money valuation of $24 billion"; "1,801 were hurt and 30,000" keeps its cue)."""
    if cue.start() >= q.end:
        after = _DIGIT.search(text, cue.end(), hi)
        if after is None:
            return False
        mine, theirs = text[q.end : cue.start()], text[cue.end() : after.start()]
        if not _LEADS_IN.fullmatch(theirs):
            return "," in mine and "," not in theirs
    else:
        last = next((i for i in range(cue.start() - 1, lo - 1, -1) if text[i].isdigit()), None)
        if last is None:
            return False
        mine, theirs = text[cue.end() : q.start], text[last + 1 : cue.start()]
    return len(theirs) < len(mine) or ("," in mine and "," not in theirs)


_FROM_PLACE = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def reference_place(text: str, q: Quantity, ms: list[Mention]) -> str | None:
    """The place a distance is measured from, named right after it ("230 miles northeast of Kunming")."""
    m = _FROM_PLACE.match(text, q.end)
    if m is None:
        return None
    return next((n.key for n in ms if n.start == m.end()), None)


# ", the 25-year-old,", ", a $2 billion company,": a description of a few words set off by commas, of the name
# before it (", the company was fined 2.4 billion euros," is a clause, not a description)
_DESCRIPTION = re.compile(r",\s+(?:the|a|an)\s+(?:[^\s,;()]+\s+){0,3}?[^\s,;()]+,")


def description_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a description between commas that holds text[start:end] ("Vasco, the 25-year-old, had
    joined in 2013"): it tells what the name is, not what happened when the clause's verb did."""
    comma = text.rfind(",", 0, start)
    m = _DESCRIPTION.match(text, comma) if comma >= 0 else None
    return (m.start(), m.end()) if m and m.end() >= end else None
