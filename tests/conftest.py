"""Shared fixtures. Tests read only what is in the repository: seeds/ and tests/."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.load import parse_document
from factcheck.models import Report
from factcheck.pipeline import analyse
from factcheck.ruleset.rule_set import RuleSet, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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
