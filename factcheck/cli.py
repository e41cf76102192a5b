"""The command line: parses options, calls the pipeline, prints or writes, and sets the exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from factcheck import __version__
from factcheck.gate import select as gate
from factcheck.gate.cache import ClaimCache
from factcheck.gate.config import ConfigError, LoadedConfig, apply_tolerances, load_config
from factcheck.load import LoadResult, collect_paths
from factcheck.models import Report
from factcheck.ruleset.files import RuleFileError
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from factcheck.ruleset.saferegex import RegexTimeout

if TYPE_CHECKING:
    from factcheck.gate.baseline import Baseline
    from factcheck.pipeline import RunResult

# The formats, the whole-corpus pipeline, the baseline and git are imported where a command needs them: a
# `check` that prints JSON never pays for the Markdown report or a process pool.

DEFAULT_CORPUS = Path("seeds")
DEFAULT_REPORT = {"markdown": Path("reports/report.md"), "json": Path("reports/report.json")}


class _Clock:
    """Phase timings for `check --timings`: each lap is the time since the previous one."""

    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}
        self.analysed: int | str = "all"  # documents analysed with the drafts

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.t
        self.t = now


class ExitCode(IntEnum):
    OK = 0  # success, nothing at or above the threshold
    FINDINGS = 1  # findings at or above --fail-on
    INPUT_ERROR = 2  # usage error, unreadable input or a malformed rule file


EXIT_HELP = """
Exit codes: 0 success; 2 bad input (a missing path, a binary or unreadable file, a malformed rule
file), after processing every file that could be read.
"""


def _ruleset(extra: tuple[Path, ...], cache_dir: Path | None = None) -> RuleSet:
    """The rules; with a cache folder, rule files that validated there before are trusted: the quantity
    lexicon is then built only if something is extracted."""
    from factcheck.gate.cache import rules_validated

    validated = None if cache_dir is None else (lambda digest: rules_validated(cache_dir, digest))
    try:
        return load_ruleset(list(extra), validated)
    except RuleFileError as exc:
        for line in str(exc).splitlines():
            click.echo(f"factcheck: error: {line}", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR) from None


def _run(paths: tuple[str, ...], ruleset: RuleSet, jobs: int | None = 1) -> RunResult:
    from factcheck.pipeline import run

    try:
        result = run(list(paths), ruleset, jobs)
    except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule: exit 2
        _fail(str(exc))
    for w in result.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in result.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if not result.report.documents:
        click.echo("factcheck: error: no article could be read; nothing to check", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR)
    return result


def write_atomic(path: Path, text: str | Callable[[TextIO], None]) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a report. `text` is
    the text, or a function that writes it to a file (a large report is then never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                text(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str | Callable[[TextIO], None], output: Path | None) -> None:
    if output is None or str(output) == "-":
        if isinstance(text, str):
            sys.stdout.write(text)
        else:
            text(sys.stdout)
    else:
        write_atomic(output, text)
        click.echo(f"factcheck: wrote {output}", err=True)


rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="An extra folder of rule files; a file of the same family replaces the shipped one.",
)

jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Processes that extract claims from articles not in the cache (default 0: all cores). The output "
    "is the same for any number.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Check that several articles about one event state its numbers and claims consistently."""


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write the report ('-' for standard output). Default: standard output when PATHs "
    "are given; reports/report.md (or .json) for the default corpus.",
)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@rules_option
@jobs_option
def report(paths: tuple[str, ...], output: Path | None, fmt: str, rule_dirs: tuple[Path, ...], jobs: int) -> None:
    """Report where the articles in PATH... (files or folders; default: seeds/) agree and disagree."""
    if not paths:
        paths = (str(DEFAULT_CORPUS),)
        output = output or DEFAULT_REPORT[fmt]
    from factcheck.report import jsonout, markdown

    ruleset = _ruleset(rule_dirs)
    result = _run(paths, ruleset, jobs or None)
    analysed = result.report
    if fmt == "json":
        _emit(lambda out: jsonout.write(analysed, out), output)
    else:
        descriptions = {rid: r.description for rid, r in ruleset.rules.items()}
        _emit(lambda out: markdown.write(analysed, out, descriptions), output)
    raise SystemExit(ExitCode.INPUT_ERROR if result.errors else ExitCode.OK)


# -- the editorial check and the CI gate ---------------------------------------------------------------

