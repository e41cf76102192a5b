"""`factcheck check` against a cached corpus, reading only the documents a draft's claims can meet.

A draft's findings come from the facts its claims join, and a claim joins only facts that share a blocking key
with it (factcheck/analyse/alignment.py): numbers by subject, dates by the names in them, superlatives by subject
and its owner; a superlative's fact also looks at the evidence sentences that name its parties and at the
uniqueness claims of other sources with a similar object (a rival). The rest of the corpus matters only through
its name knowledge (variants, owners, roles), which is kept merged in the cache (factcheck/extract/name_state.py),
and through document ids. So a check:

1. lists the corpus (gate/listing.py) and validates it against the cache without reading it (gate/validate.py):
   a file whose (size, mtime, ctime, inode) is what was recorded, longer ago than the file system's clock can
   blur, keeps its recorded text digest (git's index works the same way); other files are read and hashed;
2. extracts what the cache lacks (all of it, the first time: gate/extracts.py) and takes the corpus's merged
   name knowledge from the cache (rebuilt when the corpus changed: gate/name_knowledge.py), then adds the
   drafts' names to it;
3. looks up, by name key, the documents with a claim in one of the drafts' blocks (for superlatives: the
   subjects connected by ownership to the drafts', then their evidence sentences and rivals: gate/reach.py);
4. analyses the drafts and those documents, in corpus order, with the whole corpus's name index.

The drafts come first, as in a full run, so every fact a draft's claim starts or joins is formed from the same
claims in the same order, and its findings are those of the full analysis (tests/gate/test_check_index.py compares
them on several corpora).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.extract import EntityFinder, EntityIndex
from factcheck.gate.cache import ClaimCache
from factcheck.gate.cache_keys import key_of, prefix_digest, ruleset_digest, text_digest
from factcheck.gate.extracts import extract_missing
from factcheck.gate.listing import Entry, document_ids, list_files, stem_id
from factcheck.gate.name_knowledge import corpus_name_state
from factcheck.gate.progress import Clock, ProgressFactory
from factcheck.gate.reach import reachable
from factcheck.gate.validate import corpus_ids, validate_corpus, with_digests
from factcheck.gate.warm import CorpusListing, WarmState, extract_in_memory, memory_document, memory_entry
from factcheck.load import InputError, LoadResult, read_document
from factcheck.models import Document, DocumentExtract, Report
from factcheck.ruleset.rule_set import RuleSet


@dataclass
class IndexedCheck:
    """What `check` needs: the load messages, the drafts and the documents read, and the phase timings."""

    loaded: LoadResult  # errors and warnings as `load` reports them; documents: the drafts
    report: Report  # the analysis of the drafts and the documents they can meet
    documents: int  # documents in all (drafts and corpus)
    selected: int  # corpus documents analysed with the drafts
    extracted: int  # documents extracted in this run (not in the cache)
    timings: dict[str, float] = field(default_factory=dict)


def check(
    draft_files: Sequence[Path],
    corpus_paths: Sequence[str],
    ruleset: RuleSet,
    cache: ClaimCache,
    jobs: int | None = None,
    progress: ProgressFactory | None = None,
    *,
    texts: Mapping[str, str] | None = None,
    warm: WarmState | None = None,
) -> IndexedCheck:
    """The drafts against the corpus, reading from the cache only what the drafts can meet.

    `texts` (each draft's path as given -> its text): the drafts are held in memory (an editor's unsaved
    buffers) and read from there, not from disk; the files need not exist. A draft inside the corpus is then
    checked against the corpus as it is on disk (the saved version's names stay in the corpus's name
    knowledge, as they do for `check` of the saved file), and its extraction is stored in the cache only when
    its text is the file's. `warm`: what a resident caller keeps between checks (factcheck/gate/warm.py)."""
    clock = Clock()
    loaded = LoadResult()
    # 1. the files: the drafts first, then the corpus (a draft inside the corpus is read once, as a draft)
    if texts is None:
        drafts, d_errors, d_warnings = list_files([str(p) for p in draft_files])
    else:
        drafts, d_errors, d_warnings = [memory_entry(p) for p in draft_files], [], []
    known = warm.listing(corpus_paths) if warm is not None else None
    if known is None:
        listed, c_errors, c_warnings = list_files(list(corpus_paths))
    else:
        listed, c_errors, c_warnings = known.entries, known.errors, known.warnings
    loaded.errors += d_errors + c_errors
    loaded.warnings += d_warnings + c_warnings
    clock.lap("list")

    # 2. read the drafts; validate the corpus against what the cache saw last, without reading it
    prefix = warm.prefix() if warm is not None else prefix_digest(ruleset_digest(ruleset))
    docs_read: dict[str, Document] = {}
    memory: dict[str, Document] = {}  # drafts read from `texts`: never taken for their files' content
    draft_ok: list[tuple[Entry, str]] = []
    for e in drafts:
        try:
            if texts is None:
                doc = read_document(Path(e.path), ruleset.boilerplate)
            else:
                doc = memory_document(e.path, texts[e.path], ruleset)
        except InputError as exc:
            loaded.errors.append(str(exc))
            continue
        loaded.warnings.extend(doc.warnings)
        (docs_read if texts is None else memory)[e.path] = doc
        draft_ok.append((e, text_digest(doc.text, doc.warnings)))
    if known is None:
        v_errors: list[str] = []
        validated = validate_corpus(listed, corpus_paths, prefix, ruleset, cache, docs_read, v_errors)
        if warm is not None:
            warm.remember_listing(
                CorpusListing(tuple(corpus_paths), listed, c_errors + v_errors, c_warnings, validated, time.monotonic())
            )
        loaded.errors += v_errors
    else:
        validated = known.validated
    draft_set = {e.resolved for e in drafts}
    for c in validated:
        if c.entry.resolved not in draft_set:
            loaded.warnings.extend(c.warnings)
    corpus = [c for c in validated if c.ok]
    # ids: the corpus's as listed, the drafts' their stems; unless a draft's stem clashes with the corpus's or
    # a draft inside the corpus is named by another path: then as `load` gives them, over everything
    listed_at = {c.entry.resolved: c for c in corpus}
    outside = [(e, d) for e, d in draft_ok if e.resolved not in listed_at]
    stems = [stem_id(e.path) for e, _ in outside]
    plain = all(listed_at[e.resolved].entry.path == e.path for e, _ in draft_ok if e.resolved in listed_at)
    on_disk: dict[str, tuple[str, str, str]] = {}  # an in-memory draft inside the corpus: its file's (key, path, id)
    if plain and len(set(stems)) == len(stems) and not corpus_ids(corpus).intersection(stems):
        draft_ids = [listed_at[e.resolved].id if e.resolved in listed_at else stem_id(e.path) for e, _ in draft_ok]
        draft_keys = [
            listed_at[e.resolved].key if e.resolved in listed_at and texts is None else key_of(prefix, i, e.path, d)
            for i, (e, d) in zip(draft_ids, draft_ok, strict=True)
        ]
        state_keys = [c.key for c in corpus]
        if texts is not None:
            on_disk = {r: (c.key, c.entry.path, c.id) for r, c in listed_at.items() if r in draft_set}
    else:
        corpus = with_digests(corpus, cache, ruleset)  # a listing trusted whole recorded keys, not digests
        listed_at = {c.entry.resolved: c for c in corpus}
        rest = [c for c in corpus if c.entry.resolved not in draft_set]
        run = [(e.resolved, e.path, d) for e, d in draft_ok] + [
            (c.entry.resolved, c.entry.path, c.digest) for c in rest
        ]
        ids = document_ids([p for _, p, _ in run])
        again = {r: key_of(prefix, i, p, d) for i, (r, p, d) in zip(ids, run, strict=True)}
        draft_ids = ids[: len(draft_ok)]
        draft_keys = [again[e.resolved] for e, _ in draft_ok]
        if texts is not None:
            on_disk = {
                e.resolved: (key_of(prefix, i, e.path, listed_at[e.resolved].digest), e.path, i)
                for i, (e, _) in zip(draft_ids, draft_ok, strict=True)
                if e.resolved in listed_at
            }
        state_keys = [on_disk[r][0] if (r := c.entry.resolved) in on_disk else again[r] for c in corpus]
        corpus = [c if c.entry.resolved in draft_set else replace(c, key=again[c.entry.resolved]) for c in corpus]
    corpus_keys = [c.key for c in corpus if c.entry.resolved not in draft_set]
    keys = draft_keys + corpus_keys
    paths = [e.path for e, _ in draft_ok] + [c.entry.path for c in corpus if c.entry.resolved not in draft_set]
    path_of = dict(zip(keys, paths, strict=True))
    ids_of: dict[str, str] = {}
    for k, p, i in on_disk.values():  # the file's own version, should the cache lack it
        path_of.setdefault(k, p)
        ids_of.setdefault(k, i)

    def id_of(k: str) -> str:  # needed only to extract something: computed then
        if k not in ids_of:
            ids_of.update(zip(keys, document_ids(paths), strict=True))
        return ids_of[k]

    counted = set(state_keys)
    sid = hashlib.sha256("\n".join(state_keys).encode()).hexdigest()
    kept_names = warm is not None and warm.has_names(sid)  # then the snapshot was read (or made) before
    snap = None if kept_names else cache.snapshot(sid)
    clock.lap("validate")

    # 3. extract what the cache lacks (an in-memory draft whose text is not its file's: here, never stored)
    stored = set(state_keys) if snap is not None or kept_names else cache.present(state_keys)
    found = cache.load(draft_keys)
    for k in draft_keys:
        doc = (docs_read if texts is None else memory).get(path_of[k])
        kept = found[k].document if k in found else None
        if kept is not None and (doc is None or (kept.path, kept.text) != (doc.path, doc.text)):
            del found[k]  # a row that does not hold this very document
    if texts is not None:
        found |= extract_in_memory(
            [(k, i) for k, i in zip(draft_keys, draft_ids, strict=True) if k not in found and k not in counted],
            memory,
            path_of,
            ruleset,
            warm,
        )
    missing = list(
        dict.fromkeys([k for k in state_keys if k not in stored] + [k for k in draft_keys if k not in found])
    )
    fresh, fresh_names = extract_missing(
        missing, docs_read, path_of, id_of, ruleset, cache, jobs, progress, set(draft_keys)
    )
    draft_extracts = [fresh.get(k) or found[k] for k in draft_keys]
    clock.lap("extract")

    def read(wanted: list[str]) -> dict[str, DocumentExtract]:
        out = cache.load(wanted)  # what was just extracted is stored already
        lost = [k for k in wanted if k not in out]  # a row that no longer validates: extract it again
        out |= extract_missing(lost, docs_read, path_of, id_of, ruleset, cache, 1, None)[0]
        return out

    def load(wanted: list[str]) -> dict[str, DocumentExtract]:
        return read(wanted) if warm is None else warm.load(wanted, read)

    # 4. the corpus's name knowledge, plus the drafts'
    finder = EntityFinder(ruleset.entities)
    state = warm.names(sid) if warm is not None else None
    if state is None:
        state = corpus_name_state(snap, sid, state_keys, [c.entry.path for c in corpus], fresh_names, cache, finder)
        if warm is not None:
            warm.remember_names(sid, state)
    clock.lap("names")
    state.add([e.names for e in draft_extracts], finder, first=True, counted=[k in counted for k in draft_keys])
    index = state.index()

    # 5. the documents the drafts can meet, analysed with the drafts in corpus order
    chosen = reachable(draft_extracts, index, ruleset, cache, set(corpus_keys), load)
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
    groups = align(claims, ruleset, index, across_parties=False)
    comparison = compare(groups, claims, corpus, ruleset)
    findings = numbered(comparison.findings, documents, ruleset)
    return Report(documents=documents, claims=claims, facts=[], findings=findings)
