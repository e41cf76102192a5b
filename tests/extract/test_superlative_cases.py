"""Case tables for categorical claims in real reporting (issue kinds 5 and 10), about invented subjects.

- ENDINGS: negations and endings of a distinction ("ends its exclusivity", "no longer the sole supplier",
  "non-exclusive", "the exclusivity expired") and topic headings ("Exclusivity") make no claim;
- FORMS: the forms of a record or a first that news writing uses ("the biggest evacuation in the country's
  history", "a club-record fee", "never before has...", "the first Nordic team to...") are claims, with the
  subject the sentence is about (never the agency in ", Reuters reported"); weaker forms are marked weak;
- TRAPS: idioms, "only" of time, small scopes and quotes about a challenge are no claim;
- SUPPORT: small corpora where sources word one distinction apart (synonyms, spellings, headline and body)
  and where they do not (another ranking word, another party).
"""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.load import parse_document
from factcheck.models import Claim, Report
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

CATEGORICAL = ("superlative", "exclusivity")
FINDINGS = ("unsupported_superlative", "contradicted_claim")


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _report(*texts: str) -> Report:
    rs = _ruleset()
    docs = [parse_document(f"source{i}.md", text, rs.boilerplate) for i, text in enumerate(texts)]
    return analyse(docs, rs)


def _claims(text: str) -> list[Claim]:
    return [c for c in _report(text).claims if c.kind in CATEGORICAL]


# -- negations and endings: no claim of exclusivity or rank -------------------------------------------

ENDINGS = [
    "Streamly ends its exclusivity with the Torvik Cup organisers next season. Viewers on Streamly pay less.",
    "Marlow Water is no longer the exclusive provider of drinking water in the county.",
    "Orsa Telecom loosened the exclusivity terms of its deal with the league.",
    "The new contract with Vantor Telecom will not be exclusive, the league said.",
    "Calder Steel signed a non-exclusive supply agreement with Nordic Rail.",
    "The exclusivity ended in March, and Brightline Retail now sells the range alongside rivals.",
    "Kestrel Air's exclusivity on the Perth route expired last year.",
    "Halvorsen Group lost its status as the largest food producer in Norway in 2021.",
    "Tarvo Mining was formerly the only coal miner in the province.",
    "Nordvik Mobile dropped its exclusive distribution deal with Quillon Phones.",
    "## Exclusivity\n\nThe terms were not disclosed by Streamly.",
    "## Records\n\nAttendance at Redcliffe United fell in May.",
    "- **Exclusivity:** none, said Vantor Telecom.",
    "Halvorsen Group gave up its first call on new Quillon Labs capacity, replacing exclusivity.",
    "Quillon Labs is moving away from exclusivity with Halvorsen Group.",
]


@pytest.mark.parametrize("text", ENDINGS)
def test_endings_are_no_claim(text: str) -> None:
    claims = _claims(text)
    assert not claims, [(c.kind, c.subject, c.word, c.text) for c in claims]


# -- forms of a record or a first: (text, subject, word, weak) ----------------------------------------

