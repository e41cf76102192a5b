"""The command line: parses options, calls the pipeline, prints or writes, and sets the exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from factcheck import __version__
from factcheck.engine.choice import LOCAL, EngineChoice
from factcheck.engine.options import engine_options
from factcheck.gate.check import BaselineOptions, CheckError, CheckOptions, Notice, check_drafts, record_baseline
from factcheck.gate.select import GateResult, summary
from factcheck.report.claim_table import CLAIM_FORMATS
from factcheck.report.output import emit as _emit
from factcheck.report.output import write_atomic
from factcheck.ruleset.files import RuleFileError
from factcheck.ruleset.rule_set import RuleSet, load_ruleset
from factcheck.ruleset.saferegex import RegexTimeout

if TYPE_CHECKING:
    from factcheck.pipeline import RunResult

# The formats and the whole-corpus pipeline are imported where a command needs them: a `check` that prints JSON
# never pays for the Markdown report or a process pool.

DEFAULT_CORPUS = Path("seeds")
DEFAULT_REPORT = {"markdown": Path("reports/report.md"), "json": Path("reports/report.json")}


class ExitCode(IntEnum):
    OK = 0  # success, nothing at or above the threshold
    FINDINGS = 1  # findings at or above --fail-on
    INPUT_ERROR = 2  # usage error, unreadable input or a malformed rule file


EXIT_HELP = """
Exit codes: 0 success; 2 bad input (a missing path, a binary or unreadable file, a malformed rule
file), after processing every file that could be read.
"""


def _ruleset(extra: tuple[Path, ...]) -> RuleSet:
    try:
        return load_ruleset(list(extra))
    except RuleFileError as exc:
        for line in str(exc).splitlines():
            click.echo(f"factcheck: error: {line}", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR) from None


def _run(paths: tuple[str, ...], ruleset: RuleSet, jobs: int | None = 1, engine: EngineChoice = LOCAL) -> RunResult:
    from factcheck.engine import run
    from factcheck.engine.cluster import ClusterError

    try:
        result = run(list(paths), ruleset, jobs, engine)
    except (RegexTimeout, ClusterError) as exc:  # a pattern out of time is a malformed rule: exit 2
        _fail(str(exc))
    for w in result.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in result.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if not result.report.documents:
        click.echo("factcheck: error: no article could be read; nothing to check", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR)
    return result


rules_option = click.option(
    "--rules",
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
@engine_options
def report(
    paths: tuple[str, ...], output: Path | None, fmt: str, rules: tuple[Path, ...], jobs: int, engine: EngineChoice
) -> None:
    """Report where the articles in PATH... (files or folders; default: seeds/) agree and disagree."""
    if not paths:
        paths = (str(DEFAULT_CORPUS),)
        output = output or DEFAULT_REPORT[fmt]
    from factcheck.report import jsonout, markdown

    ruleset = _ruleset(rules)
    result = _run(paths, ruleset, jobs or None, engine)
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


def _say(notices: list[Notice]) -> None:
    for notice in notices:
        click.echo(f"factcheck: {notice}", err=True)


Run = TypeVar("Run")


def _gate(call: Callable[..., Run], options: CheckOptions | BaselineOptions, engine: EngineChoice = LOCAL) -> Run:
    """One library call of the gate on `engine`, with a progress bar; its notices go to standard error, its bad
    input to exit 2."""
    from factcheck.engine import using
    from factcheck.engine.cluster import ClusterError

    try:
        with using(engine):
            run = call(options, progress=_progress)
    except ClusterError as exc:
        _fail(str(exc))
    except CheckError as exc:
        _say(exc.notices)
        _fail(exc.message)
    _say(run.notices)
    return run


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


def _render_check(fmt: str, result: GateResult, ruleset: RuleSet) -> str:
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


corpus_option = click.option("--corpus", multiple=True, type=click.Path(path_type=str),
    help="Files or folders the drafts are checked against (repeatable; default: corpus in the config).")  # fmt: skip


@main.command(epilog=CHECK_HELP)
@click.argument("drafts", nargs=-1, type=click.Path(path_type=str))
@corpus_option
@click.option(
    "--changed-since",
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
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings that are not in this baseline (see `factcheck baseline`).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not to stdout.")
@click.option("--timings", is_flag=True, hidden=True, help="Print the time of each phase (for the benchmark).")
@_with(cache_options)
@engine_options
def check(fmt: str | None, output: Path | None, timings: bool, engine: EngineChoice, **options: Any) -> None:
    """Check DRAFT... (files or folders) against the corpus: only the findings that involve a draft.

    Each finding points at the draft's line, with the corpus sources' quotes beside it; the corpus's own
    disagreements are left out. A draft may be inside the corpus or outside it.
    """
    run = _gate(check_drafts, CheckOptions(**options), engine)
    result, clock = run.result, run.clock
    _emit(_render_check(fmt or run.config.config.format or "markdown", result, run.ruleset), output)
    click.echo(f"factcheck: {summary(result).replace('`', '')}", err=True)
    clock.lap("output")
    if timings:
        laps = ", ".join(f"{k} {v:.3f} s" for k, v in clock.laps.items())
        click.echo(f"factcheck: timings: {laps}; documents analysed: {clock.analysed}", err=True)
    if result.errors:
        raise SystemExit(ExitCode.INPUT_ERROR)
    raise SystemExit(ExitCode.FINDINGS if result.failing else ExitCode.OK)


@main.command(epilog=BASELINE_HELP)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The baseline file to write (default: baseline in the config).",
)
@_with(cache_options)
@engine_options
def baseline(engine: EngineChoice, **options: Any) -> None:
    """Record today's findings in PATH... (default: the configured corpus), so `check --baseline` reports
    only new ones.

    Findings are recorded by a fingerprint of the rule, the file and the claim's sentence, so moving lines or
    editing other paragraphs keeps them matched. Findings silenced by ignore comments are not recorded.
    """
    run = _gate(record_baseline, BaselineOptions(**options), engine)
    from factcheck.gate.baseline import dumps as dump_baseline

    write_atomic(run.target, dump_baseline(run.baseline))
    click.echo(f"factcheck: recorded {run.findings} findings from {run.documents} articles in {run.target}", err=True)
    raise SystemExit(ExitCode.OK)


@main.command()
@corpus_option
@click.option("--debounce", type=click.IntRange(min=0), default=300, show_default=True, metavar="MS",
              help="Milliseconds after the last keystroke before a changed draft is checked again.")  # fmt: skip
@_with(cache_options)
def lsp(debounce: int, **options: Any) -> None:
    """Run the language server over stdio: drafts are checked as the writer types (docs/editor.md)."""
    from factcheck.lsp import serve

    serve(CheckOptions(**options), debounce / 1000)


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(CLAIM_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not to stdout.")
@rules_option
@jobs_option
@engine_options
def claims(paths: tuple[str, ...], fmt: str, output: Path | None, rules: tuple[Path, ...], jobs: int,
           engine: EngineChoice) -> None:  # fmt: skip
    """List every claim found in PATH...: its raw text, normalised value, interval and qualifier.

    csv, jsonl and parquet hold every field of the JSON contract, one row per claim (parquet needs -o).
    """
    from factcheck.report import claim_table
    from factcheck.report.listings import render_claims

    if fmt == "parquet" and (output is None or str(output) == "-"):
        _fail("--format parquet writes a file: give it with -o FILE")
    result = _run(paths, _ruleset(rules), jobs or None, engine)
    if fmt == "parquet":
        claim_table.write_parquet(result.report, output)  # type: ignore[arg-type]
        click.echo(f"factcheck: wrote {output}", err=True)
    else:
        text = claim_table.render_jsonl(result.report) if fmt == "jsonl" else render_claims(result.report, fmt)
        _emit(text, output)
    raise SystemExit(ExitCode.INPUT_ERROR if result.errors else ExitCode.OK)


@main.command("rules")
@rules_option
def list_rules(rules: tuple[Path, ...]) -> None:
    """List the loaded rule files, their checks and their lexicons."""
    ruleset = _ruleset(rules)
    click.echo("checks:")
    for rid in sorted(ruleset.rules):
        r = ruleset.rules[rid]
        click.echo(f"  {rid:26} {r.severity:8} [{ruleset.rule_family[rid]}] {' '.join(r.description.split())[:90]}")
    click.echo("rule files:")
    for family, (path, rf) in sorted(ruleset.files.items()):
        keys = ", ".join(sorted(rf.lexicon)) or "-"
        click.echo(f"  {family:14} {path.name:18} checks: {len(rf.rules)}  lexicon: {keys[:70]}")


# ---- factcheck quantities: the extractor's own view (issue 3) -------------------------------------------


@main.command("quantities", epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@rules_option
def quantities_command(paths: tuple[str, ...], fmt: str, rules: tuple[Path, ...]) -> None:
    """List every quantity the extractor finds in PATH..., not only the check-worthy claims.

    One record per quantity: path, line, column, text (the exact characters of the file), value, low, high
    (empty = unbounded), unit, qualifier, dimension, noun (what a count counts) and date (for dates).
    """
    from factcheck.extract.quantities import extract_quantities
    from factcheck.extract.sentences import sentences
    from factcheck.load import load
    from factcheck.report.listings import quantity_record, render_quantities

    ruleset = _ruleset(rules)
    loaded = load(list(paths), ruleset.boilerplate)
    for w in loaded.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in loaded.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if not loaded.documents:
        click.echo("factcheck: error: no article could be read; nothing to list", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR)
    try:  # a user's ignore pattern that ran out of time is a malformed rule: exit 2
        found = [
            (doc, s, q)
            for doc in loaded.documents
            for s in sentences(doc)
            for q in extract_quantities(s.text, ruleset.quantities)
        ]
    except RegexTimeout as exc:
        _fail(str(exc))
    sys.stdout.write(render_quantities([quantity_record(doc, s, q) for doc, s, q in found], fmt))
    raise SystemExit(ExitCode.INPUT_ERROR if loaded.errors else ExitCode.OK)


if __name__ == "__main__":  # pragma: no cover
    main()
