"""Stage 2, extract: one `Document` and the `RuleSet` in, its `DocumentExtract` out.

`extract_document(doc, ruleset, finder)` reads a document on its own, so that its result can be cached and
computed in any process: the claims it makes (`Claim`: subject, metric, object, value or interval, unit,
qualifier; quantities, dates, superlatives, exclusivity), the `NameFacts` it teaches (known names, owners,
creators, roles) and its evidence sentences. Names in a claim are keys as the document knows them; an
`EntityIndex`, merged from every document's name facts by `EntityFinder.index_from`, resolves them across
the corpus. `extract_many` runs `extract_document` over many documents in a process pool, in input order,
with the same result as a serial run; `prestarted` forks its workers before the corpus is read.
"""

# The exports load on first use: a command that needs one part of the stage does not pay for the rest.
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.extract.document import extract_document
    from factcheck.extract.entity_finder import EntityFinder
    from factcheck.extract.entity_index import EntityIndex
    from factcheck.extract.parallel import extract_many, prestarted

_EXPORTS = {
    "EntityFinder": "factcheck.extract.entity_finder",
    "EntityIndex": "factcheck.extract.entity_index",
    "extract_document": "factcheck.extract.document",
    "extract_many": "factcheck.extract.parallel",
    "prestarted": "factcheck.extract.parallel",
}
__all__ = ["EntityFinder", "EntityIndex", "extract_document", "extract_many", "prestarted"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
