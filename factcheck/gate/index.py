"""`factcheck check` against a cached corpus, reading only the documents a draft's claims can meet.

A draft's findings come from the facts its claims join, and a claim joins only facts that share a blocking key
with it (factcheck/align.py): numbers by subject, dates by the names in them, superlatives by subject and its
owner; a superlative's fact also looks at the evidence sentences that name its parties and at the uniqueness
claims of other sources with a similar object (a rival). The rest of the corpus matters only through its name
knowledge (variants, owners, roles), which is kept merged in the cache (factcheck/extract/name_state.py), and through
document ids. So a check:

1. lists the corpus and validates it against the cache without reading it: a file whose (size, mtime, ctime,
   inode) is what was recorded, longer ago than the file system's clock can blur, keeps its recorded text
   digest (git's index works the same way); other files are read and hashed;
2. extracts what the cache lacks (all of it, the first time) and takes the corpus's merged name knowledge
   from the cache (rebuilt when the corpus changed), then adds the drafts' names to it;
3. looks up, by name key, the documents with a claim in one of the drafts' blocks (for superlatives: the
   subjects connected by ownership to the drafts', then their evidence sentences and rivals);
4. analyses the drafts and those documents, in corpus order, with the whole corpus's name index.

The drafts come first, as in a full run, so every fact a draft's claim starts or joins is formed from the same
claims in the same order, and its findings are those of the full analysis (tests/test_check_index.py compares
them on several corpora).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from rapidfuzz import fuzz, utils

from factcheck.extract import EntityFinder, EntityIndex
from factcheck.extract.entity_finder import CREATOR_REF
from factcheck.extract.name_state import NameState
from factcheck.gate.cache import (
    DATE,
    EVENT,
    EVIDENCE,
    QUANTITY,
    REFRESH_AFTER,
    SUPERLATIVE,
    UNIQUE,
    ClaimCache,
    key_of,
    prefix_digest,
    ruleset_digest,
    text_digest,
)
from factcheck.load import ARTICLE_SUFFIXES, InputError, LoadResult, collect, document_id, read_document
from factcheck.models import Claim, Document, DocumentExtract, NameFacts, Report
from factcheck.ruleset.rule_set import RuleSet

RACY_NS = 2_000_000_000  # a file changed this close to when it was recorded may hide a later change: re-hash it
RIVAL_SIMILARITY = 85  # compare._rival: object and scope at least this similar

ProgressFactory = Callable[[int], AbstractContextManager[Callable[[int], None]]]


@dataclass(slots=True)
class Entry:
    """A file to read: its path as documents show it, whether it was named, and what os.stat says."""

    path: str
    named: bool
    resolved: str
    st: os.stat_result | None = None


@dataclass
class IndexedCheck:
    """What `check` needs: the load messages, the drafts and the documents read, and the phase timings."""

    loaded: LoadResult  # errors and warnings as `load` reports them; documents: the drafts
    report: Report  # the analysis of the drafts and the documents they can meet
    documents: int  # documents in all (drafts and corpus)
    selected: int  # corpus documents analysed with the drafts
    extracted: int  # documents extracted in this run (not in the cache)
    timings: dict[str, float] = field(default_factory=dict)


class _Clock:
    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.t
        self.t = now


# -- listing -----------------------------------------------------------------------------------------------


class _Unusual(Exception):
    """Something `load.collect` reports on (or resolves through): let it do the listing."""


def _suffix(name: str) -> str:
    """PurePath.suffix of a file name, without building a path."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _walk(base: str, real: str, out: list[Entry]) -> None:
    """The article files under `base` (its resolved path: `real`), as load.collect's walk finds them, without
    resolving each: a tree with a symbolic link or a special file is left to it."""
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    prefix = "" if base == "." else base if base.endswith("/") else base + "/"
    real = real.rstrip("/")
    for e in entries:
        name = e.name
        if name.startswith("."):
            continue
        if e.is_symlink():
            raise _Unusual
        st = e.stat()
        if stat.S_ISDIR(st.st_mode):
            _walk(prefix + name, real + "/" + name, out)
        elif _suffix(name).lower() not in ARTICLE_SUFFIXES:
            continue
        elif stat.S_ISREG(st.st_mode):
            out.append(Entry(prefix + name, False, real + "/" + name, st))
        else:
            raise _Unusual


