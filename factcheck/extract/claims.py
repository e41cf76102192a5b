"""Stage 2, extract: Documents -> Claims with subject, metric and object.

Numbers come from the quantity reader; each becomes a claim framed from its clause: the subject is the
nearest name before it that is not the object of a preposition (or a list label, a heading, a resolved
description such as "the chipmaker"), the object is the name after it, and the metric is the nearest cue
word of `rules/metrics.yaml`. "A and B ... X and Y respectively" pairs names and numbers in order, and a
parenthetical equivalent "$5 billion (EUR4.3 billion)" is one claim in two currencies.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from factcheck.analyse.independence import Independence
from factcheck.extract.categorical import extract_categorical
from factcheck.extract.entities import EntityFinder, EntityIndex, Mention
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.sentences import Sentence, quote_around, sentences
from factcheck.models import Claim, DateParts, Document, DocumentExtract, EvidenceSentence, Quantity, replace
from factcheck.ruleset.rule_set import Metric, MetricLexicon, RuleSet, SuperlativeLexicon
from factcheck.ruleset.saferegex import LiteralScan, SafePattern

_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|,\s+(?:while|whereas|but|although|though|after|before|because|since|when|until|unless)\b"
    r"|\s(?:while|whereas)\s"
)
_REPORT = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|added|noted|confirmed|estimated|expects?|believes?)\s+(?:that\s+)?"
)
_OF_NAME = re.compile(r"\s+of\s+(?:(?:additional|new|extra|further|planned|existing|the|its|their)\s+)*")
_BY_AGENT = re.compile(
    r"(?:\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|ht|old|id)\s+|\b(?:investment|stake|bid|offer|acquisition|purchase)\s+(?:in|for|of)\s+\S+(?:\s+\S+){0,3}\s+)by\s+(?:the\s+)?$"
)
_PEOPLE = {"people", "persons", "individuals", "residents", "adults", "children", "men", "women", "others"}
_NOT_RATES = {"deal", "record", "premium", "jump", "rise", "fall", "drop", "figure", "sum", "total", "move", "boost"}
_PER_AFTER = re.compile(r"\s*(?:a|an|per|each|every)\s+([a-z]+)\b")
_PER_BEFORE = re.compile(r"\b(?:each|per|every)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+)\s+(?:at|for|is|was|costs?|worth)\s+$")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_WHICH = re.compile(r",\s+(?:which|who|that)\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$")
_SPACE_LOWER = re.compile(r"\s+[a-z]")
_RATE_WORD_END = re.compile(r"\b(?:per|each|every)\s*$")
_ONE = re.compile(r"(?:1|one|a|an)\b", re.IGNORECASE)
_LIST_JOINER = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")
_SPEAKER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:said|says|told|reported|announced|confirmed|according)\b")


CREATOR_REF = "@creator:"  # a subject known only through corpus knowledge: "the creator of <key>"


@dataclass
class Corpus:
    """The per-document extracts, with the name index learned over all of them."""

    documents: list[Document]
    extracts: list[DocumentExtract]
    index: EntityIndex
    finder: EntityFinder
    independence: Independence


def extract_document(doc: Document, ruleset: RuleSet, finder: EntityFinder | None = None) -> DocumentExtract:
    """Everything one document says, independent of the rest of the corpus (so it can be cached)."""
    finder = finder or EntityFinder(ruleset.entities)
    sents = sentences(doc)
    names = finder.learn(sents)
    framer = _Framer(doc, finder.index_from([names]), finder, ruleset)
    counter = [0]
    claims: list[Claim] = []
    for s in sents:
        claims.extend(framer.sentence_claims(s, counter))
    return DocumentExtract(
        document=doc, claims=_inherit_subjects(doc, claims, ruleset), names=names, evidence=framer.evidence
    )


def assemble(extracts: list[DocumentExtract], ruleset: RuleSet) -> tuple[Corpus, list[Claim]]:
    """Merge what the documents taught about names and resolve every claim's names against it."""
    finder = EntityFinder(ruleset.entities)
    index = finder.index_from(e.names for e in extracts)
    claims = [_resolve(c, index) for e in extracts for c in e.claims]
    documents = [e.document for e in extracts]
    return Corpus(documents, extracts, index, finder, Independence(documents)), claims


