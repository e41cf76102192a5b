"""Cases of the forms news writes that the first case table left out (counts in words and fused to their noun,
the press's percentages, prefixed and local currencies and coins, ranges and moves, speeds, sizes, energy,
durations, Indian scales, dates that state their year once), each with traps that must stay silent, and what
the text states around a number: `stated_value`/`stated_unit`, `change`, `concept`.

Invented sentences in the style of news copy; none is taken from an article or from another project's tests.
"""

from __future__ import annotations

from typing import Any

from tests.extract.quantity_cases import D, H, R, X, case

MILE = 1609.344
MPH = 0.44704
KMH = 1 / 3.6
LB = 0.45359237
HP = 745.69987158227

COUNTS_IN_WORDS = [
    case(
        "The three parties agreed on a budget.",
        X("three parties", 3, "count", "parties").says(stated=(3, None), change=None, concept="parties"),
    ),
    case("Eight players were sent off this season.", X("Eight players", 8, "count", "players")),
    case(
        "The chef served a five-course dinner to the delegates.",
        X("five-course", 5, "count", "courses").says(concept="courses"),
    ),
    case("She was one of the 20 candidates on the list.", X("20 candidates", 20, "count", "candidates")),
    case(
        "At least twelve people were injured.", H("At least twelve people", 12, "count", "at_least", 12, None, "people")
    ),
    case("The blast left 40 injured.", X("40 injured", 40, "count", "injured").says(concept="injured")),
    case("The blast left 40 still missing.", X("40 still missing", 40, "count", "missing").says(concept="missing")),
    case("Nine of the 14 wards reported delays.", X("14 wards", 14, "count", "wards")),
    # a bare number that the words before it say counts something: casualties, a death toll
    case("The blast injured 45 on Monday.", X("45", 45, "count", "people")),
    case(
        "The floods displaced 3,000 and injured 12.",
        X("3,000", 3000, "count", "people"),
        X("12", 12, "count", "people"),
    ),
    case("The death toll rose to 1,644 on Sunday.", X("1,644", 1644, "count", "deaths").says(concept="deaths")),
    case("The toll stands at 812.", X("812", 812, "count", "deaths")),
    # traps: a year after such a word; a toll road; a bare number with nothing before it that says what it counts
    case("He was killed in 2019.", D("2019", year=2019)),
    case("The toll road has 4 lanes.", X("4 lanes", 4, "count", "lanes")),
    case("The index closed at 7,682.95."),
    case("Henry finished with 26."),
    # traps: "one" as a pronoun or a determiner, numbers that name something, numbers with no noun
    case("One of them declined to comment."),
    case("At one point the talks stalled."),
    case("The Big Three carmakers met the union."),
    case("Ocean's Eleven returned to cinemas."),
    case("The two of them left early."),
    case("Both sides said they would meet again."),
    case("The team won three of its last four."),
]

FUSED = [
    # a count in words before a sized noun counts the noun after it: two quantities
    case(
        "The project has two 43-storey blocks.",
        X("two", 2, "count", "blocks"),
        X("43-storey", 43, "count", "storeys"),
    ),
    case("It built two 1.5GW plants.", X("two", 2, "count", "plants"), X("1.5GW", 1.5e9, "W")),
    # traps: "one" stays a pronoun; a singular noun after the sized one is no count of it
    case("One 20-year-old was hurt.", X("20-year", 20, "year")),
    case("The pair signed a two 5-year deal.", X("5-year", 5, "year")),
    case(
        "The club will build a 45,000-seat arena by the river.",
        X("45,000-seat", 45000, "count", "seats").says(stated=(45000, None), concept="seats"),
    ),
    case("Residents opposed a 20-storey block on the site.", X("20-storey", 20, "count", "storeys")),
    case(
        "The homeowner fitted a 3kW heat pump.",
        X("3kW", 3000, "W").says(stated=(3, "kilowatt"), concept="heat pump"),
    ),
    case("The hatchback's engine makes 300bhp.", X("300bhp", 300 * HP, "W").says(stated=(300, "horsepower"))),
    case(
        "The van carries a 75kWh battery.", X("75kWh", 75e3, "Wh").says(stated=(75, "kilowatt_hour"), concept="battery")
    ),
    case(
        "The grid stored 12 GWh last winter.",
        X("12 GWh", 12e9, "Wh").says(stated=(12, "gigawatt_hour")),
        D("last winter", relative="last winter"),
    ),
    case("The region hired a nine-member panel.", X("nine-member", 9, "count", "members")),
    # traps: scores, seasons, codes and labels joined by a hyphen
    case("The hosts won 3-1 in extra time."),
    case("A top-10 finish is the goal."),
    case("The firm blamed COVID-19 for the delay."),
    case("She is a 20-something founder."),
    # traps: an adjective fused to a number counts nothing
    case("The headset builds a three-dimensional likeness of its wearer."),
    case("Both capitals backed a two-sided settlement."),
    case("The army began a three-pronged assault at dawn."),
    # a dotted abbreviation may open the counted noun
    case("The farm can supply 1.4 million U.K. homes.", X("1.4 million U.K. homes", 1.4e6, "count", "U.K. homes")),
    case("The chain runs 12 U.S. plants and 3 more abroad.", X("12 U.S. plants", 12, "count", "U.S. plants")),
]

