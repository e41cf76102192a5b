"""The blocking terms a document is stored under in the claim cache, and its claims that can be rivals.

A claim joins only facts that share a blocking key with it (factcheck/analyse/alignment.py). The cache records, for
each document, the raw name keys its claims and evidence sentences are about (`terms_of`) and its uniqueness
claims with an object (`rival_claims`), so that `check` can look up the documents a draft can meet
(factcheck/gate/reach.py) without reading the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.models import Claim, DocumentExtract

QUANTITY, DATE, EVENT, SUPERLATIVE, EVIDENCE, METRIC = "q", "d", "v", "s", "e", "m"

UNIQUE = ("superlative:unique", "exclusivity:unique")


def terms_of(extract: DocumentExtract) -> set[str]:
    """The blocking terms of a document: `kind \\0 raw name key` for the subjects of its numbers (q) and
    `m \\0 metric` for those that name no subject (blocked by concept: analyse/alignment.concept_key), the names
    in its dates (d) and their event words (v), the subjects of its superlatives (s) and the names of its
    evidence sentences (e). Raw keys, as extracted: the corpus's name knowledge is applied when they are
    looked up, since it changes with the corpus."""
    out: set[str] = set()
    for c in extract.claims:
        if c.kind == "quantity":
            if c.subject is not None:
                out.add(f"{QUANTITY}\0{c.subject}")
            else:
                out.add(f"{METRIC}\0{c.metric or ''}")
        elif c.kind == "date":
            if not c.teaser:
                out.update(f"{DATE}\0{e}" for e in c.entities)
                out.update(f"{EVENT}\0{ev}" for ev in (c.event or "").split("|"))
        elif c.subject is not None:
            out.add(f"{SUPERLATIVE}\0{c.subject}")
    for s in extract.evidence:
        out.update(f"{EVIDENCE}\0{k}" for k in s.keys)
    return out


def rival_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The claims another source's uniqueness claim can be contradicted by (see categorical._rival)."""
    return [c for c in claims if c.metric in UNIQUE and c.object and not c.teaser]
