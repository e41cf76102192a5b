"""Scraped web pages: HTML reduced to its text, one line per block, so that line numbers stay meaningful."""

from __future__ import annotations

import html
import re
from pathlib import Path

# An inline directive (`<!-- factcheck: ... -->`) is kept through HTML stripping: it is the article's own.
DIRECTIVE_LINE = re.compile(r"^\s*<!--\s*factcheck\s*:.*-->\s*$", re.IGNORECASE)

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
            out.append(chunk if "\n" not in chunk and DIRECTIVE_LINE.match(chunk) else _blank(chunk))
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
