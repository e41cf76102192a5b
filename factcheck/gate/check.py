"""`factcheck check` and `factcheck baseline` as library calls: options in, a result out; nothing printed.

`check_drafts(CheckOptions(...))` reads the configuration, the rules and the claim cache, finds the drafts (the
paths given and, with `changed_since`, the corpus's article files git reports as changed), checks them against
the corpus and returns a `CheckRun`: the `GateResult` (the drafts' findings after disabled rules, ignore
comments and the baseline), the notices to show beside it, the rule set and configuration used, and the phase
timings. `record_baseline(BaselineOptions(...))` analyses a whole corpus and returns the `Baseline` to write.
What the command line exits 2 on raises `CheckError`: its message (in the command line's words: it names
options) and the notices given before it.

With a usable claim cache, `check` reads only the documents the drafts can meet (factcheck/gate/index.py);
without one, the whole corpus is analysed (`select.index`). A caller that checks often may pass the rule set (see
`gate_ruleset`) and the claim cache (not open: each call opens and closes it); the language server uses
`ResidentCheck` (factcheck/gate/resident.py), set up once with `check_setup`, for drafts held in memory.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factcheck.gate import select as gate
from factcheck.gate.cache import ClaimCache, rules_validated
from factcheck.gate.config import ConfigError, LoadedConfig, apply_tolerances, load_config
from factcheck.gate.progress import Clock, ProgressFactory
from factcheck.load import LoadResult, collect_paths
from factcheck.models import Report, Severity
from factcheck.ruleset.files import RuleFileError
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from factcheck.ruleset.saferegex import RegexTimeout

if TYPE_CHECKING:
    from factcheck.gate.baseline import Baseline


@dataclass(frozen=True)
class GateOptions:
    """What `check` and `baseline` share. Empty or None: the configuration's value, else the default."""

    config: Path | None = None  # a configuration file; None: the nearest .factcheck.toml or pyproject.toml
    rules: Sequence[Path] = ()  # extra rule folders (a file of the same family replaces the shipped one)
    disable: Sequence[str] = ()  # rules never to report
    no_cache: bool = False  # neither read nor write the claim cache
    cache_dir: Path | None = None  # where the claim cache lives
    jobs: int | None = None  # processes that extract claims from documents not in the cache; None or 0: all cores


@dataclass(frozen=True)
class CheckOptions(GateOptions):
    """What to check against what."""

    drafts: Sequence[str] = ()  # files or folders
    corpus: Sequence[str] = ()  # files or folders the drafts are checked against
    changed_since: str | None = None  # also the corpus's article files git reports as changed since this revision
    fail_on: Severity | None = None  # the severity at or above which a finding fails the check
    baseline: Path | None = None  # report only findings not in this baseline (it must exist; a configured one may not)


@dataclass(frozen=True)
class BaselineOptions(GateOptions):
    """What to record, and where."""

    paths: Sequence[str] = ()  # files or folders; default: the configured corpus
    output: Path | None = None  # the baseline file; default: baseline in the configuration


@dataclass(frozen=True)
class Notice:
    """Something to tell the user beside the result, in order (the command line prints them to stderr)."""

    level: Literal["info", "warning", "error"]
    text: str

    def __str__(self) -> str:
        return self.text if self.level == "info" else f"{self.level}: {self.text}"


