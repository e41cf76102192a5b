"""Claims from a sentence's numbers: each number of the quantity reader becomes a claim framed from its clause.

The subject, object and metric come from the framing (framing.py). "A and B ... X and Y respectively" pairs
names and numbers in order, a parenthetical equivalent "$5 billion (EUR4.3 billion)" is one claim in two
currencies, and a rate keeps its basis ("$42 a share", "$20 billion per 1 gigawatt"). A verb left out ("X will
invest $5 billion and Y $10 billion") gives the second number the second party; a figure of two parties named
together is marked "combined". A sentence's dates become claims in date_claims.py.
"""

from __future__ import annotations

import re

from factcheck.extract.claim_record import new_claim
from factcheck.extract.date_claims import date_claims
from factcheck.extract.entity_finder import Mention
from factcheck.extract.framing import Clauses, Framer
from factcheck.extract.parties import coordinated, gapped_subject, opening_place, possessed
from factcheck.extract.roles import (
    VAGUE,
    actors,
    holding_relative_agent,
    in_relative_aside,
    measured_phrase,
    modified_name,
    opening_phrase_subject,
    reference_place,
    relative_agent,
)
from factcheck.extract.sentences import Sentence
from factcheck.extract.status import statuses, weekday_dates
from factcheck.models import Claim, Quantity
from factcheck.ruleset.lexicons import MetricLexicon

