"""What a process that checks often (the language server) keeps between checks of one corpus.

A warm `check` (factcheck/gate/index.py) spends most of its time listing the corpus, validating it against the
claim cache and reading the extractions of the documents a draft can meet. A resident process passes a
`WarmState` to `index.check`, which then keeps:

- the corpus's listing and validation, until `forget_corpus()` (a corpus file was saved or changed) or until
  they are `max_age` seconds old, whichever comes first: a file changed behind the process's back is seen
  within `max_age`;
- the digest of the rule files, taken once when the rules were loaded (the loaded rules are what is used, so a
  rule file edited on disk does not change the keys before it is loaded again);
- the last corpus extractions read from the claim cache (at most `max_extracts`, least recently used first
  out);
- the extractions of the last drafts held in memory (an editor's unsaved text), which are never written to the
  claim cache: a draft changes with every keystroke;
- the corpus's merged name knowledge (`NameState`), pickled: each check adds its drafts' names to a copy, and
  unpickling a copy is several times faster than reading the stored snapshot's JSON.

Beside it, how a draft held in memory is read: `memory_entry`, `memory_document`, `extract_in_memory`.
Nothing here reads or writes files; nothing prints.
"""

from __future__ import annotations

import os
import pickle
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.extract.name_state import NameState
from factcheck.gate.cache_keys import prefix_digest, ruleset_digest
from factcheck.gate.listing import Entry
from factcheck.gate.validate import Listed
from factcheck.load import MAX_BYTES, InputError, is_html, parse_document, strip_html
from factcheck.models import Document, DocumentExtract
from factcheck.ruleset.rule_set import RuleSet

Extracts = dict[str, DocumentExtract]

LISTING_MAX_AGE = 30.0  # seconds a corpus listing is trusted without an event saying that the corpus changed
MAX_EXTRACTS = 2048  # corpus extractions kept in memory
MAX_DRAFTS = 16  # in-memory drafts' extractions kept


@dataclass
class CorpusListing:
    """The corpus as listed and validated against the claim cache, and when."""

    paths: tuple[str, ...]  # the corpus paths it was listed from
    entries: list[Entry]
    errors: list[str]  # listing errors and read errors of files named as corpus
    warnings: list[str]
    validated: list[Listed]
    at: float  # time.monotonic() when listed


class WarmState:
    """See the module doc. One per rule set: a new rule set needs a new WarmState."""

    def __init__(self, ruleset: RuleSet, max_age: float = LISTING_MAX_AGE, max_extracts: int = MAX_EXTRACTS) -> None:
        self.ruleset = ruleset
        self._prefix = prefix_digest(ruleset_digest(ruleset))
        self.max_age = max_age
        self.max_extracts = max_extracts
        self._listing: CorpusListing | None = None
        self._extracts: OrderedDict[str, DocumentExtract] = OrderedDict()
        self._drafts: OrderedDict[str, DocumentExtract] = OrderedDict()
        self._names: tuple[str, bytes] | None = None  # (snapshot id, the pickled NameState)
        self.listings = 0  # how often the corpus was listed (for tests and the benchmark)

    def prefix(self) -> Any:
        """The part of every cache key these rules share (a hash object: copy before updating)."""
        return self._prefix

    # -- the corpus ----------------------------------------------------------------------------------------
    def listing(self, corpus_paths: Sequence[str]) -> CorpusListing | None:
        """The listing of these corpus paths, if it is fresh."""
        known = self._listing
        if known is None or known.paths != tuple(corpus_paths) or time.monotonic() - known.at > self.max_age:
            return None
        return known

    def remember_listing(self, listing: CorpusListing) -> None:
        self._listing = listing
        self.listings += 1

    def forget_corpus(self) -> None:
        """A corpus file changed: list and validate the corpus again at the next check."""
        self._listing = None

    # -- the corpus's name knowledge ---------------------------------------------------------------------
    def has_names(self, sid: str) -> bool:
        return self._names is not None and self._names[0] == sid

    def names(self, sid: str) -> NameState | None:
        """A copy of the name knowledge of the corpus whose keys digest to `sid`, if it is kept."""
        if self._names is None or self._names[0] != sid:
            return None
        return pickle.loads(self._names[1])

    def remember_names(self, sid: str, state: NameState) -> None:
        """Keep the corpus's name knowledge (before any draft's names are added to it)."""
        self._names = (sid, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))

    # -- extractions -----------------------------------------------------------------------------------
    def load(self, keys: list[str], load: Callable[[list[str]], Extracts]) -> Extracts:
        """The corpus extractions of these keys: those kept here, the rest from `load` (then kept)."""
        out: dict[str, DocumentExtract] = {}
        wanted = []
        for k in keys:
            e = self._extracts.get(k)
            if e is None:
                wanted.append(k)
            else:
                self._extracts.move_to_end(k)
                out[k] = e
        if wanted:
            found = load(wanted)
            out |= found
            self._extracts.update(found)
            while len(self._extracts) > self.max_extracts:
                self._extracts.popitem(last=False)
        return out

    def draft(self, key: str) -> DocumentExtract | None:
        """The extraction of an in-memory draft with this key, if it was made lately."""
        e = self._drafts.get(key)
        if e is not None:
            self._drafts.move_to_end(key)
        return e

    def remember_draft(self, key: str, extract: DocumentExtract) -> None:
        self._drafts[key] = extract
        while len(self._drafts) > MAX_DRAFTS:
            self._drafts.popitem(last=False)


# -- drafts held in memory ------------------------------------------------------------------------------


def memory_entry(path: Path) -> Entry:
    """A draft held in memory, as the listing would give its file (which need not exist)."""
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):
        resolved = os.path.abspath(path)
    return Entry(str(path), True, resolved)


def memory_document(path: str, text: str, ruleset: RuleSet) -> Document:
    """A draft's text -> a Document, as `read_document` reads its file once decoded; InputError over the size
    limit of one article."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size} bytes is over the {MAX_BYTES} byte limit for one article, skipped")
    if is_html(Path(path), text):
        text = strip_html(text)
    return parse_document(path, text, ruleset.boilerplate)


def extract_in_memory(
    wanted: Sequence[tuple[str, str]],
    memory: Mapping[str, Document],
    path_of: Mapping[str, str],
    ruleset: RuleSet,
    warm: WarmState | None,
) -> dict[str, DocumentExtract]:
    """The extractions of in-memory drafts ((key, document id) pairs), in this process; from `warm` when it made
    them lately. Nothing is written to the claim cache."""
    out: dict[str, DocumentExtract] = {}
    todo: list[tuple[str, Document]] = []
    for key, doc_id in wanted:
        kept = warm.draft(key) if warm is not None else None
        if kept is not None:
            out[key] = kept
            continue
        doc = memory[path_of[key]]
        todo.append((key, doc if doc.id == doc_id else doc.model_copy(update={"id": doc_id})))
    if todo:
        from factcheck.extract import extract_many

        for (key, _), extract in zip(todo, extract_many([d for _, d in todo], ruleset, 1), strict=True):
            out[key] = extract
            if warm is not None:
                warm.remember_draft(key, extract)
    return out
