"""One document -> its `DocumentExtract`: claims, name facts and evidence sentences, independent of the rest of
the corpus (so it can be cached and run in any process).

The document first teaches the names it uses (name_learning.py); a `Framer` (framing.py) then reads its
sentences in order: the numbers of each become claims (claims.py), its superlatives and exclusivity claims
(categorical.py), and a sentence that relates names or contrasts them is kept as evidence for categorical
claims. Last, a number whose sentence names no subject takes one from the claim before it.
"""

from __future__ import annotations

from factcheck.extract.categorical import extract_categorical
from factcheck.extract.claims import quantity_claims
from factcheck.extract.entity_finder import EntityFinder
from factcheck.extract.framing import Framer
from factcheck.extract.name_learning import learn_names
from factcheck.extract.roles import actors
from factcheck.extract.sentences import Sentence, sentences
from factcheck.extract.status import names_a_weekday
from factcheck.models import Claim, Document, DocumentExtract, EvidenceSentence
from factcheck.ruleset.rule_set import RuleSet


def extract_document(doc: Document, ruleset: RuleSet, finder: EntityFinder | None = None) -> DocumentExtract:
    """Everything one document says, independent of the rest of the corpus (so it can be cached)."""
    finder = finder or EntityFinder(ruleset.entities)
    sents = sentences(doc)
    names = learn_names(finder, sents)
    framer = Framer(doc, finder.index_from([names]), finder, ruleset)
    counter = [0]
    claims: list[Claim] = []
    for s in sents:
        claims.extend(_sentence_claims(framer, s, counter))
    return DocumentExtract(
        document=doc, claims=_inherit_subjects(doc, claims, ruleset), names=names, evidence=framer.evidence
    )


def _sentence_claims(framer: Framer, s: Sentence, counter: list[int]) -> list[Claim]:
    """The claims of one sentence, in reading order; notes its subjects and evidence for the sentences after."""
    text = s.text
    ms, qs = framer.read(text, s.role in ("heading", "title") or None)
    out: list[Claim] = []
    fallback_subject = framer.heading_subject(s)
    if qs or (ms and names_a_weekday(text)):
        out = quantity_claims(framer, s, ms, qs, fallback_subject, counter)
    out.extend(extract_categorical(s, ms, framer, counter))
    subjects = [c.subject for c in out if c.subject]
    if not subjects:
        subjects = [m.key for m in actors(text, ms, s.role not in ("heading", "title")) if not m.after_prep][:1]
    framer.previous_subjects.extend(subjects)
    framer.topic = subjects[0] if subjects else framer.topic
    framer.previous_sentence = (s.line, ms)
    lex = framer.rules.superlatives
    if (
        ms
        and s.role not in ("teaser", "heading", "title")
        and framer.cues.evidence.any_possible(text)
        and (lex.relation_re.search(text) or lex.contradiction_re.search(text))
    ):
        cues = [c.end() for c in lex.contradiction_re.finditer(text)]
        framer.evidence.append(
            EvidenceSentence(
                line=s.line,
                text=text,
                keys=[m.key for m in ms],
                third_party=[m.key for m in ms if m.after_prep],
                alternatives=[m.key for m in ms if any(0 <= m.start - c <= 40 for c in cues)],
            )
        )
    return out


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
            if source is not None and _tally(c, ruleset) and source.dimension != "count":
                source = None  # "12,000 houses toppled" is no tally of the place a distance was given from
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


def _tally(c: Claim, ruleset: RuleSet) -> bool:
    """A count of people or things in a state (dead, injured, toppled, damaged): an event's tally."""
    metric = c.metric or ""
    return c.dimension == "count" and (metric in ruleset.numbers.cumulative_metrics or metric.endswith("ed"))
