"""`factcheck check` for people: each finding at the draft's line, the other sources' quotes beside it."""

from __future__ import annotations

from factcheck.gate.select import GateResult, Place, summary
from factcheck.report.markdown import escape


def _where(p: Place) -> str:
    path = " ".join(p.path.split()).replace("`", "'").replace("|", "\\|")  # a pipe would split the table row
    return f"`{path}:{p.line}`"


def render(result: GateResult) -> str:
    lines = ["# factcheck check", "", summary(result), ""]
    if not result.findings:
        lines += ["No findings.", ""]
    for g in result.findings:
        weak = " · weak evidence" if g.weak else ""
        lines += [f"## {_where(g.place)} · {g.severity} · `{g.rule}`{weak}", "", escape(g.message), ""]
        lines += ["| where | claim | quote |", "|---|---|---|"]
        lines.append(f"| **{_where(g.place)}** | {escape(g.place.text, 80)} | {escape(g.place.quote, 240)} |")
        for o in g.others:
            claim = escape(o.text, 80) if o.text else f"({o.relation})"
            lines.append(f"| {_where(o)} | {claim} | {escape(o.quote, 240)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
