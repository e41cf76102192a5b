"""The lexicons of the rule families: each a pydantic model with `extra="forbid"`, its patterns compiled once.

Boilerplate, entities, metrics, superlatives, dates and numbers (the quantity lexicon is in `quantity_lexicon`).
A misspelt key is an error that names the file and the field; a pattern that does not compile is one too.
"""

from __future__ import annotations

import re
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from factcheck.ruleset import saferegex


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))
    _source: str = PrivateAttr(default="rules")  # the rule file, set by validate_lexicon: named in regex errors

    def _where(self, field: str) -> str:
        return f"{self._source}: lexicon.{field}"


def compile_any(patterns: list[str], flags: int = re.IGNORECASE, where: str = "") -> saferegex.SafePattern:
    """One regex that matches any of the patterns (never matches when the list is empty), with a time limit.

    The patterns come from rule files, so they run through `saferegex`; `where` names the file and field.
    """
    return saferegex.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", flags, where)


def _check_patterns(value: object, info: ValidationInfo | None = None) -> None:
    """Raise ValueError (pydantic names the field) for a pattern that does not compile. Rule files that
    validated before (`load_ruleset(validated=...)`) are not compiled again: it is a third of loading them."""
    if info is not None and isinstance(info.context, dict) and info.context.get("validated"):
        return
    items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else []
    for v in items:
        if isinstance(v, list):
            _check_patterns(v)
        elif isinstance(v, str):
            err = saferegex.check(v)
            if err is not None:
                raise ValueError(f"invalid regular expression {v!r}: {err}")


def alternation(words: list[str]) -> str:
    """An alternation of literal phrases, longest first, spaces matching any white space."""
    alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "|".join(alts) if alts else r"(?!x)x"


