"""What comparing facts produces, and what every comparison shares to produce it.

A `Comparison` collects the findings, the within-document checks that passed or failed, the corroborations
and each fact's status; `finding` makes a Finding of a rule with the rule file's severity and message.
Findings are immutable records; every output format serialises the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.analyse.alignment import FactGroup
from factcheck.extract.corpus import Corpus
from factcheck.extract.entity_index import EntityIndex
from factcheck.models import Check, Claim, Corroboration, Evidence, Finding
from factcheck.ruleset.rule_set import RuleSet


@dataclass
class Comparison:
    findings: list[Finding] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    corroborations: list[Corroboration] = field(default_factory=list)
    statuses: dict[int, str] = field(default_factory=dict)


def location(c: Claim) -> str:
    return f"{c.document}:{c.line}"


def entity_name(index: EntityIndex, key: str | None) -> str:
    return index.name(key) or "(no subject)"


def fact_label(index: EntityIndex, g: FactGroup) -> str:
    obj = f" → {entity_name(index, g.object)}" if g.object else ""
    return f"{entity_name(index, g.subject)} {g.metric.replace('_', ' ')}{obj}"


def claim_order(c: Claim) -> tuple[str, int, int]:
    return (c.document, c.line, c.column)


def fact_status(g: FactGroup, conflicting: bool, corpus: Corpus, updated: bool = False) -> str:
    if conflicting:
        return "disagree"
    if updated:
        return "updated"
    return "agree" if corpus.independence.several([c for c in g.claims if not c.teaser]) else "single_source"


def finding(
    ruleset: RuleSet,
    kind: str,
    rule: str,
    claims: list[Claim],
    g: FactGroup | None,
    related: list[Claim] | None = None,
    evidence: list[Evidence] | None = None,
    weak: bool = False,
    severity: str | None = None,
    **values: object,
) -> Finding:
    return Finding(
        id="",
        kind=kind,
        rule=rule,
        severity=severity or ruleset.severity(rule),
        message=ruleset.message(rule, **values),
        claims=[c.id for c in claims],
        related=[c.id for c in related or []],
        evidence=evidence or [],
        weak=weak or any(c.teaser for c in claims),
    )
