"""Dates and updates: sources that date one event differently, and a later source that updates a number.

Two dates of one fact from different documents whose ranges do not meet are a `date_disagreement`. A number
that changed between an earlier and a later source, as the later one says ("rose to", "revised") or as a
growing metric does, is a `temporal_update` rather than a disagreement (the pairs are judged in
`numeric._ClaimTable`).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from factcheck.analyse.alignment import FactGroup
from factcheck.analyse.comparison import Comparison, claim_order, fact_label, fact_status, finding, location
from factcheck.extract.corpus import Corpus
from factcheck.extract.entity_index import EntityIndex
from factcheck.models import Claim, Finding
from factcheck.ruleset.rule_set import RuleSet

Sentence = tuple[str, int, str]  # a claim's document, line and quote


def sentence_of(c: Claim) -> Sentence:
    return (c.document, c.line, c.quote)


def dates_per_sentence(groups: Iterable[FactGroup]) -> Counter[Sentence]:
    """How many dates of the facts each sentence holds."""
    return Counter(sentence_of(c) for g in groups if g.kind == "date" for c in g.claims)


def compare_dates(
    groups: list[FactGroup],
    corpus: Corpus,
    ruleset: RuleSet,
    out: Comparison,
    per_sentence: Mapping[Sentence, int] | None = None,
) -> None:
    """Two dates of one fact disagree only when they are from different documents, their days cannot meet,
    they share an event kind (a sentence of several dates gives each the kind of the event word before it:
    "announced in 2019 and completed in 2022") and the names an event needs. `per_sentence`: the dates in
    each sentence, counted over every date fact of the corpus (by default over `groups`), so that a run of
    facts is compared anywhere as in the whole."""
    index = corpus.index
    if per_sentence is None:
        per_sentence = dates_per_sentence(groups)
    for g in groups:
        if g.kind != "date":
            continue
        events = {c.id: _events_of(c, per_sentence[sentence_of(c)], ruleset) for c in g.claims}
        need = max(0, ruleset.dates.min_shared_entities)
        conflicts = [
            (a, b)
            for a, b in itertools.combinations(g.claims, 2)
            if a.document != b.document
            and (str(a.high) < str(b.low) or str(b.high) < str(a.low))
            and events[a.id] & events[b.id]
            and len({index.canon(e) for e in a.entities} & {index.canon(e) for e in b.entities}) >= need
        ]
        out.statuses[id(g)] = fact_status(g, bool(conflicts), corpus)
        if conflicts:
            flagged = sorted({c.id: c for pair in conflicts for c in pair}.values(), key=claim_order)
            dates = "; ".join(f"{c.text} ({location(c)})" for c in flagged)
            out.findings.append(finding(ruleset, "date_disagreement", "date_disagreement", flagged, g, dates=dates))


def _events_of(c: Claim, dates_in_sentence: int, ruleset: RuleSet) -> set[str]:
    """The event kinds a date claim speaks of: those its sentence names, or, in a sentence of several dates,
    the kind of the event word nearest before it (failing that, after it)."""
    kinds = set((c.event or "").split("|")) - {""}
    if dates_in_sentence < 2 or len(kinds) < 2:
        return kinds
    at = c.quote.find(c.text)
    if at < 0:
        return kinds
    end = at + len(c.text)
    before: tuple[int, str] | None = None  # the nearest event word before the date ("completed it in 2022")
    after: tuple[int, str] | None = None  # else the nearest after it ("On March 3, Acme signed")
    for kind, rx in ruleset.dates.event_res:
        for m in rx.finditer(c.quote):
            if m.end() <= at and (before is None or at - m.end() < before[0]):
                before = (at - m.end(), kind)
            elif m.start() >= end and (after is None or m.start() - end < after[0]):
                after = (m.start() - end, kind)
    best = before or after
    return {best[1]} if best else kinds


def updates_by_later(active: list[Claim], pairs: list[tuple[int, int]]) -> list[tuple[Claim, list[Claim]]]:
    """The update pairs (earlier, later) of a fact's claims `active` as each later claim with the earlier claims
    it updates, in the order the pairs first name the later claim."""
    updates: dict[str, list[Claim]] = defaultdict(list)  # later claim id -> the earlier claims it updates
    later_of: dict[str, Claim] = {}
    for earlier, later in pairs:
        updates[active[later].id].append(active[earlier])
        later_of[active[later].id] = active[later]
    return [(later_of[later_id], earlier) for later_id, earlier in updates.items()]


def update_findings(
    g: FactGroup,
    updates: list[tuple[Claim, list[Claim]]],
    dates: dict[str, str | None],
    index: EntityIndex,
    ruleset: RuleSet,
) -> list[Finding]:
    """A `temporal_update` for each later figure of the quantity fact `g`, with the earlier claims it updates: one
    article that states the later figure in its title, heading and body makes one finding, not three."""
    out = []
    grouped: dict[tuple[object, ...], tuple[list[Claim], list[Claim]]] = {}
    for later, earlier in updates:
        key = (later.document, later.value, later.low, later.high, frozenset(c.id for c in earlier))
        grouped.setdefault(key, ([], sorted(earlier, key=claim_order)))[0].append(later)
    for laters, earlier in grouped.values():
        laters.sort(key=claim_order)
        later = laters[0]
        out.append(
            finding(
                ruleset,
                "temporal_update",
                "temporal_update",
                [*laters, *earlier],
                g,
                fact=fact_label(index, g),
                old=earlier[0].text,
                old_date=dates.get(earlier[0].document) or "undated",
                new=later.text,
                new_date=dates.get(later.document) or "undated",
            )
        )
    return out
