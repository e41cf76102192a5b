"""The shipped integration files: the example GitHub Actions workflow and the pre-commit hook, run for real."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_cli
from tests.gate.gate_corpus import NEW_ARTICLE, NEW_LINE, commit_all, make_repo, validate_sarif

WORKFLOW = ROOT / "docs" / "factcheck-gate.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _steps() -> list[dict]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in data[True]  # YAML 1.1 reads the key `on` as True
    (job,) = data["jobs"].values()
    return job["steps"]


def test_workflow_uploads_sarif_and_checks_out_history() -> None:
    steps = _steps()
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "always()"
    gate = next(s for s in steps if "--format sarif" in s.get("run", ""))
    assert upload["with"]["sarif_file"] in gate["run"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_workflow_commands_run(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "articles" / "grid-new.md").write_text(NEW_ARTICLE, encoding="utf-8")
    commit_all(repo, "new article")
    runs = [s["run"] for s in _steps() if s.get("run", "").startswith("factcheck ")]
    assert len(runs) == 2
    codes = []
    for run in runs:
        command = run.replace("|| true", "").replace('"origin/${{ github.base_ref }}"', "HEAD~1")
        args = shlex.split(command)[1:]
        code, out, _ = run_cli(args, cwd=repo)
        codes.append(code)
        if "--format github" in command:
            assert f"::error file=articles/grid-new.md,line={NEW_LINE}," in out
    assert codes == [1, 1]
    validate_sarif(json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8")))


def test_pre_commit_hook_runs_on_staged_files(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
    repo = make_repo(tmp_path / "repo") if shutil.which("git") else tmp_path
    (repo / ".factcheck.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
    draft = repo / "articles" / "grid-new.md"
    draft.write_text(NEW_ARTICLE, encoding="utf-8")
    args = [*shlex.split(hook["entry"])[1:], "articles/grid-new.md"]  # pre-commit appends the file names
    code, out, _ = run_cli(args, cwd=repo)
    assert code == 1
    assert f"articles/grid-new.md:{NEW_LINE}:33: error numeric_disagreement" in out


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Check a draft")
    end = readme.index("\n## ", readme.index("## Use it in CI"))
    blocks = readme[start:end].split("```")[1::2]
    return [ln for b in blocks if b.startswith("text") for ln in b.splitlines()[1:] if ln.startswith("factcheck ")]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_readme_commands_work(tmp_path: Path) -> None:
    from tests.gate.gate_corpus import git

    repo = make_repo(tmp_path / "repo")
    (repo / "articles" / "grid-new.md").write_text(NEW_ARTICLE, encoding="utf-8")
    commit_all(repo, "new article")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD~1")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "grid-deal.md").write_text(NEW_ARTICLE, encoding="utf-8")
    commands = _readme_commands()
    assert len(commands) >= 6
    codes = {}
    for command in commands:
        if "[" in command:  # the synopsis
            continue
        code, _, err = run_cli(shlex.split(command)[1:], cwd=repo)
        codes[command] = code
        assert code in (0, 1), (command, err)
    assert codes["factcheck baseline articles -o .factcheck-baseline.json"] == 0
    assert (
        codes["factcheck check --changed-since origin/main --corpus articles --baseline .factcheck-baseline.json"] == 0
    )
    assert codes["factcheck check drafts/grid-deal.md --corpus articles"] == 1
