"""Typed records that cross the pipeline's stage boundaries.

load -> Document; extract -> Quantity / Claim; align -> Fact; compare -> Finding; report -> Report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

# How a number is hedged. The interval [low, high] says what the words allow.
# The direction of a change a number states ("rose 0.4%", "a drop of 3%", "-0.8%"); None when the text states none.
Change = Literal["up", "down"]

Qualifier = Literal[
    "exact",  # "$5 billion"
    "up_to",  # "up to", "as much as", "at most", "no more than": a ceiling [0, X]
    "under",  # "under", "below", "less than", "fewer than": [0, X]
    "over",  # "over", "more than", "above", "upwards of", "north of": [X, inf)
    "at_least",  # "at least", "X or more", "no less than": [X, inf)
    "approx",  # "about", "around", "roughly", "~", "nearly", "almost", "some"
    "range",  # "X to Y", "X-Y", "between X and Y"
    "potential",  # "potentially worth", "could be worth": [0, X]
    "vague",  # "tens of billions": an order of magnitude
]

ClaimKind = Literal["quantity", "date", "superlative", "exclusivity"]
FindingKind = Literal[
    "numeric_disagreement",
    "hedge_mismatch",
    "arithmetic_mismatch",
    "conversion_mismatch",
    "unsupported_superlative",
    "contradicted_claim",
    "date_disagreement",
    "temporal_update",
    "unknown_directive_rule",  # an inline `<!-- factcheck: ignore RULE -->` names a rule that does not exist
]
FactStatus = Literal["agree", "disagree", "single_source", "updated"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Pickling (the process pool's results) shares the set of field names that pydantic keeps on every
    # instance: a corpus holds millions of instances and most have one of a few such sets, which would
    # otherwise cost more memory than the fields themselves. The sets are never changed in place (the models
    # are frozen; a copy copies its set first).
    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        state["__pydantic_fields_set__"] = shared_fields(state["__pydantic_fields_set__"])
        return state

    def __setstate__(self, state: dict[Any, Any]) -> None:
        state["__pydantic_fields_set__"] = shared_fields(state.get("__pydantic_fields_set__", set()))
        super().__setstate__(state)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_SHARED: set[int] = set()  # ids of the shared sets (they live as long as the process)


def shared_fields(names: set[str]) -> set[str]:
    """One set object for each distinct set of field names."""
    if id(names) in _SHARED:
        return names
    key = frozenset(names)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
        _SHARED.add(id(shared))
    return shared


def share_fields(models: Iterable[BaseModel]) -> None:
    """Let these instances share their sets of field names (see `Frozen`), in place."""
    last: set[str] = set()
    shared = shared_fields(last)
    for m in models:
        names = m.__pydantic_fields_set__
        if id(names) in _SHARED:
            continue
        if names != last:  # neighbours (the lines of a document) mostly have the same names
            last, shared = names, shared_fields(names)
        object.__setattr__(m, "__pydantic_fields_set__", shared)


M = TypeVar("M", bound=BaseModel)


def replace(model: M, **update: Any) -> M:
    """`model.model_copy(update=update)`, without its per-call cost and with a shared set of field names: no
    validation, the same fields, the same result."""
    if model.__pydantic_extra__ is not None or getattr(model, "__pydantic_private__", None) is not None:
        return model.model_copy(update=update)
    cls = type(model)
    copy = cls.__new__(cls)
    values = model.__dict__.copy()
    values.update(update)
    object.__setattr__(copy, "__dict__", values)
    object.__setattr__(copy, "__pydantic_extra__", None)
    object.__setattr__(copy, "__pydantic_fields_set__", shared_fields(model.__pydantic_fields_set__ | update.keys()))
    object.__setattr__(copy, "__pydantic_private__", None)
    return copy


class DateParts(Frozen):
    """A calendar reference as written; missing parts are None ("September" has no year)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None  # "Q2 2025"; fiscal quarters keep fiscal=True
    fiscal: bool = False
    relative: str | None = None  # "earlier this year", "last month": resolved against the document date