def _resolve(c: Claim, index: EntityIndex) -> Claim:
    def one(key: str | None) -> str | None:
        if key and key.startswith(CREATOR_REF):
            return index.owner_of(key[len(CREATOR_REF) :])
        return index.canon(key)

    obj = c.object if c.kind in ("superlative", "exclusivity") else one(c.object)
    return replace(c, subject=one(c.subject), object=obj, entities=sorted({one(e) or e for e in c.entities}))


class _Cues:
    """The metric cue patterns of a rule set, indexed for framing: by the dimension they measure, by the metric
    they refine, and one scan for all their literal words (a cue whose words are absent cannot match)."""

    def __init__(self, metrics: MetricLexicon, superlatives: SuperlativeLexicon) -> None:
        indexed = [(i, m, rx) for i, (m, rx) in enumerate(metrics.cue_res)]  # in rule order
        self.scan = LiteralScan([rx for _, _, rx in indexed])
        # the words that make a sentence evidence for categorical claims: one test before the two patterns
        self.evidence = LiteralScan([superlatives.relation_re, superlatives.contradiction_re])
        self.by_dimension: dict[str, list[tuple[int, Metric, SafePattern]]] = {}
        self.refiners: dict[str, list[tuple[int, Metric, SafePattern]]] = {}
        for i, m, rx in indexed:
            for dim in dict.fromkeys(m.dimensions):
                self.by_dimension.setdefault(dim, []).append((i, m, rx))
            if m.refines is not None:
                self.refiners.setdefault(m.refines, []).append((i, m, rx))


_CUES: dict[tuple[int, int], tuple[MetricLexicon, SuperlativeLexicon, _Cues]] = {}


def _cues(metrics: MetricLexicon, superlatives: SuperlativeLexicon) -> _Cues:
    """Built once per rule set."""
    hit = _CUES.get((id(metrics), id(superlatives)))
    if hit is None or hit[0] is not metrics or hit[1] is not superlatives:
        hit = _CUES[(id(metrics), id(superlatives))] = (metrics, superlatives, _Cues(metrics, superlatives))
    return hit[2]


REACH = 300  # characters a clause reaches around a number: bounds the work on a sentence of any length


