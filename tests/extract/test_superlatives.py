"""Superlative and exclusivity claims, as news articles and press releases phrase them.

Three tables about invented subjects (carmakers, telecoms, clubs, cities, pharma, airlines, retailers,
energy): phrases that must give a `superlative` or `exclusivity` claim with its subject and trigger word;
traps that must give none (ordinals of time, advice, "a leading", "one of the largest", pronouns); and
small corpora run through `analyse`, where a distinction stated by one source only is unsupported, the
same distinction in another source corroborates it, and the same "only" given to someone else contradicts
it. Cases the current code gets wrong are kept as strict xfails: each reason names the bug.
"""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.load import parse_document
from factcheck.models import Claim, Report
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

CATEGORICAL = ("superlative", "exclusivity")
CATEGORICAL_FINDINGS = ("unsupported_superlative", "contradicted_claim")


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _report(*texts: str) -> Report:
    rs = _ruleset()
    docs = [parse_document(f"source{i}.txt", text, rs.boilerplate) for i, text in enumerate(texts)]
    return analyse(docs, rs)


def _categorical(report: Report) -> list[Claim]:
    return [c for c in report.claims if c.kind in CATEGORICAL]


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# -- positives: (article, kind, subject, word, attributed or None when not checked) -------------------

POSITIVES = [
    # copula: "X is / remains / becomes the only / first ..."
    pytest.param(
        "Veltrix is the only carmaker in Europe that assembles hydrogen trucks. "
        "Analysts at Brannock said orders at Veltrix were strong.",
        "superlative",
        "Veltrix",
        "only",
        False,
        id="is-the-only-carmaker",
    ),
    pytest.param(
        "Kestrel Air becomes the first airline to fly nonstop between Lisbon and Perth. "
        "Tickets for Kestrel Air went on sale on Monday.",
        "superlative",
        "Kestrel Air",
        "first",
        False,
        id="becomes-the-first-airline",
    ),
    pytest.param(
        "Mareno Pharma remains the only company licensed to sell the vaccine in Chile. "
        "Shares of Mareno Pharma rose 4%.",
        "superlative",
        "Mareno Pharma",
        "only",
        False,
        id="remains-the-only-drugmaker",
    ),
    pytest.param(
        "Halden City became the first city in Norway to ban petrol buses. Residents of Halden City cheered.",
        "superlative",
        "Halden City",
        "first",
        False,
        id="became-the-first-city",
    ),
    pytest.param(
        "Mossgiel Pharma is now the first drugmaker to win approval for a malaria jab. "
        "Shares of Mossgiel Pharma jumped.",
        "superlative",
        "Mossgiel Pharma",
        "first",
        False,
        id="is-now-the-first-drugmaker",
    ),
    pytest.param(
        "Brightline Retail remains the largest grocer in the country. Shoppers at Brightline Retail saw prices fall.",
        "superlative",
        "Brightline Retail",
        "largest",
        False,
        id="remains-the-largest-grocer",
    ),
    pytest.param(
        "FC Torvik is the most valuable football club in Scandinavia. Supporters of FC Torvik celebrated.",
        "superlative",
        "FC Torvik",
        "most valuable",
        False,
        id="most-valuable-club",
    ),
    pytest.param(
        "Ferrand Motors remains the only carmaker with a plant in the city. Workers at Ferrand Motors cheered.",
        "superlative",
        "Ferrand Motors",
        "only",
        False,
        id="remains-the-only-plant",
    ),
    pytest.param(
        "Halvorsen Group is currently the largest food producer in Norway. Shares of Halvorsen Group rose.",
        "superlative",
        "Halvorsen Group",
        "largest",
        False,
        id="is-currently-the-largest",
    ),
    pytest.param(
        "Halvorsen Group is still the largest food producer in Norway. Shares of Halvorsen Group rose.",
        "superlative",
        "Halvorsen Group",
        "largest",
        False,
        id="is-still-the-largest",
    ),
    pytest.param(
        "Kestrel Air is the cheapest airline on the route. Travellers on Kestrel Air paid less.",
        "superlative",
        "Kestrel Air",
        "cheapest",
        False,
        id="cheapest-airline",
    ),
    pytest.param(
        "Kestrel Air is the first and only airline to fly nonstop to Perth. Tickets for Kestrel Air sold out.",
        "superlative",
        "Kestrel Air",
        "first",
        False,
        id="first-and-only",
    ),
    pytest.param(
        "Tarvo Mining is the single largest employer in the province. Workers at Tarvo Mining struck.",
        "superlative",
        "Tarvo Mining",
        "single largest",
        False,
        id="single-largest-employer",
    ),
    pytest.param(
        "Tarvo Mining is the last remaining coal miner in the province. Workers at Tarvo Mining struck.",
        "superlative",
        "Tarvo Mining",
        "last remaining",
        False,
        id="last-remaining-miner",
    ),
    pytest.param(
        "Nordvik Mobile is the country's No. 1 mobile operator. Customers of Nordvik Mobile pay less.",
        "superlative",
        "Nordvik Mobile",
        "no. 1",
        False,
        id="country-no-1-operator",
    ),
    pytest.param(
        "Brightline Retail is the number one seller of frozen food in Sweden. "
        "Shoppers at Brightline Retail saw prices fall.",
        "superlative",
        "Brightline Retail",
        "number one",
        False,
        id="number-one-seller",
    ),
    pytest.param(
        "Redcliffe United is the most popular football club in the city. Fans of Redcliffe United cheered.",
        "superlative",
        "Redcliffe United",
        "most popular",
        False,
        id="most-popular-club",
    ),
    # strong prefixes: "the world's", "Europe's", "the nation's"
    pytest.param(
        "Quillon Bio is the world's leading developer of gene therapies. Shares of Quillon Bio rose.",
        "superlative",
        "Quillon Bio",
        "leading",
        False,
        id="worlds-leading-developer",
    ),
    pytest.param(
        "Veltrix is Europe's only maker of hydrogen trucks. Shares of Veltrix rose.",
        "superlative",
        "Veltrix",
        "only",
        False,
        id="europes-only-maker",
    ),
    pytest.param(
        "Sunmere Solar is America's largest solar installer. Customers of Sunmere Solar were happy.",
        "superlative",
        "Sunmere Solar",
        "largest",
        False,
        id="americas-largest-installer",
    ),
    pytest.param(
        "Sunmere Solar is the nation's top installer of rooftop panels. Customers of Sunmere Solar were happy.",
        "superlative",
        "Sunmere Solar",
        "top",
        False,
        id="nations-top-installer",
    ),
    # "makes X the largest", "ranked X", "crowned X", "call X"
    pytest.param(
        "The merger makes Tessaly Energy the largest wind operator in the Baltic. "
        "Investors in Tessaly Energy welcomed the news.",
        "superlative",
        "Tessaly Energy",
        "largest",
        False,
        id="makes-x-the-largest",
    ),
    pytest.param(
        "The takeover would make Calder Steel the biggest steelmaker on the continent. "
        "Workers at Calder Steel were nervous.",
        "superlative",
        "Calder Steel",
        "biggest",
        False,
        id="would-make-x-the-biggest",
    ),
    pytest.param(
        "Regulators ranked Ostfold Bank the strongest lender in the region. Clients of Ostfold Bank were relieved.",
        "superlative",
        "Ostfold Bank",
        "strongest",
        False,
        id="ranked-x-the-strongest",
    ),
    pytest.param(
        "The award crowned Aldmoor Airlines the best airline in Europe. Passengers of Aldmoor Airlines agreed.",
        "superlative",
        "Aldmoor Airlines",
        "best",
        False,
        id="crowned-x-the-best",
    ),
    pytest.param(
        "Analysts call Quillon Bio the leading developer of gene therapies. Shares of Quillon Bio rose.",
        "superlative",
        "Quillon Bio",
        "leading",
        None,
        id="call-x-the-leading",
    ),
    # appositives: "X, the world's biggest ..."
    pytest.param(
        "The contract went to Dunmore Rail, the world's biggest maker of sleeper carriages. "
        "A spokesman for Dunmore Rail declined to comment.",
        "superlative",
        "Dunmore Rail",
        "biggest",
        False,
        id="appositive-worlds-biggest",
    ),
    pytest.param(
        "Sunmere Solar, the country's largest solar installer, cut prices. Customers of Sunmere Solar saw bills fall.",
        "superlative",
        "Sunmere Solar",
        "largest",
        False,
        id="appositive-countrys-largest",
    ),
    pytest.param(
        "Ferrand Motors, Europe's biggest maker of electric vans, will build a plant. Workers at Ferrand Motors voted.",
        "superlative",
        "Ferrand Motors",
        "biggest",
        False,
        id="appositive-europes-biggest",
    ),
    pytest.param(
        "Maria Lund, the first woman to run Quillon Bio, resigned on Friday. Shares of Quillon Bio fell.",
        "superlative",
        "Maria Lund",
        "first",
        False,
        id="appositive-first-woman",
    ),
    pytest.param(
        "Tessaly Energy, now the largest wind operator in the Baltic, plans new turbines. "
        "Shares of Tessaly Energy rose.",
        "superlative",
        "Tessaly Energy",
        "largest",
        False,
        id="appositive-now-the-largest",
    ),
    # "X as the premier ..."
    pytest.param(
        "The city has chosen Brightwater as the premier venue for the summit. Officials in Brightwater were pleased.",
        "superlative",
        "Brightwater",
        "premier",
        False,
        id="as-the-premier-venue",
    ),
    pytest.param(
        "Investors see Quillon Bio as the leading developer of gene therapies. Shares of Quillon Bio rose.",
        "superlative",
        "Quillon Bio",
        "leading",
        False,
        id="see-x-as-the-leading",
    ),
    # headlines "X: The Only ..."
    pytest.param(
        "# Lumacell: The Only Battery Maker With Its Own Lithium Mine\n\n"
        "The company said output at Lumacell would double.",
        "superlative",
        "Lumacell",
        "only",
        False,
        id="heading-x-colon-the-only",
    ),
    pytest.param(
        "Kestrel Air: The First Airline To Fly Nonstop To Perth\n\nTickets for Kestrel Air went on sale.",
        "superlative",
        "Kestrel Air",
        "first",
        False,
        id="title-x-colon-the-first",
    ),
    pytest.param(
        "Redcliffe United: The Only Club With A Women's Academy In The League\n\nFans of Redcliffe United cheered.",
        "superlative",
        "Redcliffe United",
        "only",
        False,
        id="title-club-colon-the-only",
    ),
    pytest.param(
        "## Mareno Pharma: The First Drugmaker To Sell The Vaccine In Chile\n\nShares of Mareno Pharma rose.",
        "superlative",
        "Mareno Pharma",
        "first",
        False,
        id="heading-pharma-colon-the-first",
    ),
    pytest.param(
        "Lumacell: The Only Battery Maker With Its Own Lithium Mine\n\n"
        "The company said output at Lumacell would double.",
        "superlative",
        "Lumacell",
        "only",
        False,
        id="title-one-word-name-colon-the-only",
    ),
    # list items under a heading or a bold label
    pytest.param(
        "### Orsa Phone 3\n- Fastest phone in the range\n- Ships in May\n\nReviewers liked the Orsa Phone 3 overall.",
        "superlative",
        "Orsa Phone 3",
        "fastest",
        False,
        id="list-under-heading-fastest",
    ),
    pytest.param(
        "## Torvik Arena\n- Largest stadium in the north\n- Opens in 2027\n\nTickets for Torvik Arena go on sale soon.",
        "superlative",
        "Torvik Arena",
        "largest",
        False,
        id="list-under-heading-largest",
    ),
    pytest.param(
        "## Nordvik Mobile\n- Only operator with 5G in every village\n\nCustomers of Nordvik Mobile pay less.",
        "superlative",
        "Nordvik Mobile",
        "only",
        False,
        id="list-under-heading-only",
    ),
    pytest.param(
        "## Kestrel Air\n- First airline to fly nonstop to Perth\n\nTravellers on Kestrel Air paid less.",
        "superlative",
        "Kestrel Air",
        "first",
        False,
        id="list-under-heading-first",
    ),
    pytest.param(
        "- **Halvorsen Group**: the largest food producer in Norway\n\nShares of Halvorsen Group rose.",
        "superlative",
        "Halvorsen Group",
        "largest",
        False,
        id="bold-label-the-largest",
    ),
    pytest.param(
        "- **Sunmere Solar**: largest rooftop installer in Sweden\n\nCustomers of Sunmere Solar were happy.",
        "superlative",
        "Sunmere Solar",
        "largest",
        False,
        id="bold-label-largest",
    ),
    pytest.param(
        "- **Orsa Telecom**: exclusive broadcaster of the league\n\nViewers of Orsa Telecom pay extra.",
        "exclusivity",
        "Orsa Telecom",
        "exclusive",
        False,
        id="bold-label-exclusive-broadcaster",
    ),
    pytest.param(
        "## Calder Steel\n- Sole supplier of rail to the Nordic line\n\nWorkers at Calder Steel were pleased.",
        "exclusivity",
        "Calder Steel",
        "sole",
        False,
        id="list-under-heading-sole-supplier",
    ),
    # exclusivity
    pytest.param(
        "Orsa Telecom holds exclusive broadcast rights to the league's matches. Viewers of Orsa Telecom pay extra.",
        "exclusivity",
        "Orsa Telecom",
        "exclusive",
        False,
        id="holds-exclusive-rights",
    ),
    pytest.param(
        "Norbridge Energy has exclusive rights to drill in the northern field. Shares of Norbridge Energy rose.",
        "exclusivity",
        "Norbridge Energy",
        "exclusive",
        False,
        id="has-exclusive-rights",
    ),
    pytest.param(
        "Corvana is the sole supplier of brake systems to the team. Engineers at Corvana built the parts in Turin.",
        "exclusivity",
        "Corvana",
        "sole",
        False,
        id="is-the-sole-supplier",
    ),
    pytest.param(
        "Marlow Water is the sole provider of drinking water in the county. Customers of Marlow Water complained.",
        "exclusivity",
        "Marlow Water",
        "sole",
        False,
        id="is-the-sole-provider",
    ),
    pytest.param(
        "Calder Steel is the exclusive supplier of rail to the project. Workers at Calder Steel were pleased.",
        "exclusivity",
        "Calder Steel",
        "exclusive",
        False,
        id="is-the-exclusive-supplier",
    ),
    pytest.param(
        "Vantor Telecom will be the exclusive carrier of the Orsa Phone 3 in Canada. "
        "Customers of Vantor Telecom can preorder.",
        "exclusivity",
        "Vantor Telecom",
        "exclusive",
        False,
        id="will-be-the-exclusive-carrier",
    ),
    pytest.param(
        "Pellworth Foods signed an exclusive distribution agreement with Halvorsen Group. "
        "Shares of Pellworth Foods rose.",
        "exclusivity",
        "Pellworth Foods",
        "exclusive",
        False,
        id="exclusive-distribution-agreement",
    ),
    pytest.param(
        "Pellworth Foods signed an exclusive licensing deal with Halvorsen Group. Shares of Pellworth Foods rose.",
        "exclusivity",
        "Pellworth Foods",
        "exclusive",
        False,
        id="exclusive-licensing-deal",
    ),
    pytest.param(
        "The contract gives Norbridge Energy exclusive access to the port. Shares of Norbridge Energy rose.",
        "exclusivity",
        "Norbridge Energy",
        "exclusive",
        False,
        id="gives-x-exclusive-access",
    ),
    pytest.param(
        "Calder Steel has exclusivity over the new alloy. Workers at Calder Steel were pleased.",
        "exclusivity",
        "Calder Steel",
        "exclusivity",
        False,
        id="has-exclusivity-over",
    ),
    pytest.param(
        "Skyline Saga is available exclusively on Streamly. Viewers on Streamly can watch from Friday.",
        "exclusivity",
        "Skyline Saga",
        "exclusively",
        False,
        id="product-available-exclusively-on",
    ),
    pytest.param(
        "Orsa Motors will sell the van exclusively through its own dealers. Dealers of Orsa Motors were pleased.",
        "exclusivity",
        "Orsa Motors",
        "exclusively",
        False,
        id="sell-exclusively-through",
    ),
    pytest.param(
        "Regulators have made Marlow Water the sole provider of drinking water in the county. "
        "Customers of Marlow Water complained.",
        "exclusivity",
        "Marlow Water",
        "sole",
        False,
        id="made-x-the-sole-provider",
    ),
    pytest.param(
        "The new season is available exclusively on Streamly. Viewers on Streamly can watch from Friday.",
        "exclusivity",
        "Streamly",
        "exclusively",
        False,
        id="available-exclusively-on-platform",
    ),
    # attributed: quotations, "according to", "bills itself as", "positioned as"
    pytest.param(
        '"Redcliffe United is the only club in the league with a women\'s academy," the chairman said. '
        "Fans of Redcliffe United cheered.",
        "superlative",
        "Redcliffe United",
        "only",
        True,
        id="quoted-only-club",
    ),
    pytest.param(
        "“Halden City is the first city in Norway to ban petrol buses,” the mayor said. "
        "Residents of Halden City cheered.",
        "superlative",
        "Halden City",
        "first",
        True,
        id="curly-quoted-first-city",
    ),
    pytest.param(
        "According to the company, Grantham Foods is the largest maker of oat milk in Europe. "
        "Rivals of Grantham Foods were quiet.",
        "superlative",
        "Grantham Foods",
        "largest",
        True,
        id="according-to-largest",
    ),
    pytest.param(
        "The chief executive said Grantham Foods is the largest maker of oat milk in Europe. "
        "Rivals of Grantham Foods were quiet.",
        "superlative",
        "Grantham Foods",
        "largest",
        True,
        id="said-x-is-the-largest",
    ),
    pytest.param(
        '"Orsa Telecom holds exclusive broadcast rights to the league," its chief executive said. '
        "Viewers of Orsa Telecom pay extra.",
        "exclusivity",
        "Orsa Telecom",
        "exclusive",
        True,
        id="quoted-exclusive-rights",
    ),
    pytest.param(
        "Streamly says it is the sole distributor of the series. Viewers on Streamly can watch from Friday.",
        "exclusivity",
        "Streamly",
        "sole",
        True,
        id="says-it-is-the-sole-distributor",
    ),
    pytest.param(
        "Grantham Foods, which bills itself as the world's largest maker of oat milk, opened a plant. "
        "Rivals of Grantham Foods were quiet.",
        "superlative",
        "Grantham Foods",
        "largest",
        True,
        id="which-bills-itself-as",
    ),
    pytest.param(
        "Grantham Foods is billed as the world's largest maker of oat milk. Rivals of Grantham Foods were quiet.",
        "superlative",
        "Grantham Foods",
        "largest",
        True,
        id="is-billed-as",
    ),
    pytest.param(
        "Kestrel Air is positioned as the cheapest airline on the route. Travellers on Kestrel Air paid less.",
        "superlative",
        "Kestrel Air",
        "cheapest",
        True,
        id="is-positioned-as",
    ),
    pytest.param(
        "Ostfold Bank claims to be the strongest lender in the region. Clients of Ostfold Bank were relieved.",
        "superlative",
        "Ostfold Bank",
        "strongest",
        True,
        id="claims-to-be",
    ),
    pytest.param(
        "Mareno Pharma says it is the only company licensed to sell the vaccine in Chile. "
        "Shares of Mareno Pharma rose.",
        "superlative",
        "Mareno Pharma",
        "only",
        True,
        id="says-it-is-the-only",
    ),
    # other real phrasings
    pytest.param(
        "Aldmoor Airlines was named the best airline in Europe at the awards. Passengers of Aldmoor Airlines agreed.",
        "superlative",
        "Aldmoor Airlines",
        "best",
        False,
        id="was-named-the-best",
    ),
    pytest.param(
        "Only Veltrix builds its own batteries in Europe. Shares of Veltrix rose.",
        "superlative",
        "Veltrix",
        "only",
        False,
        id="only-x-verb",
        marks=_xfail("'Only X builds ...' at the start of a sentence gives no claim"),
    ),
    # a place below the top is a ranking of its own: "second largest", never "largest"
    pytest.param(
        "Ferrand Motors is the world's second-largest maker of electric vans. Workers at Ferrand Motors cheered.",
        "superlative",
        "Ferrand Motors",
        "second largest",
        False,
        id="second-largest",
    ),
    pytest.param(
        "Brightline Retail is the second largest grocer in the country. Shoppers at Brightline Retail saw prices fall.",
        "superlative",
        "Brightline Retail",
        "second largest",
        False,
        id="the-second-largest",
    ),
    pytest.param(
        "Nordlink Lines operates the only ferry between the two islands. Passengers of Nordlink Lines paid more.",
        "superlative",
        "Nordlink Lines",
        "only",
        False,
        id="operates-the-only",
    ),
]


