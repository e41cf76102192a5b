"""Which sources are independent: syndicated copies and rewrites of one story count once.

Two documents are one source when their texts are near-duplicates; two claims are one passage when
their sentences are. Comparisons are made only between the documents of one fact, never all pairs.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from factcheck.models import Claim, Document

DOC_THRESHOLD = 85.0  # rapidfuzz ratio of the normalised texts' openings
PASSAGE_THRESHOLD = 95.0
OPENING = 4000  # characters compared: enough to recognise a rewrite, bounded on long articles
_BODY_ROLES = {"body", "list_item", "heading", "title", "description"}
_NOT_WORD = re.compile(r"\W+")


class Independence:
    def __init__(self, documents: list[Document]) -> None:
        self._documents: dict[str, Document] = {}
        for d in documents:
            self._documents[d.id] = d  # the last document of an id wins, as it always has
        self._text: dict[str, str] = {}  # normalised openings, made when a document is first compared
        self._cache: dict[tuple[str, str], bool] = {}

    def _opening(self, doc_id: str) -> str:
        text = self._text.get(doc_id)
        if text is None:
            d = self._documents.get(doc_id)
            body = " ".join(ln.text for ln in d.lines if ln.role in _BODY_ROLES) if d is not None else ""
            text = self._text[doc_id] = _NOT_WORD.sub(" ", body.casefold()).strip()[:OPENING]
        return text

    def opening(self, doc_id: str) -> str:
        """The normalised opening a document is compared by (normalising it again gives it back)."""
        return self._opening(doc_id)

    def same_document(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            ta, tb = self._opening(a), self._opening(b)
            # a cutoff just below the threshold lets rapidfuzz stop early on a pair that cannot reach it (it then
            # returns 0); a pair that reaches it gets its exact ratio
            self._cache[key] = bool(ta and tb) and fuzz.ratio(ta, tb, score_cutoff=DOC_THRESHOLD - 1) >= DOC_THRESHOLD
        return self._cache[key]

    def same_source(self, a: Claim, b: Claim) -> bool:
        if self.same_document(a.document, b.document):
            return True
        return (
            len(a.quote) >= 40 and fuzz.ratio(a.quote, b.quote, score_cutoff=PASSAGE_THRESHOLD - 1) >= PASSAGE_THRESHOLD
        )

    def count(self, claims: list[Claim]) -> int:
        """How many independent sources state these claims (greedy clusters, in document order)."""
        firsts: list[Claim] = []
        for c in sorted(claims, key=_order):
            if not any(self.same_source(c, f) for f in firsts):
                firsts.append(c)
        return len(firsts)

    def several(self, claims: list[Claim]) -> bool:
        """`count(claims) >= 2`, in linear work: the greedy clustering opens a second cluster exactly when some
        claim is not one source with the very first claim, so only those pairs are compared."""
        ordered = sorted(claims, key=_order)
        return any(not self.same_source(c, ordered[0]) for c in ordered[1:])


def _order(c: Claim) -> tuple[str, int, int]:
    return (c.document, c.line, c.column)