class _Clauses:
    """The clause boundaries of one sentence, found once; a number's clause is then two bisections."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        spans = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start)
        a = self.ends[i - 1] if i else 0
        j = bisect.bisect_left(self.starts, end)
        b = self.starts[j] if j < len(self.starts) else self.length
        return max(a, start - REACH), min(b, end + REACH)


def _parenthetical_pairs(text: str, qs: list[Quantity]) -> tuple[list[Quantity], dict[int, list[Quantity]]]:
    """Split "$5 billion (EUR4.3 billion)" into a primary and its equivalents."""
    primaries: list[Quantity] = []
    equivalents: dict[int, list[Quantity]] = {}
    for q in qs:
        prev = primaries[-1] if primaries else None
        if (
            prev is not None
            and prev.dimension == "currency" == q.dimension
            and prev.unit != q.unit
            and text[prev.end : q.start].strip() == "("
            and text[q.end : q.end + 3].lstrip().startswith(")")
        ):
            equivalents.setdefault(id(prev), []).append(q)
            continue
        primaries.append(q)
    return primaries, equivalents


class _Framer:
    def __init__(self, doc: Document, index: EntityIndex, finder: EntityFinder, ruleset: RuleSet) -> None:
        self.doc = doc
        self.index = index
        self.finder = finder
        self.evidence: list[EvidenceSentence] = []
        self._heading_subjects: dict[tuple[str | None, str | None], str | None] = {}
        self.rules = ruleset
        self.metrics = ruleset.metrics
        self.previous_subjects: list[str] = []  # names that were subjects, in reading order
        self.previous_sentence: tuple[int, list[Mention]] = (-1, [])  # (line, mentions) of the last sentence
        self.cues = _cues(ruleset.metrics, ruleset.superlatives)
        self._cue_hits: tuple[str | None, Any] = (None, None)  # (sentence, where its cue words are)
        # a line repeated in one document (a title and its heading, a boilerplate sentence) is read once: the
        # index does not change while the document is framed, so its names and numbers are the same
        self._read: dict[tuple[str, bool | None], tuple[list[Mention], list[Quantity]]] = {}

    # -- names ------------------------------------------------------------------------------------
    def heading_subject(self, s: Sentence) -> str | None:
        key = (s.label, s.heading)
        if key not in self._heading_subjects:
            found = None
            for text in key:
                ms = self.finder.mentions(text, self.index, title_case=True) if text else []
                if ms:
                    found = ms[0].key
                    break
            self._heading_subjects[key] = found
        return self._heading_subjects[key]

    def subject_before(self, s: Sentence, ms: list[Mention], a: int, pos: int) -> tuple[str | None, int]:
        """The subject of a number at `pos` in the clause starting at `a`, and where it was found.

        The first name of the clause that is not the object of a preposition; a reporting verb ("Acme said
        Beta will pay ...") starts a new clause, whose speaker stands in when the clause names nobody ("Acme
        said it would pay ..."); ", which" points back to the name before it; a description ("the
        chipmaker", "the creator of Widget") counts as a name where it stands."""
        text = s.text
        # ", which ..." refers to the name just before it, preposition or not
        for w in _WHICH.finditer(text, a, pos):
            before = [m for m in ms if w.start() - 2 <= m.end <= w.start()]
            if before:
                return before[-1].key, before[-1].start
        speaker: Mention | None = None
        for r in _REPORT.finditer(text, a, pos):
            spoken = [m for m in ms if a <= m.start < r.start() and not m.after_prep]
            speaker = spoken[0] if spoken else speaker
            a = r.end()
        cands = [m for m in ms if a <= m.start < pos and not m.after_prep]
        best: tuple[str | None, int] = (cands[0].key, cands[0].start) if cands else (None, -1)
        in_clause = [m for m in ms if a <= m.start < pos]
        desc = self.finder.creator_reference(text, in_clause, self.index)
        if desc is None:
            d = self.finder.resolve_description(text[a:pos], self.index, self.previous_subjects)
            desc = (d[0] + a, d[1] + a, d[2]) if d else None
        if desc is not None and (best[0] is None or desc[0] < best[1]):
            best = (desc[2], desc[0])
        if best[0] is None and speaker is not None:
            best = (speaker.key, speaker.start)
        return best

    def passive_agent(self, text: str, ms: list[Mention], a: int, b: int) -> Mention | None:
        """ "Beta was bought by Acme for $3 billion", "the $2 billion investment in Beta by Acme": Acme acts."""
        for m in ms:
            if a <= m.start < b and _BY_AGENT.search(text, a, m.start):
                return m
        return None

    def object_near(
        self, text: str, ms: list[Mention], a: int, b: int, start: int, end: int, subject: str | None, subject_at: int
    ) -> str | None:
        """What the number is about besides its subject: a name after it behind a preposition ("in Acme",
        "with Acme"), else a name between the subject and the number ("to acquire Acme for $3 billion"),
        else any name after it in the clause."""
        # the source of a statement ("Harland County officials said") is not what the number is about
        ms = [
            m
            for m in ms
            if not _SPEAKER.match(text, m.end)
            and not _ACCORDING.search(text, 0, m.start)
            and not self.index.same(m.key, subject)
        ]
        after = [m for m in ms if end <= m.start < min(b, end + 40)]
        for group in (
            [m for m in after if m.after_prep],
            [m for m in ms if max(a, subject_at) < m.start < start],
            after,
        ):
            if group:
                return group[0].key
        before = [m for m in ms if a <= m.start < start and m.after_prep]
        return before[-1].key if before else None

    def read(self, text: str, title_case: bool | None) -> tuple[list[Mention], list[Quantity]]:
        """The names and the numbers of a sentence (shared lists: not to be changed)."""
        key = (text, title_case)
        hit = self._read.get(key)
        if hit is None:
            hit = self._read[key] = (
                self.finder.mentions(text, self.index, title_case=title_case),
                extract_quantities(text, self.rules.quantities),
            )
        return hit

    # -- metric ------------------------------------------------------------------------------------
    def cue_hits(self, text: str) -> Any:
        """Where the literal words of the metric cues are in this sentence: found once for all its numbers."""
        if self._cue_hits[0] != text:
            self._cue_hits = (text, self.cues.scan.scan(text))
        return self._cue_hits[1]

    def metric(self, s: Sentence, q: Quantity, a: int, b: int) -> str:
        text = s.text
        cues = self.cues
        lo = max(a, q.start - self.metrics.window_before)
        hi = min(b, q.end + self.metrics.window_after)
        best_specific: tuple[int, str] | None = None
        best_generic: tuple[int, str] | None = None
        if q.dimension == "count" and q.noun:  # "41 deaths", "15 million paid users": the noun names the metric
            in_noun = cues.scan.possible(cues.scan.scan(q.noun))
            for i, metric, rx in cues.by_dimension.get("count", ()):
                if (in_noun is None or i in in_noun) and rx.search(q.noun):
                    return metric.name
            head = q.noun.split()[-1].casefold()
            if head not in _PEOPLE:  # "14 plants": the noun is the metric; "12,000 people": the verb says which
                return head
        # only the cues whose words are in the window can match there
        possible = cues.scan.possible(self.cue_hits(text), lo, hi)
        for i, metric, rx in cues.by_dimension.get(q.dimension, ()):
            if possible is not None and i not in possible:
                continue
            for m in rx.finditer(text, lo, hi):
                if q.start <= m.start() < q.end:
                    continue
                dist = q.start - m.end() if m.end() <= q.start else m.start() - q.end
                cand = (dist, metric.name)
                if metric.generic:
                    best_generic = min(best_generic, cand) if best_generic else cand
                else:
                    best_specific = min(best_specific, cand) if best_specific else cand
        if best_specific:
            # "a post-money valuation of $2 billion": the sharper cue nearby refines the nearest one
            for i, metric, rx in cues.refiners.get(best_specific[1], ()):
                if (possible is None or i in possible) and rx.search(text, lo, hi):
                    return metric.name
            return best_specific[1]
        if best_generic:
            return best_generic[1]
        if q.dimension == "count" and q.noun:
            return q.noun.split()[-1].casefold()
        for metric in self.metrics.metrics:
            if q.dimension in metric.default_for:
                return metric.name
        return q.dimension

    # -- claims ------------------------------------------------------------------------------------
    def sentence_claims(self, s: Sentence, counter: list[int]) -> list[Claim]:
        text = s.text
        ms, qs = self.read(text, s.role in ("heading", "title") or None)
        out: list[Claim] = []
        fallback_subject = self.heading_subject(s)
        if qs:
            out = self._quantity_claims(s, ms, qs, fallback_subject, counter)
        out.extend(extract_categorical(s, ms, self, counter))
        subjects = [c.subject for c in out if c.subject]
        if not subjects:
            subjects = [m.key for m in ms if not m.after_prep][:1]
        self.previous_subjects.extend(subjects)
        self.previous_sentence = (s.line, ms)
        lex = self.rules.superlatives
        if (
            ms
            and s.role not in ("teaser", "heading", "title")
            and self.cues.evidence.any_possible(text)
            and (lex.relation_re.search(text) or lex.contradiction_re.search(text))
        ):
            cues = [c.end() for c in lex.contradiction_re.finditer(text)]
            self.evidence.append(
                EvidenceSentence(
                    line=s.line,
                    text=text,
                    keys=[m.key for m in ms],
                    third_party=[m.key for m in ms if m.after_prep],
                    alternatives=[m.key for m in ms if any(0 <= m.start - c <= 40 for c in cues)],
                )
            )
        return out

    def _quantity_claims(
        self, s: Sentence, ms: list[Mention], qs: list[Quantity], fallback_subject: str | None, counter: list[int]
    ) -> list[Claim]:
        """The claims of a sentence's numbers and dates."""
        text = s.text
        out: list[Claim] = []
        durations = [q for q in qs if q.dimension == "duration"]
        dates = [q for q in qs if q.dimension == "date"]
        numbers = [q for q in qs if q.dimension not in ("duration", "date")]
        primaries, equivalents = _parenthetical_pairs(text, numbers)
        clauses = _Clauses(text) if primaries else None
        basis = [q for q in primaries if self._is_basis(text, q)]
        primaries = [q for q in primaries if q not in basis]
        respectively = self._respectively(text, ms, primaries)
        sentence_subject: str | None = None
        last: Claim | None = None
        for q in primaries:
            a, b = clauses.around(q.start, q.end)  # type: ignore[union-attr]  # set when there are primaries
            if q in respectively:
                subject, obj = respectively[q]
            else:
                subject, found_at = self.subject_before(s, ms, a, q.start)
                agent = self.passive_agent(text, ms, a, b)
                if agent is not None and agent.key != subject:
                    # the grammatical subject of a passive is what was acted on
                    subject, found_at = agent.key, agent.start
                named_here = any(m.start == found_at for m in ms)
                # "The toll from the X floods stands at ...": a name inside the subject's own phrase
                inner = next((m.key for m in ms if a <= m.start < q.start), None)
                subject = subject or fallback_subject or inner or sentence_subject
                obj = self.object_near(text, ms, a, b, q.start, q.end, subject, found_at)
                if obj is None and not named_here:
                    obj = self._previous_object(s, subject)
            metric = self.metric(s, q, a, b)
            per = self._per(text, q, basis)
            if per in ("share", "shares") and q.dimension == "currency":
                metric = "price_per_share"  # "$42 a share", "values each share at $42", "an offer of $46 a share"
            if obj is None and last is not None and self.metrics.compatible(metric, last.metric or ""):
                obj = last.object
            owner = self._measured_owner(text, q, ms)
            if owner is not None:
                subject = owner
            spec = self.metrics.by_name.get(metric)
            if spec is None or not spec.counterparty:
                obj = None  # "12,000 people at 14 plants across Britain": a place is not a counterparty
            in_clause = [d for d in durations if a <= d.start < b]
            period = min(in_clause, key=lambda d: abs(d.start - q.start)) if in_clause else None
            claim = self._claim(
                s,
                q,
                counter,
                kind="quantity",
                subject=subject,
                obj=obj,
                metric=metric,
                equivalents=equivalents.get(id(q), []),
                per=per,
                period=period,
                total=bool(self.metrics.total_re.search(text, a, b)),
                mentions=ms,
            )
            out.append(claim)
            last = claim
            sentence_subject = sentence_subject or subject
        out.extend(self._date_claims(s, dates, ms, counter))
        return out

    def _previous_object(self, s: Sentence, subject: str | None) -> str | None:
        """A sentence that refers back ("The chipmaker's $3 billion commitment") keeps the object of the
        sentence before it in the same paragraph."""
        line, ms = self.previous_sentence
        if line != s.line:
            return None
        for m in ms:
            if m.after_prep and not self.index.same(m.key, subject):
                return m.key
        return None

    def _measured_owner(self, text: str, q: Quantity, ms: list[Mention]) -> str | None:
        """ "4.5 gigawatts of additional Acme data centre capacity": what is measured is Acme's."""
        if q.dimension in ("currency", "fraction", "percent", "percentage_point", "multiple"):
            return None  # "a third of Acme's cost", "40% of Acme": Acme is the reference, not the owner
        m = _OF_NAME.match(text, q.end)
        if not m:
            return None
        for mention in ms:
            if mention.start == m.end() and not mention.possessive and _SPACE_LOWER.match(text, mention.end):
                return mention.key
        return None

    def _per(self, text: str, q: Quantity, basis: list[Quantity]) -> str | None:
        """A rate's basis: "$20 billion ... per 1 gigawatt", "$42 a share", "each share at $42"."""
        near = [p for p in basis if abs(p.start - q.start) < 120]
        if near:
            return near[0].text
        m = _PER_AFTER.match(text, q.end)
        if m and m.group(1) not in _NOT_RATES:
            return m.group(1)
        m = _PER_BEFORE.search(text, max(0, q.start - 60), q.start)
        return m.group(1) if m and m.end() == q.start else None

    def _is_basis(self, text: str, q: Quantity) -> bool:
        """ "1 gigawatt ... is estimated to cost $20 billion": the number is a rate's basis, not a claim."""
        if q.dimension == "currency":
            return False
        if _RATE_WORD_END.search(text, 0, q.start):
            return True
        stated_one = _ONE.match(q.text) is not None
        return stated_one and bool(self.metrics.cost_re.search(text, q.end, q.end + 60))

    def _respectively(self, text: str, ms: list[Mention], qs: list[Quantity]) -> dict[Quantity, tuple[str, str | None]]:
        if len(qs) < 2 or not _RESPECTIVELY.search(text):
            return {}
        first = qs[0]
        a, _ = _Clauses(text).around(first.start, first.end)
        group: list[Mention] = []
        for m in ms:
            if not (a <= m.start < first.start) or m.after_prep:
                continue
            if group and not _LIST_JOINER.fullmatch(text, group[-1].end, m.start):
                group = []
            group.append(m)
        if len(group) != len(qs):
            return {}
        last = qs[-1]
        obj_m = [m for m in ms if m.start >= last.end and m.key not in {g.key for g in group}]
        obj = obj_m[0].key if obj_m else None
        return {q: (g.key, obj) for q, g in zip(qs, group, strict=False)}

    def _date_claims(self, s: Sentence, dates: list[Quantity], ms: list[Mention], counter: list[int]) -> list[Claim]:
        if not ms or not dates:
            return []
        events = [name for name, rx in self.rules.dates.event_res if rx.search(s.text)]
        if not events:
            return []
        out = []
        for q in dates:
            span = resolve_date(q.date, self.doc.date) if q.date else None
            if span is None:
                continue
            subject = next((m.key for m in ms if not m.after_prep), ms[0].key)
            claim = self._claim(
                s,
                q,
                counter,
                kind="date",
                subject=subject,
                obj=None,
                metric="date",
                mentions=ms,
                event="|".join(events),
            )
            out.append(
                claim.model_copy(
                    update={"low": span[0].isoformat(), "high": span[1].isoformat(), "value": None, "unit": "date"}
                )
            )
        return out

    def _claim(
        self,
        s: Sentence,
        q: Quantity,
        counter: list[int],
        *,
        kind: str,
        subject: str | None,
        obj: str | None,
        metric: str,
        mentions: list[Mention],
        equivalents: list[Quantity] | None = None,
        per: str | None = None,
        period: Quantity | None = None,
        total: bool = False,
        event: str | None = None,
    ) -> Claim:
        counter[0] += 1
        fs, fe = s.file_span(q.start, q.end)
        return Claim(
            id=f"{self.doc.id}:{s.line}:{counter[0]}",
            document=self.doc.id,
            line=s.line,
            column=s.column(q.start),
            text=self.doc.text[fs:fe],
            quote=quote_around(s.text, q.start, q.end),
            kind=kind,
            subject=subject,
            metric=metric,
            object=obj,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=q.unit,
            qualifier=q.qualifier,
            attributed=bool(s.quoted(q.start, q.end)),
            teaser=s.role == "teaser",
            quoted=s.quoted(q.start, q.end),
            dimension=q.dimension,
            precision=q.precision,
            noun=q.noun,
            period=period.text if period else None,
            per=per,
            equivalents=equivalents or [],
            total=total,
            entities=sorted({m.key for m in mentions}),
            event=event,
        )


def _inherit_subjects(doc: Document, claims: list[Claim], ruleset: RuleSet) -> list[Claim]:
    """A number with no subject in its sentence takes the subject of the claim before it in its section,
    or of an earlier number of the same kind ("the compute commitment (up to 1 gigawatt)")."""
    heading_of = {ln.number: ln.heading for ln in doc.lines}
    out: list[Claim] = []
    # the latest claim with a subject, by section and by (dimension, metric): kept as we go, not searched
    last_in_section: dict[str | None, Claim] = {}
    last_of_kind: dict[tuple[str | None, str | None], tuple[int, Claim]] = {}
    for n, c in enumerate(claims):
        if c.kind == "quantity" and c.subject is None and not c.total:
            source = last_in_section.get(heading_of.get(c.line))
            if source is None:
                same_kind = [
                    (i, p)
                    for (dim, metric), (i, p) in last_of_kind.items()
                    if dim == c.dimension and ruleset.metrics.compatible(metric or "", c.metric or "")
                ]
                source = max(same_kind, key=lambda t: t[0])[1] if same_kind else None
            if source is not None:
                obj = c.object or (source.object if source.dimension == c.dimension else None)
                c = c.model_copy(update={"subject": source.subject, "object": obj})
        if c.kind == "quantity" and c.subject:
            last_in_section[heading_of.get(c.line)] = c
            last_of_kind[(c.dimension, c.metric)] = (n, c)
        out.append(c)
    return out


def resolve_date(parts: DateParts, doc_date: str | None) -> tuple[date, date] | None:
    """The days a written date can mean; a month without a year is the latest such month up to the
    document's date."""
    ref = date.fromisoformat(doc_date) if doc_date else None
    year = parts.year
    if parts.relative:
        if ref is None:
            return None
        rel = parts.relative.casefold()
        if "this year" in rel:
            return date(ref.year, 1, 1), ref
        if "last year" in rel:
            return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31)
        if "last month" in rel:
            y, m = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        return None
    if parts.fiscal:
        return None
    if year is None:
        if ref is None or parts.month is None:
            return None
        year = ref.year if parts.month <= ref.month else ref.year - 1
    if parts.quarter:
        m0 = 3 * (parts.quarter - 1) + 1
        return date(year, m0, 1), date(year, m0 + 2, calendar.monthrange(year, m0 + 2)[1])
    if parts.month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if parts.day is None:
        return date(year, parts.month, 1), date(year, parts.month, calendar.monthrange(year, parts.month)[1])
    try:
        d = date(year, parts.month, parts.day)
    except ValueError:
        return None
    return d, d
