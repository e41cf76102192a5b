"""`factcheck check --format json`: schema `factcheck.check/1`; fields are added, never renamed."""

from __future__ import annotations

import json
from typing import Any

from factcheck.gate.select import GateResult

SCHEMA = "factcheck.check/1"


def check_dict(result: GateResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "summary": {
            "drafts": len(result.drafts),
            "documents": result.corpus,
            "findings": len(result.findings),
            **result.counts(),
            "fail_on": result.fail_on,
            "failing": len(result.failing),
            "suppressed": {"baseline": result.suppressed_baseline, "inline": result.suppressed_inline},
            "disabled": result.disabled,
        },
        "drafts": result.drafts,
        "findings": [
            {
                "rule": g.rule,
                "kind": g.kind,
                "severity": g.severity,
                "message": g.message,
                "path": g.place.path,
                "line": g.place.line,
                "column": g.place.column,
                "text": g.place.text,
                "quote": g.place.quote,
                "weak": g.weak,
                "fingerprint": g.fingerprint,
                "others": [o.model_dump() for o in g.others],
            }
            for g in result.findings
        ],
        "errors": result.errors,
    }


def render(result: GateResult) -> str:
    return json.dumps(check_dict(result), indent=2, ensure_ascii=False) + "\n"
