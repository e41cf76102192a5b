"""SARIF 2.1.0 for GitHub code scanning: one run, every loaded rule, one result per finding.

Each result points at the draft's claim (`locations`) and lists the other sources' claims and sentences as
`relatedLocations`; `partialFingerprints` carries the baseline fingerprint, so code scanning tracks a finding
across line moves. URIs are the report's paths (relative to the working folder: run from the repository
root), percent-encoded, against `%SRCROOT%`.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.gate.select import GateResult, Place
from factcheck.ruleset.rule_set import RuleSet

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _artifact(path: str) -> dict[str, Any]:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _region(p: Place) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": p.line, "startColumn": max(1, p.column)}
    if p.text and "\n" not in p.text and p.relation != "directive":
        region["endColumn"] = max(1, p.column) + len(p.text)
        region["snippet"] = {"text": p.text}
    return region


def _related_text(o: Place) -> str:
    quote = " ".join(o.quote.split())
    return quote if o.relation == "claim" else f"{o.relation}: {quote}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def _rule(rid: str, ruleset: RuleSet) -> dict[str, Any]:
    r = ruleset.rules[rid]
    description = " ".join(r.description.split())
    name = "".join(w.capitalize() for w in rid.split("_"))
    return {
        "id": rid,
        "name": name,
        "shortDescription": {"text": _sentence(description)},
        "fullDescription": {"text": description},
        "help": {
            "text": f"{description}\n\nSilence one occurrence with <!-- factcheck: ignore {rid} --> on the line "
            "before the paragraph.",
            "markdown": f"{description}\n\nSilence one occurrence with `<!-- factcheck: ignore {rid} -->` on the "
            "line before the paragraph.",
        },
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {"tags": ["factcheck", ruleset.rule_family.get(rid, "")]},
    }


def sarif_dict(result: GateResult, ruleset: RuleSet) -> dict[str, Any]:
    rule_ids = sorted(ruleset.rules)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results = []
    for g in result.findings:
        res: dict[str, Any] = {
            "ruleId": g.rule,
            "level": LEVEL[g.severity],
            "message": {"text": " ".join(g.message.split())},
            "locations": [
                {"physicalLocation": {"artifactLocation": _artifact(g.place.path), "region": _region(g.place)}}
            ],
            "partialFingerprints": {"factcheckFingerprint/v1": g.fingerprint},
        }
        if g.rule in index:
            res["ruleIndex"] = index[g.rule]
        if g.others:
            res["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": {"artifactLocation": _artifact(o.path), "region": _region(o)},
                    "message": {"text": _related_text(o)},
                }
                for i, o in enumerate(g.others, 1)
            ]
        if g.weak:
            res["properties"] = {"weak": True}
        results.append(res)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rid, ruleset) for rid in rule_ids],
                    }
                },
                "invocations": [{"executionSuccessful": not result.errors}],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "drafts": result.drafts,
                    "suppressed": {"baseline": result.suppressed_baseline, "inline": result.suppressed_inline},
                },
            }
        ],
    }


def render(result: GateResult, ruleset: RuleSet) -> str:
    return json.dumps(sarif_dict(result, ruleset), indent=2, ensure_ascii=False) + "\n"
