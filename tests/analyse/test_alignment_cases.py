"""Alignment by concept and parties (factcheck/analyse/alignment.py): kind 3 of the real-reporting issue.

Within one corpus about one event, two claims state the same fact when they measure the same concept and
their parties fit: the same subject, the same parties seen from the other side (the lender's loan and the
borrower's financing), a short form of the name, or no named subject at all (then the metric must be
specific). Generic metrics, scope words ("overseas", "in Freedonia"), an earlier year, totals and two
values in one sentence keep different facts apart. Invented corpora: (sources, the number of source0 and of
source1, whether they share a fact, findings that must be present, findings that must be absent).
"""

from __future__ import annotations

import pytest

from factcheck.models import Claim, Report
from tests.conftest import dated_report

NUMBER_FINDINGS = frozenset({"numeric_disagreement", "hedge_mismatch", "conversion_mismatch", "arithmetic_mismatch"})


def _quantity(report: Report, number: str, document: str) -> Claim:
    found = [c for c in report.claims if c.kind == "quantity" and number in c.text and c.document == document]
    assert found, [(c.document, c.text, c.subject, c.metric) for c in report.claims if c.kind == "quantity"]
    return found[0]


def case(
    texts: list[str],
    pair: tuple[str, str],
    together: bool,
    present: frozenset[str] = frozenset(),
    absent: frozenset[str] = frozenset(),
    *,
    id: str,
    reason: str | None = None,
) -> pytest.ParameterSet:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(texts, pair, together, present, absent, id=id, marks=marks)


