"""Sentences with exact positions: markup is removed for matching, offsets map back to the file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from factcheck.models import Document, Line

CLAIM_ROLES = {"body", "title", "description", "heading", "list_item", "teaser"}

# a front-matter text field ("title: ..."); a plain-text title "Acme: The Only ..." is not one
_FIELD = re.compile(r"^\s*(?:title|description|summary|subtitle|excerpt|lede|dek)\s*:\s*(['\"]?)")
_DATE_PREFIX = re.compile(r"^\s*date:?\s+\d{4}-\d{2}-\d{2}\b[ \t]*", re.IGNORECASE)
_LEAD = re.compile(
    r"^\s*(?:#{1,6}\s+)?(?:(?:[-*+•●▪‣◦]|\d{1,3}[.)])\s+)?"
    # a wire dateline: "OSLO, June 2 (Northwire) - ", "LONDON (Agency) -- "
    r"(?:[A-Z][A-Z .'-]{1,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+\([^()\n]{1,40}\)\s*(?:-{1,2}|[–—])\s+)?"
)
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,500}\)")
_BOUNDARY = re.compile(r"([.!?]+[\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9$€£])")  # group 1: what ends the sentence
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "inc",
    "corp",
    "ltd",
    "co",
    "jr",
    "sr",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "no",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "mt",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "prof",
    "approx",
    "est",
    "fig",
    "vol",
    "p.m",
    "a.m",
}
_QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("‘", "’")]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, heading or list item; `text` has markup removed, `offsets[i]` is text[i]'s file offset."""

    document: str
    line: int
    role: str
    label: str | None
    heading: str | None
    paragraph: int
    index: int  # position among the line's sentences
    text: str
    offsets: tuple[int, ...]
    line_start: int  # file offset of the line, for columns
    quotes: tuple[tuple[int, int], ...]  # spans of text inside quotation marks

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        end = max(end, start + 1)
        return self.offsets[start], self.offsets[min(end, len(self.offsets)) - 1] + 1

    def column(self, start: int) -> int:
        return self.offsets[start] - self.line_start + 1

    def quoted(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quotes)


def _content_start(line: Line) -> tuple[int, int]:
    """Where a line's prose starts and ends (front-matter values lose their key and quotes)."""
    raw = line.text
    end = len(raw)
    if line.role in ("title", "description") and _FIELD.match(raw) and not _DATE_PREFIX.match(raw):
        m = _FIELD.match(raw)
        start = m.end()
        if m.group(1) and raw.rstrip().endswith(m.group(1)):
            end = len(raw.rstrip()) - 1
        return start, end
    m = _DATE_PREFIX.match(raw)
    if m:
        return m.end(), end
    return 0, end


_ODD = re.compile(r"[^ -~]")  # a character outside printable ASCII
_MARKUP = re.compile(r"[*`]|_(?=_)|(?<=_)_")  # emphasis and code marks; "_" only doubled ("__bold__", not snake_case)


def clean(raw: str, base: int) -> tuple[str, list[int]]:
    """Remove list and heading markers, emphasis and link targets; keep a map to file offsets."""
    drop: list[tuple[int, int]] = []  # spans of `raw` removed
    lead = _LEAD.match(raw)
    if lead and lead.end():
        drop.append((0, lead.end()))
    if "[" in raw:
        for m in _LINK.finditer(raw):
            drop.append((m.start(), m.start() + 1))
            drop.append((m.end(1), m.end()))
    if "*" in raw or "`" in raw or "_" in raw:
        drop.extend(m.span() for m in _MARKUP.finditer(raw))
    drop.sort()
    chars: list[str] = []
    offsets: list[int] = []
    at = 0
    for a, b in [*drop, (len(raw), len(raw))]:
        if a > at:
            _keep(raw, at, a, base, chars, offsets)
        at = max(at, b)
    return "".join(chars), offsets


