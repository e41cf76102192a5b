"""Stage 1, load: files on disk -> Documents with typed lines.

Front matter is detected by content (a leading `---` block that parses as a YAML mapping), whatever the
file's extension. Line endings are normalised to "\n" so that line numbers match what editors show.
Navigation text, newsletter boxes and "Related Articles" teaser blocks are marked by the patterns in
`rules/boilerplate.yaml`, so that their claims can be treated as weaker evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.models import Document, Line
from factcheck.ruleset import BoilerplateLexicon

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".mdx", ".text", ".html", ".htm", ""}
TEXT_FIELDS = ("title", "description", "summary", "subtitle", "excerpt", "lede", "dek")
MAX_BYTES = 20 * 1024 * 1024

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+")
_LIST = re.compile(r"^\s*(?:[-*+•●▪‣◦]|\d{1,3}[.)])\s+")
_DIRECTIVE = re.compile(r"^\s*<!--\s*factcheck\s*:.*-->\s*$", re.IGNORECASE)
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
    found: list[Path] = []
    errors: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".")
            )
            if not files:
                errors.append(
                    f"{p}: no article files found (looked for {', '.join(sorted(s for s in ARTICLE_SUFFIXES if s))})"
                )
            found.extend(files)
        elif p.is_file():
            found.append(p)
        else:
            errors.append(f"{p}: no such file or directory")
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, errors


def decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text. Binary data is refused; bad UTF-8 is replaced, with a warning naming the offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:8192]:
        nul = data.index(b"\x00")
        raise InputError(f"{path}: binary file (NUL byte at offset {nul}), skipped")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        return text, [f"{path}: invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD"]


def read_document(path: Path, lexicon: BoilerplateLexicon) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is over the {MAX_BYTES} byte limit for one article, skipped")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text, warnings = decode(path, data)
    return parse_document(str(path), text, lexicon, warnings)


def load(paths: Sequence[str | Path], lexicon: BoilerplateLexicon) -> LoadResult:
    files, errors = collect_paths(paths)
    result = LoadResult(errors=errors)
    for f in files:
        try:
            doc = read_document(f, lexicon)
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        result.warnings.extend(doc.warnings)
        result.documents.append(doc)
    return result


def document_id(path: str, taken: Iterable[str] = ()) -> str:
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
            loaded = yaml.safe_load(block)
        except yaml.YAMLError as exc:
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
    m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
    return m.group(1) if m else None


def _strip_markup(s: str) -> str:
    return re.sub(r"[*_`]+", "", s).strip()


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
