"""Stage 1, load: files on disk -> Documents with typed lines.

Front matter is detected by content (a leading `---` block that parses as a YAML mapping), whatever the
file's extension. Line endings are normalised to "\n" so that line numbers match what editors show.
Navigation text, newsletter boxes and "Related Articles" teaser blocks are marked by the patterns in
`rules/boilerplate.yaml`, so that their claims can be treated as weaker evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.load.files import MAX_BYTES, InputError, collect, decode
from factcheck.load.html import DIRECTIVE_LINE, is_html, strip_html
from factcheck.models import Document, Line
from factcheck.ruleset import yamlsafe
from factcheck.ruleset.lexicons import BoilerplateLexicon

TEXT_FIELDS = ("title", "description", "summary", "subtitle", "excerpt", "lede", "dek")

_DATE_LINE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+")
_LIST = re.compile(r"^\s*(?:[-*+•●▪‣◦]|\d{1,3}[.)])\s+")
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_MARKUP = re.compile(r"[*_`]+")
_LABEL = re.compile(r"^\s*(?:[-*+•●▪‣◦]|\d{1,3}[.)])?\s*(?:\*\*|__)?([^*_:\n]{1,60}?)(?:\*\*|__)?\s*:\s+\S")


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be used (exit code 2)
    warnings: list[str] = field(default_factory=list)  # used, with a caveat


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
        if DIRECTIVE_LINE.match(raw):
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
