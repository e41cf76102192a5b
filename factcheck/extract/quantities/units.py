"""Writes factcheck/ruleset/unitfactors.py, pint's factors recorded for the units of the shipped
rules/quantities.yaml: `python -m factcheck.extract.quantities.units` after a change to those units or to pint
(a test fails while the recorded factors are stale)."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.ruleset import unitfactors
from factcheck.ruleset.quantity_lexicon import load_lexicon
from factcheck.ruleset.quantity_units import pint_factor

_FACTORS_HEAD = (
    '"""pint\'s conversion factors for the units of the shipped rules/quantities.yaml, recorded so that a process\n'
    "need not build pint's registry (0.7 s) to read a few numbers. Used only with the pint version that gave them;\n"
    "any other unit, or another pint, asks pint. Generated: `python -m factcheck.extract.quantities.units` writes\n"
    'it anew, and a test fails when it is stale.\n"""\n\nfrom __future__ import annotations\n\n'
)


def unit_factor_table() -> tuple[str, dict[tuple[str, str], tuple[float, float]]]:
    """The installed pint's version and its factors for every pint unit of the shipped lexicon."""
    from importlib.metadata import version

    lex = load_lexicon()
    units = [*lex.units, *lex.adjective_units]
    pairs = sorted({(u.pint, lex.base_units[u.dimension].pint) for u in units if u.pint is not None})
    return version("pint"), {pair: pint_factor(*pair) for pair in pairs}


def render_unit_factors(pint_version: str, factors: dict[tuple[str, str], tuple[float, float]]) -> str:
    """The source of factcheck/ruleset/unitfactors.py."""

    def num(x: float) -> str:
        return repr(x).replace("e+", "e")

    lines = [f"PINT_VERSION = {json.dumps(pint_version)}", ""]
    lines += ["# (unit as a pint expression, base unit as a pint expression) -> (factor, offset)"]
    lines += ["FACTORS: dict[tuple[str, str], tuple[float, float]] = {"]
    lines += [f"    ({json.dumps(a)}, {json.dumps(b)}): ({num(f)}, {num(o)})," for (a, b), (f, o) in factors.items()]
    lines += ["}", ""]
    return _FACTORS_HEAD + "\n".join(lines)


def write_unit_factors() -> None:
    """Write factcheck/ruleset/unitfactors.py anew from the installed pint."""
    Path(unitfactors.__file__).write_text(render_unit_factors(*unit_factor_table()), encoding="utf-8")


if __name__ == "__main__":
    write_unit_factors()