class PatternList(Lexicon):
    @field_validator("*", mode="after")
    @classmethod
    def _compiles(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            _check_patterns(value, info)
        return value


class BoilerplateLexicon(PatternList):
    navigation: list[str]  # whole-line patterns: "Skip to main content", "Share this article"
    boxes: list[str]  # patterns found in a short line: newsletter and subscription boxes, contact lines
    teaser_starts: list[str]  # whole-line headers after which the page lists other stories
    box_max_chars: int = 240

    @cached_property
    def navigation_re(self) -> saferegex.SafePattern:
        return compile_any(self.navigation, where=self._where("navigation"))

    @cached_property
    def teaser_re(self) -> saferegex.SafePattern:
        return compile_any(self.teaser_starts, where=self._where("teaser_starts"))

    @cached_property
    def box_re(self) -> saferegex.SafePattern:
        return compile_any(self.boxes, where=self._where("boxes"))

    def is_box(self, line: str) -> bool:
        return len(line) <= self.box_max_chars and bool(self.box_re.search(line))


class EntityLexicon(PatternList):
    not_names: list[str]  # capitalised words that start sentences or headings but name nothing
    generic_acronyms: list[str]  # AI, CEO, API: capitalised but not an organisation
    prepositions: list[str]  # a name after one of these is an object, not the subject
    role_nouns: list[str]  # "the chipmaker", "the company": descriptions that point back to a name
    creator_nouns: list[str]  # "the creator of X", "X creator Y", "the maker of X"
    org_suffixes: list[str] = Field(default_factory=list)  # "Group", "Inc": a name with or without one is one name
    org_words: list[str] = Field(default_factory=list)  # "Foods", "Motors": "Acme" is short for the one "Acme Foods"
    aliases: dict[str, str] = Field(default_factory=dict)  # optional help: surface form -> canonical name
    adjectives: list[str] = Field(default_factory=list)  # "French", "Danish": alone, a run of one names nothing

    @cached_property
    def not_names_set(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.not_names)

    @cached_property
    def adjectives_set(self) -> frozenset[str]:
        return frozenset(self.adjectives)

    @cached_property
    def acronyms_set(self) -> frozenset[str]:
        return frozenset(self.generic_acronyms)

    @cached_property
    def prepositions_set(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.prepositions)


class Metric(Lexicon):
    name: str
    cues: list[str]  # regexes for the words that name the relation ("invest\\w*", "stake")
    dimensions: list[str]  # the dimensions of number this metric measures
    generic: bool = False  # a vague relation ("commit") that a more specific cue nearby overrides
    compatible: list[str] = Field(default_factory=list)  # metrics it may align with
    default_for: list[str] = Field(default_factory=list)  # dimensions whose numbers get it when no cue is near
    counterparty: bool = False  # the number is between two parties ("invest in X", "a deal with X"): keep X
    yearly: bool = False  # a figure of it is a year's ("revenue", "salary"): "a year" adds nothing to its basis
    # a sharper form of another metric ("post-money" of "valuation"): wins when both are near
    refines: str | None = None

    @field_validator("cues", mode="after")
    @classmethod
    def _cues_compile(cls, value: list[str], info: ValidationInfo) -> list[str]:
        _check_patterns(value, info)
        return value


class MetricLexicon(PatternList):
    metrics: list[Metric]
    total_cues: list[str]  # "combined", "in total": the number is a sum of others
    rate_cues: list[str]  # "per", "each": the number is a rate's basis
    cost_cues: list[str]  # a basis quantity ("1 gigawatt ... is estimated to cost") is followed by one of these
    # words that scope a figure to a part of the whole ("overseas", "in China", "worldwide"): facts apart
    scope_cues: dict[str, list[str]] = Field(default_factory=dict)
    window_before: int = 60  # characters searched for a cue before a number
    window_after: int = 40
    # a bare number that an aggregate noun names ("the death toll ... rose to 141", "lowered to 1,204 its toll"):
    # the nouns, the words that link the noun to the number, and the verbs that put the number first
    aggregate_nouns: list[str] = Field(default_factory=list)
    aggregate_links: list[str] = Field(default_factory=list)
    aggregate_verbs: list[str] = Field(default_factory=list)
    # a state that counts the bare number before it ("another 57 are missing", "96 remain under treatment")
    aggregate_states: list[str] = Field(default_factory=list)

    @cached_property
    def by_name(self) -> dict[str, Metric]:
        return {m.name: m for m in self.metrics}

    @cached_property
    def cue_res(self) -> list[tuple[Metric, saferegex.SafePattern]]:
        return [
            (m, saferegex.compile(rf"\b(?:{'|'.join(m.cues)})\b", re.IGNORECASE, self._where(f"metrics.{i}.cues")))
            for i, m in enumerate(self.metrics)
        ]

    @cached_property
    def total_re(self) -> saferegex.SafePattern:
        return compile_any(self.total_cues, where=self._where("total_cues"))

    @cached_property
    def rate_re(self) -> saferegex.SafePattern:
        return compile_any(self.rate_cues, where=self._where("rate_cues"))

    @cached_property
    def scope_res(self) -> list[tuple[str, saferegex.SafePattern]]:
        return [
            (name, saferegex.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE, self._where(f"scope_cues.{name}")))
            for name, cues in self.scope_cues.items()
        ]

    @cached_property
    def aggregate_res(self) -> tuple[saferegex.SafePattern, ...] | None:
        """The aggregate noun, then its link, then the number (group `num`, hedge `hedge`, noun `noun`); a
        verb, the number, then the noun; and the number, then a state it counts (`noun`). None when the lexicon
        names no aggregate."""
        if not (self.aggregate_nouns and self.aggregate_links):
            return None
        noun = "|".join(f"(?:{n})" for n in self.aggregate_nouns)
        link = "|".join(f"(?:{w})" for w in self.aggregate_links)
        verb = "|".join(f"(?:{w})" for w in self.aggregate_verbs) or "(?!)"
        # between the noun and its link: words, commas and hyphens, no end of clause, and no digit but in a
        # measure fused to its word ("the toll from the 7.7-magnitude quake rose to 1,644")
        gap = r"(?:[\s,]+(?:[A-Za-z][\w'’-]*|\d+(?:\.\d+)?-[A-Za-z][\w'’-]*|[,])){0,12}?"
        number = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]?\d)"
        hedge = r"(?:(?P<hedge>[a-z]+(?:\s+[a-z]+){0,2})\s+)?"
        forward = rf"\b(?P<noun>{noun})\b{gap}[\s,]+(?:{link})\s+{hedge}{number}"
        owner = r"\s+(?:its|the|their)\s+(?:\w+\s+)?"
        backward = rf"\b(?:{verb})\s+(?:down\s+|up\s+)?to\s+{hedge}{number}{owner}(?P<noun>{noun})\b"
        state = "|".join(f"(?:{w})" for w in self.aggregate_states) or "(?!)"
        # "101 more have still to be identified", "leaving 187 yet to be identified"
        aux = r"\s+(?:more\s+|others?\s+)?(?:(?:are|were|have|had|remain(?:ed)?)\s+|(?=(?:still|yet)\s+to\s+be\s))"
        adverbs = r"(?:(?:still|since|now|so\s+far|also|yet|been|being|reported|confirmed|to\s+be)\s+)*"
        # "793 of the 1,175 injured have been discharged": the part is what the state counts
        whole = r"(?:\s+of\s+(?:the\s+\d{1,3}(?:,\d{3})*(?:\s+[A-Za-z][\w'’-]*){0,3}?|which|whom))?"
        aside = r"(?:,(?:\s+[A-Za-z][\w'’-]*){1,4}\s+(?:said|says|added),)?"  # "..., he also said, are ..."
        predicate = rf"(?<![\w$€£¥.,-])(?<![$€£¥]\s){number}{whole}{aside}{aux}{adverbs}(?P<noun>{state})\b"
        return (
            saferegex.compile(forward, re.IGNORECASE, self._where("aggregate_nouns")),
            saferegex.compile(backward, re.IGNORECASE, self._where("aggregate_verbs")),
            saferegex.compile(predicate, re.IGNORECASE, self._where("aggregate_states")),
        )

    @cached_property
    def cost_re(self) -> saferegex.SafePattern:
        return compile_any(self.cost_cues, where=self._where("cost_cues"))

    def compatible(self, a: str, b: str) -> bool:
        if a == b:
            return True
        ma, mb = self.by_name.get(a), self.by_name.get(b)
        return bool((ma and b in ma.compatible) or (mb and a in mb.compatible))


