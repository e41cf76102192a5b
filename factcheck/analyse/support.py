"""When two superlatives say the same thing in other words, they are one fact.

Alignment (alignment.py) joins superlatives worded alike. Sources also word one distinction apart: "the
world's largest offshore wind farm" and "the biggest offshore windfarm anywhere", or a headline and the body
line that repeats it. `merge_supporting` joins such facts before they are compared, so that they corroborate
each other (or make one finding, not two). Two claims support each other when

- they make the same kind of claim: both of uniqueness ("only", "first", "sole", "exclusive"), both records
  ("a record fee", "the biggest ever", "never before"), or rankings by words that mean the same
  (`synonyms` of rules/superlatives.yaml: largest and biggest);
- they are about the same party: related subjects, or a name both sentences mention;
- they rank the same thing: the head noun phrases after the ranking word agree once spelled alike
  (`scope_equivalents`: windfarm and wind farm), a bare one-word head also needing a like scope.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, utils

from factcheck.analyse.alignment import FactGroup
from factcheck.extract.categorical import RANKS
from factcheck.extract.entity_index import EntityIndex
from factcheck.models import Claim
from factcheck.ruleset.lexicons import SuperlativeLexicon

CATEGORICAL = ("superlative", "exclusivity")
MAX_BLOCK = 60  # claims of one class about one party compared pairwise; beyond that, only worded alike
_WORD = re.compile(r"[\w-]+")
_STOP = frozenset(
    [
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
        "is",
        "are",
        "was",
        "were",
        "now",
        "has",
        "have",
        "had",
        "be",
        "been",
        "will",
        "would",
        "could",
        "its",
        "their",
        "his",
        "her",
        "the",
        "a",
        "an",
        "this",
    ]
)
_NUMBERISH = re.compile(
    r"^[\d.,$€£%]+(?:m|bn|k|million|billion)?$|^(?:million|billion|trillion|bn|m|euros?|dollars?|pounds?|usd|eur|gbp|us|rs|crores?|lakhs?)$",
    re.I,
)
_PAREN = re.compile(r"\([^)]*\)")


_RANKS = frozenset(RANKS.values())  # the ranks categorical claims name


class _Words:
    """A lexicon's synonyms and spellings, applied to claims' words and heads."""

    def __init__(self, lex: SuperlativeLexicon) -> None:
        self.canon: dict[str, str] = {}
        for group in lex.synonyms:
            for w in group:
                self.canon[w.casefold()] = group[0].casefold()
        self.prices = {w.casefold() for w in lex.price_heads}
        self.costliest = self.canon.get("most expensive", "")
        self.spell = [
            (re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])", re.I), v.casefold())
            for k, v in sorted(lex.scope_equivalents.items(), key=lambda kv: -len(kv[0]))
        ]

    def cls(self, c: Claim) -> str:
        """ "unique"; "record" for a bare record ("a record fee", "never before"); else the ranking word, one
        of a set of synonyms ("largest" for "biggest"), prefixed "record:" for a record ("the widest ever")."""
        metric = c.metric or c.kind
        if metric.endswith(":unique"):
            return "unique"
        word = (c.word or metric.split(":", 1)[-1]).casefold()
        first = (c.object or "").split()[:1]
        if first and f"{word} {first[0].casefold()}" in self.canon:  # "the highest gross" as "highest-grossing"
            word = f"{word} {first[0].casefold()}"
        if metric == "superlative:record":
            # "a world-record fee", "a record deal": a record on a price is a claim of the costliest
            head = self.head(c).split()[:1]
            return self.costliest if head and head[0] in self.prices and self.costliest else "record"
        rank, _, ranked = word.partition(" ")
        if rank in _RANKS and ranked:  # "second largest" and "second biggest" rank alike; "largest" apart
            return f"{rank} {self.canon.get(ranked, ranked)}"
        return self.canon.get(word, word)

    def normal(self, text: str) -> str:
        low = _PAREN.sub(" ", text.casefold().replace("’", "'").replace("'s ", " "))
        for rx, v in self.spell:
            low = rx.sub(v, low)
        return low

    def head(self, c: Claim) -> str:
        """Up to four content words after the ranking word: "installed offshore wind farm"."""
        words = []
        for w in _WORD.findall(self.normal(c.scope or c.object or "")):
            if w in _STOP:
                if words:
                    break
                continue
            if _NUMBERISH.match(w):
                continue
            words.append(w)
            if len(words) == 4:
                break
        return " ".join(words)


def _keys(c: Claim, index: EntityIndex) -> set[str]:
    keys = {index.canon(k) for k in [c.subject, *c.entities] if k and k != "?"}
    owner = index.owner_of(index.canon(c.subject)) if c.subject else None
    return {k for k in keys | {owner} if k}


def _same_party(index: EntityIndex, a: Claim, b: Claim) -> bool:
    """Related subjects, or one's subject named in the other's sentence (or missing): two named subjects that
    are unrelated make rivals, never support."""
    sa, sb = index.canon(a.subject), index.canon(b.subject)
    if sa in (None, "?") or sb in (None, "?") or index.related(sa, sb):
        return True
    return sa in {index.canon(e) for e in b.entities} or sb in {index.canon(e) for e in a.entities}


def _supports(words: _Words, a: Claim, b: Claim, heads: dict[str, str]) -> bool:
    if a.weak and b.weak and words.costliest and words.cls(a) == words.cls(b) == words.costliest:
        return True  # one party's costliest deal: "a world-record fee", "the most expensive signing ever"
    ha, hb = heads[a.id], heads[b.id]
    if not ha or not hb:
        return False
    p = utils.default_process
    if fuzz.token_set_ratio(ha, hb, processor=p) < 85:
        return False
    if len(ha.split()) >= 2 and len(hb.split()) >= 2:
        return True
    if words.cls(a) == "record" and ha == hb:
        return True  # "a record fine", "the record-breaking fine": a record is of its head noun
    # a one-word head ("carmaker") ranks many things: the rest of the scope must agree too, word for word
    return fuzz.token_sort_ratio(words.normal(a.scope or ""), words.normal(b.scope or ""), processor=p) >= 70


def merge_supporting(groups: list[FactGroup], index: EntityIndex, lex: SuperlativeLexicon) -> None:
    """Join (in place) the categorical facts whose claims support each other; the joined fact keeps the
    place of its first part."""
    cats = [i for i, g in enumerate(groups) if g.kind in CATEGORICAL]
    if len(cats) < 2:
        return
    words = _Words(lex)
    parent = {i: i for i in cats}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str, str], list[tuple[int, Claim]]] = defaultdict(list)
    heads: dict[str, str] = {}
    for i in cats:
        for c in groups[i].claims:
            heads[c.id] = words.head(c)
            # a headline and the body line that repeats it share their document, whatever their subjects
            for k in sorted(_keys(c, index) | {f"document:{c.document}"}):
                blocks[(c.kind, words.cls(c), k)].append((i, c))
    for members in blocks.values():
        for x, (i, a) in enumerate(members[:MAX_BLOCK]):
            for j, b in members[x + 1 : MAX_BLOCK]:
                ri, rj = find(i), find(j)
                if ri != rj and _same_party(index, a, b) and _supports(words, a, b, heads):
                    parent[max(ri, rj)] = min(ri, rj)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in cats:
        joined[find(i)].append(i)
    if all(len(v) == 1 for v in joined.values()):
        return
    drop: set[int] = set()
    for root, parts in joined.items():
        for i in parts:
            if i != root:
                groups[root].claims.extend(groups[i].claims)
                drop.add(i)
    _keep(groups, (g for n, g in enumerate(groups) if n not in drop))


def _keep(groups: list[FactGroup], kept: Iterable[FactGroup]) -> None:
    groups[:] = list(kept)
