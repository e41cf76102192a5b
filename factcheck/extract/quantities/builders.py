"""Fast constructors of the reader's records (`Quantity`, `DateParts`): the fields are built with the right
types by the reader, so the records skip pydantic's validation and the per-call overhead of `model_construct`,
leaving each instance exactly as `model_construct` would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from factcheck.models import Change, DateParts, Qualifier, Quantity, shared_fields


def _template(model: type[BaseModel]) -> dict[str, Any] | None:
    """Each field of model and its default (`_MISSING` when required), in declaration order; None when
    `model_construct` does more than fill `__dict__` in that order (aliases, default factories, a post-init hook,
    private attributes, extra="allow") or a default is mutable (it would need pydantic's copy)."""
    fields = model.model_fields
    simple = (
        not model.__pydantic_post_init__
        and not model.__private_attributes__
        and not getattr(model, "__pydantic_root_model__", False)
        and model.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None and f.default_factory is None for f in fields.values())
    )
    if not simple:
        return None
    template = {
        n: _MISSING if f.is_required() else f.get_default(call_default_factory=False) for n, f in fields.items()
    }
    if any(not isinstance(v, (str, int, float, bool, type(None))) for v in template.values() if v is not _MISSING):
        return None
    return template


_MISSING = object()


def _builder(model: type[Any]) -> Any:
    """A constructor equivalent to `model.model_construct(**fields)`, without its per-call overhead.

    `model_construct` walks every field (aliases, default factories) on each call, about 10 µs; here the
    field order and defaults are read once and each instance gets the same `__dict__` (fields in declaration
    order), `__pydantic_fields_set__` (the names passed), no extra and no private state. Anything this does
    not reproduce exactly falls back to `model_construct` (see `_template`).
    """
    template = _template(model)
    if template is None:
        return model.model_construct
    size = len(template)

    def build(**values: Any) -> Any:
        d = template.copy()
        d.update(values)  # keeps the declaration order of the fields
        if len(d) != size or _MISSING in d.values():  # an unknown or a missing field: pydantic's own way
            return model.model_construct(**values)
        return _bare(model, d, set(values))

    return build


_STATE = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def _setters(model: type[Any]) -> tuple[Callable[[Any, Any], None], ...] | None:
    """The setters of an instance's state (`_STATE`): the bound `__set__` of each descriptor that
    `object.__setattr__` would find on the class, called directly, which spares the look-up by name on every
    record; None when a class holds no such descriptor (then `object.__setattr__` is used)."""
    out: list[Callable[[Any, Any], None]] = []
    for name in _STATE:
        found = next((k.__dict__[name] for k in model.__mro__ if name in k.__dict__), None)
        setter = getattr(found, "__set__", None)
        if setter is None:
            return None
        out.append(setter)
    return tuple(out)


def _bare(model: type[Any], fields: dict[str, Any], fields_set: set[str]) -> Any:
    """An instance of `model` holding `fields` as `model_construct` would leave it: no extra, no private state."""
    m = model.__new__(model)
    setters = _SETTERS.get(model)
    if setters is None:
        setattr_ = object.__setattr__
        setattr_(m, "__dict__", fields)
        setattr_(m, "__pydantic_fields_set__", fields_set)
        setattr_(m, "__pydantic_extra__", None)
        setattr_(m, "__pydantic_private__", None)
        return m
    set_dict, set_fields, set_extra, set_private = setters
    set_dict(m, fields)
    set_fields(m, fields_set)
    set_extra(m, None)
    set_private(m, None)
    return m


# The state setters of the records built here (`_setters`), where the classes hold them.
_SETTERS = {model: s for model in (Quantity, DateParts) if (s := _setters(model)) is not None}


def _positional(names: tuple[str, ...]) -> Any:
    """`quantity` for the given fields, passed in that order: no keyword dict and no checks per call."""
    template = _template(Quantity)
    if (
        template is None
        or not set(names) <= set(template)
        or any(v is _MISSING for k, v in template.items() if k not in names)
    ):

        def generic(*values: Any) -> Quantity:
            return quantity(**dict(zip(names, values, strict=True)))

        return generic

    fields_set = shared_fields(set(names))  # one set for all: never changed in place (frozen)

    def build(*values: Any) -> Quantity:
        d = template.copy()
        d.update(zip(names, values, strict=True))  # keeps the declaration order of the fields
        return _bare(Quantity, d, fields_set)

    return build


# The fields are built here with the right types; skipping validation keeps extraction fast.
quantity = _builder(Quantity)
date_parts = _builder(DateParts)
date_quantity = _positional(("start", "end", "text", "value", "low", "high", "unit", "dimension", "date"))
simple_quantity = _positional(
    ("start", "end", "text", "value", "low", "high", "unit", "dimension", "qualifier", "precision", "stated_value")
)

_NUMBER_FIELDS = (
    "start", "end", "text", "value", "low", "high", "unit", "dimension", "qualifier", "precision", "noun",
    "stated_value", "stated_unit", "change", "concept",
)  # fmt: skip
_DECLARED = (*_NUMBER_FIELDS[:11], "date", *_NUMBER_FIELDS[11:])  # the fields of Quantity, in their order


def _number_quantity_builder() -> Any:
    """`quantity` for the fields an amount sets, taken in that order: the hot path of the reader.

    The same instance as `quantity(**dict(zip(_NUMBER_FIELDS, values)))`, with the dict of fields written out
    (no keyword dict, no template copy); where the fields of Quantity are not the expected ones, that call.
    """
    fields = Quantity.model_fields
    if (
        _template(Quantity) is None
        or tuple(fields) != _DECLARED
        or fields["date"].default is not None
        or Quantity not in _SETTERS
    ):

        def generic(*values: Any) -> Quantity:
            return quantity(**dict(zip(_NUMBER_FIELDS, values, strict=True)))

        return generic
    new = Quantity.__new__
    set_dict, set_fields, set_extra, set_private = _SETTERS[Quantity]
    fields_set = shared_fields(set(_NUMBER_FIELDS))

    def build(
        start: int,
        end: int,
        text: str,
        value: float | None,
        low: float | None,
        high: float | None,
        unit: str,
        dimension: str,
        qualifier: Qualifier,
        precision: float,
        noun: str | None,
        stated_value: float | None,
        stated_unit: str | None,
        change: Change | None,
        concept: str | None,
    ) -> Quantity:
        m = new(Quantity)
        set_dict(
            m,
            {
                "start": start,
                "end": end,
                "text": text,
                "value": value,
                "low": low,
                "high": high,
                "unit": unit,
                "dimension": dimension,
                "qualifier": qualifier,
                "precision": precision,
                "noun": noun,
                "date": None,
                "stated_value": stated_value,
                "stated_unit": stated_unit,
                "change": change,
                "concept": concept,
            },
        )
        set_fields(m, fields_set)  # one set for all: never changed in place (frozen)
        set_extra(m, None)
        set_private(m, None)
        return m

    return build


number_quantity = _number_quantity_builder()
