"""Physical units of the quantity lexicon: the factor (and offset) from a unit to its dimension's base unit.

pint gives them; `unitfactors` records its answers for the units of the shipped rules/quantities.yaml, so that
a process need not build pint's registry to read a few numbers. The lexicon resolves its units once, when it
is validated (`quantity_lexicon.resolve_units`), never per number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Unit:
    """A resolved unit: value in base unit = number * factor + offset."""

    unit: str
    dimension: str
    factor: float
    offset: float = 0.0
    name: str | None = None  # the unit as stated ("yard" for a length read in metres), None for a count


@lru_cache(maxsize=1)
def _pint_registry() -> Any:
    import pint  # imported on first use: about 0.2 s, plus 0.2 s to build the bundled registry

    return pint.UnitRegistry()


def _round(x: float) -> float:
    """Drop float noise from pint's conversions (1000.0000000000001 -> 1000.0)."""
    return float(f"{x:.15g}") + 0.0


def pint_factor(expr: str, base: str) -> tuple[float, float]:
    """(factor, offset) such that a value in `expr` is value * factor + offset in `base`, from pint;
    ValueError when pint cannot convert one to the other."""
    ureg = _pint_registry()
    try:
        q = ureg.parse_expression(expr)
        target = ureg.parse_expression(base).units
        mag, units = (q.magnitude, q.units) if hasattr(q, "units") else (q, ureg.dimensionless)
        offset = ureg.Quantity(0.0 * mag, units).to(target).magnitude
        factor = ureg.Quantity(1.0 * mag, units).to(target).magnitude - offset
    except Exception as exc:  # pint's UndefinedUnitError, DimensionalityError, syntax errors
        raise ValueError(f"pint cannot convert {expr!r} to {base!r}: {exc}") from None
    return _round(factor), _round(offset)


def recorded_factors() -> dict[tuple[str, str], tuple[float, float]]:
    """pint's answers for the shipped units, recorded (`unitfactors`), when this is the pint that gave them:
    building pint's registry costs a process 0.7 s, most of a one-draft `check`."""
    from importlib.metadata import PackageNotFoundError, version

    from factcheck.ruleset import unitfactors

    try:
        return unitfactors.FACTORS if version("pint") == unitfactors.PINT_VERSION else {}
    except PackageNotFoundError:
        return {}
