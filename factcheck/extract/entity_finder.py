"""Names in one sentence, from the text itself: capitalised runs, acronyms, possessives and appositions.

Nothing here lists organisations. `EntityFinder` finds the name-like runs of a sentence (`candidates`) and,
with what the corpus taught (an `EntityIndex`), the names it mentions (`mentions`); a description ("the
chipmaker", "the creator of Widget") is resolved back to a name through that index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.entity_index import EntityIndex, merge_facts
from factcheck.extract.name_matching import key_of, name_words, without_possessive
from factcheck.models import NameFacts
from factcheck.ruleset.lexicons import EntityLexicon

_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|t)$")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")
_HYPHEN_ADJ = re.compile(r"-[a-z]{3,}$")
_LEADING_NON_WORD = re.compile(r"\W*")
_AFTER_COLON = re.compile(r"[:—–]\s*[\"“‘']?$")
_NON_SPACE = re.compile(r"\S+")
_PREV_WORD2 = re.compile(r"([A-Za-z]+)\W+\w+\W*$")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CONNECTIVES = ("of", "de", "&", "van", "von", "la", "du")
# The tokens (`[A-Za-z0-9][\w&.'’+-]*`, read from left to right) that may matter to a name: the plain lower-case
# words before one ("said the"; not a connective such as "of") are stepped over inside the pattern, in C. A match
# starts at a token and a token is always matched whole, so the tokens found are the same (at the end of the text
# one plain word may be reported: it is skipped as usual). The gaps are possessive: linear on any text.
# A token may open with an accented capital ("Øvrum", "Šelvik"): Latin-1 and Latin Extended-A letters.
_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_NAMEISH_TOKEN = re.compile(
    rf"(?:(?!(?:of|de|van|von|la|du)\.*(?![\w&.'’+-]))[a-z][a-z0-9_&.'’+-]*(?![\w&.'’+-])[^{_LATIN}]*+)*"
    rf"(?P<tok>[{_LATIN}][\w&.'’+-]*)"
)
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")  # what `without_possessive` strips (tokens have no line break)

CREATOR_REF = "@creator:"  # a subject known only through corpus knowledge: "the creator of <key>"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    surface: str
    key: str
    possessive: bool  # "Acme's"
    after_prep: bool  # "in Acme", "with Acme": an object, not a subject
    initial: bool  # first word of the sentence


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "nor",
        "by",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "over",
        "via",
        "vs",
        "per",
        "than",
    ]
)


@lru_cache(maxsize=8192)
def is_title_case(text: str) -> bool:
    """Headline style capitalises every word but the short function words; a sentence with names in it
    ("Acme Capital owns 15% of Beta Foods") keeps its verbs in lower case."""
    words = [w for w in _TITLE_WORD.findall(text) if w.casefold() not in _FUNCTION_WORDS]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.9


_COORDINATED = re.compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
# what may follow a description that is the subject or object: a verb ("said", "plans", "agreed", "will"), an
# adverb, a preposition or a relative word; any other lowercase word is the noun it qualifies
_VERB_OR_LINK = re.compile(
    r"[a-z-]+(?:ed|s|ly)|is|was|has|had|will|would|can|could|may|might|must|shall|should|did|does|do|also|still|"
    r"now|then|itself|that|which|who|whose|and|or|but|in|on|at|of|for|to|from|with|by|behind|after|before|"
    r"over|under|into|about|as|than|said|says|say|told|agreed|paid|won|took|sold|bought|made|put|set|cut|hit|"
    r"became|began|gave|got|kept|led|left|lost|ran|saw|spent|went|grew|rose|fell|expects|announced"
)


class _Compiled:
    """What an EntityFinder derives from its lexicon: built once per lexicon, whatever the number of finders."""

    def __init__(self, lexicon: EntityLexicon) -> None:
        self.aliases = {key_of(k): key_of(v) for k, v in lexicon.aliases.items()}
        self.suffixes = frozenset(w.casefold() for w in lexicon.org_suffixes)
        self.org_words = frozenset(w.casefold() for w in lexicon.org_words)
        roles = "|".join(sorted((re.escape(r) for r in lexicon.role_nouns), key=len, reverse=True))
        creators = "|".join(re.escape(c) for c in lexicon.creator_nouns)
        self.role_before = re.compile(rf"\b((?:[a-z][\w-]*\s+)?(?:{roles}))\s+$")
        self.description = re.compile(rf"\b[Tt]he\s+((?:[a-z][\w-]*\s+)?(?:{roles}))(?:'s|’s)?\b")
        # "the maker of X", "the startup behind the X chatbot": a description of who made X
        self.creator_of = re.compile(
            rf"\b[Tt]he\s+(?:(?:{creators})\s+of|(?:[a-z][\w-]*\s+)?(?:{roles})\s+behind(?:\s+the)?)\s+$"
        )
        self.creator_between = re.compile(rf"^\s+(?:{creators})\s+$")
        # `role_before` can only match text that ends with a role noun and white space: a cheap test first
        nouns = tuple(lexicon.role_nouns)
        self.role_ends = nouns if all(n and not n[-1].isspace() for n in nouns) else None


_COMPILED: dict[int, tuple[EntityLexicon, _Compiled]] = {}


class EntityFinder:
    """Finds names in sentences with the rules' entity lexicon; it memoises the name-like runs of each sentence."""

    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lex = lexicon
        hit = _COMPILED.get(id(lexicon))
        if hit is None or hit[0] is not lexicon:
            hit = _COMPILED[id(lexicon)] = (lexicon, _Compiled(lexicon))
        c = hit[1]
        self.aliases = dict(c.aliases)
        self.suffixes = c.suffixes
        self.org_words = c.org_words
        self._candidates: dict[str, list[tuple[int, int, str, bool]]] = {}
        self.role_before = c.role_before
        self.description = c.description
        self.creator_of = c.creator_of
        self.creator_between = c.creator_between
        self._role_ends = c.role_ends

    # -- finding runs of capitalised tokens ---------------------------------------------------------
    def raw_runs(self, text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
        runs: list[tuple[int, int, list[tuple[int, int, str]]]] = []
        current: list[tuple[int, int, str]] = []
        for m in _NAMEISH_TOKEN.finditer(text):
            tok = m.group("tok")
            if tok[-1] == ".":  # the only one of ".,;:!?" a token can end with
                tok = tok.rstrip(".")
            if tok.islower() and not tok[0].isdigit() and (not current or tok not in _CONNECTIVES):
                # a lower-case word ("said"; not "iPhone", "3am" or a connective inside a run) is no name and
                # ends the current run: it is closed when the next token cannot join it across this word
                continue
            start = m.start("tok")
            joined = False
            if current:
                _, last_end, last_tok = current[-1]
                joined = start == last_end + 1 and text[last_end] == " " and not last_tok.endswith(_POSSESSIVE_ENDS)
                if joined and tok in _CONNECTIVES:
                    current.append((start, start + len(tok), tok))
                    continue
            # is the token part of a name? (this loop runs for every capitalised word of the corpus)
            c = tok[0]
            if ("'" in tok or "’" in tok) and _CONTRACTION.search(tok):
                name = False  # contractions: "I've", "Don't"
            elif c.isdigit():
                name = joined  # "Acme 365", "Widget 4.5": a number inside a name
            elif c.isupper() or _CAMEL.match(tok):
                name = not ("-" in tok and _HYPHEN_ADJ.search(tok))  # not "Norway-based"
            else:
                name = False
            if name:
                if joined:
                    current.append((start, start + len(tok), tok))
                else:
                    if current:
                        runs.append(self._close(current))
                    current = [(start, start + len(tok), tok)]
            elif current:
                runs.append(self._close(current))
                current = []
        if current:
            runs.append(self._close(current))
        return [r for r in runs if r[2]]

    @staticmethod
    def _close(tokens: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[int, int, str]]]:
        while tokens and tokens[-1][2] in _CONNECTIVES:
            tokens = tokens[:-1]
        return (tokens[0][0], tokens[-1][1], tokens) if tokens else (0, 0, [])

    def _strip_not_names(self, tokens: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
        """Split a run at words that name nothing ("The", "September", "CEO")."""
        parts: list[list[tuple[int, int, str]]] = []
        cur: list[tuple[int, int, str]] = []
        not_names, acronyms, last = self.lex.not_names_set, self.lex.acronyms_set, len(tokens) - 1
        for i, t in enumerate(tokens):
            bare = without_possessive(t[2])
            edge = not cur or i == last
            if bare.casefold() in not_names or (edge and bare in acronyms):
                if cur:
                    parts.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            parts.append(cur)
        # "The 1.3GW Tarnby Bank scheme": a number that opens a run is not part of the name after it
        parts = [p[next((i for i, t in enumerate(p) if not t[2][0].isdigit()), len(p)) :] for p in parts]
        # "the former French champions": a proper adjective alone is no name
        adjectives = self.lex.adjectives_set
        return [p for p in parts if p and not (len(p) == 1 and without_possessive(p[0][2]) in adjectives)]

    def candidates(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, surface, initial) for every name-like run; `initial` = starts the sentence.

        Memoised: a sentence is read for names when the document is learnt and again when it is framed."""
        hit = self._candidates.get(text)
        if hit is None:
            if len(self._candidates) > 20000:
                self._candidates.clear()
            hit = self._candidates[text] = self._find_candidates(text)
        return hit

    def _find_candidates(self, text: str) -> list[tuple[int, int, str, bool]]:
        out = []
        first_word = _LEADING_NON_WORD.match(text).end()  # type: ignore[union-attr]  # \W* always matches
        for _, _, tokens in self.raw_runs(text):
            for part in self._strip_not_names(tokens):
                s, e = part[0][0], part[-1][1]
                surface = text[s:e]
                initial = s <= first_word or bool(_AFTER_COLON.search(text, 0, s))
                out.append((s, e, surface, initial))
        return out

    # -- for what the corpus learns ------------------------------------------------------------------
    def role_noun_before(self, text: str, start: int) -> re.Match[str] | None:
        """ "the chipmaker Acme": the role noun right before a name (`role_before` on the text before it)."""
        prefix = text[:start]
        if self._role_ends is not None and not (prefix[-1:].isspace() and prefix.rstrip().endswith(self._role_ends)):
            return None
        return self.role_before.search(prefix)

    def index_from(self, facts: Iterable[NameFacts]) -> EntityIndex:
        """Merge what the documents taught, in document order, into one index (see entity_index.py)."""
        return merge_facts(facts, self.aliases, self.suffixes, self.org_words)

    # -- mentions in one sentence ---------------------------------------------------------------------
    def mentions(self, text: str, index: EntityIndex, title_case: bool | None = None) -> list[Mention]:
        if title_case is None:
            title_case = is_title_case(text)
        out: list[Mention] = []
        for s, e, surface, initial in self.candidates(text):
            bare = without_possessive(surface)
            after = text[e : e + 2] in ("'s", "’s")
            possessive = bare != surface or after
            if after:
                e += 2
            for ps, pe, psurface in self._known_parts(s, bare, index, title_case or initial):
                k = key_of(psurface)
                key = index.canon(k) or k
                index.display.setdefault(key, psurface)
                whole = pe >= s + len(bare)  # the part ends where the run does
                end, prep = (e if whole else pe), self._after_prep(text, ps)
                if not prep and out and out[-1].after_prep and _COORDINATED.fullmatch(text, out[-1].end, ps):
                    prep = True  # "by the Federation of Red Cross and Red Crescent": both names follow "of"
                # positional: start, end, surface, key, possessive, after_prep, initial
                out.append(Mention(ps, end, psurface, key, possessive and whole, prep, initial and ps == s))
        return out

    def _known_parts(self, start: int, bare: str, index: EntityIndex, strict: bool) -> list[tuple[int, int, str]]:
        """In title case or at a sentence start, only names the corpus knows count; split a run into them."""
        k = key_of(bare)
        if not strict or k in index.known or k in index.canonical:
            return [(start, start + len(bare), bare)] if k else []
        if " " not in bare:  # one word (a run's words are joined by single spaces), and not a known name
            return []
        words = [m.span() for m in _NON_SPACE.finditer(bare)]
        parts = []
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                sub = bare[words[i][0] : words[j - 1][1]]
                if key_of(sub) in index.known:
                    parts.append((start + words[i][0], start + words[j - 1][1], sub))
                    i = j
                    break
            else:
                i += 1
        covered = sum(len(p[2].split()) for p in parts)
        if len(parts) > 1 and covered == len(words):
            return [(start, start + len(bare), bare)]
        return parts

    def _after_prep(self, text: str, start: int) -> bool:
        # the letters right before the name, behind any non-word characters: what `([A-Za-z]+)\W*$` finds
        # in text[:start], read backwards from the name rather than searched for from the start
        i = start
        while i and not (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1
        j = i
        while j and text[j - 1] in _ASCII_LETTERS:
            j -= 1
        if j == i:
            return False
        word = text[j:i].casefold()
        if word in ("both", "either", "neither", "the"):
            prev2 = _PREV_WORD2.search(text, 0, start)
            word = prev2.group(1).casefold() if prev2 else word
        return word in self.lex.prepositions_set

    def resolve_description(self, text: str, index: EntityIndex, previous: list[str]) -> tuple[int, int, str] | None:
        """ "the creator of Widget" -> Widget's creator or owner; "the chipmaker" -> the last name with that role.
        A role noun that qualifies the noun after it ("the giant turbine", "the club record") describes no one."""
        for m in self.description.finditer(text):
            after = _NEXT_WORD.match(text, m.end())
            if after and not _VERB_OR_LINK.fullmatch(after.group(1)):
                continue
            noun = m.group(1).split()[-1].casefold()
            for k in reversed(previous):
                words = {w.casefold() for w in name_words(index.name(k) or "")}
                if noun in index.roles.get(k, set()) or noun in words:
                    return m.start(), m.end(), k
            if previous:
                return m.start(), m.end(), previous[-1]
        return None

    def creator_reference(self, text: str, mentions: list[Mention], index: EntityIndex) -> tuple[int, int, str] | None:
        for m in mentions:
            prefix = text[: m.start]
            if not (prefix[-1:].isspace() and prefix.rstrip().endswith(("of", "behind", "the"))):
                continue  # `creator_of` ends in "of", "behind" or "behind the" and white space
            cm = self.creator_of.search(prefix)
            if cm:
                # the owner may be known only from another document: keep a reference to resolve later
                return cm.start(), m.end, index.owner_of(m.key) or f"{CREATOR_REF}{m.key}"
        return None
