"""The files of a corpus as `load.collect` lists them, with their stat, and the ids `load` gives them.

The warm check (factcheck/gate/index.py) lists a corpus on every run without reading it: plain folders are
walked here, without resolving each file; anything unusual (a symbolic link, a missing path, a special file, an
empty folder) is left to `load.collect`, which words the messages.
"""

from __future__ import annotations

import os
import stat
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.load import ARTICLE_SUFFIXES, collect, document_id


@dataclass(slots=True)
class Entry:
    """A file to read: its path as documents show it, whether it was named, and what os.stat says."""

    path: str
    named: bool
    resolved: str
    st: os.stat_result | None = None


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


def stem_id(path: str) -> str:
    """The id `load` gives a file when no other file's stem clashes with it."""
    return _stem(path) if os.name == "posix" else document_id(path)


def document_ids(paths: Sequence[str]) -> list[str]:
    """The ids `load` then `gate.index` give documents read from these paths (file stems; clashing stems get
    their path)."""
    from factcheck.gate.select import display_path

    ids = [stem_id(p) for p in paths]
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
