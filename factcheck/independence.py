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


class Independence:
    def __init__(self, documents: list[Document]) -> None:
        self._text: dict[str, str] = {}
        for d in documents:
            body = " ".join(ln.text for ln in d.lines if ln.role in _BODY_ROLES)
            self._text[d.id] = re.sub(r"\W+", " ", body.casefold()).strip()[:OPENING]
        self._cache: dict[tuple[str, str], bool] = {}

    def same_document(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            ta, tb = self._text.get(a, ""), self._text.get(b, "")
            self._cache[key] = bool(ta and tb) and fuzz.ratio(ta, tb) >= DOC_THRESHOLD
        return self._cache[key]

    def same_source(self, a: Claim, b: Claim) -> bool:
        if self.same_document(a.document, b.document):
            return True
        return len(a.quote) >= 40 and fuzz.ratio(a.quote, b.quote) >= PASSAGE_THRESHOLD

    def count(self, claims: list[Claim]) -> int:
        """How many independent sources state these claims (greedy clusters, in document order)."""
        firsts: list[Claim] = []
        for c in sorted(claims, key=lambda c: (c.document, c.line, c.column)):
            if not any(self.same_source(c, f) for f in firsts):
                firsts.append(c)
        return len(firsts)
