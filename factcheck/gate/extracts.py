"""Extraction through the claim cache: what the cache holds is reused, the rest extracted and stored.

`extract_all_cached` serves a whole-corpus run (the documents are loaded already); `extract_missing` serves the
warm check (factcheck/gate/index.py), which reads only the documents the cache lacks, a batch at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from factcheck.gate.cache import ClaimCache
from factcheck.gate.cache_keys import key_of, prefix_digest, ruleset_digest, text_digest
from factcheck.gate.progress import ProgressFactory
from factcheck.load import read_document
from factcheck.models import Document, DocumentExtract, NameFacts
from factcheck.ruleset.rule_set import RuleSet


def extract_all_cached(
    documents: list[Document],
    ruleset: RuleSet,
    cache: ClaimCache | None,
    progress: Callable[[int], None] | None = None,
    jobs: int | None = 1,
) -> list[DocumentExtract]:
    """`extract_document` for each document, reusing the cache where the key matches; the documents not in
    the cache are extracted in `jobs` processes (None = all cores). The result is in input order."""
    rules = ruleset_digest(ruleset) if cache is not None else ""
    prefix = prefix_digest(rules)
    keys = [
        key_of(prefix, d.id, d.path, text_digest(d.text, d.warnings)) if cache is not None else "" for d in documents
    ]
    found = cache.load(keys) if cache is not None else {}
    out: list[DocumentExtract | None] = []
    missing: list[int] = []
    for i, doc in enumerate(documents):
        extract = found.get(keys[i])
        if extract is not None and extract.document != doc:
            extract = None
        out.append(extract)
        if extract is None:
            missing.append(i)
        elif progress is not None:
            progress(1)
    if cache is not None:
        cache.hits += len(documents) - len(missing)
        cache.touch_many([keys[i] for i, e in enumerate(out) if e is not None])
    if missing:
        from factcheck.engine import extract_many  # a process pool or a cluster only when something is extracted

        fresh = extract_many([documents[i] for i in missing], ruleset, jobs, progress)
        for i, extract in zip(missing, fresh, strict=True):
            out[i] = extract
            if cache is not None:
                cache.misses += 1
                cache.put(keys[i], extract)
    return [e for e in out if e is not None]


def _with_id(doc: Document, doc_id: str) -> Document:
    return doc if doc.id == doc_id else doc.model_copy(update={"id": doc_id})


EXTRACT_BATCH = 2000  # documents extracted, stored and let go at a time: a cold corpus never sits in memory whole


def extract_missing(
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
    from factcheck.engine import extract_many

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