CHECK_HELP = """
Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on (default: error); 2 usage
or input error (a missing or unreadable file, a malformed rule, config or baseline file, an unknown git
revision).

\b
Formats: markdown (default; each finding with the other sources' quotes), json (factcheck.check/1),
sarif (SARIF 2.1.0 for GitHub code scanning), github (workflow commands that annotate a pull request),
text (one line a finding: path:line:col: severity rule message).

Inline: <!-- factcheck: ignore RULE --> on the line before a paragraph;
<!-- factcheck: disable RULE --> ... <!-- factcheck: enable RULE --> around a block.
Settings come from [tool.factcheck] in pyproject.toml or a .factcheck.toml; options win.
"""

BASELINE_HELP = """
Exit codes: 0 the baseline was written; 2 usage or input error (nothing is written then).
"""

CHECK_FORMATS = ["markdown", "json", "sarif", "github", "text"]


def _fail(message: str) -> NoReturn:
    for line in message.splitlines():
        click.echo(f"factcheck: error: {line}", err=True)
    raise SystemExit(ExitCode.INPUT_ERROR)


def _config(path: Path | None) -> LoadedConfig:
    try:
        return load_config(path)
    except ConfigError as exc:
        _fail(str(exc))


def _gate_ruleset(cfg: LoadedConfig, rule_dirs: tuple[Path, ...], cache: ClaimCache | None = None) -> RuleSet:
    dirs = rule_dirs or tuple(cfg.resolve(d) for d in cfg.config.rules)
    ruleset = _ruleset(dirs, cache.path.parent if cache is not None else None)
    apply_tolerances(ruleset, cfg.config.tolerances)
    return ruleset


def _disabled(cfg: LoadedConfig, cli: tuple[str, ...], ruleset: RuleSet) -> list[str]:
    ids = list(cli) if cli else cfg.config.disable
    prefix = "tool.factcheck." if cfg.path and cfg.path.name == "pyproject.toml" else ""
    where = "--disable" if cli else f"{cfg.path}: {prefix}disable"
    unknown = [r for r in ids if r not in ruleset.rules]
    if unknown:
        _fail(f"{where}: unknown rule {', '.join(repr(r) for r in unknown)} (`factcheck rules` lists them)")
    return ids


def _cache(cfg: LoadedConfig, no_cache: bool, cache_dir: Path | None) -> ClaimCache | None:
    if no_cache or not cfg.config.cache:
        return None
    return ClaimCache(cache_dir or cfg.resolve(cfg.config.cache_dir))


def _progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
    """A bar on standard error while the corpus is indexed, only when standard error is a terminal."""

    @contextmanager
    def bar() -> Iterator[Callable[[int], None]]:
        if not sys.stderr.isatty() or total < 2:
            yield lambda n: None
            return
        with click.progressbar(length=total, label="factcheck: indexing", file=sys.stderr) as pb:
            yield pb.update

    return bar()


def _index(
    paths: list[str], ruleset: RuleSet, cache: ClaimCache | None, jobs: int | None = None
) -> tuple[LoadResult, Report]:
    try:
        if cache is None:
            return gate.index(paths, ruleset, None, _progress, jobs)
        with cache:
            result = gate.index(paths, ruleset, cache, _progress, jobs)
    except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule: exit 2
        _fail(str(exc))
    if cache.rebuilt:
        click.echo(f"factcheck: warning: claim cache {cache.path} was rebuilt ({cache.rebuilt})", err=True)
    return result


def _report_load(loaded: LoadResult) -> None:
    for w in loaded.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in loaded.errors:
        click.echo(f"factcheck: error: {e}", err=True)


def _render_check(fmt: str, result: gate.GateResult, ruleset: RuleSet) -> str:
    if fmt == "json":
        from factcheck.report import gate_json

        return gate_json.render(result)
    if fmt == "sarif":
        from factcheck.report import sarif

        return sarif.render(result, ruleset)
    if fmt == "github":
        from factcheck.report import github

        return github.render(result)
    if fmt == "text":
        from factcheck.report import text as textfmt

        return textfmt.render(result)
    from factcheck.report import gate_markdown

    return gate_markdown.render(result)


cache_options = [
    click.option("--no-cache", is_flag=True, help="Do not read or write the claim cache."),
    click.option(
        "--cache-dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="Where the claim cache lives (default: .factcheck/, or cache-dir in the config).",
    ),
    click.option(
        "--config",
        "config_file",
        type=click.Path(path_type=Path, dir_okay=False),
        help="A configuration file (default: the nearest .factcheck.toml or pyproject.toml with [tool.factcheck]).",
    ),
    click.option("--disable", multiple=True, metavar="RULE", help="A rule never to report (repeatable)."),
    rules_option,
    jobs_option,
]


