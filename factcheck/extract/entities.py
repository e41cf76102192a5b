"""Names from the text itself: capitalised runs, acronyms, possessives and appositions.

Nothing here lists organisations. What the corpus says teaches the index: "Acme's Widget" makes Acme the
owner of Widget, "Acme Widget" (where both are names of their own) is Widget, "chipmaker Acme" gives Acme
the role "chipmaker", and "Widget creator Acme" makes Acme Widget's creator. A description ("the
chipmaker", "the creator of Widget") is resolved back to a name through that index.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from factcheck.extract.sentences import Sentence
from factcheck.models import NameFacts
from factcheck.ruleset.rule_set import EntityLexicon

_POSS = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[A-Za-z]")
_ALNUM_WORDS = re.compile(r"[A-Za-z0-9]+")
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\d+")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m|t)$")
_CAMEL = re.compile(r"^[a-z]+[A-Z]")
_HYPHEN_ADJ = re.compile(r"-[a-z]{3,}$")
_LEADING_NON_WORD = re.compile(r"\W*")
_AFTER_COLON = re.compile(r"[:—–]\s*[\"“‘']?$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_SHAPED = re.compile(r"[A-Z0-9&.-]{2,}|[a-z]+[A-Z]\w*")  # an acronym or a camel-case name
_NON_SPACE = re.compile(r"\S+")
_PREV_WORD2 = re.compile(r"([A-Za-z]+)\W+\w+\W*$")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CONNECTIVES = ("of", "de", "&", "van", "von", "la", "du")
# The tokens (`[A-Za-z0-9][\w&.'’+-]*`, read from left to right) that may matter to a name: the plain lower-case
# words before one ("said the"; not a connective such as "of") are stepped over inside the pattern, in C. A match
# starts at a token and a token is always matched whole, so the tokens found are the same (at the end of the text
# one plain word may be reported: it is skipped as usual). The gaps are possessive: linear on any text.
_NAMEISH_TOKEN = re.compile(
    r"(?:(?!(?:of|de|van|von|la|du)\.*(?![\w&.'’+-]))[a-z][a-z0-9_&.'’+-]*(?![\w&.'’+-])[^A-Za-z0-9]*+)*"
    r"(?P<tok>[A-Za-z0-9][\w&.'’+-]*)"
)
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")  # what `_POSS` finds at the end of a token (tokens have no line break)


@cache
def _english() -> frozenset[str]:
    """A plain English word list, to tell "Plans to ..." (a word) from "Veltrix said ..." (a name)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True))


