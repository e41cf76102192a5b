"""The fast paths of sentence cleaning and name finding give exactly what the plain, slower readings give."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.extract import EntityFinder
from factcheck.extract.name_matching import _POSS, without_possessive
from factcheck.extract.sentences import _LEAD, _LINK, _normal, clean
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import ROOT, SEEDS


def _plain_clean(raw: str, base: int) -> tuple[str, list[int]]:
    """`clean` one character at a time: the reading the fast path must reproduce."""
    keep = [True] * len(raw)
    lead = _LEAD.match(raw)
    for i in range(lead.end() if lead else 0):
        keep[i] = False
    for m in _LINK.finditer(raw):
        keep[m.start()] = False
        for i in range(m.end(1), m.end()):
            keep[i] = False
    for i, ch in enumerate(raw):
        if ch in "*`" or (ch == "_" and (raw[i - 1 : i] == "_" or raw[i + 1 : i + 2] == "_")):
            keep[i] = False
    chars, offsets = [], []
    for i, ch in enumerate(raw):
        if keep[i]:
            if not (" " <= ch <= "~"):
                ch = _normal(ch)
                if not ch:
                    continue
            chars.append(ch)
            offsets.append(base + i)
    return "".join(chars), offsets


def test_clean_matches_the_plain_reading() -> None:
    pieces = [*"ab cA1_*`[]()#-.:,\t\u00a0\u200d\u0663\u2007", "[link](http://u)", "# ", "- ", "1. ", "__", "**"]
    pieces += ["OSLO, June 2 (Wire) - ", "https://x.y"]
    rng = random.Random(3)
    for _ in range(20000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        base = rng.randint(0, 40)
        assert clean(raw, base) == _plain_clean(raw, base), raw


_CONNECTIVES = ("of", "de", "&", "van", "von", "la", "du")


def _plain_runs(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """`EntityFinder.raw_runs` token by token, as first written."""

    def name_token(tok: str, prev_name: bool) -> bool:
        if re.search(r"['’](?:ve|re|ll|d|m|t)$", tok):
            return False
        if tok[0].isdigit():
            return prev_name
        if tok[0].isupper() or re.match(r"^[a-z]+[A-Z]", tok):
            return not re.search(r"-[a-z]{3,}$", tok)
        return False

    def close(tokens: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[int, int, str]]]:
        while tokens and tokens[-1][2] in _CONNECTIVES:
            tokens = tokens[:-1]
        return (tokens[0][0], tokens[-1][1], tokens) if tokens else (0, 0, [])

    runs, current = [], []
    # a token opens with an ASCII letter or digit, or a Latin-1 / Latin Extended-A letter ("Øvrum")
    for m in re.finditer(r"[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f][\w&.'’+-]*", text):
        tok = m.group().rstrip(".,;:!?")
        end = m.start() + len(tok)
        gap = text[current[-1][1] : m.start()] if current else ""
        joined = bool(current) and gap == " " and not _POSS.search(current[-1][2])
        if joined and tok in _CONNECTIVES:
            current.append((m.start(), end, tok))
            continue
        if name_token(tok, joined):
            if joined:
                current.append((m.start(), end, tok))
            else:
                if current:
                    runs.append(close(current))
                current = [(m.start(), end, tok)]
        else:
            if current:
                runs.append(close(current))
            current = []
    if current:
        runs.append(close(current))
    return [r for r in runs if r[2]]


def _plain_after_prep(finder: EntityFinder, text: str, start: int) -> bool:
    prev = re.search(r"([A-Za-z]+)\W*$", text[:start])
    if not prev:
        return False
    word = prev.group(1).casefold()
    if word in ("both", "either", "neither", "the"):
        prev2 = re.search(r"([A-Za-z]+)\W+\w+\W*$", text[:start])
        word = prev2.group(1).casefold() if prev2 else word
    return word in finder.lex.prepositions_set


def test_name_runs_match_the_plain_reading(ruleset: RuleSet) -> None:
    finder = EntityFinder(ruleset.entities)
    words = ["Acme", "acme", "iPhone", "of", "of.", "de", "la", "Don't", "I've", "3am", "365", "4.5", "Norway-based"]
    words += ["X-ray", "Acme's", "Acme’s", "Beta'", "the", "The", "CEO", "said", "in", "both", "Über", "aÉ", "café"]
    words += ["_x", "é-abc", "u.s.", "chip-maker", "company", "in the", ",", ".", ":", " — ", "(", '"', "’", "İ"]
    seps = [" ", " ", " ", "  ", ", ", "-", "\n", "'", "_"]
    rng = random.Random(11)
    for _ in range(6000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 9)))
        assert finder.raw_runs(text) == _plain_runs(text), text
        for start in range(len(text) + 1):
            assert finder._after_prep(text, start) == _plain_after_prep(finder, text, start), (text, start)
            prefix = text[:start]
            plain = finder.role_before.search(prefix)
            fast = finder.role_noun_before(text, start)
            assert (fast and fast.group(1)) == (plain and plain.group(1)), (text, start)
        assert without_possessive(text) == _POSS.sub("", text) or "\n" in text


# -- the quantity reader's dispatch, the recorded pint factors, libyaml ----------------------------------------


def _quantities(texts: list[str], *, every_candidate: bool) -> list[str]:
    """Every text's quantities read by a fresh lexicon; with every_candidate, the master pattern is tried even
    at the characters the dispatch passes over."""
    from factcheck.extract.quantities import QuantityLexicon, extract_quantities, load_lexicon
    from factcheck.extract.quantities.patterns import compiled

    lex = QuantityLexicon.model_validate(load_lexicon().model_dump())
    dispatch = compiled(lex).dispatch
    if every_candidate:
        for ch in list(dispatch):
            dispatch[ch] = dispatch.master
    return [repr(extract_quantities(t, lex)) for t in texts]


def _quantity_texts() -> list[str]:
    from tests.extract.quantity_cases import ALL_CASES

    texts = [p.values[0] for p in ALL_CASES]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    return texts


def test_dispatch_passes_over_only_characters_the_master_cannot_read() -> None:
    """Trying the master pattern at every candidate gives the same quantities as passing over the characters
    that the dispatch finds no alternative to start with."""
    texts = _quantity_texts()
    assert _quantities(texts, every_candidate=False) == _quantities(texts, every_candidate=True)


def test_recorded_pint_factors_are_fresh() -> None:
    """factcheck/ruleset/unitfactors.py is what pint answers now; regenerate it with
    `python -m factcheck.extract.quantities.units`."""
    from pathlib import Path

    from factcheck.extract.quantities.units import render_unit_factors, unit_factor_table
    from factcheck.ruleset import unitfactors

    assert Path(unitfactors.__file__).read_text(encoding="utf-8") == render_unit_factors(*unit_factor_table()), (
        "factcheck/ruleset/unitfactors.py is stale: run `python -m factcheck.extract.quantities.units`"
    )


def test_units_resolve_the_same_without_the_recorded_factors(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.ruleset import quantity_lexicon as q

    lex = q.load_lexicon()
    recorded = q.resolve_units(lex)
    monkeypatch.setattr(q, "recorded_factors", dict)
    assert q.resolve_units(lex) == recorded


def _outcome(load: object, text: str) -> str:
    import yaml

    try:
        return "value " + repr(load(text))  # type: ignore[operator]
    except RecursionError:
        return "RecursionError"
    except yaml.MarkedYAMLError as exc:
        return f"{type(exc).__name__} {exc.problem} {exc.problem_mark}"
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        return f"{type(exc).__name__} {exc}"


YAML_PIECES = ["a", "b: ", "- ", "[", "]", "{", "}", ", ", ": ", "\n", "  ", "'", '"', "#", "&x ", "*x", "<<: ",
               "? ", "2024-01-02", "1e3", "~", "|", ">", "!!str ", "\t", "%", "@", "`", "2725-76-72", "\r",
               "\r\n", "---\n", "...\n", "%YAML 1.1\n", "é", "\u2028", "\x85", "\ufeff", "\x07", "\U0001F600",
               "\\", '"\\t"', "0x1F", "yes", ".inf", "-.nan", "!", "!foo ", "|-", ">+", "|2", "\n  - ",
               "key: |\n  text\n", "x: >\n  folded\n  more\n", "'it''s'", '"a\\"b"', "null", "1_000", "12:30:00",
               "2001-12-14t21:59:43.10-05:00", "? a\n: b\n", "[a, b]", "{a: b}", "a:b", " #c", "&a a", "*a",
               "- - "]  # fmt: skip


def test_yaml_loader_gives_what_the_python_loader_gives() -> None:
    """`yamlsafe.load` (libyaml where the text is shallow) against `yaml.safe_load`: the same value or the same
    exception, message and position, on random YAML-ish text and on deep nesting of every kind."""
    import yaml

    from factcheck.ruleset import yamlsafe

    rng = random.Random(6)
    texts = ["".join(rng.choice(YAML_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for n in (50, 150, 199, 201, 400, 1000):
        texts += ["[" * n, "[" * n + "]" * n, "- " * n + "x", "{a: " * n + "b" + "}" * n, "? " * n + "x"]
        texts += ["".join(f"{' ' * i}k{i}:\n" for i in range(min(n, 600))) + " " * min(n, 600) + "v"]
        texts += ["<<: {" * n + "a: 1" + "}" * n]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "rules").glob("*.yaml"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "tests").rglob("*.md"))]
    for text in texts:
        assert _outcome(yamlsafe.load, text) == _outcome(yaml.safe_load, text), text[:80]


def test_yaml_loader_never_gives_libyaml_a_text_that_nests_too_deep() -> None:
    """libyaml runs out of C stack (the process dies) near 200,000 levels; such text goes to the Python reader."""
    from factcheck.ruleset import yamlsafe

    for text in ("[" * 300_000, "- " * 300_000 + "x", "{a: " * 300_000):
        assert yamlsafe.depth_bound(text) > yamlsafe.C_SAFE_DEPTH
        assert _outcome(yamlsafe.load, text) == "RecursionError"
