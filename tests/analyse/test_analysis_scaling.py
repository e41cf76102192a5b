"""The corpus-wide stages made near-linear (issue 6) give what the all-pairs versions gave.

Each blocked or vectorised step is checked against a plain scan of every pair, written here as the reference,
on random inputs made to hit the edge cases (shared wordings, common names, near-duplicate documents, ties).
"""

from __future__ import annotations

import copy
import io
import itertools
import json
import math
import pickle
import random
from collections import Counter

import pytest

from factcheck.analyse import categorical, numeric
from factcheck.analyse.alignment import align_dates
from factcheck.analyse.comparison import claim_order
from factcheck.analyse.intervals import compatible, same_number
from factcheck.extract import EntityFinder, EntityIndex, entity_index
from factcheck.extract.independence import Independence
from factcheck.extract.name_learning import learn_names
from factcheck.extract.name_matching import key_of, names_match, variant_pairs
from factcheck.load import load
from factcheck.models import (
    Check,
    Claim,
    Corroboration,
    Document,
    Evidence,
    Fact,
    Finding,
    Line,
    NameFacts,
    Quantity,
    Report,
    replace,
    share_fields,
)
from factcheck.pipeline import analyse
from factcheck.report import jsonout, markdown
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import ROOT, SEEDS

EVENTS = ROOT / "tests" / "corpora" / "events"

# -- numeric facts: every pair judged once, in numpy or not --------------------------------------------------


def _temporal_reference(a: Claim, b: Claim, dates: dict[str, str | None], ruleset: RuleSet) -> tuple | None:
    """The pairwise test as it was written before the claim table."""
    lex = ruleset.numbers
    da, db = dates.get(a.document), dates.get(b.document)
    if da and db and da != db:
        earlier, later = (a, b) if da < db else (b, a)
        if lex.update_re.search(later.quote):
            return earlier, later
        if later.metric in lex.cumulative_metrics and (later.value or 0) > (earlier.value or 0):
            return earlier, later
        return None
    cue_a, cue_b = bool(lex.update_re.search(a.quote)), bool(lex.update_re.search(b.quote))
    if cue_b and not cue_a:
        return a, b
    if cue_a and not cue_b:
        return b, a
    return None


