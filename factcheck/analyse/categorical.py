"""Superlatives and exclusivity: a distinction only one source claims, or that another source contradicts.

"The only", "the first", "the largest", "exclusive": stated by several independent sources, the fact agrees
(each claim is corroborated); stated by one, it is `contradicted_claim` when another source shares the
distinction ("also available from Y") or gives it to a rival, else `unsupported_superlative` (or
`unsupported_exclusivity`) with the other sources' related sentences as evidence.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process, utils

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.comparison import Comparison, claim_order, entity_name, finding
from factcheck.analyse.support import merge_supporting
from factcheck.extract.corpus import Corpus
from factcheck.extract.entity_index import EntityIndex
from factcheck.models import Claim, Corroboration, Evidence, EvidenceSentence, replace
from factcheck.ruleset.rule_set import RuleSet

MAX_EVIDENCE = 10


def compare_categorical(groups: list[FactGroup], corpus: Corpus, ruleset: RuleSet, out: Comparison) -> None:
    index = corpus.index
    merge_supporting(groups, index, ruleset.superlatives)
    props = [g for g in groups if g.kind in ("superlative", "exclusivity")]
    evidence = EvidenceIndex(corpus) if props else None
    # a rival needs a uniqueness claim with an object on both sides (see _rival): only those are looked at
    rivals_of = _Rivals(
        index,
        [
            o
            for h in props
            for o in h.claims
            if o.metric in ("superlative:unique", "exclusivity:unique") and o.object and not o.teaser
        ],
    )
    for g in props:
        docs = {c.document for c in g.claims if not c.teaser}
        first = sorted(g.claims, key=claim_order)[0]
        if corpus.independence.several([c for c in g.claims if not c.teaser]):
            out.statuses[id(g)] = "agree"
            for c in g.claims:
                others = [o.id for o in g.claims if o.document != c.document]
                out.corroborations.append(Corroboration(claim=c.id, supported_by=others))
            continue
        out.statuses[id(g)] = "single_source"
        phrase = first.text
        subject = entity_name(index, first.subject)
        # another source shares the distinction ("also available from X") or gives it to someone else
        alternatives = _alternatives(g, first, corpus, ruleset, evidence)
        mine = {id(o) for o in g.claims}
        rivals = (
            [o for o in rivals_of.candidates(first) if id(o) not in mine and o.document not in docs]
            if not alternatives and first.metric in ("superlative:unique", "exclusivity:unique") and first.object
            else []
        )
        if alternatives or rivals:
            other = (
                ", ".join(entity_name(index, k) for k in alternatives[0][1])
                if alternatives
                else entity_name(index, rivals[0].subject)
            )
            contradicting = [e for e, _ in alternatives] + [
                # one per rival: a claim that recurs across a corpus has many, made without validating again
                replace(_CONTRADICTS, document=o.document, line=o.line, quote=o.quote)
                for o in rivals
            ]
            out.findings.append(
                finding(
                    ruleset,
                    "contradicted_claim",
                    "contradicted_claim",
                    sorted(g.claims, key=claim_order),
                    g,
                    related=rivals,
                    subject=subject,
                    phrase=phrase,
                    other=other,
                    evidence=contradicting,
                )
            )
            continue
        rule = "unsupported_exclusivity" if g.kind == "exclusivity" else "unsupported_superlative"
        # attributed ("positioned as", a quotation) or a weaker form ("one of the most", "a record fee")
        attributed = all(c.attributed or c.weak for c in g.claims)
        severity = "info" if attributed else None
        out.findings.append(
            finding(
                ruleset,
                "unsupported_superlative",
                rule,
                sorted(g.claims, key=claim_order),
                g,
                severity=severity,
                subject=subject,
                phrase=phrase,
                evidence=related_evidence(g, corpus, ruleset, evidence),
            )
        )


class EvidenceIndex:
    """Every document's evidence sentences by the (canonical) names they mention: a fact looks only at the
    sentences that name one of its parties, never at every sentence of the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        index = corpus.index
        self.sentences: list[tuple[str, EvidenceSentence, set[str | None]]] = []
        self.by_key: dict[str | None, list[int]] = defaultdict(list)
        # the same, for the sentences that name an alternative ("also available from"): a name as common as a
        # city is in many sentences, but in few of these
        self.offering: dict[str | None, list[int]] = defaultdict(list)
        for extract in corpus.extracts:
            for s in extract.evidence:
                keys = {index.canon(k) for k in s.keys}
                n = len(self.sentences)
                self.sentences.append((extract.document.id, s, keys))
                for k in keys:
                    self.by_key[k].append(n)
                    if s.alternatives:
                        self.offering[k].append(n)

    def naming(
        self, keys: set[str | None], alternatives: bool = False
    ) -> list[tuple[str, EvidenceSentence, set[str | None]]]:
        """The sentences that name one of `keys` (and an alternative, if asked), in corpus order: (document id,
        sentence, its names)."""
        blocks = self.offering if alternatives else self.by_key
        found = sorted({n for k in keys for n in blocks.get(k, ())})
        return [self.sentences[n] for n in found]