# what an event counts (the dead, the injured, the houses it destroyed), which no speaker owns
_AFFECTED = frozenset(
    ["people", "persons", "passengers", "victims", "survivors", "patients", "casualties", "bodies", "residents",
     "injured", "dead", "houses", "homes", "buildings", "dwellings", "households", "families"]
)  # fmt: skip
_NOT_RATES = {"deal", "record", "premium", "jump", "rise", "fall", "drop", "figure", "sum", "total", "move", "boost"}
# "$42 a share", "30 million euros (USD 35.5 million) a year": after the number or its bracketed equivalent
_PER_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:(?:for|on)\s+)?(?:a|an|per|each|every)\s+([a-z]+)\b")
_PER_BEFORE = re.compile(r"\b(?:each|per|every)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+)\s+(?:at|for|is|was|costs?|worth)\s+$")
# "€30m annually", "€30m per annum", "€30m annual salary"; "an annual salary of €30m", "a yearly wage of about €30m"
_YEARLY_AFTER = re.compile(r"\s*(?:annually|per\s+annum|(?:annual|yearly)\s+[a-z])", re.IGNORECASE)
_YEARLY_BEFORE = re.compile(r"\b(?:annual|yearly)\s+[a-z-]+\s+(?:of\s+)?(?:around\s+|about\s+)?$", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_RATE_WORD_END = re.compile(r"\b(?:per|each|every)\s*$")
_ONE = re.compile(r"(?:1|one|a|an)\b", re.IGNORECASE)
_LIST_JOINER = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")


def quantity_claims(
    framer: Framer, s: Sentence, ms: list[Mention], qs: list[Quantity], fallback_subject: str | None, counter: list[int]
) -> list[Claim]:
    """The claims of a sentence's numbers and dates."""
    text = s.text
    out: list[Claim] = []
    durations = [q for q in qs if q.dimension == "duration"]
    dates = [q for q in qs if q.dimension == "date"]
    dates += weekday_dates(text, qs)  # "on Friday": the last such day up to the document's date
    numbers = [q for q in qs if q.dimension not in ("duration", "date") or _measured_duration(text, q)]
    primaries, equivalents = _parenthetical_pairs(text, numbers)
    clauses = Clauses(text) if primaries else None
    basis = [q for q in primaries if _is_basis(framer.metrics, text, q)]
    primaries = [q for q in primaries if q not in basis]
    respectively = _respectively(text, ms, primaries)
    status = dict(
        zip(
            map(id, primaries),
            statuses(text, [(q.start, q.end) for q in primaries], clauses, framer.rules.numbers),
            strict=True,
        )
    )
    sentence_subject: str | None = None
    last: Claim | None = None
    read: list[Quantity] = []  # the quantity of each claim of `out`
    for i, q in enumerate(primaries):
        a, b = clauses.around(q.start, q.end)  # type: ignore[union-attr]  # set when there are primaries
        measured = None
        gapped = None
        if q in respectively:
            subject, obj = respectively[q]
        else:
            counted = q.dimension == "count"
            # a count of people or an aggregate ("the toll ... 141") is the event's, never its speaker's
            people = counted and bool(q.noun) and (q.noun not in q.text or q.noun.split()[-1].casefold() in _AFFECTED)
            subject, found_at = framer.subject_before(s, ms, a, q.start, counted=counted, people=people)
            agent = framer.passive_agent(text, ms, a, b)
            acted_on = None
            gapped = gapped_subject(text, ms, q.start) if last is not None else None
            modified = modified_name(text, ms, q.start, q.end) or gapped
            if modified is None and subject is None:
                # "the 105 million euros that Acme paid": with no name before it, the relative clause's agent
                # (not in "Kolvar raised the $2 billion that Acme needed")
                modified = relative_agent(text, ms, q.end)
            if modified is None:
                modified = holding_relative_agent(text, ms, a, q.start)
            if modified is None and subject is None:
                modified = opening_phrase_subject(text, ms, q.start, q.end)
            if modified is not None:
                subject, found_at, agent = modified.key, modified.start, None
            if agent is not None and agent.key != subject:
                # the grammatical subject of a passive is what was acted on
                acted_on = subject
                subject, found_at = agent.key, agent.start
            named_here = any(m.start == found_at for m in ms)
            if not named_here:  # "the second aftershock measured 5.9": a noun phrase is what is measured
                measured = measured_phrase(text, a, q.start, q.end)
            # "The toll from the X floods stands at ...": a name inside the subject's own phrase
            inner = None
            if not measured:
                inner = next(
                    (
                        possessed(text, ms, m, a, q.start).key
                        for m in actors(text, ms, False)
                        if a <= m.start < q.start
                        and not (people and framer.speaks(text, m))
                        and not in_relative_aside(text, m)
                    ),
                    None,
                )
            place = opening_place(text, ms) if counted and inner else None
            subject = subject or (place.key if place else None) or fallback_subject or inner or sentence_subject
            obj = acted_on or framer.object_near(text, ms, a, b, q.start, q.end, subject, found_at)
            if obj is None and not named_here:
                obj = framer.previous_object(s, subject)
        metric = framer.metric(s, q, a, b)
        if gapped is not None and last is not None and last.dimension == q.dimension:
            # the left-out verb is the one before: its metric and its counterparty ("and Quantix $10 billion")
            metric, obj = last.metric or metric, last.object if last.object != subject else None
            if last.object == subject:
                out[-1] = last = last.model_copy(update={"object": None})
        per = _per(text, q, basis)
        if per in ("share", "shares") and q.dimension == "currency":
            metric = "price_per_share"  # "$42 a share", "values each share at $42", "an offer of $46 a share"
        if obj is None and last is not None and framer.metrics.compatible(metric, last.metric or ""):
            obj = last.object
        owner = framer.measured_owner(text, q, ms)
        if owner is not None:
            subject = owner
        spec = framer.metrics.by_name.get(metric)
        if per == "year" and spec is not None and spec.yearly:
            per = None  # "revenue of $9.2 billion" and "annual revenue of $9 billion" are one basis
        if spec is None or not spec.counterparty:
            obj = None  # "12,000 people at 14 plants across Britain": a place is not a counterparty
        if q.dimension == "distance":
            obj = reference_place(text, q, ms)  # "277 miles north of Kunming": a distance is from somewhere
        # a scope word belongs to the number it is nearest ("$350 million in X and $1.2 billion worldwide")
        lo = (primaries[i - 1].end + q.start) // 2 if i else a
        hi = (q.end + primaries[i + 1].start) // 2 if i + 1 < len(primaries) else b
        # the neighbours in the clause are the only numbers that can be nearer a scope word of this one
        neighbours = ([primaries[i - 1]] if i else []) + primaries[i + 1 : i + 2]
        others = [(p.start, p.end) for p in neighbours if a <= p.start < b]
        two_party = bool(spec and spec.counterparty)
        extent = framer.extent(text, q, ms, max(a, lo), min(b, hi), two_party, clause=(a, b), others=others)
        if q not in respectively and coordinated(text, ms, subject, a, q.start):
            extent = sorted({*extent, "combined"})  # "Norwell and Quantix to invest $15 billion": both parties'
        if status[id(q)] == "previous" and "previous" not in extent:
            extent = sorted({*extent, "previous"})  # "the previous record, set when Acme paid £89m": an earlier figure
        in_clause = [d for d in durations if a <= d.start < b and d is not q]
        period = min(in_clause, key=lambda d: abs(d.start - q.start)) if in_clause else None
        claim = new_claim(
            framer.doc,
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
            total=_totalled(framer.metrics.total_re, text, primaries, i, a, b),
            mentions=ms,
            status=status[id(q)],
        )
        if measured in VAGUE:
            measured = None  # the same farm is "the project" in one article, "the wind farm" in another
        if extent or measured:
            claim = claim.model_copy(update={"extent": extent, "measured": measured})
        out.append(claim)
        read.append(q)
        last = claim
        sentence_subject = sentence_subject or subject
    out = _parts_of_other_facts(text, out, read)
    out.extend(date_claims(framer, s, dates, ms, counter))
    return out


TOTAL_WINDOW = 60  # characters either side of a number where a total word makes it a total
_AFTER_ITS_NUMBER = re.compile(r"in\b|altogether", re.IGNORECASE)  # "$45 billion in total", "... altogether"


def _totalled(total_re: re.Pattern[str], text: str, numbers: list[Quantity], i: int, a: int, b: int) -> bool:
    """Whether a total word of the clause (a..b) within TOTAL_WINDOW is this number's: "in total" and
    "altogether" follow their number; "a combined", "a total (value) of", "totalling" precede theirs, else
    (no number follows near) they speak of the number before them. "$54.20 a share, for a total value of $44
    billion": the total is the $44 billion; "its total of seats ... a majority of 58": no total near 58."""
    q = numbers[i]
    for m in total_re.finditer(text, max(a, q.start - TOTAL_WINDOW), min(b, q.end + TOTAL_WINDOW)):
        before = [n for n in numbers if n.end <= m.start()]
        after = [n for n in numbers if n.start >= m.end() and n.start - m.end() <= TOTAL_WINDOW]
        follows = bool(_AFTER_ITS_NUMBER.match(m.group())) or not after
        owner = (before[-1] if before else None) if follows else after[0]
        if owner is q:
            return True
    return False


_OF_THE = re.compile(r"\s+of\s+(?:the|these|those)\s+")


def _parts_of_other_facts(text: str, claims: list[Claim], read: list[Quantity]) -> list[Claim]:
    """A part ("88 of the 275 bodies were identified") whose metric is not its whole's is no part of the
    whole's fact: it is the whole count of its own ("identified"), and compares with other sources' counts.
    `read`: the quantity of each claim, where it stands in the sentence."""
    out = list(claims)
    for i, c in enumerate(claims[:-1]):
        whole = claims[i + 1]
        if c.status == "part" and whole.metric != c.metric and _OF_THE.fullmatch(text, read[i].end, read[i + 1].start):
            out[i] = c.model_copy(update={"status": None})
    return out


_TAKEN = re.compile(
    r"\b(?:took|takes?|taking|needed|needs?|required|requires?|in)\s+(?:just|only|a\s+mere|less\s+than)?\s*$",
    re.IGNORECASE,
)


_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+$", re.IGNORECASE)
_TERM_AFTER = re.compile(r"[\s-]+(?:deal|contract|agreement|lease|extension|investigation|probe|ban)\b", re.IGNORECASE)


def _measured_duration(text: str, q: Quantity) -> bool:
    """A duration that is a fact of its own, not the period of another number: one fused to the noun it
    measures ("a five-year contract", "a three-year investigation"), an age ("the 25-year-old") or the time
    something took ("needed 11 days to reach", "in only five days"; not "in five days", a period)."""
    if q.dimension != "duration":
        return False
    if "-" not in q.text:
        if _TERM_AFTER.match(text, q.end) and _ATTRIBUTIVE_BEFORE.search(text, max(0, q.start - 8), q.start):
            return True  # "a five year deal", "a five year-deal": the deal's length
        m = _TAKEN.search(text, max(0, q.start - 24), q.start)
        return m is not None and not m.group().casefold().rstrip().endswith("in")
    return q.concept is not None or text.startswith("-old", q.end)


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


def _per(text: str, q: Quantity, basis: list[Quantity]) -> str | None:
    """A rate's basis: "$20 billion ... per 1 gigawatt", "$42 a share", "each share at $42"."""
    near = [p for p in basis if abs(p.start - q.start) < 120]
    if near:
        return near[0].text
    m = _PER_AFTER.match(text, q.end)
    if m and m.group(1) not in _NOT_RATES:
        return m.group(1)
    m = _PER_BEFORE.search(text, max(0, q.start - 60), q.start)
    if m and m.end() == q.start:
        return m.group(1)
    # "an annual salary of €30m", "€30m annually", "€30m per annum": a rate per year
    if _YEARLY_AFTER.match(text, q.end) or _YEARLY_BEFORE.search(text, max(0, q.start - 40), q.start):
        return "year"
    return None


def _is_basis(metrics: MetricLexicon, text: str, q: Quantity) -> bool:
    """ "1 gigawatt ... is estimated to cost $20 billion": the number is a rate's basis, not a claim."""
    if q.dimension == "currency":
        return False
    if _RATE_WORD_END.search(text, 0, q.start):
        return True
    stated_one = _ONE.match(q.text) is not None
    return stated_one and bool(metrics.cost_re.search(text, q.end, q.end + 60))


def _respectively(text: str, ms: list[Mention], qs: list[Quantity]) -> dict[Quantity, tuple[str, str | None]]:
    """ "A and B ... X and Y respectively": each number's subject from the list of names, in order, and the
    object named after the last number."""
    if len(qs) < 2 or not _RESPECTIVELY.search(text):
        return {}
    first = qs[0]
    a, _ = Clauses(text).around(first.start, first.end)
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
