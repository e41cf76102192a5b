"""How a number becomes a claim: its subject, metric, object and hedge, read from its sentence.

The first table frames single numbers (investments, deals, acquisitions, funding rounds, valuations, costs,
capacity, counts, percentages, currency pairs, hedges, list labels, "respectively", descriptions such as
"the carmaker"). The second runs small corpora through `analyse`: the same fact phrased differently lands
in one fact, different objects or metrics stay apart, product names with numbers give no claims, and the
number checks (`numeric_disagreement`, `hedge_mismatch`, `conversion_mismatch`, `arithmetic_mismatch`)
fire only when they should. Cases the current code gets wrong are kept as strict xfails naming the bug.
"""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.load import parse_document
from factcheck.models import Claim, Report
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

ANY = "<any>"  # an expectation that is not checked


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _report(*texts: str) -> Report:
    rs = _ruleset()
    docs = [parse_document(f"source{i}.txt", text, rs.boilerplate) for i, text in enumerate(texts)]
    return analyse(docs, rs)


def _quantity(report: Report, number: str, document: str | None = None) -> Claim:
    """The first quantity claim whose text contains `number` (in `document` when given)."""
    found = [
        c
        for c in report.claims
        if c.kind == "quantity" and number in c.text and (document is None or c.document == document)
    ]
    assert found, [(c.text, c.subject, c.metric) for c in report.claims if c.kind == "quantity"]
    return found[0]


def _same(actual: str | None, expected: str | None) -> bool:
    if expected == ANY:
        return True
    if expected is None or actual is None:
        return actual is expected
    return actual.casefold() == expected.casefold()


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def case(
    text: str,
    number: str,
    subject: str | None,
    metric: str,
    obj: str | None = ANY,
    qualifier: str = ANY,
    *,
    id: str,
    equivalent: str | None = None,
    reason: str | None = None,
) -> pytest.ParameterSet:
    marks = [_xfail(reason)] if reason else []
    return pytest.param(text, number, subject, metric, obj, qualifier, equivalent, id=id, marks=marks)


# -- single claims: (article, number, subject, metric, object, qualifier) -----------------------------

