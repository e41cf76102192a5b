"""The schema of rules/quantities.yaml: the `lexicon:` the quantity reader (`factcheck.extract.quantities`)
combines with its grammar: scale words, currencies, units, hedges, months, not-a-quantity shapes.

Physical units (distance, area, mass, volume, speed, temperature, data) name a pint unit; each resolves to a
factor to its dimension's base unit once, when the lexicon is validated (`quantity_units`), never per number.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from factcheck.models import Change, Qualifier
from factcheck.ruleset import saferegex
from factcheck.ruleset.files import default_rules_dir, read_rule_file, validate_lexicon
from factcheck.ruleset.quantity_units import Unit, pint_factor, recorded_factors
from factcheck.ruleset.saferegex import RegexTimeout

__all__ = [
    "BaseUnitSpec",
    "ChangeSpec",
    "HedgeSpec",
    "PrefixUnitSpec",
    "QuantityLexicon",
    "QuantityPatternError",
    "SubunitSpec",
    "UnitSpec",
    "load_lexicon",
    "resolve_units",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuantityPatternError(RegexTimeout):
    """The reader's patterns cannot be built from a quantities lexicon; the message names the rule file.

    A `RegexTimeout` (a `RuleFileError`) so that every place that reports a rule-file pattern failing while
    articles are read (the command line: exit 2) reports this one too: a user's lexicon is compiled into the
    reader's patterns when it is first used, not when it is loaded."""


def _phrases(values: Any, what: str) -> None:
    """Phrases of a word list must hold a character that is not a space: an empty one matches everywhere."""
    for v in values:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"{what}: empty phrase {v!r}")


class UnitSpec(_Strict):
    """A unit after a number.

    Physical units name a `pint` unit: the factor (and offset) to the dimension's base unit is computed by
    pint once, when the lexicon is built. News-specific units (percent, basis points, durations) give
    `unit` and value in base unit = number * factor / divide_by. `name` is the unit as stated, reported beside
    the normalised value (`Quantity.stated_unit`); by default the pint unit when it is one word, else `unit`.
    """

    unit: str | None = None
    pint: str | None = None
    name: str | None = None
    dimension: str
    factor: float = 1.0
    divide_by: float = 1.0
    symbols: list[str] = Field(default_factory=list)  # case-sensitive, may be glued: "300MW", "12%"
    words: list[str] = Field(default_factory=list)  # case-insensitive: "megawatts", "per cent"

    @model_validator(mode="after")
    def _named(self) -> UnitSpec:
        _phrases(self.symbols, "symbols")
        _phrases(self.words, "words")
        return self

    def stated_name(self) -> str:
        if self.name:
            return self.name
        if self.pint and self.pint.replace("_", "").isalpha():
            return self.pint
        return self.unit or (self.words or self.symbols or [self.dimension])[0]


class SubunitSpec(_Strict):
    """A coin of a currency after a number ("99 cents", "50p"): value in the currency = number * factor."""

    currency: str
    factor: float = Field(gt=0)


class ChangeSpec(_Strict):
    """Words that say a number is a change in one direction: `before` it ("rose 0.4%", "a drop of 3%", with
    `change_links` between) or right `after` it ("a 3% drop"); `not_for`: dimensions where they say no such
    thing ("set up 5 offices")."""

    direction: Change
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    not_for: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _words(self) -> ChangeSpec:
        _phrases(self.before, "before")
        _phrases(self.after, "after")
        return self


class BaseUnitSpec(_Strict):
    """The base unit of a physical dimension: its name in Quantity.unit and its pint expression."""

    unit: str
    pint: str


class PrefixUnitSpec(_Strict):
    """A word before the number that gives its unit ("magnitude 7.1")."""

    unit: str
    dimension: str


class HedgeSpec(_Strict):
    """Phrases that bound a number; low/high are factors of the stated value (None = unbounded)."""

    qualifier: Qualifier
    phrases: list[str]
    low: float | None
    high: float | None
    position: Literal["before", "after"] = "before"
    not_for: list[str] = Field(default_factory=list)  # dimensions where the phrase is no hedge


