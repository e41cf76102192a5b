"""The corpus's merged name knowledge (variants, owners, roles), kept in the claim cache.

The warm check analyses a few documents with the whole corpus's name index. The merged knowledge of a corpus
is stored as a snapshot under the digest of its documents' keys; when the corpus changes, it is merged from the
latest snapshot where that gives the same result, else rebuilt (factcheck/extract/name_state.py).
"""

from __future__ import annotations

import json
import time
from types import SimpleNamespace
from typing import Any

from factcheck.extract import EntityFinder
from factcheck.extract.name_state import NameState
from factcheck.gate.cache import REFRESH_AFTER, ClaimCache
from factcheck.models import NameFacts


def _facts(names_json: str) -> SimpleNamespace:
    d = json.loads(names_json)
    return SimpleNamespace(
        known=d["known"],
        surfaces=[tuple(s) for s in d["surfaces"]],
        owner=[tuple(s) for s in d["owner"]],
        creator=[tuple(s) for s in d["creator"]],
        roles=[tuple(s) for s in d["roles"]],
    )


def _names_of(keys: list[str], fresh: dict[str, NameFacts], cache: ClaimCache, finder: EntityFinder) -> NameState:
    """The merged name knowledge of a corpus (its documents' keys, in order) the cache has no snapshot of.
    From the latest snapshot when the corpus only gained documents whose ownership statements ("Acme's
    Widget") cannot change who was seen first; else rebuilt, comparing only the names the latest snapshot
    did not compare."""
    latest = cache.latest_snapshot()
    old: NameState | None = None
    if latest is not None:
        try:
            old = NameState.loads(latest[0])
        except (ValueError, KeyError, TypeError):
            old = None

    def facts_of(wanted: list[str]) -> list[Any]:
        stored = cache.names([k for k in wanted if k not in fresh])
        return [fresh[k] if k in fresh else _facts(stored[k]) for k in wanted]

    if old is not None and latest is not None:
        before = latest[1]
        kept = set(before)
        it = iter(keys)
        if set(keys) >= kept and all(k in it for k in before):  # the old documents, in their order, and more
            added = [k for k in keys if k not in kept]
            facts = facts_of(added)
            at_end = keys[: len(before)] == before
            owned = {p for f in facts for p, _ in [*f.owner, *f.creator]}
            if at_end or not owned & (old.owner.keys() | old.creator.keys()):
                return old.add(facts, finder)
    return NameState.build(facts_of(keys), finder, reuse=old)


def corpus_name_state(
    snap: tuple[str, float] | None,
    sid: str,
    keys: list[str],
    paths: list[str],
    fresh: dict[str, NameFacts],
    cache: ClaimCache,
    finder: EntityFinder,
) -> NameState:
    """The name knowledge of a corpus (its documents' keys and paths, in order; `sid` the digest of the keys):
    the stored snapshot `snap`, else merged or rebuilt (`fresh`: the name facts of documents just extracted)
    and stored. The corpus's rows are marked used."""
    state = None
    if snap is not None:
        try:
            state = NameState.loads(snap[0])
        except (ValueError, KeyError, TypeError):
            state = None
        if state is not None and snap[1] < time.time() - REFRESH_AFTER:
            cache.mark_used(sid, keys, paths)
    if state is None:
        state = _names_of(keys, fresh, cache, finder)
        cache.put_snapshot(sid, state.dumps(), keys)
        cache.mark_used(sid, keys, paths)
    return state