FRAMES = [
    # investments
    case(
        "Halvorsen Group is investing $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "exact",
        id="is-investing-in",
    ),
    case(
        "Halvorsen Group announced a $2 billion investment in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "exact",
        id="announced-investment-in",
    ),
    case(
        "Halvorsen Group will invest $750 million in Grantham Foods over five years. Shares of Halvorsen Group rose.",
        "$750 million",
        "Halvorsen Group",
        "investment",
        "Grantham Foods",
        id="will-invest-in",
    ),
    case(
        "Halvorsen Group's $2 billion investment in Pellworth Foods was approved. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        id="possessive-investment-in",
    ),
    case(
        "Brannock Capital has backed Quillon Bio with $300 million. Shares of Brannock Capital rose.",
        "$300 million",
        "Brannock Capital",
        "investment",
        "Quillon Bio",
        id="backed-x-with",
    ),
    case(
        "The $2 billion investment in Pellworth Foods by Halvorsen Group was approved by regulators. "
        "Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        id="investment-in-x-by-y",
    ),
    # list items with a bold label
    case(
        "## Backers\n- **Halvorsen Group**: $2 billion investment in Pellworth Foods\n"
        "- **Brannock Capital**: $500 million investment in Pellworth Foods\n\nShares of Pellworth Foods "
        "rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        id="bold-label-first-item",
    ),
    case(
        "## Backers\n- **Halvorsen Group**: $2 billion investment in Pellworth Foods\n"
        "- **Brannock Capital**: $500 million investment in Pellworth Foods\n\nShares of Pellworth Foods "
        "rose.",
        "$500 million",
        "Brannock Capital",
        "investment",
        "Pellworth Foods",
        id="bold-label-second-item",
    ),
    case(
        "- **Halvorsen**: $2 billion investment in Pellworth\n\nShares of Halvorsen rose, and Pellworth fell.",
        "$2 billion",
        "Halvorsen",
        "investment",
        "Pellworth",
        id="bold-label-single-words",
    ),
    # respectively
    case(
        "Halvorsen Group and Brannock Capital invested $1 billion and $2 billion respectively in Pellworth "
        "Foods. "
        "Shares of Pellworth Foods rose.",
        "$1 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        id="respectively-first",
    ),
    case(
        "Halvorsen Group and Brannock Capital invested $1 billion and $2 billion respectively in Pellworth "
        "Foods. "
        "Shares of Pellworth Foods rose.",
        "$2 billion",
        "Brannock Capital",
        "investment",
        "Pellworth Foods",
        id="respectively-second",
    ),
    # descriptions that refer back to an earlier name
    case(
        "Shares of carmaker Veltrix rose on Monday. The carmaker is investing $3 billion in Lumacell. "
        "Analysts at Brannock were surprised.",
        "$3 billion",
        "Veltrix",
        "investment",
        "Lumacell",
        id="the-carmaker-refers-back",
    ),
    case(
        "Shares of carmaker Veltrix rose on Monday. The company is investing $3 billion in Lumacell. "
        "Analysts at Brannock were surprised.",
        "$3 billion",
        "Veltrix",
        "investment",
        "Lumacell",
        id="the-company-refers-back",
    ),
    case(
        "Shares of telecoms group Nordvik Mobile fell. The group will spend $900 million on new masts. "
        "Customers of Nordvik Mobile complained.",
        "$900 million",
        "Nordvik Mobile",
        "spending",
        ANY,
        id="the-group-refers-back",
    ),
    # deals, acquisitions, funding, valuations
    case(
        "Nordvik Mobile signed a $4 billion deal with Orsa Telecom. Shares of Nordvik Mobile rose.",
        "$4 billion",
        "Nordvik Mobile",
        "deal_value",
        "Orsa Telecom",
        id="signed-deal-with",
    ),
    case(
        "Kestrel Air struck a $1.2 billion agreement with Skyward Aero for new jets. "
        "Travellers on Kestrel Air paid less.",
        "$1.2 billion",
        "Kestrel Air",
        "deal_value",
        "Skyward Aero",
        id="struck-agreement-with",
    ),
    case(
        "Calder Steel agreed to acquire Tarvo Mining for $3.1 billion. Shares of Calder Steel fell.",
        "$3.1 billion",
        "Calder Steel",
        "acquisition_price",
        "Tarvo Mining",
        id="agreed-to-acquire-for",
    ),
    case(
        "Calder Steel will buy Tarvo Mining for $3.1 billion in cash. Shares of Calder Steel fell.",
        "$3.1 billion",
        "Calder Steel",
        "acquisition_price",
        "Tarvo Mining",
        id="will-buy-x-for",
    ),
    case(
        "Quillon Bio raised $200 million in a funding round. Shares of Quillon Bio are not listed.",
        "$200 million",
        "Quillon Bio",
        "funding",
        ANY,
        id="raised-in-a-round",
    ),
    case(
        "The round values Quillon Bio at $1.5 billion. Investors in Quillon Bio were pleased.",
        "$1.5 billion",
        "Quillon Bio",
        "valuation",
        None,
        id="round-values-x-at",
    ),
    case(
        "Pellworth Foods was valued at $8 billion in the round. Shares of Pellworth Foods are not listed.",
        "$8 billion",
        "Pellworth Foods",
        "valuation",
        None,
        id="was-valued-at",
    ),
    case(
        "Quillon Bio raised $200 million at a post-money valuation of $2 billion. "
        "Investors in Quillon Bio were pleased.",
        "$2 billion",
        "Quillon Bio",
        "post_money_valuation",
        ANY,
        id="post-money-valuation",
    ),
    # a cue that another number stands nearer is that number's: "valuation of" leads into the $24 billion
    case(
        "The round will value Quillon Bio at $18 billion, with a post-money valuation of $24 billion. "
        "Investors in Quillon Bio were pleased.",
        "$18 billion",
        "Quillon Bio",
        "valuation",
        ANY,
        id="value-at-beside-a-post-money-valuation",
    ),
    # ... but a verb after a number stays with it, whatever number follows ("hurt and 30,000 houses")
    case(
        "When the storm struck Harwick, 1,801 people were hurt and 30,000 houses were damaged.",
        "1,801 people",
        ANY,
        "injured",
        ANY,
        id="a-verb-after-its-number-stays-with-it",
    ),
    # costs, spending, other currency metrics
    case(
        "The new stadium for Redcliffe United will cost $900 million. Fans of Redcliffe United were pleased.",
        "$900 million",
        "Redcliffe United",
        "cost",
        None,
        id="stadium-will-cost",
    ),
    case(
        "Veltrix will spend $1 billion on the plant. Workers at Veltrix cheered.",
        "$1 billion",
        "Veltrix",
        "spending",
        None,
        id="will-spend",
    ),
    case(
        "Mareno Pharma was fined $120 million by regulators. Shares of Mareno Pharma fell.",
        "$120 million",
        "Mareno Pharma",
        "penalty",
        None,
        id="was-fined",
    ),
    case(
        "Mareno Pharma reported a net loss of $80 million. Shares of Mareno Pharma fell.",
        "$80 million",
        "Mareno Pharma",
        "loss",
        None,
        id="net-loss-of",
    ),
    case(
        "Kestrel Air posted revenue of $2.4 billion. Travellers on Kestrel Air paid less.",
        "$2.4 billion",
        "Kestrel Air",
        "revenue",
        None,
        id="posted-revenue-of",
    ),
    case(
        "Aldmoor Airlines took out a $700 million loan from Ostfold Bank. Passengers of Aldmoor Airlines agreed.",
        "$700 million",
        "Aldmoor Airlines",
        "debt",
        "Ostfold Bank",
        id="loan-from",
    ),
    case(
        "Nordvik Mobile paid $300 million for the spectrum licence. Customers of Nordvik Mobile pay less.",
        "$300 million",
        "Nordvik Mobile",
        "payment",
        None,
        id="paid-for",
    ),
    case(
        "Tessaly Energy has pledged $6 billion to the Gotland wind farm. Shares of Tessaly Energy rose.",
        "$6 billion",
        "Tessaly Energy",
        "commitment",
        ANY,
        id="pledged",
    ),
    case(
        "Tessaly Energy said building 1 gigawatt of wind capacity costs about $1.5 billion. "
        "Shares of Tessaly Energy rose.",
        "$1.5 billion",
        "Tessaly Energy",
        "cost",
        ANY,
        "approx",
        id="cost-per-gigawatt",
    ),
    # capacity
    case(
        "Tessaly Energy will build 500 MW of solar capacity in Spain. Shares of Tessaly Energy rose.",
        "500 MW",
        "Tessaly Energy",
        "capacity",
        ANY,
        id="mw-of-capacity",
    ),
    case(
        "Tessaly Energy plans a wind farm with 1.2 GW of capacity off Gotland. Shares of Tessaly Energy rose.",
        "1.2 GW",
        "Tessaly Energy",
        "capacity",
        ANY,
        id="gw-of-capacity",
    ),
    case(
        "Norbridge Energy will add 2 gigawatts of power to the grid by 2030. Shares of Norbridge Energy rose.",
        "2 gigawatts",
        "Norbridge Energy",
        "capacity",
        ANY,
        id="gigawatts-of-power",
    ),
    case(
        "Tessaly Energy plans a 1.2 GW wind farm off Gotland. Shares of Tessaly Energy rose.",
        "1.2 GW",
        "Tessaly Energy",
        "capacity",
        ANY,
        id="a-gw-wind-farm",
    ),
    # counts: the metric comes from the noun
    case(
        "Ferrand Motors has more than 2,000 employees in Spain. Workers at Ferrand Motors voted.",
        "2,000",
        "Ferrand Motors",
        "employees",
        ANY,
        "over",
        id="more-than-employees",
    ),
    case(
        "Brightline Retail employs 45,000 people in Sweden. Shoppers at Brightline Retail saw prices fall.",
        "45,000",
        "Brightline Retail",
        "employees",
        ANY,
        id="employs-people",
    ),
    case(
        "Sunmere Solar cut 300 jobs. Customers of Sunmere Solar were happy.",
        "300",
        "Sunmere Solar",
        "employees",
        None,
        id="cut-jobs",
    ),
    case(
        "Nordvik Mobile has 3.5 million subscribers. Customers of Nordvik Mobile pay less.",
        "3.5 million",
        "Nordvik Mobile",
        "users",
        None,
        id="million-subscribers",
    ),
    case(
        "The Torvik Arena will have 40,000 seats. Fans of Torvik Arena cheered.",
        "40,000",
        "Torvik Arena",
        "seats",
        None,
        id="seats",
    ),
    case(
        "Kestrel Air has ordered 40 aircraft from Skyward Aero. Travellers on Kestrel Air paid less.",
        "40",
        "Kestrel Air",
        "aircraft",
        ANY,
        id="noun-is-the-metric",
    ),
    # percentages
    case(
        "Revenue at Brightline Retail rose 12% in the quarter. Shoppers at Brightline Retail saw prices fall.",
        "12%",
        "Brightline Retail",
        "growth",
        None,
        id="rose-percent",
    ),
    case(
        "Brannock Capital owns 15% of Pellworth Foods. Shares of Pellworth Foods rose.",
        "15%",
        "Brannock Capital",
        "share",
        ANY,
        id="owns-percent-of",
    ),
    case(
        "Brannock Capital holds a 15% stake in Pellworth Foods. Shares of Pellworth Foods rose.",
        "15%",
        "Brannock Capital",
        "share",
        "Pellworth Foods",
        id="holds-a-percent-stake",
        reason="'a 15% stake' is dropped: the article 'a' before a number marks it as a rate's basis",
    ),
    # currency pairs
    case(
        "Halvorsen Group will invest $5 billion (€4.6 billion) in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$5 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "exact",
        id="usd-eur-pair",
        equivalent="€4.6 billion",
    ),
    case(
        "Calder Steel agreed to acquire Tarvo Mining for £2 billion ($2.5 billion). Shares of Calder Steel fell.",
        "£2 billion",
        "Calder Steel",
        "acquisition_price",
        "Tarvo Mining",
        id="gbp-usd-pair",
        equivalent="$2.5 billion",
    ),
    # hedges
    case(
        "Halvorsen Group is investing up to $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "up_to",
        id="up-to",
    ),
    case(
        "Halvorsen Group will invest as much as $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "up_to",
        id="as-much-as",
    ),
    case(
        "Halvorsen Group is investing more than $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "over",
        id="more-than",
    ),
    case(
        "Halvorsen Group is investing about $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "approx",
        id="about",
    ),
    case(
        "Halvorsen Group is investing roughly $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "approx",
        id="roughly",
    ),
    case(
        "Halvorsen Group is investing between $2 billion and $3 billion in Pellworth Foods. "
        "Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "range",
        id="between-and",
    ),
    case(
        "Nordvik Mobile's deal with Orsa Telecom is potentially worth $4 billion. Shares of Nordvik Mobile rose.",
        "$4 billion",
        "Nordvik Mobile",
        "deal_value",
        "Orsa Telecom",
        "potential",
        id="potentially-worth",
    ),
    case(
        "Halvorsen Group will invest at least $2 billion in Pellworth Foods. Shares of Halvorsen Group rose.",
        "$2 billion",
        "Halvorsen Group",
        "investment",
        "Pellworth Foods",
        "at_least",
        id="at-least",
    ),
]