def _collect_fast(paths: Sequence[str]) -> tuple[list[Entry], list[str], list[str]]:
    """`load.collect` for plain folders and files, without resolving every file: the same files in the same
    order, with their stat. Anything unusual (a symbolic link, a missing path, a special file, an empty
    folder) goes to `load.collect`, which words the messages."""
    if os.name != "posix":
        raise _Unusual
    found: list[Entry] = []
    for raw in paths:
        p = Path(raw)
        st = os.stat(p)
        if p.is_symlink():
            raise _Unusual
        if stat.S_ISDIR(st.st_mode):
            files: list[Entry] = []
            _walk(str(p), os.path.realpath(p), files)
            if not files:
                raise _Unusual
            found.extend(files)  # sorted names, depth first: the order of `sorted(paths)` in load.collect
        elif stat.S_ISREG(st.st_mode):
            found.append(Entry(str(p), True, str(p.resolve()), st))
        else:
            raise _Unusual
    seen: set[str] = set()
    unique = []
    for e in found:
        if e.resolved not in seen:
            seen.add(e.resolved)
            unique.append(e)
    return unique, [], []


def list_files(paths: Sequence[str]) -> tuple[list[Entry], list[str], list[str]]:
    """`load.collect(paths)` as entries: (files, errors, warnings)."""
    try:
        return _collect_fast(paths)
    except (_Unusual, OSError, RuntimeError):
        pass
    entries, errors, warnings = collect(paths)
    out = []
    for f, named in entries:
        try:
            resolved = str(f.resolve())
        except (OSError, RuntimeError):
            resolved = str(f.absolute())
        out.append(Entry(str(f), named, resolved))
    return out, errors, warnings


def _stem(path: str) -> str:
    """load.document_id without building a path: the file name's stem."""
    name = os.path.basename(path)
    i = name.rfind(".")
    return (name[:i] if 0 < i < len(name) - 1 else name) or name


def document_ids(paths: Sequence[str]) -> list[str]:
    """The ids `load` then `gate.index` give documents read from these paths (file stems; clashing stems get
    their path)."""
    from factcheck.gate.select import display_path

    ids = [_stem(p) if os.name == "posix" else document_id(p) for p in paths]
    counts: dict[str, int] = defaultdict(int)
    for i in ids:
        counts[i] += 1
    if all(n == 1 for n in counts.values()):
        return ids
    ids = [
        str(Path(p).with_suffix("")).replace("\\", "/") if counts[i] > 1 else i for i, p in zip(ids, paths, strict=True)
    ]
    counts = defaultdict(int)
    for i in ids:
        counts[i] += 1
    out = []
    for i, p in zip(ids, paths, strict=True):
        if counts[i] > 1:
            dp = Path(display_path(p))
            i = dp.with_suffix("").as_posix() if dp.suffix else dp.as_posix()
        out.append(i)
    return out


# -- the name keys a claim is blocked by ------------------------------------------------------------------


