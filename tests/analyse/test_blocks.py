"""Numbers aligned block by block and compared run by run (factcheck/analyse/blocks.py) give what one pass over
the corpus gives: the same facts in the same order, the same findings and statuses. This is what lets the
Dask engine shuffle the numbers on their block keys and compare runs of facts on its workers."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from factcheck.analyse import Comparison, FactGroup, align_block, compare_run, keyed_numbers, merged
from factcheck.analyse.blocks import align_numbers
from factcheck.analyse.numeric import compare_quantities
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import COMMITTED, assembled


def _shape(groups: list[FactGroup]) -> list[tuple[object, ...]]:
    return [(g.dimension, g.subject, g.metric, g.object, [c.id for c in g.claims], sorted(g.tentative)) for g in groups]


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_blocks_align_as_one_pass(folder: Path, ruleset: RuleSet) -> None:
    corpus, claims = assembled(folder)
    rs = ruleset
    blocks: dict[tuple[str, ...], list[tuple[int, Claim]]] = defaultdict(list)
    for key, position in reversed(keyed_numbers(claims, rs, corpus.index)):  # any order within a block
        blocks[key].append((position, claims[position]))
    facts = [f for block in reversed(list(blocks.values())) for f in align_block(block, rs, corpus.index)]
    assert _shape(merged(facts, claims)) == _shape(align_numbers(claims, rs, corpus.index))


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_runs_compare_as_one_pass(folder: Path, ruleset: RuleSet) -> None:
    corpus, claims = assembled(folder)
    rs = ruleset
    groups = align_numbers(claims, rs, corpus.index)
    whole = Comparison()
    compare_quantities(groups, corpus, rs, whole)
    findings, statuses = [], []
    for run in (groups[i : i + 3] for i in range(0, len(groups), 3)):
        documents = [d for d in corpus.documents if d.id in {c.document for g in run for c in g.claims}]
        found, status = compare_run(run, documents, corpus.index, rs)
        findings += found
        statuses += status
    assert findings == whole.findings
    assert statuses == [whole.statuses[id(g)] for g in groups]
