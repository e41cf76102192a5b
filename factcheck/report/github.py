"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per finding.

GitHub shows each as an annotation on the pull request's diff. Severities map to error, warning and notice.
Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (the other sources'
quotes follow the message on their own lines).
"""

from __future__ import annotations

from factcheck.gate.select import GateFinding, GateResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(g: GateFinding) -> str:
    lines = [" ".join(g.message.split())]
    if g.others:
        lines.append("Other sources:")
        for o in g.others:
            quote = " ".join(o.quote.split())
            relation = "" if o.relation == "claim" else f" ({o.relation})"
            lines.append(f"- {o.path}:{o.line}{relation}: {quote}")
    return "\n".join(lines)


def render(result: GateResult) -> str:
    out = []
    for g in result.findings:
        props = ",".join(
            [
                f"file={escape_property(g.place.path)}",
                f"line={g.place.line}",
                f"col={g.place.column}",
                f"title={escape_property(f'factcheck {g.rule}')}",
            ]
        )
        out.append(f"::{LEVEL[g.severity]} {props}::{escape_data(_message(g))}\n")
    return "".join(out)
