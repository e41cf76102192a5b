"""Which corpus files still hold what the claim cache recorded of them, told without reading them.

A file whose (size, mtime, ctime, inode) is what was recorded, longer ago than the file system's clock can blur,
keeps its recorded text digest (git's index works the same way); other files are read and hashed. A listing
whose every file was trusted is recorded whole: the same listing with the same stats is not looked at again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.gate.cache import ClaimCache
from factcheck.gate.cache_keys import key_of, text_digest
from factcheck.gate.listing import Entry, document_ids, stem_id
from factcheck.load import InputError, read_document
from factcheck.models import Document
from factcheck.ruleset.rule_set import RuleSet

RACY_NS = 2_000_000_000  # a file changed this close to when it was recorded may hide a later change: re-hash it


@dataclass(slots=True)
class Listed:
    """A corpus file that loads: its entry, text digest, load warnings and key (ids from the corpus alone)."""

    entry: Entry
    digest: str
    warnings: list[str]
    key: str = ""
    id: str = ""
    ok: bool = True  # False: a file found in a folder that cannot be read (its warning says why)


def corpus_ids(corpus: list[Listed]) -> set[str]:
    """The stems and ids of the corpus's documents: a draft whose stem is one of them changes ids. An id
    without a slash is its file's stem (a path-based id has one, but for a file in the working folder)."""
    out = {c.id for c in corpus}
    out.update(stem_id(c.entry.path) for c in corpus if "/" in c.id)
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


def validate_corpus(
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
    validated (`_validate_files`) and, if all are trusted, the listing is recorded."""
    listing = _listing_digest(prefix.hexdigest(), corpus_paths, listed)
    known = cache.listing(listing) if listing is not None else None
    if known is not None and len(known[0]) == len(listed):
        keys, ids, warnings = known
        return [
            Listed(e, "", warnings.get(str(i), []), k, doc_id)
            for i, (e, k, doc_id) in enumerate(zip(listed, keys, ids, strict=True))
        ]
    out, trusted = _validate_files(listed, cache, ruleset, docs_read, errors)
    ids = document_ids([c.entry.path for c in out if c.ok])
    for c, doc_id in zip([c for c in out if c.ok], ids, strict=True):
        c.id = doc_id
        c.key = key_of(prefix, doc_id, c.entry.path, c.digest)
    if listing is not None and trusted and len(out) == len(listed):
        warnings = {str(i): c.warnings for i, c in enumerate(out) if c.warnings}
        cache.put_listing(listing, [c.key for c in out], ids, warnings)
    return out


def _validate_files(
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


def with_digests(corpus: list[Listed], cache: ClaimCache, ruleset: RuleSet) -> list[Listed]:
    """The files with their text digests: a listing trusted whole gives keys only (digest ""); their digests are
    those recorded for the files when the listing was trusted, or, for a file no longer recorded, its text's."""
    if all(c.digest for c in corpus):
        return corpus
    seen = cache.files()
    out = []
    for c in corpus:
        if not c.digest:
            row = seen.get(c.entry.path)
            st = c.entry.st
            stamp = None if st is None else (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            if row is not None and row[:4] == stamp:
                c = replace(c, digest=row[4])
            else:
                try:
                    doc = read_document(Path(c.entry.path), ruleset.boilerplate)
                except InputError:
                    pass  # no digest: the key will find nothing, and extracting it reports the error
                else:
                    c = replace(c, digest=text_digest(doc.text, doc.warnings))
        out.append(c)
    return out