FORMS = [
    pytest.param(
        "Halden City launched the biggest evacuation in the country's history on Sunday.",
        "Halden City",
        "biggest",
        True,
        id="biggest-in-the-countrys-history",
    ),
    pytest.param(
        "Redcliffe United completed one of the most expensive signings ever when it bought Tomas Varga.",
        "Redcliffe United",
        "most expensive",
        True,
        id="one-of-the-most-expensive-ever",
    ),
    pytest.param(
        "It is the first time the Ostfold Statistics Agency has published the figures by county.",
        "Ostfold Statistics Agency",
        "first",
        True,
        id="first-time-the-agency-has-published",
    ),
    pytest.param(
        "Torvik Rovers became the first Nordic team to win the Atlantic Cup.",
        "Torvik Rovers",
        "first",
        False,
        id="first-nordic-team-to",
    ),
    pytest.param(
        "Redcliffe United won a record-extending 12th league title on Saturday.",
        "Redcliffe United",
        "record-extending",
        True,
        id="record-extending-title",
    ),
    pytest.param(
        "Torvik Rovers paid a club-record fee for the Danish striker Jens Holm.",
        "Torvik Rovers",
        "record",
        True,
        id="club-record-fee",
    ),
    pytest.param(
        "Jens Holm scored 41 goals, a record for a Danish player in the league.",
        "Jens Holm",
        "record",
        True,
        id="a-record-for-a-player",
    ),
    pytest.param(
        "Never before has a Nordic club won the Atlantic Cup, said Torvik Rovers.",
        "Nordic",
        "never before",
        True,
        id="never-before-has",
    ),
    pytest.param(
        "Mossgiel Pharma designed the plant solely for malaria vaccines.",
        "Mossgiel Pharma",
        "solely",
        False,
        id="designed-solely-for",
    ),
    pytest.param(
        "The Kallisto Saga opened in 5,100 cinemas, the widest release ever for a Nordic film.",
        "Kallisto Saga",
        "widest",
        True,
        id="widest-release-ever",
    ),
    pytest.param(
        "Avelin Studios said The Kallisto Saga, which is now the highest-grossing film of all time in Norway, "
        "will get a sequel.",
        "Kallisto Saga",
        "highest-grossing",
        True,
        id="highest-grossing-of-all-time",
    ),
    pytest.param(
        "Brightline Retail is not only the largest grocer in Sweden but also the cheapest.",
        "Brightline Retail",
        "largest",
        False,
        id="not-only-the-largest",
    ),
    pytest.param(
        "Shares of Calder Steel hit an all-time high on Friday.",
        "Calder Steel",
        "all-time",
        True,
        id="all-time-high",
    ),
    pytest.param(
        "Lotus Boy 3 has grossed $1.7 billion since January. It is now the highest-grossing animated movie ever,"
        " passing Inside Out 2.",
        "Lotus Boy 3",
        "highest",
        True,
        id="a-pronoun-subject-is-the-sentence-befores",
    ),
    pytest.param(
        "Kestrel Air flew the route last year. It is the only airline flying to Perth from Lisbon.",
        "Kestrel Air",
        "only",
        False,
        id="it-is-the-only",
    ),
    pytest.param(
        "Lotus Boy 3 has grossed $1.7 billion. That makes it the highest-grossing animated film of all time, ahead"
        " of Inside Out 2.",
        "Lotus Boy 3",
        "highest",
        True,
        id="makes-it",
    ),
    pytest.param(
        "Lotus Boy 3 opened in January. The film, directed by Wen Li, opened during the Lunar New Year holiday"
        " and is the first non-Hollywood film to cross $1 billion in one market.",
        "Lotus Boy 3",
        "first",
        False,
        id="a-described-subject-is-the-sentence-befores",
    ),
    pytest.param(
        "Harland Province was hit on Friday. It was the most powerful earthquake to hit Harland in decades.",
        "Harland",
        "most powerful",
        True,
        id="a-record-over-decades-is-weak",
    ),
    pytest.param(
        "Halden City faced an unprecedented flood, officials said.",
        "Halden City",
        "unprecedented",
        True,
        id="unprecedented",
    ),
]


@pytest.mark.parametrize(("text", "subject", "word", "weak"), FORMS)
def test_forms_are_claims(text: str, subject: str, word: str, weak: bool) -> None:
    claims = _claims(text)
    assert claims, "no categorical claim"
    found = [(c.subject, c.word, c.weak) for c in claims]
    assert any(s and subject in s and w == word and k == weak for s, w, k in found), found


def test_outlet_is_not_the_subject() -> None:
    """The agency in ", Reuters reported" or "according to AFP" reported the claim; it is not its subject."""
    for text in (
        "The Kallisto Saga is the biggest film ever made in Norway, Nordpress reported.",
        "According to Nordpress, the Kallisto Saga is the biggest film ever made in Norway.",
    ):
        claims = _claims(text)
        assert claims and all(c.subject != "Nordpress" for c in claims), [(c.subject, c.text) for c in claims]
        assert all(c.attributed for c in claims)


# -- traps: no claim ----------------------------------------------------------------------------------