def ordinary_word(word: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> bool:
    """Is this capitalised word an ordinary English word (or an inflection of one)?"""
    w = word.casefold()
    forms = {w}
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            forms.add(w[: -len(suffix)] + repl)
    english = _english()
    return any(f in english or f in vocabulary for f in forms)


def _bare(surface: str) -> str:
    """`_POSS` removed from a name's surface (one without a line break): "Acme's" -> "Acme"."""
    if surface.endswith(("'s", "’s")):
        return surface[:-2]
    if surface.endswith(("'", "’")):
        return surface[:-1]
    return surface


def _words(surface: str) -> list[str]:
    """The words of a name; "&" and "and" are one connective and drop out."""
    return [w for w in _ALNUM_WORDS.findall(_POSS.sub("", surface)) if w.casefold() != "and"]


def names_match(a: str, b: str, suffixes: frozenset[str] = frozenset()) -> bool:
    """Do two written names name the same thing?

    Case and punctuation never matter (ACME / Acme, Open-Door / OpenDoor); neither do corporate
    suffixes (Halvorsen Group / Halvorsen Group Ltd / Halvorsen); an acronym matches the initials of the
    long form; a one-letter slip in a long name is forgiven. Different numbers never match (Model 3 /
    Model 5, Galaxy S23 / Galaxy S24), and a different word is a different name (Orsa Motors / Orsa Telecom).
    """
    ka, kb = key_of(a), key_of(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if _DIGITS.findall(ka) != _DIGITS.findall(kb):
        return False
    wa, wb = _words(a), _words(b)
    core_a = [w.casefold() for w in wa if w.casefold() not in suffixes]
    core_b = [w.casefold() for w in wb if w.casefold() not in suffixes]
    if core_a and core_a == core_b:
        return True
    for long, short in ((wa, b), (wb, a)):
        initials = "".join(w[0] for w in long if w[0].isupper())
        if len(initials) >= 2 and short.isupper() and key_of(short) == initials.casefold() and len(long) > 1:
            return True
    return min(len(ka), len(kb)) >= 7 and ka[:2] == kb[:2] and fuzz.ratio(ka, kb) >= 92


@lru_cache(maxsize=65536)
def key_of(surface: str) -> str:
    """Case and punctuation folded: ACME / Acme / Acme's -> "acme"."""
    return _NOT_KEY.sub("", _POSS.sub("", surface).casefold())


FUZZY_FLOOR = 90.0  # below the 92 of names_match: a cheap first pass that cannot miss a pair it accepts


def _variant_pairs(forms: list[str], suffixes: frozenset[str]) -> list[tuple[int, int]]:
    """The pairs (i < j) of these written names for which `names_match` can be true, in order: the same key,
    the same core words, an acronym and the long form with those initials, or keys within a fuzzy ratio of
    FUZZY_FLOOR (one vectorised pass). Every pair `names_match` accepts is among them."""
    keys = [key_of(f) for f in forms]
    words = [_words(f) for f in forms]
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    initials: dict[str, list[int]] = defaultdict(list)
    for i, (k, ws) in enumerate(zip(keys, words, strict=True)):
        if not k:
            continue
        buckets[("key", k)].append(i)
        core = tuple(w.casefold() for w in ws if w.casefold() not in suffixes)
        if core:
            buckets[("core", *core)].append(i)
        first = "".join(w[0] for w in ws if w[0].isupper())
        if len(first) >= 2 and len(ws) > 1:
            initials[first.casefold()].append(i)
    found: set[tuple[int, int]] = set()
    for members in buckets.values():
        found.update(itertools.combinations(members, 2))
    for i, f in enumerate(forms):
        if keys[i] and f.isupper():
            found.update((min(i, j), max(i, j)) for j in initials.get(keys[i], ()) if j != i)
    live = [i for i, k in enumerate(keys) if len(k) >= 7]
    if len(live) >= 2:
        scores = process.cdist(
            [keys[i] for i in live],
            [keys[i] for i in live],
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_FLOOR,
            dtype=np.float64,
        )
        for x, y in zip(*np.nonzero(scores), strict=True):
            if x < y:
                found.add((live[x], live[y]))
    return sorted(found)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    surface: str
    key: str
    possessive: bool  # "Acme's"
    after_prep: bool  # "in Acme", "with Acme": an object, not a subject
    initial: bool  # first word of the sentence


@dataclass
class EntityIndex:
    """What the corpus teaches about names; built once over all documents."""

    display: dict[str, str] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    creator: dict[str, str] = field(default_factory=dict)  # product key -> creator key
    known: set[str] = field(default_factory=set)  # names seen where capitals are informative
    # "acmecloud" -> "cloud": "Acme Cloud" is Cloud, owned by Acme
    canonical: dict[str, str] = field(default_factory=dict)

    def canon(self, key: str | None) -> str | None:
        if key is None:
            return None
        return self.canonical.get(key, key)

    def name(self, key: str | None) -> str | None:
        key = self.canon(key)
        return self.display.get(key, key) if key else None

    def owner_of(self, key: str | None) -> str | None:
        key = self.canon(key)
        return self.canon(self.owner.get(key) or self.creator.get(key)) if key else None

    def same(self, a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and self.canon(a) == self.canon(b)

    def related(self, a: str | None, b: str | None) -> bool:
        """Same name, or one owns or made the other ("Widget" and "Acme" when the text says "Acme's Widget")."""
        if a is None or b is None:
            return False
        a, b = self.canon(a), self.canon(b)
        return a == b or self.owner_of(a) == b or self.owner_of(b) == a

    def similar(self, a: str | None, b: str | None, threshold: float = 90.0) -> bool:
        if a is None or b is None:
            return False
        if self.related(a, b):
            return True
        da, db = self.name(a) or a, self.name(b) or b
        return fuzz.ratio(key_of(da), key_of(db)) >= threshold


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
def _title_case(text: str) -> bool:
    """Headline style capitalises every word but the short function words; a sentence with names in it
    ("Acme Capital owns 15% of Beta Foods") keeps its verbs in lower case."""
    words = [w for w in _TITLE_WORD.findall(text) if w.casefold() not in _FUNCTION_WORDS]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.9


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
        self.creator_of = re.compile(rf"\b[Tt]he\s+(?:{creators})\s+of\s+$")
        self.creator_between = re.compile(rf"^\s+(?:{creators})\s+$")
        # `role_before` can only match text that ends with a role noun and white space: a cheap test first
        nouns = tuple(lexicon.role_nouns)
        self.role_ends = nouns if all(n and not n[-1].isspace() for n in nouns) else None


_COMPILED: dict[int, tuple[EntityLexicon, _Compiled]] = {}


class EntityFinder:
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
            bare = _bare(t[2])
            edge = not cur or i == last
            if bare.casefold() in not_names or (edge and bare in acronyms):
                if cur:
                    parts.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            parts.append(cur)
        return [p for p in parts if p and not p[0][2][0].isdigit()]

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

    # -- learning from the corpus ---------------------------------------------------------------------
    def learn(self, sentences: Iterable[Sentence]) -> NameFacts:
        """What one document teaches about names; merged over the corpus by `index_from`."""
        index = EntityIndex()
        surfaces: Counter[tuple[str, str]] = Counter()
        sents = list(sentences)
        # words the text also writes in lower case are ordinary words, even when a sentence starts with one
        lower_vocab = set(_LOWER_WORD.findall(" ".join({s.text for s in sents})))  # no word spans the joins
        title_like = {id(s): s.role in ("heading", "title") or _title_case(s.text) for s in sents}
        # Pass 1: names where capitals are informative (not sentence-initial, not title case), and acronyms.
        # A line read twice (a title repeated as the first heading) teaches the same names again: read once.
        taught: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        for s in sents:
            seen = (s.text, title_like[id(s)])
            names = taught.get(seen)
            if names is None:
                names = taught[seen] = self._informative_names(s.text, seen[1], lower_vocab)
            for k, bare in names:
                index.known.add(k)
                surfaces[(k, bare)] += 1
        # Pass 2: relations between names. The index's known names do not change here, so a repeated line
        # finds the same mentions and teaches nothing new.
        done: set[tuple[str, bool]] = set()
        for s in sents:
            if (s.text, title_like[id(s)]) in done:
                continue
            done.add((s.text, title_like[id(s)]))
            ms = self.mentions(s.text, index, title_like[id(s)])
            for m1, m2 in itertools.pairwise(ms):
                between = s.text[m1.end : m2.start]
                if m1.possessive and between.strip() == "":
                    index.owner.setdefault(m2.key, m1.key)
                if self.creator_between.match(between):
                    index.creator.setdefault(m1.key, m2.key)
            for m in ms:
                surfaces[(m.key, m.surface)] += 0  # a display form for names found only as parts of runs
                rm = self._role_before(s.text, m.start)
                if rm:
                    index.roles[m.key].add(rm.group(1).split()[-1].casefold())
        return NameFacts(
            known=sorted(index.known),
            surfaces=sorted((k, bare, n) for (k, bare), n in surfaces.items()),
            owner=sorted(index.owner.items()),
            creator=sorted(index.creator.items()),
            roles=sorted((k, r) for k, rs in index.roles.items() for r in rs),
        )

    def _informative_names(self, text: str, title_like: bool, lower_vocab: set[str]) -> list[tuple[str, str]]:
        """(key, bare surface) of the names in one sentence whose capitals say they are names."""
        out = []
        for a, _e, surface, initial in self.candidates(text):
            k = key_of(surface)
            bare = _bare(surface)
            if len(k) < 2:
                continue
            # a lone capitalised word that starts a sentence says nothing; several words, a number
            # inside, or a possessive do
            informative = not title_like and (
                not initial
                or " " in bare
                or (not bare.isalpha() and any(ch.isdigit() for ch in bare))
                or not ordinary_word(bare, lower_vocab)
            )
            if informative or _SHAPED.fullmatch(bare) or text.startswith(("'s", "’s"), a + len(surface)):
                out.append((k, bare))
        return out

    def _role_before(self, text: str, start: int) -> re.Match[str] | None:
        """ "the chipmaker Acme": the role noun right before a name (`role_before` on the text before it)."""
        prefix = text[:start]
        if self._role_ends is not None and not (prefix[-1:].isspace() and prefix.rstrip().endswith(self._role_ends)):
            return None
        return self.role_before.search(prefix)

    def index_from(self, facts: Iterable[NameFacts]) -> EntityIndex:
        """Merge what the documents taught, in document order, into one index."""
        index = EntityIndex()
        surfaces: Counter[tuple[str, str]] = Counter()
        for f in facts:
            index.known.update(f.known)
            for k, bare, n in f.surfaces:
                surfaces[(k, bare)] += n
            for product, owner in f.owner:
                index.owner.setdefault(product, owner)
            for product, creator in f.creator:
                index.creator.setdefault(product, creator)
            for k, role in f.roles:
                index.roles[k].add(role)
        # "Acme Widget" where Acme and Widget are both names: the product Widget, owned by Acme.
        for (k, bare), n in sorted(surfaces.items()):
            parts = bare.split(" ", 1)
            if n == 0:
                continue
            if len(parts) == 2:
                head, rest = key_of(parts[0]), key_of(parts[1])
                if head in index.known and rest in index.known:
                    index.canonical[k] = rest
                    index.owner.setdefault(rest, head)
        self._merge_variants(index, surfaces)
        for k, v in self.aliases.items():
            index.canonical[k] = v
        best: dict[str, tuple[int, str]] = {}
        for (k, bare), n in sorted(surfaces.items()):
            ck = index.canon(k)
            if ck == k and (
                ck not in best or n > best[ck][0] or (n == best[ck][0] == 0 and len(bare) > len(best[ck][1]))
            ):
                best[ck] = (n, bare)
        index.display = {k: v[1] for k, v in best.items()}
        return index

    def _merge_variants(self, index: EntityIndex, surfaces: Counter[tuple[str, str]]) -> None:
        """Point spelling variants of one name ("Halvorsen Group", "Halvorsen") at its commonest form.

        Names are compared only within blocks (same first letters, or an acronym and its initials), so the
        work grows with the number of names, not with its square."""
        counts: Counter[str] = Counter()
        form: dict[str, str] = {}
        for (k, bare), n in sorted(surfaces.items()):
            if k in index.known and k not in index.canonical:
                counts[k] += n
                form.setdefault(k, bare)
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in sorted(counts):
            blocks[k[:3]].append(k)
            initials = "".join(w[0] for w in _words(form[k]) if w[0].isupper()).casefold()
            if len(initials) >= 2 and initials != k[:3]:
                blocks["#" + initials].append(k)
            if form[k].isupper():
                blocks["#" + k].append(k)
        parent: dict[str, str] = {}

        def root(k: str) -> str:
            while parent.get(k, k) != k:
                k = parent[k]
            return k

        # The groups are the connected parts of the graph of matching pairs (each merge keeps the better root,
        # so a group's root is its best member whatever the order of the merges); a pair is tested only when it
        # could match (see _variant_pairs), never every pair of a block.
        for members in blocks.values():
            if len(members) > 200:  # a block that large is a common prefix, not variants of one name
                continue
            for i, j in _variant_pairs([form[k] for k in members], self.suffixes):
                a, b = members[i], members[j]
                ra, rb = root(a), root(b)
                if ra != rb and names_match(form[a], form[b], self.suffixes):
                    # the commoner (then shorter, then alphabetically first) form represents the group
                    keep, drop = sorted((ra, rb), key=lambda k: (-counts[k], len(k), k))
                    parent[drop] = keep
        # "Pellworth" for "Pellworth Foods": a short form names the one longer name that only adds
        # organisation words to it; with two candidates ("Orsa Motors", "Orsa Telecom") it names neither
        longer: dict[str, set[str]] = defaultdict(set)
        for k in counts:
            words = _words(form[k])
            for cut in range(len(words) - 1, 0, -1):
                extra = [w.casefold() for w in words[cut:]]
                if all(w in self.org_words or w in self.suffixes for w in extra):
                    longer[key_of(" ".join(words[:cut]))].add(k)
        for short, targets in sorted(longer.items()):
            if short in counts and len({root(t) for t in targets}) == 1:
                ra, rb = root(short), root(next(iter(targets)))
                if ra != rb:
                    keep, drop = sorted((ra, rb), key=lambda k: (-counts[k], len(k), k))
                    parent[drop] = keep
        for k in counts:
            r = root(k)
            if r != k:
                index.canonical[k] = r

    def build_index(self, sentences: Iterable[Sentence]) -> EntityIndex:
        return self.index_from([self.learn(sentences)])

    # -- mentions in one sentence ---------------------------------------------------------------------
    def mentions(self, text: str, index: EntityIndex, title_case: bool | None = None) -> list[Mention]:
        if title_case is None:
            title_case = _title_case(text)
        out: list[Mention] = []
        for s, e, surface, initial in self.candidates(text):
            bare = _bare(surface)
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
        """ "the creator of Widget" -> Widget's creator or owner; "the chipmaker" -> the last name with that role."""
        for m in self.description.finditer(text):
            noun = m.group(1).split()[-1].casefold()
            for k in reversed(previous):
                name_words = {w.casefold() for w in _words(index.name(k) or "")}
                if noun in index.roles.get(k, set()) or noun in name_words:
                    return m.start(), m.end(), k
            if previous:
                return m.start(), m.end(), previous[-1]
        return None

    def creator_reference(self, text: str, mentions: list[Mention], index: EntityIndex) -> tuple[int, int, str] | None:
        for m in mentions:
            prefix = text[: m.start]
            if not (prefix[-1:].isspace() and prefix.rstrip().endswith("of")):
                continue  # `creator_of` ends in "of" and white space
            cm = self.creator_of.search(prefix)
            if cm:
                # the owner may be known only from another document: keep a reference to resolve later
                return cm.start(), m.end, index.owner_of(m.key) or f"@creator:{m.key}"
        return None
