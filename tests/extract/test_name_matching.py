"""Names that should and should not be taken for one: the table behind entity alignment."""

from __future__ import annotations

import pytest

from factcheck.extract.name_matching import names_match
from factcheck.ruleset.files import default_rules_dir, read_rule_file

LEX = read_rule_file(default_rules_dir() / "entities.yaml").lexicon
SUFFIXES = frozenset(w.casefold() for w in LEX["org_suffixes"])

SAME = [
    ("NVIDIA", "Nvidia"),
    ("Nvidia", "nvidia"),
    ("OpenDoor", "Open-Door"),
    ("Open Door", "OpenDoor"),
    ("Halvorsen Group", "Halvorsen"),
    ("Halvorsen Group Ltd", "Halvorsen"),
    ("Brightwater Energy Inc", "Brightwater Energy"),
    ("Kestrel Holdings", "Kestrel"),
    ("Orsa Motors AG", "Orsa Motors"),
    ("Pellworth Foods plc", "Pellworth Foods"),
    ("Tamsin Dairy Co", "Tamsin Dairy"),
    ("Marlow Capital LLC", "Marlow Capital"),
    ("Veltrix Corp", "Veltrix Corporation"),
    ("Aldane SA", "Aldane"),
    ("Brannock Capital", "Brannock Capital LLP"),
    ("Solent Power", "SOLENT POWER"),
    ("Øvrum Kraft", "Ovrum Kraft"),  # accents folded
    ("Šelvik Motors", "Selvik Motors"),
    ("International Business Machines", "IBM"),
    ("Kestrel City Council", "KCC"),
    ("European Central Bank", "ECB"),
    ("Pellworth Foods", "Pelworth Foods"),
    ("Brightwater Energy", "Brightwatter Energy"),
    ("Halvorsen's", "Halvorsen"),
    ("Orsa Motors’", "Orsa Motors"),
    ("Kappa-Tech", "Kappa Tech"),
    ("Trondvik Bank", "Trondvik Bank ASA"),
    ("Marrow Valley", "marrow valley"),
    ("St. Aldane", "St Aldane"),
    ("Hatch Lane", "Hatch  Lane"),
    ("Veltrix Group Holdings", "Veltrix"),
    ("Northwire", "NorthWire"),
    ("xAI", "XAI"),
    ("Kestrel Rovers FC", "Kestrel Rovers FC"),
    ("Galaxy S24", "Galaxy S24"),
    ("Model 3", "Model-3"),
    ("Boeing 737", "Boeing-737"),
    ("Orsa Foods International", "Orsa Foods"),
    ("Tamsin Dairy Limited", "Tamsin Dairy"),
    ("Halvorsen Group plc", "Halvorsen Group"),
    ("Brightwater", "Brightwater Inc."),
    ("Solent Power Company", "Solent Power"),
    ("Marlow Docks", "Marlow docks"),
    ("Kestrel Labs", "Kestrel Labs Inc"),
    ("Harland County", "Harland County"),
    ("Pellworth", "Pellworth Ltd"),
    ("Aurelia Airlines", "Aurelia Airlines Group"),
    ("Quenby Pharma", "Quenby Pharma AG"),
    ("Dorran Steel", "Dorran Steel SE"),
    ("Lyle & Finch", "Lyle and Finch"),
    ("World Health Organization", "WHO"),
    ("Harland County Council", "HCC"),
    ("Brightwater Energy Group", "Brightwater Energy"),
]

DIFFERENT = [
    ("Orsa Motors", "Orsa Telecom"),
    ("Orsa Foods", "Orsa Motors"),
    ("Kestrel Grid", "Kestrel Gold"),
    ("Galaxy S23", "Galaxy S24"),
    ("Model 3", "Model 5"),
    ("iPhone 15", "iPhone 16"),
    ("Windows 10", "Windows 11"),
    ("Boeing 737", "Boeing 787"),
    ("GPT-4", "GPT-5"),
    ("Pellworth Foods", "Pellworth Farms"),
    ("Halvorsen Group", "Halverson Group"),
    ("Brightwater Energy", "Brightwater Capital"),
    ("Marlow Capital", "Marlow Docks"),
    ("Kestrel City", "Kestrel Rovers"),
    ("Kestrel City Council", "Kestrel Rovers"),
    ("Solent Power", "Solent Ports"),
    ("Tamsin Dairy", "Tamsin Bank"),
    ("IBM", "International Paper"),
    ("ECB", "European Commission"),
    ("Apple", "Applied Materials"),
    ("Meta", "Metal Box"),
    ("Aldane", "Aldane Valley"),
    ("Harland County", "Harland City"),
    ("Trondvik Bank", "Trondvik Energy"),
    ("Veltrix", "Veltrax"),
    ("Orsa", "Ursa"),
    ("Nova", "Novo"),
    ("Brannock Capital", "Brannock Partners"),
    ("Quenby Pharma", "Quenby Foods"),
    ("Dorran Steel", "Dorran Steelworks Union"),
    ("Lyle", "Lyle & Finch"),
    ("Hatch Lane", "Hatch End"),
    ("Kappa", "Kappa Tech"),
    ("Marrow Valley", "Marrow Hill"),
    ("Aurelia Airlines", "Aurelia Air Cargo"),
    ("North Sea", "North Star"),
    ("Rovers", "Rangers"),
    ("Sam Altmann", "Sam Allen"),
    ("United", "United States"),
    ("Kestrel Labs", "Kestrel Lab Partners"),
    ("Office 365", "Office 2019"),
    ("Halvorsen", "Halvorsen Seafood Union"),
    ("Pelle", "Pellworth"),
    ("Grid", "Kestrel Grid"),
    ("Q2", "Q3"),
    ("Orsa Telecom", "Orsa Telecoms Union"),
    ("Aldane SA", "Aldane Bank"),
    ("Tamsin", "Tamsin Dairy Workers"),
    ("WHO", "World Trade Organization"),
    ("Marlow", "Harlow"),
    ("Brightwater 2030", "Brightwater 2040"),
    ("Veltrix Kappa", "Veltrix Sigma"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_name(a: str, b: str) -> None:
    assert names_match(a, b, SUFFIXES)
    assert names_match(b, a, SUFFIXES)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names(a: str, b: str) -> None:
    assert not names_match(a, b, SUFFIXES)
    assert not names_match(b, a, SUFFIXES)


def test_the_table_is_large_enough() -> None:
    assert len(SAME) + len(DIFFERENT) >= 100