def _with(options: list[Callable[[Callable], Callable]]) -> Callable[[Callable], Callable]:
    def wrap(f: Callable) -> Callable:
        for option in reversed(options):
            f = option(f)
        return f

    return wrap


@main.command(epilog=CHECK_HELP)
@click.argument("drafts", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(path_type=str),
    help="Files or folders the drafts are checked against (repeatable; default: corpus in the config).",
)
@click.option(
    "--changed-since",
    "ref",
    metavar="REF",
    help="Also check the article files in the corpus that git reports as added or modified since REF "
    "(renames followed, untracked files included).",
)
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), help="Output format (default: markdown).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Exit 1 when a finding is at or above this severity (default: error).",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that are not in this baseline (see `factcheck baseline`).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not to stdout.")
@click.option("--timings", is_flag=True, hidden=True, help="Print the time of each phase (for the benchmark).")
@_with(cache_options)
def check(
    drafts: tuple[str, ...],
    corpus: tuple[str, ...],
    ref: str | None,
    fmt: str | None,
    fail_on: str | None,
    baseline_file: Path | None,
    output: Path | None,
    no_cache: bool,
    cache_dir: Path | None,
    config_file: Path | None,
    disable: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
    jobs: int,
    timings: bool,
) -> None:
    """Check DRAFT... (files or folders) against the corpus: only the findings that involve a draft.

    Each finding points at the draft's line, with the corpus sources' quotes beside it; the corpus's own
    disagreements are left out. A draft may be inside the corpus or outside it.
    """
    clock = _Clock()
    cfg = _config(config_file)
    conf = cfg.config
    fmt = fmt or conf.format or "markdown"
    fail_on = fail_on or conf.fail_on
    cache = _cache(cfg, no_cache, cache_dir)
    ruleset = _gate_ruleset(cfg, rule_dirs, cache)
    disabled = _disabled(cfg, disable, ruleset)
    corpus_paths = list(corpus) or [gate.display_path(cfg.resolve(p)) for p in conf.corpus]
    if not corpus_paths:
        _fail("no corpus: give --corpus PATH (or set corpus in [tool.factcheck] / .factcheck.toml)")
    if not drafts and not ref:
        _fail("nothing to check: give DRAFT... or --changed-since REF")
    draft_files, errors = collect_paths(list(drafts))
    if ref:
        from factcheck.gate.git import GitError, changed_files

        try:
            changed = changed_files(ref)
        except GitError as exc:
            _fail(str(exc))
        draft_files += gate.article_files(changed, corpus_paths)
        if not draft_files and not errors:
            click.echo(f"factcheck: no article in the corpus changed since {ref}; nothing to check", err=True)
    base = None
    base_path = baseline_file or (cfg.resolve(conf.baseline) if conf.baseline else None)
    if base_path is not None and (baseline_file is not None or base_path.is_file()):
        base = _baseline(base_path)
    clock.lap("start")
    if draft_files:
        loaded, report, documents = _check_index(draft_files, corpus_paths, ruleset, cache, jobs or None, clock)
        _report_load(loaded)
        focus = gate.focus_documents(report, draft_files)
        result = gate.select(report, focus, fail_on=fail_on, disabled=disabled, baseline=base)
        result.corpus = documents
        result.errors = errors + loaded.errors
    else:
        for e in errors:
            click.echo(f"factcheck: error: {e}", err=True)
        result = gate.GateResult(findings=[], drafts=[], corpus=0, fail_on=fail_on, errors=errors)
    _emit(_render_check(fmt, result, ruleset), output)
    click.echo(f"factcheck: {gate.summary(result).replace('`', '')}", err=True)
    clock.lap("output")
    if timings:
        laps = ", ".join(f"{k} {v:.3f} s" for k, v in clock.laps.items())
        click.echo(f"factcheck: timings: {laps}; documents analysed: {clock.analysed}", err=True)
    if result.errors:
        raise SystemExit(ExitCode.INPUT_ERROR)
    raise SystemExit(ExitCode.FINDINGS if result.failing else ExitCode.OK)


def _baseline(path: Path) -> Baseline:
    from factcheck.gate.baseline import BaselineError
    from factcheck.gate.baseline import read as read_baseline

    try:
        return read_baseline(path)
    except BaselineError as exc:
        _fail(str(exc))


