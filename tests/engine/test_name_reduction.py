"""The name index as a reduction: folding consecutive batches of documents' name facts and merging the folds in
batch order gives the index merged from every document, whatever the batch size."""

from __future__ import annotations

import pytest

from benchmarks.corpus import write_corpus
from factcheck.engine.tasks import fold_names
from factcheck.extract import EntityFinder
from factcheck.load import load
from factcheck.models import NameFacts
from factcheck.pipeline import extract_all
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def names(ruleset: RuleSet, tmp_path_factory: pytest.TempPathFactory) -> list[NameFacts]:
    folder = tmp_path_factory.mktemp("names") / "corpus"
    write_corpus(40, folder)
    docs = load([str(ROOT / "seeds"), str(ROOT / "tests" / "corpora" / "events"), str(folder)], ruleset.boilerplate)
    return [e.names for e in extract_all(docs.documents, ruleset)]


@pytest.mark.parametrize("size", [1, 3, 7, 64])
def test_folded_batches_merge_into_the_same_index(ruleset: RuleSet, names: list[NameFacts], size: int) -> None:
    finder = EntityFinder(ruleset.entities)
    folds = [fold_names(names[i : i + size]) for i in range(0, len(names), size)]
    assert finder.index_from(folds) == finder.index_from(names)