class Keys:
    """A claim's blocking keys under the corpus's name index, and the reverse: which raw keys (as stored in the
    cache's terms) have a given blocking key."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self._inverse: dict[str, list[str]] | None = None
        self._inverse_plain: dict[str, list[str]] | None = None

    def resolve(self, raw: str | None) -> str | None:
        """extract.corpus.resolve_names: a creator reference through the owners, anything else canonical."""
        if raw and raw.startswith(CREATOR_REF):
            return self.index.owner_of(raw[len(CREATOR_REF) :])
        return self.index.canon(raw)

    def subject(self, raw: str | None) -> str | None:
        """The key a number or superlative is blocked by (align: canon of the resolved subject)."""
        return self.index.canon(self.resolve(raw))

    def entity(self, raw: str) -> str | None:
        """A name in a date (align_dates: canon of the resolved entity)."""
        return self.index.canon(self.resolve(raw) or raw)

    def plain(self, raw: str) -> str | None:
        """A name in an evidence sentence (EvidenceIndex: canon of the raw key)."""
        return self.index.canon(raw)

    def raw_for(self, targets: set[str], how: Callable[[str], str | None], plain: bool = False) -> set[str]:
        """The raw keys r (not creator references) with how(r) in targets."""
        if plain:
            if self._inverse_plain is None:
                self._inverse_plain = defaultdict(list)
                for r, c in self.index.canonical.items():
                    self._inverse_plain[c].append(r)
            inverse = self._inverse_plain
        else:
            if self._inverse is None:
                self._inverse = defaultdict(list)
                for r in self.index.canonical:
                    t = self.subject(r)
                    if t is not None:
                        self._inverse[t].append(r)
            inverse = self._inverse
        out = set()
        for t in targets:
            for r in (t, *inverse.get(t, ())):
                if how(r) in targets:
                    out.add(r)
        return out


# -- the check -----------------------------------------------------------------------------------------------


def _facts(names_json: str) -> SimpleNamespace:
    d = json.loads(names_json)
    return SimpleNamespace(
        known=d["known"],
        surfaces=[tuple(s) for s in d["surfaces"]],
        owner=[tuple(s) for s in d["owner"]],
        creator=[tuple(s) for s in d["creator"]],
        roles=[tuple(s) for s in d["roles"]],
    )


def check(
    draft_files: Sequence[Path],
    corpus_paths: Sequence[str],
    ruleset: RuleSet,
    cache: ClaimCache,
    jobs: int | None = None,
    progress: ProgressFactory | None = None,
) -> IndexedCheck:
    """The drafts against the corpus, reading from the cache only what the drafts can meet."""
    clock = _Clock()
    loaded = LoadResult()
    # 1. the files: the drafts first, then the corpus (a draft inside the corpus is read once, as a draft)
    drafts, d_errors, d_warnings = list_files([str(p) for p in draft_files])
    listed, c_errors, c_warnings = list_files(list(corpus_paths))
    loaded.errors += d_errors + c_errors
    loaded.warnings += d_warnings + c_warnings
    clock.lap("list")

    # 2. read the drafts; validate the corpus against what the cache saw last, without reading it
    prefix = prefix_digest(ruleset_digest(ruleset))
    docs_read: dict[str, Document] = {}
    draft_ok: list[tuple[Entry, str]] = []
    for e in drafts:
        try:
            doc = read_document(Path(e.path), ruleset.boilerplate)
        except InputError as exc:
            loaded.errors.append(str(exc))
            continue
        loaded.warnings.extend(doc.warnings)
        docs_read[e.path] = doc
        draft_ok.append((e, text_digest(doc.text, doc.warnings)))
    validated = _validated(listed, corpus_paths, prefix, ruleset, cache, docs_read, loaded.errors)
    draft_set = {e.resolved for e in drafts}
    for c in validated:
        if c.entry.resolved not in draft_set:
            loaded.warnings.extend(c.warnings)
    corpus = [c for c in validated if c.ok]
    # ids: the corpus's as listed, the drafts' their stems; unless a draft's stem clashes with the corpus's or
    # a draft inside the corpus is named by another path: then as `load` gives them, over everything
    listed_at = {c.entry.resolved: c for c in corpus}
    outside = [(e, d) for e, d in draft_ok if e.resolved not in listed_at]
    stems = [_stem(e.path) if os.name == "posix" else document_id(e.path) for e, _ in outside]
    plain = all(listed_at[e.resolved].entry.path == e.path for e, _ in draft_ok if e.resolved in listed_at)
    if plain and len(set(stems)) == len(stems) and not _corpus_names(corpus).intersection(stems):
        out_keys = {e.resolved: key_of(prefix, i, e.path, d) for i, (e, d) in zip(stems, outside, strict=True)}
        draft_keys = [
            listed_at[e.resolved].key if e.resolved in listed_at else out_keys[e.resolved] for e, _ in draft_ok
        ]
        state_keys = [c.key for c in corpus]
    else:
        rest = [c for c in corpus if c.entry.resolved not in draft_set]
        run = [(e.resolved, e.path, d) for e, d in draft_ok] + [
            (c.entry.resolved, c.entry.path, c.digest) for c in rest
        ]
        ids = document_ids([p for _, p, _ in run])
        again = {r: key_of(prefix, i, p, d) for i, (r, p, d) in zip(ids, run, strict=True)}
        draft_keys = [again[e.resolved] for e, _ in draft_ok]
        state_keys = [again[c.entry.resolved] for c in corpus]
        for c in rest:
            c.key = again[c.entry.resolved]
    corpus_keys = [c.key for c in corpus if c.entry.resolved not in draft_set]
    keys = draft_keys + corpus_keys
    paths = [e.path for e, _ in draft_ok] + [c.entry.path for c in corpus if c.entry.resolved not in draft_set]
    path_of = dict(zip(keys, paths, strict=True))
    ids_of: dict[str, str] = {}

    def id_of(k: str) -> str:  # needed only to extract something: computed then
        if not ids_of:
            ids_of.update(zip(keys, document_ids(paths), strict=True))
        return ids_of[k]

    counted = set(state_keys)
    sid = hashlib.sha256("\n".join(state_keys).encode()).hexdigest()
    snap = cache.snapshot(sid)
    clock.lap("validate")

    # 3. extract what the cache lacks
    stored = set(state_keys) if snap is not None else cache.present(state_keys)
    found = cache.load(draft_keys)
    for k in draft_keys:
        doc = docs_read.get(path_of[k])
        kept = found[k].document if k in found else None
        if kept is not None and (doc is None or (kept.path, kept.text) != (doc.path, doc.text)):
            del found[k]  # a row that does not hold this very document
    missing = list(
        dict.fromkeys([k for k in state_keys if k not in stored] + [k for k in draft_keys if k not in found])
    )
    fresh, fresh_names = _extract(missing, docs_read, path_of, id_of, ruleset, cache, jobs, progress, set(draft_keys))
    draft_extracts = [fresh.get(k) or found[k] for k in draft_keys]
    clock.lap("extract")

    def load(wanted: list[str]) -> dict[str, DocumentExtract]:
        out = cache.load(wanted)  # what was just extracted is stored already
        lost = [k for k in wanted if k not in out]  # a row that no longer validates: extract it again
        out |= _extract(lost, docs_read, path_of, id_of, ruleset, cache, 1, None)[0]
        return out

    # 4. the corpus's name knowledge, plus the drafts'
    finder = EntityFinder(ruleset.entities)
    state = None
    if snap is not None:
        try:
            state = NameState.loads(snap[0])
        except (ValueError, KeyError, TypeError):
            state = None
        if state is not None and snap[1] < time.time() - REFRESH_AFTER:
            cache.mark_used(sid, state_keys, [c.entry.path for c in corpus])
    if state is None:
        state = _names_of(state_keys, fresh_names, cache, finder)
        cache.put_snapshot(sid, state.dumps(), state_keys)
        cache.mark_used(sid, state_keys, [c.entry.path for c in corpus])
    clock.lap("names")
    state.add([e.names for e in draft_extracts], finder, first=True, counted=[k in counted for k in draft_keys])
    index = state.index()

    # 5. the documents the drafts can meet, analysed with the drafts in corpus order
    chosen = select(draft_extracts, index, ruleset, cache, set(corpus_keys), load)
    clock.lap("select")
    position = {k: i for i, k in enumerate(corpus_keys)}
    wanted = sorted(chosen, key=position.__getitem__)
    report = analyse_with_index([*draft_extracts, *(chosen[k] for k in wanted)], ruleset, index, finder)
    loaded.documents = [e.document for e in draft_extracts]
    clock.lap("analyse")
    cache.commit()
    return IndexedCheck(
        loaded=loaded,
        report=report,
        documents=len(keys),
        selected=len(wanted),
        extracted=len(fresh_names),
        timings=clock.laps,
    )


@dataclass(slots=True)
class Listed:
    """A corpus file that loads: its entry, text digest, load warnings and key (ids from the corpus alone)."""

    entry: Entry
    digest: str
    warnings: list[str]
    key: str = ""
    id: str = ""
    ok: bool = True  # False: a file found in a folder that cannot be read (its warning says why)


def _corpus_names(corpus: list[Listed]) -> set[str]:
    """The stems and ids of the corpus's documents: a draft whose stem is one of them changes ids. An id
    without a slash is its file's stem (a path-based id has one, but for a file in the working folder)."""
    out = {c.id for c in corpus}
    out.update(_stem(c.entry.path) if os.name == "posix" else document_id(c.entry.path) for c in corpus if "/" in c.id)
    return out