def _check_index(
    draft_files: list[Path],
    corpus_paths: list[str],
    ruleset: RuleSet,
    cache: ClaimCache | None,
    jobs: int | None,
    clock: _Clock,
) -> tuple[LoadResult, Report, int]:
    """The drafts against the corpus: with the cache, only the documents the drafts can meet are read
    (factcheck/index.py); without it, the whole corpus is analysed."""
    paths = [str(p) for p in draft_files] + corpus_paths
    if cache is None:
        loaded, report = _index(paths, ruleset, None, jobs)
        clock.lap("index")
        return loaded, report, len(report.documents)
    from factcheck.gate import index

    clock.lap("imports")
    try:
        with cache:
            if not cache.usable:
                loaded, report = gate.index(paths, ruleset, None, _progress, jobs)
                documents = len(report.documents)
            else:
                cache.mark_rules_validated(ruleset.digest)  # loaded without error (see _ruleset)
                clock.lap("open cache")
                checked = index.check(draft_files, corpus_paths, ruleset, cache, jobs, _progress)
                loaded, report, documents = checked.loaded, checked.report, checked.documents
                clock.laps.update(checked.timings)
                clock.analysed = len(draft_files) + checked.selected
                clock.t = time.perf_counter()
    except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule: exit 2
        _fail(str(exc))
    clock.lap("close cache")
    if cache.rebuilt:
        click.echo(f"factcheck: warning: claim cache {cache.path} was rebuilt ({cache.rebuilt})", err=True)
    return loaded, report, documents


@main.command(epilog=BASELINE_HELP)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The baseline file to write (default: baseline in the config).",
)
@_with(cache_options)
def baseline(
    paths: tuple[str, ...],
    output: Path | None,
    no_cache: bool,
    cache_dir: Path | None,
    config_file: Path | None,
    disable: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
    jobs: int,
) -> None:
    """Record today's findings in PATH... (default: the configured corpus), so `check --baseline` reports
    only new ones.

    Findings are recorded by a fingerprint of the rule, the file and the claim's sentence, so moving lines or
    editing other paragraphs keeps them matched. Findings silenced by ignore comments are not recorded.
    """
    cfg = _config(config_file)
    ruleset = _gate_ruleset(cfg, rule_dirs)
    disabled = _disabled(cfg, disable, ruleset)
    target = output or (cfg.resolve(cfg.config.baseline) if cfg.config.baseline else None)
    if target is None:
        _fail("give -o FILE (or set baseline in [tool.factcheck] / .factcheck.toml)")
    targets = list(paths) or [gate.display_path(cfg.resolve(p)) for p in cfg.config.corpus]
    if not targets:
        _fail("nothing to record: give PATH... (or set corpus in the config)")
    loaded, report = _index(targets, ruleset, _cache(cfg, no_cache, cache_dir), jobs or None)
    _report_load(loaded)
    if loaded.errors or not report.documents:
        _fail("baseline not written: fix the input errors above first")
    result = gate.select(report, report.documents, disabled=disabled)
    from factcheck.gate.baseline import build as build_baseline
    from factcheck.gate.baseline import dumps as dump_baseline

    write_atomic(target, dump_baseline(build_baseline(result.findings)))
    click.echo(
        f"factcheck: recorded {len(result.findings)} findings from {len(report.documents)} articles in {target}",
        err=True,
    )
    raise SystemExit(ExitCode.OK)


CLAIM_COLUMNS = ["where", "kind", "subject", "metric", "object", "text", "value", "low", "high", "unit", "qualifier"]


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@rules_option
def claims(paths: tuple[str, ...], fmt: str, rule_dirs: tuple[Path, ...]) -> None:
    """List every claim found in PATH...: its raw text, normalised value, interval and qualifier."""
    from factcheck.report import jsonout

    result = _run(paths, _ruleset(rule_dirs))
    rep = result.report
    docs = {d.id: d.path for d in rep.documents}
    if fmt == "json":
        out = [{"path": docs[c.document], **jsonout.claim_dict(c)} for c in rep.claims]
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    else:
        rows = [
            {
                "where": f"{docs[c.document]}:{c.line}",
                "kind": c.kind,
                "subject": c.subject or "",
                "metric": c.metric or "",
                "object": c.object or "",
                "text": c.text,
                "value": _fmt(c.value),
                "low": _fmt(c.low),
                "high": _fmt(c.high),
                "unit": c.unit or "",
                "qualifier": c.qualifier or "",
            }
            for c in rep.claims
        ]
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            sys.stdout.write(buf.getvalue())
        else:
            sys.stdout.write(_table(rows, CLAIM_COLUMNS))
    raise SystemExit(ExitCode.INPUT_ERROR if result.errors else ExitCode.OK)


