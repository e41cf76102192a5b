"""Clause roles (factcheck/extract/roles.py and framing.py): who a number is about when the first name of its
clause is not it, and what it measures when no name is its subject.

Kinds 1 and 2 of the real-reporting issue, on invented sentences about invented companies, places and events:
appositions after a possessor, datelines, opening participles, passives, relative clauses, names that only
describe the subject or qualify a noun, noun phrases and counted nouns measured by their verb. Each row is
(text, number, subject, metric, object, measured); `ANY` leaves a field unchecked. The traps are the rows
whose subject or object must NOT be the tempting name.
"""

from __future__ import annotations

from functools import cache

import pytest

from factcheck.load import parse_document
from factcheck.models import Claim
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from tests.conftest import claim_of

ANY = "<any>"


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _claim(text: str, number: str) -> Claim:
    return claim_of(text, number)


def _same(actual: str | None, expected: str | None) -> bool:
    if expected == ANY:
        return True
    if expected is None or actual is None:
        return actual is expected
    return actual.casefold() == expected.casefold()


def role(
    text: str,
    number: str,
    subject: str | None = ANY,
    metric: str | None = ANY,
    obj: str | None = ANY,
    measured: str | None = ANY,
    *,
    id: str,
    reason: str | None = None,
) -> pytest.ParameterSet:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(text, number, subject, metric, obj, measured, id=id, marks=marks)