def _keep(raw: str, a: int, b: int, base: int, chars: list[str], offsets: list[int]) -> None:
    """Append raw[a:b] to the cleaned text: printable ASCII as it is, other characters through `_normal`."""
    at = a
    if not (raw.isascii() and raw.isprintable()):
        for m in _ODD.finditer(raw, a, b):  # outside printable ASCII: maybe a digit, space or mark to normalise
            i = m.start()
            if i > at:
                chars.append(raw[at:i])
                offsets.extend(range(base + at, base + i))
            ch = _normal(raw[i])
            if ch:
                chars.append(ch)
                offsets.append(base + i)
            at = i + 1
    if b > at:
        chars.append(raw[at:b])
        offsets.extend(range(base + at, base + b))


_KEPT_SPACES = {"\u00a0", "\u202f", "\u2009"}  # no-break, narrow no-break, thin: the quantity reader knows them


@lru_cache(maxsize=4096)
def _normal(ch: str) -> str:
    """One character of the text used for matching: the same character, a same-length stand-in, or "" (dropped).

    Unicode decimal digits ("٣", "３") become ASCII digits; a figure space becomes a thin space (a digit-group
    separator the quantity reader knows) and other Unicode spaces a plain space; format characters (zero-width
    joiners and spaces, right-to-left and other direction marks, soft hyphens, a stray BOM) are dropped, so
    "1\u200d000" reads as 1000; control characters become a space (a tab stays). The Document keeps the
    original characters and `offsets` still maps every kept character to its place in the file.
    """
    if ch == "\t" or ch in _KEPT_SPACES:
        return ch
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return ""
    if ch == "\u2007":
        return "\u2009"
    if cat in ("Zs", "Zl", "Zp", "Cc"):
        return " "
    return ch


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[max(start, m.start() - 40) : m.start()].rsplit(None, 1)  # bounded: no quadratic scan
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((start, m.end(1)))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for open_q, close_q in _QUOTE_PAIRS:
        i = 0
        while True:
            a = text.find(open_q, i)
            if a < 0:
                break
            # an apostrophe inside a word is not a quotation mark
            if open_q == "‘" and a > 0 and text[a - 1].isalnum():
                i = a + 1
                continue
            b = text.find(close_q, a + 1)
            while open_q == "‘" and b > 0 and b + 1 < len(text) and text[b + 1].isalnum():
                b = text.find(close_q, b + 1)
            if b < 0:
                break
            spans.append((a, b + 1))
            i = b + 1
    return tuple(sorted(spans))


def sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for line in doc.lines:
        if line.role not in CLAIM_ROLES or not line.text.strip():
            continue
        a, b = _content_start(line)
        text, offsets = clean(line.text[a:b], line.start + a)
        if not text.strip():
            continue
        quotes = _quote_spans(text)
        role, number = line.role, line.number
        spans = [(0, len(text))] if role == "heading" else split_sentences(text)
        active: list[tuple[int, int]] = []  # quotes that start before this sentence ends (spans come in order)
        q_next = 0
        for idx, (s, e) in enumerate(spans):
            while q_next < len(quotes) and quotes[q_next][0] < e:
                active.append(quotes[q_next])
                q_next += 1
            sub_quotes: tuple[tuple[int, int], ...] = ()
            if active:
                active = [q for q in active if q[1] > s]
                sub_quotes = tuple((max(qa, s) - s, min(qb, e) - s) for qa, qb in active)
            # positional: document, line, role, label, heading, paragraph, index, text, offsets, line_start, quotes
            sentence = Sentence(
                doc.id, number, role, line.label, line.heading, number, idx, text[s:e], tuple(offsets[s:e]),
                line.start, sub_quotes,
            )  # fmt: skip
            out.append(sentence)
    return out


QUOTE_LIMIT = 600  # a quote longer than this is cut around its claim: one claim never carries a whole huge line


def quote_around(text: str, start: int, end: int) -> str:
    """The sentence around a claim; on a sentence longer than QUOTE_LIMIT, a window around the claim."""
    if len(text) <= QUOTE_LIMIT:
        return text
    half = max(0, (QUOTE_LIMIT - (end - start)) // 2)
    a, b = max(0, start - half), min(len(text), end + half)
    return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")