def _fmt(x: float | str | None) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        return f"{x:.6g}" if abs(x) < 1e6 else f"{x:.4g}"
    return str(x)


def _table(rows: list[dict[str, str]], columns: list[str], cap: int = 48) -> str:
    cells = [[(r[c] if len(r[c]) <= cap else r[c][: cap - 1] + "…") for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=False)).rstrip() for row in cells]
    return "\n".join(out) + "\n"


@main.command("rules")
@rules_option
def list_rules(rule_dirs: tuple[Path, ...]) -> None:
    """List the loaded rule files, their checks and their lexicons."""
    ruleset = _ruleset(rule_dirs)
    click.echo("checks:")
    for rid in sorted(ruleset.rules):
        r = ruleset.rules[rid]
        click.echo(f"  {rid:26} {r.severity:8} [{ruleset.rule_family[rid]}] {' '.join(r.description.split())[:90]}")
    click.echo("rule files:")
    for family, (path, rf) in sorted(ruleset.files.items()):
        keys = ", ".join(sorted(rf.lexicon)) or "-"
        click.echo(f"  {family:14} {path.name:18} checks: {len(rf.rules)}  lexicon: {keys[:70]}")


# ---- factcheck quantities: the extractor's own view (issue 3) -------------------------------------------

QUANTITY_COLUMNS = ["where", "text", "value", "low", "high", "unit", "qualifier", "dimension", "noun"]


def _date_text(q: object) -> str | None:
    parts = getattr(q, "date", None)
    if parts is None:
        return None
    if parts.relative:
        return parts.relative
    out = "FY" if parts.fiscal else ""
    out += f"{parts.year:04d}" if parts.year else "????"
    if parts.quarter:
        out += f"-Q{parts.quarter}"
    if parts.month:
        out += f"-{parts.month:02d}" + (f"-{parts.day:02d}" if parts.day else "")
    return out


@main.command("quantities", epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@rules_option
def quantities_command(paths: tuple[str, ...], fmt: str, rule_dirs: tuple[Path, ...]) -> None:
    """List every quantity the extractor finds in PATH..., not only the check-worthy claims.

    One record per quantity: path, line, column, text (the exact characters of the file), value, low, high
    (empty = unbounded), unit, qualifier, dimension, noun (what a count counts) and date (for dates).
    """
    from factcheck.extract.quantities import extract_quantities
    from factcheck.extract.sentences import sentences
    from factcheck.load import load

    ruleset = _ruleset(rule_dirs)
    loaded = load(list(paths), ruleset.boilerplate)
    for w in loaded.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in loaded.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if not loaded.documents:
        click.echo("factcheck: error: no article could be read; nothing to list", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR)
    records: list[dict[str, object]] = []
    try:  # a user's ignore pattern that ran out of time is a malformed rule: exit 2
        found = [
            (doc, s, q)
            for doc in loaded.documents
            for s in sentences(doc)
            for q in extract_quantities(s.text, ruleset.quantities)
        ]
    except RegexTimeout as exc:
        _fail(str(exc))
    for doc, s, q in found:
        a, b = s.file_span(q.start, q.end)
        records.append(
            {
                "path": doc.path,
                "line": s.line,
                "column": s.column(q.start),
                "text": doc.text[a:b],
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "unit": q.unit,
                "qualifier": q.qualifier,
                "dimension": q.dimension,
                "noun": q.noun,
                "date": _date_text(q),
            }
        )
    if fmt == "json":
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        rows = [
            {
                "where": f"{r['path']}:{r['line']}:{r['column']}",
                "text": " ".join(str(r["text"]).split()),
                "value": _fmt(r["value"]) if r["date"] is None else str(r["date"]),  # type: ignore[arg-type]
                "low": _fmt(r["low"]),  # type: ignore[arg-type]
                "high": _fmt(r["high"]),  # type: ignore[arg-type]
                "unit": str(r["unit"]),
                "qualifier": str(r["qualifier"]),
                "dimension": str(r["dimension"]),
                "noun": str(r["noun"] or ""),
            }
            for r in records
        ]
        sys.stdout.write(_table(rows, QUANTITY_COLUMNS))
    raise SystemExit(ExitCode.INPUT_ERROR if loaded.errors else ExitCode.OK)


if __name__ == "__main__":  # pragma: no cover
    main()
