"""Dates and superlatives aligned component by component, and dates compared run by run
(factcheck/analyse/components.py), give what one pass over the corpus gives: the same facts in the same order,
the same findings and statuses. This is what lets the Dask engine send whole components to its workers."""

from __future__ import annotations

import copy
import random
from collections import defaultdict
from collections.abc import Hashable
from pathlib import Path

import pytest

from factcheck.analyse import Comparison, FactGroup, align_block, merged
from factcheck.analyse.alignment import align_dates
from factcheck.analyse.blocks import Aligner
from factcheck.analyse.components import (
    Keyed,
    align_superlatives,
    compare_date_run,
    components,
    keyed_dates,
    keyed_superlatives,
    sentences_of,
)
from factcheck.analyse.temporal import compare_dates, dates_per_sentence
from factcheck.extract import EntityIndex
from factcheck.models import Claim
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import COMMITTED, assembled


def _shape(groups: list[FactGroup]) -> list[tuple[object, ...]]:
    return [(g.kind, g.dimension, g.subject, g.metric, g.object, [c.id for c in g.claims]) for g in groups]


def _by_components(claims: list[Claim], keyed: Keyed, align: Aligner, rs: RuleSet, index: EntityIndex) -> list:
    """Each component aligned on its own, the components in reverse order and each one's claims shuffled."""
    found = components(keyed)
    rng = random.Random(len(claims))
    facts = []
    for component in reversed(found):
        members = [(p, claims[p]) for p in component]
        rng.shuffle(members)
        facts += align_block(members, rs, index, align)
    return merged(facts, claims)


def _check_components(keyed: Keyed) -> None:
    """Every claim in exactly one component, and no key in two."""
    found = components(keyed)
    assert sorted(p for c in found for p in c) == sorted(p for _, p in keyed)
    assert all(c == sorted(c) for c in found) and [c[0] for c in found] == sorted(c[0] for c in found)
    home: dict[Hashable, int] = {}
    where = {p: n for n, c in enumerate(found) for p in c}
    for keys, p in keyed:
        for k in keys:
            assert home.setdefault(k, where[p]) == where[p]


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_components_align_as_one_pass(folder: Path, ruleset: RuleSet) -> None:
    corpus, claims = assembled(folder)
    index = corpus.index
    dates, superlatives = keyed_dates(claims, ruleset, index), keyed_superlatives(claims, index)
    _check_components(dates)
    _check_components(superlatives)
    one_pass = align_dates(claims, ruleset, index)
    assert _shape(_by_components(claims, dates, align_dates, ruleset, index)) == _shape(one_pass)
    one_pass = align_superlatives(claims, ruleset, index)
    assert _shape(_by_components(claims, superlatives, align_superlatives, ruleset, index)) == _shape(one_pass)


def test_the_committed_corpora_have_components_to_split(ruleset: RuleSet) -> None:
    """The test above means something: the corpora hold several components, some of several claims."""
    sizes: dict[str, list[int]] = defaultdict(list)
    for folder in COMMITTED:
        corpus, claims = assembled(folder)
        sizes["date"] += [len(c) for c in components(keyed_dates(claims, ruleset, corpus.index))]
        sizes["superlative"] += [len(c) for c in components(keyed_superlatives(claims, corpus.index))]
    for kind in ("date", "superlative"):
        assert len(sizes[kind]) >= 10 and max(sizes[kind]) > 1, kind


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_date_runs_compare_as_one_pass(folder: Path, ruleset: RuleSet) -> None:
    corpus, claims = assembled(folder)
    groups = align_dates(claims, ruleset, corpus.index)
    whole = Comparison()
    compare_dates(groups, corpus, ruleset, whole)
    per_sentence = dates_per_sentence(groups)
    findings, statuses = [], []
    for run in (groups[i : i + 2] for i in range(0, len(groups), 2)):
        documents = [d for d in corpus.documents if d.id in {c.document for g in run for c in g.claims}]
        found, status = compare_date_run(run, documents, sentences_of(run, per_sentence), corpus.index, ruleset)
        findings += found
        statuses += status
    assert findings == whole.findings
    assert statuses == [whole.statuses[id(g)] for g in groups]


# -- random claims made to chain keys: common names, several event kinds, owners, claims without keys -------


@pytest.mark.parametrize("need", [0, 1, 2, 3])
def test_random_dates_align_by_components_as_one_pass(ruleset: RuleSet, need: int) -> None:
    rng = random.Random(need)
    index = EntityIndex(canonical={"acmeinc": "acme"})
    names = ["harwick", "acme", "acmeinc", "beta", "gamma", "delta", "city", *(f"n{i}" for i in range(30))]
    claims = [
        Claim(
            id=f"c{i}",
            document=f"d{rng.randint(0, 40)}",
            line=1,
            text="May 2024",
            quote="q",
            kind=rng.choice(["date", "date", "date", "quantity"]),
            event=rng.choice(["deal", "deal|launch", "launch", "vote", None]),
            entities=rng.sample(names, rng.randint(0, 4)),
            teaser=rng.random() < 0.05,
        )
        for i in range(600)
    ]
    rules = copy.copy(ruleset)
    rules.lexicons = {**ruleset.lexicons, "dates": ruleset.dates.model_copy(update={"min_shared_entities": need})}
    keyed = keyed_dates(claims, rules, index)
    _check_components(keyed)
    assert len(components(keyed)) > 1 or need == 0
    one_pass = align_dates(claims, rules, index)
    assert _shape(_by_components(claims, keyed, align_dates, rules, index)) == _shape(one_pass)


@pytest.mark.parametrize("seed", range(4))
def test_random_superlatives_align_by_components_as_one_pass(ruleset: RuleSet, seed: int) -> None:
    rng = random.Random(seed)
    subjects = [f"s{i}" for i in range(40)]
    # owners chain subjects (s1 owned by s0, ...) and some owners are no claim's subject
    index = EntityIndex(
        canonical={"s1inc": "s1"}, owner={s: rng.choice([*subjects, "p0", "p1"]) for s in subjects[::3]}
    )
    scopes = ["wind farm in Europe", "offshore wind farm in Europe", "carmaker in Asia", "bank", "stadium in Africa"]
    claims = [
        Claim(
            id=f"c{i}",
            document=f"d{rng.randint(0, 30)}",
            line=1,
            text="the largest",
            quote="q",
            kind=rng.choice(["superlative", "exclusivity", "date"]),
            subject=rng.choice([*subjects, "s1inc", None]),
            metric=rng.choice(["superlative:largest", "superlative:unique", "exclusivity:unique"]),
            scope=rng.choice(scopes),
            object=rng.choice(["wind farm", "carmaker", None]),
        )
        for i in range(500)
    ]
    keyed = keyed_superlatives(claims, index)
    _check_components(keyed)
    one_pass = align_superlatives(claims, ruleset, index)
    assert len(one_pass) < len(keyed)  # some facts of several claims
    assert _shape(_by_components(claims, keyed, align_superlatives, ruleset, index)) == _shape(one_pass)
