"""The comparisons on sentences of real reporting's shapes: time and status, vague magnitudes, sums, one finding
per concern, dates, and what `check` tells a draft (issue 13, kinds 4, 6, 7, 8, 9, 11).

Every sentence here is invented, about invented companies, places and events. Each case runs a small corpus
through `analyse` and says which findings must be raised (at which severity at least) and which must stay
silent, or stay below a loud severity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from factcheck.extract.status import relative_span
from factcheck.load import parse_document
from factcheck.models import Report
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from tests.conftest import run_cli

LOUD = ("error", "warning")


@cache
def _ruleset() -> RuleSet:
    return load_ruleset()


def _report(*texts: str) -> Report:
    rs = _ruleset()
    docs = [parse_document(f"source{i}.md", text, rs.boilerplate) for i, text in enumerate(texts)]
    return analyse(docs, rs)


@dataclass(frozen=True)
class Case:
    id: str
    texts: tuple[str, ...]
    loud: frozenset[str] = field(default_factory=frozenset)  # rules that must fire at error or warning
    quiet: frozenset[str] = field(default_factory=frozenset)  # rules that may fire only as info
    silent: frozenset[str] = field(default_factory=frozenset)  # rules that must not fire at all
    info: frozenset[str] = field(default_factory=frozenset)  # rules that must fire, as info


def case(id: str, *texts: str, loud=(), quiet=(), silent=(), info=()) -> Case:
    return Case(id, texts, frozenset(loud), frozenset(quiet), frozenset(silent), frozenset(info))


ND, HM, AM, DD = "numeric_disagreement", "hedge_mismatch", "arithmetic_mismatch", "date_disagreement"

# -- kind 4: time and status -----------------------------------------------------------------------------------
STATUS = [
    case(
        "same-status-figures-disagree",
        "Halvorsen Group agreed to buy Pellworth Foods for $6 billion.",
        "Halvorsen Group agreed to buy Pellworth Foods for $9 billion.",
        loud=[ND],
    ),
    # a market quote moves by the minute: sources that take it at different times conflict only quietly
    case(
        "market-quotes-conflict-only-quietly",
        "Shares of Orsa Telecom rose 21% on Friday after the offer.",
        "Shares of Orsa Telecom jumped 4% on Friday after the offer.",
        quiet=[ND],
    ),
    # "valued at" may be the pre-money or the post-money valuation when sources give both
    case(
        "a-plain-valuation-beside-two-refinements-conflicts-quietly",
        "Verano AI raised $6 billion, which puts Verano AI at a $24 billion valuation.",
        "The pre-money valuation of Verano AI was $18 billion, according to Kelmar.",
        "Verano AI raised $6 billion at a post-money valuation of $24 billion.",
        info=[ND],
    ),
    case(
        "a-plain-valuation-against-one-refinement-is-loud",
        "Verano AI raised $6 billion, which puts Verano AI at a $20 billion valuation.",
        "Verano AI raised $6 billion at a post-money valuation of $24 billion.",
        loud=[ND],
    ),
    # a share's price and a deal's value: no misstatement makes one the other
    case(
        "a-price-and-a-value-far-apart-are-two-facts",
        "Kestrel Systems will pay $157 for Orsa Telecom, the companies said.",
        "Kestrel Systems will pay about $28 billion for Orsa Telecom.",
        silent=[ND],
    ),
    # "at a time when": a figure of the past against today's
    case(
        "a-figure-at-a-time-past",
        "Kestrel Systems bought Marsden for $6.9 billion in 2006, at a time when Kestrel Systems was valued at "
        "just over $100 billion.",
        "Kestrel Systems is valued at about $225 billion.",
        quiet=[ND],
    ),
    case(
        "earlier-rejected-bid-against-agreed-price",
        "Halvorsen Group agreed to buy Pellworth Foods for $6 billion.",
        "Pellworth Foods rejected an earlier offer of $4 billion from Halvorsen Group.",
        quiet=[ND],
    ),
    case(
        "initial-bid-against-agreed-price",
        "Corvane Mining agreed to acquire Tessaly Metals for $2.8 billion.",
        "Corvane Mining's initial bid of $2.1 billion for Tessaly Metals was turned down in May.",
        quiet=[ND],
    ),
    case(
        "pre-deal-report-against-final-terms",
        "Halvorsen Group agreed to buy Pellworth Foods for $6 billion.",
        "Halvorsen Group was reported to be in talks to buy Pellworth Foods for $5 billion.",
        quiet=[ND],
    ),
    case(
        "anonymous-figure-against-on-record-figure-is-loud",
        "Brightwater Energy is investing $4 billion in Kestrel Grid, the company said.",
        "Brightwater Energy is investing $7 billion in Kestrel Grid, according to people familiar with the plan.",
        loud=[ND],
    ),
    case(
        "a-takeover-target-is-no-target",
        "Halvorsen Group agreed to buy its takeover target Pellworth Foods for $6 billion.",
        "Halvorsen Group agreed to buy Pellworth Foods for $9 billion.",
        loud=[ND],
    ),
    case(
        "two-distances-from-one-place-disagree",
        "The quake struck Vellin county, which lies 230 miles northeast of Harwick, the capital.",
        "Vellin county lies 277 miles north of Harwick, the provincial capital.",
        loud=[ND],
    ),
    case(
        "distances-from-two-places-stay-apart",
        "The quake struck Vellin county, which lies 230 miles northeast of Harwick, the capital.",
        "Vellin county lies 40 miles from Dornby, the nearest port.",
        silent=[ND],
    ),
    case(
        "the-time-taken-disagrees",
        "Starfall needed five days to pass $1 billion worldwide.",
        "Starfall took seven days to pass $1 billion worldwide.",
        loud=[ND],
    ),
    case(
        "two-things-that-took-time-stay-apart",
        "The talks took three weeks, officials said.",
        "The strike took five weeks, officials said.",
        silent=[ND],
    ),
    case(
        "a-margin-is-no-level",
        "Starfall's opening beat the record that Nightglass had set by nearly $90 million worldwide.",
        "Starfall took $610 million worldwide over its opening weekend.",
        silent=[ND],
    ),
    case(
        "a-margin-in-a-title-with-a-colon",
        'Takings for "Starfall: Reckoning" rose by $12 million worldwide from Friday.',
        "Starfall: Reckoning has taken $18 million worldwide so far.",
        silent=[ND],
    ),
    case(
        "added-as-a-speech-verb-is-no-increment",
        "Brightwater Energy is investing $4 billion in Kestrel Grid, its chief executive added.",
        "Brightwater Energy is investing $7 billion in Kestrel Grid, the company said.",
        loud=[ND],
    ),
    case(
        "target-against-current-capacity",
        "Marlow Wind has 3 gigawatts of offshore capacity.",
        "Marlow Wind aims to reach 9 gigawatts of offshore capacity by 2030.",
        silent=[ND],
    ),
    case(
        "goal-by-a-year-against-today",
        "Dunmore Transit runs 400 electric buses, the operator said.",
        "Dunmore Transit has a goal of 1,200 electric buses by 2028.",
        silent=[ND],
    ),
    case(
        "forecast-against-result-is-info",
        "The Grevin Party won 318 seats, the Tarrow electoral board said.",
        "The Grevin Party is expected to win 340 seats, the Tarrow electoral board said.",
        info=[ND],
    ),
    case(
        "previous-record-against-new-record",
        "Solvay Pictures' Night Harbour took $410 million in its opening weekend, Solvay Pictures said.",
        "The record Night Harbour broke had been set by Solvay Pictures with $350 million, Solvay Pictures said.",
        quiet=[ND],
    ),
    case(
        "the-whole-of-a-part-is-not-the-part",
        "Tarrow Rail said 40 of the 120 bodies from the Tarrow Express crash were identified.",
        "Tarrow Rail said the Tarrow Express crash left 120 bodies at the site.",
        silent=[ND],
    ),
    case(
        "an-amount-added-against-the-running-figure",
        "Solvay Pictures' Night Harbour took $150 million on Friday, Solvay Pictures said.",
        "On Saturday Solvay Pictures' Night Harbour added a further $95 million, Solvay Pictures said.",
        silent=[ND],
    ),
    case(
        "a-change-against-the-level",
        "The Alder Party took 300 seats in the Tarrow election.",
        "The Alder Party recorded a net gain of 120 seats in the Tarrow election.",
        silent=[ND],
    ),
    case(
        "whether-it-can-reach-is-a-forecast",
        "Solvay Pictures' Night Harbour has taken $1.2 billion worldwide, Solvay Pictures said.",
        "Analysts wonder whether Solvay Pictures' Night Harbour can go past $2 billion worldwide.",
        quiet=[ND],
    ),
    case(
        "part-of-a-toll-against-the-toll",
        "The Tarrow Dam flood killed 120 people, Dunmore officials said.",
        "In Dunmore County alone, the Tarrow Dam flood killed 40 people.",
        silent=[ND],
    ),
    case(
        "an-opening-part-cue-scopes-every-number-after-it",
        "The Tarrow Dam flood killed 120 people and injured 900, Dunmore officials said.",
        "In Dunmore County alone, 40 people had been killed, 12 were missing and 300 had been injured.",
        silent=[ND],
    ),
    case(
        "an-earlier-figure-against-the-current-one",
        "The Tarrow Dam flood killed 120 people, Dunmore officials said on Friday.",
        "Officials had said on Tuesday that the flood killed 85 people; the toll now stands higher.",
        silent=[ND],
    ),
]

# -- kind 6: vague magnitudes ----------------------------------------------------------------------------------
VAGUE = [
    case(
        "multibillion-covers-a-stated-figure",
        "Kestrel Shipyards won a multibillion-pound contract from the Navy of Tarrow.",
        "Kestrel Shipyards won a £4 billion contract from the Navy of Tarrow.",
        silent=[ND],
    ),
    case(
        "tens-of-billions-covers-a-stated-figure",
        "Halvorsen Group will spend tens of billions of dollars on Pellworth Foods.",
        "Halvorsen Group will spend $30 billion on Pellworth Foods.",
        silent=[ND],
    ),
    case(
        "billion-dollar-deal-covers-a-stated-figure",
        "Corvane Mining struck a billion-dollar deal with Tessaly Metals.",
        "Corvane Mining struck a $1.4 billion deal with Tessaly Metals.",
        silent=[ND],
    ),
    case(
        "hundreds-is-never-loud",
        "The Marrow Valley floods displaced hundreds of people, Harland County officials said.",
        "The Marrow Valley floods displaced 2,400 people, Harland County officials said.",
        quiet=[ND],
    ),
    case(
        "stated-figures-still-disagree",
        "Kestrel Shipyards won a £4 billion contract from the Navy of Tarrow.",
        "Kestrel Shipyards won a £7 billion contract from the Navy of Tarrow.",
        loud=[ND],
    ),
]

# -- rounding, hedges, rates of the time -------------------------------------------------------------------------
ROUNDING = [
    # two amounts of one currency are compared as stated, with no conversion slack; a figure stated round is
    # a rounding at its last digit that is not zero (at most 2%)
    case(
        "one-currency-figures-seven-percent-apart-differ",
        "Kolvar United set the record with their 98 million euro deal for Tavi.",
        "Kolvar United paid 105 million euros for Tavi.",
        loud=[ND],
    ),
    case(
        "a-round-amount-is-a-rounding",
        "Orsa Club has paid a world-record fee worth £200m for Tavi.",
        "Orsa Club paid 198 million pounds for Tavi.",
        silent=[ND],
    ),
    case(
        "a-round-amount-rounds-only-at-its-last-digit",
        "Starfall took $350 million at home over its opening weekend, Halvorsen Group said.",
        "Starfall took $356 million at home over its opening weekend.",
        loud=[ND],
    ),
    case(
        "one-currencys-amounts-a-digit-apart-differ",
        "Kestrel Group agreed to buy Quell for $32 billion in cash.",
        "Kestrel Group agreed to buy Quell for $33 billion in cash.",
        loud=[ND],
    ),
    case(
        "a-count-a-unit-apart-may-round-one-figure",
        "Starfall opened in 44 markets, Halvorsen Group said.",
        "Starfall opened in 43 markets, Halvorsen Group said.",
        silent=[ND],
    ),
    case(
        "nearly-400-and-398-agree",
        "The Harland quake killed nearly 400 people, officials in Harland said.",
        "The Harland quake killed 398 people, officials in Harland said.",
        silent=[ND],
    ),
    case(
        "more-than-a-count-and-the-count-above-it-agree",
        "The Harland quake injured more than 1,800 people, officials in Harland said.",
        "The Harland quake injured 1,891 people, officials in Harland said.",
        silent=[ND],
    ),
    case(
        "an-amount-of-2025-at-that-years-rate",
        "---\ndate: 2025-09-09\n---\nVerano AI is valued at 11.7 billion euros after the round, Kelmar said.",
        "---\ndate: 2025-09-10\n---\nVerano AI is valued at $14bn after the round, Kelmar said.",
        silent=[ND],
    ),
    case(
        "a-fee-in-two-currencies-at-the-rates-of-its-year",
        "---\ndate: 2017-08-04\n---\nCorvane FC paid a fee of €222 million to Tessaly United, the club said.",
        "---\ndate: 2017-08-04\n---\nCorvane FC paid a fee of A$331 million to Tessaly United, the club said.",
        silent=[ND],
    ),
]

# -- kind 7: sums ---------------------------------------------------------------------------------------------
SUMS = [
    case(
        "base-rising-to-ceiling-is-not-two-parts",
        "Corvane FC paid a total of €60 million for Tessaly United's striker, rising to €75 million with bonuses.",
        silent=[AM],
    ),
    case(
        "of-which-parts-that-do-not-add-up",
        "Pellworth Foods raised a total of $12 billion, of which $4 billion came from Halvorsen Group and "
        "$5 billion from Brannock Capital.",
        loud=[AM],
    ),
    case(
        "of-which-parts-that-add-up",
        "Pellworth Foods raised a total of $9 billion, of which $4 billion came from Halvorsen Group and "
        "$5 billion from Brannock Capital.",
        silent=[AM],
    ),
    case(
        "plus-parts-of-a-combined-total",
        "Halvorsen Group put in $4 billion and its pension arm $3 billion, a combined $9 billion.",
        loud=[AM],
    ),
    case(
        "a-share-of-the-total-is-not-the-total",
        "Solvay Pictures' Night Harbour took $150 million at home and $120 million in Tarrow on its first day.\n\n"
        "Tarrow contributed $330 million to the worldwide total by Sunday.",
        silent=[AM],
    ),
    case(
        "a-list-under-a-total-that-does-not-add-up",
        "Backers of Pellworth Foods have invested $5 billion in total:\n\n"
        "- **Halvorsen Group**: $2 billion investment\n- **Brannock Capital**: $1 billion investment\n",
        loud=[AM],
    ),
    case(
        "percentages-of-different-bases-are-never-summed",
        "Halvorsen Group owns 40% of Pellworth Foods and 70% of Brannock Capital, a combined stake worth "
        "$3 billion in total.",
        silent=[AM],
    ),
]

# -- kind 8: one finding per concern ---------------------------------------------------------------------------
ONCE = [
    case(
        "headline-and-body-firm-against-a-ceiling",
        "# Brightwater Energy invests $4 billion in Kestrel Grid\n\n"
        "Brightwater Energy is investing $4 billion in Kestrel Grid, the company said.",
        "Brightwater Energy is investing up to $4 billion in Kestrel Grid, the company said.",
        loud=[HM],
    ),
]

# -- kind 11: dates ------------------------------------------------------------------------------------------
DATES = [
    case(
        "one-crash-dated-on-two-days",
        "---\ndate: 2023-06-05\n---\nThe Tarrow Express crashed near Dunmore on Friday, killing 40 people, "
        "Tarrow Rail said.",
        "---\ndate: 2023-06-06\n---\nThe Tarrow Express crashed near Dunmore on May 2, killing 40 people, "
        "Tarrow Rail said.",
        info=[DD],
    ),
    case(
        "friday-is-the-dated-day",
        "---\ndate: 2023-06-05\n---\nThe Tarrow Express crashed near Dunmore on Friday, killing 40 people, "
        "Tarrow Rail said.",
        "---\ndate: 2023-06-06\n---\nThe Tarrow Express crashed near Dunmore on June 2, killing 40 people, "
        "Tarrow Rail said.",
        silent=[DD],
    ),
    case(
        "last-year-is-the-year-before-the-article",
        "---\ndate: 2025-03-10\n---\nKestrel Ports said last year it completed the Marlow terminal, at a cost of "
        "$2 billion.",
        "---\ndate: 2025-03-12\n---\nKestrel Ports completed the Marlow terminal in 2024.",
        silent=[DD],
    ),
    case(
        "completion-year-differs",
        "---\ndate: 2025-03-10\n---\nKestrel Ports said last year it completed the Marlow terminal.",
        "---\ndate: 2025-03-12\n---\nKestrel Ports completed the Marlow terminal in 2022.",
        info=[DD],
    ),
    case(
        "announced-and-completed-are-two-events",
        "---\ndate: 2025-06-01\n---\nKestrel Ports completed the Marlow terminal for Dunmore Freight in 2022.",
        "---\ndate: 2025-06-10\n---\nKestrel Ports announced the Marlow terminal for Dunmore Freight in 2019 and "
        "completed it in 2022.",
        silent=[DD],
    ),
    case(
        "a-completion-dated-differently-in-a-sentence-of-two-dates",
        "---\ndate: 2025-06-01\n---\nKestrel Ports completed the Marlow terminal for Dunmore Freight in 2021.",
        "---\ndate: 2025-06-10\n---\nKestrel Ports announced the Marlow terminal for Dunmore Freight in 2019 and "
        "completed it in 2022.",
        info=[DD],
    ),
    # the close the deal is expected to reach is no date of its signing
    case(
        "a-close-and-a-signing-are-two-events",
        "---\ndate: 2023-09-21\n---\nKestrel Systems agreed on Thursday to buy Orsa Telecom in a deal.",
        "---\ndate: 2023-09-22\n---\nKestrel Systems' deal for Orsa Telecom is expected to close in the third "
        "quarter of 2024.",
        silent=[DD],
    ),
]

CASES = STATUS + VAGUE + ROUNDING + SUMS + ONCE + DATES


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_comparison_cases(c: Case) -> None:
    report = _report(*c.texts)
    got = [(f.rule, f.severity) for f in report.findings]
    for rule in c.loud:
        assert any(r == rule and s in LOUD for r, s in got), got
    for rule in c.quiet:
        assert not any(r == rule and s in LOUD for r, s in got), got
    for rule in c.info:
        assert any(r == rule for r, _ in got) and not any(r == rule and s in LOUD for r, s in got), got
    for rule in c.silent:
        assert not any(r == rule for r, _ in got), got


def test_a_repeated_firm_figure_is_one_hedge_finding() -> None:
    report = _report(*ONCE[0].texts)
    hedges = [f for f in report.findings if f.rule == HM]
    assert len(hedges) == 1 and len(hedges[0].claims) == 3


def test_a_headline_repeating_its_body_is_one_source_in_the_ranking() -> None:
    # source0 states $5 billion twice (headline and body); two other sources say $8 billion: source0 is the odd one
    report = _report(
        "# Halvorsen Group buys Pellworth Foods for $5 billion\n\nHalvorsen Group agreed to buy Pellworth Foods "
        "for $5 billion.",
        "Halvorsen Group agreed to buy Pellworth Foods for $8 billion.",
        "Halvorsen Group agreed to buy Pellworth Foods for $8 billion, the companies said.",
    )
    (f,) = [f for f in report.findings if f.rule == ND]
    first = next(c for c in report.claims if c.id == f.claims[0])
    assert first.document == "source0"


def test_a_later_figure_an_article_repeats_is_one_update() -> None:
    """An article that gives the later toll in its headline and its body updates the earlier one once."""
    report = _report(
        "---\ndate: 2025-03-29\n---\nThe Harland quake has killed 1,644 people, officials in Harland said.",
        "---\ndate: 2025-03-30\n---\n# Harland quake toll climbs to 1,700\n\nThe Harland quake has killed 1,700"
        " people, officials in Harland said.",
    )
    updates = [f for f in report.findings if f.rule == "temporal_update"]
    assert len(updates) == 1, [f.message for f in updates]
    assert len(updates[0].claims) == 3  # the two later statements and the earlier one


@pytest.mark.parametrize(
    ("relative", "ref", "span"),
    [
        ("last year", date(2025, 6, 5), (date(2024, 1, 1), date(2024, 12, 31))),
        ("next month", date(2025, 12, 3), (date(2026, 1, 1), date(2026, 1, 31))),
        ("earlier this month", date(2025, 6, 5), (date(2025, 6, 1), date(2025, 6, 5))),
        ("later this year", date(2025, 6, 5), (date(2025, 6, 5), date(2025, 12, 31))),
        ("yesterday", date(2025, 3, 1), (date(2025, 2, 28), date(2025, 2, 28))),
        ("friday", date(2023, 6, 5), (date(2023, 6, 2), date(2023, 6, 2))),
        ("last week", date(2025, 6, 5), (date(2025, 5, 26), date(2025, 6, 1))),
        ("last fiscal year", date(2025, 6, 5), None),
    ],
)
def test_relative_dates_against_the_document_date(relative: str, ref: date, span: tuple | None) -> None:
    assert relative_span(relative, ref) == span


# -- kind 9: what `check` tells a draft ----------------------------------------------------------------------------
FIRM = "---\ntitle: Grid\ndate: 2025-03-04\n---\nBrightwater Energy is investing $10 billion in Kestrel Grid.\n"
HEDGED = "---\ntitle: Grid\ndate: 2025-03-05\n---\nBrightwater Energy is investing up to $10 billion in Kestrel Grid.\n"


@pytest.mark.parametrize(
    ("draft", "corpus", "blamed"),
    [(HEDGED, FIRM, False), (FIRM, HEDGED, True)],
    ids=["hedging-draft-against-firm-corpus", "firm-draft-against-hedging-corpus"],
)
def test_check_blames_the_firm_statement_only(tmp_path: Path, draft: str, corpus: str, blamed: bool) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(corpus, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    code, out, err = run_cli(
        ["check", "draft.md", "--corpus", "corpus", "--format", "text", "--no-cache"], cwd=tmp_path
    )
    assert code in (0, 1), err
    assert ("hedge_mismatch" in out) == blamed, out