class CheckError(Exception):
    """Bad input or usage: a configuration, rule or baseline file that cannot be used, an unknown rule or git
    revision, no corpus, nothing to check, a rule pattern that ran out of time. `message` may have several
    lines; `notices` are those given before the error."""

    def __init__(self, message: str, notices: Sequence[Notice] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.notices = list(notices)


@dataclass
class CheckRun:
    """What `check_drafts` returns."""

    result: gate.GateResult  # the drafts' findings; `errors`: the inputs that could not be read
    notices: list[Notice]  # load warnings and errors, a rebuilt cache, nothing changed since the revision
    ruleset: RuleSet
    config: LoadedConfig
    clock: Clock  # phase timings so far (`clock.lap` goes on), documents analysed with the drafts


@dataclass
class BaselineRun:
    """What `record_baseline` returns: the baseline to write, where, and what it holds."""

    baseline: Baseline
    target: Path
    findings: int
    documents: int
    notices: list[Notice]


def check_drafts(
    options: CheckOptions,
    *,
    ruleset: RuleSet | None = None,
    cache: ClaimCache | None = None,
    progress: ProgressFactory | None = None,
) -> CheckRun:
    """The drafts against the corpus: only the findings that involve a draft. A `ruleset` given is used as it is
    (`options.rules` and the configured tolerances are not applied: `gate_ruleset` does that); a `cache` given
    (not open: the call opens and closes it) replaces the one the options and configuration name.
    `progress(total)` may show a bar while documents are extracted."""
    notices: list[Notice] = []
    try:
        return _check(options, ruleset, cache, progress, notices)
    except CheckError as exc:
        exc.notices[:0] = notices
        raise


def _check(
    options: CheckOptions,
    ruleset: RuleSet | None,
    cache: ClaimCache | None,
    progress: ProgressFactory | None,
    notices: list[Notice],
) -> CheckRun:
    clock = Clock()
    setup = check_setup(options, ruleset=ruleset, cache=cache)
    cfg, fail_on, cache, ruleset = setup.config, setup.fail_on, setup.cache, setup.ruleset
    disabled, corpus_paths = setup.disabled, setup.corpus
    ref = options.changed_since
    if not options.drafts and not ref:
        raise CheckError("nothing to check: give DRAFT... or --changed-since REF")
    draft_files, errors = collect_paths(list(options.drafts))
    if ref:
        from factcheck.gate.git import GitError, changed_files

        try:
            changed = changed_files(ref)
        except GitError as exc:
            raise CheckError(str(exc)) from exc
        draft_files += gate.article_files(changed, corpus_paths)
        if not draft_files and not errors:
            notices.append(Notice("info", f"no article in the corpus changed since {ref}; nothing to check"))
    base = setup.read_baseline()
    clock.lap("start")
    if draft_files:
        loaded, report, documents = _check_index(
            draft_files, corpus_paths, ruleset, cache, options.jobs or None, progress, clock, notices
        )
        notices += _load_notices(loaded)
        focus = gate.focus_documents(report, draft_files)
        result = gate.select(report, focus, fail_on=fail_on, disabled=disabled, baseline=base)
        result.corpus = documents
        result.errors = errors + loaded.errors
    else:
        notices += [Notice("error", e) for e in errors]
        result = gate.GateResult(findings=[], drafts=[], corpus=0, fail_on=fail_on, errors=errors)
    return CheckRun(result=result, notices=notices, ruleset=ruleset, config=cfg, clock=clock)


@dataclass
class CheckSetup:
    """What a check is set up with, before any draft is read: see `check_setup`."""

    config: LoadedConfig
    fail_on: Severity
    cache: ClaimCache | None  # not open; None: no cache
    ruleset: RuleSet
    disabled: list[str]  # rules never reported
    corpus: list[str]  # the corpus's paths, as given or as configured (relative to the working folder)
    baseline: Path | None  # the baseline file to apply; None: none
    baseline_named: bool  # given in the options (it must exist), not only configured (it may not)

    def read_baseline(self) -> Baseline | None:
        """The baseline, if one applies; CheckError when it cannot be used."""
        if self.baseline is None or not (self.baseline_named or self.baseline.is_file()):
            return None
        return _read_baseline(self.baseline)


def check_setup(
    options: CheckOptions, *, ruleset: RuleSet | None = None, cache: ClaimCache | None = None
) -> CheckSetup:
    """The configuration, claim cache, rules, disabled rules, corpus and baseline a check of `options` uses (as
    `check_drafts`; a caller that checks often, the language server, sets up once). Nothing is read but the
    configuration and the rule files. CheckError on bad input: a configuration or rule file, an unknown rule,
    no corpus."""
    cfg = _config(options.config)
    conf = cfg.config
    if cache is None:
        cache = claim_cache(cfg, options)
    if ruleset is None:
        ruleset = gate_ruleset(cfg, options.rules, cache)
    disabled = _disabled(cfg, options.disable, ruleset)
    corpus_paths = list(options.corpus) or [gate.display_path(cfg.resolve(p)) for p in conf.corpus]
    if not corpus_paths:
        raise CheckError("no corpus: give --corpus PATH (or set corpus in [tool.factcheck] / .factcheck.toml)")
    return CheckSetup(
        config=cfg,
        fail_on=options.fail_on or conf.fail_on,
        cache=cache,
        ruleset=ruleset,
        disabled=disabled,
        corpus=corpus_paths,
        baseline=options.baseline or (cfg.resolve(conf.baseline) if conf.baseline else None),
        baseline_named=options.baseline is not None,
    )


def record_baseline(
    options: BaselineOptions,
    *,
    ruleset: RuleSet | None = None,
    cache: ClaimCache | None = None,
    progress: ProgressFactory | None = None,
) -> BaselineRun:
    """Today's findings in the paths (every document seen as a draft), as a baseline; nothing is written.
    `ruleset`, `cache` and `progress` as for `check_drafts`."""
    notices: list[Notice] = []
    try:
        return _baseline(options, ruleset, cache, progress, notices)
    except CheckError as exc:
        exc.notices[:0] = notices
        raise


def _baseline(
    options: BaselineOptions,
    ruleset: RuleSet | None,
    cache: ClaimCache | None,
    progress: ProgressFactory | None,
    notices: list[Notice],
) -> BaselineRun:
    cfg = _config(options.config)
    if ruleset is None:
        ruleset = gate_ruleset(cfg, options.rules)
    disabled = _disabled(cfg, options.disable, ruleset)
    target = options.output or (cfg.resolve(cfg.config.baseline) if cfg.config.baseline else None)
    if target is None:
        raise CheckError("give -o FILE (or set baseline in [tool.factcheck] / .factcheck.toml)")
    targets = list(options.paths) or [gate.display_path(cfg.resolve(p)) for p in cfg.config.corpus]
    if not targets:
        raise CheckError("nothing to record: give PATH... (or set corpus in the config)")
    if cache is None:
        cache = claim_cache(cfg, options)
    loaded, report = _index(targets, ruleset, cache, options.jobs or None, progress, notices)
    notices += _load_notices(loaded)
    if loaded.errors or not report.documents:
        raise CheckError("baseline not written: fix the input errors above first")
    result = gate.select(report, report.documents, disabled=disabled)
    from factcheck.gate.baseline import build

    return BaselineRun(
        baseline=build(result.findings),
        target=target,
        findings=len(result.findings),
        documents=len(report.documents),
        notices=notices,
    )


# -- configuration, rules, cache ------------------------------------------------------------------------


def _config(path: Path | None) -> LoadedConfig:
    try:
        return load_config(path)
    except ConfigError as exc:
        raise CheckError(str(exc)) from exc


def gate_ruleset(cfg: LoadedConfig, rules: Sequence[Path] = (), cache: ClaimCache | None = None) -> RuleSet:
    """The shipped rules, the extra rule folders (else the configured ones) and the configured tolerances. With a
    cache, rule files that validated there before are trusted: the quantity lexicon is then built only if
    something is extracted."""
    dirs = tuple(rules) or tuple(cfg.resolve(d) for d in cfg.config.rules)
    folder = cache.path.parent if cache is not None else None
    validated = None if folder is None else (lambda digest: rules_validated(folder, digest))
    try:
        ruleset = load_ruleset(list(dirs), validated)
    except RuleFileError as exc:
        raise CheckError(str(exc)) from exc
    apply_tolerances(ruleset, cfg.config.tolerances)
    return ruleset


def claim_cache(cfg: LoadedConfig, options: GateOptions) -> ClaimCache | None:
    """The claim cache the options and configuration name (not open yet), or None."""
    if options.no_cache or not cfg.config.cache:
        return None
    return ClaimCache(options.cache_dir or cfg.resolve(cfg.config.cache_dir))


def _disabled(cfg: LoadedConfig, given: Sequence[str], ruleset: RuleSet) -> list[str]:
    ids = list(given) if given else cfg.config.disable
    prefix = "tool.factcheck." if cfg.path and cfg.path.name == "pyproject.toml" else ""
    where = "--disable" if given else f"{cfg.path}: {prefix}disable"
    unknown = [r for r in ids if r not in ruleset.rules]
    if unknown:
        raise CheckError(f"{where}: unknown rule {', '.join(repr(r) for r in unknown)} (`factcheck rules` lists them)")
    return ids


def _read_baseline(path: Path) -> Baseline:
    from factcheck.gate.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as exc:
        raise CheckError(str(exc)) from exc


# -- the analysis ---------------------------------------------------------------------------------------


def _rebuilt(cache: ClaimCache) -> Notice:
    return Notice("warning", f"claim cache {cache.path} was rebuilt ({cache.rebuilt})")


def _load_notices(loaded: LoadResult) -> list[Notice]:
    return [Notice("warning", w) for w in loaded.warnings] + [Notice("error", e) for e in loaded.errors]


def _index(
    paths: list[str],
    ruleset: RuleSet,
    cache: ClaimCache | None,
    jobs: int | None,
    progress: ProgressFactory | None,
    notices: list[Notice],
) -> tuple[LoadResult, Report]:
    """The whole corpus loaded and analysed (extractions from the cache where it has them)."""
    try:
        if cache is None:
            return gate.index(paths, ruleset, None, progress, jobs)
        with cache:
            result = gate.index(paths, ruleset, cache, progress, jobs)
    except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule
        raise CheckError(str(exc)) from exc
    if cache.rebuilt:
        notices.append(_rebuilt(cache))
    return result


def _check_index(
    draft_files: list[Path],
    corpus_paths: list[str],
    ruleset: RuleSet,
    cache: ClaimCache | None,
    jobs: int | None,
    progress: ProgressFactory | None,
    clock: Clock,
    notices: list[Notice],
) -> tuple[LoadResult, Report, int]:
    """The drafts against the corpus: with the cache, only the documents the drafts can meet are read
    (factcheck/gate/index.py); without it, the whole corpus is analysed. Also: documents in all."""
    paths = [str(p) for p in draft_files] + corpus_paths
    if cache is None:
        loaded, report = _index(paths, ruleset, None, jobs, progress, notices)
        clock.lap("index")
        return loaded, report, len(report.documents)
    from factcheck.gate import index

    clock.lap("imports")
    try:
        with cache:
            if not cache.usable:
                loaded, report = gate.index(paths, ruleset, None, progress, jobs)
                documents = len(report.documents)
            else:
                cache.mark_rules_validated(ruleset.digest)  # loaded without error (see gate_ruleset)
                clock.lap("open cache")
                checked = index.check(draft_files, corpus_paths, ruleset, cache, jobs, progress)
                loaded, report, documents = checked.loaded, checked.report, checked.documents
                clock.laps.update(checked.timings)
                clock.analysed = len(draft_files) + checked.selected
                clock.t = time.perf_counter()
    except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule
        raise CheckError(str(exc)) from exc
    clock.lap("close cache")
    if cache.rebuilt:
        notices.append(_rebuilt(cache))
    return loaded, report, documents
