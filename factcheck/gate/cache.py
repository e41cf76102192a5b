"""The claim cache: each document's extraction, stored in SQLite by what it depends on (the key:
factcheck/gate/cache_keys.py).

The store is `.factcheck/cache.db` by default; it is written only there (or in the folder given), never beside
the inputs. A cache that cannot be opened, is corrupt or has another schema version is deleted and rebuilt; a
row that does not validate is ignored and replaced. Nothing here prints.

Beside each extraction the store keeps what `factcheck check` needs to avoid reading the rest of the corpus
(see factcheck/gate/index.py): the document's name facts, its blocking terms (`terms`: the names its claims and
evidence sentences are about, by kind: factcheck/gate/terms.py), its uniqueness claims with an object
(`rivals`), the last seen (size, mtime, ctime, inode) of each file with its text digest (`files`, trusted as git
trusts its index), the keys of recent corpus listings whose every file was trusted (`listings`: the same listing
with the same stats needs no further look), and the merged name knowledge of recent corpora (`snapshots`).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from factcheck.gate.cache_keys import DB_NAME, SCHEMA_VERSION, TABLES, code_digest
from factcheck.gate.terms import rival_claims, terms_of
from factcheck.models import Document, DocumentExtract

PRUNE_AFTER = 30 * 24 * 3600  # entries unused for 30 days are dropped
REFRESH_AFTER = 24 * 3600  # the corpus's entries are marked used at most once a day
KEEP_SNAPSHOTS = 8
CHUNK = 900  # keys per IN (...) query: below SQLite's variable limit on old builds


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def rules_validated(folder: Path, digest: str) -> bool:
    """Did rule files with this digest validate when this cache was last used? Read-only: no store is
    created for the question."""
    path = folder / DB_NAME
    if not digest or not path.is_file():
        return False
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
        finally:
            db.close()
    except (sqlite3.Error, OSError, ValueError):
        return False
    return row is not None and row[0] == f"{digest}:{code_digest()}"  # the validating code may change too


class ClaimCache:
    """A SQLite store of DocumentExtracts. Use as a context manager; a store that cannot be used is a no-op."""

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

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - {"meta"}:
                raise sqlite3.DatabaseError("no schema version")
            for statement in TABLES:
                db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.commit()
        elif row[0] != str(SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"schema version {row[0]}, expected {SCHEMA_VERSION}")
        db.execute("SELECT key FROM docs LIMIT 1").fetchone()  # reads a page: a file that is no database fails
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

    def _rows(self, sql: str, keys: list[str]) -> list[tuple]:
        """Rows of `sql` (with one `IN (?...)` placeholder list) for many keys, or none on a broken store."""
        if self._db is None or not keys:
            return []
        out: list[tuple] = []
        try:
            for part in _chunks(keys):
                out += self._db.execute(sql.replace("(?)", "(" + ",".join("?" * len(part)) + ")"), part).fetchall()
        except sqlite3.DatabaseError:
            return []
        return out

    # -- extractions -----------------------------------------------------------------------------------
    def get(self, key: str, doc: Document) -> DocumentExtract | None:
        extract = self.load([key]).get(key)
        if extract is None or extract.document != doc:
            return None
        return extract

    def load(self, keys: list[str]) -> dict[str, DocumentExtract]:
        """The stored extractions of these keys; a row that does not validate is left out."""
        out: dict[str, DocumentExtract] = {}
        for key, data in self._rows("SELECT key, data FROM extracts WHERE key IN (?)", keys):
            with contextlib.suppress(ValidationError, ValueError):
                out[key] = DocumentExtract.model_validate_json(data)
        return out

    def put(self, key: str, extract: DocumentExtract) -> None:
        if self._db is None:
            return
        names = extract.names.model_dump_json()
        rivals = [(key, c.object or "", c.scope or "") for c in rival_claims(extract.claims)]
        with contextlib.suppress(sqlite3.DatabaseError):
            db = self._db
            # a replaced row's old terms and rivals go; the terms table is keyed by term first, so deleting by
            # key reads all of it: done only when the key was there (a key is a digest of the content, so
            # almost never), or filling the cache of a corpus takes time growing as its square
            replaced = db.execute("SELECT 1 FROM docs WHERE key = ?", (key,)).fetchone() is not None
            db.execute("INSERT OR REPLACE INTO extracts VALUES (?, ?)", (key, extract.model_dump_json()))
            db.execute(
                "INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?)", (key, extract.document.path, time.time(), names)
            )
            if replaced:
                db.execute("DELETE FROM terms WHERE key = ?", (key,))
                db.execute("DELETE FROM rivals WHERE key = ?", (key,))
            db.executemany("INSERT OR IGNORE INTO terms VALUES (?, ?)", [(t, key) for t in sorted(terms_of(extract))])
            db.executemany("INSERT INTO rivals VALUES (?, ?, ?)", rivals)

    def touch(self, key: str) -> None:
        self.touch_many([key])

    def touch_many(self, keys: list[str]) -> None:
        if self._db is None:
            return
        now = time.time()
        with contextlib.suppress(sqlite3.DatabaseError):
            for part in _chunks(keys):
                marks = ",".join("?" * len(part))
                self._db.execute(f"UPDATE docs SET used = ? WHERE key IN ({marks})", [now, *part])

    def present(self, keys: list[str]) -> set[str]:
        """The keys with a stored document row."""
        return {r[0] for r in self._rows("SELECT key FROM docs WHERE key IN (?)", keys)}

    def names(self, keys: list[str]) -> dict[str, str]:
        """Each key's name facts, as stored JSON."""
        return dict(self._rows("SELECT key, names FROM docs WHERE key IN (?)", keys))  # type: ignore[arg-type]

    def documents_with(self, terms: list[str]) -> list[tuple[str, str]]:
        """(term, key) for every stored document with one of these terms."""
        return self._rows("SELECT term, key FROM terms WHERE term IN (?)", sorted(set(terms)))  # type: ignore[return-value]

    def terms_from(self, prefix: str) -> list[tuple[str, str]]:
        """(term, key) for every term that starts with `prefix`."""
        if self._db is None:
            return []
        hi = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        try:
            return self._db.execute("SELECT term, key FROM terms WHERE term >= ? AND term < ?", (prefix, hi)).fetchall()
        except sqlite3.DatabaseError:
            return []

    def all_rivals(self) -> list[tuple[str, str, str]]:
        """(key, object, scope) of every stored uniqueness claim with an object."""
        if self._db is None:
            return []
        try:
            return self._db.execute("SELECT key, object, scope FROM rivals").fetchall()
        except sqlite3.DatabaseError:
            return []

    # -- files: what was last seen at each path ----------------------------------------------------------
    def files(self) -> dict[str, tuple[int, int, int, int, str, str, int]]:
        """path -> (size, mtime_ns, ctime_ns, inode, text digest, warnings JSON, when seen in ns)."""
        if self._db is None:
            return {}
        try:
            rows = self._db.execute("SELECT path, size, mtime, ctime, ino, digest, warnings, seen FROM files")
            return {r[0]: r[1:] for r in rows}
        except sqlite3.DatabaseError:
            return {}

    def put_files(self, rows: list[tuple[str, int, int, int, int, str, str, int]]) -> None:
        if self._db is None or not rows:
            return
        now = time.time()
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*r, now) for r in rows]
            )

    # -- the corpus's merged name knowledge ----------------------------------------------------------------
    def snapshot(self, sid: str) -> tuple[str, float] | None:
        """A stored name state and when it was last marked used."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT state, used FROM snapshots WHERE id = ?", (sid,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return (row[0], row[1]) if row else None

    def latest_snapshot(self) -> tuple[str, list[str]] | None:
        """The most recently used name state, with the keys of its documents in order."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT state, keys FROM snapshots ORDER BY used DESC LIMIT 1").fetchone()
            return (row[0], json.loads(row[1])) if row else None
        except (sqlite3.DatabaseError, ValueError):
            return None

    def put_snapshot(self, sid: str, state: str, keys: list[str]) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            row = (sid, state, json.dumps(keys), time.time())
            self._db.execute("INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?)", row)
            self._db.execute(
                "DELETE FROM snapshots WHERE id NOT IN (SELECT id FROM snapshots ORDER BY used DESC LIMIT ?)",
                (KEEP_SNAPSHOTS,),
            )

    # -- a corpus listing whose every file was trusted: its keys, so that the same listing is not validated again
    def listing(self, lid: str) -> tuple[list[str], list[str], dict[str, list[str]]] | None:
        """(keys, ids, load warnings by position) of the files of a recorded listing."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT data FROM listings WHERE id = ?", (lid,)).fetchone()
            if row is None:
                return None
            d = json.loads(row[0])
            return d["keys"], d["ids"], d["warnings"]
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError):
            return None

    def put_listing(self, lid: str, keys: list[str], ids: list[str], warnings: dict[str, list[str]]) -> None:
        if self._db is None:
            return
        data = json.dumps({"keys": keys, "ids": ids, "warnings": warnings})
        with contextlib.suppress(sqlite3.DatabaseError):
            self._db.execute("INSERT OR REPLACE INTO listings VALUES (?, ?, ?)", (lid, data, time.time()))
            self._db.execute(
                "DELETE FROM listings WHERE id NOT IN (SELECT id FROM listings ORDER BY used DESC LIMIT ?)",
                (KEEP_SNAPSHOTS,),
            )

    def mark_used(self, sid: str, keys: list[str], paths: list[str]) -> None:
        """Mark a corpus's rows used (at most once a day: it writes a row per document)."""
        if self._db is None:
            return
        now = time.time()
        with contextlib.suppress(sqlite3.DatabaseError):
            self.touch_many(keys)
            for part in _chunks(paths):
                marks = ",".join("?" * len(part))
                self._db.execute(f"UPDATE files SET used = ? WHERE path IN ({marks})", [now, *part])
            self._db.execute("UPDATE snapshots SET used = ? WHERE id = ?", (now, sid))

    def mark_rules_validated(self, digest: str) -> None:
        if self._db is None or not digest:
            return
        with contextlib.suppress(sqlite3.DatabaseError):
            value = f"{digest}:{code_digest()}"
            row = self._db.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
            if row is None or row[0] != value:  # no write (and no sync to disk) when nothing changes
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('rules', ?)", (value,))

    def commit(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.DatabaseError):
                self._db.commit()

    def close(self) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.DatabaseError, ValueError):
            self._prune()
            self._db.commit()
        self._db.close()
        self._db = None

    def _prune(self) -> None:
        """Drop what has not been used for PRUNE_AFTER; at most once a day, since it scans the tables."""
        db = self._db
        assert db is not None
        now = time.time()
        row = db.execute("SELECT value FROM meta WHERE key = 'pruned'").fetchone()
        if row is not None and float(row[0]) > now - REFRESH_AFTER:
            return
        db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))
        cutoff = now - PRUNE_AFTER
        if db.execute("DELETE FROM docs WHERE used < ?", (cutoff,)).rowcount:
            db.execute("DELETE FROM extracts WHERE key NOT IN (SELECT key FROM docs)")
            db.execute("DELETE FROM terms WHERE key NOT IN (SELECT key FROM docs)")
            db.execute("DELETE FROM rivals WHERE key NOT IN (SELECT key FROM docs)")
            db.execute("DELETE FROM snapshots")  # a snapshot promises that its documents are stored
            db.execute("DELETE FROM listings")
        db.execute("DELETE FROM files WHERE used < ?", (cutoff,))
