"""Findings in the editor's terms: a `GateFinding` as a diagnostic, the hover over it, the ignore comment.

Positions: a finding's place is a 1-based line and a 1-based column counted in characters of the text that was
checked, split into lines as `load` splits them (`\\n`, `\\r\\n` or `\\r`, as the LSP does). They become
0-based LSP positions in the client's units (UTF-16 unless the client chose another encoding) through pygls's
position codec. Places in other files are given in characters: their text is not at hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from factcheck.gate import GateFinding, Place

SOURCE = "factcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_IGNORE = re.compile(r"^(?P<indent>\s*)<!--\s*factcheck\s*:\s*ignore\b(?P<rules>.*?)-->\s*$", re.IGNORECASE)
_DIRECTIVE = re.compile(r"^\s*<!--\s*factcheck\s*:.*-->\s*$", re.IGNORECASE)


def split_lines(text: str) -> list[str]:
    """The text's lines as `load` numbers them (without their line breaks)."""
    return _LINE_BREAK.split(text)


def file_uri(path: str) -> str:
    """The file URI of a path as reports show it (relative to the working folder)."""
    return from_fs_path(str(Path(path).resolve())) or Path(path).resolve().as_uri()


@dataclass(frozen=True)
class Flagged:
    """A published finding: where it is in the client's units, and what it is."""

    range: types.Range
    finding: GateFinding

    def contains(self, position: types.Position) -> bool:
        at = (position.line, position.character)
        start, end = self.range.start, self.range.end
        return (start.line, start.character) <= at <= (end.line, end.character)


def place_range(lines: Sequence[str], place: Place, codec: PositionCodec) -> types.Range:
    """Where a place of the checked text is, in the client's units: its claim's characters (which may run over
    a line break), else its whole line."""
    if not lines:
        return types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    line = min(max(place.line - 1, 0), len(lines) - 1)
    start = min(max(place.column - 1, 0), len(lines[line]))
    if not place.text or (place.text == place.quote and place.column <= 1):
        start, end_line, end = 0, line, len(lines[line])  # a finding about a line: all of it
    else:
        end_line, end, left = line, start, len(place.text)
        while left > len(lines[end_line]) - end and end_line + 1 < len(lines):
            left -= len(lines[end_line]) - end + 1  # the rest of the line and its break
            end_line, end = end_line + 1, 0
        end = min(end + left, len(lines[end_line]))
    server = types.Range(
        start=types.Position(line=line, character=start), end=types.Position(line=end_line, character=end)
    )
    return codec.range_to_client_units(list(lines), server)


def _other_location(place: Place) -> types.Location:
    line = max(place.line - 1, 0)
    start = max(place.column - 1, 0)
    end = start + len(place.text) if place.text else start
    return types.Location(
        uri=file_uri(place.path),
        range=types.Range(
            start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)
        ),
    )


def _related_message(place: Place) -> str:
    quote = " ".join(place.quote.split())
    if place.text and place.text != place.quote:
        return f"{place.text} ({place.relation}): {quote}"
    return f"({place.relation}) {quote}"


def diagnostic(finding: GateFinding, where: types.Range) -> types.Diagnostic:
    """The finding as an LSP diagnostic at `where`: severity, the rule as the code, the message, the other
    sources' claims and sentences as related information (file, line, quote)."""
    return types.Diagnostic(
        range=where,
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule,
        source=SOURCE,
        related_information=[
            types.DiagnosticRelatedInformation(location=_other_location(p), message=_related_message(p))
            for p in finding.others
        ]
        or None,
        data={"rule": finding.rule, "fingerprint": finding.fingerprint},
    )


def flagged(findings: Sequence[GateFinding], text: str, codec: PositionCodec) -> list[Flagged]:
    """Each finding of a draft with its range in the checked text."""
    lines = split_lines(text)
    return [Flagged(place_range(lines, f.place, codec), f) for f in findings]


# -- hover ---------------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|") or " "


def hover_markdown(findings: Sequence[GateFinding]) -> str:
    """The facts behind the findings at one place: for each, its message and each source's claim and quote."""
    parts = []
    for f in findings:
        rows = [f"| this draft, line {f.place.line} | {_cell(f.place.text)} | {_cell(f.place.quote)} |"]
        for p in f.others:
            claim = p.text if p.text and p.text != p.quote else f"({p.relation})"
            rows.append(f"| `{_cell(p.path)}:{p.line}` | {_cell(claim)} | {_cell(p.quote)} |")
        parts.append(
            "\n".join(
                [
                    f"**factcheck** · {f.severity} · `{f.rule}`",
                    "",
                    " ".join(f.message.split()),
                    "",
                    "| source | claim | quote |",
                    "|---|---|---|",
                    *rows,
                ]
            )
        )
    return "\n\n---\n\n".join(parts)


# -- the ignore comment --------------------------------------------------------------------------------


def _front_matter_end(lines: Sequence[str]) -> int:
    """The 0-based line that closes a leading YAML front matter block, or -1."""
    if not lines or lines[0].strip() != "---":
        return -1
    for i in range(1, min(len(lines), 400)):
        if lines[i].strip() in ("---", "..."):
            return i
    return -1


def ignore_edit(text: str, line: int, rule: str, codec: PositionCodec) -> types.TextEdit | None:
    """The edit that silences `rule` on the paragraph holding 0-based `line`: an ignore comment above it (or the
    rule added to the ignore comment already there). None when the line is in the front matter, is blank or
    is a comment, or when the paragraph is ignored for that rule already."""
    lines = split_lines(text)
    floor = _front_matter_end(lines) + 1  # the first line a comment may go on
    if not floor <= line < len(lines) or not lines[line].strip() or _DIRECTIVE.match(lines[line]):
        return None
    start = line
    while start > floor and lines[start - 1].strip() and not _DIRECTIVE.match(lines[start - 1]):
        start -= 1
    m = _IGNORE.match(lines[start - 1]) if start > floor else None
    if m:
        named = [w for w in re.split(r"[\s,]+", m.group("rules").strip()) if w]
        if not named or rule in named or "all" in (w.casefold() for w in named):
            return None
        comment = f"{m.group('indent')}<!-- factcheck: ignore {' '.join([*named, rule])} -->"
        whole = types.Range(
            start=types.Position(line=start - 1, character=0),
            end=types.Position(line=start - 1, character=len(lines[start - 1])),
        )
        return types.TextEdit(range=codec.range_to_client_units(lines, whole), new_text=comment)
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    newline = "\r\n" if "\r\n" in text else "\n"
    at = types.Position(line=start, character=0)
    return types.TextEdit(
        range=types.Range(start=at, end=at), new_text=f"{indent}<!-- factcheck: ignore {rule} -->{newline}"
    )
