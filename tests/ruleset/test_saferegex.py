"""Rule-file patterns: the literal prefilter never changes what a pattern finds, and the time limit still holds."""

from __future__ import annotations

import random
import re

import pytest
import regex

from factcheck.ruleset import saferegex
from factcheck.ruleset.saferegex import LiteralScan, RegexTimeout, required_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bdeals?\b", ("deal",)),
        (r"\b(?:exclusive|sole)\s+rights\b", ("rights",)),  # the most selective literal of the sequence
        (r"(?:\b(?P<the>the)\s+)?\b(?P<word>best|only|number\s+one)\b", ("best", "only", "number")),
        (r"invest\w*|stake", ("stake", "invest")),
        (r"sole|solely", ("sole",)),  # "sole" is in every "solely"
        (r"(x|xx)+yz", ("yz",)),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...]) -> None:
    assert required_literals(pattern, re.IGNORECASE) == literals


@pytest.mark.parametrize(
    "pattern",
    [
        r"a?b*",  # may match without any literal
        r"\w+ed\b|[0-9]+",  # one branch has none
        r"\p{L}+ing",  # regex-module syntax: not read by the standard parser
        r"[[:alpha:]]x",  # a POSIX class the standard parser would misread
        r"(?:colou?r){e<=1}",  # fuzzy matching
        r"(?V1)[a--b]x",
    ],
)
def test_no_literals_when_unsure(pattern: str) -> None:
    assert required_literals(pattern) is None


_PATTERNS = [
    r"\bdeals?\b",
    r"\b(?:exclusive|sole)\s+(?:[\w-]+\s+){0,2}?(?:rights?|deals?)\b",
    r"(?:\b(?P<the>the)\s+)?\b(?P<word>best|only|first|number\s+one|no\.\s+1)\b",
    r"invest\w*|stake|\bpre[- ]money\b",
    r"kelvin|sole",
    r"^\s*best\s+for\b",
    r"(?:ab|cd)+e",
]
_ALPHABET = [*"abcdeklnorstivx .-'1\u212a\u017f\u00df\u0130", "deal", "best ", "sole", "the ", "KELVIN", "only"]


def test_prefilter_never_changes_a_result() -> None:
    rng = random.Random(5)
    for p in _PATTERNS:
        safe = saferegex.compile(p, re.IGNORECASE)
        plain = regex.compile(p, regex.IGNORECASE)
        for _ in range(1500):
            text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            spans = [m.span() for m in plain.finditer(text, pos, end)]
            assert [m.span() for m in safe.finditer(text, pos, end)] == spans, (p, text, pos, end)
            first = plain.search(text, pos, end)
            found = safe.search(text, pos, end)
            assert (found and found.span()) == (first and first.span()), (p, text)
            assert bool(safe.match(text, pos, end)) == bool(plain.match(text, pos, end)), (p, text)
            assert bool(safe.fullmatch(text)) == bool(plain.fullmatch(text)), (p, text)
            assert safe.findall(text) == plain.findall(text), (p, text)


def test_case_folding_to_ascii_is_not_missed() -> None:
    # the Kelvin sign matches "k" and the long s matches "s" when case is ignored: such a text is always searched
    assert saferegex.compile("kelvin", re.IGNORECASE).search("\u212aelvin")
    assert saferegex.compile("sole", re.IGNORECASE).search("\u017fole")
    assert saferegex.compile("sole", re.IGNORECASE).search("The SOLE provider")


def test_a_text_without_the_literals_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_REGEX_TIMEOUT", "0.2")
    evil = saferegex.compile(r"(x|xx)+yz", 0, "rules/x.yaml: lexicon.evil")
    assert evil.search("x" * 60) is None  # no "yz": it cannot match, and it is not run
    with pytest.raises(RegexTimeout, match=r"took longer than 0\.2 s"):
        evil.search("yz " + "x" * 60)  # run: the time limit holds


def test_literal_scan_agrees_with_each_pattern() -> None:
    patterns = [saferegex.compile(p, re.IGNORECASE) for p in _PATTERNS]
    scan = LiteralScan(patterns)
    rng = random.Random(9)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        possible = scan.possible(scan.scan(text), a, b)
        for i, p in enumerate(patterns):
            if possible is not None and i not in possible:
                assert not list(p.finditer(text, a, b)), (p.pattern, text, a, b)
        assert scan.any_possible(text) or not any(p.search(text) for p in patterns)