ROLES = [
    # (a) apposition after a possessor: the appositive acts, not the possessor
    role(
        "Brandtwerk's truck unit, Kolvar, has agreed to buy the engine maker Marsden for $3.7 billion.",
        "$3.7 billion",
        "Kolvar",
        "acquisition_price",
        "Marsden",
        id="unit-apposition-and-maker-object",
    ),
    role(
        "Ardena's veteran striker, Tomas Ferreiro, has joined Vellmar Rovers for a fee of €90 million.",
        "€90 million",
        "Tomas Ferreiro",
        "fee",
        id="player-apposition",
    ),
    # datelines and opening participles name no actor
    role(
        "TALLBRIDGE - Quorra Mining was handed a record 2.1 billion euro fine on Tuesday.",
        "2.1 billion",
        "Quorra Mining",
        "penalty",
        id="all-caps-dateline",
    ),
    role(
        "Lisbon: Quorra Mining would be hit with a 2 billion euros fine, the broadcaster reported.",
        "2 billion",
        "Quorra Mining",
        "penalty",
        id="colon-dateline",
    ),
    role(
        "Standing 40 miles out from the Dunmore Coast, the Kestrel Bank wind farm can power 900,000 homes.",
        "40 miles",
        subject=ANY,
        id="opening-participle-is-no-name",
    ),
    # an opening participle phrase describes the main clause's subject, whose numbers it holds too
    role(
        "Lying beside Kestrel Bank, its sister site, Tarnby Shoal will supply power to over 1.4 million homes.",
        "1.4 million",
        "Tarnby Shoal",
        id="participle-phrase-then-subject",
    ),
    role(
        "Located 89km off the Wexmoor coast, Tarnby Shoal can power 1.4 million homes.",
        "89km",
        "Tarnby Shoal",
        id="number-in-a-participle-phrase-is-the-subjects",
    ),
    # traps: a name that opens with "-ed" is no participle; "According to X," names a source; a place and its
    # country close the phrase, not open the main clause
    role(
        "United Harwick Airlines carried 4 million passengers last year.",
        "4 million",
        "United Harwick Airlines",
        id="a-name-ending-in-ed-is-no-participle",
    ),
    role(
        "According to the Harwick Geological Survey, the quake struck at a depth of 10 kilometers.",
        "10 kilometers",
        "Harwick Geological Survey",
        id="according-to-is-no-participle",
    ),
    role(
        "Located 55 miles out to sea from Wexmoor, Freedonia, is the turbine belonging to Orrin Power.",
        "55 miles",
        None,
        id="a-place-and-its-country-stay-in-the-phrase",
    ),
    # passives: the agent acts, the surface subject is acted on
    role(
        "Pellworth Foods was bought by Halvorsen Group for $2 billion.",
        "$2 billion",
        "Halvorsen Group",
        "acquisition_price",
        "Pellworth Foods",
        id="passive-by-agent",
    ),
    role(
        "Halvorsen Group agreed on Monday to buy Pellworth Foods, the snack maker, for about $2 billion, a purchase "
        "that widens its range.",
        "$2 billion",
        "Halvorsen Group",
        "acquisition_price",
        "Pellworth Foods",
        id="buy-a-described-name-for",
    ),
    # "a deal valued at": the deal's value; a company "valued at" after a deal, or by a round: its valuation
    role(
        "Halvorsen Group agreed to buy Pellworth Foods in a deal valued at $32 billion.",
        "$32 billion",
        "Halvorsen Group",
        "deal_value",
        "Pellworth Foods",
        id="a-deal-valued-at",
    ),
    role(
        "The agreement between Vantor Cloud and Orrin Systems is valued at $19.4 billion.",
        "$19.4 billion",
        metric="deal_value",
        id="an-agreement-between-two-is-valued-at",
    ),
    role(
        "After the deal, Quillon Bio was valued at $11.7 billion.",
        "$11.7 billion",
        "Quillon Bio",
        "valuation",
        id="a-company-valued-after-a-deal",
    ),
    role(
        "The round values Quillon Bio at $11.7 billion.",
        "$11.7 billion",
        "Quillon Bio",
        "valuation",
        id="a-round-values-a-company",
    ),
    # relative clauses: ", which <verb> ... N" is about the name before it; a closed clause is not
    role(
        "Halvorsen Group, which bought Pellworth Foods for $2 billion last year, said revenue rose 5%.",
        "$2 billion",
        "Halvorsen Group",
        "acquisition_price",
        "Pellworth Foods",
        id="which-clause",
    ),
    role(
        "Vasco Lind, the chief executive of Quorra Mining, who founded it in 2009, said on Monday that "
        "Lind would pay $31.50 a share for Marsden.",
        "$31.50",
        "Lind",
        "price_per_share",
        id="relative-clause-closed-before-the-number",
    ),
    role(
        "Vasco Lind, the chief executive of Quorra Mining, who built its $4 billion mine, spoke on Monday.",
        "$4 billion",
        "Vasco Lind",
        id="relative-clause-of-the-phrase-head-not-the-of-name",
    ),
    # names that only describe the subject or qualify a noun are not the counterparty
    role(
        "Quorra accepted the buyout offer of the Freedonian entrepreneur Vasco Lind for about $12 billion.",
        "$12 billion",
        "Quorra",
        "acquisition_price",
        "Vasco Lind",
        id="name-qualifying-a-noun-is-no-object",
    ),
    role(
        "Quorra Mining, the Brandtwerk unit, was fined €300 million over its Dunmore quarry.",
        "€300 million",
        "Quorra Mining",
        "penalty",
        None,
        id="apposition-owner-and-own-product-are-no-counterparty",
    ),
    role(
        "Halvorsen Group said shareholders of Marsden will be paid $31.50 for every share they hold.",
        "$31.50",
        metric="price_per_share",
        id="for-every-share-is-a-rate",
    ),
    # (b) counted nouns measured by their verb
    role(
        "At least 1,801 people were injured in the Marrowfield tremor.",
        "1,801",
        metric="injured",
        id="people-were-injured",
    ),
    role("About 12,000 houses collapsed across the valley.", "12,000", metric="destroyed", id="houses-collapsed"),
    role("Some 30,000 houses were damaged across the valley.", "30,000", metric="damaged", id="houses-were-damaged"),
    role(
        "A further 78 bodies were handed over to relatives on Sunday.",
        "78 bodies",
        metric="handed",
        id="bodies-handed-over-are-not-the-toll",
    ),
    role("The toll rose after 41 people died overnight.", "41 people", metric="death_toll", id="people-died"),
    # (b) noun phrases that are measured when no name is the subject
    role("The plant covers 900 hectares.", "900 hectares", metric="area", measured="plant", id="plant-covers"),
    role(
        "Kolvar Energy opened Wexmoor Bank on Tuesday. The giant turbine, according to its maker, can generate "
        "more than 14 megawatts.",
        "14 megawatts",
        subject=None,
        measured="turbine",
        id="an-attribution-aside-inside-a-noun-phrase-subject",
    ),
    role(
        "Striking at 4:30 p.m. Sunday (Harwick Time) at a depth of 12 km, the quake was felt in Vellin.",
        "12 km",
        subject=None,
        id="a-name-alone-in-brackets-is-an-aside",
    ),
    # the time something took is a fact of its own; a period ("in five days") is not
    role(
        "Starfall needed 11 days to reach $1 billion.", "11 days", subject="Starfall", metric="time_taken", id="needed"
    ),
    role(
        "Starfall did it in only five days after its release.",
        "five days",
        subject="Starfall",
        metric="time_taken",
        id="in-only-n-days",
    ),
    # a name coordinated with a preposition's object is that preposition's object too
    role(
        "In a survey of Vellin and Harwick, 300 homes were found empty.",
        "300 homes",
        subject="Vellin",
        id="a-coordinated-name-follows-the-preposition-too",
    ),
    # a distance is measured from the place named right after it
    role(
        "Vellin county lies around 370 kilometers (230 miles) northeast of Harwick, the capital.",
        "370 kilometers",
        subject="Vellin",
        obj="Harwick",
        id="a-distance-from-a-place",
    ),
    # a state still pending is its negation, never the toll
    role(
        "With 187 bodies still to be identified, the toll in Harwick stands at 275.",
        "187 bodies",
        metric="unidentified",
        id="still-to-be-identified",
    ),
    role("Some 40 homes have not yet been inspected.", "40 homes", metric="uninspected", id="not-yet-inspected"),
    # verbs of one state are one metric
    role("More than 12,000 houses had been toppled.", "12,000 houses", metric="destroyed", id="toppled-is-destroyed"),
    # a tally takes no subject from a distance given from a place in the sentence before
    role(
        "The epicentre lies in Vellin Township, 23 km from Harwick. More than 1,200 houses collapsed.",
        "1,200 houses",
        subject=None,
        id="a-tally-inherits-no-place-of-a-distance",
    ),
    # a role noun that qualifies another noun describes no one ("the giant turbine" is not "the tech giant")
    role(
        "Kolvar Energy opened Wexmoor Bank on Tuesday. The club record fee of $90 million still stands.",
        "$90 million",
        subject=None,
        id="a-role-noun-qualifying-a-noun-is-no-description",
    ),
    role(
        "Kolvar Energy opened Wexmoor Bank on Tuesday. The company plans to spend $90 million on it.",
        "$90 million",
        subject="Kolvar Energy",
        id="a-description-before-its-verb-points-back",
    ),
    # the holder of shares is named after "of": the subject of each market move
    role(
        "Shares of Borealis Air rose 21% on Friday, while shares of Kestrel Rail fell 4%.",
        "4%",
        subject="Kestrel Rail",
        id="shares-of-x-name-their-holder",
    ),
    role(
        "The pre-money valuation of Kestrel Labs, according to Marta Lind, was $18 billion.",
        "$18 billion",
        subject="Kestrel Labs",
        id="the-valuation-of-x-names-its-holder-not-the-speaker",
    ),
    # a relative clause that opens with a name and a past verb and runs on to the number: who set or paid it
    role(
        "Tavi's transfer doubles the existing mark that Kolvar United set with their 98 million euro deal for "
        "Paul Marsh.",
        "98 million euro",
        subject="Kolvar United",
        id="the-mark-that-x-set-with-their-deal",
    ),
    # "the startup behind X" is X's maker: the product is never who raised the money
    role(
        "The startup behind the Vela chatbot announced on Monday that it had secured $6 billion in funding.",
        "$6 billion",
        subject=None,
        id="the-startup-behind-a-product-is-not-the-product",
    ),
    # a number in a phrase that opens the sentence is the main clause's subject's
    role(
        "In fact, with a valuation of $24 billion, Kestrel Labs is now one of the most valuable startups.",
        "$24 billion",
        subject="Kestrel Labs",
        metric="valuation",
        id="opening-with-phrase-belongs-to-the-main-subject",
    ),
    # trap: a phrase that is not an opening one ("At $3,499, the headset ..." names no one after the comma)
    role(
        "At $3,499, the headset from Kestrel Labs costs more than its rivals.",
        "$3,499",
        subject=None,
        id="at-price-then-no-name",
    ),
    role("The 1.3GW wind farm sits 40 miles off the coast.", "1.3GW", metric="capacity", measured="farm", id="np-1"),
    # a word that names no kind of thing sets nothing apart: one farm is "the project" elsewhere
    role("The 1.3GW project sits 40 miles off the coast.", "1.3GW", metric="capacity", id="np-vague"),
    role(
        "The second aftershock was 40 km deep.",
        "40 km",
        metric="depth",
        measured="second aftershock",
        id="ordinal-kept-in-the-measured-phrase",
    ),
    role(
        "Halvorsen Group said the plant covers 900 hectares.",
        "900 hectares",
        "Halvorsen Group",
        measured=None,
        id="named-subject-needs-no-measured-phrase",
    ),
    # a figure of an earlier year, and a scope word, are marked
    # a speaker does not own the count its reported clause measures; it does own what "it" pays
    role(
        "The Varnholm harbourmaster has confirmed that the toll in the ferry fire has risen to 41.",
        "41",
        None,
        "death_toll",
        id="speaker-is-not-the-toll-subject",
    ),
    # ", who, with N seats, ...": an aside that opens a relative clause keeps it about the name before it
    role(
        "The Greens lost ground to the Alder Party, who, with 38 seats, are set for their best result.",
        "38 seats",
        "Alder Party",
        "seats",
        id="relative-clause-opened-by-an-aside",
    ),
    # a possessor inside another name's apposition only describes that name
    role(
        "Soon after Brandtwerk, Kolvar's main rival, brought out a scooter that costs $899.",
        "$899",
        "Brandtwerk",
        id="possessor-in-apposition-describes",
    ),
    # a ticker or acronym in brackets after a name is that name again, not a counterparty
    role(
        "Halvard Systems (HLVD) agreed to buy Pellworth for $2.1 billion.",
        "$2.1 billion",
        "Halvard Systems",
        "acquisition_price",
        "Pellworth",
        id="bracketed-ticker-is-no-party",
    ),
    # "reported dead": what was reported is the count's verb
    role("Some 140 people had been reported dead by Tuesday.", "140 people", ANY, "death_toll", id="reported-dead"),
    # "N of the M bodies were identified": the verb is the part's; the whole is counted by its noun
    role("The coroner said 61 of the 240 bodies had been identified.", "240 bodies", ANY, "death_toll", id="whole"),
    # a count of the people an event affected is not its speaker's
    role(
        "Health officer Ilse Varnholm said 412 passengers have been released from hospital.",
        "412 passengers",
        None,
        "discharged",
        id="affected-count-is-not-the-speakers",
    ),
    # a duration fused to what it measures is a fact of its own: a contract's term, an age
    role("Tomas Ferreiro signed a five-year contract with Vellmar Rovers.", "five-year", ANY, "term", id="term"),
    role("The 27-year-old Tomas Ferreiro joined Vellmar Rovers.", "27-year", ANY, "age", id="age"),
    role(
        "Brandtwerk confirmed that it would hire 400 workers at the plant.",
        "400 workers",
        "Brandtwerk",
        id="speaker-stands-in-for-it",
    ),
    # an opening subordinate clause is not the main clause's subject
    role(
        "Now that Kestrel Bank is complete, Halvorsen Group runs 13 wind farms in Wexmoor.",
        "13 wind farms",
        "Halvorsen Group",
        id="subordinate-opening-names-no-subject",
    ),
    role(
        "After Kolvar bought Marsden for $3.7 billion, its shares rose.",
        "$3.7 billion",
        "Kolvar",
        id="a-number-inside-the-subordinate-clause-keeps-its-subject",
    ),
    # a number between a determiner and a name measures that name
    role(
        "Halvorsen Group said the 2.8GW Kestrel Bank scheme had won a contract.",
        "2.8GW",
        "Kestrel Bank",
        "capacity",
        id="attributive-number-measures-the-name-after-it",
    ),
    role(
        "The 1.3GW Kestrel Bank project feeds the grid, Halvorsen Group said.",
        "1.3GW",
        "Kestrel Bank",
        id="a-number-opening-a-sentence-is-not-part-of-the-name",
    ),
    role(
        "Halvorsen Group's 2.8GW of turbines feed the Kestrel Bank grid.",
        "2.8GW",
        "Halvorsen Group",
        id="a-possessor-still-owns-its-number",
    ),
    # a proper adjective alone is no name; inside a name it is part of it; a passive pay is a wage
    role(
        "With the former French champions Kolvar will, it is understood, be paid £30m a year.",
        "£30m",
        "Kolvar",
        "salary",
        id="a-nationality-adjective-alone-is-no-name",
    ),
    role(
        "British Airways paid $2 billion for the jets.",
        "$2 billion",
        "British Airways",
        id="a-nationality-adjective-inside-a-name",
    ),
    # a name opening a relative clause after the number, with its verb, is who paid it
    role(
        "At twice the old record, the 105 million euros that Harwick Rovers paid last year for Kolvar, the fee "
        "shocked Borealis City.",
        "105 million euros",
        "Harwick Rovers",
        id="relative-clause-agent",
    ),
    role(
        "Kolvar raised the $2 billion that Acme needed, it said.",
        "$2 billion",
        "Kolvar",
        id="a-relative-clause-after-a-named-subject-describes-the-number",
    ),
    role(
        "Borealis City said the 105 million euros that fans expected was too much.",
        "105 million euros",
        "Borealis City",
        id="a-relative-clause-without-a-name-keeps-the-subject",
    ),
    # a name inside a relative aside is never the subject; "put ... into" is an investment
    role(
        "Halvorsen Group has 13 farms. The company, whose shares trade in Copenhagen, expects to put a further "
        "£8.6bn into Wexmoor suppliers.",
        "£8.6bn",
        "Halvorsen Group",
        "investment",
        id="a-name-in-a-relative-aside-is-no-subject",
    ),
    role(
        "Halvorsen Group handed contracts to 200 suppliers, putting $5.2 billion into them so far.",
        "$5.2 billion",
        "Halvorsen Group",
        "investment",
        id="putting-money-into",
    ),
    # a possessive that opens the clause qualifies the name after it; inside the clause it stays the subject
    role(
        "Wen Li's Lotus Boy 3 has grossed an estimated $1.7 billion worldwide.",
        "$1.7 billion",
        "Lotus Boy 3",
        id="possessor-opening-the-clause-qualifies",
    ),
    role(
        "Halvorsen's Quillon Labs has raised $300 million from new investors.",
        "$300 million",
        "Quillon Labs",
        id="possessor-of-a-unit-qualifies",
    ),
    role(
        "Wen Li's Lotus Boy 3 has grossed an estimated $1.7 billion, almost all of it in Dalmor, where it has sold"
        " more than 260 million tickets.",
        "260 million",
        "Lotus Boy 3",
        id="possessor-of-the-speaker-qualifies",
    ),
    role(
        "Halvor's parent Kestrel Group agreed on Tuesday to buy the startup Quell for $32 billion in cash.",
        "$32 billion",
        "Kestrel Group",
        "acquisition_price",
        "Quell",
        id="possessor-then-a-role-noun-qualifies",
    ),
    role(
        "Norwell's investment in Quell was $13 billion.",
        "$13 billion",
        "Norwell",
        id="trap-possessor-then-a-named-object-stays",
    ),
    role(
        "A strong quake that jolted southwest Dalmor's Vesna province on Sunday has killed at least 175 people.",
        "175",
        "Dalmor",
        id="trap-possessor-inside-the-clause-stays",
    ),
    role(
        "Halvorsen Group raised its offer while Brandtwerk's $3 billion bid stood.",
        "$3 billion",
        "Brandtwerk",
        id="trap-possessor-before-a-number-stays",
    ),
    # a place the sentence opens with is where its counts are, before the heading's name
    role(
        "## Veloria quake toll climbs\n\nIn Tarvia, the toll from the collapse of a tower under construction rose"
        " to 17.",
        "17",
        "Tarvia",
        "death_toll",
        measured=None,
        id="an-opening-place-before-the-heading",
    ),
    role(
        "In neighbouring Tarvia, a building collapsed, killing at least 10 people.",
        "10 people",
        "Tarvia",
        "death_toll",
        id="killing-is-a-toll",
    ),
    role(
        "## Veloria quake toll climbs\n\nAt the site, the Kestrel Tower toll rose to 17.",
        "17",
        "Kestrel Tower",
        id="trap-an-opening-place-then-a-name",
    ),
    # a verb left out after "and": the second party is the subject of the second number, of the same kind
    role(
        "Norwell will invest up to $5 billion in Lumen AI and chipmaker Quantix up to $10 billion, the companies said.",
        "$10 billion",
        "Quantix",
        "investment",
        "Lumen",
        id="gapped-verb-with-a-role-noun",
    ),
    role(
        "Norwell is investing $5 billion in Lumen AI and Quantix $10 billion, in a three-way deal.",
        "$10 billion",
        "Quantix",
        "investment",
        id="gapped-verb-keeps-the-first-metric",
    ),
    role(
        "Under the agreement, Quantix will invest as much as $10 billion and Norwell as much as $5 billion.",
        "$10 billion",
        "Quantix",
        "investment",
        None,
        id="gapped-verb-the-second-party-is-no-object",
    ),
    role(
        "Revenue rose to $5 billion in Europe and Asia $3 billion.",
        "$3 billion",
        "Europe",
        id="trap-gapped-verb-needs-an-actor",
    ),
    # a deal's length written apart from its noun
    role("Tomas Ferreiro had put his name to a five year-deal.", "five year", "Tomas Ferreiro", "term", id="year-deal"),
    role("Tomas Ferreiro signed a five year contract.", "five year", "Tomas Ferreiro", "term", id="year-contract"),
    # a name may open with an accented capital
    role(
        "Øvrum Kraft agreed to pay $5 billion for the Wexmoor lease.",
        "$5 billion",
        "Øvrum Kraft",
        id="accented-capital",
    ),
]