@pytest.mark.parametrize(("text", "number", "subject", "metric", "obj", "qualifier", "equivalent"), FRAMES)
def test_claim_framing(
    text: str,
    number: str,
    subject: str | None,
    metric: str,
    obj: str | None,
    qualifier: str,
    equivalent: str | None,
) -> None:
    c = _quantity(_report(text), number)
    got = (c.subject, c.metric, c.object, c.qualifier)
    assert _same(c.subject, subject), got
    assert c.metric == metric, got
    assert _same(c.object, obj), got
    assert qualifier == ANY or c.qualifier == qualifier, got
    if equivalent is not None:
        assert [e.text for e in c.equivalents] == [equivalent], c.equivalents
        currency = [x for x in _report(text).claims if x.kind == "quantity" and x.dimension == "currency"]
        assert len(currency) == 1, [x.text for x in currency]  # the pair is one claim, not two


# -- product and model names with numbers give no quantity claims -------------------------------------

NAMES_WITH_NUMBERS = [
    pytest.param("Veltrix sold more Model S cars than expected. Dealers of Veltrix were pleased.", id="model-s"),
    pytest.param(
        "Buyers of the iPhone 16 queued outside Brightline Retail stores. Shoppers at Brightline Retail were patient.",
        id="iphone-16",
    ),
    pytest.param(
        "Ostfold Bank moved its staff to Windows 11 in May. Clients of Ostfold Bank noticed nothing.", id="windows-11"
    ),
    pytest.param("Veltrix sponsors a Formula 1 team based in Italy. Fans of Veltrix cheered.", id="formula-1"),
    pytest.param(
        "Kestrel Air leases a Boeing 737 from Skyward Aero. Travellers on Kestrel Air paid less.", id="boeing-737"
    ),
    pytest.param(
        "Orsa Motors unveiled the Orsa GT 500 at the show. Dealers of Orsa Motors were pleased.",
        id="model-with-three-digits",
    ),
]


