"""Stage 1, load: files on disk -> Documents with typed lines.

Front matter is detected by content (a leading `---` block that parses as a YAML mapping), whatever the
file's extension. Line endings are normalised to "\n" so that line numbers match what editors show.
Navigation text, newsletter boxes and "Related Articles" teaser blocks are marked by the patterns in
`rules/boilerplate.yaml`, so that their claims can be treated as weaker evidence.
"""

from __future__ import annotations

import errno
import html
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.models import Document, Line
from factcheck.ruleset import yamlsafe
from factcheck.ruleset.rule_set import BoilerplateLexicon

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".text", ".html", ".htm", ""}
TEXT_FIELDS = ("title", "description", "summary", "subtitle", "excerpt", "lede", "dek")
MAX_BYTES = 20 * 1024 * 1024

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+")
_LIST = re.compile(r"^\s*(?:[-*+•●▪‣◦]|\d{1,3}[.)])\s+")
_DIRECTIVE = re.compile(r"^\s*<!--\s*factcheck\s*:.*-->\s*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_MARKUP = re.compile(r"[*_`]+")
_LABEL = re.compile(r"^\s*(?:[-*+•●▪‣◦]|\d{1,3}[.)])?\s*(?:\*\*|__)?([^*_:\n]{1,60}?)(?:\*\*|__)?\s*:\s+\S")


class InputError(Exception):
    """A path that cannot be read as an article; the message names it."""


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be used (exit code 2)
    warnings: list[str] = field(default_factory=list)  # used, with a caveat


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


def read_document(path: Path, lexicon: BoilerplateLexicon) -> Document:
    """One file -> a Document; InputError (naming the file) when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size} bytes is over the {MAX_BYTES} byte ({MAX_BYTES // (1024 * 1024)} MB) limit "
                "for one article, skipped"
            )
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # the file may have grown since stat
        if len(data) > MAX_BYTES:
            raise InputError(f"{path}: over the {MAX_BYTES} byte limit for one article, skipped")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text, warnings = decode(path, data)
    if is_html(path, text):
        text = strip_html(text)
    return parse_document(str(path), text, lexicon, warnings)


def load(paths: Sequence[str | Path], lexicon: BoilerplateLexicon) -> LoadResult:
    """Read every article; a named file that cannot be used is an error, a file found in a folder a warning."""
    entries, errors, warnings = collect(paths)
    result = LoadResult(errors=errors, warnings=warnings)
    result.documents = unique_ids(list(read_documents(entries, lexicon, result)))
    return result


def read_documents(
    entries: Sequence[tuple[Path, bool]], lexicon: BoilerplateLexicon, result: LoadResult
) -> Iterator[Document]:
    """Each file of `collect` that can be used, as it is read, with its id from its name alone (see
    `unique_ids`); what cannot be used is added to result.errors or result.warnings, the documents' warnings
    to result.warnings."""
    for f, named in entries:
        try:
            doc = read_document(f, lexicon)
        except InputError as exc:
            (result.errors if named else result.warnings).append(str(exc))
            continue
        result.warnings.extend(doc.warnings)
        yield doc


def unique_ids(documents: list[Document]) -> list[Document]:
    """Two files with one name in different folders must not share an id: those get their path as id."""
    seen: dict[str, int] = {}
    for d in documents:
        seen[d.id] = seen.get(d.id, 0) + 1
    return [d.model_copy(update={"id": path_id(d.path)}) if seen[d.id] > 1 else d for d in documents]


def planned_ids(paths: Sequence[str]) -> list[str]:
    """The ids `unique_ids` gives the documents read from these paths, known before they are read."""
    ids = [document_id(p) for p in paths]
    seen: dict[str, int] = {}
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
    return [path_id(p) if seen[i] > 1 else i for p, i in zip(paths, ids, strict=True)]


def path_id(path: str) -> str:
    return str(Path(path).with_suffix("")).replace("\\", "/")


def document_id(path: str) -> str:
    return Path(path).stem or Path(path).name


def parse_document(path: str, text: str, lexicon: BoilerplateLexicon, warnings: list[str] | None = None) -> Document:
    warnings = list(warnings or [])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    offsets = []
    pos = 0
    for ln in raw_lines:
        offsets.append(pos)
        pos += len(ln) + 1

    roles: list[str] = ["body"] * len(raw_lines)
    meta: dict = {}
    fm_end = _front_matter_end(raw_lines)
    if fm_end is not None:
        block = "\n".join(raw_lines[1:fm_end])
        try:
            loaded = yamlsafe.load(block)
        # RecursionError: "[[[[..." nested thousands deep; ValueError/OverflowError: a value YAML reads as a
        # timestamp that is no date ("date: 2725-76-72"), raised by its constructor with no position.
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line_no = (mark.line + 2) if mark else 2
            warnings.append(
                f"{path}:{line_no}: malformed YAML front matter ({getattr(exc, 'problem', exc)}); read as text"
            )
            loaded = None
            fm_end = None
        if fm_end is not None and not isinstance(loaded, dict):
            warnings.append(f"{path}:2: front matter is not a mapping; read as text")
            fm_end = None
        if fm_end is not None:
            meta = loaded
            for i in range(0, fm_end + 1):
                roles[i] = "front_matter"
            for i in range(1, fm_end):
                key = raw_lines[i].split(":", 1)[0].strip()
                if key in TEXT_FIELDS and isinstance(meta.get(key), str):
                    roles[i] = "title" if key == "title" else "description"

    date = _iso(meta.get("date")) if meta else None
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    first_body = (fm_end + 1) if fm_end is not None else 0

    # A leading "date YYYY-MM-DD" line; the rest of that line, if any, is the title.
    for i in range(first_body, len(raw_lines)):
        if not raw_lines[i].strip():
            continue
        m = _DATE_LINE.match(raw_lines[i])
        if m:
            date = date or m.group(1)
            rest = raw_lines[i][m.end() :].strip()
            roles[i] = "title" if rest else "date"
            if rest and not title:
                title = rest
        break

    _mark_structure(raw_lines, roles, first_body, lexicon)
    if title is None:
        title = _guess_title(raw_lines, roles, first_body)

    lines = []
    heading: str | None = None
    for i, raw in enumerate(raw_lines):
        role = roles[i]
        level = 0
        label = None
        if role == "heading":
            m = _HEADING.match(raw)
            level = len(m.group(1)) if m else 1
            heading = _strip_markup(raw[m.end() :] if m else raw)
        elif role == "list_item":
            lm = _LABEL.match(raw)
            label = _strip_markup(lm.group(1)).strip() if lm else None
        lines.append(
            Line(
                number=i + 1,
                start=offsets[i],
                text=raw,
                role=role,
                label=label,
                heading=None if role == "heading" else heading,
                level=level,
            )
        )
    return Document(id=document_id(path), path=path, title=title, date=date, text=text, lines=lines, warnings=warnings)


# -- HTML ------------------------------------------------------------------------------------------------

_HTML_SNIFF = re.compile(r"\s*(?:<!--[^>]{0,500}-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]{0,40})")
_RAW_TAGS = {"script", "style", "noscript", "template", "svg", "math", "head"}
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")


def is_html(path: Path, text: str) -> bool:
    """An .html/.htm file, or any file whose text starts like an HTML page (a scraped page saved as .txt)."""
    return path.suffix.lower() in (".html", ".htm") or bool(_HTML_SNIFF.match(text[:2048]))


def _blank(chunk: str, sep: str = "") -> str:
    """What replaces removed markup: its line breaks, so that no later line moves."""
    breaks = chunk.count("\n")
    return "\n" * breaks if breaks else sep


def strip_html(text: str) -> str:
    """HTML -> its text, line for line.

    Tags and comments are removed and `<script>`, `<style>` (and head, noscript, svg…) blocks with their
    content, but every line break inside removed markup is kept, so line N of the result is line N of the
    file (columns count the characters of the text left on the line). A block-level tag becomes a space, so
    that "<p>one</p><p>two</p>" does not glue words. Entities are decoded afterwards, within their line (a
    decoded line break becomes a space). `<!-- factcheck: ... -->` comments on one line are kept: they are
    directives. The scan is linear: a `<` with no `>` after it is text.
    """
    out: list[str] = []
    i, n = 0, len(text)
    closes = True  # is there a ">" somewhere after the current position?
    while i < n:
        j = text.find("<", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        if text.startswith("<!--", j):
            k = text.find("-->", j + 4)
            end = n if k < 0 else k + 3
            chunk = text[j:end]
            out.append(chunk if "\n" not in chunk and _DIRECTIVE.match(chunk) else _blank(chunk))
            i = end
            continue
        nxt = text[j + 1 : j + 2]
        k = text.find(">", j + 1) if closes and (nxt.isalpha() or nxt in "/!?") else -1
        if k < 0:
            closes = closes and not (nxt.isalpha() or nxt in "/!?")
            out.append("<")
            i = j + 1
            continue
        if "<" in text[j + 1 : k]:  # "c<d ... <p>": the first "<" is text
            out.append("<")
            i = j + 1
            continue
        m = _TAG_NAME.match(text, j)
        name = m.group(1).lower() if m else ""
        end = k + 1
        if name in _RAW_TAGS and nxt != "/" and not text[j:end].endswith("/>"):
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, end)
            end = close.end() if close else n
        if name in _HEADINGS and nxt != "/" and "\n" not in text[j:end]:
            out.append("#" * int(name[1]) + " ")  # "<h2>" -> "## ": the line is read as a heading
        else:
            out.append(_blank(text[j:end], "" if name in _INLINE_TAGS else " "))
        i = end
    stripped = "".join(out)
    return _ENTITY.sub(lambda e: html.unescape(e.group()).replace("\r", " ").replace("\n", " "), stripped)


def _front_matter_end(lines: list[str]) -> int | None:
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, min(len(lines), 400)):
        if lines[i].strip() in ("---", "..."):
            return i
    return None


def _iso(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    m = _ISO_DATE.match(s)
    return m.group(1) if m else None


def _strip_markup(s: str) -> str:
    return _MARKUP.sub("", s).strip()


def _mark_structure(lines: list[str], roles: list[str], first: int, lex: BoilerplateLexicon) -> None:
    in_teasers = False
    for i in range(first, len(lines)):
        if roles[i] != "body":
            continue
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            continue
        if _DIRECTIVE.match(raw):
            roles[i] = "directive"
            continue
        if in_teasers:
            roles[i] = "teaser"
            continue
        if lex.teaser_re.fullmatch(stripped):
            roles[i] = "boilerplate"
            in_teasers = True
            continue
        if lex.navigation_re.fullmatch(stripped) or lex.is_box(stripped):
            roles[i] = "boilerplate"
            continue
        if _HEADING.match(raw):
            roles[i] = "heading"
        elif _LIST.match(raw):
            roles[i] = "list_item"


def _guess_title(lines: list[str], roles: list[str], first: int) -> str | None:
    """A plain-text article's title: its first short body line that is not a sentence."""
    for i in range(first, min(len(lines), first + 10)):
        s = lines[i].strip()
        if not s or roles[i] in ("boilerplate", "front_matter", "date", "directive"):
            continue
        if roles[i] == "heading":
            return _strip_markup(_HEADING.sub("", s))
        if roles[i] != "body":
            return None
        if len(s.split()) <= 16 and not s.endswith((".", "!", "?", ":", ";", ",")):
            roles[i] = "title"
            return s
        return None
    return None
