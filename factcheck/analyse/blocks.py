"""Numbers aligned and compared block by block: the units of work that a distributed engine spreads.

No fact spans two blocks (`alignment.block_key`: the dimension and the subject, or the concept of the metric
for a number with no subject), and `near.join_near` moves a number only within its subject's block; no
state crosses blocks. So each block's numbers can be aligned anywhere, and the facts of all blocks, put in
the order in which they were first made (the position of each fact's first claim), are the facts that
`align_quantities` and `join_near` make over the whole corpus in one pass. A block's alignment answers
with claim positions (`AlignedFact`), not claims: the claims stay where they are.

Comparing numbers reads one fact at a time, the documents of its claims (their dates, and the texts that say
which sources are copies of one another) and the name index: any run of facts can be compared anywhere with
those, and the findings of consecutive runs, put one after another, are the findings of the whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from factcheck.analyse.alignment import FactGroup, align_quantities, block_key
from factcheck.analyse.comparison import Comparison
from factcheck.analyse.near import join_near
from factcheck.analyse.numeric import compare_quantities
from factcheck.extract import EntityIndex
from factcheck.extract.corpus import Corpus
from factcheck.extract.entity_finder import EntityFinder
from factcheck.extract.independence import Independence
from factcheck.models import Claim, Document, Finding, Line
from factcheck.ruleset.rule_set import RuleSet


def align_numbers(claims: list[Claim], ruleset: RuleSet, index: EntityIndex) -> list[FactGroup]:
    """Every number in a fact of its block, in one pass over the corpus (what the local engine runs)."""
    return join_near(align_quantities(claims, ruleset, index), ruleset, index)


# one kind of claims of the whole corpus (or of whole blocks or components of it) -> their facts, in order
Aligner = Callable[[list[Claim], RuleSet, EntityIndex], list[FactGroup]]
# the facts of one kind -> their findings and statuses, added to the comparison
Comparer = Callable[[list[FactGroup], Corpus, RuleSet, Comparison], None]


def keyed_numbers(claims: Sequence[Claim], ruleset: RuleSet, index: EntityIndex) -> list[tuple[tuple[str, ...], int]]:
    """(block key, position) of each number of the corpus: what the blocks are grouped by."""
    return [(block_key(c, ruleset, index), i) for i, c in enumerate(claims) if c.kind == "quantity"]


@dataclass(frozen=True)
class AlignedFact:
    """One fact of a block (or a component: analyse/components.py), told by the positions of its claims in the
    corpus's list of claims."""

    first: int  # the position of the claim that made the fact: the facts' order over the whole corpus
    kind: str
    dimension: str
    subject: str | None
    metric: str
    object: str | None
    positions: tuple[int, ...]
    tentative: tuple[int, ...]


def align_block(
    members: Iterable[tuple[int, Claim]], ruleset: RuleSet, index: EntityIndex, align: Aligner = align_numbers
) -> list[AlignedFact]:
    """The facts of one block's numbers (or, with another `align`, of one component's claims), given as
    (position, claim) in any order: aligned in the corpus's order, as one pass meets them."""
    ordered = sorted(members, key=lambda pc: pc[0])
    position = {id(c): p for p, c in ordered}
    out = []
    for g in align([c for _, c in ordered], ruleset, index):
        at = tuple(position[id(c)] for c in g.claims)
        tentative = tuple(position[id(c)] for c in g.claims if c.id in g.tentative)
        out.append(AlignedFact(at[0], g.kind, g.dimension, g.subject, g.metric, g.object, at, tentative))
    return out


def merged(facts: Iterable[AlignedFact], claims: Sequence[Claim]) -> list[FactGroup]:
    """The blocks' (or components') facts as one list, in the order one pass over the corpus makes them."""
    groups = []
    for f in sorted(facts, key=lambda f: f.first):
        members = [claims[p] for p in f.positions]
        tentative = {claims[p].id for p in f.tentative}
        groups.append(FactGroup(f.kind, f.dimension, f.subject, f.metric, f.object, members, tentative=tentative))
    return groups


def comparison_stub(document: Document, opening: str) -> Document:
    """What comparing numbers reads of a document: its id, its date, and its normalised opening
    (`Independence.opening`), which tells a copy of another document; a fraction of the whole to send."""
    line = Line(number=1, start=0, text=opening, role="body")
    return Document(id=document.id, path=document.path, date=document.date, text=opening, lines=[line])


def compare_run(
    groups: list[FactGroup], documents: list[Document], index: EntityIndex, ruleset: RuleSet
) -> tuple[list[Finding], list[str]]:
    """The findings of a run of facts and each fact's status, given the documents of their claims (whole, or
    as `comparison_stub`s)."""
    out = Comparison()
    compare_quantities(groups, run_corpus(documents, index, ruleset), ruleset, out)
    return out.findings, [out.statuses.get(id(g), "single_source") for g in groups]


def run_corpus(documents: list[Document], index: EntityIndex, ruleset: RuleSet) -> Corpus:
    """The corpus a run of facts is compared in: the documents of its claims and the whole corpus's name index."""
    return Corpus(documents, [], index, EntityFinder(ruleset.entities), Independence(documents))
