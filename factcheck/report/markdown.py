"""The Markdown report for people: findings first, then what agrees, the fact matrix and the rest.

Everything quoted from an article is escaped, so no quote can break a table or inject HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TextIO

from factcheck.models import Claim, Document, Fact, Finding, Report

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# Direction controls (embeddings, overrides, isolates, marks) reorder how the rest of a line is displayed: a quote
# holding U+202E could make a table row read differently from its bytes. They are shown as visible code points.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str | None, limit: int | None = None) -> str:
    """Plain text -> Markdown that renders as that text, on one line, inside or outside a table."""
    if text is None:
        return ""
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _BIDI.sub(lambda m: f"&lt;U+{ord(m.group()):04X}&gt;", text)


class _Ctx:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = {c.id: c for c in report.claims}
        self.docs: dict[str, Document] = {d.id: d for d in report.documents}

    def where(self, doc_id: str, line: int) -> str:
        doc = self.docs.get(doc_id)
        path = " ".join((doc.path if doc else doc_id).split()).replace("`", "'").replace("|", "\\|")  # keep the row
        return f"`{path}:{line}`"

    def at(self, c: Claim) -> str:
        return self.where(c.document, c.line)

    def value(self, c: Claim) -> str:
        if c.kind in ("superlative", "exclusivity"):
            return escape(c.text)
        hedge = "" if c.qualifier in (None, "exact") else f" ({c.qualifier})"
        return escape(c.text) + hedge


def _summary(ctx: _Ctx, lines: list[str]) -> None:
    r = ctx.report
    count = {s: sum(1 for f in r.findings if f.severity == s) for s in ("error", "warning", "info")}
    lines += [
        "## Summary",
        "",
        f"- **{len(r.documents)}** documents, **{len(r.claims)}** claims, **{len(r.facts)}** facts "
        f"({sum(1 for f in r.facts if f.status == 'agree')} agree, "
        f"{sum(1 for f in r.facts if f.status == 'disagree')} disagree, "
        f"{sum(1 for f in r.facts if f.status == 'single_source')} single-source)",
        f"- **{len(r.findings)}** findings: {count['error']} errors, {count['warning']} warnings, {count['info']} info",
        "",
        "| document | title | date | claims |",
        "|---|---|---|---|",
    ]
    per_document = Counter(c.document for c in r.claims)
    for d in r.documents:
        n = per_document[d.id]
        lines.append(f"| {ctx.where(d.id, 1)[:-3]}` | {escape(d.title, 90)} | {d.date or '—'} | {n} |")
    lines.append("")


def _finding(ctx: _Ctx, f: Finding, lines: list[str]) -> None:
    flagged = [ctx.claims[c] for c in f.claims if c in ctx.claims]
    weak = " · weak evidence" if f.weak else ""
    lines += [f"### {f.id} · {f.severity} · `{f.rule}`{weak}", "", escape(f.message), ""]
    docs_flagged = {c.document for c in flagged}
    lines += ["| where | claim | quote |", "|---|---|---|"]
    for c in flagged:
        lines.append(f"| {ctx.at(c)} | {ctx.value(c)} | {escape(c.quote, 240)} |")
    related = [ctx.claims[c] for c in f.related if c in ctx.claims]
    others = [e for e in f.evidence if e.document not in docs_flagged or e.relation != "related"]
    if related or others:
        lines += ["", "Other sources:", "", "| where | relation | quote |", "|---|---|---|"]
        relation = "states the same figure" if f.kind == "numeric_disagreement" else "related claim"
        for c in related:
            lines.append(f"| {ctx.at(c)} | {relation} | {escape(c.quote, 240)} |")
        for e in others:
            lines.append(f"| {ctx.where(e.document, e.line)} | {e.relation} | {escape(e.quote, 240)} |")
    lines.append("")


def _fact_name(f: Fact) -> str:
    obj = f" → {f.object}" if f.object else ""
    return f"{f.subject or '(no subject)'} · {f.metric.replace('_', ' ')}{obj}"


def _agreeing(ctx: _Ctx, lines: list[str]) -> None:
    facts = [f for f in ctx.report.facts if f.status == "agree"]
    lines += ["## Facts that agree", ""]
    if not facts:
        lines += ["None.", ""]
        return
    lines += ["| fact | sources | values |", "|---|---|---|"]
    for f in facts:
        cs = [ctx.claims[c] for c in f.claims]
        lines.append(
            f"| {escape(_fact_name(f))} | {', '.join(ctx.at(c) for c in cs)} | "
            f"{'; '.join(_with_equivalents(ctx, c) for c in cs)} |"
        )
    lines.append("")


def _with_equivalents(ctx: _Ctx, c: Claim) -> str:
    eq = "".join(f" ({escape(q.text)})" for q in c.equivalents)
    return ctx.value(c) + eq


def _matrix(ctx: _Ctx, lines: list[str]) -> None:
    """Metric x source: one row per fact stated by several sources, one column per source (the first 12
    characters of its id); facts of the same name share a row and a cell joins its values with "; ".

    The table grows with facts x sources, so it is not held: each row goes to `lines` as it is made."""
    cells: dict[str, dict[str, list[str]]] = {}  # fact name -> source -> values, in order of appearance
    for f in ctx.report.facts:
        if f.status == "single_source":
            continue
        row = cells.setdefault(_fact_name(f), {})
        for cid in f.claims:
            c = ctx.claims[cid]
            row.setdefault(c.document[:12], []).append(c.text)
    lines += ["## Fact matrix", ""]
    if not cells:
        lines += ["No fact is stated by more than one source.", ""]
        return
    columns = sorted({source for row in cells.values() for source in row})
    position = {source: i for i, source in enumerate(columns)}
    lines.append("| fact | " + " | ".join(escape(c) for c in columns) + " |")
    lines.append("|---" * (len(columns) + 1) + "|")
    for fact, row in cells.items():
        out = [""] * len(columns)
        for source, values in row.items():
            out[position[source]] = escape("; ".join(values))
        lines.append(f"| {escape(fact)} | " + " | ".join(out) + " |")
    lines.append("")


def _single(ctx: _Ctx, lines: list[str]) -> None:
    flagged = {c for f in ctx.report.findings for c in f.claims}
    facts = [
        f
        for f in ctx.report.facts
        if f.status == "single_source" and f.dimension not in ("superlative", "exclusivity", "date")
    ]
    lines += ["## Claims stated by one source only", ""]
    rows = []
    for f in facts:
        cs = [ctx.claims[c] for c in f.claims if c not in flagged]
        teaser = all(c.teaser for c in cs)
        if cs:
            c = cs[0]
            rows.append(
                (
                    teaser,
                    f"| {', '.join(ctx.at(x) for x in cs)} | {escape(_fact_name(f))} | "
                    f"{'; '.join(_with_equivalents(ctx, x) for x in cs)}{_extra(c)} | {escape(c.quote, 200)} |",
                )
            )
    if not rows:
        lines += ["None.", ""]
        return
    lines += ["| where | fact | value | quote |", "|---|---|---|---|"]
    lines += [r for t, r in rows if not t]
    teasers = [r for t, r in rows if t]
    if teasers:
        lines += [
            "",
            "From teaser blocks (other stories; weaker evidence, never checked against the articles):",
            "",
            "| where | fact | value | quote |",
            "|---|---|---|---|",
            *teasers,
        ]
    lines.append("")


def _extra(c: Claim) -> str:
    parts = []
    if c.per:
        parts.append(f" per {escape(c.per)}")
    if c.period:
        parts.append(f", {escape(c.period)}")
    return "".join(parts)


def _checks(ctx: _Ctx, lines: list[str]) -> None:
    lines += ["## Checks within one source", ""]
    if not ctx.report.checks:
        lines += ["None.", ""]
        return
    lines += ["| check | status | where | detail |", "|---|---|---|---|"]
    for ch in ctx.report.checks:
        c = ctx.claims[ch.claims[0]]
        mark = "✓ consistent" if ch.status == "consistent" else "✗ mismatch"
        lines.append(f"| {ch.kind} | {mark} | {ctx.at(c)} | {escape(ch.detail)} |")
    lines.append("")


def _corroborated(ctx: _Ctx, lines: list[str]) -> None:
    lines += ["## Corroborated superlatives and exclusivity", ""]
    if not ctx.report.corroborations:
        lines += ["None.", ""]
        return
    lines += ["| where | claim | supported by |", "|---|---|---|"]
    for co in ctx.report.corroborations:
        c = ctx.claims[co.claim]
        support = "; ".join(f"{ctx.at(ctx.claims[s])} {escape(ctx.claims[s].text, 100)}" for s in co.supported_by)
        lines.append(f"| {ctx.at(c)} | {escape(c.subject)}: {escape(c.text, 120)} | {support} |")
    lines.append("")


def _rules(ctx: _Ctx, lines: list[str], descriptions: dict[str, str]) -> None:
    lines += ["## Rules that fired", ""]
    if not ctx.report.rules_fired:
        lines += ["None.", ""]
        return
    lines += ["| rule | findings | what it checks |", "|---|---|---|"]
    per_rule = Counter(f.rule for f in ctx.report.findings)
    for rule in ctx.report.rules_fired:
        n = per_rule[rule]
        lines.append(f"| `{rule}` | {n} | {escape(descriptions.get(rule, ''))} |")
    lines.append("")


class _Lines(list[str]):
    """The report's lines, handed on in batches as they are added (`+=`, `append`) instead of all kept: the
    text is "\n".join of all lines, with the trailing whitespace of the whole stripped and one newline added."""

    def __init__(self, emit: Callable[[str], object], batch: int = 1000) -> None:
        super().__init__()
        self.emit = emit
        self.batch = batch
        self.started = False
        self.held = ""  # trailing whitespace so far: kept back until something follows it

    def append(self, line: str) -> None:
        super().append(line)
        if len(self) >= self.batch:
            self.flush()

    def __iadd__(self, more: Iterable[str]) -> _Lines:  # type: ignore[override]
        self.extend(more)
        if len(self) >= self.batch:
            self.flush()
        return self

    def flush(self) -> None:
        if not self:
            return
        text = self.held + ("\n" if self.started else "") + "\n".join(self)
        self.clear()
        self.started = True
        kept = len(text.rstrip())
        self.held = text[kept:]
        if kept:
            self.emit(text[:kept])

    def close(self) -> None:
        self.flush()
        self.emit("\n")


def _write(report: Report, emit: Callable[[str], object], descriptions: dict[str, str] | None) -> None:
    ctx = _Ctx(report)
    lines = _Lines(emit)
    lines += ["# factcheck report", ""]
    _summary(ctx, lines)
    lines += ["## Findings", ""]
    if not report.findings:
        lines += ["No findings.", ""]
    for f in report.findings:
        _finding(ctx, f, lines)
    _agreeing(ctx, lines)
    _matrix(ctx, lines)
    _single(ctx, lines)
    _checks(ctx, lines)
    _corroborated(ctx, lines)
    _rules(ctx, lines, descriptions or {})
    lines.close()


def write(report: Report, out: TextIO, descriptions: dict[str, str] | None = None) -> None:
    """Write the report to a text file as it is made (the fact matrix alone grows with facts x sources)."""
    _write(report, out.write, descriptions)


def render(report: Report, descriptions: dict[str, str] | None = None) -> str:
    parts: list[str] = []
    _write(report, parts.append, descriptions)
    return "".join(parts)
