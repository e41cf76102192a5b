"""The quantity reader: `extract_quantities(text, lexicon)` takes a text and the lexicon of
rules/quantities.yaml (`load_lexicon()`, or a rule set's `quantities`) and returns every quantity and date
stated in the text as a list of `Quantity` records (value, unit, interval, qualifier, span), sorted by start
and non-overlapping."""

from factcheck.extract.quantities.reader import extract_quantities
from factcheck.ruleset.quantity_lexicon import QuantityLexicon, load_lexicon

__all__ = ["QuantityLexicon", "extract_quantities", "load_lexicon"]
