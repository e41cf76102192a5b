"""Baselines: today's findings recorded by fingerprint, so that a gate reports only new ones.

A baseline file is JSON (`factcheck.baseline/1`): one entry per finding as seen from each document it flags,
with its fingerprint (rule, path, claim and sentence; no line number) and, for people reading the file, the
line and message it had when recorded. A fingerprint that occurs n times in the baseline suppresses at most n
findings with that fingerprint. Nothing here prints or exits.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

SCHEMA = "factcheck.baseline/1"
T = TypeVar("T")


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names it."""


class Entry(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    fingerprint: str
    rule: str
    path: str
    line: int = 0
    message: str = ""


class Baseline(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    schema_: str = SCHEMA
    findings: list[Entry] = []

    def filter(self, items: Iterable[T], key: Callable[[T], str]) -> tuple[list[T], int]:
        """(items not in the baseline, how many were suppressed)."""
        budget = Counter(e.fingerprint for e in self.findings)
        kept: list[T] = []
        suppressed = 0
        for item in items:
            fp = key(item)
            if budget[fp] > 0:
                budget[fp] -= 1
                suppressed += 1
            else:
                kept.append(item)
        return kept, suppressed


def build(findings: Iterable[Any]) -> Baseline:
    """A baseline from gate records (anything with fingerprint, rule, place.path, place.line, message)."""
    entries = [
        Entry(fingerprint=f.fingerprint, rule=f.rule, path=f.place.path, line=f.place.line, message=f.message)
        for f in findings
    ]
    entries.sort(key=lambda e: (e.path, e.line, e.rule, e.fingerprint))
    return Baseline(findings=entries)


def dumps(baseline: Baseline) -> str:
    data = {"schema": SCHEMA, "findings": [e.model_dump() for e in baseline.findings]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read(path: Path) -> Baseline:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with `factcheck baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a baseline file: invalid JSON ({exc.msg})") from exc
    if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a baseline file (expected schema {SCHEMA!r})")
    try:
        return Baseline(findings=raw.get("findings", []))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise BaselineError(f"{path}: findings.{loc}: {first['msg']}") from exc
