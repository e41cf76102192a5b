"""Inline directives: `<!-- factcheck: ... -->` comment lines in an article.

- `<!-- factcheck: ignore RULE -->` silences RULE on the block that follows (the next run of non-blank
  lines, so a hard-wrapped paragraph is covered whole; blank lines between the comment and the block are
  allowed).
- `<!-- factcheck: disable RULE -->` ... `<!-- factcheck: enable RULE -->` silences RULE on every line in
  between (to the end of the file when no `enable` follows).

Several rules may be named, separated by commas or spaces; naming none (or `all`) means every rule. A rule id
that no loaded rule file defines, or an action other than ignore/disable/enable, is itself reported as an
`unknown_directive_rule` finding, so a misspelt ignore never fails silently. The loader gives these lines the
role `directive`, so they are never read as article text. Nothing here prints or exits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.models import Document, Evidence, Finding
from factcheck.ruleset.rule_set import RuleSet

RULE_ID = "unknown_directive_rule"
ACTIONS = ("ignore", "disable", "enable")
ALL = "all"

_BODY = re.compile(r"^\s*<!--\s*factcheck\s*:(?P<body>.*?)-->\s*$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Directive:
    line: int  # 1-based line of the comment
    action: str  # as written, lower-cased
    rules: tuple[str, ...]  # empty = every rule
    text: str  # the comment line


def parse_directives(doc: Document) -> list[Directive]:
    """Every factcheck comment of the document, in line order."""
    out = []
    for ln in doc.lines:
        if ln.role != "directive":
            continue
        m = _BODY.match(ln.text)
        if not m:
            continue
        words = [w for w in re.split(r"[\s,]+", m.group("body").strip()) if w]
        action = words[0].casefold() if words else ""
        rules = tuple(w for w in words[1:] if w.casefold() != ALL)
        out.append(Directive(line=ln.number, action=action, rules=rules, text=ln.text.strip()))
    return out


class Suppressions:
    """Which (line, rule) pairs of one document the directives silence."""

    def __init__(self, doc: Document) -> None:
        self._lines: dict[int, set[str] | None] = {}  # line -> silenced rules; None = every rule
        lines = doc.lines
        roles = {ln.number: ln.role for ln in lines}
        texts = {ln.number: ln.text for ln in lines}
        last = len(lines)
        active: dict[str, int] = {}  # rule (or ALL) -> line where it was disabled
        for d in parse_directives(doc):
            keys = list(d.rules) or [ALL]
            if d.action == "ignore":
                n = d.line + 1
                while n <= last and (not texts[n].strip() or roles[n] == "directive"):
                    n += 1
                while n <= last and texts[n].strip() and roles[n] != "directive":
                    self._add(n, keys)
                    n += 1
            elif d.action == "disable":
                for k in keys:
                    active.setdefault(k, d.line)
            elif d.action == "enable":
                for k in list(active) if not d.rules else keys:
                    start = active.pop(k, None)
                    if start is not None:
                        for n in range(start + 1, d.line):
                            self._add(n, [k])
        for k, start in active.items():
            for n in range(start + 1, last + 1):
                self._add(n, [k])

    def _add(self, line: int, keys: list[str]) -> None:
        if ALL in keys:
            self._lines[line] = None
            return
        current = self._lines.get(line, set())
        if current is None:
            return
        self._lines[line] = current | set(keys)

    def silences(self, line: int, rule: str) -> bool:
        if line not in self._lines:
            return False
        rules = self._lines[line]
        return rules is None or rule in rules


def unknown_directive_findings(documents: list[Document], ruleset: RuleSet) -> list[Finding]:
    """One finding per directive that names an unknown rule or action (ids are left empty for the caller)."""
    if RULE_ID not in ruleset.rules:
        return []
    known = set(ruleset.rules)
    out = []
    for doc in documents:
        for d in parse_directives(doc):
            if d.action not in ACTIONS:
                problem = f"unknown action {d.action!r} (use ignore, disable or enable)"
            else:
                unknown = [r for r in d.rules if r not in known]
                if not unknown:
                    continue
                problem = "unknown rule " + ", ".join(repr(r) for r in unknown)
            out.append(
                Finding(
                    id="",
                    kind=RULE_ID,
                    rule=RULE_ID,
                    severity=ruleset.severity(RULE_ID),
                    message=ruleset.message(RULE_ID, problem=problem),
                    claims=[],
                    evidence=[Evidence(document=doc.id, line=d.line, quote=d.text, relation="directive")],
                )
            )
    return out