PRESS_PERCENT = [
    case(
        "Inflation was 2.45pc, the statistics office said.", X("2.45pc", 2.45, "percent").says(stated=(2.45, "percent"))
    ),
    case("Buyers paid a 15pc premium for the shares.", X("15pc", 15, "percent").says(concept="premium")),
    case(
        "The central bank cut rates by 25 basis points.",
        X("25 basis points", 0.25, "percentage_point").says(stated=(25, "basis_point"), change="down"),
    ),
    case(
        "Prices rose .5 per cent last month.",
        X(".5 per cent", 0.5, "percent").says(change="up"),
        D("last month", relative="last month"),
    ),
    case(
        "At the close the FTSE 100 -0.8% and the Dax +0.3%.",
        X("-0.8%", 0.8, "percent").says(stated=(-0.8, "percent"), change="down"),
        X("+0.3%", 0.3, "percent").says(stated=(0.3, "percent"), change="up"),
    ),
    # a whole number with a vulgar fraction, as the press prints it
    case("Inflation held at 3½ per cent.", X("3½ per cent", 3.5, "percent")),
    case("The shares closed at 359¼p.", X("359¼p", 3.5925, "GBP")),
    # traps: "PC" is a computer; a level is no change; a fraction sign glued to a name is no number
    case("The PC market shrank."),
    case("The XR½ model was withdrawn."),
    case("Unemployment rose to 4.5 per cent.", X("4.5 per cent", 4.5, "percent").says(change=None)),
]

MONEY_FORMS = [
    case(
        "The state will spend $A40 billion on roads.",
        X("$A40 billion", 40e9, "AUD").says(stated=(40e9, "$A"), concept=None),
    ),
    case("Tenants pay RM120 a month for parking.", X("RM120", 120, "MYR").says(stated=(120, "RM"))),
    case("Flats in the district rent for S$3,400 a month.", X("S$3,400", 3400, "SGD")),
    case("A bus ticket now costs 99 cents.", X("99 cents", 0.99, "USD").says(stated=(99, "cents"))),
    case("Shoppers pay a 50p charge per bag.", X("50p", 0.5, "GBP").says(concept="charge")),
    case("Tickets are 20€ at the door.", X("20€", 20, "EUR").says(stated=(20, "€"))),
    case("The ministry approved 5 lakh rupees for each family.", X("5 lakh rupees", 5e5, "INR")),
    case("Sales reached Rs 1,200 crore.", X("Rs 1,200 crore", 1.2e10, "INR")),
    case("Exports were worth 1.2 trillion rupees.", X("1.2 trillion rupees", 1.2e12, "INR")),
    case("He was fined 500 pounds.", X("500 pounds", 500, "GBP")),
    case("The newborn weighed 7 pounds.", X("7 pounds", 7 * LB, "kilogram").says(stated=(7, "pound"))),
    case("The bank earned a quarter million dollars in fees.", X("a quarter million dollars", 2.5e5, "USD")),
    case("The state set aside RM780mil for the projects.", X("RM780mil", 780e6, "MYR").says(stated=(780e6, "RM"))),
    case("Flood works worth RM7bil were paused.", X("RM7bil", 7e9, "MYR")),
    # traps: a bare "$" is US dollars, even after a capital "A"; a letter before "$" is no dollar
    case("A $5 fee applies to late payments.", X("$5", 5, "USD")),
    case("Plan B was dropped."),
]