@pytest.mark.parametrize("text", NAMES_WITH_NUMBERS)
def test_product_names_are_not_quantities(text: str) -> None:
    claims = [c for c in _report(text).claims if c.kind == "quantity"]
    assert not claims, [(c.text, c.metric) for c in claims]


# -- alignment and number checks across sources -------------------------------------------------------
# (sources, (number in source0, number in source1) and whether they share a fact or None, findings that
# must be present, findings that must be absent)

NUMBER_FINDINGS = {"numeric_disagreement", "hedge_mismatch", "conversion_mismatch", "arithmetic_mismatch"}

HALVORSEN_2 = "Halvorsen Group is investing $2 billion in Pellworth Foods. Shares of Halvorsen Group rose on Monday."
HALVORSEN_UP_TO_2 = (
    "Halvorsen Group is investing up to $2 billion in Pellworth Foods. Shares of Halvorsen Group rose on Monday."
)


def corpus(
    texts: list[str],
    pair: tuple[str, str] | None = None,
    together: bool | None = None,
    present: frozenset[str] = frozenset(),
    absent: frozenset[str] = frozenset(),
    *,
    id: str,
    reason: str | None = None,
) -> pytest.ParameterSet:
    marks = [_xfail(reason)] if reason else []
    return pytest.param(texts, pair, together, present, absent, id=id, marks=marks)


