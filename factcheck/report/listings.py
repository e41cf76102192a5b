"""`factcheck claims` and `factcheck quantities`: one record per claim or quantity, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from factcheck.models import Document, Quantity, Report

if TYPE_CHECKING:
    from factcheck.extract.sentences import Sentence

# Columns are added at the end (a CSV reader may go by position): the number and unit as stated, the change, the
# concept.
CLAIM_COLUMNS = [
    "where", "kind", "subject", "metric", "object", "text", "value", "low", "high", "unit", "qualifier",
    "stated_value", "stated_unit", "change", "concept",
]  # fmt: skip
# CSV only: the rest of the JSON contract's claim fields, so that the CSV holds every field (claim_table.py)
CSV_EXTRA = [
    "path", "id", "document", "line", "column", "quote", "attributed", "teaser", "quoted", "dimension", "noun",
    "period", "per", "total", "scope", "word", "equivalents",
]  # fmt: skip
QUANTITY_COLUMNS = [
    "where", "text", "value", "low", "high", "unit", "qualifier", "dimension", "noun", "stated", "change", "concept",
]  # fmt: skip


def render_claims(report: Report, fmt: str) -> str:
    """Every claim of the report: `json`, `csv` or `table`."""
    from factcheck.report import jsonout

    docs = {d.id: d.path for d in report.documents}
    if fmt == "json":
        out = [{"path": docs[c.document], **jsonout.claim_dict(c)} for c in report.claims]
        return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    rows = [
        {
            "where": f"{docs[c.document]}:{c.line}",
            "kind": c.kind,
            "subject": c.subject or "",
            "metric": c.metric or "",
            "object": c.object or "",
            "text": c.text,
            "value": _fmt(c.value),
            "low": _fmt(c.low),
            "high": _fmt(c.high),
            "unit": c.unit or "",
            "qualifier": c.qualifier or "",
            "stated_value": _fmt(c.stated_value),
            "stated_unit": c.stated_unit or "",
            "change": c.change or "",
            "concept": c.concept or "",
        }
        for c in report.claims
    ]
    if fmt == "csv":
        for row, c in zip(rows, report.claims, strict=True):
            contract = jsonout.claim_dict(c)
            row.update({k: contract.get(k) for k in CSV_EXTRA}, path=docs[c.document])
            row["equivalents"] = json.dumps(contract["equivalents"], ensure_ascii=False)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS + CSV_EXTRA, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    return _table(rows, CLAIM_COLUMNS)


def quantity_record(doc: Document, sentence: Sentence, q: Quantity) -> dict[str, object]:
    """A quantity the extractor found in a sentence of a document: path, line, column, text (the exact
    characters of the file), value, low, high, unit, qualifier, dimension, noun and date (for dates); then the
    number and unit as the text states them (stated_value, stated_unit), the direction of a change the text
    states (change: "up", "down" or None) and what the number measures (concept)."""
    a, b = sentence.file_span(q.start, q.end)
    return {
        "path": doc.path,
        "line": sentence.line,
        "column": sentence.column(q.start),
        "text": doc.text[a:b],
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "dimension": q.dimension,
        "noun": q.noun,
        "date": _date_text(q),
        "stated_value": q.stated_value,
        "stated_unit": q.stated_unit,
        "change": q.change,
        "concept": q.concept,
    }


def render_quantities(records: list[dict[str, object]], fmt: str) -> str:
    """The quantity records: `json` or `table`."""
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    rows = [
        {
            "where": f"{r['path']}:{r['line']}:{r['column']}",
            "text": " ".join(str(r["text"]).split()),
            "value": _fmt(r["value"]) if r["date"] is None else str(r["date"]),  # type: ignore[arg-type]
            "low": _fmt(r["low"]),  # type: ignore[arg-type]
            "high": _fmt(r["high"]),  # type: ignore[arg-type]
            "unit": str(r["unit"]),
            "qualifier": str(r["qualifier"]),
            "dimension": str(r["dimension"]),
            "change": str(r.get("change") or ""),
            "noun": str(r["noun"] or ""),
            "stated": _stated(r.get("stated_value"), r.get("stated_unit")),  # type: ignore[arg-type]
            "concept": str(r.get("concept") or ""),
        }
        for r in records
    ]
    return _table(rows, QUANTITY_COLUMNS)


def _stated(value: float | None, unit: str | None) -> str:
    """ "40 yard", "5e+09 $", "3 " for a count: the number and unit as the text states them."""
    if value is None:
        return ""
    return f"{_fmt(value)} {unit}" if unit else _fmt(value)


def _date_text(q: object) -> str | None:
    parts = getattr(q, "date", None)
    if parts is None:
        return None
    if parts.relative:
        return parts.relative
    out = "FY" if parts.fiscal else ""
    out += f"{parts.year:04d}" if parts.year else "????"
    if parts.quarter:
        out += f"-Q{parts.quarter}"
    if parts.month:
        out += f"-{parts.month:02d}" + (f"-{parts.day:02d}" if parts.day else "")
    return out


def _fmt(x: float | str | None) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        return f"{x:.6g}" if abs(x) < 1e6 else f"{x:.4g}"
    return str(x)


def _table(rows: list[dict[str, str]], columns: list[str], cap: int = 48) -> str:
    cells = [[(r[c] if len(r[c]) <= cap else r[c][: cap - 1] + "…") for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)).rstrip() for row in cells]
    return "\n".join(out) + "\n"