MOVES = [
    # a move, then the level it reached: two amounts, not a range
    case(
        "Capita climbed 16p to 365.25p.",
        X("16p", 0.16, "GBP").says(change="up"),
        X("365.25p", 3.6525, "GBP").says(change=None),
    ),
    case(
        "Brent fell by $1.15 to $74.40 a barrel.",
        X("$1.15", 1.15, "USD").says(change="down"),
        X("$74.40", 74.40, "USD").says(change=None),
    ),
    # traps: with no word of movement, or with "from", or with the unit stated once, "to" joins a range
    case("Yields were 4% to 5% last year.", R("4% to 5%", 4, 5, "percent"), D("last year", relative="last year")),
    case("Output rose from 3% to 5%.", R("from 3% to 5%", 3, 5, "percent").says(change="up")),
    case("Revenue rose 5 to 10 per cent.", R("5 to 10 per cent", 5, 10, "percent").says(change="up")),
    case(
        "The range grew from 180 miles to as much as 240 miles.",
        R("from 180 miles to as much as 240 miles", 180 * MILE, 240 * MILE, "metre").says(stated=(210, "mile")),
    ),
    case(
        "Shares rose 0.4% while bonds fell 1.9%.",
        X("0.4%", 0.4, "percent").says(change="up"),
        X("1.9%", 1.9, "percent").says(change="down"),
    ),
    case("Output posted a drop of 3% in the quarter.", X("3%", 3, "percent").says(change="down")),
    case("Sales were up 5% on the year.", X("5%", 5, "percent").says(change="up")),
    case("The index gained a further 2%.", X("2%", 2, "percent").says(change="up")),
    case("Costs increased by about 12%.", H("about 12%", 12, "percent", "approx", 10.8, 13.2).says(change="up")),
    case("It reported a 3% decline in sales.", X("3%", 3, "percent").says(change="down", concept="decline")),
    case("The lender raised its forecast by 5%.", X("5%", 5, "percent").says(change="up")),
    case("The team was led by 5 points at half-time.", X("5 points", 5, "count", "points").says(change=None)),
    case(
        "Revenue rose 15% to $4.1 billion.",
        X("15%", 15, "percent").says(change="up"),
        X("$4.1 billion", 4.1e9, "USD").says(change=None),
    ),
    # traps: "up" of a phrasal verb, "to" of a level
    case("The firm set up 5 offices.", X("5 offices", 5, "count", "offices").says(change=None)),
    case("Poll support stood at 52%.", X("52%", 52, "percent").says(change=None, concept=None)),
]

MEASURES = [
    case("The car's 800V system saves weight.", X("800V", 800, "V").says(stated=(800, "volt"))),
    case("The grid link runs at 11kV.", X("11kV", 11e3, "V")),
    case("The handset has a 4000mAh battery.", X("4000mAh", 4.0, "Ah").says(concept="battery")),
    case("Producers pump 43 million bpd.", X("43 million bpd", 43e6 * 158.987294928, "litre")),
    # traps: a time of day on the 24-hour clock; a house number with a letter; a capital V after a name
    case("Brent had fallen by 1448 GMT."),
    case("The museum is at 221B Baker Street."),
    case("Henry V was staged at the Globe."),
    case(
        "Winds reached 70 mph (113 km/h) on the coast.",
        X("70 mph", 70 * MPH, "metre_per_second").says(stated=(70, "mile_per_hour")),
        X("113 km/h", 113 * KMH, "metre_per_second").says(stated=(113, "kilometre_per_hour")),
    ),
    case(
        "The handset ships with 512GB of storage.",
        X("512GB", 512e9, "byte").says(stated=(512, "gigabyte"), concept="storage"),
    ),
    case("The chip runs at 2.8 GHz.", X("2.8 GHz", 2.8e9, "Hz").says(stated=(2.8, "gigahertz"))),
    case("Temperatures hit 40C (104F) in Seville.", X("40C", 40, "degree_Celsius"), X("104F", 40, "degree_Celsius")),
    case("Patients took 45 and 50 mg doses.", X("45", 45e-6, "kilogram"), X("50 mg", 50e-6, "kilogram")),
    case(
        "The forward is 6 ft 2 in tall.",
        X("6 ft 2 in", (6 + 2 / 12) * 0.3048, "metre").says(stated=(6 + 2 / 12, "foot")),
    ),
    case("The wall is 1.8m high.", X("1.8m", 1.8, "metre").says(stated=(1.8, "metre"))),
    case("A mouse can slip through a 1/4 inch gap.", X("1/4 inch", 0.0254 / 4, "metre").says(concept="gap")),
    case("I want a gallon of water.", X("a gallon", 3.785411784, "litre").says(stated=(1, "gallon"), concept="water")),
    # traps: a rate's basis is no quantity; a closing quotation mark is no inch; "in" before a number is no unit
    case("Petrol costs $3 a gallon.", X("$3", 3, "USD")),
    case('The list is called "Top 10" this year.', D("this year", relative="this year")),
    case("One in five adults smoke.", X("One in five", 0.2, "fraction").says(concept="adults")),
    case("The team ranked 2 in Europe."),
]

