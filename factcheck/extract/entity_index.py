"""What the corpus teaches about names, merged: the `EntityIndex` of every document's `NameFacts`.

`merge_facts` unites the facts in document order and derives the rest: "Acme Widget", where Acme and Widget
are both names, is the product Widget owned by Acme; spelling variants ("Halvorsen Group", "Halvorsen") are
merged within blocks of names (`variant_blocks`), a short form names the one longer name that only adds
organisation words to it (`short_forms`), aliases of the rules apply, and each name gets its display form.
`NameState` (name_state.py) derives the same index incrementally from the same pieces.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factcheck.extract.name_matching import key_of, name_words, names_match, variant_pairs
from factcheck.models import NameFacts


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


MAX_BLOCK = 200  # a block of names that large is a common prefix, not variants of one name: never compared


def group_rank(count: dict[str, int]) -> Callable[[str], tuple[int, int, str]]:
    """The commoner, then shorter, then alphabetically first key represents a group of variants."""
    return lambda k: (-count[k], len(k), k)


def variant_blocks(key: str, form: str) -> list[str]:
    """The blocks a name is compared within: its first letters, its initials, an acronym."""
    out = [key[:3]]
    initials = "".join(w[0] for w in name_words(form) if w[0].isupper()).casefold()
    if len(initials) >= 2 and initials != key[:3]:
        out.append("#" + initials)
    if form.isupper():
        out.append("#" + key)
    return out


def short_forms(form: str, org_words: frozenset[str], suffixes: frozenset[str]) -> list[str]:
    """The short forms a name stands for when its last words are organisation words ("Pellworth Foods")."""
    words = name_words(form)
    out = []
    for cut in range(len(words) - 1, 0, -1):
        extra = [w.casefold() for w in words[cut:]]
        if all(w in org_words or w in suffixes for w in extra):
            out.append(key_of(" ".join(words[:cut])))
    return out


def institution(key: str, org_words: frozenset[str], suffixes: frozenset[str]) -> bool:
    """A name that is an organisation word alone ("Party", "Council"): the head of names, no product."""
    return key in org_words or key in suffixes


def merge_facts(
    facts: Iterable[NameFacts], aliases: dict[str, str], suffixes: frozenset[str], org_words: frozenset[str]
) -> EntityIndex:
    """Merge what the documents taught, in document order, into one index (the rules' aliases, organisation
    suffixes and words as `EntityFinder` folds them)."""
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
            # "Labour Party" is no product "Party" of Labour: an organisation word heads the name itself
            if head in index.known and rest in index.known and not institution(rest, org_words, suffixes):
                index.canonical[k] = rest
                index.owner.setdefault(rest, head)
    _merge_variants(index, surfaces, suffixes, org_words)
    for k, v in aliases.items():
        index.canonical[k] = v
    best: dict[str, tuple[int, str]] = {}
    for (k, bare), n in sorted(surfaces.items()):
        ck = index.canon(k)
        if ck == k and (ck not in best or n > best[ck][0] or (n == best[ck][0] == 0 and len(bare) > len(best[ck][1]))):
            best[ck] = (n, bare)
    index.display = {k: v[1] for k, v in best.items()}
    return index


def _merge_variants(
    index: EntityIndex, surfaces: Counter[tuple[str, str]], suffixes: frozenset[str], org_words: frozenset[str]
) -> None:
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
        for b in variant_blocks(k, form[k]):
            blocks[b].append(k)
    parent: dict[str, str] = {}
    rank = group_rank(counts)

    def root(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    # The groups are the connected parts of the graph of matching pairs (each merge keeps the better root,
    # so a group's root is its best member whatever the order of the merges); a pair is tested only when it
    # could match (see variant_pairs), never every pair of a block.
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for i, j in variant_pairs([form[k] for k in members], suffixes):
            a, b = members[i], members[j]
            ra, rb = root(a), root(b)
            if ra != rb and names_match(form[a], form[b], suffixes):
                keep, drop = sorted((ra, rb), key=rank)
                parent[drop] = keep
    # "Pellworth" for "Pellworth Foods": a short form names the one longer name that only adds
    # organisation words to it; with two candidates ("Orsa Motors", "Orsa Telecom") it names neither
    longer: dict[str, set[str]] = defaultdict(set)
    for k in counts:
        for short in short_forms(form[k], org_words, suffixes):
            longer[short].add(k)
    for short, targets in sorted(longer.items()):
        if short in counts and len({root(t) for t in targets}) == 1:
            ra, rb = root(short), root(next(iter(targets)))
            if ra != rb:
                keep, drop = sorted((ra, rb), key=rank)
                parent[drop] = keep
    for k in counts:
        r = root(k)
        if r != k:
            index.canonical[k] = r
