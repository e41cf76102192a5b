"""The gate: the pre-publication check and the CI gate (`factcheck check`, `factcheck baseline`).

In: the drafts' paths (files or folders), the corpus's paths and the options (`CheckOptions`: configuration
file, extra rule folders, disabled rules, claim cache, `--changed-since` revision, fail-on severity,
baseline); optionally an already-loaded `RuleSet` (see `check.gate_ruleset`) and a `ClaimCache`.
Out: a `CheckRun` whose `GateResult` holds the `GateFinding`s that involve a draft (each at the draft's
`Place`, with the other sources' places beside it) after disabled rules, ignore comments and the baseline,
and the input errors; beside it, the `Notice`s to show, in order. Bad input (a configuration, rule or
baseline file, an unknown rule or revision, no corpus) raises `CheckError`. `record_baseline` returns today's
findings as a `Baseline` to write. Nothing here prints or exits; only the claim cache is written.

    run = check_drafts(CheckOptions(drafts=["draft.md"], corpus=["articles"]))
    for finding in run.result.findings: ...

For a process that stays up (the language server), `resident.ResidentCheck` sets up once and checks one draft
at a time from its text in memory, returning the same `CheckRun`.

Inside: `check` (the library call), `select` (findings seen from the drafts), `index` (a warm check that reads
only what the drafts can meet: `listing`, `validate`, `extracts`, `name_knowledge`, `reach`), `cache`,
`cache_keys` and `terms` (the SQLite claim cache), `resident` and `warm` (the resident check, and what it keeps
between checks), `config`, `baseline`, `git`, `progress`.
"""

from factcheck.gate.cache import ClaimCache
from factcheck.gate.check import (
    BaselineOptions,
    BaselineRun,
    CheckError,
    CheckOptions,
    CheckRun,
    Notice,
    check_drafts,
    record_baseline,
)
from factcheck.gate.select import GateFinding, GateResult, Place

__all__ = [
    "BaselineOptions",
    "BaselineRun",
    "CheckError",
    "CheckOptions",
    "CheckRun",
    "ClaimCache",
    "GateFinding",
    "GateResult",
    "Notice",
    "Place",
    "check_drafts",
    "record_baseline",
]