class Quantity(Frozen):
    """One number as the text states it, normalised to a base unit.

    Offsets are character offsets into the string given to the extractor.
    `low`/`high` bound what the words allow (None = unbounded); `precision` is half the unit of the
    last stated digit, in base units, so that "$5 billion" and "$5.2 billion" can agree as roundings.
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str  # base unit: USD, EUR, GBP, W, Wh, percent, percentage_point, count, year, fraction, ...
    dimension: str  # currency, power, energy, percent, percentage_point, count, duration, fraction, ...
    qualifier: Qualifier = "exact"
    precision: float = 0.0
    noun: str | None = None  # what a count counts ("AI models", "paid users")
    date: DateParts | None = None  # set when dimension == "date"
    # As the text states it: the number (its scale word included, its sign as written: "-0.8%" is -0.8) and the
    # unit's name ("yard", "gigabyte") or, for money, the currency as written ("£", "euros", "A$"); a range
    # states its midpoint. None for dates; stated_unit None for counts, fractions and multiples.
    stated_value: float | None = None
    stated_unit: str | None = None
    change: Change | None = None  # the direction of a change the text states: "rose 0.4%" up, "fell 1.9%" down
    concept: str | None = None  # what the number measures: the counted noun, or the noun it modifies or precedes


class Line(Frozen):
    """One physical line of a document, with its role in the page."""

    number: int  # 1-based
    start: int  # character offset of the line in Document.text
    text: str  # without the line ending
    role: Literal[
        "body",
        "title",
        "description",
        "heading",
        "list_item",
        "front_matter",
        "boilerplate",
        "teaser",
        "date",
        "directive",  # a `<!-- factcheck: ... -->` comment line: never read as article text
    ]
    label: str | None = None  # a list item's bold label: "**Acme**: ..." -> "Acme"
    heading: str | None = None  # nearest heading above the line
    level: int = 0  # heading level for headings


class Document(Frozen):
    id: str  # short id: the file name's stem
    path: str  # as given (relative paths stay relative, so reports are portable)
    title: str | None = None
    date: str | None = None  # ISO date of the document, when known
    text: str
    lines: list[Line]
    warnings: list[str] = Field(default_factory=list)


class Sentence(Frozen):
    """A sentence (or heading, or list item) with its place in the document."""

    document: str
    line: int
    start: int  # offset in Document.text
    end: int
    text: str
    role: str
    label: str | None = None
    heading: str | None = None
    paragraph: int = 0  # sentences of one paragraph share this number


class Claim(Frozen):
    id: str
    document: str
    line: int
    column: int = 1
    text: str  # the exact characters of the quantity or phrase
    quote: str  # the sentence around it
    kind: ClaimKind
    subject: str | None = None
    metric: str | None = None
    object: str | None = None
    value: float | None = None
    low: float | str | None = None  # ISO date strings for date claims
    high: float | str | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    attributed: bool = False
    teaser: bool = False
    quoted: bool = False  # inside quotation marks in its sentence
    dimension: str | None = None
    precision: float = 0.0
    noun: str | None = None
    period: str | None = None  # "over five years"
    per: str | None = None  # a rate's basis: "$20 billion to $25 billion" per "1 gigawatt"
    equivalents: list[Quantity] = Field(default_factory=list)  # "$5 billion (EUR4.3 billion)"
    total: bool = False  # a stated total ("combined", "in total")
    scope: str | None = None  # superlatives: what the claim ranks ("cloud platform offering both X and Y")
    word: str | None = None  # superlatives: the trigger word ("only", "first", "exclusive")
    weak: bool = False  # superlatives: a weaker form ("one of the most", "a record fee"): info when unsupported
    entities: list[str] = Field(default_factory=list)  # names in the sentence, normalised
    event: str | None = None  # date claims: the event word ("deal", "partnership")
    # -- time and status (extract/status.py) --
    status: str | None = None  # "target", "forecast", "earlier" (bid), "previous", "report", "part", "increment"
    measured: str | None = None  # what a number measures when it is not a name: "second aftershock", "injured"
    extent: list[str] = Field(default_factory=list)  # scope words that set a fact apart: "overseas", "china"
    stated_value: float | None = None  # the quantity's number and unit as the text states them (see Quantity)
    stated_unit: str | None = None
    change: Change | None = None  # "up" or "down" when the text states the direction of a change
    concept: str | None = None  # what the quantity measures, as the reader found it (see Quantity)


class NameFacts(Frozen):
    """What one document teaches about names (see factcheck/extract/name_learning.py); merged across the corpus."""

    known: list[str] = Field(default_factory=list)  # name keys seen where capitals are informative
    surfaces: list[tuple[str, str, int]] = Field(default_factory=list)  # (key, surface, count)
    owner: list[tuple[str, str]] = Field(default_factory=list)  # (product, owner): "Acme's Widget"
    creator: list[tuple[str, str]] = Field(default_factory=list)  # (product, creator): "Widget creator Acme"
    roles: list[tuple[str, str]] = Field(default_factory=list)  # (name, role): "chipmaker Acme"


class EvidenceSentence(Frozen):
    """A sentence that speaks of partners, deals or exclusivity: a candidate for related evidence."""

    line: int
    text: str
    keys: list[str]  # names in it
    third_party: list[str]  # names after a preposition ("a deal with Acme")
    alternatives: list[str] = Field(default_factory=list)  # names right after "also available from", "also offers"


class DocumentExtract(Frozen):
    """Everything extraction learns from one document, independent of the rest of the corpus.

    Claims carry raw name keys; a subject that needs corpus knowledge ("the creator of Widget") is kept as
    a reference, `@creator:<key>`, and resolved when the corpus is assembled.
    """

    document: Document
    claims: list[Claim]
    names: NameFacts
    evidence: list[EvidenceSentence] = Field(default_factory=list)


class Fact(Frozen):
    id: str
    metric: str
    subject: str | None
    object: str | None
    dimension: str
    status: FactStatus
    claims: list[str]


class Finding(Frozen):
    id: str
    kind: FindingKind
    rule: str
    severity: Severity
    message: str
    claims: list[str]  # the claims the finding is about, the flagged ones first
    related: list[str] = Field(default_factory=list)  # other sources' claims shown beside it
    evidence: list[Evidence] = Field(default_factory=list)  # other sources' sentences shown beside it
    fact: str | None = None
    weak: bool = False  # info for weak evidence: a teaser, a quotation, a vague or earlier figure, a loose join


class Evidence(Frozen):
    """A sentence from another source shown beside a finding."""

    document: str
    line: int
    quote: str
    relation: str  # "corroborates", "related", "contradicts"


class Check(Frozen):
    """A within-document check that passed or failed (sums, currency pairs)."""

    kind: Literal["arithmetic", "conversion"]
    status: Literal["consistent", "mismatch"]
    claims: list[str]
    detail: str


class Corroboration(Frozen):
    claim: str
    supported_by: list[str]


class Report(Frozen):
    schema_: str = Field(default="factcheck.report/1", alias="schema")
    documents: list[Document]
    claims: list[Claim]
    facts: list[Fact]
    findings: list[Finding]
    checks: list[Check] = Field(default_factory=list)
    corroborations: list[Corroboration] = Field(default_factory=list)
    rules_fired: list[str] = Field(default_factory=list)


Finding.model_rebuild()
