"""The corpus's name knowledge, kept so that a few documents can be added without recomputing the rest.

`EntityFinder.index_from` (entity_index.py) merges every document's NameFacts and derives the EntityIndex from
the whole: the "Acme Widget" pass, spelling variants merged within blocks of names (pairs compared with
`names_match`), short forms ("Pellworth" for "Pellworth Foods"), aliases and display forms. Over a large corpus
that costs seconds, almost all of it in `names_match`. `NameState` holds the merged facts and the intermediate
results (blocks, match edges, components) so that `add` derives the same index after more documents, recomputing
only what the new names touch: a component's root is the best-ranked key of the names connected to it by matches
(the union-find keeps the better root at every union), so only the components a new name joins, splits or
re-ranks change. The short-form pass, which depends on the order of its merges, is replayed in full; it is
cheap.

`NameState.build(facts).index()` and `state.add(more).index()` equal `finder.index_from(facts + more)` with
one difference in order: documents given to `add(..., first=True)` (the drafts) come before the corpus, as in
`factcheck check`, where the drafts are read first. tests/extract/test_names.py compares them on real and synthetic
name facts.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.extract.entity_finder import EntityFinder
from factcheck.extract.entity_index import MAX_BLOCK, EntityIndex, group_rank, institution, short_forms, variant_blocks
from factcheck.extract.name_matching import key_of, names_match
from factcheck.models import NameFacts

STATE_VERSION = 1


def _two_parts(bare: str) -> tuple[str, str] | None:
    parts = bare.split(" ", 1)
    return (key_of(parts[0]), key_of(parts[1])) if len(parts) == 2 else None


@dataclass
class NameState:
    """Merged name facts (in document order) and what the index derives from them. See the module doc."""

    # what the documents taught, merged
    known: set[str] = field(default_factory=set)
    surf: dict[str, dict[str, int]] = field(default_factory=dict)  # key -> {surface: count}
    owner: dict[str, str] = field(default_factory=dict)  # first seen in document order
    creator: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    # the "Acme Widget" pass
    p2: dict[str, str] = field(default_factory=dict)  # key -> the name it stands for ("acmewidget" -> "widget")
    p2first: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # rest -> first (key, surface, head)
    waiting: dict[str, set[str]] = field(default_factory=dict)  # unknown part -> keys with such a two-part surface
    # spelling variants
    count: dict[str, int] = field(default_factory=dict)  # the names compared: key -> count
    form: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, list[str]] = field(default_factory=dict)  # block -> members, sorted (duplicates kept)
    edges: dict[str, set[str]] = field(default_factory=dict)  # names_match between members of a small block
    root: dict[str, str] = field(default_factory=dict)  # key -> the best key of its matched component
    longer: dict[str, set[str]] = field(default_factory=dict)  # short form -> the longer names it may stand for
    # the result
    canonical: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    # -- building ------------------------------------------------------------------------------------
    @classmethod
    def build(cls, facts: Iterable[NameFacts], finder: EntityFinder, reuse: NameState | None = None) -> NameState:
        """The state of a corpus (facts in document order). `reuse`, an earlier state under the same rules,
        answers `names_match` for the pairs it already compared, so a rebuild after a few edits stays cheap."""
        state = cls()
        state.add(list(facts), finder, reuse=reuse)
        return state

    def add(
        self,
        facts: Sequence[NameFacts],
        finder: EntityFinder,
        *,
        first: bool = False,
        counted: Sequence[bool] | None = None,
        reuse: NameState | None = None,
    ) -> NameState:
        """Add documents' facts, in order: after the documents already in (or before them, `first=True`).

        `counted[i]` says that document i is already in the state (a draft inside the corpus): only its place
        in the order changes, which matters for ownership ("Acme's Widget" in two documents naming different
        owners: the first document wins). Mutates and returns self."""
        counted = counted or [False] * len(facts)
        # 1. merge: counts add up, sets unite, the first owner seen wins
        new_known: set[str] = set()
        touched: dict[str, dict[str, int]] = {}  # key -> surfaces added
        early_owner: dict[str, str] = {}
        early_creator: dict[str, str] = {}
        for f, already in zip(facts, counted, strict=True):
            for k in f.known:
                if k not in self.known:
                    new_known.add(k)
            if not already:
                for k, bare, n in f.surfaces:
                    d = touched.setdefault(k, {})
                    d[bare] = d.get(bare, 0) + n
            for k, role in f.roles:
                self.roles.setdefault(k, set()).add(role)
            if first:
                for p, o in f.owner:
                    early_owner.setdefault(p, o)
                for p, c in f.creator:
                    early_creator.setdefault(p, c)
            else:
                for p, o in f.owner:
                    self.owner.setdefault(p, o)
                for p, c in f.creator:
                    self.creator.setdefault(p, c)
        if first:
            self.owner = {**self.owner, **early_owner}
            self.creator = {**self.creator, **early_creator}
        self.known |= new_known
        for k, d in touched.items():
            mine = self.surf.setdefault(k, {})
            for bare, n in d.items():
                mine[bare] = mine.get(bare, 0) + n
        # 2. the "Acme Widget" pass, for the keys whose surfaces or parts changed
        again = set(touched)
        for k in new_known:
            again |= self.waiting.pop(k, set())
        for k in again:
            self._pass2(k, finder)
        # 3. which names are compared, with what count and form
        candidates = again | new_known
        changed_form: set[str] = set()  # added, removed, or written differently
        changed_count: set[str] = set()
        old_form: dict[str, str] = {}
        for k in candidates:
            surfaces = self.surf.get(k)
            is_node = bool(surfaces) and k in self.known and k not in self.p2
            was = k in self.count
            if was:
                old_form[k] = self.form[k]
            if not is_node:
                if was:
                    changed_form.add(k)
                    del self.count[k], self.form[k]
                continue
            assert surfaces is not None
            count, form = sum(surfaces.values()), min(surfaces)
            if not was or self.form[k] != form:
                changed_form.add(k)
            if not was or self.count[k] != count:
                changed_count.add(k)
            self.count[k], self.form[k] = count, form
        # 4. blocks: move the names whose form changed; note the blocks that crossed the size limit
        flipped: set[str] = set()
        for k in changed_form:
            old = variant_blocks(k, old_form[k]) if k in old_form else []
            new = variant_blocks(k, self.form[k]) if k in self.count else []
            for b in old:
                members = self.blocks[b]
                before = len(members)
                members.remove(k)
                if (before <= MAX_BLOCK) != (len(members) <= MAX_BLOCK):
                    flipped.add(b)
                if not members:
                    del self.blocks[b]
            for b in new:
                members = self.blocks.setdefault(b, [])
                before = len(members)
                bisect.insort(members, k)
                if (before <= MAX_BLOCK) != (len(members) <= MAX_BLOCK):
                    flipped.add(b)
        # 5. match edges of the names whose form or blocks changed
        redo = {k for k in changed_form if k in self.count}
        for b in flipped:
            redo.update(self.blocks.get(b, ()))
        gone = {k for k in changed_form if k not in self.count}
        for k in redo | gone:
            for o in self.edges.pop(k, set()):
                if o not in redo and o not in gone:
                    self.edges[o].discard(k)
                    if not self.edges[o]:
                        del self.edges[o]
        match = self._matcher(finder, reuse)
        for k in sorted(redo):
            for b in variant_blocks(k, self.form[k]):
                members = self.blocks[b]
                if len(members) > MAX_BLOCK:
                    continue
                for o in members:
                    if o == k or (o in redo and o < k):  # a pair of two redone names is compared once
                        continue
                    if o in self.edges.get(k, ()):
                        continue
                    if match(min(k, o), max(k, o)):
                        self.edges.setdefault(k, set()).add(o)
                        self.edges.setdefault(o, set()).add(k)
        # 6. components: every old component with a changed name, and whatever the new edges reach
        members_of: dict[str, list[str]] = defaultdict(list)
        for k, r in self.root.items():
            members_of[r].append(k)
        seeds = redo | gone | changed_count
        start: set[str] = set()
        for k in seeds:
            r = self.root.pop(k, None)
            if r is not None:
                start.update(members_of[r])
            if k in self.count:
                start.add(k)
        for k in gone:
            start.discard(k)
            self.root.pop(k, None)
        rank = group_rank(self.count)
        seen: set[str] = set()
        for k in sorted(start):
            if k in seen:
                continue
            comp = [k]
            seen.add(k)
            i = 0
            while i < len(comp):
                for o in self.edges.get(comp[i], ()):
                    if o not in seen:
                        seen.add(o)
                        comp.append(o)
                i += 1
            best = min(comp, key=rank)
            for o in comp:
                self.root[o] = best
        # 7. short forms: the names whose form changed move
        for k in changed_form:
            if k in old_form:
                for short in short_forms(old_form[k], finder.org_words, finder.suffixes):
                    targets = self.longer.get(short)
                    if targets is not None:
                        targets.discard(k)
                        if not targets:
                            del self.longer[short]
            if k in self.count:
                for short in short_forms(self.form[k], finder.org_words, finder.suffixes):
                    self.longer.setdefault(short, set()).add(k)
        self._finish(finder, again | changed_form | changed_count)
        return self

    def _pass2(self, k: str, finder: EntityFinder) -> None:
        """ "Acme Widget", where Acme and Widget are both known names, stands for Widget, owned by Acme (not
        "Labour Party": an organisation word heads the name itself)."""
        value = None
        for bare in sorted(self.surf.get(k, {})):
            parts = _two_parts(bare)
            if parts is None or self.surf[k][bare] == 0:
                continue
            head, rest = parts
            if head in self.known and rest in self.known and not institution(rest, finder.org_words, finder.suffixes):
                value = rest
                first = self.p2first.get(rest)
                if first is None or (k, bare) < first[:2]:
                    self.p2first[rest] = (k, bare, head)
            else:
                for part in (head, rest):
                    if part not in self.known:
                        self.waiting.setdefault(part, set()).add(k)
        if value is None:
            self.p2.pop(k, None)
        else:
            self.p2[k] = value

    def _matcher(self, finder: EntityFinder, reuse: NameState | None) -> Callable[[str, str], bool]:
        """names_match on two keys' forms; with `reuse`, a pair compared there with the same forms is not
        compared again."""
        form, suffixes = self.form, finder.suffixes
        if reuse is None:
            return lambda a, b: names_match(form[a], form[b], suffixes)
        old_form, old_edges, old_blocks = reuse.form, reuse.edges, reuse.blocks

        def compared(a: str, b: str) -> bool:
            for blk in variant_blocks(a, old_form[a]):
                members = old_blocks.get(blk, ())
                if len(members) <= MAX_BLOCK:
                    i = bisect.bisect_left(members, b)
                    if i < len(members) and members[i] == b:
                        return True
            return False

        def match(a: str, b: str) -> bool:
            fa, fb = form[a], form[b]
            if old_form.get(a) == fa and old_form.get(b) == fb and compared(a, b):
                return b in old_edges.get(a, ())
            return names_match(fa, fb, suffixes)

        return match

    def _finish(self, finder: EntityFinder, touched: set[str]) -> None:
        """Replay the short-form merges over the components, then the canonical names and display forms."""
        up: dict[str, str] = {}
        rank = group_rank(self.count)

        def find(k: str) -> str:
            r = self.root[k]
            while r in up:
                r = up[r]
            return r

        for short, targets in sorted(self.longer.items()):
            if short in self.count:
                roots = {find(t) for t in targets}
                if len(roots) == 1:
                    ra, rb = find(short), roots.pop()
                    if ra != rb:
                        keep, drop = sorted((ra, rb), key=rank)
                        up[drop] = keep
        old = self.canonical
        canonical = dict(self.p2)
        for k in self.count:
            r = find(k)
            if r != k:
                canonical[k] = r
        canonical.update(finder.aliases)
        self.canonical = canonical
        # display forms of the keys whose surfaces changed, or that became or stopped being their own name
        redo = set(touched)
        for k in old.keys() | canonical.keys():
            if (old.get(k, k) == k) != (canonical.get(k, k) == k):
                redo.add(k)
        for k in redo:
            surfaces = self.surf.get(k)
            if not surfaces or canonical.get(k, k) != k:
                self.display.pop(k, None)
                continue
            best: tuple[int, str] | None = None
            for bare in sorted(surfaces):
                n = surfaces[bare]
                if best is None or n > best[0] or (n == best[0] == 0 and len(bare) > len(best[1])):
                    best = (n, bare)
            assert best is not None
            self.display[k] = best[1]

    # -- the index -----------------------------------------------------------------------------------
    def index(self) -> EntityIndex:
        """The EntityIndex `index_from` would build from the same facts."""
        owner = dict(self.owner)
        for rest, (_k, _bare, head) in self.p2first.items():
            owner.setdefault(rest, head)
        roles: defaultdict[str, set[str]] = defaultdict(set)
        for k, rs in self.roles.items():
            roles[k] = set(rs)
        return EntityIndex(
            display=dict(self.display),
            owner=owner,
            roles=roles,
            creator=dict(self.creator),
            known=set(self.known),
            canonical=dict(self.canonical),
        )

    # -- storage -------------------------------------------------------------------------------------
    def dumps(self) -> str:
        data = {
            "version": STATE_VERSION,
            "known": sorted(self.known),
            "surf": self.surf,
            "owner": self.owner,
            "creator": self.creator,
            "roles": {k: sorted(v) for k, v in self.roles.items()},
            "p2": self.p2,
            "p2first": self.p2first,
            "waiting": {k: sorted(v) for k, v in self.waiting.items()},
            "count": self.count,
            "form": self.form,
            "blocks": self.blocks,
            "edges": {k: sorted(v) for k, v in self.edges.items()},
            "root": self.root,
            "longer": {k: sorted(v) for k, v in self.longer.items()},
            "canonical": self.canonical,
            "display": self.display,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> NameState:
        """A stored state; ValueError (or KeyError, TypeError) when it is not one of this version."""
        d = json.loads(text)
        if d.get("version") != STATE_VERSION:
            raise ValueError("name state of another version")
        return cls(
            known=set(d["known"]),
            surf=d["surf"],
            owner=d["owner"],
            creator=d["creator"],
            roles={k: set(v) for k, v in d["roles"].items()},
            p2=d["p2"],
            p2first={k: tuple(v) for k, v in d["p2first"].items()},  # type: ignore[misc]
            waiting={k: set(v) for k, v in d["waiting"].items()},
            count=d["count"],
            form=d["form"],
            blocks=d["blocks"],
            edges={k: set(v) for k, v in d["edges"].items()},
            root=d["root"],
            longer={k: set(v) for k, v in d["longer"].items()},
            canonical=d["canonical"],
            display=d["display"],
        )