def _listing_digest(prefix: str, corpus_paths: Sequence[str], listed: list[Entry]) -> str | None:
    """What the validation of a corpus depends on: the rules and code, the paths given, and each file's path
    and stat. None when a stat is missing."""
    h = hashlib.sha256(prefix.encode())
    h.update("\0".join(corpus_paths).encode("utf-8", "surrogatepass") + b"\n")
    for e in listed:
        st = e.st
        if st is None:
            return None
        line = f"{e.path}\0{e.resolved}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n"
        h.update(line.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _validated(
    listed: list[Entry],
    corpus_paths: Sequence[str],
    prefix: Any,
    ruleset: RuleSet,
    cache: ClaimCache,
    docs_read: dict[str, Document],
    errors: list[str],
) -> list[Listed]:
    """The corpus files that load, with their digests and keys. When every file has the path and stat it had
    when all of them were last trusted, the keys recorded then are taken as they are; otherwise each file is
    validated (`_validate`) and, if all are trusted, the listing is recorded."""
    listing = _listing_digest(prefix.hexdigest(), corpus_paths, listed)
    known = cache.listing(listing) if listing is not None else None
    if known is not None and len(known[0]) == len(listed):
        keys, ids, warnings = known
        return [
            Listed(e, "", warnings.get(str(i), []), k, doc_id)
            for i, (e, k, doc_id) in enumerate(zip(listed, keys, ids, strict=True))
        ]
    out, trusted = _validate(listed, cache, ruleset, docs_read, errors)
    ids = document_ids([c.entry.path for c in out if c.ok])
    for c, doc_id in zip([c for c in out if c.ok], ids, strict=True):
        c.id = doc_id
        c.key = key_of(prefix, doc_id, c.entry.path, c.digest)
    if listing is not None and trusted and len(out) == len(listed):
        warnings = {str(i): c.warnings for i, c in enumerate(out) if c.warnings}
        cache.put_listing(listing, [c.key for c in out], ids, warnings)
    return out


def _validate(
    corpus: list[Entry], cache: ClaimCache, ruleset: RuleSet, docs_read: dict[str, Document], errors: list[str]
) -> tuple[list[Listed], bool]:
    """Each corpus file's text digest: the recorded one where the file's stat is what was recorded (and was
    recorded long enough after the file changed), else read and hashed (and recorded). Returns the files that
    load and whether every one was trusted; read errors of files named on the command line go to `errors`,
    those of files found in folders are warnings of the file."""
    seen = cache.files()
    now = time.time_ns()
    records: list[tuple[str, int, int, int, int, str, str, int]] = []
    ok: list[Listed] = []
    trusted = True
    for e in corpus:
        st = e.st
        if st is None:
            try:
                st = os.stat(e.path)
            except OSError:
                st = None
        row = seen.get(e.path) if st is not None else None
        if (
            row is not None
            and st is not None
            and row[:4] == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            and row[6] > max(st.st_mtime_ns, st.st_ctime_ns) + RACY_NS
        ):
            ok.append(Listed(e, row[4], json.loads(row[5]) if row[5] != "[]" else []))
            continue
        trusted = False
        doc = docs_read.get(e.path)
        if doc is None:
            try:
                doc = read_document(Path(e.path), ruleset.boilerplate)
            except InputError as exc:
                if e.named:
                    errors.append(str(exc))
                else:
                    ok.append(Listed(e, "", [str(exc)], ok=False))  # its warning, in its place
                continue
        digest = text_digest(doc.text, doc.warnings)
        docs_read[e.path] = doc
        ok.append(Listed(e, digest, list(doc.warnings)))
        if st is not None:
            stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            records.append((e.path, *stamp, digest, json.dumps(doc.warnings), now))
    cache.put_files(records)
    return ok, trusted


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


def _with_id(doc: Document, doc_id: str) -> Document:
    return doc if doc.id == doc_id else doc.model_copy(update={"id": doc_id})


EXTRACT_BATCH = 2000  # documents extracted, stored and let go at a time: a cold corpus never sits in memory whole


def _extract(
    keys: list[str],
    docs_read: dict[str, Document],
    path_of: dict[str, str],
    id_of: Callable[[str], str],
    ruleset: RuleSet,
    cache: ClaimCache,
    jobs: int | None,
    progress: ProgressFactory | None,
    keep: set[str] | None = None,
) -> tuple[dict[str, DocumentExtract], dict[str, NameFacts]]:
    """Extract these documents (read again where the listing trusted the cache) and store them. Returns the
    extractions of the keys in `keep` (all if None) and every document's name facts."""
    if not keys:
        return {}, {}
    from factcheck.extract import extract_many

    out: dict[str, DocumentExtract] = {}
    names: dict[str, NameFacts] = {}
    with progress(len(keys)) if progress is not None else nullcontext(None) as step:
        for i in range(0, len(keys), EXTRACT_BATCH):
            batch = keys[i : i + EXTRACT_BATCH]
            docs = []
            for k in batch:
                doc = docs_read.pop(path_of[k], None) or read_document(Path(path_of[k]), ruleset.boilerplate)
                docs.append(_with_id(doc, id_of(k)))
            for k, extract in zip(batch, extract_many(docs, ruleset, jobs, step), strict=True):
                cache.put(k, extract)
                cache.misses += 1
                names[k] = extract.names
                if keep is None or k in keep:
                    out[k] = extract
    return out, names


def select(
    drafts: Sequence[DocumentExtract],
    index: EntityIndex,
    ruleset: RuleSet,
    cache: ClaimCache,
    corpus: set[str],
    load: Callable[[list[str]], dict[str, DocumentExtract]],
) -> dict[str, DocumentExtract]:
    """The corpus documents (key -> extraction) whose claims can meet the drafts' in a fact, or whose evidence
    sentences or rival claims can be cited beside a draft's superlative. Each keeps only those claims: the
    others can form facts of their own, never join a draft's."""
    keys = Keys(index)
    want_q: set[str] = set()
    want_d: set[str] = set()
    events: set[str] = set()
    superlatives: list[Claim] = []
    for e in drafts:
        for c in e.claims:
            if c.kind == "quantity":
                if c.subject is not None and (k := keys.subject(c.subject)) is not None:
                    want_q.add(k)
            elif c.kind == "date":
                if not c.teaser:
                    want_d.update(k for x in c.entities if (k := keys.entity(x)) is not None)
                    events.update((c.event or "").split("|"))
            else:
                superlatives.append(c)
    owned = _closure({k for c in superlatives if (k := keys.subject(c.subject)) is not None}, index)
    terms = [f"{QUANTITY}\0{r}" for r in keys.raw_for(want_q, keys.subject)]
    if ruleset.dates.min_shared_entities >= 1:
        terms += [f"{DATE}\0{r}" for r in keys.raw_for(want_d, keys.entity)]
    else:  # every date of the same event kind can join
        terms += [f"{EVENT}\0{ev}" for ev in events]
    terms += [f"{SUPERLATIVE}\0{r}" for r in keys.raw_for(owned, keys.subject)]
    hits = {k for _, k in cache.documents_with(terms) if k in corpus}
    # creator references ("the creator of Widget") resolve through the corpus's owners: look at each
    for kind, how, targets in (
        (QUANTITY, keys.subject, want_q),
        (DATE, keys.entity, want_d if ruleset.dates.min_shared_entities >= 1 else set()),
        (SUPERLATIVE, keys.subject, owned),
    ):
        if targets:
            hits |= {k for t, k in cache.terms_from(f"{kind}\0{CREATOR_REF}") if k in corpus and how(t[2:]) in targets}
    need = ruleset.dates.min_shared_entities

    def meets(c: Claim) -> bool:
        if c.kind == "quantity":
            return c.subject is not None and keys.subject(c.subject) in want_q
        if c.kind == "date":
            if c.teaser:
                return False
            if need >= 1:
                return any(keys.entity(x) in want_d for x in c.entities)
            return bool(events & set((c.event or "").split("|")))
        # a uniqueness claim with an object can be another's rival (compare._rival), whatever its subject
        return keys.subject(c.subject) in owned or (c.metric in UNIQUE and bool(c.object) and not c.teaser)

    def trimmed(found: dict[str, DocumentExtract]) -> dict[str, DocumentExtract]:
        return {k: e.model_copy(update={"claims": [c for c in e.claims if meets(c)]}) for k, e in found.items()}

    chosen = load(sorted(hits))
    if not superlatives:
        return trimmed(chosen)
    # a superlative's fact: its claims' parties name the evidence sentences; uniqueness claims find rivals
    members = list(superlatives) + [
        c
        for e in chosen.values()
        for c in e.claims
        if c.kind in ("superlative", "exclusivity") and keys.subject(c.subject) in owned
    ]
    parties: set[str] = set()
    for c in members:  # categorical.related_evidence and _alternatives: the fact's subjects, names and owners
        for k in [keys.subject(c.subject), *(keys.entity(x) for x in c.entities)]:
            if k and k != "?":
                parties.add(k)
                owner = index.owner_of(k)
                if owner:
                    parties.add(owner)
    more = {
        k for _, k in cache.documents_with([f"{EVIDENCE}\0{r}" for r in keys.raw_for(parties, keys.plain, plain=True)])
    }
    unique = [c for c in members if c.metric in UNIQUE and c.object]
    if unique:
        p = utils.default_process
        for key, obj, scope in cache.all_rivals():
            if key in corpus and key not in chosen and key not in more:
                for c in unique:
                    if (
                        fuzz.token_set_ratio(c.object or "", obj, processor=p) >= RIVAL_SIMILARITY
                        and fuzz.token_set_ratio(c.scope or "", scope, processor=p) >= RIVAL_SIMILARITY
                    ):
                        more.add(key)
                        break
    extra = load(sorted(k for k in more if k in corpus and k not in chosen))
    return trimmed(chosen | extra)


def _closure(subjects: set[str], index: EntityIndex) -> set[str]:
    """The subjects a draft's superlative can share a fact with: its own and those connected to it by
    ownership, both ways (align_categorical blocks by subject and by the subject's owner)."""
    owned_by: dict[str, set[str]] = defaultdict(set)
    inverse: dict[str, set[str]] = defaultdict(set)
    for r, c in index.canonical.items():
        inverse[c].add(r)
    for p in set(index.owner) | set(index.creator):
        o = index.owner_of(p)
        if o is not None:
            owned_by[o].add(p)
            owned_by[o] |= inverse.get(p, set())
    out: set[str] = set()
    todo = list(subjects)
    while todo:
        k = todo.pop()
        if k in out:
            continue
        out.add(k)
        o = index.owner_of(k)
        if o is not None and o not in out:
            todo.append(o)
        todo.extend(p for p in owned_by.get(k, ()) if p not in out)
        todo.extend(p for p in owned_by.get(index.canon(k) or k, ()) if p not in out)
    return out


def analyse_with_index(
    extracts: list[DocumentExtract], ruleset: RuleSet, index: EntityIndex, finder: EntityFinder
) -> Report:
    """pipeline.analyse_extracts with the name index given (the whole corpus's), not learned from these
    documents. Only what `gate.views` reads is filled in: documents, claims and findings."""
    from factcheck.analyse import align, compare
    from factcheck.extract.corpus import Corpus, resolve_names
    from factcheck.extract.independence import Independence
    from factcheck.pipeline import numbered

    claims = [resolve_names(c, index) for e in extracts for c in e.claims]
    documents = [e.document for e in extracts]
    corpus = Corpus(documents, extracts, index, finder, Independence(documents))
    groups = align(claims, ruleset, index)
    comparison = compare(groups, claims, corpus, ruleset)
    findings = numbered(comparison.findings, documents, ruleset)
    return Report(documents=documents, claims=claims, facts=[], findings=findings)
