"""Stage 6, engine: where the pipeline runs, on this machine or on a Dask cluster.

In: the paths, the `RuleSet` and an `EngineChoice` (`local`, or `dask` with an optional scheduler address).
Out: the same `RunResult` as `pipeline.run`, byte for byte once rendered, whichever engine made it.
`run(paths, ruleset, jobs, choice)` is the whole-corpus run; `extract_many(documents, ruleset, jobs,
progress)` is the extraction the gate's claim cache fills with, sent to the engine chosen with `using(choice)`.
On Dask the files are read and extracted on the workers (one task per batch of files, run again when a worker
dies), each task folding its files' name facts; the client merges the folds into the name index and runs the
alignment, the comparison and the numbering (docs/scaling.md says why).
Nothing here prints or exits.
"""

from factcheck.engine.choice import EngineChoice, current, using
from factcheck.engine.runner import extract_many, run

__all__ = ["EngineChoice", "current", "extract_many", "run", "using"]