def _alternatives(
    g: FactGroup, first: Claim, corpus: Corpus, ruleset: RuleSet, evidence: EvidenceIndex | None = None
) -> list[tuple[Evidence, list[str]]]:
    """Other sources that say the distinction is shared: "X is also available from Y" where the claim
    says only its subject offers X. Only uniqueness ("only", "sole", "exclusive") can be contradicted so."""
    if first.metric not in ("superlative:unique", "exclusivity:unique") or first.word == "first":
        return []
    index = corpus.index
    subject = index.canon(first.subject)
    own = {subject, index.owner_of(subject)}
    scope_text = " ".join(c.scope or "" for c in g.claims).casefold()
    scope = {
        index.canon(e)
        for c in g.claims
        for e in c.entities
        if index.canon(e) not in own and (index.name(e) or e).casefold() in scope_text
    }
    docs = {c.document for c in g.claims}
    found = []
    # only a sentence that names something in the scope (`keys & scope`) and an alternative (`others`) can count
    for doc_id, s, keys in (evidence or EvidenceIndex(corpus)).naming(scope, alternatives=True):
        if doc_id in docs:
            continue
        others = [
            index.canon(k)
            for k in s.alternatives
            if index.canon(k) not in own and index.canon(k) not in scope and not index.related(k, subject)
        ]
        if others and keys & scope:
            ev = Evidence(document=doc_id, line=s.line, quote=s.text, relation="contradicts")
            found.append((ev, sorted(set(others))))
    return found


_CONTRADICTS = Evidence(document="", line=0, quote="", relation="contradicts")


class _Rivals:
    """The uniqueness claims with an object, grouped by their (object, scope) wording: `candidates(a)` is
    `[b for b in claims if _rival(index, a, b)]`, but the fuzzy wording tests run once a distinct pair of
    wordings, not once a pair of claims, each row of them in one vectorised pass with a cutoff just below
    the threshold, the few that pass it confirmed by the exact test."""

    def __init__(self, index: EntityIndex, claims: list[Claim]) -> None:
        self.index = index
        self.claims = claims
        self.subjects = [self._parties(c.subject) for c in claims]
        self.by_object: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for n, c in enumerate(claims):
            if c.object:
                self.by_object[c.object][c.scope or ""].append(n)
        self.objects = list(self.by_object)
        self._near: dict[tuple[str, ...], list[str]] = {}

    def _close(self, a: str, wordings: list[str], key: tuple[str, ...]) -> list[str]:
        """The wordings with a token-set ratio of at least 85 to `a` (cached under `key`)."""
        near = self._near.get(key)
        if near is None:
            p = utils.default_process
            scores = process.cdist([a], wordings, scorer=fuzz.token_set_ratio, processor=p, score_cutoff=84)[0]
            near = self._near[key] = [
                w
                for w, score in zip(wordings, scores, strict=True)
                if score and fuzz.token_set_ratio(a, w, processor=p) >= 85
            ]
        return near

    def candidates(self, a: Claim) -> list[Claim]:
        unique = {"superlative:unique", "exclusivity:unique"}
        if a.metric not in unique or not a.object or not self.objects:
            return []
        found: list[int] = []
        for obj in self._close(a.object, self.objects, ("object", a.object)):
            scopes = self.by_object[obj]
            for scope in self._close(a.scope or "", list(scopes), ("scope", obj, a.scope or "")):
                found.extend(scopes[scope])
        out = []
        mine = self._parties(a.subject)
        for n in sorted(found):
            b = self.claims[n]
            if b.metric in unique and not self._related(mine, self.subjects[n]):
                out.append(b)
        return out

    def _parties(self, subject: str | None) -> tuple[str, str | None] | None:
        """A subject's canonical key and its owner's, as `EntityIndex.related` compares them."""
        if subject is None:
            return None
        key = self.index.canon(subject)
        assert key is not None
        return key, self.index.owner_of(key)

    @staticmethod
    def _related(a: tuple[str, str | None] | None, b: tuple[str, str | None] | None) -> bool:
        """`index.related(a, b)` on the precomputed parties."""
        if a is None or b is None:
            return False
        return a[0] == b[0] or a[1] == b[0] or b[1] == a[0]


