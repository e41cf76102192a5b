"""The real-reporting figures may only get better: a change that loses ground on tests/realworld fails here.

The floors and ceilings are the figures `python benchmarks/evaluate.py tests/realworld --mutations` prints
today; raise them when a change improves on them (never lower them to let a change through).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.evaluate import evaluate

REALWORLD = Path(__file__).resolve().parents[1] / "realworld"

AT_LEAST = {"raised": 30, "agreements_aligned": 184, "mutations_caught": 148}
AT_MOST = {"loud_false_alarms": 0, "hedge_false_alarms": 0, "traps_fired": 0}


@pytest.fixture(scope="module")
def figures() -> dict[str, int]:
    return evaluate(REALWORLD, mutations=True)["total"]


@pytest.mark.parametrize("name", sorted(AT_LEAST))
def test_does_not_find_less(figures: dict[str, int], name: str) -> None:
    assert figures[name] >= AT_LEAST[name], f"{name}: {figures[name]}, was {AT_LEAST[name]}"


@pytest.mark.parametrize("name", sorted(AT_MOST))
def test_does_not_cry_wolf_more(figures: dict[str, int], name: str) -> None:
    assert figures[name] <= AT_MOST[name], f"{name}: {figures[name]}, was {AT_MOST[name]}"
