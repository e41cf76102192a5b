"""A mutation harness: change one aligned number in one document beyond tolerance and see whether the
right finding appears at the right file:line.

Mutations: the value (+60%, or -50% for a ceiling), the scale word (billion -> million),
the currency ($ -> ¥) and the hedge ("up to X" <-> "X"). A changed amount that has a parenthetical
equivalent is caught by the pair's rate (conversion_mismatch) as well as by other sources.
Only facts that several sources state (status agree) are mutated: those are the numbers whose change
another source can reveal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract import EntityFinder, extract_document
from factcheck.load import parse_document
from factcheck.models import Claim, DocumentExtract, Report
from factcheck.pipeline import analyse_extracts
from factcheck.ruleset.rule_set import RuleSet

SCALES = [
    ("trillion", "billion"),
    ("billion", "million"),
    ("million", "thousand"),
    ("bn", "m"),
    ("tn", "bn"),
    ("gigawatts", "megawatts"),
    ("gigawatt", "megawatt"),
    ("GW", "MW"),
    ("MW", "kW"),
]
CURRENCIES = [("US$", "¥"), ("$", "¥"), ("€", "¥"), ("£", "¥"), ("USD", "JPY"), ("EUR", "JPY"), ("GBP", "JPY")]
EXPECTED = {
    "value": {"numeric_disagreement"},
    "scale": {"numeric_disagreement"},
    "currency": {"numeric_disagreement"},
    "hedge": {"hedge_mismatch", "numeric_disagreement"},
}


@dataclass(frozen=True)
class Mutation:
    kind: str
    document: str
    line: int
    old: str
    new: str


@dataclass(frozen=True)
class Outcome:
    mutation: Mutation
    caught: bool
    findings: tuple[str, ...]


class Corpus:
    def __init__(self, folder: Path, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self.finder = EntityFinder(ruleset.entities)
        files = [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix in (".txt", ".md")]
        self.paths = {p.stem: str(p) for p in files}  # document id -> path
        self.texts = {p.stem: p.read_text(encoding="utf-8") for p in files}
        self.extracts = {doc: self._extract(doc, text) for doc, text in self.texts.items()}

    def _extract(self, doc: str, text: str) -> DocumentExtract:
        parsed = parse_document(self.paths[doc], text, self.ruleset.boilerplate)
        return extract_document(parsed, self.ruleset, self.finder)

    def report(self, replace: dict[str, str] | None = None) -> Report:
        replace = replace or {}
        extracts = [self._extract(n, replace[n]) if n in replace else e for n, e in self.extracts.items()]
        return analyse_extracts(extracts, self.ruleset)


CEILINGS = {"up_to", "under"}


def _mutate_text(kind: str, c: Claim, others: list[Claim]) -> str | None:
    """The claim's text changed by one mutation, or None where the mutation cannot show.

    A ceiling is lowered (raising "up to X" above the others' firm amounts contradicts nothing) and
    everything else raised; a hedge is flipped only against the others' hedge, since "up to X" beside
    "up to X", or "X" beside "X", agree."""
    text = c.text
    if kind == "value":
        m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
        if not m:
            return None
        factor = 0.5 if c.qualifier in CEILINGS else 1.6
        number = float(m.group().replace(",", ""))
        decimals = len(m.group().split(".")[1]) if "." in m.group() else 0
        new = f"{number * factor:,.{decimals}f}" if "," in m.group() else f"{number * factor:.{decimals}f}"
        return text[: m.start()] + new + text[m.end() :]
    if kind == "scale":
        for old, new in SCALES:
            m = re.search(rf"(?<![A-Za-z]){re.escape(old)}(?![a-z])", text)
            if m:
                return text[: m.start()] + new + text[m.end() :]
        return None
    if kind == "currency":
        if c.dimension != "currency":
            return None
        for old, new in CURRENCIES:
            if old in text:
                return text.replace(old, new, 1)
        return None
    if kind == "hedge":
        others_hedges = {o.qualifier for o in others}
        m = re.match(r"(?i)up to\s+", text)
        if m and others_hedges <= CEILINGS:
            return text[m.end() :]
        if c.qualifier == "exact" and others_hedges == {"exact"}:
            return "up to " + text
        return None
    raise ValueError(kind)


def mutations(corpus: Corpus, report: Report) -> list[Mutation]:
    claims = {c.id: c for c in report.claims}
    out: list[Mutation] = []
    for fact in report.facts:
        members = [claims[i] for i in fact.claims]
        if fact.status != "agree" or any(c.kind != "quantity" for c in members):
            continue
        for c in members:
            if c.teaser or c.qualifier in ("range", "vague"):
                continue
            others = [o for o in members if o.document != c.document and not o.teaser]
            for kind in EXPECTED:
                new = _mutate_text(kind, c, others)
                if new is not None and new != c.text:
                    out.append(Mutation(kind, c.document, c.line, c.text, new))
    return out


def apply(corpus: Corpus, m: Mutation) -> str:
    text = corpus.texts[m.document]
    lines = text.split("\n")
    line = lines[m.line - 1]
    assert m.old in line, (m, line)
    lines[m.line - 1] = line.replace(m.old, m.new, 1)
    return "\n".join(lines)


def run(corpus: Corpus) -> list[Outcome]:
    base = corpus.report()
    outcomes = []
    for m in mutations(corpus, base):
        report = corpus.report({m.document: apply(corpus, m)})
        at = {c.id for c in report.claims if c.document == m.document and c.line == m.line}
        expected = EXPECTED[m.kind] | ({"conversion_mismatch"} if m.kind != "hedge" else set())
        hits = [f for f in report.findings if f.kind in expected and at & set(f.claims)]
        outcomes.append(Outcome(m, bool(hits), tuple(f.rule for f in hits)))
    return outcomes
