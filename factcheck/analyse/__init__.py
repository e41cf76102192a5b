"""Stage 3 and 4, analyse: the claims of every document -> facts and findings.

In: the claims extracted from each document, with the `Corpus` they were assembled into
(`extract.claims.assemble`: the documents, the name index, which sources are independent), and the `RuleSet`.
Out: the claims aligned into facts, `align` -> `FactGroup`s (`to_facts` makes them `Fact`s with the status
the comparison gave each), and `compare` -> a `Comparison`: the `Finding`s, sorted and numbered, the
within-document `Check`s and the `Corroboration`s. `unknown_directive_findings` reports the inline
`<!-- factcheck: ... -->` comments that name no rule; `Suppressions` says which findings they silence.
`Stages` says where the facts are aligned and compared: here, or on an engine, the numbers block by block
(`blocks`: `keyed_numbers`, `align_block`, `merged`, `compare_run`) and the dates and superlatives component
by component (`components`: `keyed_dates`, `keyed_superlatives`, `components`, `compare_date_run`).
Nothing here reads files, prints or exits.
"""

# The exports load on first use: a command that needs one part of the stage does not pay for the rest.
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.analyse.alignment import FactGroup, to_facts
    from factcheck.analyse.blocks import align_block, compare_run, keyed_numbers, merged
    from factcheck.analyse.comparison import Comparison
    from factcheck.analyse.directives import Suppressions, unknown_directive_findings
    from factcheck.analyse.findings import compare
    from factcheck.analyse.joining import align
    from factcheck.analyse.stages import Stages

_EXPORTS = {
    "Comparison": "factcheck.analyse.comparison",
    "FactGroup": "factcheck.analyse.alignment",
    "Stages": "factcheck.analyse.stages",
    "align_block": "factcheck.analyse.blocks",
    "compare_run": "factcheck.analyse.blocks",
    "keyed_numbers": "factcheck.analyse.blocks",
    "merged": "factcheck.analyse.blocks",
    "Suppressions": "factcheck.analyse.directives",
    "align": "factcheck.analyse.joining",
    "compare": "factcheck.analyse.findings",
    "to_facts": "factcheck.analyse.alignment",
    "unknown_directive_findings": "factcheck.analyse.directives",
}
__all__ = [
    "Comparison",
    "FactGroup",
    "Stages",
    "Suppressions",
    "align",
    "align_block",
    "compare",
    "compare_run",
    "keyed_numbers",
    "merged",
    "to_facts",
    "unknown_directive_findings",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