DURATIONS_MORE = [
    case("The talks lasted four weeks.", X("four weeks", 4 / 52, "year").says(stated=(4, "week"))),
    case("Prices fell over the past 90 days.", X("90 days", 90 / 365, "year")),
    case("The plant must close within 24 months.", X("24 months", 2, "year").says(stated=(24, "month"))),
    case("The outage lasted 16 hours.", X("16 hours", 16 / 8760, "year").says(stated=(16, "hour"))),
    case("The deal was signed two months ago.", D("two months ago", relative="two months ago")),
    # a fourth word of a counted noun only when it is the plural head
    case(
        "Kolvar runs 13 operational offshore wind farms.",
        X("13 operational offshore wind farms", 13, "count", "operational offshore wind farms"),
    ),
    case("Kolvar has 3 big new blue boat sheds.", X("3 big new blue", 3, "count", "big new blue")),
    # a unit word before a link word: "a magnitude of 6.1"; not when a noun follows the number
    case("The quake had a magnitude of 6.1, the survey said.", X("6.1", 6.1, "magnitude")),
    case("Harwick's bureau put the magnitude at 6.5.", X("6.5", 6.5, "magnitude")),
    # a verb of stating between the unit word and its link word, with or without its agent
    case("The magnitude was put at 6.5 by Harwick's bureau.", X("6.5", 6.5, "magnitude")),
    case(
        "Its magnitude was reported by the U.S. survey at 6.1 and its depth at 10 km.",
        X("6.1", 6.1, "magnitude"),
        X("10 km", 10000, "metre"),
    ),
    case("It shows the magnitude of 3 errors in the log.", X("3 errors", 3, "count", "errors")),
    # a number fused to its unit qualifies the noun after it, whatever adjective stands before it
    case("He signed a lucrative 5-year contract.", X("5-year", 5, "year").says(concept="contract")),
    case(
        "It ended a costly three-year-long investigation.",
        X("three-year", 3, "year").says(concept="investigation"),
    ),
    # trap: an unfused duration names no concept from the noun after it
    case("He stayed for five years longer.", X("five years", 5, "year").says(concept=None)),
]

DATES_MORE = [
    case(
        "The talks ran from Nov 18 to Dec 19, 2025.",
        D("Nov 18", year=2025, month=11, day=18),
        D("Dec 19, 2025", year=2025, month=12, day=19),
    ),
    case(
        "The festival runs from 12 to 14 June 2026.",
        D("12", year=2026, month=6, day=12),
        D("14 June 2026", year=2026, month=6, day=14),
    ),
    case("The survey covered Jan-Feb 2024.", D("Jan", year=2024, month=1), D("Feb 2024", year=2024, month=2)),
    case("The 2014-2018 plan ended early.", D("2014", year=2014), D("2018", year=2018)),
    case("Sales in 2017 Q1 rose.", D("2017 Q1", year=2017, quarter=1)),
    case("The vote is on November 18-19.", D("November 18", month=11, day=18), D("19", month=11, day=19)),
    case("The firm was founded in June of 1992.", D("June of 1992", year=1992, month=6)),
    case("The store opens today.", D("today", relative="today")),
    # traps: a count range of four digits, lower-case verbs that are months
    case(
        "Between 1500 and 1800 workers went on strike.",
        R("Between 1500 and 1800 workers", 1500, 1800, "count", "workers"),
    ),
    case("Prices may march higher."),
]

NEWS_CASES: list[Any] = (
    COUNTS_IN_WORDS + FUSED + PRESS_PERCENT + MONEY_FORMS + MOVES + MEASURES + DURATIONS_MORE + DATES_MORE
)
