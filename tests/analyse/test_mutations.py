"""Mutation testing of alignment and comparison: change one aligned number beyond tolerance and the right
finding must appear at the right file:line. Run on seeds/ and on tests/corpora/events."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ruleset.rule_set import RuleSet
from tests.analyse.mutation import Corpus, run
from tests.conftest import SEEDS

EVENTS = Path(__file__).resolve().parents[1] / "corpora" / "events"


@pytest.mark.parametrize("folder", [SEEDS, EVENTS], ids=["seeds", "events"])
def test_mutations_are_caught(ruleset: RuleSet, folder: Path) -> None:
    outcomes = run(Corpus(folder, ruleset))
    missed = [o.mutation for o in outcomes if not o.caught]
    recall = 1 - len(missed) / len(outcomes)
    print(f"\n{folder.name}: {len(outcomes)} mutations, {len(outcomes) - len(missed)} caught ({recall:.1%})")
    assert len(outcomes) >= 10
    assert recall >= 0.95, missed


def test_unchanged_seeds_have_no_numeric_disagreement(ruleset: RuleSet) -> None:
    report = Corpus(SEEDS, ruleset).report()
    assert not [f for f in report.findings if f.kind == "numeric_disagreement"]
