"""The case table for tests/extract/test_quantities.py: invented news sentences and every quantity they state.

Each case lists *all* quantities the sentence should yield, in order; a case with none is a negative.
`X` is an exact amount, `H` a hedged one, `R` a range, `V` a vague order of magnitude, `D` a date. What the text
states around a number (`Quantity.stated_value`, `stated_unit`, `change`, `concept`) is checked where a case
gives it: `X(...).says(stated=(40, "yard"), change="up", concept="seats")`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

CURRENCIES = {
    "USD", "EUR", "GBP", "JPY", "CHF", "INR", "AUD", "HKD", "CNY", "CAD", "MYR", "SGD", "NZD", "BTC", "TRY", "EGP",
    "KWD", "ILS", "SAR", "MXN", "THB", "PLN", "ZAR",
}  # fmt: skip
DIMENSIONS = {
    "W": "power",
    "Wh": "energy",
    "percent": "percent",
    "percentage_point": "percentage_point",
    "count": "count",
    "year": "duration",
    "fraction": "fraction",
    "multiple": "multiple",
    "date": "date",
    "metre": "distance",
    "square_metre": "area",
    "kilogram": "mass",
    "litre": "volume",
    "metre_per_second": "speed",
    "degree_Celsius": "temperature",
    "byte": "data",
    "bit_per_second": "data_rate",
    "magnitude": "magnitude",
    "Hz": "frequency",
    "V": "voltage",
    "Ah": "charge",
}


UNCHECKED: Any = object()  # a field the case does not state


@dataclass(frozen=True)
class Expect:
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str = "exact"
    noun: str | None = None
    date: dict[str, Any] = field(default_factory=dict)
    stated_value: Any = UNCHECKED
    stated_unit: Any = UNCHECKED
    change: Any = UNCHECKED
    concept: Any = UNCHECKED

    @property
    def dimension(self) -> str:
        return "currency" if self.unit in CURRENCIES else DIMENSIONS[self.unit]

    def says(
        self,
        stated: tuple[float | None, str | None] | Any = UNCHECKED,
        change: Any = UNCHECKED,
        concept: Any = UNCHECKED,
    ) -> Expect:
        """The same quantity, with what the text states around it: the number and unit as written, the
        direction of a change (None: none), the concept it measures."""
        sv, su = stated if stated is not UNCHECKED else (UNCHECKED, UNCHECKED)
        return replace(self, stated_value=sv, stated_unit=su, change=change, concept=concept)


def X(text: str, value: float, unit: str, noun: str | None = None) -> Expect:
    """An exact amount: low = high = value."""
    return Expect(text, value, value, value, unit, "exact", noun)


def H(
    text: str,
    value: float,
    unit: str,
    qualifier: str,
    low: float | None,
    high: float | None,
    noun: str | None = None,
) -> Expect:
    """A hedged amount with its interval."""
    return Expect(text, value, low, high, unit, qualifier, noun)


def R(text: str, low: float, high: float, unit: str, noun: str | None = None) -> Expect:
    """A range: value is the midpoint."""
    return Expect(text, (low + high) / 2, low, high, unit, "range", noun)


def V(text: str, low: float, high: float | None, unit: str, noun: str | None = None) -> Expect:
    """A vague order of magnitude: no value."""
    return Expect(text, None, low, high, unit, "vague", noun)


def D(text: str, **parts: Any) -> Expect:
    """A date or period: DateParts fields that are set."""
    return Expect(text, None, None, None, "date", "exact", None, parts)


def case(text: str, *expected: Expect, xfail: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(expected), id=text[:60], marks=marks)


B = 1e9
M = 1e6
T = 1e12
THIRD = 1 / 3

MONEY = [
    case("Acme raised $45 million in a Series B round led by a growth fund.", X("$45 million", 45 * M, "USD")),
    case("The chipmaker agreed to buy its rival for $10 billion in cash.", X("$10 billion", 10 * B, "USD")),
    case(
        "Brussels fined the search company €4.3 billion over its mobile practices.",
        X("€4.3 billion", 4.3 * B, "EUR"),
    ),
    case("The pension fund holds US$5bn in green bonds.", X("US$5bn", 5 * B, "USD")),
    case("The app studio was sold for $15m to a rival.", X("$15m", 15 * M, "USD")),
    case("The government plans to borrow £1.2tn over the decade.", X("£1.2tn", 1.2 * T, "GBP")),
    case("Investors poured 5 billion dollars into battery startups.", X("5 billion dollars", 5 * B, "USD")),
    case("The bank arranged a USD 5 billion syndicated loan.", X("USD 5 billion", 5 * B, "USD")),
    case("The infrastructure fund closed at 5 billion USD.", X("5 billion USD", 5 * B, "USD")),
    case("Revenue reached USD34.6 million in the quarter.", X("USD34.6 million", 34.6 * M, "USD")),
    case("Microsoft announced a $10 billion partnership with the lab.", X("$10 billion", 10 * B, "USD")),
    case("The fine (€4.3 billion) was the largest ever imposed.", X("€4.3 billion", 4.3 * B, "EUR")),
    case(
        "The merger is valued at $20-25 billion, people familiar said.",
        R("$20-25 billion", 20 * B, 25 * B, "USD"),
    ),
    case(
        "Each gigawatt of capacity costs $20 billion to $25 billion to build.",
        R("$20 billion to $25 billion", 20 * B, 25 * B, "USD"),
    ),
    case("The state lender will inject 5,000 crore into rural banks."),
    case("The ministry set aside Rs 5,000 crore for the scheme.", X("Rs 5,000 crore", 5e10, "INR")),  # once skipped
    case("Tickets cost $10 at the door.", X("$10", 10, "USD")),
    case("The retailer paid ¥300 billion for the convenience chain.", X("¥300 billion", 300 * B, "JPY")),
    case("The rail tunnel cost CHF 12 billion.", X("CHF 12 billion", 12 * B, "CHF")),
    case("The club agreed a fee of £85m for the striker.", X("£85m", 85 * M, "GBP")),
    case("The index provider is now worth $1.2 trillion.", X("$1.2 trillion", 1.2 * T, "USD")),
    case("The relief package totals 900 billion euros.", X("900 billion euros", 900 * B, "EUR")),
    case("The charity raised 2 million pounds for the hospital.", X("2 million pounds", 2 * M, "GBP")),
    case("The budget includes 110 trillion yen in spending.", X("110 trillion yen", 110 * T, "JPY")),
    case(
        "Nvidia will invest up to $10 billion in the startup.",
        H("up to $10 billion", 10 * B, "USD", "up_to", 0, 10 * B),
    ),
    case("Up to $5 billion could flow to the project.", H("Up to $5 billion", 5 * B, "USD", "up_to", 0, 5 * B)),
    case(
        "The company spent about $5 billion on data centres.",
        H("about $5 billion", 5 * B, "USD", "approx", 4.5 * B, 5.5 * B),
    ),
    case(
        "Analysts expect roughly $3.2bn in annual sales.",
        H("roughly $3.2bn", 3.2 * B, "USD", "approx", 2.88 * B, 3.52 * B),
    ),
    case(
        "The licensing deal is potentially worth $2 billion.",
        H("potentially worth $2 billion", 2 * B, "USD", "potential", 0, 2 * B),
    ),
    case(
        "The contract could be worth $900 million over ten years.",
        H("could be worth $900 million", 900 * M, "USD", "potential", 0, 900 * M),
        X("ten years", 10, "year"),
    ),
    case(
        "The project may be worth as much as $4 billion.",
        H("as much as $4 billion", 4 * B, "USD", "up_to", 0, 4 * B),
    ),
    case(
        "It raised more than $300 million from investors.",
        H("more than $300 million", 300 * M, "USD", "over", 300 * M, None),
    ),
    case(
        "The film earned less than $50 million at the box office.",
        H("less than $50 million", 50 * M, "USD", "under", 0, 50 * M),
    ),
    case(
        "The insurer faces claims of at least $8 billion.",
        H("at least $8 billion", 8 * B, "USD", "at_least", 8 * B, None),
    ),
    case(
        "The city budget is nearly $12 billion.",
        H("nearly $12 billion", 12 * B, "USD", "approx", 10.8 * B, 12 * B),
    ),
    case("The carmaker lost almost €1 billion.", H("almost €1 billion", 1 * B, "EUR", "approx", 0.9 * B, 1 * B)),
    case(
        "The airline will spend some $7 billion on new jets.",
        H("some $7 billion", 7 * B, "USD", "approx", 6.3 * B, 7.7 * B),
    ),
    case("Bids came in north of $40 billion.", H("north of $40 billion", 40 * B, "USD", "over", 40 * B, None)),
    case(
        "The settlement was in excess of $1.5 billion.",
        H("in excess of $1.5 billion", 1.5 * B, "USD", "over", 1.5 * B, None),
    ),
    case(
        "Fees of no more than $2 million apply.",
        H("no more than $2 million", 2 * M, "USD", "up_to", 0, 2 * M),
    ),
    case(
        "Repairs ran to an estimated $3 billion.",
        H("an estimated $3 billion", 3 * B, "USD", "approx", 2.7 * B, 3.3 * B),
    ),
    case(
        "The wealth fund committed $1.5 billion or more to the effort.",
        H("$1.5 billion or more", 1.5 * B, "USD", "at_least", 1.5 * B, None),
    ),
    # "plus" before another amount adds to it, it does not bound the first
    case(
        "The club will pay £100m plus £16m in add-ons.",
        X("£100m", 100 * M, "GBP"),
        X("£16m", 16 * M, "GBP"),
    ),
    case(
        "Bonuses between $1 million and $2 million were paid.",
        R("between $1 million and $2 million", 1 * M, 2 * M, "USD"),
    ),
    case(
        "The stadium will cost between $1.1 billion and $1.4 billion.",
        R("between $1.1 billion and $1.4 billion", 1.1 * B, 1.4 * B, "USD"),
    ),
    case("Offers ranged from $20 to $30 per share.", R("from $20 to $30", 20, 30, "USD")),
    case(
        "Investors expect tens of billions of dollars in spending.",
        V("tens of billions of dollars", 10 * B, 100 * B, "USD"),
    ),
    case("The programme will cost hundreds of millions.", V("hundreds of millions", 100 * M, 1000 * M, "count")),
    case(
        "Hundreds of millions of dollars were lost to fraud.",
        V("Hundreds of millions of dollars", 100 * M, 1000 * M, "USD"),
    ),
    case("The firm announced a multi-billion investment plan."),
    case("Billions were wiped off the market on Monday."),
    case("The tech giant pledged a billion dollars to the fund.", X("a billion dollars", 1 * B, "USD")),
    case("A $2 billion bond sale priced on Tuesday.", X("$2 billion", 2 * B, "USD")),
    case("The company raised $1.25bn from sovereign funds.", X("$1.25bn", 1.25 * B, "USD")),
    case("Revenue was $5 billion USD for the year.", X("$5 billion USD", 5 * B, "USD")),
    case("The council approved a 5-billion-dollar flood plan.", X("5-billion-dollar", 5 * B, "USD")),
    case(
        "The bank paid $2.5 million, or about €2.3 million, in fines.",
        X("$2.5 million", 2.5 * M, "USD"),
        H("about €2.3 million", 2.3 * M, "EUR", "approx", 2.07 * M, 2.53 * M),
    ),
    case("The seed round reached $300k.", X("$300k", 300_000, "USD")),
    case("The token fell to $0.35 overnight.", X("$0.35", 0.35, "USD")),
    case("The miner earned A$500 million in profit.", X("A$500 million", 500 * M, "AUD")),
    case("The developer sold the tower for HK$2 billion.", X("HK$2 billion", 2 * B, "HKD")),
    case("UP TO $10 BILLION could be committed.", H("UP TO $10 BILLION", 10 * B, "USD", "up_to", 0, 10 * B)),
    case("The lab signed a $30 billion commitment to buy cloud capacity.", X("$30 billion", 30 * B, "USD")),
    case(
        "The council will spend two hundred million dollars on roads.",
        X("two hundred million dollars", 200 * M, "USD"),
    ),
    case("The startup was valued at half a billion dollars.", X("half a billion dollars", 0.5 * B, "USD")),
    case(
        "Savings of one and a half billion dollars are expected.",
        X("one and a half billion dollars", 1.5 * B, "USD"),
    ),
    case("Total funding now stands at $6.6bn, the filing shows.", X("$6.6bn", 6.6 * B, "USD")),
    case("The utility will spend $1-2 billion upgrading lines.", R("$1-2 billion", 1 * B, 2 * B, "USD")),
    case("The yuan loan of 20 billion yuan was approved.", X("20 billion yuan", 20 * B, "CNY")),
    case("The fund invested ₹8,000 per farmer.", X("₹8,000", 8000, "INR")),
    case(
        "Profits were $3.4 billion (€3.1 billion) in the period.",
        X("$3.4 billion", 3.4 * B, "USD"),
        X("€3.1 billion", 3.1 * B, "EUR"),
    ),
    case("The budget was cut by $500,000.", X("$500,000", 500_000, "USD")),
    case("Shares were priced at $42 each.", X("$42", 42, "USD")),
    case(
        "The club's wage bill is close to £200m.",
        H("close to £200m", 200 * M, "GBP", "approx", 180 * M, 220 * M),
    ),
    case("The grant is worth under $1 million.", H("under $1 million", 1 * M, "USD", "under", 0, 1 * M)),
    case(
        "Sales could total $8 billion next year.",
        H("could total $8 billion", 8 * B, "USD", "potential", 0, 8 * B),
        D("next year", relative="next year"),
    ),
]

POWER = [
    case("The data centre will draw 1 gigawatt of power.", X("1 gigawatt", 1e9, "W")),
    case(
        'The lab plans to contract compute "up to one gigawatt" of capacity.',
        H("up to one gigawatt", 1e9, "W", "up_to", 0, 1e9),
    ),
    case("The campus needs one gigawatt at full build-out.", X("one gigawatt", 1e9, "W")),
    case("The utility commissioned 4.5 gigawatts of offshore wind.", X("4.5 gigawatts", 4.5e9, "W")),
    case("A 300 MW solar farm opened in the desert.", X("300 MW", 3e8, "W")),
    case("The battery stores 1,200 MWh of energy.", X("1,200 MWh", 1.2e9, "Wh")),
    case("The country consumed 250 TWh of electricity.", X("250 TWh", 2.5e14, "Wh")),
    case("The plant produces 500 kW at peak.", X("500 kW", 5e5, "W")),
    case("Each turbine is rated at 15MW.", X("15MW", 1.5e7, "W")),
    case("The grid lost 2 GW during the heatwave.", X("2 GW", 2e9, "W")),
    case("Rooftop panels supply 9,000 kWh a year.", X("9,000 kWh", 9e6, "Wh")),
    case(
        "The reactor will generate about 1.1 gigawatts.",
        H("about 1.1 gigawatts", 1.1e9, "W", "approx", 0.99e9, 1.21e9),
    ),
    case("Capacity could reach 3-5 GW by 2030.", R("3-5 GW", 3e9, 5e9, "W"), D("2030", year=2030)),
    case("The site needs two gigawatts of firm power.", X("two gigawatts", 2e9, "W")),
    case("The startup's reactor targets 50 megawatts.", X("50 megawatts", 5e7, "W")),
    case("The campus will draw more than 1.5 GW.", H("more than 1.5 GW", 1.5e9, "W", "over", 1.5e9, None)),
    case("Storage capacity hit 40 gigawatt-hours.", X("40 gigawatt-hours", 4e10, "Wh")),
    case(
        "Households use around 10 kilowatt-hours per day.",
        H("around 10 kilowatt-hours", 1e4, "Wh", "approx", 9e3, 1.1e4),
    ),
    case("The heat pump draws 3 kW when running.", X("3 kW", 3e3, "W")),
    case("A 2 GWh battery was switched on.", X("2 GWh", 2e9, "Wh")),
    case("The smelter uses 600 megawatts, as much as a city.", X("600 megawatts", 6e8, "W")),
    case(
        "The wind farm's 1.4GW output powers a million homes.",
        X("1.4GW", 1.4e9, "W"),
        X("a million homes", 1e6, "count", "homes"),
    ),
    case("Output ranged from 20 to 30 MW.", R("from 20 to 30 MW", 2e7, 3e7, "W")),
    case("The chip draws 700 W under load.", X("700 W", 700, "W")),
    case("The hydro dam supplies 11 TWh a year.", X("11 TWh", 1.1e13, "Wh")),
]

PERCENT = [
    case("Shares fell 12% in early trading.", X("12%", 12, "percent")),
    case("Turnout was 12 percent higher than in the last vote.", X("12 percent", 12, "percent")),
    case("Unemployment rose to 4.5 per cent.", X("4.5 per cent", 4.5, "percent")),
    case("The party gained 3 percentage points.", X("3 percentage points", 3, "percentage_point")),
    case("The central bank cut rates by 50 basis points.", X("50 basis points", 0.5, "percentage_point")),
    case("Yields rose 25 bps on the day.", X("25 bps", 0.25, "percentage_point")),
    case("About 40% of respondents approved.", H("About 40%", 40, "percent", "approx", 36, 44)),
    case("Nearly 60 percent of households own a car.", H("Nearly 60 percent", 60, "percent", "approx", 54, 60)),
    case("The poll found 52% back the plan.", X("52%", 52, "percent")),
    case("Inflation eased to 2,5 % in the euro area.", X("2,5 %", 2.5, "percent")),
    case("Growth of 20-25% is expected.", R("20-25%", 20, 25, "percent")),
    case("Margins could improve by 20 to 25 percent.", R("20 to 25 percent", 20, 25, "percent")),
    case("Up to 30% of staff could be affected.", H("Up to 30%", 30, "percent", "up_to", 0, 30)),
    case("Less than 1% of funds reached farmers.", H("Less than 1%", 1, "percent", "under", 0, 1)),
    case("The stock jumped 150% after the listing.", X("150%", 150, "percent")),
    case("Sales grew 7.25 percent in the quarter.", X("7.25 percent", 7.25, "percent")),
    case("The tax rate is 21 pct for most firms.", X("21 pct", 21, "percent")),
    case(
        "The bond yields ~4.2% today.", H("~4.2%", 4.2, "percent", "approx", 3.78, 4.62), D("today", relative="today")
    ),
    case("Rates were held between 5.25% and 5.5%.", R("between 5.25% and 5.5%", 5.25, 5.5, "percent")),
    case("At least 10% of the budget goes to defence.", H("At least 10%", 10, "percent", "at_least", 10, None)),
    case("It was a 0.75 percentage point increase.", X("0.75 percentage point", 0.75, "percentage_point")),
    case("Fewer than 5% of applicants succeed.", H("Fewer than 5%", 5, "percent", "under", 0, 5)),
    case("Rent rose 12.5%, the statistics office said.", X("12.5%", 12.5, "percent")),
    case("Support dropped by 4 pp in a month.", X("4 pp", 4, "percentage_point")),
    case("The lender raised its rate by 75bps.", X("75bps", 0.75, "percentage_point")),
    case(
        "Approval stood at roughly 45 per cent.",
        H("roughly 45 per cent", 45, "percent", "approx", 40.5, 49.5),
    ),
    case("More than 90% of the grid is renewable.", H("More than 90%", 90, "percent", "over", 90, None)),
    case("Costs rose 3.2% and wages 4.1%.", X("3.2%", 3.2, "percent"), X("4.1%", 4.1, "percent")),
    case("The index gained 1%[4] in the session.", X("1%", 1, "percent")),
    case("Two percent of the vote went to minor parties.", X("Two percent", 2, "percent")),
]

COUNTS = [
    case(
        "The platform hosts more than 11,000 AI models.",
        H("more than 11,000 AI models", 11000, "count", "over", 11000, None, noun="AI models"),
    ),
    case("The service has 15 million paid users.", X("15 million paid users", 15 * M, "count", "paid users")),
    case("The carmaker will cut 3,000 jobs.", X("3,000 jobs", 3000, "count", "jobs")),
    case(
        "About 62,000 fans attended the final.",
        H("About 62,000 fans", 62000, "count", "approx", 55800, 68200, noun="fans"),
    ),
    case("The storm damaged 11\u00a0000 homes.", X("11\u00a0000 homes", 11000, "count", "homes")),
    case("The flood displaced 11\u2009000 families.", X("11\u2009000 families", 11000, "count", "families")),
    case(
        "The hurricane killed at least 250 people.",
        H("at least 250 people", 250, "count", "at_least", 250, None, noun="people"),
    ),
    case(
        "Officials evacuated some 40,000 residents.",
        H("some 40,000 residents", 40000, "count", "approx", 36000, 44000, noun="residents"),
    ),
    case(
        "The earthquake left 1.2 million people homeless.",
        X("1.2 million people", 1.2 * M, "count", "people"),
    ),
    case("The new stadium will seat 60,000 spectators.", X("60,000 spectators", 60000, "count", "spectators")),
    case(
        "The app has 300 million monthly active users.",
        X("300 million monthly active users", 300 * M, "count", "monthly active users"),
    ),
    case("The company employs 4,500 engineers in Europe.", X("4,500 engineers", 4500, "count", "engineers")),
    # counts in words (once left out: "three companies" was not a count)
    case("Three companies bid for the contract.", X("Three companies", 3, "count", "companies")),
    case("One invoice covers all AI services."),
    case("The airline ordered 50 aircraft from the planemaker.", X("50 aircraft", 50, "count", "aircraft")),
    case(
        "The firm shipped 2.5 million units last quarter.",
        X("2.5 million units", 2.5 * M, "count", "units"),
        D("last quarter", relative="last quarter"),
    ),
    case("A million users signed up in a week.", X("A million users", 1 * M, "count", "users")),
    case("The chain operates 1,500 stores.", X("1,500 stores", 1500, "count", "stores")),
    case("The survey polled 2,004 adults.", X("2,004 adults", 2004, "count", "adults")),
    case(
        "Fewer than 100 employees remain at the plant.",
        H("Fewer than 100 employees", 100, "count", "under", 0, 100, noun="employees"),
    ),
    case(
        "The park drew upwards of 3 million visitors.",
        H("upwards of 3 million visitors", 3 * M, "count", "over", 3 * M, None, noun="visitors"),
    ),
    case(
        "Over 200 flights were cancelled.",
        H("Over 200 flights", 200, "count", "over", 200, None, noun="flights"),
    ),
    case(
        "The bill affects 20-30 million households.",
        R("20-30 million households", 20 * M, 30 * M, "count", noun="households"),
    ),
    case(
        "Between 2,000 and 3,000 workers went on strike.",
        R("Between 2,000 and 3,000 workers", 2000, 3000, "count", noun="workers"),
    ),
    case("The network added 500k subscribers.", X("500k subscribers", 500_000, "count", "subscribers")),
    case(
        "The company has 10,000-plus employees.",
        H("10,000-plus employees", 10000, "count", "at_least", 10000, None, noun="employees"),
    ),
    case(
        "Researchers found 500+ vulnerabilities.",
        H("500+ vulnerabilities", 500, "count", "at_least", 500, None, noun="vulnerabilities"),
    ),
    case("Thousands of workers marched on parliament.", V("Thousands of workers", 1e3, 1e6, "count", "workers")),
    case(
        "Tens of thousands of protesters gathered.",
        V("Tens of thousands of protesters", 1e4, 1e5, "count", "protesters"),
    ),
    case("Dozens of startups applied for the grant.", V("Dozens of startups", 24, 144, "count", "startups")),
    case("The festival sold 85,000 tickets.", X("85,000 tickets", 85000, "count", "tickets")),
    case("Police arrested 12 people after the match.", X("12 people", 12, "count", "people")),
    case("Three people were hurt in the blast.", X("Three people", 3, "count", "people")),
    case("The bank has 7,000 branches worldwide.", X("7,000 branches", 7000, "count", "branches")),
    case("The model was trained on 15 trillion tokens.", X("15 trillion tokens", 15 * T, "count", "tokens")),
    case("The vaccine reached 1.5bn people.", X("1.5bn people", 1.5 * B, "count", "people")),
    case("It runs 4 data centers in Ohio.", X("4 data centers", 4, "count", "data centers")),
    case(
        "Roughly 1,000 drones were launched overnight.",
        H("Roughly 1,000 drones", 1000, "count", "approx", 900, 1100, noun="drones"),
    ),
    case("The tournament features 48 teams.", X("48 teams", 48, "count", "teams")),
    case("Fifteen million users upgraded.", X("Fifteen million users", 15 * M, "count", "users")),
    case("A billion people lack clean cooking fuel.", X("A billion people", 1 * B, "count", "people")),
    case("Twenty-five companies signed the pledge.", X("Twenty-five companies", 25, "count", "companies")),
    case("The firm hired a dozen lawyers.", X("a dozen lawyers", 12, "count", "lawyers")),
    case("The outage hit 3,400¹ customers.", X("3,400¹ customers", 3400, "count", "customers")),
    case(
        "The wildfire destroyed 1,300 buildings and 40 vehicles.",
        X("1,300 buildings", 1300, "count", "buildings"),
        X("40 vehicles", 40, "count", "vehicles"),
    ),
    case(
        "The port handled 8.9 million containers.",
        X("8.9 million containers", 8.9 * M, "count", "containers"),
    ),
    case(
        "As many as 5,000 jobs could go.",
        H("As many as 5,000 jobs", 5000, "count", "up_to", 0, 5000, noun="jobs"),
    ),
    case("The petition gathered 250,000 signatures.", X("250,000 signatures", 250000, "count", "signatures")),
    case(
        "The lab trained 500 or more models.",
        H("500 or more models", 500, "count", "at_least", 500, None, noun="models"),
    ),
    case("The union represents 30,000 nurses, it said.", X("30,000 nurses", 30000, "count", "nurses")),
    case("She said 300 of them were new."),
    case("The answer is 42."),
    case("Millions of users lost access.", V("Millions of users", 1e6, 1e9, "count", "users")),
    case("Only 12 seats changed hands.", X("12 seats", 12, "count", "seats")),
    case("The fleet has 1,100 Tesla vehicles.", X("1,100 Tesla vehicles", 1100, "count", "Tesla vehicles")),
    case("The 2024-25 season drew 2.1 million fans.", X("2.1 million fans", 2.1 * M, "count", "fans")),
]

FRACTIONS = [
    case("The model runs at ~1/3 of the cost.", H("~1/3", THIRD, "fraction", "approx", 0.3, 1.1 * THIRD)),
    case("Just 1/4 of the budget was spent.", X("1/4", 0.25, "fraction")),
    case(
        "About a third of adults use the app.",
        H("About a third", THIRD, "fraction", "approx", 0.9 * THIRD, 1.1 * THIRD),
    ),
    case("Two-thirds of members voted yes.", X("Two-thirds", 2 * THIRD, "fraction")),
    case("Half of the staff work remotely.", X("Half", 0.5, "fraction")),
    case("More than half the fleet is grounded.", H("More than half", 0.5, "fraction", "over", 0.5, None)),
    case("Three quarters of respondents agreed.", X("Three quarters", 0.75, "fraction")),
    case("One-fifth of the forest burned.", X("One-fifth", 0.2, "fraction")),
    case("The hearing is on 3/4/2025."),
    case("The home side won 3-1."),
    case("The help desk is open 24/7."),
    case("A third company joined the bid."),
    case(
        "Nearly two-thirds of voters backed the measure.",
        H("Nearly two-thirds", 2 * THIRD, "fraction", "approx", 0.6, 2 * THIRD),
    ),
    case(
        "Roughly a quarter of the workforce is remote.",
        H("Roughly a quarter", 0.25, "fraction", "approx", 0.225, 0.275),
    ),
    case("The team played three quarters in the rain."),
    case("Almost half of firms plan layoffs.", H("Almost half", 0.5, "fraction", "approx", 0.45, 0.5)),
    case("Sales fell by one-third.", X("one-third", THIRD, "fraction")),
    case("The score ended 50/50 on penalties."),
]

MULTIPLES = [
    case(
        "Demand is three times higher than last year.",
        X("three times", 3, "multiple"),
        D("last year", relative="last year"),
    ),
    case("The new chip is 2x faster.", X("2x", 2, "multiple")),
    case("Revenue tripled in a year.", X("tripled", 3, "multiple")),
    case("Costs rose 10x in a decade.", X("10x", 10, "multiple")),
    case("The model is 4.5 times larger.", X("4.5 times", 4.5, "multiple")),
    case("Output doubled after the upgrade.", X("doubled", 2, "multiple")),
    case("Prices are nearly five times higher.", H("nearly five times", 5, "multiple", "approx", 4.5, 5)),
    case("The stock has risen 20-fold since listing.", X("20-fold", 20, "multiple")),
]

DURATIONS = [
    case("The contract runs for seven years.", X("seven years", 7, "year")),
    case("It grants a five-year period of exclusivity.", X("five-year", 5, "year")),
    case("The project took 18 months.", X("18 months", 1.5, "year")),
    case("Costs grew over the past two years.", X("two years", 2, "year")),
    case("The warranty lasts 10 years.", X("10 years", 10, "year")),
    case("The club signed a 10-year deal.", X("10-year", 10, "year")),
    case("The trial lasted 6 weeks.", X("6 weeks", 6 / 52, "year")),
    case("The strike ended after 30 days.", X("30 days", 30 / 365, "year")),
    case("Construction will take about three years.", H("about three years", 3, "year", "approx", 2.7, 3.3)),
    case("The technology matured over two decades.", X("two decades", 20, "year")),
    case(
        "The firm will invest $10 billion over five years.",
        X("$10 billion", 10 * B, "USD"),
        X("five years", 5, "year"),
    ),
    case("Payback is expected within three to five years.", R("three to five years", 3, 5, "year")),
    case("The delay lasted more than 18 months.", H("more than 18 months", 1.5, "year", "over", 1.5, None)),
    case("The lease runs for 99 years.", X("99 years", 99, "year")),
    case("The visa is valid for 90 days.", X("90 days", 90 / 365, "year")),
    case("The program lasts two to three months.", R("two to three months", 2 / 12, 3 / 12, "year")),
]

DATES = [
    case(
        "On November 18, 2025, the companies announced the deal.",
        D("November 18, 2025", year=2025, month=11, day=18),
    ),
    case("The deal closed on 18 November 2025.", D("18 November 2025", year=2025, month=11, day=18)),
    case("The filing is dated 2025-11-18.", D("2025-11-18", year=2025, month=11, day=18)),
    case("The launch is planned for March 2026.", D("March 2026", year=2026, month=3)),
    case("The merger closed in September.", D("September", month=9)),
    case("The firm was founded in 2016.", D("2016", year=2016)),
    case("Sales have grown since 2019.", D("2019", year=2019)),
    case("Revenue for Q2 2025 rose sharply.", D("Q2 2025", year=2025, quarter=2)),
    case("Guidance for Q2 FY2026 was raised.", D("Q2 FY2026", year=2026, quarter=2, fiscal=True)),
    case("FY2026 results beat forecasts.", D("FY2026", year=2026, fiscal=True)),
    case("Margins will recover in fiscal 2026.", D("fiscal 2026", year=2026, fiscal=True)),
    case(
        "The company said earlier this year it would expand.",
        D("earlier this year", relative="earlier this year"),
    ),
    case("The plant closed last month.", D("last month", relative="last month")),
    case("The ministry confirmed the plan last week.", D("last week", relative="last week")),
    case("The regulator may act on the complaint."),
    case("Officials said in May that talks had stalled.", D("May", month=5)),
    case("The vote is set for May 5, 2026.", D("May 5, 2026", year=2026, month=5, day=5)),
    case("Payments resume by mid-2026.", D("2026", year=2026)),
    case("Profit fell in the third quarter of 2025.", D("third quarter of 2025", year=2025, quarter=3)),
    case("Profit fell in the third quarter."),
    case(
        "The first quarter of fiscal 2026 was strong.",
        D("first quarter of fiscal 2026", year=2026, quarter=1, fiscal=True),
    ),
    case("The hearing is on Jan. 15, 2026.", D("Jan. 15, 2026", year=2026, month=1, day=15)),
    case("Shipments start in Sept 2025.", D("Sept 2025", year=2025, month=9)),
    case("The company reports in Q4.", D("Q4", quarter=4)),
    case("2025 was a record year for deals."),
    case("The plan runs until 2030.", D("2030", year=2030)),
    case("A $10 fee applies.", X("$10", 10, "USD")),
    case("Turnout in the 2024 election was high."),
    case("FY26 guidance was cut.", D("FY26", year=2026, fiscal=True)),
    case("Sales in Q3'24 were flat.", D("Q3'24", year=2024, quarter=3)),
    case("The fab opens in late 2025.", D("2025", year=2025)),
    case("Prices peaked in December 2024.", D("December 2024", year=2024, month=12)),
    case("The talks began on March 3.", D("March 3", month=3, day=3)),
    case("The deal was signed on 5th May 2025.", D("5th May 2025", year=2025, month=5, day=5)),
    case("The march on May Day drew crowds."),
    case("Apollo 11 landed in 1969.", D("1969", year=1969)),
]

NOT_QUANTITIES = [
    case("The update ships with Windows 11."),
    case("GPT-4o and GPT-5.4 are both supported."),
    case(
        "Claude Opus 4.1 and Sonnet 4.5 are available today.", D("today", relative="today")
    ),  # "today": a relative date
    case("Gemini 2.5 Pro tops the leaderboard."),
    case("The iPhone 16 goes on sale on Friday."),
    case("The library requires Python 3.12."),
    case("MAI-1 is the lab's first in-house model."),
    case("Microsoft 365 subscribers get the assistant."),
    case("Microsoft 365"),
    case("An Office 365 outage hit users."),
    case("Formula 1 returns to the desert."),
    case("COVID-19 cases fell sharply."),
    case("The Boeing 737 fleet returned to service."),
    case("The airline took delivery of an A320."),
    case("1. Unified procurement"),
    case("### 2. Pricing and billing"),
    case("- 3) Support for legacy systems"),
    case("Call +1 415 555 0132 for details."),
    case("Reach the desk at (212) 555-0199."),
    case("Call the newsroom at 555-201-3344."),
    case("Send letters to 1 Main St, Palo Alto, CA 94301."),
    case("The book (ISBN 978-0-306-40615-7) is out now."),
    case("The briefing starts at 10:30."),
    case("Markets open at 9 a.m. in New York."),
    case("As shown in the filing [3], terms were private."),
    case("The company filed for Chapter 11 protection."),
    case("Users of version 2 must upgrade."),
    case("The firm unveiled its 5G modem."),
    case("She finished 2nd in the race."),
    case("Details are on page 14 of the report."),
    case("The brand is No. 1 in its category."),
    case("The app ranked #3 in the store."),
    case("Read more at https://example.com/2025/11/18/report-300-users."),
    case("The score was 2-2 at halftime."),
    case("Route 66 attracts tourists."),
    case("She spoke at 3:15 p.m. on the steps."),
    case("The ratio was 3:1 in favour."),
    case("Version 3.1.4 fixed the bug."),
    case("The Galaxy S24 launched in stores."),
    case("Press the 3D button to continue."),
    case("Windows 11 users can update now."),
    case("The Category 5 storm hit land."),
    case("Write to press@example.com for comment."),
    case("The firm's Llama 3 model is open."),
    case("It is the 21st edition of the show."),
    case("The route runs via 10115 Berlin."),
    case("Article 50 was triggered."),
]

PEERS = [
    case("(€4.3 billion)", X("€4.3 billion", 4.3 * B, "EUR")),
    case("a $10 billion partnership", X("$10 billion", 10 * B, "USD")),
    case("$20-25 billion", R("$20-25 billion", 20 * B, 25 * B, "USD")),
    case("about $5 billion", H("about $5 billion", 5 * B, "USD", "approx", 4.5 * B, 5.5 * B)),
    case("USD34.6 million", X("USD34.6 million", 34.6 * M, "USD")),
    case("$10", X("$10", 10, "USD")),
    case("may"),
]

SEPARATORS = [
    case("Prices rose 3–5% this year.", R("3–5%", 3, 5, "percent"), D("this year", relative="this year")),
    case("Bids of 10−15 billion euros arrived.", R("10−15 billion euros", 10 * B, 15 * B, "EUR")),
    case("The city licenses 11\u202f000 taxis.", X("11\u202f000 taxis", 11000, "count", "taxis")),
    case("Doors open at 9 a.m. on 12 May 2025.", D("12 May 2025", year=2025, month=5, day=12)),
    case("The group earned $5 billion² in 2024.", X("$5 billion", 5 * B, "USD"), D("2024", year=2024)),
    case("The tariff is 4,5 % for imports.", X("4,5 %", 4.5, "percent")),
    case(
        "In 2024,25 companies moved here.",
        D("2024", year=2024),
        X("25 companies", 25, "count", "companies"),
    ),
    case("In some 5G markets prices fell."),
]

FIXED_GAPS = [
    # once known gaps: a hedge makes a year-like number a count; headline verbs; glued -fold; year pairs
    case(
        "The union said up to 2000 workers may strike.",
        H("up to 2000 workers", 2000, "count", "up_to", 0, 2000, noun="workers"),
    ),
    case("Acme Hires 300 Engineers In Texas.", X("300 Engineers", 300, "count", "Engineers")),
    case("The firm reported a threefold rise.", X("threefold", 3, "multiple")),
    case("Prices rose between 2020 and 2025.", D("2020", year=2020), D("2025", year=2025)),
]

SQFT = 0.09290304
ACRE = 4046.8564224
MILE = 1609.344
LB = 0.45359237
BARREL = 158.987294928
GALLON = 3.785411784
MPH = 0.44704
KMH = 1 / 3.6

PHYSICAL = [
    # distance -> metre
    case("The pipeline will run 1,200 km across the steppe.", X("1,200 km", 1.2e6, "metre")),
    case("The storm's eye passed 40 miles offshore.", X("40 miles", 40 * MILE, "metre")),
    case("The new bridge spans 1.6 kilometres.", X("1.6 kilometres", 1600, "metre")),
    case("The tower rises 330 metres above the river.", X("330 metres", 330, "metre")),
    case("Delivery drones may fly at 400 feet.", X("400 feet", 400 * 0.3048, "metre")),
    case(
        "The trail climbs about 3,000 feet.",
        H("about 3,000 feet", 914.4, "metre", "approx", 822.96, 1005.84),
    ),
    case("Rainfall reached 250 mm in a day.", X("250 mm", 0.25, "metre")),
    case("Fog cut visibility to under 200 metres.", H("under 200 metres", 200, "metre", "under", 0, 200)),
    case("The exclusion zone extends 20-30 km from the plant.", R("20-30 km", 2e4, 3e4, "metre")),
    case("The tanker sank 12 nautical miles off the coast.", X("12 nautical miles", 12 * 1852, "metre")),
    case("Snow fell to a depth of 14 inches.", X("14 inches", 14 * 0.0254, "metre")),
    # area -> square_metre
    case("The solar park covers 2,000 acres.", X("2,000 acres", 2000 * ACRE, "square_metre")),
    case(
        "Kestrel leased a 250,000 square-foot warehouse.",
        X("250,000 square-foot", 250_000 * SQFT, "square_metre"),
    ),
    case(
        "Wildfires burned more than 40,000 hectares.",
        H("more than 40,000 hectares", 4e8, "square_metre", "over", 4e8, None),
    ),
    case("The campus spans 1.2 million sq ft.", X("1.2 million sq ft", 1.2e6 * SQFT, "square_metre")),
    case("The flat measures 85 square metres.", X("85 square metres", 85, "square_metre")),
    case("The flat measures 85m².", X("85m²", 85, "square_metre")),
    case(
        "The reserve protects 3,500 square kilometres of forest.",
        X("3,500 square kilometres", 3.5e9, "square_metre"),
    ),
    case(
        "The lake covers roughly 600 square miles.",
        H("roughly 600 square miles", 600 * MILE**2, "square_metre", "approx", 540 * MILE**2, 660 * MILE**2),
    ),
    case("A 500 ha estate changed hands.", X("500 ha", 5e6, "square_metre")),
    # mass -> kilogram
    case("Customs seized 2.5 tonnes of cocaine.", X("2.5 tonnes", 2500, "kilogram")),
    case("The mill produces 3 million tonnes of steel.", X("3 million tonnes", 3e9, "kilogram")),
    case("The satellite weighs 1,500 kg.", X("1,500 kg", 1500, "kilogram")),
    case("The lobster weighed 9 lb.", X("9 lb", 9 * LB, "kilogram")),
    case("The vault holds 8,000 tons of bullion.", X("8,000 tons", 8000 * 2000 * LB, "kilogram")),
    case("Bullion traded at $2,400 an ounce.", X("$2,400", 2400, "USD")),
    case("The mine produced 450,000 troy ounces.", X("450,000 troy ounces", 450_000 * 0.0311034768, "kilogram")),
    case("Each parcel must weigh under 20 kg.", H("under 20 kg", 20, "kilogram", "under", 0, 20)),
    # volume -> litre
    case("The field pumps 1.2 million barrels a day.", X("1.2 million barrels", 1.2e6 * BARREL, "litre")),
    case("The cartel cut output by 500,000 bbl.", X("500,000 bbl", 500_000 * BARREL, "litre")),
    case("The pipeline carries 55 bcm of gas a year.", X("55 bcm", 55e12, "litre")),
    case("The reservoir holds 40 billion cubic metres.", X("40 billion cubic metres", 4e13, "litre")),
    case("The plant uses 2 million gallons of water daily.", X("2 million gallons", 2e6 * GALLON, "litre")),
    case("Each bottle holds 500 ml.", X("500 ml", 0.5, "litre")),
    case("The tank holds 30,000 litres.", X("30,000 litres", 30000, "litre")),
    # speed -> metre_per_second
    case("Winds gusted to 120 mph.", X("120 mph", 120 * MPH, "metre_per_second")),
    case("The train reaches 350 km/h.", X("350 km/h", 350 * KMH, "metre_per_second")),
    case(
        "Gusts of up to 160 kilometres per hour were recorded.",
        H("up to 160 kilometres per hour", 160 * KMH, "metre_per_second", "up_to", 0, 160 * KMH),
    ),
    case("The ship cruised at 22 knots.", X("22 knots", 22 * 1852 / 3600, "metre_per_second")),
    # temperature -> degree_Celsius
    case("Temperatures hit 45°C in the capital.", X("45°C", 45, "degree_Celsius")),
    case("The city recorded 104°F on Tuesday.", X("104°F", 40, "degree_Celsius")),
    case("Forecasters expect highs of 38 degrees Celsius.", X("38 degrees Celsius", 38, "degree_Celsius")),
    case("Lows dropped to -10°C overnight.", X("-10°C", -10, "degree_Celsius")),
    case("The freezer runs at minus 18 degrees Celsius.", X("minus 18 degrees Celsius", -18, "degree_Celsius")),
    case("Temperatures of 20-25°C are ideal.", R("20-25°C", 20, 25, "degree_Celsius")),
    case("Water is cooled to 4 °C.", X("4 °C", 4, "degree_Celsius")),
    # data -> byte, data_rate -> bit_per_second
    case("The phone ships with 256GB of storage.", X("256GB", 256e9, "byte")),
    case("The model weights take up 140 GB.", X("140 GB", 1.4e11, "byte")),
    case("Hackers stole 1.2 terabytes of data.", X("1.2 terabytes", 1.2e12, "byte")),
    case("The archive holds 20 petabytes.", X("20 petabytes", 2e16, "byte")),
    case("The file is 700 MB.", X("700 MB", 7e8, "byte")),
    case("Fibre plans offer 1 Gbps.", X("1 Gbps", 1e9, "bit_per_second")),
    case("The upgrade lifts speeds to 500 Mbps.", X("500 Mbps", 5e8, "bit_per_second")),
    # earthquake magnitude
    case("A magnitude 7.1 earthquake struck off the coast.", X("magnitude 7.1", 7.1, "magnitude")),
    case("The 6.4-magnitude quake toppled buildings.", X("6.4-magnitude", 6.4, "magnitude")),
    case("A magnitude-5.8 tremor shook the capital.", X("magnitude-5.8", 5.8, "magnitude")),
    case("A 7.8 magnitude earthquake hit the region.", X("7.8 magnitude", 7.8, "magnitude")),
    case(
        "Aftershocks of up to magnitude 5 followed.",
        H("up to magnitude 5", 5, "magnitude", "up_to", 0, 5),
    ),
]

MONEY_MORE = [
    case("Kestrel raised US$120 million in fresh funding.", X("US$120 million", 1.2e8, "USD")),
    case("The fund manages A$3.4bn for retirees.", X("A$3.4bn", 3.4e9, "AUD")),
    case("The miner paid C$900 million for the stake.", X("C$900 million", 9e8, "CAD")),
    case(
        "Borealis will invest €1.5 billion ($1.6 billion) in Spain.",
        X("€1.5 billion", 1.5e9, "EUR"),
        X("$1.6 billion", 1.6e9, "USD"),
    ),
    case("Sales rose to £4.2bn from £3.9bn.", X("£4.2bn", 4.2e9, "GBP"), X("£3.9bn", 3.9e9, "GBP")),
    case("The studio was valued at $1.25bn.", X("$1.25bn", 1.25e9, "USD")),
    case("Orbis agreed to pay 2.3 billion Swiss francs.", X("2.3 billion Swiss francs", 2.3e9, "CHF")),
    case("The budget sets aside 750 million pounds for roads.", X("750 million pounds", 7.5e8, "GBP")),
    case("The bank booked a EUR 300 million charge.", X("EUR 300 million", 3e8, "EUR")),
    case("Shares were priced at HK$68 each.", X("HK$68", 68, "HKD")),
    case("Revenue came in at ¥1.2 trillion.", X("¥1.2 trillion", 1.2e12, "JPY")),
    case("The contract is worth 12 billion yuan.", X("12 billion yuan", 1.2e10, "CNY")),
    case("The startup raised $8.5M in seed funding.", X("$8.5M", 8.5e6, "USD")),
    case("The fine could reach $2.1B.", H("could reach $2.1B", 2.1e9, "USD", "potential", 0, 2.1e9)),
    case("Damage is put at $3 billion to $5 billion.", R("$3 billion to $5 billion", 3e9, 5e9, "USD")),
    case(
        "The takeover, potentially worth $40 billion, stalled.",
        H("potentially worth $40 billion", 4e10, "USD", "potential", 0, 4e10),
    ),
    case(
        "The stake could be worth €2bn to the family.",
        H("could be worth €2bn", 2e9, "EUR", "potential", 0, 2e9),
    ),
    case(
        "Analysts see losses of $300 million or more.",
        H("$300 million or more", 3e8, "USD", "at_least", 3e8, None),
    ),
    case("The listing raised north of $1 billion.", H("north of $1 billion", 1e9, "USD", "over", 1e9, None)),
    case(
        "Fees topped $500,000 last year.",
        X("$500,000", 5e5, "USD"),
        D("last year", relative="last year"),
    ),
    case("A $1.5 trillion spending bill passed.", X("$1.5 trillion", 1.5e12, "USD")),
    case("The buyer paid $4.75 a share.", X("$4.75", 4.75, "USD")),
    case("The token fell below $60,000.", H("below $60,000", 6e4, "USD", "under", 0, 6e4)),
    case("The firm spent $1.2bn-$1.5bn on buybacks.", R("$1.2bn-$1.5bn", 1.2e9, 1.5e9, "USD")),
    case(
        "The deal values Veltra at between $6 billion and $7 billion.",
        R("between $6 billion and $7 billion", 6e9, 7e9, "USD"),
    ),
    case("Costs are seen at $20–25bn.", R("$20–25bn", 20e9, 25e9, "USD")),
    case("The charity raised one and a half million pounds.", X("one and a half million pounds", 1.5e6, "GBP")),
    case("Donors pledged five billion US dollars.", X("five billion US dollars", 5e9, "USD")),
    case("Exports were worth USD 12.7bn.", X("USD 12.7bn", 12.7e9, "USD")),
    case("The fine of €4,5 million was upheld.", X("€4,5 million", 4.5e6, "EUR")),
    case("Sales hit Rs 12,000 crore in the year.", X("Rs 12,000 crore", 1.2e11, "INR")),  # once skipped
    case("A hundred million dollars was pledged.", X("A hundred million dollars", 1e8, "USD")),
    case("The clinic cost half a billion dollars.", X("half a billion dollars", 5e8, "USD")),
    case("A 10-billion-dollar plan was unveiled.", X("10-billion-dollar", 1e10, "USD")),
    case("The carrier paid 1.1 billion euros for spectrum.", X("1.1 billion euros", 1.1e9, "EUR")),
    case("Costs swelled to US$ 2.4 billion.", X("US$ 2.4 billion", 2.4e9, "USD")),
    case("The bill came to £950,000.", X("£950,000", 9.5e5, "GBP")),
    case("The chipmaker will spend almost $30bn.", H("almost $30bn", 3e10, "USD", "approx", 2.7e10, 3e10)),
    case("Deposits of no more than $250,000 are insured.", H("no more than $250,000", 2.5e5, "USD", "up_to", 0, 2.5e5)),
    case(
        "The company has at least $9 billion in cash.",
        H("at least $9 billion", 9e9, "USD", "at_least", 9e9, None),
    ),
]

ADJECTIVES = [
    # magnitude adjectives are vague: "billion-dollar" >= $1bn, "multibillion" in [$2bn, $10bn)
    case("A Billion-Dollar Partnership Cools", V("Billion-Dollar", 1e9, None, "USD")),
    case("Kestrel signed a billion-dollar deal with the carrier.", V("billion-dollar", 1e9, None, "USD")),
    case("The multibillion-dollar merger collapsed.", V("multibillion-dollar", 2e9, 1e10, "USD")),
    case("The firm sells multi-billion-dollar systems.", V("multi-billion-dollar", 2e9, 1e10, "USD")),
    case("It is a multimillion-pound contract.", V("multimillion-pound", 2e6, 1e7, "GBP")),
    case("Veltra became a trillion-dollar company.", V("trillion-dollar", 1e12, None, "USD")),
    case("The club rejected a million-euro offer.", V("million-euro", 1e6, None, "EUR")),
    case("The firm announced a multi-billion investment plan."),
    case(
        "Tens of billions of dollars are at stake.",
        V("Tens of billions of dollars", 1e10, 1e11, "USD"),
    ),
    case("Hundreds of millions of euros were lost.", V("Hundreds of millions of euros", 1e8, 1e9, "EUR")),
]

HEDGES_MORE = [
    case("Turnout was around 61%.", H("around 61%", 61, "percent", "approx", 54.9, 67.1)),
    case("Prices are up some 8% on the year.", H("some 8%", 8, "percent", "approx", 7.2, 8.8)),
    case("The unit brings ~15% of sales.", H("~15%", 15, "percent", "approx", 13.5, 16.5)),
    case("Inflation is no more than 3 percent.", H("no more than 3 percent", 3, "percent", "up_to", 0, 3)),
    case("Support was just under 50%.", H("just under 50%", 50, "percent", "under", 0, 50)),
    case("Growth of at most 2% is forecast.", H("at most 2%", 2, "percent", "up_to", 0, 2)),
    case("Unemployment is below 4 per cent.", H("below 4 per cent", 4, "percent", "under", 0, 4)),
    case("The shares are almost 30% cheaper.", H("almost 30%", 30, "percent", "approx", 27, 30)),
    case("Margins of 10% or higher are the goal.", H("10% or higher", 10, "percent", "at_least", 10, None)),
    case("The index rose 2.4 percentage points.", X("2.4 percentage points", 2.4, "percentage_point")),
    case("The spread widened 40bp.", X("40bp", 0.4, "percentage_point")),
    case(
        "Yields jumped approximately 12 basis points.",
        H("approximately 12 basis points", 0.12, "percentage_point", "approx", 0.108, 0.132),
    ),
    case("The stock is above 200% of its listing price.", H("above 200%", 200, "percent", "over", 200, None)),
    case("Output grew roughly 3.5–4%.", R("3.5–4%", 3.5, 4, "percent")),
    case(
        "Police said upwards of 5,000 people attended.",
        H("upwards of 5,000 people", 5000, "count", "over", 5000, None, noun="people"),
    ),
    case(
        "The strike involved no fewer than 40,000 workers.",
        H("no fewer than 40,000 workers", 40000, "count", "at_least", 40000, None, noun="workers"),
    ),
    case(
        "The company employs roughly 12,000 people.",
        H("roughly 12,000 people", 12000, "count", "approx", 10800, 13200, noun="people"),
    ),
    case("Nearly 2000 homes lost power.", H("Nearly 2000 homes", 2000, "count", "approx", 1800, 2000, noun="homes")),
    case(
        "The union has some 2050 members.", H("some 2050 members", 2050, "count", "approx", 1845, 2255, noun="members")
    ),
    case("Demand rose 4% over 2019 levels.", X("4%", 4, "percent")),
    case("Emissions are now below 1990 levels."),
    case(
        "Up to 1500 workers could lose their jobs.",
        H("Up to 1500 workers", 1500, "count", "up_to", 0, 1500, noun="workers"),
    ),
]

COUNTS_MORE = [
    case("The airline will add 1,200 pilots.", X("1,200 pilots", 1200, "count", "pilots")),
    case("The app passed 100 million downloads.", X("100 million downloads", 1e8, "count", "downloads")),
    case("About 2,500 jobs will go.", H("About 2,500 jobs", 2500, "count", "approx", 2250, 2750, noun="jobs")),
    case("The hospital has 850 beds.", X("850 beds", 850, "count", "beds")),
    case("Officials counted 3,200 ballots by hand.", X("3,200 ballots", 3200, "count", "ballots")),
    case(
        "More than 2,100 flights were grounded.",
        H("More than 2,100 flights", 2100, "count", "over", 2100, None, noun="flights"),
    ),
    case("The city has 1 250 000 residents.", X("1 250 000 residents", 1.25e6, "count", "residents")),
    case("The country trains 11 000 doctors a year.", X("11 000 doctors", 11000, "count", "doctors")),
    case("Debt reached 2 300 billion euros.", X("2 300 billion euros", 2.3e12, "EUR")),
    case("Acme Cuts 1,200 Jobs After Merger", X("1,200 Jobs", 1200, "count", "Jobs")),
    case("Veltra Lays Off 450 Workers", X("450 Workers", 450, "count", "Workers")),
    case("Orbis Sells 2 Million Phones In A Week", X("2 Million Phones", 2e6, "count", "Phones")),
    case("The network signed up 3.4m subscribers.", X("3.4m subscribers", 3.4e6, "count", "subscribers")),
    case("The exchange lists 2,400 companies.", X("2,400 companies", 2400, "count", "companies")),
    case("The bank will close 90 branches.", X("90 branches", 90, "count", "branches")),
]

RATIOS_AND_TIME = [
    case("Costs rose fourfold.", X("fourfold", 4, "multiple")),
    case("The port saw a tenfold increase in traffic.", X("tenfold", 10, "multiple")),
    case("Sales are up 3x on last year.", X("3x", 3, "multiple"), D("last year", relative="last year")),
    case("Output rose 2.5 times.", X("2.5 times", 2.5, "multiple")),
    case("About a fifth of the forest burned.", H("About a fifth", 0.2, "fraction", "approx", 0.18, 0.22)),
    case("Three-quarters of staff agreed.", X("Three-quarters", 0.75, "fraction")),
    case("Nearly half of users churned.", H("Nearly half", 0.5, "fraction", "approx", 0.45, 0.5)),
    case(
        "Profits doubled between 2015 and 2023.",
        X("doubled", 2, "multiple"),
        D("2015", year=2015),
        D("2023", year=2023),
    ),
    case("Sales grew every year from 2019 to 2024.", D("2019", year=2019), D("2024", year=2024)),
    case("In 2023,40 firms left the index.", D("2023", year=2023), X("40 firms", 40, "count", "firms")),
    case("The lease runs for 25 years.", X("25 years", 25, "year")),
    case("The review took six months.", X("six months", 0.5, "year")),
    case("A three-year contract was signed.", X("three-year", 3, "year")),
    case("The plant was shut for two weeks.", X("two weeks", 2 / 52, "year")),
    case("The firm has 10 days to respond.", X("10 days", 10 / 365, "year")),
    case("The loan matures in 30 years.", X("30 years", 30, "year")),
    case("The results for Q3 2025 beat forecasts.", D("Q3 2025", year=2025, quarter=3)),
    case("Guidance for FY2027 was raised.", D("FY2027", year=2027, fiscal=True)),
    case("The merger closed on March 3, 2024.", D("March 3, 2024", year=2024, month=3, day=3)),
    case("Shipments start in September 2026.", D("September 2026", year=2026, month=9)),
    case("Revenue jumped in the third quarter of 2025.", D("third quarter of 2025", year=2025, quarter=3)),
    case("The product launched earlier this year.", D("earlier this year", relative="earlier this year")),
    case("On 2025-11-18 the board met.", D("2025-11-18", year=2025, month=11, day=18)),
    case("The board met on 18 November.", D("18 November", month=11, day=18)),
    case("Sales in Q2 FY2026 rose 8%.", D("Q2 FY2026", year=2026, quarter=2, fiscal=True), X("8%", 8, "percent")),
]

NOT_QUANTITIES_MORE = [
    case("The Kestrel X5 drone ships today.", D("today", relative="today")),
    case("Orbis 9 Pro handsets sold out."),
    case("The fix lands in Linux 6.8 kernels."),
    case("See section 4 of the contract."),
    case("Her line is 020 7946 0958."),
    case("The postcode is SW1A 1AA."),
    case("Flight 370 vanished in 2014.", D("2014", year=2014)),
    case("Take the number 9 bus."),
    case("The firm's Nimbus-2 chip is fast."),
    case("The 1990s were different."),
    case("Chapter 7 filings rose."),
    case("Read RFC 9110 for details."),
    case("Room 101 is closed."),
    case("The meeting ends at 5pm."),
    case("The update arrived at 14:05 GMT."),
    case("Call 1-800-555-0199 today.", D("today", relative="today")),
    case("The manual (ISBN 0-306-40615-2) is free."),
    case("He wore the No. 23 jersey."),
    case("The A380 superjumbo retired."),
    case("The G7 summit opened."),
    case("Interstate 95 was closed."),
    case("Earnings per share were $1.02.[7]", X("$1.02", 1.02, "USD")),
    case("Veltra Cloud 365 gets new features."),
    case("The treaty aims to limit warming to 1.5C.", X("1.5C", 1.5, "degree_Celsius")),  # once left out
    case("Visit www.example.org/2024/300-jobs for more."),
    case("The sprint 12 demo slipped."),
    case("Orbis Pay 2 launched."),
]

PEERS_MORE = [
    # quantulum3: sign from brackets, exponent from "$10 billion", sum of a range, "365" from a product
    case("Revenue (€4.3 billion) beat estimates.", X("€4.3 billion", 4.3e9, "EUR")),
    case("The partners signed a $10 billion partnership.", X("$10 billion", 1e10, "USD")),
    case("Estimates of $20-25 billion circulated.", R("$20-25 billion", 20e9, 25e9, "USD")),
    # Recognizers-Text: "USD34.6 million"; Duckling: "about" treated as exact
    case("Fees were cut to USD34.6 million.", X("USD34.6 million", 34.6e6, "USD")),
    case("The deal is worth about $5 billion.", H("about $5 billion", 5e9, "USD", "approx", 4.5e9, 5.5e9)),
    # dateparser: dates in "$10" and in the verb "may"
    case("May sales rose 4%.", X("4%", 4, "percent")),
    case("The $10 fee applies.", X("$10", 10, "USD")),
    case(
        "Regulators may approve it.",
    ),
]

MORE_CASES = (
    PHYSICAL + MONEY_MORE + ADJECTIVES + HEDGES_MORE + COUNTS_MORE + RATIOS_AND_TIME + NOT_QUANTITIES_MORE + PEERS_MORE
)

ALL_CASES = (
    MONEY
    + POWER
    + PERCENT
    + COUNTS
    + FRACTIONS
    + MULTIPLES
    + DURATIONS
    + DATES
    + NOT_QUANTITIES
    + PEERS
    + SEPARATORS
    + FIXED_GAPS
    + MORE_CASES
)
