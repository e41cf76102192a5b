"""Configuration: [tool.factcheck] in pyproject.toml or .factcheck.toml, validated; options win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.gate.config import ConfigError, find, load_config
from tests.conftest import run_cli
from tests.gate.gate_corpus import GRID_DEAL, NEW_ARTICLE


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "grid-deal.md").write_text(GRID_DEAL, encoding="utf-8")
    (tmp_path / "draft.md").write_text(NEW_ARTICLE, encoding="utf-8")
    return tmp_path


def test_pyproject_table_is_read_and_paths_are_relative_to_it(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.factcheck]\ncorpus = ["articles"]\nfail-on = "warning"\n'
        'disable = ["numeric_disagreement"]\nformat = "text"\n',
        encoding="utf-8",
    )
    sub = project / "sub"
    sub.mkdir()
    cfg = load_config(start=sub)
    assert cfg.path == project / "pyproject.toml"
    assert cfg.resolve(cfg.config.corpus[0]) == project / "articles"
    code, out, err = run_cli(["check", "draft.md", "--no-cache"], cwd=project)
    assert code == 1, err  # the superlative warning fails at fail-on = warning
    assert "numeric_disagreement" not in out and "unsupported_superlative" in out
    assert out.startswith("draft.md:7:")  # format = text
    # options win over the file
    code, out, _ = run_cli(["check", "draft.md", "--no-cache", "--fail-on", "error", "--format", "json"], cwd=project)
    assert code == 0 and json.loads(out)["summary"]["disabled"] == 1


def test_dot_factcheck_toml_comes_first(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\n', encoding="utf-8")
    (project / ".factcheck.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
    assert find(project) == project / ".factcheck.toml"
    assert load_config(start=project).config.fail_on == "error"


def test_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find(project) is None or find(project) != project / "pyproject.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[tool.factcheck]\nfail-on = "fatal"\n', "pyproject.toml: tool.factcheck.fail-on: Input should be"),
        ("[tool.factcheck]\ncorpuss = []\n", "pyproject.toml: tool.factcheck.corpuss: Extra inputs are not permitted"),
        ("[tool.factcheck]\ntolerances = {rate = 2}\n", "pyproject.toml: tool.factcheck.tolerances.rate:"),
        ("[tool.factcheck\n", "pyproject.toml: invalid TOML"),
        (
            '[tool.factcheck]\ndisable = ["nope"]\ncorpus = ["articles"]\n',
            "tool.factcheck.disable: unknown rule 'nope'",
        ),
    ],
)
def test_errors_name_the_file_and_key(project: Path, text: str, expected: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = run_cli(["check", "draft.md", "--no-cache"], cwd=project)
    assert code == 2 and out == ""
    assert expected in err


def test_tolerances_reach_the_comparison(project: Path) -> None:
    (project / ".factcheck.toml").write_text(
        'corpus = ["articles"]\n[tolerances]\nmin-relative = 0.8\n', encoding="utf-8"
    )
    code, out, _ = run_cli(["check", "draft.md", "--no-cache", "--format", "text"], cwd=project)
    assert code == 0 and "numeric_disagreement" not in out  # $4 billion and $7 billion agree within 80 %


def test_explicit_config_file_must_exist(project: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(project / "nope.toml")
