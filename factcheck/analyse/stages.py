"""Where the facts are aligned and compared: the steps an engine may run elsewhere, with the same result.

By default every step runs in this process, in one pass over the corpus. An engine may run the numbers block by
block (`blocks`), and the dates and superlatives component by component (`components`), on other machines;
the facts and findings come back in the order one pass makes them. The rest of the analysis (the join of
facts across parties, the superlatives' comparison, the sums within documents) reads the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.analyse.alignment import align_dates
from factcheck.analyse.blocks import Aligner, Comparer, align_numbers
from factcheck.analyse.components import align_superlatives
from factcheck.analyse.numeric import compare_quantities
from factcheck.analyse.temporal import compare_dates


@dataclass(frozen=True)
class Stages:
    align_numbers: Aligner = align_numbers
    compare_numbers: Comparer = compare_quantities
    align_dates: Aligner = align_dates
    compare_dates: Comparer = compare_dates
    align_superlatives: Aligner = align_superlatives