@pytest.mark.parametrize(("text", "number", "subject", "metric", "obj", "measured"), ROLES)
def test_roles(
    text: str, number: str, subject: str | None, metric: str | None, obj: str | None, measured: str | None
) -> None:
    c = _claim(text, number)
    got = (c.subject, c.metric, c.object, c.measured)
    assert _same(c.subject, subject), got
    assert _same(c.metric, metric), got
    assert _same(c.object, obj), got
    assert _same(c.measured, measured), got


def test_opening_participle_is_not_a_subject() -> None:
    c = _claim("Standing 40 miles out from the Dunmore Coast, the Kestrel Bank farm can power 900,000 homes.", "40")
    assert c.subject is None or "standing" not in c.subject.casefold()


@pytest.mark.parametrize(
    ("text", "number", "extent"),
    [
        ("Starfall took $860 million overseas over the weekend.", "$860 million", ["overseas"]),
        ("Starfall took $1.2 billion worldwide over the weekend.", "$1.2 billion", ["world"]),
        ("Starfall took $156 million in Freedonia on Friday.", "$156 million", ["freedonia"]),
        ("Quorra Mining was fined 2.4 billion euros in 2021.", "2.4 billion", ["previous"]),
        ("Quorra Mining was fined 4.3 billion euros on Tuesday.", "4.3 billion", []),
        ("Halvorsen Group is investing $2 billion in Pellworth Foods.", "$2 billion", []),
        ("Kestrel Bank lies 55 miles off the Wexmoor Coast.", "55 miles", ["wexmoor"]),
        (
            "Kolvar's fee smashes the existing mark that Harwick Rovers set with a 98 million euro deal.",
            "98 million euro",
            ["previous"],
        ),
        ("Kolvar, the 25-year-old, had joined Harwick Rovers in 2013 from Santos.", "25-year", []),
        ("In 2017, the company was fined 2.4 billion euros, a record.", "2.4 billion", ["previous"]),
        (
            "The round doubles Verano's valuation from the 5.8 billion euros it was valued at in June 2023, when it"
            " raised 600 million euros.",
            "5.8 billion",
            ["previous"],
        ),
        ("Verano was valued at €5.8 billion in a round last year.", "€5.8 billion", ["previous"]),
        ("Verano, founded in 2022, raised 600 million euros.", "600 million", []),
        ("Founded in 2022, Verano raised 600 million euros.", "600 million", []),
        ("Verano, which was set up last year, raised 600 million euros.", "600 million", []),
        ("Verano raised 600 million euros, more than it raised last year.", "600 million", []),
        ("Shares of Verano have gained 38% over the last year.", "38%", []),
        ("Kolvar will be paid £40.7m a year before tax.", "£40.7m", []),
        ("Rebro works from 37 sites and had revenue of $19.4 billion last year.", "37", []),
        ("Kolvar and Brandtwerk will invest $15 billion in Marsden.", "$15 billion", ["combined"]),
        ("Marsden raised $5 billion, Kolvar and Brandtwerk said.", "$5 billion", []),
        ("Kolvar and Brandtwerk invest $5 billion and $9 billion respectively in Marsden.", "$5 billion", []),
        ("For each share of Marsden, Kolvar offered $157 in cash.", "$157", []),
        ("Marsden, which Kolvar founded, raised $5 billion.", "$5 billion", []),
        ("Marsden was valued at $183 billion in March.", "$183 billion", ["previous"]),
        ("Marsden will close the $5 billion round in March.", "$5 billion", []),
        ("Marsden was valued at $183 billion in September.", "$183 billion", []),
        ("Rebro works from 37 sites and had revenue of $19.4 billion last year.", "$19.4 billion", ["previous"]),
    ],
    ids=[
        "overseas",
        "worldwide",
        "in-a-place",
        "earlier-year",
        "no-scope",
        "counterparty-is-no-scope",
        "off-a-coast",
        "an-earlier-figure-by-its-status",
        "a-description-is-not-dated-by-its-clause",
        "a-clause-after-its-year-is-no-description",
        "a-year-in-the-numbers-comma-clause",
        "last-year",
        "trap-a-founding-year-in-an-aside",
        "trap-a-founding-year-in-an-opening-phrase",
        "trap-last-year-in-a-relative-aside",
        "trap-last-year-in-another-comma-clause",
        "trap-over-the-last-year-is-a-period",
        "trap-a-year-before-tax",
        "trap-last-year-of-the-next-number",
        "last-year-of-its-own-number",
        "two-parties-together",
        "trap-a-trailing-attribution-is-no-party",
        "trap-respectively-is-each-partys",
        "trap-an-opening-phrase-is-no-party",
        "trap-a-relative-clause-is-no-party",
        "an-earlier-month-of-the-year",
        "trap-a-month-to-come",
        "trap-a-later-month-is-last-years-or-to-come",
    ],
)
def test_extent(text: str, number: str, extent: list[str]) -> None:
    assert _claim(text, number).extent == extent


