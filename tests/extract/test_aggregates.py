"""Counts that an aggregate noun names (factcheck/extract/aggregates.py, and the quantity reader's tight forms):
a bare number tied to "the toll", "the number of injured", "the tally" in its clause, read with its hedge and
direction, and the metric its noun gives. Invented sentences; the traps are bare numbers that must stay no count."""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.extract.aggregates import aggregate_counts
from factcheck.extract.quantities import extract_quantities
from factcheck.load import parse_document
from factcheck.models import Quantity
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _counts(text: str) -> list[Quantity]:
    rs = _ruleset()
    qs = extract_quantities(text, rs.quantities)
    # the reader reads the tight forms itself ("a toll of 212"); the claim stage reads the rest
    read = [q for q in qs if q.dimension == "count" and q.noun and q.noun not in q.text]
    return sorted(read + aggregate_counts(text, qs, rs.metrics, rs.quantities.hedges), key=lambda q: q.start)


# (text, the count's text, value, qualifier, change)
POSITIVES = [
    ("The death toll from the ferry fire rose on Tuesday to 141.", "141", 141, "exact", "up"),
    ("The death toll from the 7.7-magnitude quake in Harwick rose to 1,644.", "1,644", 1644, "exact", "up"),
    ("Officials said the toll in the two valleys is 62, not 70.", "62", 62, "exact", None),
    ("The provincial government lowered to 1,204 its death toll for the floods.", "1,204", 1204, "exact", "down"),
    ("The number of injured stood at close to 900 by nightfall.", "close to 900", 900, "approx", None),
    (
        "Rescuers put the official toll, which includes two firefighters, at more than 35.",
        "more than 35",
        35,
        "over",
        None,
    ),
    ("The number of deaths in the district had been revised to 47 after a recount.", "47", 47, "exact", None),
    ("A final toll of 212 was confirmed by the ministry.", "212", 212, "exact", None),
    ("Another 181 are missing, the agency said.", "181", 181, "exact", None),
    ("Of those, at least 40 were killed in the blast.", "at least 40", 40, "at_least", None),
    ("Of them, 793 have since been discharged and the rest are in wards.", "793", 793, "exact", None),
    ("The body count has reached 18, the mayor said.", "18", 18, "exact", None),
    ("The Liberal bloc secured an overall majority of 58 in the chamber.", "58", 58, "exact", None),
    ("So far 412 of the 980 injured travellers have been discharged, officials said.", "412", 412, "exact", None),
    ("Fewer than 150 of the 900 injured are still in hospital.", "Fewer than 150", 150, "under", None),
    # a state still to be reached: the count of those not yet in it
    ("Of the 278 bodies, 177 have been named and 101 more have still to be identified.", "101", 101, "exact", None),
    ("That leaves 187 yet to be identified, the official said.", "187", 187, "exact", None),
    # a part of a whole named before it
    ("Of 88 bodies named, 78 of which have been handed over, none were foreign.", "78", 78, "exact", None),
]

# bare numbers no aggregate noun names, or that the words keep from being a count
TRAPS = [
    "The toll road opened in 1998 and carries 40,000 cars a day.",  # a year; a count the reader reads itself
    "The toll is not 300, the minister insisted.",  # a denied figure
    "Flight 370 took off at 12:41.",  # a flight number, a time
    "A majority of the 300 members voted for the motion.",  # a share, not a count of its own
    "The tally will be published on page 12 of the report.",  # no link to the number
    "The toll in 2014 was far lower.",  # a year, and no count
    "Nobody knows the number of victims; 3 reporters were hurt.",  # the clause ends before the number
    "The death toll was 12.5 per cent higher.",  # a percentage, not a count
    "Search teams said Flight 370 has been missing since March.",  # a flight number
    "Sixteen of the 20 were not injured.",  # a denied state; no bare count stated
    "In 2014 were killed more than before.",  # a year
    "Route 66 has yet to be resurfaced.",  # a road's number, and no state of the lexicon
    "Kolvar handed 12 of them to Acme.",  # "handed" without "over" is no state here
]


@pytest.mark.parametrize(("text", "said", "value", "qualifier", "change"), POSITIVES, ids=[p[1] for p in POSITIVES])
def test_an_aggregate_names_a_bare_count(
    text: str, said: str, value: float, qualifier: str, change: str | None
) -> None:
    found = _counts(text)
    assert [q.text for q in found] == [said]
    q = found[0]
    assert (q.value, q.qualifier, q.change, q.dimension) == (value, qualifier, change, "count")
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", TRAPS)
def test_a_bare_number_stays_no_count(text: str) -> None:
    assert _counts(text) == []


def test_the_aggregate_gives_the_metric_and_sources_disagree() -> None:
    rs = _ruleset()
    docs = [
        parse_document("a.md", "---\ndate: 2024-03-02\n---\n\nVarnholm's death toll stood at 41 on Friday.\n",
                       rs.boilerplate),
        parse_document("b.md", "---\ndate: 2024-03-02\n---\n\nVarnholm's toll is 44, officials said.\n",
                       rs.boilerplate),
    ]  # fmt: skip
    report = analyse(docs, rs)
    tolls = [c for c in report.claims if c.metric == "death_toll"]
    assert sorted(c.text for c in tolls) == ["41", "44"]
    assert any(f.rule == "numeric_disagreement" for f in report.findings)


def test_an_earlier_figure_is_not_held_against_the_current_one() -> None:
    rs = _ruleset()
    docs = [
        parse_document("a.md", "---\ndate: 2024-03-03\n---\n\nThe agency put the toll in Varnholm at around 20 in "
                       "the first hours, but by evening it had doubled.\n", rs.boilerplate),
        parse_document("b.md", "---\ndate: 2024-03-03\n---\n\nThe toll in Varnholm is 44, officials said.\n",
                       rs.boilerplate),
    ]  # fmt: skip
    report = analyse(docs, rs)
    assert not [f for f in report.findings if f.rule == "numeric_disagreement"]


def test_a_state_still_to_be_reached_counts_its_negation() -> None:
    assert [q.noun for q in _counts("That leaves 187 yet to be identified, the official said.")] == ["unidentified"]
