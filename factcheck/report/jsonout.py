"""The JSON contract (`factcheck.report/1`): stable field names, extended but never renamed.

`write` streams the report record by record, so a large report is never held as one dictionary or one
string; `render` returns the same text. Both give exactly what `json.dumps(report_dict(report), indent=2,
ensure_ascii=False) + "\\n"` gives, with the standard library's string escaping.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring  # the C escaper when available, as json.dumps uses with ensure_ascii=False
from typing import Any, TextIO

from factcheck.models import Claim, Document, Fact, Finding, Report

SCHEMA = "factcheck.report/1"
INDENT = "  "


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
        "stated_value": _num(c.stated_value),
        "stated_unit": c.stated_unit,
        "change": c.change,
        "concept": c.concept,
    }


def _document_dict(d: Document) -> dict[str, Any]:
    return {"id": d.id, "path": d.path, "title": d.title, "date": d.date, "warnings": d.warnings}


def _finding_dict(f: Finding, by_id: dict[str, Claim], paths: dict[str, str]) -> dict[str, Any]:
    return {
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


def _summary(report: Report) -> dict[str, Any]:
    severities = Counter(f.severity for f in report.findings)
    return {
        "documents": len(report.documents),
        "claims": len(report.claims),
        "facts": len(report.facts),
        "findings": len(report.findings),
        **{s: severities[s] for s in ("error", "warning", "info")},
    }


def _fact_dict(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "metric": f.metric,
        "subject": f.subject,
        "object": f.object,
        "dimension": f.dimension,
        "status": f.status,
        "claims": f.claims,
    }


# a top-level key with its value, or with the items of its list, made one at a time
_Section = tuple[str, Callable[[], Any] | None, Callable[[], Iterator[Any]] | None]


def _sections(report: Report) -> list[_Section]:
    """The top-level keys in order."""
    paths = {d.id: d.path for d in report.documents}
    by_id: dict[str, Claim] = {}

    def findings() -> Iterator[dict[str, Any]]:
        by_id.update((c.id, c) for c in report.claims)
        return (_finding_dict(f, by_id, paths) for f in report.findings)

    return [
        ("schema", lambda: SCHEMA, None),
        ("summary", lambda: _summary(report), None),
        ("documents", None, lambda: (_document_dict(d) for d in report.documents)),
        ("claims", None, lambda: (claim_dict(c) for c in report.claims)),
        ("facts", None, lambda: (_fact_dict(f) for f in report.facts)),
        ("findings", None, findings),
        ("checks", None, lambda: (c.model_dump() for c in report.checks)),
        ("corroborations", None, lambda: (c.model_dump() for c in report.corroborations)),
        ("rules_fired", None, lambda: iter(report.rules_fired)),
    ]


def report_dict(report: Report) -> dict[str, Any]:
    return {key: list(items()) if items is not None else value() for key, value, items in _sections(report)}  # type: ignore[misc]


# -- the encoder: json.dumps(indent=2, ensure_ascii=False), one value at a time ----------------------------


def _float(x: float) -> str:
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    return float.__repr__(x)


_KEYS: dict[str, str] = {}  # a key, encoded with its separator: keys repeat in every record


def _key(k: object) -> str:
    if type(k) is not str:  # a number, bool or None key is converted as the standard library converts it
        return (encode_basestring(k) if isinstance(k, str) else json.dumps({k: 0})[1:-4]) + ": "
    text = _KEYS.get(k)
    if text is None:
        text = encode_basestring(k) + ": "
        if len(_KEYS) < 10_000:
            _KEYS[k] = text
    return text


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    type(None): lambda _: "null",
    bool: lambda b: "true" if b else "false",
}


def _encode(o: Any, level: int) -> str:
    """`o` as json.dumps(indent=2, ensure_ascii=False) writes it at nesting depth `level`."""
    scalar = _SCALARS.get(type(o))
    if scalar is not None:
        return scalar(o)
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    if isinstance(o, dict):
        if not o:
            return "{}"
        inner = "\n" + INDENT * (level + 1)
        parts = []
        for k, v in o.items():
            scalar = _SCALARS.get(type(v))
            parts.append(_key(k) + (scalar(v) if scalar is not None else _encode(v, level + 1)))
        return "{" + inner + ("," + inner).join(parts) + "\n" + INDENT * level + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        inner = "\n" + INDENT * (level + 1)
        parts = []
        for v in o:
            scalar = _SCALARS.get(type(v))
            parts.append(scalar(v) if scalar is not None else _encode(v, level + 1))
        return "[" + inner + ("," + inner).join(parts) + "\n" + INDENT * level + "]"
    # anything else goes the standard library's way (and fails the same way)
    return json.dumps(o, indent=2, ensure_ascii=False).replace("\n", "\n" + INDENT * level)


def chunks(report: Report) -> Iterator[str]:
    """The report's JSON text in pieces of about one record each."""
    yield "{"
    first = True
    for key, value, items in _sections(report):
        yield ("\n" if first else ",\n") + INDENT + encode_basestring(key) + ": "
        first = False
        if items is None:
            assert value is not None
            yield _encode(value(), 1)
            continue
        empty = True
        for item in items():
            yield ("[\n" if empty else ",\n") + INDENT * 2 + _encode(item, 2)
            empty = False
        yield "[]" if empty else "\n" + INDENT + "]"
    yield "\n}\n"


def write(report: Report, out: TextIO) -> None:
    """Write the report to a text file as it is encoded: memory stays that of one record."""
    for piece in chunks(report):
        out.write(piece)


def render(report: Report) -> str:
    return "".join(chunks(report))
