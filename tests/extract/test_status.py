"""The status a number's words give it (factcheck/extract/status.py, `status_cues` in rules/numbers.yaml): an
earlier bid, a previous record, a target, a forecast, an amount added or a margin. Invented sentences;
each row names one number and the status it must get (None: a current figure stated as such)."""

from __future__ import annotations

import pytest

from factcheck.models import Claim
from tests.conftest import claim_of, dated_report


def _claim(text: str, number: str) -> Claim:
    return claim_of(text, number)


STATUSES = [
    # what someone expects a figure to reach is a forecast
    ("Analysts at Maoyan expect its total to reach 16 billion yuan by the end of its run.", "16 billion", "forecast"),
    ("Analysts expect 300 new stores to open in Halden City.", "300", None),
    ("The deal is expected to lift Marsden's valuation to about $350 billion.", "$350 billion", "forecast"),
    # an amount added, or the margin by which one figure beat or moved from another
    ("Starfall added a further $109 million on Saturday.", "$109 million", "increment"),
    (
        'The record "Nightglass: Dawn" had set was beaten by Starfall by nearly $90 million at home.',
        "$90 million",
        "increment",
    ),
    ("Starfall topped the old mark by an eye-popping $560 million worldwide.", "$560 million", "increment"),
    ("The toll in Harwick rose by 12 overnight, officials said.", "12", "increment"),
    ("Shares of Kolvar fell by 4% on Tuesday.", "4%", "increment"),
    ("Rescuers found another 96 bodies in Harwick on Tuesday.", "96", "increment"),
    # "another" coordinated with a count of another state is another group, no amount added
    ("The flood has killed at least 175 people in Harwick, while another 181 are missing.", "181", None),
    # the level the figure reached is no margin
    ("Starfall took $610 million worldwide, beating the record.", "$610 million", None),
    ("The toll in Harwick rose to 312 overnight, officials said.", "312", None),
    # "by" that names an agent or a date is no margin
    ("The rally, attended by 5,000 people, ended at noon.", "5,000", None),
    ("The motion was backed by 214 members of the lower house.", "214", None),
    ("Marlow Wind aims to reach 9 gigawatts of offshore capacity by 2030.", "9 gigawatts", "target"),
    # an earlier figure, and the words that only look like one: a rate "a year before tax", "had put his name
    # to" a contract, "the former champions"
    ("Officials had put the toll in Harwick at 41 on Monday.", "41", "previous"),
    ("A year before, the toll in Harwick had stood at 41.", "41", "previous"),
    (
        "Kolvar bought Marsden for $6.9 billion in 2006, at a time when Kolvar was valued at just over $100 billion.",
        "just over $100 billion",
        "previous",
    ),
    ("Kolvar will be paid £40.7m a year before tax.", "£40.7m", None),
    ("The striker had put his name to a deal worth £30m a year to him.", "£30m", None),
    ("With the former champions Kolvar will be paid £30m a year.", "£30m", None),
    # a dash closes the clause: the earlier offer after it is not the figure before it
    ("Kolvar will buy Marsden for $44 billion - in line with Kolvar's original offer.", "$44 billion", None),
    # other statuses
    ("Pellworth Foods rejected an earlier offer of $4 billion from Halvorsen Group.", "$4 billion", "earlier"),
    ("Halvorsen Group was reported to be in talks to buy Pellworth Foods for $5 billion.", "$5 billion", "report"),
    ("Starfall is expected to reach $2.5 billion worldwide, analysts said.", "$2.5 billion", "forecast"),
]


@pytest.mark.parametrize(("text", "number", "status"), STATUSES)
def test_status_of_a_number(text: str, number: str, status: str | None) -> None:
    assert _claim(text, number).status == status


WEEKDAY_DATES = [
    # a past weekday dates the event of its own clause, whatever the rest of the sentence says will come
    (
        "On Monday Kolvar unveiled its headset, a launch that will test whether buyers want one.",
        ("2024-04-29", "announcement"),
    ),
    ("Kolvar unveiled its headset on Monday at its yearly conference.", ("2024-04-29", "announcement")),
    # a clock time before the weekday; the weekday as a possessive; a penalty handed down
    ("Striking at 4:30 p.m. Sunday, the quake shook Harwick and its valleys.", ("2024-04-28", "incident")),
    ("Kolvar showed the headset during Monday's keynote, its biggest announcement.", ("2024-04-29", "announcement")),
    ("The Tarrow Commission on Wednesday fined Kolvar for breaking its rules.", ("2024-05-01", "ruling")),
    # the wire style, a reporting verb before the weekday; "to buy" is an acquisition
    ("Kolvar said Tuesday that it had agreed to buy Marsden, its rival.", ("2024-04-30", "acquisition")),
    # traps: a weekday of what will come; a weekday with no event word; a fine adjective is no ruling
    ("Kolvar will unveil its headset on Monday.", None),
    # a trailing attribution dates what was said, not the event
    (
        "The number killed in Friday's quake in Harwick has climbed to 1,700, officials said on Sunday.",
        ("2024-04-26", "incident"),
    ),
    ("On Monday Kolvar's chief executive spoke to reporters.", None),
    ("Kolvar's Monday's-best range sold out at 9 a.m. Friday-week.", None),
    ("On Wednesday Kolvar's chief executive said the fine-tuned model was ready.", None),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_DATES)
def test_a_weekday_dates_its_clause(text: str, expected: tuple[str, str] | None) -> None:
    dates = [(str(c.low), c.event) for c in dated_report(text).claims if c.kind == "date"]
    assert dates == ([expected] if expected else []), dates


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Priced at $3,499, Kolvar's headset is due to start shipping in early 2025.", "launch"),
        ("The Tarrow Commission fined Kolvar in March 2024 for breaking its rules.", "ruling"),
        # the event word nearest before the date: the deal names what closes
        ("Kolvar's deal for Marsden is expected to close in the third quarter of 2025.", "completion"),
        ("Kolvar announced the Marlow terminal in 2019, its report said.", "announcement"),
        # a plant's first power, a data centre coming online
        ("Kestrel Bank, a farm whose first electricity was produced in Dec. 2021, is now complete.", "operation"),
        ("Kolvar's Marlow cluster is set to come online in 2026, its report said.", "operation"),
        # traps: shipping as an industry; a fine adjective; online as a place to sell
        ("Kolvar's shipping costs rose in March 2024, its report said.", None),
        ("Kolvar's fine-tuned model appeared in March 2024, its report said.", None),
        ("Kolvar's sales online rose in March 2024, its report said.", None),
    ],
    ids=[
        "start-shipping",
        "fined",
        "expected-to-close",
        "announced-in",
        "first-power",
        "come-online",
        "shipping-costs",
        "fine-tuned",
        "sales-online",
    ],
)
def test_the_event_a_date_dates(text: str, event: str | None) -> None:
    events = [c.event for c in dated_report(text).claims if c.kind == "date"]
    assert events == ([event] if event else []), events
