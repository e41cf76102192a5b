"""The JSON contract (`factcheck.report/1`): stable field names, extended but never renamed."""

from __future__ import annotations

import json
import math
from typing import Any

from factcheck.models import Claim, Report

SCHEMA = "factcheck.report/1"


def _num(x: float | str | None) -> float | str | None:
    if isinstance(x, float) and (math.isinf(x) or math.isnan(x)):
        return None
    return x


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "document": c.document,
        "line": c.line,
        "column": c.column,
        "text": c.text,
        "quote": c.quote,
        "kind": c.kind,
        "subject": c.subject,
        "metric": c.metric,
        "object": c.object,
        "value": _num(c.value),
        "low": _num(c.low),
        "high": _num(c.high),
        "unit": c.unit,
        "qualifier": c.qualifier,
        "attributed": c.attributed,
        "teaser": c.teaser,
        "quoted": c.quoted,
        "dimension": c.dimension,
        "noun": c.noun,
        "period": c.period,
        "per": c.per,
        "total": c.total,
        "scope": c.scope,
        "word": c.word,
        "equivalents": [{"text": q.text, "value": q.value, "unit": q.unit} for q in c.equivalents],
    }


def report_dict(report: Report) -> dict[str, Any]:
    by_id = {c.id: c for c in report.claims}
    paths = {d.id: d.path for d in report.documents}
    severities = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    return {
        "schema": SCHEMA,
        "summary": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "facts": len(report.facts),
            "findings": len(report.findings),
            **severities,
        },
        "documents": [
            {"id": d.id, "path": d.path, "title": d.title, "date": d.date, "warnings": d.warnings}
            for d in report.documents
        ],
        "claims": [claim_dict(c) for c in report.claims],
        "facts": [
            {
                "id": f.id,
                "metric": f.metric,
                "subject": f.subject,
                "object": f.object,
                "dimension": f.dimension,
                "status": f.status,
                "claims": f.claims,
            }
            for f in report.facts
        ],
        "findings": [
            {
                "id": f.id,
                "kind": f.kind,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "claims": f.claims,
                "related": f.related,
                "fact": f.fact,
                "weak": f.weak,
                "locations": [
                    {"path": paths.get(by_id[c].document), "line": by_id[c].line, "column": by_id[c].column}
                    for c in f.claims
                    if c in by_id
                ],
                "evidence": [
                    {
                        "document": e.document,
                        "path": paths.get(e.document),
                        "line": e.line,
                        "quote": e.quote,
                        "relation": e.relation,
                    }
                    for e in f.evidence
                ],
            }
            for f in report.findings
        ],
        "checks": [c.model_dump() for c in report.checks],
        "corroborations": [c.model_dump() for c in report.corroborations],
        "rules_fired": report.rules_fired,
    }


def render(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
