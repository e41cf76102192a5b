"""The claim table as data: one row per claim with every field of the JSON contract (`factcheck.report/1`'s
`claims`, plus the document's path), as Parquet (through pandas and pyarrow) or JSON Lines.

Parquet columns have one type each. A claim's `low` and `high` are numbers, or ISO dates for a date claim;
in Parquet the numbers are in `low` and `high` (float64) and the dates in `low_date` and `high_date`
(string), the other one of each pair empty. JSON Lines keeps the contract's values as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.models import Report
from factcheck.report.jsonout import claim_dict

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

CLAIM_FORMATS = ["table", "csv", "json", "jsonl", "parquet"]  # csv, jsonl, parquet: every field


def records(report: Report) -> Iterator[dict[str, Any]]:
    """Each claim as the JSON contract has it, with its document's path first."""
    paths = {d.id: d.path for d in report.documents}
    for c in report.claims:
        yield {"path": paths[c.document], **claim_dict(c)}


def render_jsonl(report: Report) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(report))


def _schema() -> pa.Schema:
    import pyarrow as pa

    text = pa.string()
    equivalent = pa.struct([("text", text), ("value", pa.float64()), ("unit", text)])
    columns: list[tuple[str, pa.DataType]] = [
        ("path", text), ("id", text), ("document", text), ("line", pa.int64()), ("column", pa.int64()),
        ("text", text), ("quote", text), ("kind", text), ("subject", text), ("metric", text), ("object", text),
        ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()), ("low_date", text),
        ("high_date", text), ("unit", text), ("qualifier", text), ("attributed", pa.bool_()),
        ("teaser", pa.bool_()), ("quoted", pa.bool_()), ("dimension", text), ("noun", text), ("period", text),
        ("per", text), ("total", pa.bool_()), ("scope", text), ("word", text),
        ("equivalents", pa.list_(equivalent)), ("stated_value", pa.float64()), ("stated_unit", text),
        ("change", text), ("concept", text),
    ]  # fmt: skip
    return pa.schema(columns)


def _row(r: dict[str, Any]) -> dict[str, Any]:
    row = dict(r)
    for bound in ("low", "high"):
        value = row[bound]
        row[f"{bound}_date"] = value if isinstance(value, str) else None
        row[bound] = None if isinstance(value, str) else value
    return row


def frame(report: Report) -> pd.DataFrame:
    """The claim table as a pandas DataFrame, columns in the Parquet schema's order and types."""
    return table(report).to_pandas()


def table(report: Report) -> pa.Table:
    import pandas as pd
    import pyarrow as pa

    schema = _schema()
    rows = pd.DataFrame([_row(r) for r in records(report)], columns=schema.names)
    return pa.Table.from_pandas(rows, schema=schema, preserve_index=False)


def write_parquet(report: Report, path: Path) -> None:
    """The table as one Parquet file, written beside the target and renamed (a reader never sees half)."""
    import os
    import tempfile

    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table(report), tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