@pytest.mark.parametrize(
    "text",
    [
        "Vellmar Rovers have won four titles over the past five years.",  # a period, not a fact
        "It took the film five days to reach $1 billion.",  # the period of the amount
        "Vellmar Rovers will play the five year olds' final.",  # no deal after it
    ],
)
def test_a_duration_that_is_a_period_is_no_claim(text: str) -> None:
    rs = _ruleset()
    doc = parse_document("source0.md", "---\ndate: 2024-05-02\n---\n\n" + text, rs.boilerplate)
    report = analyse([doc], rs)
    assert not [c for c in report.claims if c.dimension == "duration"]


@pytest.mark.parametrize(
    ("text", "number", "total"),
    [
        ("Halvorsen and Kolvar will invest a combined $45 billion in the port.", "$45 billion", True),
        (
            "The vote would double its total of seats in the chamber and hand the Liberal bloc a majority of 58.",
            "58",
            False,
        ),
        (
            "Under the agreement Kolvar will take over Marsden for $31.75 a share, a total value of $9 billion.",
            "$31.75",
            False,
        ),
        (
            "Under the agreement Kolvar will take over Marsden for $31.75 a share, a total value of $9 billion.",
            "$9 billion",
            True,
        ),
    ],
)
def test_a_total_word_belongs_to_the_number_near_it(text: str, number: str, total: bool) -> None:
    assert _claim(text, number).total is total


@pytest.mark.parametrize(
    ("text", "number", "per"),
    [
        ("Kolvar pays an annual fee of €30m to the league.", "€30m", "year"),
        ("The contract is worth €30m annually to Kolvar.", "€30m", "year"),
        # a salary or a revenue is a year's anyway: "a year" adds nothing to its basis
        ("Kolvar will earn an annual salary of €30m at the club.", "€30m", None),
        ("The deal is worth 30 million euros (USD 35.5 million) a year to Kolvar.", "30 million euros", "year"),
        ("Kolvar signed for a fee of €222m, the club said.", "€222m", None),
        ("Kolvar published its annual report, showing revenue of $2 billion.", "$2 billion", None),
    ],
    ids=[
        "annual-before",
        "annually-after",
        "a-yearly-metric",
        "after-a-bracketed-equivalent",
        "a-fee-is-no-rate",
        "annual-report",
    ],
)
def test_a_yearly_rate(text: str, number: str, per: str | None) -> None:
    assert _claim(text, number).per == per
