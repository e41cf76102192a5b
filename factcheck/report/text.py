"""One line a finding, for editors and grep: `path:line:col: severity rule message`."""

from __future__ import annotations

from factcheck.gate.select import GateResult


def render(result: GateResult) -> str:
    lines = [
        f"{g.place.path}:{g.place.line}:{g.place.column}: {g.severity} {g.rule} {' '.join(g.message.split())}"
        for g in result.findings
    ]
    return "".join(line + "\n" for line in lines)
