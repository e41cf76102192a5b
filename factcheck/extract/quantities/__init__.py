"""The quantity reader: text -> `Quantity` records (value, unit, hedge, span), driven by rules/quantities.yaml."""

from factcheck.extract.quantities.reader import QuantityLexicon, extract_quantities, load_lexicon

__all__ = ["QuantityLexicon", "extract_quantities", "load_lexicon"]
