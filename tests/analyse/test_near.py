"""A number one source alone gives, near a fact of the same subject (factcheck/analyse/near.py), and a figure
stated without its scale word (analyse/numeric.py): both are shown as info, never as an error.

Invented corpora: each text is one source; the table says which findings must be there and at what severity.
"""

from __future__ import annotations

import pytest

from factcheck.models import Report
from tests.conftest import dated_report


def _disagreements(report: Report) -> list[str]:
    return [f.severity for f in report.findings if f.kind == "numeric_disagreement"]


AGREED = [
    "Kestrel Bank, which Halvorsen Group owns, has a capacity of 1.3GW.",
    "The turbines of Kestrel Bank give it a capacity of 1.3GW, its owner said.",
]

CASES = [
    # a lone number near what two sources agree on: a likely misstatement, shown as info
    pytest.param(
        [*AGREED, "On a windy day Kestrel Bank sends 1.9GW to homes across Wexmoor."],
        ["info"],
        id="lone-near-number-joins-as-info",
    ),
    # a lone number near another single source's figure of the same measure
    pytest.param(
        [
            "Kestrel Bank, which Halvorsen Group owns, has a capacity of 1.3GW.",
            "On a windy day Kestrel Bank sends 1.9GW to homes across Wexmoor.",
        ],
        ["info"],
        id="lone-near-number-beside-one-source-joins-as-info",
    ),
    # traps: too far from the agreed figure to be a slip of it; two sources agree on each of two values;
    # a generic metric ("value": a subject has many amounts)
    pytest.param(
        [*AGREED, "On a windy day Kestrel Bank sends 6.2GW to homes across Wexmoor."],
        [],
        id="a-far-number-stays-apart",
    ),
    pytest.param(
        [
            *AGREED,
            "On a windy day Kestrel Bank sends 1.9GW to homes across Wexmoor.",
            "On a calm day Kestrel Bank still sends 1.9GW to homes across Wexmoor.",
        ],
        [],
        id="two-sources-agreeing-on-another-value-stay-apart",
    ),
    pytest.param(
        [
            "Halvorsen Group's film Tide took $156.7 million on its first day.",
            "Tide took $156.7 million on its first day, Halvorsen Group said.",
            "Tide earned $119 million, Halvorsen Group said.",
        ],
        [],
        id="a-generic-amount-stays-apart",
    ),
    pytest.param(
        [
            "Halvorsen Group's film Starfall took $156.7 million on its first day.",
            "Starfall took $156.7 million on its first day, Halvorsen Group said.",
            "Starfall earned $119 million, Halvorsen Group said.",
        ],
        [],
        id="a-named-generic-amount-stays-apart",
    ),
    # a generic amount beside the one amount of its subject that two other sources agree on: info
    pytest.param(
        [
            "Halvorsen Group agreed to buy Pellworth Foods for $44 billion.",
            "Halvorsen Group will buy Pellworth Foods for $44 billion, the companies said.",
            "Halvorsen Group will pay $66 billion for the snack maker, it said on Monday.",
        ],
        ["info"],
        id="a-generic-amount-joins-its-subjects-one-agreed-amount-as-info",
    ),
    # trap: two agreed amounts of its subject within reach, and nothing says which one it misstates
    pytest.param(
        [
            "Halvorsen Group agreed to buy Pellworth Foods for $44 billion and raised $50 billion in bonds.",
            "Halvorsen Group will buy Pellworth Foods for $44 billion and raised $50 billion in bonds.",
            "Halvorsen Group will pay $66 billion for the snack maker, it said on Monday.",
        ],
        [],
        id="a-generic-amount-with-two-agreed-amounts-in-reach-stays-apart",
    ),
    # a generic amount with a scope word beside the one fact of that scope two sources agree on: info
    pytest.param(
        [
            "Starfall grossed $1.2 billion worldwide over its opening weekend.",
            "Over its opening weekend Starfall grossed $1.2 billion worldwide, Halvorsen Group said.",
            "In its first three days Starfall took an astonishing $1.8 billion worldwide.",
        ],
        ["info"],
        id="a-scoped-generic-amount-joins-as-info",
    ),
    # traps: another scope word; two facts of that scope as good a home
    pytest.param(
        [
            "Starfall grossed $1.2 billion worldwide over its opening weekend.",
            "Over its opening weekend Starfall grossed $1.2 billion worldwide, Halvorsen Group said.",
            "In its first three days Starfall took an astonishing $1.8 billion overseas.",
        ],
        [],
        id="a-generic-amount-of-another-scope-stays-apart",
    ),
    pytest.param(
        [
            "Starfall grossed $1.2 billion worldwide in its opening weekend and $950 million worldwide in May.",
            "Starfall grossed $1.2 billion worldwide in its opening weekend and $950 million worldwide in May.",
            "In its first three days Starfall took an astonishing $1.8 billion worldwide.",
        ],
        [],
        id="a-generic-amount-with-two-homes-stays-apart",
    ),
    # an unnamed figure stated by one source joins the fact of its document's topic (the name it mentions most,
    # twice at least) when near that fact's figure: info
    pytest.param(
        [
            "Kestrel Systems agreed to buy Orsa Telecom for $28 billion. Kestrel Systems makes routers.",
            "Kestrel Systems agreed to buy Orsa Telecom for $28 billion, Kestrel Systems said.",
            "Kestrel Systems makes routers. Kestrel Systems is buying a rival.\n\nThe purchase price of $26 billion "
            "is a big number for a company that avoids large deals.",
        ],
        ["info"],
        id="an-unnamed-figure-joins-its-documents-topic-as-info",
    ),
    # trap: a name mentioned once is no topic
    pytest.param(
        [
            "Kestrel Systems agreed to buy Orsa Telecom for $28 billion. Kestrel Systems makes routers.",
            "Kestrel Systems agreed to buy Orsa Telecom for $28 billion, Kestrel Systems said.",
            "Kestrel Systems makes routers.\n\nThe purchase price of $26 billion is a big number for a company "
            "that avoids large deals.",
        ],
        [],
        id="a-name-mentioned-once-is-no-topic",
    ),
    # a figure without its scale word beside the same figure with one: a dropped word, shown as info
    pytest.param(
        [
            "Kolvar has accepted the $3.7 billion acquisition offer from Marsden.",
            "Kolvar has accepted the $3.7 acquisition offer from Marsden.",
        ],
        ["info"],
        id="dropped-scale-word-is-info",
    ),
    pytest.param(
        [
            "Kolvar has accepted the $3.7 billion acquisition offer from Marsden.",
            "Kolvar has accepted the $4.9 billion acquisition offer from Marsden.",
        ],
        ["error"],
        id="a-different-figure-is-still-an-error",
    ),
]