def _rival(index: EntityIndex, a: Claim, b: Claim) -> bool:
    """Another source gives the same distinction to a different subject (the test `_Rivals` indexes)."""
    unique = {"superlative:unique", "exclusivity:unique"}
    if a.metric not in unique or b.metric not in unique or index.related(a.subject, b.subject):
        return False
    p = utils.default_process
    head = fuzz.token_set_ratio(a.object or "", b.object or "", processor=p) if a.object and b.object else 0
    return head >= 85 and fuzz.token_set_ratio(a.scope or "", b.scope or "", processor=p) >= 85


def related_evidence(
    g: FactGroup, corpus: Corpus, ruleset: RuleSet, evidence: EvidenceIndex | None = None
) -> list[Evidence]:
    """Other sources' sentences about the same parties that speak of exclusivity, partners or deals."""
    index = corpus.index
    lex = ruleset.superlatives
    keys: set[str] = set()
    for c in g.claims:
        for k in [c.subject, *c.entities]:
            k = index.canon(k)
            if k and k != "?":
                keys.add(k)
                owner = index.owner_of(k)
                if owner:
                    keys.add(owner)
    docs = {c.document for c in g.claims}
    # a ranking ("the fastest", "the best") is only related to what others say of the same ranking
    ranking_words = {c.word for c in g.claims if c.metric not in ("superlative:unique", "exclusivity:unique")}
    head_words = {w.casefold() for c in g.claims for w in (c.object or "").split() if len(w) > 3}
    scored: list[tuple[float, str, int, str]] = []
    # only a sentence that shares a name with the fact can score (`shared` below)
    for doc_id, s, mine in (evidence or EvidenceIndex(corpus)).naming(keys):
        if doc_id in docs:
            continue
        shared = mine & keys
        low = s.text.casefold()
        if ranking_words and not any(w and w in low for w in ranking_words):
            continue
        if not shared:
            continue
        score = float(min(len(shared), 2))
        if "exclusiv" in low:
            score += 2
        if lex.alternative_re.search(s.text):
            score += 2
        if any(index.canon(k) not in keys for k in s.third_party) and any(
            w in low for w in ("agreement", "deal", "contract", "partner")
        ):
            score += 3  # an arrangement with a third party: an alternative to the claimed distinction
        if head_words & set(low.replace(",", " ").split()):
            score += 1
        if score >= 3:
            scored.append((-score, doc_id, s.line, s.text))
    scored.sort()
    seen: set[tuple[str, int]] = set()
    out = []
    for _score, doc_id, line, text in scored:
        if (doc_id, line) in seen:
            continue
        seen.add((doc_id, line))
        out.append(Evidence(document=doc_id, line=line, quote=text, relation="related"))
        if len(out) == MAX_EVIDENCE:
            break
    return sorted(out, key=lambda e: (e.document, e.line))