ALIGNMENT = [
    corpus(
        [
            HALVORSEN_UP_TO_2,
            "Halvorsen Group's $2 billion investment in Pellworth Foods was approved by "
            "regulators. Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        id="is-investing-up-to-vs-investment-in",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Regulators approved a $2 billion investment in Pellworth Foods by Halvorsen Group "
            "on "
            "Friday. Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        id="investing-vs-investment-by",
    ),
    corpus(
        [
            HALVORSEN_2,
            "- **Halvorsen Group**: $2 billion investment in Pellworth Foods\n"
            "- **Brannock Capital**: $500 million investment in Pellworth Foods\n\nAnalysts welcomed the "
            "news.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        id="prose-vs-bold-label",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Shares of food group Halvorsen Group rose. The group is investing $2 billion in "
            "Pellworth Foods, analysts at Brannock Capital said.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        id="name-vs-description",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Halvorsen Group is investing $2 billion in Grantham Foods, regulators said. "
            "Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$2 billion"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="different-objects-stay-apart",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Halvorsen Group is investing $3.5 billion in Grantham Foods, regulators said. "
            "Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$3.5 billion"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="different-objects-different-amounts",
    ),
    corpus(
        [
            "Tessaly Energy said building 1 gigawatt of wind capacity costs about $1.5 billion. "
            "Shares of Tessaly Energy rose.",
            "Tessaly Energy has pledged $6 billion to the Gotland wind farm. Investors in Tessaly Energy were pleased.",
        ],
        ("$1.5 billion", "$6 billion"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="cost-per-gigawatt-vs-commitment",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Halvorsen Group reported revenue of $3.5 billion, regulators said. Analysts at "
            "Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$3.5 billion"),
        False,
        absent=frozenset({"numeric_disagreement"}),
        id="investment-vs-revenue",
    ),
    corpus(
        [
            HALVORSEN_2,
            "Halvorsen Group is investing $3.5 billion in Pellworth Foods, regulators said. "
            "Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$3.5 billion"),
        True,
        frozenset({"numeric_disagreement"}),
        id="2-vs-3.5-disagree",
    ),
    corpus(
        [
            "Halvorsen Group is investing $5 billion in Pellworth Foods. Shares of Halvorsen Group rose on Monday.",
            "Halvorsen Group is investing $5.2 billion in Pellworth Foods, regulators said. Analysts at "
            "Brannock "
            "Capital welcomed it.",
        ],
        ("$5 billion", "$5.2 billion"),
        True,
        absent=frozenset({"numeric_disagreement"}),
        id="5-vs-5.2-is-rounding",
    ),
    corpus(
        [
            "Calder Steel agreed to acquire Tarvo Mining for $3.1 billion. Shares of Calder Steel fell.",
            "Calder Steel will pay $4.5 billion for Tarvo Mining, people familiar with the deal said. "
            "Analysts at "
            "Brannock Capital were surprised.",
        ],
        ("$3.1 billion", "$4.5 billion"),
        True,
        frozenset({"numeric_disagreement"}),
        id="acquisition-price-disagrees",
    ),
    corpus(
        [
            HALVORSEN_UP_TO_2,
            "Halvorsen Group is investing $2 billion in Pellworth Foods, regulators said. "
            "Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        frozenset({"hedge_mismatch"}),
        frozenset({"numeric_disagreement"}),
        id="up-to-vs-firm-is-hedge-mismatch",
    ),
    corpus(
        [
            HALVORSEN_UP_TO_2,
            "Halvorsen Group will invest as much as $2 billion in Pellworth Foods, "
            "regulators "
            "said. Analysts at Brannock Capital welcomed it.",
        ],
        ("$2 billion", "$2 billion"),
        True,
        absent=frozenset({"hedge_mismatch", "numeric_disagreement"}),
        id="two-ceilings-agree",
    ),
    corpus(
        [
            "Halvorsen Group will invest $5 billion (€4.6 billion) in Pellworth Foods. It will also lend "
            "$1 billion (€920 million) to Grantham Foods. Shares of Halvorsen Group rose."
        ],
        absent=frozenset({"conversion_mismatch"}),
        id="consistent-currency-pairs",
    ),
    corpus(
        [
            "Halvorsen Group will invest $5 billion (€4.6 billion) in Pellworth Foods. Shares of Halvorsen Group rose.",
            "Halvorsen Group is investing $5 billion (€4.6 billion) in Pellworth Foods, regulators said. "
            "Analysts "
            "at Brannock Capital welcomed it.",
        ],
        ("$5 billion", "$5 billion"),
        True,
        absent=frozenset({"conversion_mismatch", "numeric_disagreement"}),
        id="same-pair-in-two-sources",
    ),
    corpus(
        [
            "Halvorsen Group will invest $5 billion (€4.6 billion) in Pellworth Foods. It will also lend "
            "$1 billion (€600 million) to Grantham Foods. Shares of Halvorsen Group rose."
        ],
        present=frozenset({"conversion_mismatch"}),
        id="inconsistent-currency-pairs",
    ),
    corpus(
        [
            "Backers of Pellworth Foods have invested $3 billion in total:\n\n"
            "- **Halvorsen Group**: $2 billion investment\n- **Brannock Capital**: $1 billion investment\n\n"
            "Shares of Pellworth Foods rose."
        ],
        absent=frozenset({"arithmetic_mismatch"}),
        id="total-is-the-sum-of-parts",
    ),
    corpus(
        [
            "Backers of Pellworth Foods have invested $4 billion in total:\n\n"
            "- **Halvorsen Group**: $2 billion investment\n- **Brannock Capital**: $1 billion investment\n\n"
            "Shares of Pellworth Foods rose."
        ],
        present=frozenset({"arithmetic_mismatch"}),
        id="total-is-not-the-sum-of-parts",
    ),
    corpus(
        [
            "Backers of Pellworth Foods have committed $4 billion in total:\n\n"
            "- **Halvorsen Group**: $2 billion\n- **Brannock Capital**: $1 billion\n\n"
            "Shares of Pellworth Foods rose."
        ],
        present=frozenset({"arithmetic_mismatch"}),
        id="bare-parts-do-not-sum-to-total",
    ),
    corpus(
        [
            "Veltrix sold more Model S cars than expected. Buyers of the iPhone 16 and Windows 11 users were surveyed.",
            "Veltrix sponsors a Formula 1 team and leases a Boeing 737 from Kestrel Air. "
            "Dealers of "
            "Veltrix were pleased.",
        ],
        absent=frozenset(NUMBER_FINDINGS),
        id="product-names-give-no-findings",
    ),
]


@pytest.mark.parametrize(("texts", "pair", "together", "present", "absent"), ALIGNMENT)
def test_alignment(
    texts: list[str],
    pair: tuple[str, str] | None,
    together: bool | None,
    present: frozenset[str],
    absent: frozenset[str],
) -> None:
    report = _report(*texts)
    if pair is not None:
        a = _quantity(report, pair[0], "source0")
        b = _quantity(report, pair[1], "source1")
        shared = [f.id for f in report.facts if a.id in f.claims and b.id in f.claims]
        assert bool(shared) == together, [(f.subject, f.metric, f.object, f.claims) for f in report.facts]
    kinds = {f.kind for f in report.findings}
    assert present <= kinds, [f.message for f in report.findings]
    assert not (absent & kinds), [f.message for f in report.findings]