CASES = [
    # -- one fact, told differently ---------------------------------------------------------------------
    case(
        [
            "At least 1,801 people were injured in the tremor, officials said.",
            "When the tremor struck, 1,801 people were hurt and 30,000 houses were damaged, the agency said.",
        ],
        ("1,801", "1,801"),
        True,
        id="injured-without-a-named-subject",
    ),
    # what two parties give together is not what one of them gives
    case(
        [
            "# Norwell and Quantix to invest up to $15 billion in Lumen AI\n\nNorwell will invest up to $5 billion in"
            " Lumen AI and chipmaker Quantix up to $10 billion.",
            "Norwell is investing $5 billion in Lumen AI, the startup said.",
        ],
        ("$15 billion", "$5 billion"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="a-joint-figure-is-no-partys-own",
    ),
    # a lone figure of a noun phrase ("the index") does not join a named party's fact it conflicts with
    case(
        [
            "Shares of Orsa Telecom rose 21% after the offer, while Kestrel Systems fell 4%.",
            "Shares of Orsa Telecom surged nearly 22% after the offer, Kestrel Systems said.",
            "Shares of Kestrel Systems, up 5% at midday, have lagged the market this year, rising just 12% while"
            " the tech-heavy index has jumped 27%.",
        ],
        ("21%", "22%"),
        True,
        absent=frozenset({"numeric_disagreement"}),
        id="trap-an-index-is-no-named-party",
    ),
    case(
        [
            "Exactly 1,801 people were injured in the tremor, officials said.",
            "When the tremor struck, 1,950 people were hurt and 30,000 houses were damaged, the agency said.",
        ],
        ("1,801", "1,950"),
        True,
        present=frozenset({"numeric_disagreement"}),
        id="injured-counts-that-differ-are-raised",
    ),
    case(
        [
            "Halvorsen Group is lending $400 million to Pellworth Foods for its new plant.",
            "Pellworth Foods has secured a $400 million loan from Halvorsen Group for its new plant.",
        ],
        ("$400 million", "$400 million"),
        True,
        id="lender-and-borrower-are-one-loan",
    ),
    case(
        [
            "Halvorsen Group is lending $400 million to Pellworth Foods for its new plant.",
            "Pellworth Foods has secured a $450 million loan from Halvorsen Group for its new plant.",
        ],
        ("$400 million", "$450 million"),
        True,
        present=frozenset({"numeric_disagreement"}),
        id="lender-and-borrower-disagree",
    ),
    case(
        [
            "Vasco Lind agreed to buy Marsden, and shareholders will be paid $31.50 a share.",
            "Marsden's board accepted the offer, under which Lind will pay $31.50 a share.",
        ],
        ("$31.50", "$31.50"),
        True,
        id="a-surname-is-the-full-name",
    ),
    case(
        [
            "Brandtwerk's truck unit, Kolvar, has agreed to buy the engine maker Marsden for $3.7 billion.",
            "Kolvar will pay $3.7 billion for Marsden, the companies said.",
        ],
        ("$3.7 billion", "$3.7 billion"),
        True,
        id="appositive-unit-is-the-buyer",
    ),
    # -- different facts, kept apart ----------------------------------------------------------------------
    case(
        [
            "Starfall took $330 million in Freedonia over its opening weekend.",
            "Starfall took $860 million overseas over its opening weekend.",
        ],
        ("$330 million", "$860 million"),
        False,
        absent=NUMBER_FINDINGS,
        id="a-place-and-overseas-are-two-scopes",
    ),
    case(
        [
            "Starfall took $1.2 billion worldwide over its opening weekend.",
            "Starfall took $860 million overseas over its opening weekend.",
        ],
        ("$1.2 billion", "$860 million"),
        False,
        absent=NUMBER_FINDINGS,
        id="worldwide-and-overseas-are-two-scopes",
    ),
    case(
        [
            "About 12,000 houses collapsed in the Marrowfield tremor.",
            "Some 30,000 houses were damaged in the Marrowfield tremor.",
        ],
        ("12,000", "30,000"),
        False,
        absent=NUMBER_FINDINGS,
        id="collapsed-and-damaged-houses",
    ),
    case(
        [
            "Quorra Mining was fined 2.4 billion euros by the regulator in 2021.",
            "Quorra Mining was fined 4.3 billion euros by the regulator on Tuesday.",
        ],
        ("2.4 billion", "4.3 billion"),
        False,
        absent=NUMBER_FINDINGS,
        id="an-earlier-year-is-an-earlier-fine",
    ),
    case(
        [
            "Starfall took $1.2 billion over its opening weekend, after $157 million on its first day.",
            "Starfall took $157 million on its first day.",
        ],
        ("$1.2 billion", "$157 million"),
        False,
        absent=NUMBER_FINDINGS,
        id="two-values-of-one-sentence-are-two-facts",
    ),
    case(
        [
            "Halvorsen Group and Brandtwerk are investing a combined $45 billion in Pellworth Foods.",
            "Halvorsen Group is investing $13 billion in Pellworth Foods.",
        ],
        ("$45 billion", "$13 billion"),
        False,
        absent=NUMBER_FINDINGS,
        id="a-combined-total-is-not-one-part",
    ),
    case(
        [
            "Halvorsen Group is investing $2 billion in Pellworth Foods.",
            "Halvorsen Group is investing $3.5 billion in Grantham Foods.",
        ],
        ("$2 billion", "$3.5 billion"),
        False,
        absent=NUMBER_FINDINGS,
        id="same-investor-other-counterparty",
    ),
    case(
        [
            "The Kestrel Bank wind farm can generate 1.3GW of power.",
            "The Corrie Bank wind farm, next in line, can generate 2.8GW of power.",
        ],
        ("1.3GW", "2.8GW"),
        False,
        absent=NUMBER_FINDINGS,
        id="two-named-farms-stay-apart",
    ),
    case(
        [
            "Kestrel Bank has a capacity of 1.3GW, Halvorsen Group said.",
            "Kestrel Bank aims for a capacity of 1.9GW by 2030, its owner said.",
        ],
        ("1.3GW", "1.9GW"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="a-target-is-never-todays-figure",
    ),
    case(
        [
            "Kestrel Bank lies about 55 miles out from the Wexmoor Coast, Halvorsen Group said.",
            "Kestrel Bank, which sits 82 miles out from the Wexmoor coast, has 165 turbines.",
        ],
        ("55 miles", "82 miles"),
        True,
        present=frozenset({"numeric_disagreement"}),
        id="a-place-and-its-coast-are-one-place-to-measure-from",
    ),
    # -- scope words and numbers no cue named ---------------------------------------------------------------
    case(
        [
            "Skyreach grossed $210 million in North America and $640 million around the world over the weekend.",
            "Skyreach's launch was made up of $210 million from North America, the studio said.",
        ],
        ("$210 million", "$210 million"),
        True,
        absent=NUMBER_FINDINGS,
        id="an-unnamed-figure-joins-the-fact-of-its-scope",
    ),
    case(
        [
            "Skyreach took $640 million in ticket sales around the world and broke 12 box office records.",
            "Skyreach grossed $640 million worldwide.",
        ],
        ("$640 million", "$640 million"),
        True,
        absent=NUMBER_FINDINGS,
        id="a-trailing-scope-word-is-its-numbers",
    ),
    case(
        [
            "Skyreach grossed $210 million in North America over the weekend.",
            "Skyreach grossed $640 million around the world over the weekend.",
        ],
        ("$210 million", "$640 million"),
        False,
        absent=NUMBER_FINDINGS,
        id="domestic-and-worldwide-stay-apart",
    ),
    # -- one fact told from different parties (analyse/joining.py) ---------------------------------------
    case(
        [
            "Corvane Industries agreed on Tuesday to buy the flour miller Ostrava Mills for $2.1 billion.",
            "Ostrava Mills, the flour miller, said it would be sold to Corvane Industries for $2.1 billion.",
        ],
        ("$2.1 billion", "$2.1 billion"),
        True,
        absent=NUMBER_FINDINGS,
        id="buyer-and-seller-state-one-price",
    ),
    case(
        [
            "The earthquake that struck Veldoria's Tarsk province on Sunday killed 212 people.",
            "Rescuers in Tarsk said 309 people had been killed by Sunday's quake in the province.",
        ],
        ("212", "309"),
        True,
        present=frozenset({"numeric_disagreement"}),
        id="a-toll-told-for-a-country-and-its-province",
    ),
    case(
        [
            "Corvane will invest $2 billion in the battery start-up Lumio, the companies said.",
            "Halden Capital will invest $5 billion in the battery start-up Lumio over four years.",
        ],
        ("$2 billion", "$5 billion"),
        False,
        absent=NUMBER_FINDINGS,
        id="two-investors-in-one-company-stay-apart",
    ),
    case(
        [
            "The Kelso Bank wind farm will have a capacity of more than 1.3 gigawatts when it opens.",
            "Its sister project, Kelso Reach, has a planned capacity of 2.8 gigawatts.",
        ],
        ("1.3 gigawatts", "2.8 gigawatts"),
        False,
        absent=NUMBER_FINDINGS,
        id="an-open-floor-is-not-evidence-of-one-fact",
    ),
    case(
        [
            "Pellworth Foods is now worth $3 billion after its listing in Tarsk.",
            "Its rival Halden Foods is worth $5 billion, according to analysts in Tarsk.",
        ],
        ("$3 billion", "$5 billion"),
        False,
        absent=NUMBER_FINDINGS,
        id="a-generic-metric-joins-only-what-agrees",
    ),
    case(
        [
            "The floods killed 53 people in Orrin County, the provincial government of Tarsk said.",
            "Across Tarsk, the floods have killed 410 people, the national agency said on Friday.",
        ],
        ("53", "410"),
        False,
        absent=NUMBER_FINDINGS,
        id="a-county-toll-is-not-the-provinces",
    ),
    # a number that names no subject joins the one named fact that states it
    case(
        [
            "Kestrel Bank, which Halvorsen Group runs, has 165 wind turbines.",
            "Made up of 165 wind turbines off the coast, the offshore farm can power 900,000 homes.",
        ],
        ("165", "165"),
        True,
        id="an-unnamed-number-joins-the-one-named-fact-that-states-it",
    ),
    case(
        [
            "Kestrel Bank, which Halvorsen Group runs, has signed with two companies.",
            "The offshore farm has signed with two companies for its cables.",
        ],
        ("two", "two"),
        False,
        id="a-small-unnamed-count-could-be-anything",
    ),
]


@pytest.mark.parametrize(("texts", "pair", "together", "present", "absent"), CASES)
def test_alignment_cases(
    texts: list[str], pair: tuple[str, str], together: bool, present: frozenset[str], absent: frozenset[str]
) -> None:
    report = dated_report(*texts)
    a = _quantity(report, pair[0], "source0")
    b = _quantity(report, pair[1], "source1")
    shared = [f.id for f in report.facts if a.id in f.claims and b.id in f.claims]
    facts = [(f.subject, f.metric, f.object, f.claims) for f in report.facts]
    assert bool(shared) == together, (a.subject, a.metric, b.subject, b.metric, facts)
    kinds = {f.kind for f in report.findings}
    assert present <= kinds, [f.message for f in report.findings]
    assert not (absent & kinds), [f.message for f in report.findings]


def test_a_conflict_between_parties_is_info() -> None:
    """A fact joined across subjects rests on a looser alignment: its conflicts are shown, as info."""
    report = dated_report(
        "Halvorsen Group is lending $400 million to Pellworth Foods for its new plant.",
        "Pellworth Foods has secured a $450 million loan from Halvorsen Group for its new plant.",
    )
    found = [f for f in report.findings if f.kind == "numeric_disagreement"]
    assert found and all(f.severity == "info" for f in found), [(f.severity, f.message) for f in found]


def test_an_unnamed_number_joins_no_fact_when_two_state_it() -> None:
    """Two named facts state the unnamed number: nothing says which one it belongs to."""
    report = dated_report(
        "Made up of 165 wind turbines off the coast, the offshore farm can power 900,000 homes.",
        "Kestrel Bank, which Halvorsen Group runs, has 165 wind turbines.",
        "Tarnby Shoal, which Orrin Power runs, has 165 wind turbines.",
    )
    unnamed = _quantity(report, "165", "source0")
    assert [f.claims for f in report.facts if unnamed.id in f.claims] == [[unnamed.id]]


def test_facts_several_sources_give_one_distinctive_figure_are_joined() -> None:
    """A count told of a county by two sources and of its state by two others, at one distinctive figure, is
    one fact, whichever comes first: a fifth source's other figure is raised against all four."""
    county = [
        "Harwick County has 382 people still in hospital after the crash.",
        "Harwick County has 382 people still in hospital, its officials said.",
    ]
    state = [
        "Veldoria State has 382 people still in hospital after the crash.",
        "Veldoria State has 382 people still in hospital, the minister said.",
        "Veldoria State has fewer than 200 people still in hospital, the minister said on Monday.",
    ]
    for texts in (county + state, state + county):
        report = dated_report(*texts)
        first = _quantity(report, "382", "source0")
        fact = next(f for f in report.facts if first.id in f.claims)
        assert len(fact.claims) == 5, [f.claims for f in report.facts]
        assert any(f.kind == "numeric_disagreement" for f in report.findings)


def test_a_figure_repeated_by_another_source_backs_its_side() -> None:
    """A disagreement sets out each figure once: "€30m" and "30 million euros" are one figure, so the second
    backs the first's side as a related claim rather than standing as a third figure."""
    report = dated_report(
        "Kolvar will be paid £40.7m a year at Harwick Rovers, it is understood.",
        "Kolvar's salary at Harwick Rovers will be €30m a year, according to reports.",
        "Kolvar's salary at Harwick Rovers will reportedly be 30 million euros a year.",
    )
    found = [f for f in report.findings if f.kind == "numeric_disagreement"]
    assert len(found) == 1, [f.message for f in found]
    texts = {c.id: c.text for c in report.claims}
    assert sorted(texts[c] for c in found[0].claims) == ["£40.7m", "€30m"], found[0].message
    assert [texts[c] for c in found[0].related] == ["30 million euros"]


def test_parties_in_other_roles_join_on_a_distinctive_figure() -> None:
    """The buying club's fee paid to the seller and the player's fee to the buyer are one fact when two sources
    each agree on a distinctive figure; a yearly wage in the same article makes no rival of the lump sum."""
    report = dated_report(
        "Harwick Rovers paid Borealis City a fee of €222m for Kolvar.",
        "Harwick Rovers paid a fee of €222m to Borealis City, the club said.",
        "Kolvar joined Harwick Rovers for a fee of €222m.",
        "Kolvar joined Harwick Rovers for a fee of €222m and will earn 30 million euros a year at Borealis City.",
    )
    first = _quantity(report, "€222m", "source0")
    fact = next(f for f in report.facts if first.id in f.claims)
    assert len(fact.claims) == 4, [(f.subject, f.claims) for f in report.facts]


def test_a_deal_told_by_its_buyer_and_its_target_in_one_article_is_one_fact() -> None:
    """The target's deal value, in an article that also gives the buyer's price, joins the deal the other sources
    agree on: the buyer and the target are two sides of one deal. Its other figure is raised (as info: a looser
    join)."""
    report = dated_report(
        "Halvorsen Group is buying Pellworth Foods for $2 billion, the companies said.",
        "Halvorsen Group agreed to buy Pellworth Foods for $2 billion on Monday.",
        "Halvorsen Group said on Monday that it is acquiring Pellworth Foods for $2 billion in cash.\n\n"
        "Pellworth Foods has agreed a deal worth about $3 billion, its board said.",
    )
    three = _quantity(report, "$3", "source2")
    fact = next(f for f in report.facts if three.id in f.claims)
    assert len({report_claim.document for report_claim in report.claims if report_claim.id in fact.claims}) == 3
    found = [f for f in report.findings if f.kind == "numeric_disagreement" and three.id in f.claims]
    assert found and all(f.severity == "info" for f in found), [f.message for f in report.findings]


def test_the_fee_told_from_the_buying_club_joins_the_players_fee() -> None:
    """The player's fee to the buying club, and the buying club's fee to the selling club, are one transfer: a
    third source's other figure for it is raised (as info), not left as a fact nobody else states."""
    report = dated_report(
        "Kolvar joined Harwick Rovers for a fee of €222m.",
        "Kolvar has joined Harwick Rovers for a fee of €222m, the club said.",
        "Harwick Rovers paid Borealis City a fee of €333m, the club said.",
    )
    found = [f for f in report.findings if f.kind == "numeric_disagreement"]
    assert found and all(f.severity == "info" for f in found), [f.message for f in report.findings]


def test_an_undated_article_converts_at_the_year_of_the_dated_ones() -> None:
    """£4.5 billion in an undated article and $5.2 billion in one of 2022 are one figure at 2022's rate (not at
    today's, which would set them apart)."""
    from factcheck.load import parse_document
    from factcheck.pipeline import analyse
    from factcheck.ruleset.rule_set import load_ruleset

    rs = load_ruleset()
    dated = "---\ndate: 2022-09-02\n---\n\nHalvorsen Group has put $5.2 billion into Wexmoor suppliers so far."
    undated = "Halvorsen Group has put £4.5 billion into Wexmoor suppliers so far, it said."
    report = analyse(
        [parse_document("a.md", dated, rs.boilerplate), parse_document("b.md", undated, rs.boilerplate)], rs
    )
    assert not [f for f in report.findings if f.kind == "numeric_disagreement"], [f.message for f in report.findings]
    a = _quantity(report, "$5.2 billion", "a")
    assert any(a.id in f.claims and len(f.claims) == 2 for f in report.facts)
