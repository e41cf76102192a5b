"""Shared fixtures. Tests read only what is in the repository: seeds/ and tests/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.extract.corpus import Corpus, assemble
from factcheck.load import LoadResult, collect, parse_document, read_documents
from factcheck.models import Claim, Report
from factcheck.pipeline import analyse, extract_all
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# every corpus in the repository
COMMITTED = [
    SEEDS,
    *sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir()),
    *sorted(p for p in (ROOT / "tests" / "realworld").iterdir() if p.is_dir()),
]


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_ruleset()


@cache
def _rules() -> RuleSet:
    return load_ruleset()


def dated_report(*texts: str) -> Report:
    """The report of invented articles, one per text (`source0.md`, `source1.md`, ...), each dated 2024-05-02."""
    rs = _rules()
    docs = [
        parse_document(f"source{i}.md", "---\ndate: 2024-05-02\n---\n\n" + text, rs.boilerplate)
        for i, text in enumerate(texts)
    ]
    return analyse(docs, rs)


def claim_of(text: str, number: str) -> Claim:
    """The first number claim of an invented article (dated 2024-05-02) whose text holds `number`."""
    report = dated_report(text)
    found = [c for c in report.claims if c.kind == "quantity" and number in c.text]
    assert found, [(c.text, c.subject, c.metric) for c in report.claims]
    return found[0]


@cache
def assembled(folder: Path) -> tuple[Corpus, list[Claim]]:
    """A folder's corpus and claims, as the local engine assembles them (made once: read them, never change them)."""
    entries, errors, warnings = collect([folder])
    loaded = LoadResult(errors=errors, warnings=warnings)
    documents = list(read_documents(entries, _rules().boilerplate, loaded))
    return assemble(extract_all(documents, _rules()), _rules())


def run_cli(args: list[str], cwd: Path = ROOT) -> tuple[int, str, str]:
    """Run the CLI in `cwd`; return (exit code, stdout, stderr)."""
    import os

    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def seed_json() -> dict:
    code, out, err = run_cli(["report", "seeds", "--format", "json"])
    assert code == 0, err
    return json.loads(out)
