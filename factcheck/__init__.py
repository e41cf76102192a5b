"""factcheck: a cross-source fact consistency checker for news writing.

The pipeline, one package per stage (see docs/architecture.md):
`load` (paths -> Documents) -> `extract` (Document -> claims) -> `analyse` (claims -> facts -> findings)
-> `report` (findings -> Markdown, JSON, SARIF…); `gate` runs the pre-publication check and the CI gate over
the same stages; `ruleset` reads and validates `rules/`. `pipeline.run` is the whole report as one call.
"""

__version__ = "0.1.0"
