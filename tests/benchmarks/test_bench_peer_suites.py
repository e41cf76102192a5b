"""The peer-suite benchmark (`python benchmarks/bench_peer_suites.py`): matching, agreement, metrics and scope
rules on tiny hand-written cases. Reads only the repository (the suites themselves live outside it)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks import bench_peer_suites as bench
from benchmarks.peer_data import Case, Config, Gold, Got, Relevance, load_config, parse_case, to_got, unit_spec
from benchmarks.peer_dates import gold_date, impossible, point, reader_date, same_date
from benchmarks.peer_scope import Scope, is_bare_number, is_spoken_amount
from benchmarks.peer_scoring import CaseResult, Item, close, match, tally, unit_agrees, value_agrees

ALL = Relevance(None)


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="module")
def scope() -> Scope:
    return Scope()


def gold(config: Config, kind: str, unit: str | None, value: float | None = None, **kw: Any) -> Gold:
    spec = unit_spec(config, kind, unit, kw.pop("iso", None))
    return Gold(kind=kind, surface=kw.pop("surface", None), span=kw.pop("span", None), value=value, unit=unit,
                spec=spec, **kw)  # fmt: skip


def got(family: str, value: float | None, start: int = 0, end: int = 1, **kw: Any) -> Got:
    low, high = kw.pop("low", value), kw.pop("high", value)
    return Got(start=start, end=end, text=kw.pop("text", "x"), family=family, code=kw.pop("code", None),
               value=value, low=low, high=high, **kw)  # fmt: skip


def case(golds: list[Gold], text: str = "x" * 40, kind: str = "money", scope: str = "money-only", **kw: Any) -> Case:
    return Case(suite="t", id=kw.pop("id", "t#0"), text=text, kind=kind, scope=scope,
                upstream=kw.pop("upstream", "f:"), golds=tuple(golds), **kw)  # fmt: skip


# ---- values and units ----


def test_close_is_relative() -> None:
    assert close(4828.032, 4828.032 * (1 + 5e-7))
    assert not close(4828.032, 4828.032 * (1 + 5e-6))
    assert close(0.0, 0.0) and close(None, None) and not close(None, 0.0)


def test_a_mile_is_read_in_metres(config: Config) -> None:
    miles = gold(config, "measure", "Mile", 3)
    assert value_agrees(miles, [got("length", 4828.032)])
    assert unit_agrees(miles, got("length", 4828.032))
    assert not value_agrees(miles, [got("length", 3)])


def test_a_value_in_another_family_compares_as_written(config: Config) -> None:
    pounds = gold(config, "measure", "Pound", 25)  # a measure: pound-mass
    read = got("currency", 25, code="GBP")
    assert value_agrees(pounds, [read]) and not unit_agrees(pounds, read)


def test_currencies_agree_by_code(config: Config) -> None:
    dollar = gold(config, "money", "Dollar", 10)  # "$" alone: any dollar
    assert unit_agrees(dollar, got("currency", 10, code="USD"))
    assert unit_agrees(dollar, got("currency", 10, code="CAD"))
    assert not unit_agrees(dollar, got("currency", 10, code="EUR"))
    assert unit_agrees(gold(config, "money", "MYR", 42), got("currency", 42, code="MYR"))  # a code as unit name
    assert unit_agrees(gold(config, "money", "Euro", 5, iso="EUR"), got("currency", 5, code="EUR"))
    assert unit_agrees(gold(config, "money", "Unnamed", 42), got("currency", 42, code="JPY"))


def test_subunits_convert(config: Config) -> None:
    cents = gold(config, "money", "Cent", 50)
    assert value_agrees(cents, [got("currency", 0.5, code="USD")])
    assert unit_agrees(cents, got("currency", 0.5, code="USD"))


def test_fahrenheit_has_an_offset(config: Config) -> None:
    assert value_agrees(gold(config, "measure", "degree Fahrenheit", 212), [got("temperature", 100.0)])


def test_an_ambiguous_ton_accepts_either_ton(config: Config) -> None:
    ton = gold(config, "measure", "Ton", 3)
    assert value_agrees(ton, [got("mass", 3 * 907.18474)])
    assert value_agrees(ton, [got("mass", 3000)])


def test_durations_use_the_readers_year(config: Config) -> None:
    assert value_agrees(gold(config, "duration", "week", 6), [got("duration", 6 / 52)])
    assert value_agrees(gold(config, "duration", "month", 6), [got("duration", 0.5)])


def test_bounds(config: Config) -> None:
    under = gold(config, "money", "EUR", None, high=7.0, bounded=True)
    assert value_agrees(under, [got("currency", 7, low=0, high=7, code="EUR")])  # open low bound: 0 in the reader
    at_least = gold(config, "money", "Dollar", None, low=1.42, bounded=True)
    assert value_agrees(at_least, [got("currency", 1.42, low=1.42, high=None, code="USD")])
    assert not value_agrees(at_least, [got("currency", 1.42, code="USD")])  # exact is not "at least"
    between = gold(config, "measure", "milligram", 47, low=44, high=50, bounded=True)
    assert value_agrees(between, [got("mass", 47e-6, low=44e-6, high=50e-6)])


def test_numbers_agree_with_any_family(config: Config) -> None:
    n = gold(config, "number", None, 26)
    assert n.spec.family == "number"
    assert unit_agrees(n, got("count", 26)) and value_agrees(n, [got("count", 26)])


def test_unknown_units_are_reported(config: Config) -> None:
    assert unit_spec(config, "measure", "Furlong", None).family == "unmapped:furlong"


# ---- matching ----


def test_match_by_overlapping_span_and_false_positives(config: Config) -> None:
    text = "Acme paid $5 million and 300 workers; 7 € more."
    g = gold(config, "money", "Dollar", 5e6, surface="$5 million", span=(10, 20))
    gots = [
        got("currency", 5e6, 10, 20, code="USD"),
        got("count", 300, 25, 36),  # a count: not annotated by a money-only suite
        got("currency", 7, 38, 41, code="EUR"),  # money, matches nothing: a false positive
    ]
    items, fps = match(case([g], text), gots, config.relevant["money-only"])
    assert items[0].right and items[0].got == (gots[0],)
    assert fps == [gots[2]]


def test_a_reading_overlapping_an_item_is_not_a_false_positive(config: Config) -> None:
    g = gold(config, "measure", "degree Celsius", None, low=-34, high=-18, bounded=True, span=(0, 20))
    gots = [got("temperature", -18, 0, 6), got("temperature", -34, 10, 16)]  # a range read as two numbers
    items, fps = match(case([g], kind="measure", scope="all-quantities"), gots, ALL)
    assert not items[0].right and fps == []


def test_match_by_value_when_the_span_is_unknown(config: Config) -> None:
    g = gold(config, "money", "EUR", 20, iso="EUR")
    right, other = got("currency", 20, code="EUR"), got("currency", 3, code="EUR")
    items, fps = match(case([g]), [other, right], ALL)
    assert items[0].got == (right,) and fps == [other]


def test_hedged_only_relevance_ignores_exact_numbers(config: Config) -> None:
    rel = config.relevant["range-only"]
    gots = [got("count", 5), got("count", 5, qualifier="over")]
    _, fps = match(case([], kind="range", scope="range-only"), gots, rel)
    assert len(fps) == 1 and fps[0].qualifier == "over"


# ---- dates ----


def test_timex_points_and_ranges() -> None:
    assert gold_date("2019-03") == point("2019-03")
    assert (point("2019").start, point("2019").end) == ("2019-01-01", "2020-01-01")
    assert (point("XXXX-12-31").start, point("XXXX-12-31").end) == ("XXXX-12-31", "XXXX-01-01")
    r = gold_date("(2014-01-01,2018-01-01,P4Y)")
    assert r.is_range and (r.start, r.end) == ("2014-01-01", "2018-01-01")
    assert impossible("XXXX-02-30") and not impossible("XXXX-02-29") and not impossible("2019-02")


def test_reader_dates_and_relative_dates(config: Config) -> None:
    ref = date(2018, 5, 31)
    rel = config.relative_dates
    assert reader_date({"year": 2019, "month": 1, "day": 4}, ref, rel).timex == "2019-01-04"
    assert reader_date({"month": 9}, ref, rel).timex == "XXXX-09"
    assert reader_date({"relative": "yesterday"}, ref, rel).timex == "2018-05-30"
    assert reader_date({"relative": "this week"}, ref, rel).timex == "2018-W22"
    assert reader_date({"relative": "last fiscal year"}, ref, rel).timex == "FY2017"
    q = reader_date({"relative": "last quarter"}, date(2019, 1, 28), rel)
    assert (q.start, q.end) == ("2018-10-01", "2019-01-01")
    assert reader_date({"relative": "last year"}, None, rel).timex.startswith("REL:")


def test_dates_some_units_ago(config: Config) -> None:
    ref = date(2018, 9, 17)
    rel, numbers = config.relative_dates, config.ago_numbers
    assert reader_date({"relative": "two months ago"}, ref, rel, numbers).timex == "2018-07-17"
    assert reader_date({"relative": "3 days ago"}, ref, rel, numbers).timex == "2018-09-14"
    assert reader_date({"relative": "many months ago"}, ref, rel, numbers).timex.startswith("REL:")


def test_a_sign_the_text_writes_is_compared_signed(config: Config) -> None:
    """The reader reads "-0.8%" as a change down of 0.8 (stated -0.8); the suites write -0.8."""
    from types import SimpleNamespace

    def reading(**kw: Any) -> Any:
        base = {
            "dimension": "percent",
            "date": None,
            "start": 0,
            "end": 5,
            "text": "-0.8%",
            "unit": "percent",
            "qualifier": "exact",
            "value": 0.8,
            "low": 0.8,
            "high": 0.8,
            "stated_value": -0.8,
            "change": "down",
        }
        return SimpleNamespace(**{**base, **kw})  # fmt: skip

    assert to_got(config, reading(), None).value == -0.8
    fell = to_got(config, reading(stated_value=0.8, text="0.8%"), None)  # "fell 0.8%": no sign written
    assert fell.value == 0.8
    ranged = to_got(config, reading(low=0.7, high=0.9), None)
    assert (ranged.low, ranged.high) == (-0.9, -0.7)


def test_a_range_of_dates_is_composed() -> None:
    years = gold_date("(2014-01-01,2018-01-01,P4Y)")
    assert same_date(years, [point("2014"), point("2018")])  # upstream ends at the start of the last year
    months = gold_date("(XXXX-04-01,XXXX-07-01,P3M)")
    assert same_date(months, [point("XXXX-04"), point("XXXX-06")])  # ... or at the end of the last month
    assert not same_date(years, [point("2014")])
    assert same_date(gold_date("(2019-04-01,2019-07-01,P3M)"), [reader_date({"year": 2019, "quarter": 2}, None, {})])


def test_date_items_take_every_reader_date_inside_them(config: Config) -> None:
    text = "The range is from 2014 to 2018."
    g = Gold(kind="date", surface="from 2014 to 2018", span=(13, 30), spec=unit_spec(config, "date", None, None),
             date=gold_date("(2014-01-01,2018-01-01,P4Y)"))  # fmt: skip
    gots = [got("date", 2014, 18, 22, date=point("2014")), got("date", 2018, 26, 30, date=point("2018"))]
    items, fps = match(case([g], text, kind="date", scope="date-only"), gots, config.relevant["date-only"])
    assert items[0].right and len(items[0].got) == 2 and fps == []


# ---- metrics ----


def test_precision_recall_and_accuracy(config: Config) -> None:
    g1 = gold(config, "money", "Dollar", 5, span=(0, 2))
    g2 = gold(config, "money", "Dollar", 6, span=(10, 12))
    right = CaseResult(case([g1]), [Item(g1, (got("currency", 5, code="USD"),), True, True)])
    wrong_unit = CaseResult(case([g2]), [Item(g2, (got("currency", 6, code="EUR"),), True, False)])
    missed = CaseResult(case([g2]), [Item(g2)])
    with_fp = CaseResult(case([g1]), [Item(g1, (got("currency", 5, code="USD"),), True, True)], [got("currency", 1)])
    out = CaseResult(case([g1]), [Item(g1, category="spoken-amount")], category="spoken-amount")
    total, kinds = tally([right, wrong_unit, missed, with_fp, out])
    c = total.counts
    assert (c.gold, c.predicted, c.tp_value, c.tp_full) == (5, 4, 3, 2)
    p, r, f = c.value_prf()
    assert (p, r) == (3 / 4, 3 / 5) and f == pytest.approx(2 * p * r / (p + r))
    assert (total.in_scope, total.right, total.accuracy) == (4, 1, 0.25)
    assert (total.scoped.gold, total.scoped.predicted) == (4, 4)
    assert list(kinds) == ["money"]


# ---- scope ----


def test_bare_numbers_and_counts(scope: Scope) -> None:
    def bare(text: str, numeral: str) -> bool:
        at = text.index(numeral)
        return is_bare_number(text, (at, at + len(numeral)), scope.stop, scope.determiners)

    assert not bare("Twenty-six people died.", "Twenty-six")
    assert not bare("I'd like two thirds of the cake.", "two thirds")
    assert not bare("I want to earn $10000 in 3 years", "10000")  # a currency before it
    assert bare("42 is the answer", "42")
    assert bare("The class is English 101.", "101")
    assert bare("Cannington South 32 Ltd", "32")  # a capitalised name is no counted noun
    assert bare("It increased by the end of the 1960s", "1960")
    assert bare("a hundred and two of those", "a hundred and two")


def test_spoken_amounts(config: Config) -> None:
    spoken = gold(config, "money", "Dollar", 13.45, surface="thirteen dollars and forty-five cents")
    assert is_spoken_amount(spoken, "")
    assert not is_spoken_amount(gold(config, "money", "Dollar", 13.45, surface="$13.45"), "")
    assert not is_spoken_amount(gold(config, "money", "Cent", 64.2, surface="64.2 cents"), "")


def test_scope_rules_classify_by_kind_pattern_and_unit(config: Config, scope: Scope) -> None:
    def category(text: str, kind: str, suite_scope: str, item: dict[str, Any] | None = None, **row: Any) -> str | None:
        c = parse_case(config, "t", {"id": "t#1", "text": text, "kind": kind, "scope": suite_scope,
                                     "expected": [item] if item else [], **row})  # fmt: skip
        return scope.item(c, c.golds[0]) if item else scope.case(c)

    def dated(surface: str, timex: str) -> dict[str, Any]:
        return {"kind": "date", "surface": surface, "resolutions": [{"timex": timex}]}

    assert category("the eleventh", "ordinal", "ordinal-only", {"kind": "ordinal", "surface": "eleventh"}) == "ordinal"
    assert category("Meet on Friday", "date", "date-only", dated("friday", "XXXX-WXX-5")) == "weekday"
    assert category("on 22/04", "date", "date-only", dated("22/04", "XXXX-04-22")) == "numeric-date"
    assert category("in 2 weeks", "date", "date-only", dated("in 2 weeks", "2018-04-06")) == "date-arithmetic"
    assert category("Sales fell last month", "date", "date-only", dated("last month", "2018-04")) is None
    assert category("on Jan. 4, 2019", "date", "date-only", dated("jan. 4, 2019", "2019-01-04")) is None
    assert category("sixteen", "number", "number-only", {"kind": "number", "surface": "sixteen", "value": 16}) == (
        "bare-number"
    )
    assert category("26 people died", "number", "number-only", {"kind": "number", "surface": "26", "value": 26}) is None
    cup = {"kind": "measure", "surface": "1/2 cup", "value": 0.5, "unit": "Cup"}
    assert category("1/2 cup olive oil", "measure", "measure-only", cup) == "cooking-measure"
    latent = {"kind": "money", "value": 5, "unit": "Unnamed"}
    assert category("5", "money", "money-only", latent, upstream={"list": "latentCorpus"}) == "latent-amount"
    assert category("x>10", "range", "range-only") == "comparison-operator"  # a case that expects nothing
    assert category("All 70 of us.", "money", "money-only") is None

    # reviewed categories: lower-case codes and lettered dollars, names before the amount, decades, parts of periods
    def money(surface: str, value: float, unit: str) -> dict[str, Any]:
        return {"kind": "money", "surface": surface, "value": value, "unit": unit}

    assert category("aud$ 15", "money", "money-only", money("aud$ 15", 15, "Australian dollar")) == (
        "lower-case-currency"
    )
    assert category("AUD 15", "money", "money-only", money("aud 15", 15, "Australian dollar")) is None
    assert category("ringgit 42", "money", "money-only", money("ringgit 42", 42, "MYR")) == "currency-name-first"
    assert category("in the 1990s", "date", "date-only", dated("1990s", "(1990-01-01,2000-01-01,P10Y)")) == "century"
    assert category("at the end of year", "date", "date-only", dated("end of year", "2018")) == "period-part"
    assert category("It may be in may", "date", "date-only", dated("may", "XXXX-05")) == "lower-case-month"
    assert category("in april 2017", "date", "date-only", dated("april 2017", "2017-04")) is None


def test_every_unit_has_a_family_and_every_unit_category_a_reason(config: Config, scope: Scope) -> None:
    families = set(config.reader_families.values()) | {"number"}
    for name, spec in config.units.items():
        assert spec.family, name
        assert spec.category is None or spec.category in scope.reasons, name
        if spec.family == "currency":
            assert spec.codes is None or all(len(c) == 3 for c in spec.codes), name
    assert {"length", "mass", "currency", "duration"} <= families


# ---- the script ----


def test_the_script_runs_on_a_small_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mini"
    folder.mkdir()
    rows = [
        {"id": "m#0", "text": "Acme paid $5 million for 300 acres.", "kind": "money", "scope": "all-quantities",
         "expected": [{"kind": "money", "surface": "$5 million", "value": 5e6, "unit": "dollar"},
                      {"kind": "measure", "surface": "300 acres", "value": 300, "unit": "acre"}]},
        {"id": "m#1", "text": "He walked two furlongs.", "kind": "measure", "scope": "all-quantities",
         "expected": [{"kind": "measure", "surface": "two furlongs", "value": 2, "unit": "furlong"}]},
        {"id": "m#2", "text": "Nothing to see here.", "kind": "no-quantity", "scope": "all-quantities",
         "expected": []},
    ]  # fmt: skip
    (folder / "cases.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert bench.main(["--suites", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    mini = report["suites"]["mini"]
    assert mini["total"]["cases"] == 3 and mini["total"]["in_scope"] == 3
    assert mini["total"]["right"] == 2  # the furlong case is missed
    assert [m["id"] for m in mini["misses"]] == ["m#1"]
    assert report["unmapped_units"] == ["unmapped:furlong"]
    assert bench.main(["--suites", str(tmp_path), "--misses", "1"]) == 0
    text = capsys.readouterr().out
    assert "| mini | 3 |" in text and "m#1" in text
    assert bench.main(["--suites", str(tmp_path), "--misses", "1"]) == 0
    assert capsys.readouterr().out == text  # deterministic


def test_a_rule_with_an_unknown_predicate_or_no_reason_is_refused(tmp_path: Path) -> None:
    base = {"categories": {"x": "a reason"}, "stop_words": [], "determiners": [], "rules": []}
    for rule in ({"category": "x", "surfce": "a"}, {"category": "y", "kind": "date"}):
        path = tmp_path / "scope.yaml"
        path.write_text(json.dumps({**base, "rules": [rule]}), encoding="utf-8")  # JSON is YAML
        with pytest.raises(ValueError):
            Scope(path)
