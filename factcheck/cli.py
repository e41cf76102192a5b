"""The command line: parses options, calls the pipeline, prints or writes, and sets the exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from enum import IntEnum
from pathlib import Path

import click

from factcheck import __version__
from factcheck.formats import jsonout, markdown
from factcheck.pipeline import RunResult, run
from factcheck.rules import RuleFileError
from factcheck.ruleset import RuleSet, load_ruleset

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


def _run(paths: tuple[str, ...], ruleset: RuleSet) -> RunResult:
    result = run(list(paths), ruleset)
    for w in result.warnings:
        click.echo(f"factcheck: warning: {w}", err=True)
    for e in result.errors:
        click.echo(f"factcheck: error: {e}", err=True)
    if not result.report.documents:
        click.echo("factcheck: error: no article could be read; nothing to check", err=True)
        raise SystemExit(ExitCode.INPUT_ERROR)
    return result


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
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
def report(paths: tuple[str, ...], output: Path | None, fmt: str, rule_dirs: tuple[Path, ...]) -> None:
    """Report where the articles in PATH... (files or folders; default: seeds/) agree and disagree."""
    if not paths:
        paths = (str(DEFAULT_CORPUS),)
        output = output or DEFAULT_REPORT[fmt]
    ruleset = _ruleset(rule_dirs)
    result = _run(paths, ruleset)
    if fmt == "json":
        text = jsonout.render(result.report)
    else:
        text = markdown.render(result.report, {rid: r.description for rid, r in ruleset.rules.items()})
    _emit(text, output)
    raise SystemExit(ExitCode.INPUT_ERROR if result.errors else ExitCode.OK)


CLAIM_COLUMNS = ["where", "kind", "subject", "metric", "object", "text", "value", "low", "high", "unit", "qualifier"]


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@rules_option
def claims(paths: tuple[str, ...], fmt: str, rule_dirs: tuple[Path, ...]) -> None:
    """List every claim found in PATH...: its raw text, normalised value, interval and qualifier."""
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


if __name__ == "__main__":  # pragma: no cover
    main()
