"""Framing a number: who it is about (subject), what it measures (metric), and whom else it concerns (object).

A number's clause is the stretch of its sentence between clause breaks (`Clauses`). The subject is the
nearest name before it that is not the object of a preposition (or a list label, a heading, a resolved
description such as "the chipmaker"), the object is the name after it, and the metric is the nearest cue
word of `rules/metrics.yaml`. A `Framer` holds what one document's framing needs as it is read: the name
index, the names and numbers of each sentence, and the subjects of the sentences before.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from factcheck.extract.aggregates import aggregate_counts
from factcheck.extract.entity_finder import EntityFinder, Mention
from factcheck.extract.entity_index import EntityIndex
from factcheck.extract.figure_years import dated_earlier
from factcheck.extract.parties import possessed
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.roles import (
    COUNTED_NOUNS,
    actors,
    appositive,
    counted_verb,
    described_by,
    holder,
    nearer_another,
    subordinate_clause,
)
from factcheck.extract.sentences import Sentence
from factcheck.models import Document, EvidenceSentence, Quantity
from factcheck.ruleset.lexicons import Metric, MetricLexicon, SuperlativeLexicon
from factcheck.ruleset.rule_set import RuleSet
from factcheck.ruleset.saferegex import LiteralScan, SafePattern

_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|(?<!\d)\s-\s(?!\d)|,\s+(?:while|whereas|but|although|though|after|before|because|since|when|until|unless)\b"
    r"|\s(?:while|whereas)\s|,\s+(?:under|through|by|in|with|for)\s+which\b|,\s+whereby\b"
)
_REPORT = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|added|noted|confirmed|estimated|expects?|believes?)\s+(?:that\s+)?"
)
_OF_NAME = re.compile(r"\s+of\s+(?:(?:additional|new|extra|further|planned|existing|the|its|their)\s+)*")
_BY_AGENT = re.compile(
    r"(?:\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|ht|old|id)\s+|\b(?:investment|stake|bid|offer|acquisition|purchase)\s+(?:in|for|of)\s+\S+(?:\s+\S+){0,3}\s+)by\s+(?:the\s+)?$"
)
_PEOPLE = {"people", "persons", "individuals", "residents", "adults", "children", "men", "women", "others"}
_WHICH = re.compile(r",\s+(?:which|who|that)\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$")
_APPOSED = re.compile(r",\s+(?:the|a|an|its|their)\s+[^,]*?\b(?:of|at|for|from)\s+(?:the\s+)?")
_MODIFIER = re.compile(r"\.?\s+(?:[a-z][\w-]*\s+){1,2}")
_IN_PLACE = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:in|across|from|off)\s+(?:the\s+)?")
# a place and its coast are one place to count in or measure from ("off the Yorkshire Coast", "from Yorkshire")
_PLACE_FEATURE = re.compile(r"(?<=\w)\s*(?:coast(?:line)?|shore)$", re.IGNORECASE)
_SPACE_LOWER = re.compile(r"\s+[a-z]")
_WHOLE_BEFORE = re.compile(r"\d\s+of\s+(?:the|these|those)\s+$")  # the verb after the whole is the part's
_APPOSITION_OPEN = re.compile(r",\s*")
_ALIAS_OPEN = re.compile(r"\s*\(\s*")
_NOUN_PHRASE = re.compile(r"(?:the|a|an|this|these|those)\s+[a-z]")
_SPEAKER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:said|says|told|reported|announced|confirmed|according)\b")


def _gap(start: int, end: int, q_start: int, q_end: int) -> int:
    """How far a scope word is from a number: the characters between them, twice over when the number follows
    (a scope word mostly trails its number: "$640 million in ticket sales around the world and 12 records")."""
    return max(0, 2 * (q_start - end), start - q_end)


def _without_parenthetical_aliases(text: str, ms: list[Mention]) -> list[Mention]:
    """ "Halvard Systems (HLVD)", "the Tarrow Commission (TC)": a name in brackets right after another is that name
    again, no party of its own."""
    out = [
        m2
        for m1, m2 in zip([None, *ms], ms, strict=False)
        if m1 is None or not (_ALIAS_OPEN.fullmatch(text, m1.end, m2.start) and text.startswith(")", m2.end))
    ]
    return out if len(out) != len(ms) else ms


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


class Clauses:
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


class Framer:
    """One document's framing: its name index, the names and numbers of its sentences, what came before."""

    def __init__(self, doc: Document, index: EntityIndex, finder: EntityFinder, ruleset: RuleSet) -> None:
        self.doc = doc
        self.index = index
        self.finder = finder
        self.evidence: list[EvidenceSentence] = []
        self._heading_subjects: dict[tuple[str | None, str | None], str | None] = {}
        self.rules = ruleset
        self.metrics = ruleset.metrics
        self.previous_subjects: list[str] = []  # names that were subjects, in reading order
        self.topic: str | None = None  # the first subject of the latest sentence that had one
        self.previous_sentence: tuple[int, list[Mention]] = (-1, [])  # (line, mentions) of the last sentence
        self.cues = _cues(ruleset.metrics, ruleset.superlatives)
        self._cue_hits: tuple[str | None, Any] = (None, None)  # (sentence, where its cue words are)
        # a line repeated in one document (a title and its heading, a boilerplate sentence) is read once: the
        # index does not change while the document is framed, so its names and numbers are the same
        self._read: dict[tuple[str, bool | None], tuple[list[Mention], list[Quantity]]] = {}

    def read(self, text: str, title_case: bool | None) -> tuple[list[Mention], list[Quantity]]:
        """The names and the numbers of a sentence (shared lists: not to be changed)."""
        key = (text, title_case)
        hit = self._read.get(key)
        if hit is None:
            qs = extract_quantities(text, self.rules.quantities)
            bare = aggregate_counts(text, qs, self.metrics, self.rules.quantities.hedges)
            if bare:  # "the toll rose to 141": a count the reader leaves bare
                qs = sorted([*qs, *bare], key=lambda q: q.start)
            ms = _without_parenthetical_aliases(text, self.finder.mentions(text, self.index, title_case=title_case))
            hit = self._read[key] = (ms, qs)
        return hit

    # -- subject and object -------------------------------------------------------------------------
    def heading_subject(self, s: Sentence) -> str | None:
        """The name of the list label or the heading above a sentence, which stands in for a subject."""
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

    def subject_before(
        self, s: Sentence, ms: list[Mention], a: int, pos: int, counted: bool = False, people: bool = False
    ) -> tuple[str | None, int]:
        """The subject of a number at `pos` in the clause starting at `a`, and where it was found.

        The first name of the clause that is not the object of a preposition; a reporting verb ("Acme said
        Beta will pay ...") starts a new clause, whose speaker stands in when the clause names nobody ("Acme
        said it would pay ..."); ", which" points back to the name before it; a description ("the
        chipmaker", "the creator of Widget") counts as a name where it stands. A speaker does not stand in for
        a `counted` number whose reported clause opens with a noun phrase ("the coroner confirmed that the
        toll has risen to 141": the toll is not the coroner's), nor for a count of `people` ("412 passengers
        have been discharged, the official said")."""
        text = s.text
        # ", which ..." refers to the name just before it, preposition or not
        for w in _WHICH.finditer(text, a, pos):
            rest = text[w.end() : pos].lstrip()
            if rest.startswith(","):  # ", who, with 38 seats, ...": an aside opens the relative clause
                rest = rest[1:]
            if "," in rest:
                continue  # the relative clause has closed before the number
            before = [m for m in ms if m.end <= w.start()]
            if before and before[-1].end >= w.start() - 2:
                # "Vasco Lind, the head of Acme, who ...": the relative clause is about the head of the phrase
                head = before[-1]
                heads = [m for m in before if not m.after_prep]
                if head.after_prep and heads and _APPOSED.fullmatch(text, heads[-1].end, head.start):
                    head = heads[-1]
                return head.key, head.start
        # a dateline ("HAVERFORD -") and an opening participle ("Sitting 40 miles out") name no actor
        ms = actors(text, ms, a == 0 and s.role not in ("heading", "title"))
        body, main = subordinate_clause(text)
        if a < main <= pos:  # "Now that X is complete, Acme has 13 farms": the clause starts at Acme
            a = main
        elif pos < main:  # "After Acme bought Beta for $3 billion, ...": "After" is no preposition here
            ms = [dataclasses.replace(m, after_prep=False) if m.start == body else m for m in ms]
        speaker: Mention | None = None
        opening = a
        for r in _REPORT.finditer(text, a, pos):
            spoken = [m for m in ms if a <= m.start < r.start() and not m.after_prep]
            speaker = possessed(text, ms, spoken[0], opening, r.start()) if spoken else speaker
            a = r.end()
        # "Brandtwerk, Kolvar's main rival, ...": a possessor in another name's apposition only describes it
        cands = [
            m
            for i, m in enumerate(ms)
            if a <= m.start < pos
            and (not m.after_prep or holder(text, m))
            and not (m.possessive and i and _APPOSITION_OPEN.fullmatch(text, ms[i - 1].end, m.start))
        ]
        first = (appositive(text, ms, cands[0], pos) or possessed(text, ms, cands[0], a, pos)) if cands else None
        best: tuple[str | None, int] = (first.key, first.start) if first else (None, -1)
        in_clause = [m for m in ms if a <= m.start < pos]
        desc = self.finder.creator_reference(text, in_clause, self.index)
        if desc is None:
            d = self.finder.resolve_description(text[a:pos], self.index, self.previous_subjects)
            desc = (d[0] + a, d[1] + a, d[2]) if d else None
        if desc is not None and (best[0] is None or desc[0] < best[1]):
            best = (desc[2], desc[0])
        if best[0] is None and opening < a:
            # "the startup behind the Grok chatbot announced that ...": who speaks is the maker, not the product
            made = self.finder.creator_reference(text, [m for m in ms if opening <= m.start < a], self.index)
            best = (made[2], made[0]) if made else best
        if best[0] is None and speaker is not None and not people and not (counted and _NOUN_PHRASE.match(text, a)):
            best = (speaker.key, speaker.start)
        return best

    def passive_agent(self, text: str, ms: list[Mention], a: int, b: int) -> Mention | None:
        """ "Beta was bought by Acme for $3 billion", "the $2 billion investment in Beta by Acme": Acme acts."""
        for m in ms:
            if a <= m.start < b and _BY_AGENT.search(text, a, m.start):
                return m
        return None

    def measured_owner(self, text: str, q: Quantity, ms: list[Mention]) -> str | None:
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

    @staticmethod
    def speaks(text: str, m: Mention) -> bool:
        """Whether the name is the source of a statement ("Harland County officials said"; not "rescuers in
        Harland said", where the name is a place)."""
        return not m.after_prep and bool(_SPEAKER.match(text, m.end))

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
            and not described_by(text, m, subject_at)
        ]
        # "the Freedonian entrepreneur Vasco Lind": a name that qualifies the noun before another name
        ms = [m for i, m in enumerate(ms) if i + 1 == len(ms) or not _MODIFIER.fullmatch(text, m.end, ms[i + 1].start)]
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

    def previous_object(self, s: Sentence, subject: str | None) -> str | None:
        """A sentence that refers back ("The chipmaker's $3 billion commitment") keeps the object of the
        sentence before it in the same paragraph."""
        line, ms = self.previous_sentence
        if line != s.line:
            return None
        for m in ms:
            if m.after_prep and not self.index.same(m.key, subject):
                return m.key
        return None

    def extent(
        self,
        text: str,
        q: Quantity,
        ms: list[Mention],
        a: int,
        b: int,
        counterparty: bool,
        clause: tuple[int, int] | None = None,
        others: Sequence[tuple[int, int]] = (),
    ) -> list[str]:
        """The scope words near a number ("overseas", "worldwide") and, for a figure that is not between two
        parties, the place it is counted in ("$156 million in Freedonia"); an earlier year marks an earlier figure.
        A scope word of the `clause` belongs to the number it is nearest of this one and the `others` ("$350
        million in North America and $640 million around the world"); years are read between `a` and `b`."""
        lo = max(a, q.start - self.metrics.window_before)
        hi = min(b, q.end + self.metrics.window_after)
        ca, cb = clause or (a, b)
        slo, shi = max(ca, q.start - self.metrics.window_before), min(cb, q.end + self.metrics.window_after)
        found = [
            name
            for name, rx in self.metrics.scope_res
            if any(
                all(_gap(m.start(), m.end(), q.start, q.end) <= _gap(m.start(), m.end(), s, e) for s, e in others)
                for m in rx.finditer(text, slo, shi)
            )
        ]
        # "Quorra was fined 2.4 billion euros in 2017", read in an article of 2018
        stop = min([cb, *(a for a, _ in others if a >= q.end)])  # where the next number's words begin
        if self.doc.date and dated_earlier(
            text, q.start, q.end, lo, hi, stop, self.metrics.window_after, self.doc.date, self.rules.quantities.months
        ):
            found.append("previous")
        if not counterparty:
            m = _IN_PLACE.match(text, q.end)
            if m:
                found += [_PLACE_FEATURE.sub("", x.key).casefold() for x in ms if x.start == m.end()][:1]
        return sorted(set(found))

    # -- metric ------------------------------------------------------------------------------------
    def cue_hits(self, text: str) -> Any:
        """Where the literal words of the metric cues are in this sentence: found once for all its numbers."""
        if self._cue_hits[0] != text:
            self._cue_hits = (text, self.cues.scan.scan(text))
        return self._cue_hits[1]

    def metric(self, s: Sentence, q: Quantity, a: int, b: int) -> str:
        """What the number measures: the nearest cue of `rules/metrics.yaml` in its clause (a specific one over
        a generic one), the noun it counts, or the default metric of its dimension."""
        text = s.text
        cues = self.cues
        lo = max(a, q.start - self.metrics.window_before)
        hi = min(b, q.end + self.metrics.window_after)
        best_specific: tuple[int, str] | None = None
        best_generic: tuple[int, str] | None = None
        if q.dimension == "count" and q.noun:  # "41 deaths", "15 million paid users": the noun names the metric
            head = q.noun.split()[-1].casefold()
            whole = _WHOLE_BEFORE.search(text, max(0, q.start - 24), q.start)  # "61 of the 240 bodies were ..."
            if head in COUNTED_NOUNS and not whole:  # "1,801 people were injured": the verb says
                verb = counted_verb(text, q.end)
                if verb is not None:
                    for _, metric, rx in cues.by_dimension.get("count", ()):
                        if rx.fullmatch(verb):
                            return metric.name
                    return verb
            in_noun = cues.scan.possible(cues.scan.scan(q.noun))
            for i, metric, rx in cues.by_dimension.get("count", ()):
                if (in_noun is None or i in in_noun) and rx.search(q.noun):
                    return metric.name
            if head not in _PEOPLE:  # "14 plants": the noun is the metric; "12,000 people": the verb says which
                return head
        # only the cues whose words are in the window can match there
        possible = cues.scan.possible(self.cue_hits(text), lo, hi)
        for i, metric, rx in cues.by_dimension.get(q.dimension, ()):
            if possible is not None and i not in possible:
                continue
            for m in rx.finditer(text, lo, hi):
                if q.start <= m.start() < q.end or nearer_another(text, m, q, lo, hi):
                    continue  # (a cue between two numbers is the nearer one's)
                dist = q.start - m.end() if m.end() <= q.start else m.start() - q.end
                cand = (dist, metric.name)
                if metric.generic:
                    best_generic = min(best_generic, cand) if best_generic else cand
                else:
                    best_specific = min(best_specific, cand) if best_specific else cand
        if best_specific:
            # "a post-money valuation of $2 billion": the sharper cue nearby refines the nearest one
            # (not one that another number stands nearer: "value it at $18 billion, with a post-money valuation
            # of $24 billion")
            for i, metric, rx in cues.refiners.get(best_specific[1], ()):
                if (possible is None or i in possible) and any(
                    not nearer_another(text, m, q, lo, hi) for m in rx.finditer(text, lo, hi)
                ):
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
