"""Which files are articles, and their bytes as text.

Folders are walked recursively (article suffixes only, sorted, symlink loops and special files reported);
bytes are decoded with their byte-order mark or as UTF-8, bad bytes replaced with a warning naming the offset;
binary files and files over `MAX_BYTES` are refused with an `InputError` that names the file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".text", ".html", ".htm", ""}
MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A path that cannot be read as an article; the message names it."""


def collect_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand folders (recursively, article suffixes only, sorted) and report missing paths."""
    entries, errors, _ = collect(paths)
    return [p for p, _ in entries], errors


def collect(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, bool]], list[str], list[str]]:
    """Paths -> (file, named explicitly) pairs, errors and warnings.

    A problem with a path the user named (missing, a symlink loop, not a regular file, an unreadable or empty
    folder) is an error; a problem met while walking a folder (an unreadable subfolder, a symlink loop, a
    FIFO or device) is a warning and the walk goes on. Hidden files and folders (`.git`, `.factcheck`) are
    not walked. Symbolic links to folders are followed once: a link back to a folder already walked is a loop.
    """
    found: list[tuple[Path, bool]] = []
    errors: list[str] = []
    warnings: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                errors.append(f"{p}: symbolic link loop")
            elif p.is_symlink():
                errors.append(f"{p}: broken symbolic link")
            elif exc.errno == errno.ENOENT:
                errors.append(f"{p}: no such file or directory")
            else:
                errors.append(f"{p}: cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            files: list[Path] = []
            problems: list[str] = []
            _walk(p, files, problems, set())
            warnings.extend(problems)
            if not files:
                errors.append(
                    f"{p}: no article files found (looked for {', '.join(sorted(s for s in ARTICLE_SUFFIXES if s))})"
                )
            found.extend((f, False) for f in sorted(files))
        elif stat.S_ISREG(st.st_mode):
            found.append((p, True))
        else:
            errors.append(f"{p}: not a regular file or folder (a pipe, socket or device), skipped")
    seen: set[str] = set()
    unique = []
    for f, named in found:
        try:
            key = str(f.resolve())
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
            key = str(f.absolute())
        if key not in seen:
            seen.add(key)
            unique.append((f, named))
    return unique, errors, warnings


def _walk(folder: Path, files: list[Path], problems: list[str], visited: set[tuple[int, int]]) -> None:
    try:
        st = folder.stat()
    except OSError as exc:
        problems.append(f"{folder}: cannot read folder: {exc.strerror or exc}, skipped")
        return
    if (st.st_dev, st.st_ino) in visited:
        problems.append(f"{folder}: symbolic link loop (a folder already read), skipped")
        return
    visited.add((st.st_dev, st.st_ino))
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(f"{folder}: cannot read folder: {exc.strerror or exc}, skipped")
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        path = Path(e.path)
        try:
            mode = e.stat().st_mode  # follows symbolic links
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                problems.append(f"{path}: symbolic link loop, skipped")
            elif e.is_symlink():
                problems.append(f"{path}: broken symbolic link, skipped")
            else:
                problems.append(f"{path}: cannot read: {exc.strerror or exc}, skipped")
            continue
        if stat.S_ISDIR(mode):
            _walk(path, files, problems, visited)
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(f"{path}: not a regular file (a pipe, socket or device), skipped")


def decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text. Binary data is refused; bad UTF-8 or UTF-16 is replaced, with a warning naming the offset."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), []
            except UnicodeDecodeError as exc:
                at = exc.start + len(bom)
                warning = f"{path}: invalid {codec.upper()} at byte {at}; undecodable bytes replaced with U+FFFD"
                return body.decode(codec, errors="replace"), [warning]
    if b"\x00" in data[:8192]:
        nul = data.index(b"\x00")
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), skipped")
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data[bom:].decode("utf-8", errors="replace")
        return text, [f"{path}: invalid UTF-8 at byte {exc.start + bom}; undecodable bytes replaced with U+FFFD"]
