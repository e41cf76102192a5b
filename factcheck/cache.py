"""The claim cache: each document's extraction, stored by what it depends on, in SQLite.

Extraction (`extract_document`) is a pure function of one document and the rules, so its result can be
reused while neither changes. The key covers the file's content hash, the path as given, a digest of every
loaded rule file (and configured overrides), the factcheck version, a digest of the package's own source and
the cache schema version. The store is `.factcheck/cache.db` by default; it is written only there (or in the
folder given), never beside the inputs. A cache that cannot be opened, is corrupt or has another schema
version is deleted and rebuilt; a row that does not validate is ignored and replaced. Nothing here prints.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from factcheck import __version__
from factcheck.models import Document, DocumentExtract
from factcheck.parallel import extract_many
from factcheck.ruleset import RuleSet

SCHEMA_VERSION = 1
DB_NAME = "cache.db"
PRUNE_AFTER = 30 * 24 * 3600  # entries unused for 30 days are dropped

_code_digest: str | None = None


def code_digest() -> str:
    """A digest of the package's Python source: a development checkout never reuses stale extractions."""
    global _code_digest
    if _code_digest is None:
        h = hashlib.sha256(__version__.encode())
        pkg = Path(__file__).resolve().parent
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


def document_key(doc: Document, rules: str) -> str:
    h = hashlib.sha256()
    for part in (str(SCHEMA_VERSION), __version__, code_digest(), rules, doc.id, doc.path, doc.text):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


class ClaimCache:
    """A SQLite store of DocumentExtracts. Use as a context manager; `None` path = an in-memory no-op."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DB_NAME
        self.hits = 0
        self.misses = 0
        self.rebuilt: str | None = None  # why the store was rebuilt, if it was
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> ClaimCache:
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - {"meta"}:
                raise sqlite3.DatabaseError("no schema version")
            db.execute(
                "CREATE TABLE extracts (key TEXT PRIMARY KEY, path TEXT NOT NULL, data TEXT NOT NULL,"
                " used REAL NOT NULL)"
            )
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.commit()
        elif row[0] != str(SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"schema version {row[0]}, expected {SCHEMA_VERSION}")
        db.execute("SELECT count(*) FROM extracts").fetchone()
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect()
        except (sqlite3.DatabaseError, OSError) as exc:
            self.rebuilt = str(exc)
            if self._db is not None:
                self._db.close()
            self._db = None
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            try:
                self._db = self._connect()
            except (sqlite3.DatabaseError, OSError) as exc2:
                self.rebuilt = f"{exc}; cache disabled: {exc2}"
                self._db = None

    def get(self, key: str, doc: Document) -> DocumentExtract | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT data FROM extracts WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            extract = DocumentExtract.model_validate_json(row[0])
        except (ValidationError, ValueError):
            return None
        if extract.document != doc:
            return None
        return extract

    def put(self, key: str, extract: DocumentExtract) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute(
                "INSERT OR REPLACE INTO extracts VALUES (?, ?, ?, ?)",
                (key, extract.document.path, extract.model_dump_json(), time.time()),
            )

    def touch(self, key: str) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute("UPDATE extracts SET used = ? WHERE key = ?", (time.time(), key))

    def close(self) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute("DELETE FROM extracts WHERE used < ?", (time.time() - PRUNE_AFTER,))
            self._db.commit()
        self._db.close()
        self._db = None


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
    out: list[DocumentExtract | None] = []
    keys: list[str] = []
    missing: list[int] = []
    for i, doc in enumerate(documents):
        extract = None
        key = ""
        if cache is not None:
            key = document_key(doc, rules)
            extract = cache.get(key, doc)
        keys.append(key)
        out.append(extract)
        if extract is None:
            missing.append(i)
        else:
            cache.hits += 1  # type: ignore[union-attr]
            cache.touch(key)
            if progress is not None:
                progress(1)
    if missing:
        fresh = extract_many([documents[i] for i in missing], ruleset, jobs, progress)
        for i, extract in zip(missing, fresh, strict=True):
            out[i] = extract
            if cache is not None:
                cache.misses += 1
                cache.put(keys[i], extract)
    return [e for e in out if e is not None]