@pytest.mark.parametrize(("text", "kind", "subject", "word", "attributed"), POSITIVES)
def test_superlative_is_extracted(text: str, kind: str, subject: str, word: str, attributed: bool | None) -> None:
    claims = _categorical(_report(text))
    found = [
        c for c in claims if c.kind == kind and (c.subject or "").casefold() == subject.casefold() and c.word == word
    ]
    assert found, [(c.kind, c.subject, c.word, c.text) for c in claims]
    if attributed is not None:
        assert found[0].attributed is attributed, found[0]


# -- negatives: no superlative or exclusivity claim at all ------------------------------------------

NEGATIVES = [
    pytest.param(
        "Choose the best option for each trip, Kestrel Air told passengers. Fares at Kestrel Air vary.",
        id="choose-the-best-option-for-each",
    ),
    pytest.param(
        "Shoppers should choose the best plan for their needs, Nordvik Mobile said. Customers of Nordvik "
        "Mobile pay less.",
        id="choose-the-best-plan",
    ),
    pytest.param(
        "For the first time, Halden City will host the summit. Residents of Halden City were pleased.",
        id="for-the-first-time-leading",
    ),
    pytest.param(
        "Halden City will host the summit for the first time. Residents of Halden City were pleased.",
        id="for-the-first-time-trailing",
    ),
    pytest.param(
        "Tessaly Energy said it was the first time the turbines had stopped. Shares of Tessaly Energy fell.",
        id="it-was-the-first-time",
    ),
    pytest.param(
        "The first signs of recovery appeared at Calder Steel in May. Workers at Calder Steel were relieved.",
        id="the-first-signs-of",
    ),
    pytest.param(
        "Calder Steel reported a profit in the first half of the year. Shares of Calder Steel rose.",
        id="the-first-half-of-the-year",
    ),
    pytest.param(
        "Tessaly Energy reported a loss in the first quarter. Shares of Tessaly Energy fell.",
        id="the-first-quarter",
    ),
    pytest.param(
        "Ferrand Motors opened its first factory in Spain. Workers at Ferrand Motors cheered.",
        id="its-first-factory",
    ),
    pytest.param(
        "Ferrand Motors sold 10,000 vans in its best month ever. Workers at Ferrand Motors cheered.",
        id="its-best-month",
    ),
    pytest.param(
        "Ferrand Motors is a leading maker of electric vans. Workers at Ferrand Motors cheered.",
        id="a-leading-maker",
    ),
    pytest.param(
        "Ferrand Motors is one of the largest makers of electric vans. Workers at Ferrand Motors cheered.",
        id="one-of-the-largest",
    ),
    pytest.param(
        "Sunmere Solar was one of the first installers to offer batteries. Customers of Sunmere Solar were happy.",
        id="one-of-the-first",
    ),
    pytest.param(
        "Veltrix is one of the only carmakers still building diesel vans. Shares of Veltrix fell.",
        id="one-of-the-only",
    ),
    pytest.param(
        "Maria Lund is responsible for leading the team at Quillon Bio. Shares of Quillon Bio rose.",
        id="responsible-for-leading",
    ),
    pytest.param(
        "Quillon Bio is focusing first on rare diseases. Shares of Quillon Bio rose.",
        id="focusing-first-on",
    ),
    pytest.param(
        "Coach Arne Vik gave an exclusive interview to Sportsnytt. Readers of Sportsnytt were thrilled.",
        id="an-exclusive-interview",
    ),
    pytest.param(
        "Orsa Telecom is moving away from its exclusive reliance on one supplier. Shares of Orsa Telecom fell.",
        id="exclusive-reliance-on",
    ),
    pytest.param(
        "Members can get exclusive discounts at Brightline Retail stores. Shoppers at Brightline Retail saw "
        "prices fall.",
        id="exclusive-discounts",
    ),
    pytest.param(
        "Brightline Retail said the best way to cut prices is to buy in bulk. Shoppers at Brightline Retail agreed.",
        id="the-best-way-to",
    ),
    pytest.param(
        "Veltrix is not the only carmaker building batteries in Europe. Shares of Veltrix fell.",
        id="not-the-only",
    ),
    pytest.param(
        "Kestrel Air is no longer the only airline flying to Perth. Travellers on Kestrel Air paid less.",
        id="no-longer-the-only",
    ),
    pytest.param(
        "Only a few airlines fly the route, including Kestrel Air. Passengers on Kestrel Air paid more.",
        id="only-a-few",
    ),
    pytest.param(
        "Mareno Pharma said the only way to cut prices is competition. Shares of Mareno Pharma rose.",
        id="the-only-way-to",
    ),
    pytest.param(
        "Norbridge Energy is only partly owned by the state. Shares of Norbridge Energy rose.",
        id="only-partly",
    ),
    pytest.param(
        "Norbridge Energy only recently began drilling. Shares of Norbridge Energy rose.",
        id="only-recently",
    ),
    pytest.param(
        "Only when demand recovers will Calder Steel hire again. Workers at Calder Steel were nervous.",
        id="only-when",
    ),
    pytest.param(
        "Tessaly Energy opened a plant. This was the first major test of the new turbines. "
        "Shares of Tessaly Energy fell.",
        id="pronoun-this-was-the-first-test",
    ),
    pytest.param(
        "It was the biggest storm to hit Halden City in years. Residents of Halden City were evacuated.",
        id="pronoun-it-was-the-biggest",
    ),
    pytest.param(
        "Redcliffe United won the first leg of the semi-final. Fans of Redcliffe United cheered.",
        id="the-first-leg",
    ),
    pytest.param(
        "Redcliffe United scored in the first minute. Fans of Redcliffe United cheered.",
        id="the-first-minute",
    ),
    pytest.param(
        "The first of three new ferries for Nordlink Lines arrived. Passengers of Nordlink Lines cheered.",
        id="the-first-of-three",
    ),
    pytest.param(
        "Tarvo Mining said the first step is a safety review. Workers at Tarvo Mining struck.",
        id="the-first-step",
    ),
    pytest.param(
        "Calder Steel will do its best to protect jobs. Workers at Calder Steel were nervous.",
        id="do-its-best",
    ),
    pytest.param(
        "Mareno Pharma said results were at best mixed. Shares of Mareno Pharma fell.",
        id="at-best",
    ),
    pytest.param(
        "Marlow Water said customers would be first to benefit. Customers of Marlow Water complained.",
        id="first-to-benefit-no-article",
    ),
    pytest.param(
        "The top priority for Vantor Telecom is coverage. Customers of Vantor Telecom agreed.",
        id="the-top-priority-for",
    ),
    pytest.param(
        "Redcliffe United finished the season at the top of the table. Fans of Redcliffe United cheered.",
        id="the-top-of-the-table",
    ),
    pytest.param(
        "Shares in Mossgiel Pharma posted their biggest gain since March. Analysts at Brannock Capital were surprised.",
        id="their-biggest-gain",
    ),
    pytest.param(
        "Exclusive: Veltrix plans to cut 2,000 jobs\n\nWorkers at Veltrix were told on Monday.",
        id="exclusive-kicker-in-title",
    ),
    pytest.param(
        "Ferrand Motors is one of the world's largest makers of electric vans. Workers at Ferrand Motors cheered.",
        id="one-of-the-worlds-largest",
    ),
    pytest.param(
        "Ferrand Motors is among the world's biggest makers of electric vans. Workers at Ferrand Motors cheered.",
        id="among-the-worlds-biggest",
    ),
    pytest.param(
        "Veltrix focuses exclusively on electric vans. Shares of Veltrix fell.",
        id="focuses-exclusively-on",
    ),
    pytest.param(
        "Veltrix relies solely on Korean suppliers for cells. Shares of Veltrix fell.",
        id="relies-solely-on",
    ),
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_superlative(text: str) -> None:
    claims = _categorical(_report(text))
    assert not claims, [(c.kind, c.subject, c.word, c.text) for c in claims]


# -- corpora: (sources, categorical findings as {(kind, severity)}, categorical fact statuses) ---------

VELTRIX_ONLY = (
    "Veltrix is the only carmaker in Europe that assembles hydrogen trucks. "
    "Analysts said orders at Veltrix were strong."
)
VELTRIX_ONLY_AGAIN = (
    "Shares of Veltrix rose on Tuesday. Veltrix remains the only carmaker in Europe to assemble hydrogen "
    "trucks, the company said in its annual report."
)
FERRAND_ONLY = (
    "Ferrand Motors is the only carmaker in Europe that assembles hydrogen trucks. "
    "Workers at Ferrand Motors voted for a new contract."
)
UNSUPPORTED = {("unsupported_superlative", "warning")}
UNSUPPORTED_INFO = {("unsupported_superlative", "info")}
CONTRADICTED = {("contradicted_claim", "error")}

CORPORA = [
    pytest.param([VELTRIX_ONLY], UNSUPPORTED, {"single_source"}, id="one-source-only-is-unsupported"),
    pytest.param(
        [
            "The merger makes Tessaly Energy the largest wind operator in the Baltic. "
            "Investors in Tessaly Energy welcomed the news."
        ],
        UNSUPPORTED,
        {"single_source"},
        id="one-source-largest-is-unsupported",
    ),
    pytest.param(
        [
            "Orsa Telecom holds exclusive broadcast rights to the league's matches until 2030. "
            "Viewers of Orsa Telecom will pay extra."
        ],
        UNSUPPORTED,
        {"single_source"},
        id="one-source-exclusivity-is-unsupported",
    ),
    pytest.param(
        [
            '"Veltrix is the only carmaker in Europe that assembles hydrogen trucks," a spokesman said. '
            "Orders at Veltrix were strong."
        ],
        UNSUPPORTED_INFO,
        {"single_source"},
        id="quoted-single-source-is-info",
    ),
    pytest.param(
        [
            'Kestrel Air is "the only airline that flies nonstop to Perth", its chief executive said. '
            "Travellers on Kestrel Air paid less."
        ],
        UNSUPPORTED_INFO,
        {"single_source"},
        id="quoted-phrase-is-info",
    ),
    pytest.param(
        ["Streamly says it is the sole distributor of the series. Viewers on Streamly can watch from Friday."],
        UNSUPPORTED_INFO,
        {"single_source"},
        id="says-exclusivity-is-info",
    ),
    pytest.param(
        [
            "Analysts at Brannock have described Veltrix as the only carmaker in Europe that assembles hydrogen "
            "trucks. Orders at Veltrix were strong."
        ],
        UNSUPPORTED_INFO,
        {"single_source"},
        id="described-x-as-is-info",
    ),
    pytest.param(
        [VELTRIX_ONLY + " Analysts said Veltrix remains the only carmaker in Europe assembling hydrogen trucks."],
        UNSUPPORTED,
        {"single_source"},
        id="repeated-in-one-document-is-still-one-source",
    ),
    pytest.param([VELTRIX_ONLY, VELTRIX_ONLY], UNSUPPORTED, {"single_source"}, id="syndicated-copy-is-one-source"),
    pytest.param(
        [
            VELTRIX_ONLY,
            "Shares of Ferrand Motors fell on Monday.\n\nRelated Articles\n\n"
            "Veltrix is the only carmaker in Europe that assembles hydrogen trucks",
        ],
        UNSUPPORTED,
        {"single_source"},
        id="teaser-does-not-corroborate",
    ),
    pytest.param([VELTRIX_ONLY, VELTRIX_ONLY_AGAIN], set(), {"agree"}, id="only-corroborated"),
    pytest.param(
        [
            "Kestrel Air becomes the first airline to fly nonstop between Lisbon and Perth. "
            "Tickets for Kestrel Air go on sale today.",
            "The new route makes Kestrel Air the first airline to fly nonstop between Lisbon and Perth. "
            "Fares on Kestrel Air start at 900 euros.",
        ],
        set(),
        {"agree"},
        id="first-corroborated",
    ),
    pytest.param(
        [
            "The merger makes Tessaly Energy the largest wind operator in the Baltic. "
            "Investors in Tessaly Energy welcomed the news.",
            "Analysts said Tessaly Energy is now the largest wind operator in the Baltic after the deal. "
            "Shares of Tessaly Energy rose 3%.",
        ],
        set(),
        {"agree"},
        id="largest-corroborated",
    ),
    pytest.param(
        [
            "Orsa Telecom holds exclusive broadcast rights to the league's matches until 2030. "
            "Viewers of Orsa Telecom will pay extra.",
            "Shares of Orsa Telecom rose after it emerged that Orsa Telecom has exclusive broadcast rights to "
            "the "
            "league's matches. Analysts at Brannock were surprised.",
        ],
        set(),
        {"agree"},
        id="exclusive-rights-corroborated",
    ),
    pytest.param(
        [
            "Marlow Water is the sole provider of drinking water in the county. Customers of Marlow Water complained.",
            "The council confirmed that Marlow Water remains the sole provider of drinking water in the county, "
            "despite complaints. Bills from Marlow Water rose.",
        ],
        set(),
        {"agree"},
        id="sole-provider-corroborated",
    ),
    pytest.param(
        [
            "### Orsa Phone 3\n- Fastest phone in the Orsa range\n- Ships in May\n\nReviewers liked the Orsa Phone 3.",
            "The Orsa Phone 3 is the fastest phone in the Orsa range, reviewers at Techbit found. "
            "Buyers of the Orsa Phone 3 can preorder.",
        ],
        set(),
        {"agree"},
        id="list-item-corroborated-by-prose",
    ),
    pytest.param(
        [
            "Halden City became the first city in Norway to ban petrol buses. Residents of Halden City cheered.",
            "The ban makes Halden City the first city in Norway to ban petrol buses, officials said. "
            "Drivers in Halden City protested.",
            "Halden City is the first city in Norway to ban petrol buses, a move welcomed by bus makers. "
            "Tourism in Halden City is growing.",
        ],
        set(),
        {"agree"},
        id="three-sources-agree",
    ),
    pytest.param([VELTRIX_ONLY, FERRAND_ONLY], CONTRADICTED, {"single_source"}, id="only-given-to-two-carmakers"),
    pytest.param(
        [
            "Kestrel Air becomes the first airline to fly nonstop between Lisbon and Perth. "
            "Tickets for Kestrel Air go on sale today.",
            "Aldmoor Airlines became the first airline to fly nonstop between Lisbon and Perth. "
            "Fares on Aldmoor Airlines start at 900 euros.",
        ],
        CONTRADICTED,
        {"single_source"},
        id="first-given-to-two-airlines",
    ),
    pytest.param(
        [VELTRIX_ONLY, VELTRIX_ONLY_AGAIN, FERRAND_ONLY],
        CONTRADICTED,
        {"agree", "single_source"},
        id="two-agree-third-names-a-rival",
    ),
    pytest.param(
        [
            '"Veltrix is the only carmaker in Europe that assembles hydrogen trucks," a spokesman said. '
            "Orders at Veltrix were strong.",
            FERRAND_ONLY,
        ],
        CONTRADICTED,
        {"single_source"},
        id="quoted-claim-still-contradicted",
    ),
    pytest.param(
        [
            "Streamly is the only service streaming the Torvik Cup in Norway. Viewers on Streamly pay extra.",
            "Fans can watch the Torvik Cup on Vantor TV, and the matches are also available on Nordvik Mobile. "
            "Prices for Vantor TV were not given.",
        ],
        CONTRADICTED,
        {"single_source"},
        id="also-available-elsewhere-contradicts",
    ),
    pytest.param(
        [
            "Brightline Retail is the largest grocer in Sweden. Shoppers at Brightline Retail saw prices fall.",
            "Marlow Foods is the largest grocer in Denmark. Shoppers at Marlow Foods saw prices rise.",
        ],
        UNSUPPORTED,
        {"single_source"},
        id="different-countries-are-not-rivals",
    ),
    pytest.param(
        [
            "For the first time, Halden City will host the summit. Residents of Halden City were pleased.",
            "Calder Steel is a leading maker of rail. Its first factory opened in Wales, and workers at Calder "
            "Steel cheered.",
        ],
        set(),
        set(),
        id="traps-give-no-findings",
    ),
    pytest.param(
        [VELTRIX_ONLY, "Veltrix is the only carmaker with a battery plant in Chile. Shares of Veltrix rose."],
        UNSUPPORTED,
        {"single_source"},
        id="same-subject-different-distinction",
        marks=_xfail(
            "two different 'only carmaker ...' distinctions of one subject align on the head noun alone and "
            "corroborate each other"
        ),
    ),
    pytest.param(
        [
            "Orsa Telecom is the sole broadcaster of the league's matches in Norway. "
            "Viewers of Orsa Telecom will pay extra.",
            "Vantor Telecom is the sole broadcaster of the league's matches in Norway. "
            "Customers of Vantor Telecom get a discount.",
        ],
        CONTRADICTED,
        {"single_source"},
        id="sole-broadcaster-given-to-two",
    ),
    pytest.param(
        [
            "Streamly holds exclusive rights to the league's matches in Norway. Viewers on Streamly pay extra.",
            "Vantor Telecom holds exclusive rights to the league's matches in Norway. "
            "Customers of Vantor Telecom get a discount.",
        ],
        CONTRADICTED,
        {"single_source"},
        id="exclusive-rights-given-to-two",
    ),
    # a second place and the top are two rankings: neither supports the other; two words for one rank agree
    pytest.param(
        [
            "Ferrand Motors is the world's second-largest maker of electric vans. Workers at Ferrand Motors cheered.",
            "Ferrand Motors is the world's largest maker of electric vans, its owner said.",
        ],
        {("unsupported_superlative", "warning"), ("unsupported_superlative", "info")},
        {"single_source"},
        id="second-largest-and-largest-are-two-rankings",
    ),
    pytest.param(
        [
            "Ferrand Motors is the world's second-largest maker of electric vans. Workers at Ferrand Motors cheered.",
            "Ferrand Motors is now the world's second-biggest maker of electric vans.",
        ],
        set(),
        {"agree"},
        id="second-largest-and-second-biggest-agree",
    ),
    pytest.param(
        [
            "## Calder Steel\n- Sole supplier of rail to the Nordic line\n- Founded in 1920\n\n"
            "Workers at Calder Steel were pleased.",
            "Calder Steel is the sole supplier of rail to the Nordic line. The order for Calder Steel runs to 2030.",
        ],
        set(),
        {"agree"},
        id="sole-supplier-list-item-and-prose-agree",
    ),
]


@pytest.mark.parametrize(("texts", "findings", "statuses"), CORPORA)
def test_superlatives_across_sources(texts: list[str], findings: set[tuple[str, str]], statuses: set[str]) -> None:
    report = _report(*texts)
    kinds = {(f.kind, f.severity) for f in report.findings if f.kind in CATEGORICAL_FINDINGS}
    facts = {f.status for f in report.facts if f.dimension in CATEGORICAL}
    assert (kinds, facts) == (findings, statuses), [f.message for f in report.findings]
