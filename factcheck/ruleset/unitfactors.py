"""pint's conversion factors for the units of the shipped rules/quantities.yaml, recorded so that a process
need not build pint's registry (0.7 s) to read a few numbers. Used only with the pint version that gave them;
any other unit, or another pint, asks pint. Generated: `python -m factcheck.extract.quantities.units` writes
it anew, and a test fails when it is stale.
"""

from __future__ import annotations

PINT_VERSION = "0.25.3"

# (unit as a pint expression, base unit as a pint expression) -> (factor, offset)
FACTORS: dict[tuple[str, str], tuple[float, float]] = {
    ("1e9 * metre ** 3", "litre"): (1000000000000.0, 0.0),
    ("43560 * foot ** 2", "metre ** 2"): (4046.8564224, 0.0),
    ("byte", "byte"): (1.0, 0.0),
    ("centimetre", "metre"): (0.01, 0.0),
    ("degree_Celsius", "degree_Celsius"): (1.0, 0.0),
    ("degree_Fahrenheit", "degree_Celsius"): (0.555555555555543, -17.7777777777777),
    ("exabyte", "byte"): (1e18, 0.0),
    ("foot", "metre"): (0.3048, 0.0),
    ("foot ** 2", "metre ** 2"): (0.09290304, 0.0),
    ("foot ** 3", "litre"): (28.316846592, 0.0),
    ("gallon", "litre"): (3.785411784, 0.0),
    ("gigabit / second", "bit / second"): (1000000000.0, 0.0),
    ("gigabyte", "byte"): (1000000000.0, 0.0),
    ("gigawatt", "watt"): (1000000000.0, 0.0),
    ("gigawatt_hour", "watt_hour"): (1000000000.0, 0.0),
    ("gram", "kilogram"): (0.001, 0.0),
    ("hectare", "metre ** 2"): (10000.0, 0.0),
    ("inch", "metre"): (0.0254, 0.0),
    ("kilobit / second", "bit / second"): (1000.0, 0.0),
    ("kilobyte", "byte"): (1000.0, 0.0),
    ("kilogram", "kilogram"): (1.0, 0.0),
    ("kilometre", "metre"): (1000.0, 0.0),
    ("kilometre ** 2", "metre ** 2"): (1000000.0, 0.0),
    ("kilometre / hour", "metre / second"): (0.277777777777778, 0.0),
    ("kilowatt", "watt"): (1000.0, 0.0),
    ("kilowatt_hour", "watt_hour"): (1000.0, 0.0),
    ("knot", "metre / second"): (0.514444444444444, 0.0),
    ("litre", "litre"): (1.0, 0.0),
    ("megabit / second", "bit / second"): (1000000.0, 0.0),
    ("megabyte", "byte"): (1000000.0, 0.0),
    ("megawatt", "watt"): (1000000.0, 0.0),
    ("megawatt_hour", "watt_hour"): (1000000.0, 0.0),
    ("metre", "metre"): (1.0, 0.0),
    ("metre ** 2", "metre ** 2"): (1.0, 0.0),
    ("metre ** 3", "litre"): (1000.0, 0.0),
    ("metre / second", "metre / second"): (1.0, 0.0),
    ("metric_ton", "kilogram"): (1000.0, 0.0),
    ("mile", "metre"): (1609.344, 0.0),
    ("mile ** 2", "metre ** 2"): (2589988.110336, 0.0),
    ("mile_per_hour", "metre / second"): (0.44704, 0.0),
    ("millilitre", "litre"): (0.001, 0.0),
    ("millimetre", "metre"): (0.001, 0.0),
    ("nautical_mile", "metre"): (1852.0, 0.0),
    ("oil_barrel", "litre"): (158.987294928, 0.0),
    ("ounce", "kilogram"): (0.028349523125, 0.0),
    ("petabyte", "byte"): (1000000000000000.0, 0.0),
    ("pound", "kilogram"): (0.45359237, 0.0),
    ("short_ton", "kilogram"): (907.18474, 0.0),
    ("terabit / second", "bit / second"): (1000000000000.0, 0.0),
    ("terabyte", "byte"): (1000000000000.0, 0.0),
    ("terawatt", "watt"): (1000000000000.0, 0.0),
    ("terawatt_hour", "watt_hour"): (1000000000000.0, 0.0),
    ("troy_ounce", "kilogram"): (0.0311034768, 0.0),
    ("watt", "watt"): (1.0, 0.0),
    ("watt_hour", "watt_hour"): (1.0, 0.0),
    ("yard", "metre"): (0.9144, 0.0),
}