class QuantityLexicon(_Strict):
    """The `lexicon:` of rules/quantities.yaml. Its units resolve to pint factors when the lexicon is built;
    the reader compiles its regexes once per lexicon, on first use, and keeps them here (`_compiled`)."""

    scales: dict[str, float]
    short_scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]
    currency_names: dict[str, str]
    base_units: dict[str, BaseUnitSpec]
    units: list[UnitSpec]
    prefix_units: dict[str, PrefixUnitSpec]
    number_words: dict[str, int]
    word_multipliers: dict[str, int]
    fractions: dict[str, int]
    half_followers: list[str]
    multiple_suffixes: list[str]
    multiple_words: dict[str, float]
    magnitude_adjectives: dict[str, tuple[float, float | None]]
    adjective_currencies: dict[str, str]
    headline_verbs: list[str]
    year_hedge_prepositions: list[str]
    hedges: list[HedgeSpec]
    range_connectors: list[str]
    range_openers: dict[str, str]
    vague: dict[str, tuple[float, float]]
    vague_scales: dict[str, float]
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: list[str]
    year_words: list[str]
    year_range: tuple[int, int]
    ordinals: dict[str, int]
    relative_dates: list[str]
    number_lead_words: list[str]
    version_words: list[str]
    plural_nouns: list[str]
    noun_stopwords: list[str]
    skip_after: list[str]
    ignore_patterns: list[str]
    # Added later, optional so that a lexicon written before them still loads (empty: the form is not read).
    currency_subunits: dict[str, SubunitSpec] = Field(default_factory=dict)
    currency_subunit_symbols: dict[str, SubunitSpec] = Field(default_factory=dict)
    currency_unit_names: dict[str, str] = Field(default_factory=dict)
    money_words: list[str] = Field(default_factory=list)
    adjective_units: list[UnitSpec] = Field(default_factory=list)
    measure_adjectives: list[str] = Field(default_factory=list)
    article_units: list[str] = Field(default_factory=list)
    pronoun_numbers: list[str] = Field(default_factory=list)
    irregular_plurals: dict[str, str] = Field(default_factory=dict)
    changes: list[ChangeSpec] = Field(default_factory=list)
    change_links: list[str] = Field(default_factory=list)
    change_object_links: list[str] = Field(default_factory=list)
    sign_changes: list[str] = Field(default_factory=list)
    determiners: list[str] = Field(default_factory=list)
    count_adjectives: list[str] = Field(default_factory=list)
    ago_words: list[str] = Field(default_factory=list)
    code_scales: dict[str, float] = Field(default_factory=dict)
    implied_counts: dict[str, str] = Field(default_factory=dict)
    tally_words: dict[str, str] = Field(default_factory=dict)
    tally_links: list[str] = Field(default_factory=list)

    _units: list[tuple[UnitSpec, Unit]] | None = PrivateAttr(default=None)  # `units`, resolved
    _adjective_units: list[tuple[UnitSpec, Unit]] | None = PrivateAttr(default=None)  # `adjective_units`, resolved
    _compiled: Any = PrivateAttr(default=None)  # the reader's patterns (factcheck.extract.quantities.patterns)
    _source: str = PrivateAttr(default="quantities.yaml")  # the rule file, set by validate_lexicon

    @field_validator(
        "scales",
        "short_scales",
        "currency_symbols",
        "currency_codes",
        "currency_names",
        "prefix_units",
        "number_words",
        "word_multipliers",
        "fractions",
        "half_followers",
        "multiple_suffixes",
        "multiple_words",
        "magnitude_adjectives",
        "adjective_currencies",
        "headline_verbs",
        "year_hedge_prepositions",
        "range_connectors",
        "range_openers",
        "vague",
        "vague_scales",
        "months",
        "month_abbreviations",
        "ambiguous_months",
        "year_words",
        "ordinals",
        "relative_dates",
        "number_lead_words",
        "version_words",
        "plural_nouns",
        "noun_stopwords",
        "skip_after",
        "currency_subunits",
        "currency_subunit_symbols",
        "currency_unit_names",
        "money_words",
        "measure_adjectives",
        "article_units",
        "pronoun_numbers",
        "irregular_plurals",
        "change_links",
        "change_object_links",
        "determiners",
        "count_adjectives",
        "ago_words",
        "code_scales",
        "implied_counts",
        "tally_words",
        "tally_links",
    )
    @classmethod
    def _no_empty_phrase(cls, value: Any) -> Any:
        # every entry becomes a branch of the reader's patterns: an empty one would match anywhere
        _phrases(value, "entries")
        return value

    @field_validator("relative_dates")
    @classmethod
    def _relative_dates(cls, value: list[str]) -> list[str]:
        for phrase in value:
            words = phrase.split()
            if words[0].lower() in ("a", "an") and len(words) < 2:
                raise ValueError(f"{phrase!r}: a relative date that opens with an article needs a word after it")
        return value

    @field_validator("hedges")
    @classmethod
    def _hedge_phrases(cls, value: list[HedgeSpec]) -> list[HedgeSpec]:
        for h in value:
            _phrases(h.phrases, "phrases")
        return value

    @field_validator("ignore_patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for p in value:  # as the `regex` module reads them: a user-supplied list runs there (see the reader)
            err = saferegex.check(p)
            if err is not None:
                raise ValueError(f"invalid regular expression {p!r}: {err}")
        return value

    @model_validator(mode="after")
    def _resolve_units(self) -> QuantityLexicon:
        # Resolve here so that every extraction over an archive reuses the same pint factors; a ValueError
        # (an unknown pint unit, a unit of the wrong dimension) names the field in the error.
        self._units = resolve_units(self)
        self._adjective_units = resolve_units(self, "adjective_units")
        return self

    def resolved_units(self) -> list[tuple[UnitSpec, Unit]]:
        """Each of `units` with its factor to the dimension's base unit."""
        if self._units is None:  # a lexicon built with model_construct skips the validators
            self._units = resolve_units(self)
        return self._units

    def resolved_adjective_units(self) -> list[tuple[UnitSpec, Unit]]:
        """Each of `adjective_units` with its factor to the dimension's base unit."""
        if self._adjective_units is None:
            self._adjective_units = resolve_units(self, "adjective_units")
        return self._adjective_units


def resolve_units(lex: QuantityLexicon, field: str = "units") -> list[tuple[UnitSpec, Unit]]:
    """Each unit of lex.units (or another list of units, `field`) resolved: pint's factor (recorded, or asked)
    or the factor it states; ValueError names the unit that does not resolve."""
    out: list[tuple[UnitSpec, Unit]] = []
    known: dict[tuple[str, str], tuple[float, float]] | None = None
    for i, u in enumerate(getattr(lex, field)):
        if u.pint is None:
            if u.unit is None:
                raise ValueError(f"{field}[{i}]: needs `unit` or `pint`")
            out.append((u, Unit(u.unit, u.dimension, u.factor / u.divide_by, 0.0, u.stated_name())))
            continue
        base = lex.base_units.get(u.dimension)
        if base is None:
            raise ValueError(f"{field}[{i}]: dimension {u.dimension!r} has no entry in base_units")
        if known is None:
            known = recorded_factors()
        found = known.get((u.pint, base.pint))
        if found is None:
            try:
                found = pint_factor(u.pint, base.pint)
            except ValueError as exc:
                raise ValueError(f"{field}[{i}]: {exc}") from None
        out.append((u, Unit(base.unit, u.dimension, *found, u.stated_name())))
    return out


def load_lexicon(path: Path | None = None) -> QuantityLexicon:
    """The quantities lexicon; the default file is read and validated once per process."""
    if path is None:
        return _default_lexicon()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_lexicon() -> QuantityLexicon:
    return _load(default_rules_dir() / "quantities.yaml")


def _load(path: Path) -> QuantityLexicon:
    rule_file = read_rule_file(path)
    lexicon: QuantityLexicon = validate_lexicon(path, QuantityLexicon, rule_file.lexicon)
    return lexicon