class SuperlativeLexicon(PatternList):
    ranking: list[str]  # best, fastest, largest, leading, premier...
    unique: list[str]  # only, first, sole
    exclusive: list[str]  # exclusive, exclusively
    relation_nouns: list[str]  # what "exclusive" must qualify to be a claim: rights, provider, deal...
    strong_prefixes: list[str]  # "world's", "industry's": a superlative with these needs no stated subject
    copulas: list[str]  # "is", "becomes", "makes X", "as": what joins a subject to "the only..."
    negative: list[str]  # traps: "choose the best", "for the first time", "its first"
    attribution: list[str]  # "positioned as", "said", "claims": the source reports someone else's words
    relation_cues: list[str]  # words that make another source's sentence related evidence
    alternative_cues: list[str]  # "also available on", "as well as": another party offers the same
    contradiction_cues: list[str] = Field(default_factory=list)  # "is also available from X": X offers it too
    negation: list[str] = Field(default_factory=list)  # "no longer", "ends its": between subject and trigger
    ending_after: list[str] = Field(default_factory=list)  # "the exclusivity ended": right after the trigger
    idiom_heads: list[str] = Field(default_factory=list)  # "the greatest challenge", "the only way": no ranking
    small_scopes: list[str] = Field(default_factory=list)  # "the first time in two weeks": no record
    adverbial_only: list[str] = Field(default_factory=list)  # "only hours before": "only" of time or amount
    record_words: list[str] = Field(default_factory=list)  # "record", "all-time", "unprecedented"
    ever_cues: list[str] = Field(default_factory=list)  # "ever", "in history", "on record": after a superlative
    synonyms: list[list[str]] = Field(default_factory=list)  # words that rank alike: largest, biggest
    scope_equivalents: dict[str, str] = Field(default_factory=dict)  # "windfarm" -> "wind farm"
    precedent_forms: list[str] = Field(default_factory=list)  # "never before", "a sum never seen before"
    record_idioms: list[str] = Field(default_factory=list)  # "track record", "record books", "the previous record"
    not_superlative: list[str] = Field(default_factory=list)  # words in -est that rank nothing: interest, forest
    self_relative: list[str] = Field(default_factory=list)  # "in its history": a ranking against its own past
    price_heads: list[str] = Field(default_factory=list)  # "a record fee" is the costliest: fee, deal, transfer

    @cached_property
    def self_relative_re(self) -> saferegex.SafePattern:
        return compile_any(self.self_relative, where=self._where("self_relative"))

    @cached_property
    def precedent_re(self) -> saferegex.SafePattern:
        return compile_any(self.precedent_forms, where=self._where("precedent_forms"))

    @cached_property
    def record_idiom_re(self) -> saferegex.SafePattern:
        return compile_any(self.record_idioms, where=self._where("record_idioms"))

    @cached_property
    def negation_re(self) -> saferegex.SafePattern:
        return compile_any(self.negation, where=self._where("negation"))

    @cached_property
    def ending_after_re(self) -> saferegex.SafePattern:
        return compile_any(self.ending_after, where=self._where("ending_after"))

    @cached_property
    def small_scope_re(self) -> saferegex.SafePattern:
        return compile_any(self.small_scopes, where=self._where("small_scopes"))

    @cached_property
    def adverbial_only_re(self) -> saferegex.SafePattern:
        return compile_any(self.adverbial_only, where=self._where("adverbial_only"))

    @cached_property
    def ever_re(self) -> saferegex.SafePattern:
        return compile_any(self.ever_cues, where=self._where("ever_cues"))

    @cached_property
    def negative_re(self) -> saferegex.SafePattern:
        return compile_any(self.negative, where=self._where("negative"))

    @cached_property
    def attribution_re(self) -> saferegex.SafePattern:
        return compile_any(self.attribution, where=self._where("attribution"))

    @cached_property
    def relation_re(self) -> saferegex.SafePattern:
        return compile_any(self.relation_cues, where=self._where("relation_cues"))

    @cached_property
    def alternative_re(self) -> saferegex.SafePattern:
        return compile_any(self.alternative_cues, where=self._where("alternative_cues"))

    @cached_property
    def contradiction_re(self) -> saferegex.SafePattern:
        return compile_any(self.contradiction_cues, where=self._where("contradiction_cues"))