def _random_quantity_claims(rng: random.Random, n: int) -> tuple[list[Claim], dict[str, str | None]]:
    docs = [f"d{i}" for i in range(max(2, n // 2))]
    dates = {d: rng.choice([None, "", "2024-01-02", "2024-03-04", "2025-01-01"]) for d in docs}
    claims = []
    for i in range(n):
        qualifier = rng.choice(["exact", "exact", "up_to", "under", "over", "at_least", "approx", "range", None])
        value = rng.choice([None, 0.0, 5e9, 5.2e9, 6e9, 1e3, 1.0, rng.uniform(1, 10) * 1e9, math.inf])
        low: float | None = value
        high: float | None = value
        if qualifier in ("up_to", "under"):
            low = 0.0
        elif qualifier in ("over", "at_least"):
            high = None
        elif qualifier in ("approx", "range") and value is not None:
            low, high = value * 0.9, value * rng.choice([1.1, 1.5])
        unit, dimension = rng.choice(
            [("USD", "currency"), ("EUR", "currency"), ("XYZ", "currency"), ("count", "count")]
        )
        claims.append(
            Claim(
                id=f"c{i}",
                document=rng.choice(docs),
                line=rng.randint(1, 5),
                column=rng.randint(1, 3),
                text=f"{value}",
                quote=rng.choice(["It paid that.", "The figure rose to that.", "It was revised.", "A quote " * 8]),
                kind="quantity",
                value=value,
                low=low,
                high=high,
                unit=unit,
                dimension=dimension,
                qualifier=qualifier,
                precision=rng.choice([0.0, 5e8, 5e7]),
                metric=rng.choice(["value", "users", "investment"]),
                quoted=rng.random() < 0.2,
                status=rng.choice([None, None, None, "target", "earlier", "report", "part"]),
            )
        )
    return claims, dates


@pytest.mark.parametrize("vector_pairs", [1, 10**9])
def test_claim_table_judges_pairs_as_the_pairwise_scan(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch, vector_pairs: int
) -> None:
    monkeypatch.setattr(numeric, "VECTOR_PAIRS", vector_pairs)
    rng = random.Random(6)
    for _ in range(60):
        claims, dates = _random_quantity_claims(rng, rng.randint(2, 30))
        conflicts, updates = [], []
        years = {d: int(v[:4]) if v else None for d, v in dates.items()}
        # an undated article converts at the commonest year of the fact's dated ones
        dated = Counter(years[c.document] for c in claims if years[c.document] is not None)
        fallback = dated.most_common(1)[0][0] if dated else None
        years = {d: fallback if y is None else y for d, y in years.items()}
        for (i, a), (j, b) in itertools.combinations(enumerate(claims), 2):
            if a.document == b.document or compatible(a, b, ruleset, (years[a.document], years[b.document])):
                continue
            if a.status != b.status and {a.status, b.status} & {"target", "part", "increment"}:
                continue  # a target, a part, an increment never disagree with a figure of another status
            update = _temporal_reference(a, b, dates, ruleset)
            if update is None:
                conflicts.append((i, j))
            else:
                updates.append((claims.index(update[0]), claims.index(update[1])))
        table = numeric._ClaimTable(claims, dates, ruleset)
        first, second, got_updates = table.pairs()
        assert list(zip(list(first), list(second), strict=True)) == conflicts
        assert got_updates == updates
        # the summary of the conflicts, in numpy or not, is the one the pairwise code made
        pairs = [(claims[i], claims[j]) for i, j in conflicts]

        def loud(a: Claim, b: Claim) -> bool:
            return not (a.quoted or b.quoted) and a.qualifier != "vague" != b.qualifier and a.status == b.status

        def ranked(pairs: list[tuple[Claim, Claim]]) -> list[Claim]:
            others: dict[str, set[str]] = {}
            for a, b in pairs:
                others.setdefault(a.id, set()).add(b.document)
                others.setdefault(b.id, set()).add(a.document)
            unique = {c.id: c for pair in pairs for c in pair}.values()
            return sorted(unique, key=lambda c: (-len(others[c.id]), claim_order(c)))

        loud_pairs = [p for p in pairs if loud(*p)]
        named = {c.id for p in loud_pairs for c in p}
        quiet_pairs = [p for p in pairs if not loud(*p) and not (p[0].id in named and p[1].id in named)]
        assert numeric._conflicts(claims, first, second) == (ranked(loud_pairs), ranked(quiet_pairs))
        for i, j in itertools.product(range(len(claims)), repeat=2):
            if claims[i].value is not None and claims[j].value is not None:
                ys = (years[claims[i].document], years[claims[j].document])
                assert table.same_number(i, j) == same_number(claims[i], claims[j], ruleset, ys)


# -- independent sources -----------------------------------------------------------------------------------


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.md", text=text, lines=[Line(number=1, start=0, text=text, role="body")])


def test_several_is_a_count_of_at_least_two() -> None:
    rng = random.Random(7)
    words = ["the", "company", "said", "it", "would", "buy", "its", "rival", "for", "five", "billion", "dollars"]
    base = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(4)]
    docs = []
    for i in range(12):
        text = base[i % 4]
        if i >= 4:  # a rewrite: a few words changed
            ws = text.split()
            for _ in range(rng.choice([1, 3, 30])):
                ws[rng.randrange(len(ws))] = rng.choice(words)
            text = " ".join(ws)
        docs.append(_doc(f"d{i:02d}", text))
    independence = Independence(docs)
    quotes = [
        "Acme will buy Beta for $5 billion, the companies said today.",
        "Short one.",
        "Another sentence entirely.",
    ]
    for _ in range(300):
        claims = [
            Claim(
                id=f"c{k}",
                document=rng.choice(docs).id,
                line=rng.randint(1, 3),
                text="x",
                quote=rng.choice(quotes),
                kind="quantity",
            )
            for k in range(rng.randint(0, 6))
        ]
        assert independence.several(claims) == (independence.count(claims) >= 2)


# -- rival uniqueness claims ---------------------------------------------------------------------------------


def test_rivals_are_the_claims_the_scan_finds() -> None:
    rng = random.Random(8)
    index = EntityIndex(owner={"widget": "acme", "gadget": "beta"})
    objects = ["company", "companies", "cloud provider", "cloud platform", "carmaker"]
    scopes = ["food company in Harwick with its own research centre", "food companies in Harwick", "cloud", None]
    claims = [
        Claim(
            id=f"c{i}",
            document=f"d{rng.randint(0, 9)}",
            line=1,
            text="the only",
            quote="q",
            kind="superlative",
            metric=rng.choice(["superlative:unique", "exclusivity:unique", "superlative:first"]),
            subject=rng.choice(["acme", "beta", "widget", "gadget", "gamma", None]),
            object=rng.choice(objects),
            scope=rng.choice(scopes),
        )
        for i in range(80)
    ]
    unique = [c for c in claims if c.metric in ("superlative:unique", "exclusivity:unique")]
    rivals = categorical._Rivals(index, unique)
    for a in claims:
        expected = [b for b in unique if categorical._rival(index, a, b)] if a.metric != "superlative:first" else []
        assert rivals.candidates(a) == expected


# -- dates: blocked by (event, name) -------------------------------------------------------------------------


def _align_dates_reference(claims: list[Claim], need: int, index: EntityIndex) -> list[list[str]]:
    """Every earlier fact is a candidate: the scan before blocking."""
    groups: list[list[Claim]] = []
    firsts: list[tuple[str, set[str], set[str | None]]] = []
    for c in claims:
        if c.kind != "date" or c.teaser:
            continue
        events = set((c.event or "").split("|"))
        mine = {index.canon(e) for e in c.entities}
        home = None
        for i, (document, first_events, first_names) in enumerate(firsts):
            if document == c.document or not events & first_events:
                continue
            if len(mine & first_names) >= need:
                home = groups[i]
                break
        if home is None:
            home = []
            groups.append(home)
            firsts.append((c.document, events, mine))
        home.append(c)
    return [[c.id for c in g] for g in groups]


@pytest.mark.parametrize("subsets", [64, 3, 0])  # 3 and 0: some or all dates go through the single-name blocks
@pytest.mark.parametrize("need", [0, 1, 2, 3])
def test_date_blocks_find_the_fact_the_scan_finds(
    ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch, need: int, subsets: int
) -> None:
    from factcheck.analyse import alignment

    monkeypatch.setattr(alignment, "MAX_SUBSETS", subsets)
    rng = random.Random(need)
    index = EntityIndex(canonical={"acmeinc": "acme"})
    names = ["harwick", "acme", "acmeinc", "beta", "gamma", "delta", "city"]
    claims = [
        Claim(
            id=f"c{i}",
            document=f"d{rng.randint(0, 30)}",
            line=1,
            text="May 2024",
            quote="q",
            kind="date",
            event=rng.choice(["deal", "deal|launch", "launch", None]),
            entities=rng.sample(names, rng.randint(0, 4)) + (["harwick"] if rng.random() < 0.7 else []),
            teaser=rng.random() < 0.05,
        )
        for i in range(400)
    ]
    rules = copy.copy(ruleset)
    rules.lexicons = {**ruleset.lexicons, "dates": ruleset.dates.model_copy(update={"min_shared_entities": need})}
    assert rules.dates.min_shared_entities == need
    got = [[c.id for c in g.claims] for g in align_dates(claims, rules, index)]
    assert got == _align_dates_reference(claims, need, index)


# -- spelling variants of one name -------------------------------------------------------------------------


def test_variant_pairs_hold_every_matching_pair() -> None:
    rng = random.Random(9)
    stems = ["Halvorsen", "Halvorson", "Halvorsen Group", "HG", "Halvorsen Gruppe", "Hal 9000", "Hal 9001", "Halv"]
    forms = sorted(
        {
            rng.choice(stems) + rng.choice(["", " Ltd", " Group", " Holdings", "s", " 2"]) + rng.choice(["", "'s"])
            for _ in range(200)
        }
        | {"HAL", "Hal Alpha Lima", "HALVORSEN", "Halvorsenn Group", "H.G."}
    )
    suffixes = frozenset({"ltd", "group", "holdings"})
    pairs = set(variant_pairs(forms, suffixes))
    for i, j in itertools.combinations(range(len(forms)), 2):
        if names_match(forms[i], forms[j], suffixes):
            assert (i, j) in pairs, (forms[i], forms[j])


def test_index_merges_variants_as_the_all_pairs_scan(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = load([SEEDS, EVENTS], ruleset.boilerplate).documents
    from factcheck.extract.sentences import sentences

    finder = EntityFinder(ruleset.entities)
    facts = [learn_names(finder, sentences(d)) for d in docs]
    rng = random.Random(10)
    extra = [
        NameFacts(
            known=[key_of(f)],
            surfaces=[(key_of(f), f, rng.randint(0, 3))],
        )
        for f in ["Halvorsen Group", "Halvorsen", "HG", "Halvorsen Grp", "Orsa Motors", "Orsa Telecom", "Orsa"]
    ]
    blocked = finder.index_from([*facts, *extra])
    monkeypatch.setattr(
        entity_index, "variant_pairs", lambda forms, _s: list(itertools.combinations(range(len(forms)), 2))
    )
    scanned = finder.index_from([*facts, *extra])
    assert blocked.canonical == scanned.canonical
    assert blocked.display == scanned.display
    assert blocked.owner == scanned.owner


# -- output: streamed, byte for byte the same ----------------------------------------------------------------


def _edge_report() -> Report:
    doc = _doc("a", "text")
    claim = Claim(
        id="a:1",
        document="a",
        line=1,
        text='$5 "bn"\t\u2028',
        quote="Line\nbreak, \\ back, \x00 nul, ü, 😀, →",
        kind="quantity",
        value=math.inf,
        low=-math.inf,
        high=math.nan,
        equivalents=[
            Quantity(start=0, end=1, text="€4", value=4e20, low=None, high=None, unit="EUR", dimension="currency")
        ],
    )
    date = Claim(
        id="a:2", document="a", line=2, text="May", quote="q", kind="date", low="2024-05-01", high="2024-05-31"
    )
    finding = Finding(
        id="F1",
        kind="numeric_disagreement",
        rule="numeric_disagreement",
        severity="error",
        message="A → B",
        claims=["a:1", "missing"],
        evidence=[Evidence(document="zz", line=3, quote="other", relation="related")],
    )
    return Report(
        documents=[doc, doc.model_copy(update={"warnings": ["w"]})],
        claims=[claim, date],
        facts=[Fact(id="f1", metric="m", subject=None, object="o", dimension="d", status="agree", claims=["a:1"])],
        findings=[finding],
        checks=[Check(kind="arithmetic", status="mismatch", claims=["a:1"], detail="1 + 1 = 3")],
        corroborations=[Corroboration(claim="a:1", supported_by=[])],
        rules_fired=["numeric_disagreement"],
    )


def test_json_is_what_json_dumps_writes(ruleset: RuleSet) -> None:
    reports = [_edge_report(), Report(documents=[], claims=[], facts=[], findings=[])]
    reports.append(analyse(load([SEEDS], ruleset.boilerplate).documents, ruleset))
    for report in reports:
        expected = json.dumps(jsonout.report_dict(report), indent=2, ensure_ascii=False) + "\n"
        assert jsonout.render(report) == expected
        out = io.StringIO()
        jsonout.write(report, out)
        assert out.getvalue() == expected


def test_encoder_is_json_dumps_on_any_value() -> None:
    rng = random.Random(11)

    def value(depth: int) -> object:
        kind = rng.randrange(9 if depth < 3 else 6)
        if kind == 0:
            return rng.choice(["", "a", 'q"\\', "\n\t\x1f", "é→😀", "\u2028"])
        if kind == 1:
            return rng.choice([0, -1, 10**20, True, False])
        if kind == 2:
            return rng.choice([0.0, -0.0, 1.5, 1e16, 1e-7, math.inf, -math.inf, math.nan])
        if kind in (3, 4, 5):
            return None
        if kind == 6:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        if kind == 7:
            return tuple(value(depth + 1) for _ in range(rng.randint(0, 2)))
        return {rng.choice(["k", "é", 'q"', 1, 2.5, True, None]): value(depth + 1) for _ in range(rng.randint(0, 3))}

    for _ in range(500):
        v = value(0)
        for level in (0, 2):
            expected = json.dumps(v, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
            assert jsonout._encode(v, level) == expected


def _matrix_with_pandas(ctx: markdown._Ctx) -> list[str]:
    """The fact matrix as it was built before, with a pandas pivot table."""
    pd = pytest.importorskip("pandas")
    lines: list[str] = []
    rows = []
    for f in ctx.report.facts:
        if f.status == "single_source":
            continue
        for cid in f.claims:
            c = ctx.claims[cid]
            rows.append({"fact": markdown._fact_name(f), "source": c.document[:12], "value": c.text})
    lines += ["## Fact matrix", ""]
    if not rows:
        lines += ["No fact is stated by more than one source.", ""]
        return lines
    df = pd.DataFrame(rows)
    table = df.pivot_table(index="fact", columns="source", values="value", aggfunc=lambda v: "; ".join(v), sort=False)
    table = table.reindex(columns=sorted(table.columns))
    lines.append("| fact | " + " | ".join(markdown.escape(c) for c in table.columns) + " |")
    lines.append("|---" * (len(table.columns) + 1) + "|")
    for fact, row in table.iterrows():
        cells = ["" if pd.isna(v) else markdown.escape(str(v)) for v in row]
        lines.append(f"| {markdown.escape(str(fact))} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def test_fact_matrix_is_the_pivot_table(ruleset: RuleSet) -> None:
    rng = random.Random(12)
    # document ids that share their first 12 characters share a column; facts of one name share a row
    doc_ids = ["story-0000001-a", "story-0000001-b", "zeta", "alpha|pipe", "story-0000002"]
    claims = [
        Claim(
            id=f"c{i}",
            document=rng.choice(doc_ids),
            line=i,
            text=rng.choice(["$5", "$6", "5*"]),
            quote="q",
            kind="quantity",
        )
        for i in range(60)
    ]
    facts = []
    for i in range(15):
        ids = [c.id for c in rng.sample(claims, rng.randint(1, 5))]
        status = rng.choice(["agree", "disagree", "single_source", "updated"])
        subject = rng.choice(["Acme", "Beta", None])
        facts.append(
            Fact(
                id=f"f{i}",
                metric="value",
                subject=subject,
                object=None,
                dimension="currency",
                status=status,
                claims=ids,
            )
        )
    reports = [
        Report(documents=[], claims=claims, facts=facts, findings=[]),
        Report(documents=[], claims=claims, facts=[f for f in facts if f.status == "single_source"], findings=[]),
        analyse(load([SEEDS], ruleset.boilerplate).documents, ruleset),
    ]
    for report in reports:
        ctx = markdown._Ctx(report)
        lines: list[str] = []
        markdown._matrix(ctx, lines)
        assert lines == _matrix_with_pandas(ctx)


def test_markdown_streams_the_text_it_renders(ruleset: RuleSet) -> None:
    report = analyse(load([SEEDS, EVENTS], ruleset.boilerplate).documents, ruleset)
    text = markdown.render(report, {})
    out = io.StringIO()
    markdown.write(report, out, {})
    assert out.getvalue() == text
    assert text.endswith("|\n") and not text.endswith("\n\n")
    for batch in (1, 2, 3, 7):  # any batching gives the same text, trailing blank lines included
        parts: list[str] = []
        lines = markdown._Lines(parts.append, batch=batch)
        lines += ["a", "", "b  ", "", "  "]
        lines.append("")
        lines.close()
        assert "".join(parts) == "\n".join(["a", "", "b  ", "", "  ", ""]).rstrip() + "\n"


# -- models: copies and shared field-name sets ---------------------------------------------------------------


def test_replace_is_model_copy() -> None:
    c = Claim(id="c", document="d", line=1, text="t", quote="q", kind="quantity", entities=["x"])
    for update in ({}, {"subject": "S"}, {"subject": None, "entities": []}):
        a, b = replace(c, **update), c.model_copy(update=update)
        assert a == b and a.model_dump() == b.model_dump() and a.model_fields_set == b.model_fields_set
        assert a.model_dump_json() == b.model_dump_json()
    assert c.subject is None  # the original is untouched


def test_pickled_models_share_their_field_name_sets() -> None:
    claims = [Claim(id=f"c{i}", document="d", line=i, text="t", quote="q", kind="quantity") for i in range(3)]
    back = pickle.loads(pickle.dumps(claims))
    assert back == claims
    assert back[0].__pydantic_fields_set__ is back[1].__pydantic_fields_set__
    copied = back[0].model_copy(update={"subject": "s"})  # a copy copies the set before changing it
    assert "subject" not in back[1].model_fields_set and "subject" in copied.model_fields_set
    lines = [Line(number=i, start=0, text="x", role="body") for i in range(3)]
    share_fields(lines)
    assert lines[0].__pydantic_fields_set__ is lines[2].__pydantic_fields_set__


# -- workers forked before the corpus is read ----------------------------------------------------------------


def test_run_forks_its_workers_before_loading(ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.extract import parallel
    from factcheck.pipeline import run

    monkeypatch.setattr(parallel, "MIN_PER_JOB", 1)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    made: list[int] = []
    real_pool = parallel._pool

    def counting_pool(rules: RuleSet, n: int) -> object:
        made.append(n)
        return real_pool(rules, n)

    monkeypatch.setattr(parallel, "_pool", counting_pool)
    serial = jsonout.render(run([SEEDS], ruleset, 1).report)
    assert made == []
    pooled = jsonout.render(run([SEEDS], ruleset, 2).report)
    assert pooled == serial
    assert made == [2]  # one pool, started before the load and used by the extraction
    assert parallel._prestarted is None
    with parallel.prestarted(ruleset, 2, 100):  # not used: let go at the end all the same
        assert parallel._prestarted is not None
    assert parallel._prestarted is None