@pytest.mark.parametrize(("texts", "severities"), CASES)
def test_near_and_scale_slips(texts: list[str], severities: list[str]) -> None:
    report = dated_report(*texts)
    assert _disagreements(report) == severities, [(f.severity, f.message) for f in report.findings]


def test_a_disagreement_names_the_sources_that_back_each_figure() -> None:
    # the unnamed count joins the Harwick fact as one more source of 30,000 (analyse/joining.py): it is no
    # side of the disagreement, but it backs one
    report = dated_report(
        "In Harwick, 30,000 houses were damaged, officials said on Monday.",
        "In the quake zone, 30,000 houses were damaged.",
        "In Harwick, nearly 200,000 houses were damaged, the Red Cross said.",
    )
    found = [f for f in report.findings if f.kind == "numeric_disagreement"]
    assert len(found) == 1, [(f.severity, f.message) for f in report.findings]
    claims = {c.id: c for c in report.claims}
    assert {claims[c].document for c in found[0].claims} == {"source0", "source2"}
    assert [(claims[c].document, claims[c].text) for c in found[0].related] == [("source1", "30,000 houses")]


def test_amounts_across_parties_compare_at_their_years_rates() -> None:
    """The join across parties reads currencies at the rates of the documents' years (analyse/intervals.Rates):
    in 2017 A$331 million was about €222 million; at today's rates it is not."""
    from factcheck.analyse.intervals import Rates
    from factcheck.load import parse_document
    from factcheck.pipeline import analyse
    from factcheck.ruleset.rule_set import load_ruleset

    rs = load_ruleset()
    texts = ["Orsa Club agreed to pay €222 million for Tavi.", "Orsa Club agreed to pay A$331 million for Tavi."]
    docs = [
        parse_document(f"s{i}.md", f"---\ndate: 2017-08-04\n---\n\n{t}", rs.boilerplate) for i, t in enumerate(texts)
    ]
    euro, aud = [c for c in analyse(docs, rs).claims if c.kind == "quantity"]
    assert Rates(rs, {"s0": 2017, "s1": 2017}).same_number(euro, aud)
    assert not Rates(rs).same_number(euro, aud)