class DateLexicon(PatternList):
    events: dict[str, list[str]]  # event class -> cue regexes ("deal": ["deal", "agreement", "partnership"])
    min_shared_entities: int = 2

    @field_validator("events", mode="after")
    @classmethod
    def _events_compile(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        _check_patterns(value, info)
        return value

    @cached_property
    def event_res(self) -> list[tuple[str, saferegex.SafePattern]]:
        return [
            (k, saferegex.compile(r"\b(?:" + "|".join(v) + r")\b", re.IGNORECASE, self._where(f"events.{k}")))
            for k, v in self.events.items()
        ]


class NumbersLexicon(Lexicon):
    rates_date: str  # the day the approximate conversion rates were taken
    usd_per_unit: dict[str, float]  # approximate: for comparing amounts stated in different currencies
    rate_tolerance: float = 0.02  # relative slack for conversion rates and for currency conversion
    min_relative_tolerance: float = 0.005  # below the stated precision, numbers still agree within this
    round_amount_tolerance: float = 0.0  # an amount stated round ("£200m") is a rounding within this ("£198m")
    update_cues: list[str] = Field(default_factory=list)  # "rose to", "revised": a later number updates an earlier
    cumulative_metrics: list[str] = Field(default_factory=list)  # metrics that grow by nature (tolls, users)
    # a market quote ("shares rose 21%", "trading at $145.04"): sources quote it at different times
    market_cues: list[str] = Field(default_factory=list)
    # a number's status from the words near it: status -> cue regexes ("target": ["by 20\\d\\d", "aims to"])
    status_cues: dict[str, list[str]] = Field(default_factory=dict)
    # approximate yearly rates: an amount is converted at its document's year's rate when the year is listed
    usd_per_unit_by_year: dict[int, dict[str, float]] = Field(default_factory=dict)

    @cached_property
    def update_re(self) -> saferegex.SafePattern:
        return compile_any(self.update_cues, where=self._where("update_cues"))

    @cached_property
    def market_re(self) -> saferegex.SafePattern:
        return compile_any(self.market_cues, where=self._where("market_cues"))

    @field_validator("status_cues", mode="after")
    @classmethod
    def _status_compile(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        _check_patterns(value, info)
        return value

    @cached_property
    def status_res(self) -> list[tuple[str, saferegex.SafePattern]]:
        return [(k, compile_any(v, where=self._where(f"status_cues.{k}"))) for k, v in self.status_cues.items()]

    def status_hits(self, text: str) -> list[tuple[str, int, int]]:
        """Every status cue in `text`: (status, start, end), in the order of the statuses, then of the text."""
        return [(k, m.start(), m.end()) for k, rx in self.status_res for m in rx.finditer(text)]

    def rate(self, unit: str, year: int | None) -> float | None:
        """US dollars per unit in that year (in the listed year nearest to it), else at today's rate."""
        if year is not None and self.usd_per_unit_by_year:
            near = min(self.usd_per_unit_by_year, key=lambda y: (abs(y - year), y))
            if unit in self.usd_per_unit_by_year[near]:
                return self.usd_per_unit_by_year[near][unit]
        return self.usd_per_unit.get(unit)

    @field_validator("usd_per_unit")
    @classmethod
    def _positive(cls, v: dict[str, float]) -> dict[str, float]:
        for code, rate in v.items():
            if rate <= 0:
                raise ValueError(f"rate for {code} must be positive")
        return v

    @field_validator("usd_per_unit_by_year")
    @classmethod
    def _positive_by_year(cls, v: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
        for year, rates in v.items():
            for code, rate in rates.items():
                if rate <= 0:
                    raise ValueError(f"rate for {code} in {year} must be positive")
        return v


FAMILIES: dict[str, type[Lexicon] | None] = {
    "boilerplate": BoilerplateLexicon,
    "entities": EntityLexicon,
    "metrics": MetricLexicon,
    "superlatives": SuperlativeLexicon,
    "dates": DateLexicon,
    "numbers": NumbersLexicon,
    "quantities": None,  # validated by QuantityLexicon, maybe deferred (see RuleSet)
    "directives": Lexicon,  # inline `<!-- factcheck: ... -->` comments: checks only, no lexicon
}
