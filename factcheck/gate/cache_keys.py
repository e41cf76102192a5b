"""The claim cache's keys and schema: what a stored extraction depends on, and the tables it is stored in.

Extraction (`extract_document`) is a pure function of one document and the rules, so its result can be
reused while neither changes. The key covers a digest of the document's text (and load warnings), its id and
path as given, a digest of every loaded rule file (and configured overrides), the factcheck version, a digest
of the package's own source and the cache schema version. The store itself is factcheck/gate/cache.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.models import Document
from factcheck.ruleset.rule_set import RuleSet

SCHEMA_VERSION = 2
DB_NAME = "cache.db"

TABLES = [
    "CREATE TABLE extracts (key TEXT PRIMARY KEY, data TEXT NOT NULL)",
    # small per-document rows, so that marking use and reading name facts never touches the big ones
    "CREATE TABLE docs (key TEXT PRIMARY KEY, path TEXT NOT NULL, used REAL NOT NULL, names TEXT NOT NULL)",
    "CREATE TABLE terms (term TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (term, key)) WITHOUT ROWID",
    "CREATE TABLE rivals (key TEXT NOT NULL, object TEXT NOT NULL, scope TEXT NOT NULL)",
    "CREATE INDEX rivals_key ON rivals (key)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL,"
    " ctime INTEGER NOT NULL, ino INTEGER NOT NULL, digest TEXT NOT NULL, warnings TEXT NOT NULL,"
    " seen INTEGER NOT NULL, used REAL NOT NULL)",
    "CREATE TABLE snapshots (id TEXT PRIMARY KEY, state TEXT NOT NULL, keys TEXT NOT NULL, used REAL NOT NULL)",
    "CREATE TABLE listings (id TEXT PRIMARY KEY, data TEXT NOT NULL, used REAL NOT NULL)",
]

_code_digest: str | None = None


def code_digest() -> str:
    """A digest of the package's Python source: a development checkout never reuses stale extractions."""
    global _code_digest
    if _code_digest is None:
        h = hashlib.sha256(__version__.encode())
        pkg = Path(__file__).resolve().parents[1]
        for f in sorted(pkg.rglob("*.py")):
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
        _code_digest = h.hexdigest()
    return _code_digest


def ruleset_digest(ruleset: RuleSet) -> str:
    h = hashlib.sha256()
    for family, (path, _) in sorted(ruleset.files.items()):
        h.update(family.encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    h.update(json.dumps(getattr(ruleset, "overrides", {}), sort_keys=True).encode())
    return h.hexdigest()


def text_digest(text: str, warnings: list[str]) -> str:
    """What a document's content contributes to its key: the text as loaded and the load warnings."""
    h = hashlib.sha256(text.encode("utf-8", errors="surrogatepass"))
    for w in warnings:
        h.update(b"\x1f" + w.encode("utf-8", errors="surrogatepass"))
    return h.hexdigest()


def prefix_digest(rules: str) -> Any:
    """The part of every key shared by all documents under these rules (a hash object to copy)."""
    h = hashlib.sha256()
    for part in (str(SCHEMA_VERSION), __version__, code_digest(), rules):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h


def key_of(prefix: Any, doc_id: str, path: str, digest: str) -> str:
    h = prefix.copy()
    for part in (doc_id, path, digest):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def document_key(doc: Document, rules: str) -> str:
    return key_of(prefix_digest(rules), doc.id, doc.path, text_digest(doc.text, doc.warnings))
