"""Stage 3 and 4, analyse: the claims of every document -> facts and findings.

In: the claims extracted from each document, with the `Corpus` they were assembled into
(`extract.claims.assemble`: the documents, the name index, which sources are independent), and the `RuleSet`.
Out: the claims aligned into facts, `align` -> `FactGroup`s (`to_facts` makes them `Fact`s with the status
the comparison gave each), and `compare` -> a `Comparison`: the `Finding`s, sorted and numbered, the
within-document `Check`s and the `Corroboration`s. `unknown_directive_findings` reports the inline
`<!-- factcheck: ... -->` comments that name no rule; `Suppressions` says which findings they silence.
Nothing here reads files, prints or exits.
"""

from factcheck.analyse.alignment import FactGroup, align, to_facts
from factcheck.analyse.comparison import Comparison
from factcheck.analyse.directives import Suppressions, unknown_directive_findings
from factcheck.analyse.findings import compare

__all__ = [
    "Comparison",
    "FactGroup",
    "Suppressions",
    "align",
    "compare",
    "to_facts",
    "unknown_directive_findings",
]