TRAPS = [
    "The greatest challenge, said the coach of Torvik Rovers, was keeping the squad fit.",
    "Only hours before the vote, Halden City council met with Calder Steel.",
    "Only four days earlier, Vantor Telecom had raised prices.",
    "The villages near Halden City can be reached only on foot.",
    "Marlow Water said the only way to cut bills was to fix leaks.",
    "Torvik Rovers led at the end of the first half against Redcliffe United.",
    "Kestrel Air flew to Perth for the first time in two weeks on Monday.",
    "It was the biggest gain for Calder Steel in three years.",
    "The best thing about the Orsa Phone 4, said the reviewer, is its battery.",
    "The biggest question for Nordvik Mobile is whether customers will stay.",
    "Brightline Retail has a strong track record in Sweden.",
    "Redcliffe United broke the record that Torvik Rovers had held since 1990, the club said... no claim of ours.",
    "Nordvik Mobile kept its records of customers in Oslo.",
    "The first party that comes to mind may be the Greens, said Ostfold Bank.",
    "The Greens, left with four seats, are heading for the worst result in their history.",
    "The Liberals fell to their record low of 12 seats in the Halden City vote.",
    "Shares of Calder Steel doubled the previous world transfer record for a steel stock, analysts at Brannock said.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_no_claim(text: str) -> None:
    claims = _claims(text)
    assert not claims, [(c.kind, c.subject, c.word, c.text) for c in claims]


# -- support across sources: (sources, categorical findings as {(rule, severity)}, number of findings) ----

WIND = "Tessaly Wind, the world's largest offshore wind farm, began full operation, Norbridge Energy said."
SUPPORT = [
    pytest.param(
        [
            "Tessaly Wind is the world's largest offshore wind farm. Norbridge Energy built it.",
            "Tessaly Wind, the biggest offshore windfarm in the world, opened on Monday.",
        ],
        set(),
        0,
        id="largest-and-biggest-windfarm-support",
    ),
    pytest.param(
        [
            "# Tessaly Wind: world's biggest offshore wind farm opens\n\n"
            "Tessaly Wind, the world's biggest offshore wind farm, opened on Monday.",
        ],
        {("unsupported_superlative", "warning")},
        1,
        id="headline-and-body-are-one-finding",
    ),
    pytest.param(
        [
            "Tessaly Wind is the world's largest offshore wind farm. Norbridge Energy built it.",
            "Tessaly Wind is the world's cheapest offshore wind farm. Norbridge Energy built it.",
        ],
        {("unsupported_superlative", "warning")},
        2,
        id="another-ranking-word-does-not-support",
    ),
    pytest.param(
        [
            "Calder Steel was handed a record €1.2 billion fine by the regulator.",
            "The regulator gave Calder Steel a record-breaking 1.2 billion euro (US$1.3 billion) fine.",
        ],
        set(),
        0,
        id="record-fine-worded-apart-supports",
    ),
    pytest.param(
        [
            "The Kallisto Saga got the widest release ever, in 5,100 cinemas. Avelin Studios cheered.",
            "The Kallisto Saga had the biggest opening ever for Avelin Studios.",
        ],
        {("unsupported_superlative", "info")},
        2,
        id="widest-and-biggest-are-two-records",
    ),
    pytest.param(
        [
            "Torvik Rovers signed Jens Holm in a world-record deal on Friday.",
            "Torvik Rovers paid a world-record fee for Jens Holm, the Danish striker.",
            "The move makes Jens Holm the most expensive player there has ever been, said Torvik Rovers.",
        ],
        set(),
        0,
        id="record-fee-and-most-expensive-ever-support",
    ),
    pytest.param(
        [
            "Orsa Telecom is the sole broadcaster of the Torvik Cup in Norway.",
            "Vantor Telecom is the sole broadcaster of the Torvik Cup in Norway.",
        ],
        {("contradicted_claim", "error")},
        None,
        id="rivals-are-not-support",
    ),
]


@pytest.mark.parametrize(("texts", "findings", "count"), SUPPORT)
def test_support_across_sources(texts: list[str], findings: set[tuple[str, str]], count: int | None) -> None:
    report = _report(*texts)
    mine = [f for f in report.findings if f.kind in FINDINGS]
    assert {(f.kind, f.severity) for f in mine} == findings, [f.message for f in mine]
    if count is not None:
        assert len(mine) == count, [f.message for f in mine]
