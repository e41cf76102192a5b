"""Numbers aligned block by block and compared run by run (factcheck/analyse/blocks.py) give what one pass over
the corpus gives: the same facts in the same order, the same findings and statuses. This is what lets the
Dask engine shuffle the numbers on their block keys and compare runs of facts on its workers."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from factcheck.analyse import Comparison, FactGroup, align_block, compare_run, keyed_numbers, merged
from factcheck.analyse.blocks import align_numbers
from factcheck.analyse.numeric import compare_quantities
from factcheck.extract.corpus import Corpus, assemble
from factcheck.load import LoadResult, collect, read_documents
from factcheck.models import Claim
from factcheck.pipeline import extract_all
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from tests.conftest import ROOT

CORPORA = [
    ROOT / "seeds",
    ROOT / "tests" / "corpora" / "events",
    *sorted(p for p in (ROOT / "tests" / "realworld").iterdir() if p.is_dir()),
]


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _corpus(folder: Path) -> tuple[Corpus, list[Claim]]:
    entries, errors, warnings = collect([folder])
    loaded = LoadResult(errors=errors, warnings=warnings)
    documents = list(read_documents(entries, _ruleset().boilerplate, loaded))
    return assemble(extract_all(documents, _ruleset()), _ruleset())


def _shape(groups: list[FactGroup]) -> list[tuple[object, ...]]:
    return [(g.dimension, g.subject, g.metric, g.object, [c.id for c in g.claims], sorted(g.tentative)) for g in groups]


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_blocks_align_as_one_pass(folder: Path) -> None:
    corpus, claims = _corpus(folder)
    rs = _ruleset()
    blocks: dict[tuple[str, ...], list[tuple[int, Claim]]] = defaultdict(list)
    for key, position in reversed(keyed_numbers(claims, rs, corpus.index)):  # any order within a block
        blocks[key].append((position, claims[position]))
    facts = [f for block in reversed(list(blocks.values())) for f in align_block(block, rs, corpus.index)]
    assert _shape(merged(facts, claims)) == _shape(align_numbers(claims, rs, corpus.index))


@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_runs_compare_as_one_pass(folder: Path) -> None:
    corpus, claims = _corpus(folder)
    rs = _ruleset()
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
