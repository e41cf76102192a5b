"""Which peer-suite items are in scope for a news fact checker: the rules of benchmarks/peer_scope.yaml.

`Scope.item(case, gold)` gives an item's out-of-scope category (None: in scope), `Scope.case(case)` the category
of a case that expects nothing. The rules are data with reasons; this module only evaluates them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.peer_data import Case, Gold
from benchmarks.peer_dates import impossible

SCOPE_FILE = Path(__file__).resolve().parent / "peer_scope.yaml"
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹₩₿]|\b[A-Z]{3}|\b[Rr]s\.?)\s*$")  # codes in capitals
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*|\S")
_DECIMAL = re.compile(r"\d\.\d")


@dataclass(frozen=True)
class Rule:
    category: str | None  # None: in scope, stop; "from-unit": the unit's category
    when: Mapping[str, Any]


def _as_tuple(x: Any) -> tuple[str, ...]:
    return tuple(x) if isinstance(x, list) else (str(x),)


def is_bare_number(text: str, span: tuple[int, int] | None, stop: frozenset[str], det: frozenset[str]) -> bool:
    """A numeral at `span` that counts no noun and has no currency before it: what follows is not space and a
    lower-case content word (after "of" and a determiner, as in "two thirds of the cake")."""
    if span is None:
        return True
    start, end = span
    if _CURRENCY_BEFORE.search(text[:start]):
        return False
    after = text[end : end + 80]
    if not after[:1].isspace():
        return True
    words = _WORDS.findall(after)
    if words[:1] == ["of"]:
        words = words[1:]
        while words and words[0].lower() in det:
            words = words[1:]
    if not words:
        return True
    word = words[0]
    return not (word[0].isalpha() and word[0].islower() and word.lower() not in stop)


def _fractional(x: float | None) -> bool:
    return x is not None and not math.isclose(x, round(x), abs_tol=1e-9)


def is_spoken_amount(gold: Gold, text: str) -> bool:
    """Cents in the value but no decimal point in what was written: "twenty dollars and 43 cents", "$20 43"."""
    written = gold.surface or text
    has_cents = any(_fractional(x) for x in (gold.value, gold.low, gold.high))
    return has_cents and not _DECIMAL.search(written)


PREDICATES = frozenset(
    {"suite_scope", "kind", "upstream", "negative", "text", "surface", "not_surface", "unit_only", "unit_category",
     "bare_number", "impossible_date", "spoken_amount", "written"}
)  # fmt: skip


class Scope:
    def __init__(self, path: Path = SCOPE_FILE) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.reasons: dict[str, str] = {str(k): str(v).strip() for k, v in data["categories"].items()}
        self.errata: dict[str, dict[str, str]] = {s: dict(v) for s, v in (data.get("errata") or {}).items()}
        self.stop = frozenset(w.lower() for w in data["stop_words"])
        self.determiners = frozenset(w.lower() for w in data["determiners"])
        self.rules = [Rule(r.get("category"), {k: v for k, v in r.items() if k != "category"}) for r in data["rules"]]
        self._regex: dict[str, re.Pattern[str]] = {}
        for rule in self.rules:
            unknown = set(rule.when) - PREDICATES
            if unknown:
                raise ValueError(f"{path.name}: unknown predicate(s) {sorted(unknown)} in rule {rule}")
            if rule.category not in (None, "from-unit") and rule.category not in self.reasons:
                raise ValueError(f"{path.name}: rule category {rule.category!r} has no reason in `categories`")

    def _rx(self, pattern: Any, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        key = f"{flags}:{pattern}"
        rx = self._regex.get(key)
        if rx is None:
            rx = self._regex[key] = re.compile(str(pattern), flags)
        return rx

    def _holds(self, when: Mapping[str, Any], case: Case, gold: Gold | None) -> bool:
        """Whether every predicate of a rule holds for the item (`gold`), or for a case expecting nothing."""
        if gold is None:  # a case that expects nothing: only the predicates about the case can hold
            checks = {
                "suite_scope": lambda want: case.scope in _as_tuple(want),
                "kind": lambda want: case.kind in _as_tuple(want),
                "upstream": lambda want: bool(self._rx(want).search(case.upstream)),
                "negative": lambda want: bool(want) == case.negative,
                "text": lambda want: bool(self._rx(want).search(case.text)),
            }
            return all(key in checks and checks[key](want) for key, want in when.items())
        g = gold
        written = g.surface or case.text  # no surface (Duckling): the text is the amount
        # the characters of the case at the item, case kept (Recognizers-Text lower-cases its surfaces)
        as_written = case.text[g.span[0] : g.span[1]] if g.span is not None else written
        checks = {
            "suite_scope": lambda want: case.scope in _as_tuple(want),
            "kind": lambda want: g.kind in _as_tuple(want),
            "upstream": lambda want: bool(self._rx(want).search(case.upstream)),
            "negative": lambda want: bool(want) == case.negative,
            "text": lambda want: bool(self._rx(want).search(case.text)),
            "surface": lambda want: bool(self._rx(want).search(written)),
            "written": lambda want: bool(self._rx(want, 0).search(as_written)),
            "not_surface": lambda want: not self._rx(want).search(written),
            "unit_only": lambda want: g.unit_only == bool(want),
            "unit_category": lambda want: (g.spec.category is not None) == bool(want),
            "bare_number": lambda want: is_bare_number(case.text, g.span, self.stop, self.determiners) == bool(want),
            "impossible_date": lambda want: g.date is not None and impossible(g.date.timex) == bool(want),
            "spoken_amount": lambda want: is_spoken_amount(g, case.text) == bool(want),
        }
        return all(checks[key](want) for key, want in when.items())

    def _classify(self, case: Case, gold: Gold | None) -> str | None:
        reason = self.errata.get(case.suite, {}).get(case.id)
        if reason is not None:
            return "upstream-error"
        for rule in self.rules:
            if self._holds(rule.when, case, gold):
                if rule.category == "from-unit":
                    return gold.spec.category if gold is not None else None
                return rule.category
        return None

    def item(self, case: Case, gold: Gold) -> str | None:
        """The out-of-scope category of an expected item, or None when it is in scope."""
        return self._classify(case, gold)

    def case(self, case: Case) -> str | None:
        """The out-of-scope category of a case that expects nothing (or only no crash)."""
        return self._classify(case, None)

    def case_category(self, case: Case, item_categories: Sequence[str | None]) -> str | None:
        """A case is in scope when any of its items is; otherwise it takes its first item's category."""
        if not case.golds:
            return self.case(case)
        if any(c is None for c in item_categories):
            return None
        return item_categories[0]
