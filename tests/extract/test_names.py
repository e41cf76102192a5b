"""The kept name knowledge (extract/name_state.py) equals EntityFinder.index_from, however documents are added."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks import corpus as bench
from factcheck.extract import EntityFinder, extract_many
from factcheck.extract.entity_index import MAX_BLOCK
from factcheck.extract.name_state import NameState
from factcheck.load import load
from factcheck.models import NameFacts
from tests.conftest import ROOT, SEEDS

EVENTS = ROOT / "tests" / "corpora" / "events"


def _facts(ruleset, paths: list[Path]) -> list[NameFacts]:
    docs = load([str(p) for p in paths], ruleset.boilerplate).documents
    return [e.names for e in extract_many(docs, ruleset, 1)]


@pytest.fixture(scope="module")
def finder(ruleset) -> EntityFinder:
    return EntityFinder(ruleset.entities)


@pytest.fixture(scope="module")
def corpora(ruleset, tmp_path_factory) -> dict[str, list[NameFacts]]:
    generated = tmp_path_factory.mktemp("names") / "gen"
    bench.write_corpus(120, generated)
    return {
        "seeds": _facts(ruleset, [SEEDS]),
        "events": _facts(ruleset, [EVENTS]),
        "generated": _facts(ruleset, [generated]),
    }


def _same(state: NameState, finder: EntityFinder, facts: list[NameFacts]) -> None:
    expected = finder.index_from(facts)
    got = state.index()
    for name in ("known", "canonical", "display", "owner", "creator", "roles"):
        assert getattr(got, name) == getattr(expected, name), name


@pytest.mark.parametrize("name", ["seeds", "events", "generated"])
def test_built_state_is_index_from(corpora, finder, name: str) -> None:
    facts = corpora[name]
    _same(NameState.build(facts, finder), finder, facts)


@pytest.mark.parametrize("name", ["seeds", "events", "generated"])
def test_each_document_added_first_as_a_draft(corpora, finder, name: str) -> None:
    facts = corpora[name]
    for i, draft in enumerate(facts):
        rest = facts[:i] + facts[i + 1 :]
        outside = NameState.loads(NameState.build(rest, finder).dumps())
        outside.add([draft], finder, first=True)
        _same(outside, finder, [draft, *rest])
        inside = NameState.build(facts, finder)  # a draft inside the corpus moves to the front
        inside.add([draft], finder, first=True, counted=[True])
        _same(inside, finder, [draft, *rest])


def test_documents_added_in_steps_and_rebuilt_with_reuse(corpora, finder) -> None:
    facts = corpora["generated"] + corpora["events"] + corpora["seeds"]
    state = NameState()
    for i in range(0, len(facts), 17):
        state.add(facts[i : i + 17], finder)
        _same(state, finder, facts[: i + 17])
    shuffled = facts[:]
    random.Random(1).shuffle(shuffled)
    _same(NameState.build(shuffled, finder, reuse=state), finder, shuffled)


def _nf(surfaces: list[tuple[str, int]], owner: list[tuple[str, str]] = ()) -> NameFacts:  # type: ignore[assignment]
    from factcheck.extract.name_matching import key_of

    keys = sorted({key_of(s) for s, _ in surfaces})
    return NameFacts(
        known=keys,
        surfaces=sorted((key_of(s), s, n) for s, n in surfaces),
        owner=sorted(owner),
    )


def test_a_draft_that_links_two_corpus_names(finder) -> None:
    corpus = [_nf([("Halvorsen Group", 3)]), _nf([("Halvorsen", 1), ("Pellworth Foods", 2)]), _nf([("HG", 1)])]
    drafts = [
        _nf([("Halvorsen Group Ltd", 5)]),  # joins the variants and becomes their commonest form
        _nf([("Pellworth", 4)]),  # a short form of the one longer name
        _nf([("Acme", 1), ("Widget", 1), ("Acme Widget", 2)]),  # "Acme Widget" stands for Widget, owned by Acme
        _nf([("Vellin", 1), ("Party", 1), ("Vellin Party", 2)]),  # an organisation word heads its name
        _nf([("Halvorsen", 9)], owner=[("halvorsen", "pellworthfoods")]),  # an owner the corpus never gave
    ]
    for d in drafts:
        state = NameState.build(corpus, finder)
        state.add([d], finder, first=True)
        _same(state, finder, [d, *corpus])


def test_a_block_crossing_the_size_limit(finder) -> None:
    """Names sharing their first letters are compared only while their block is small; a draft that makes it
    too large splits what it had merged, and one that makes it small again merges them."""
    many = [_nf([(f"Zor{i:03d}ville", 1)]) for i in range(MAX_BLOCK - 2)]
    pair = [_nf([("Zorbankoviana", 2)]), _nf([("Zorbankovjana", 1)])]  # a one-letter slip: one name
    corpus = pair + many
    assert finder.index_from(corpus).canon("zorbankovjana") == "zorbankoviana"
    for extra in (1, 2, 3):
        draft = _nf([(f"Zorx{i}", 1) for i in range(extra)])
        assert (finder.index_from([draft, *corpus]).canon("zorbankovjana") == "zorbankoviana") == (extra == 0)
        state = NameState.build(corpus, finder)
        state.add([draft], finder, first=True)
        _same(state, finder, [draft, *corpus])
    crowded = [*corpus, _nf([(f"Zory{i}", 1) for i in range(5)])]
    assert finder.index_from(crowded).canon("zorbankovjana") == "zorbankovjana"
    state = NameState.build(crowded, finder)
    state.add([_nf([("Zorbankoviana", 1)])], finder, first=True)
    _same(state, finder, [_nf([("Zorbankoviana", 1)]), *crowded])
    # a draft that makes a member stand for another name ("Zo Ry0" is Ry0, owned by Zo) takes it out of the
    # block, which is small enough again
    shrink = [_nf([("Zo", 1), (f"Ry{i}", 1), (f"Zo Ry{i}", 1)]) for i in range(5)]
    assert finder.index_from([*shrink, *crowded]).canon("zorbankovjana") == "zorbankoviana"
    state = NameState.build(crowded, finder)
    state.add(shrink, finder, first=True)
    _same(state, finder, [*shrink, *crowded])


def test_random_small_worlds(finder) -> None:
    """Random name facts over a small vocabulary: variants, acronyms, short forms, owners, zero counts."""
    rng = random.Random(6)
    words = ["Orsa", "Motors", "Telecom", "Group", "Kestrel", "Grid", "KG", "OM", "Orsa Motors", "Kestrel Grid"]
    for _ in range(60):
        docs = []
        for _ in range(rng.randint(1, 6)):
            surfaces = [(rng.choice(words) + rng.choice(["", " Group", " Ltd", " Foods"]), rng.randint(0, 3))]
            surfaces += [(rng.choice(words), rng.randint(0, 2)) for _ in range(rng.randint(0, 3))]
            owner = [(rng.choice(["grid", "motors", "kestrelgrid"]), rng.choice(["orsa", "kestrel"]))]
            docs.append(_nf(list({s: n for s, n in surfaces}.items()), owner if rng.random() < 0.3 else []))
        k = rng.randint(0, len(docs) - 1)
        state = NameState.build(docs[k:], finder)
        state.add(docs[:k], finder, first=True)
        _same(state, finder, docs)


def test_an_organisation_word_heads_its_name(finder) -> None:
    """ "Vellin Party" is no product "Party" owned by Vellin, even where "Party" stands alone as a name."""
    index = finder.index_from([_nf([("Party", 1), ("Vellin", 1), ("Vellin Party", 2), ("Harwick Party", 1)])])
    assert index.canon("vellinparty") != index.canon("harwickparty")
    assert index.owner_of("party") is None
