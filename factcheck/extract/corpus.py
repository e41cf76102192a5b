"""The corpus: every document's extract, with the name index learnt over all of them, and every claim's names
resolved against that index (what the analysis reads)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.entity_finder import CREATOR_REF, EntityFinder
from factcheck.extract.entity_index import EntityIndex
from factcheck.extract.independence import Independence
from factcheck.models import Claim, Document, DocumentExtract, replace
from factcheck.ruleset.rule_set import RuleSet


@dataclass
class Corpus:
    """The per-document extracts, with the name index learned over all of them."""

    documents: list[Document]
    extracts: list[DocumentExtract]
    index: EntityIndex
    finder: EntityFinder
    independence: Independence


def assemble(extracts: list[DocumentExtract], ruleset: RuleSet) -> tuple[Corpus, list[Claim]]:
    """Merge what the documents taught about names and resolve every claim's names against it."""
    finder = EntityFinder(ruleset.entities)
    index = finder.index_from(e.names for e in extracts)
    claims = [resolve_names(c, index) for e in extracts for c in e.claims]
    documents = [e.document for e in extracts]
    return Corpus(documents, extracts, index, finder, Independence(documents)), claims


def resolve_names(c: Claim, index: EntityIndex) -> Claim:
    """The claim with its subject, object and entities canonical, a creator reference through the owners."""

    def one(key: str | None) -> str | None:
        if key and key.startswith(CREATOR_REF):
            return index.owner_of(key[len(CREATOR_REF) :])
        return index.canon(key)

    obj = c.object if c.kind in ("superlative", "exclusivity") else one(c.object)
    return replace(c, subject=one(c.subject), object=obj, entities=sorted({one(e) or e for e in c.entities}))
