"""End to end in a temporary git repository: the CI gate, its formats, the baseline and ignore comments."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.gate.gate_corpus import (
    NEW_ARTICLE,
    NEW_COLUMN,
    NEW_LINE,
    SUPERLATIVE_LINE,
    commit_all,
    git,
    make_repo,
    validate_sarif,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NEW = "articles/grid-new.md"
GATE = ["check", "--changed-since", "HEAD~1", "--corpus", "articles"]


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "newsroom")
    (root / NEW).write_text(NEW_ARTICLE, encoding="utf-8")
    commit_all(root, "new article")
    return root


def test_new_contradicting_article_fails_the_gate_at_the_right_line(repo: Path) -> None:
    code, out, err = run_cli([*GATE, "--format", "json"], cwd=repo)
    assert code == 1, err
    data = json.loads(out)
    assert data["drafts"] == [NEW]
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in errors] == [
        ("numeric_disagreement", NEW, NEW_LINE, NEW_COLUMN)
    ]
    # the corpus source's quote is beside it
    assert any(o["path"] == "articles/grid-deal.md" and "$4 billion" in o["quote"] for o in errors[0]["others"])
    # the corpus's own disagreement (Halvorsen Group: $2 billion against $5 billion) is not the draft's problem
    assert not any("Halvorsen" in f["message"] for f in data["findings"])
    assert all(f["path"] == NEW for f in data["findings"])


def test_the_same_finding_in_every_format(repo: Path) -> None:
    where = f"{NEW}:{NEW_LINE}"
    code, out, _ = run_cli([*GATE, "--format", "text"], cwd=repo)
    assert code == 1
    assert f"{where}:{NEW_COLUMN}: error numeric_disagreement Sources disagree" in out
    assert all(line.startswith(f"{NEW}:") for line in out.splitlines())

    code, out, _ = run_cli([*GATE, "--format", "github"], cwd=repo)
    assert code == 1
    assert f"::error file={NEW},line={NEW_LINE},col={NEW_COLUMN},title=factcheck numeric_disagreement::" in out
    assert f"::warning file={NEW},line={SUPERLATIVE_LINE}," in out

    code, out, _ = run_cli([*GATE, "--format", "markdown"], cwd=repo)
    assert code == 1
    assert f"## `{where}` · error · `numeric_disagreement`" in out
    assert "`articles/grid-deal.md:9`" in out  # the corpus quote beside it

    code, out, _ = run_cli([*GATE, "--format", "sarif"], cwd=repo)
    assert code == 1
    sarif = json.loads(out)
    validate_sarif(sarif)
    run = sarif["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "numeric_disagreement")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == NEW
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (NEW_LINE, NEW_COLUMN)
    related = result["relatedLocations"]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/grid-deal.md"
    assert related[0]["physicalLocation"]["region"]["startLine"] == 9
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "numeric_disagreement"


def test_baseline_suppresses_known_findings_and_survives_an_unrelated_edit(repo: Path) -> None:
    code, _, err = run_cli(["baseline", "articles", "-o", ".factcheck-baseline.json"], cwd=repo)
    assert code == 0, err
    recorded = json.loads((repo / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert recorded["schema"] == "factcheck.baseline/1"
    commit_all(repo, "baseline")

    gate = ["check", "--changed-since", "HEAD~2", "--corpus", "articles", "--baseline", ".factcheck-baseline.json"]
    code, out, err = run_cli([*gate, "--format", "json"], cwd=repo)
    assert code == 0, err
    data = json.loads(out)
    assert data["summary"]["suppressed"]["baseline"] == 2  # the error and the warning
    assert data["findings"] == []
    assert "2 suppressed by the baseline" in err
    code, out, err = run_cli([*gate, "--fail-on", "error", "--format", "text"], cwd=repo)
    assert code == 0 and out == ""

    # an unrelated edit above the finding moves it down two lines: still suppressed
    text = (repo / NEW).read_text(encoding="utf-8")
    edited = text.replace(
        "# Kestrel Grid's new backer\n", "# Kestrel Grid's new backer\n\nUpdated with comment from the regulator.\n"
    )
    (repo / NEW).write_text(edited, encoding="utf-8")
    commit_all(repo, "edit")
    gate[2] = "HEAD~3"
    code, out, err = run_cli([*gate, "--format", "json"], cwd=repo)
    assert code == 0, err
    assert json.loads(out)["summary"]["suppressed"]["baseline"] == 2

    # a new contradiction in the same article is new: the gate fails again, on that line only
    (repo / NEW).write_text(
        edited + "\nBrightwater Energy is investing $9 billion in Kestrel Grid, a regulator's filing shows.\n",
        encoding="utf-8",
    )
    code, out, err = run_cli([*gate, "--format", "json"], cwd=repo)
    assert code == 1, err
    data = json.loads(out)
    assert [f["line"] for f in data["findings"] if f["severity"] == "error"] == [14]


def test_exactly_one_suppressed_for_one_finding(repo: Path) -> None:
    code, _, _ = run_cli(["baseline", "articles", "-o", "base.json", "--disable", "unsupported_superlative"], cwd=repo)
    assert code == 0
    code, out, err = run_cli([*GATE, "--baseline", "base.json", "--format", "text"], cwd=repo)
    assert code == 0, err
    assert "1 suppressed by the baseline" in err
    assert out.count("unsupported_superlative") == 1  # not in the baseline: still reported (a warning)


def test_ignore_comment_silences_exactly_its_rule(repo: Path) -> None:
    text = NEW_ARTICLE.replace(
        "Kestrel Grid is the largest", "<!-- factcheck: ignore numeric_disagreement -->\nKestrel Grid is the largest"
    )
    (repo / NEW).write_text(text, encoding="utf-8")
    code, out, err = run_cli([*GATE, "--format", "json"], cwd=repo)
    assert code == 0, err  # the error is silenced; the warning is below --fail-on
    data = json.loads(out)
    assert [f["rule"] for f in data["findings"]] == ["unsupported_superlative"]
    assert data["summary"]["suppressed"]["inline"] == 1
    # the comment line is not read as article text, and the lines keep their numbers
    assert data["findings"][0]["line"] == SUPERLATIVE_LINE + 1


def test_disable_enable_block_and_unknown_rule_in_a_comment(repo: Path) -> None:
    text = NEW_ARTICLE.replace(
        "Kestrel Grid is the largest",
        "<!-- factcheck: disable unsupported_superlative -->\nKestrel Grid is the largest",
    ).replace(
        "Engineers at",
        "<!-- factcheck: enable unsupported_superlative -->\n"
        "<!-- factcheck: ignore numeric_disagrement -->\nEngineers at",
    )
    (repo / NEW).write_text(text, encoding="utf-8")
    code, out, err = run_cli([*GATE, "--format", "text"], cwd=repo)
    assert code == 1, err
    lines = out.splitlines()
    assert not any("unsupported_superlative" in ln for ln in lines)
    assert any(ln.startswith(f"{NEW}:{NEW_LINE + 1}:") and "numeric_disagreement" in ln for ln in lines)
    unknown = [ln for ln in lines if "unknown_directive_rule" in ln]
    assert len(unknown) == 1 and unknown[0].startswith(f"{NEW}:12:1: warning") and "numeric_disagrement" in unknown[0]


def test_untracked_draft_renames_and_paths_with_spaces(repo: Path) -> None:
    git(repo, "mv", NEW, "articles/grid new backer.md")
    commit_all(repo, "rename")
    code, out, err = run_cli(
        ["check", "--changed-since", "HEAD~2", "--corpus", "articles", "--format", "text"], cwd=repo
    )
    assert code == 1, err
    assert "articles/grid new backer.md:8:33: error numeric_disagreement" in out.splitlines()[1]
    # a rename alone since HEAD~1 is still a changed file (followed to its new name)
    code, out, _ = run_cli(["check", "--changed-since", "HEAD~1", "--corpus", "articles", "--format", "text"], cwd=repo)
    assert code == 1 and "grid new backer.md:8:33" in out
    # an untracked draft counts as added
    (repo / "articles" / "draft two.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = run_cli(["check", "--changed-since", "HEAD", "--corpus", "articles", "--format", "text"], cwd=repo)
    assert code == 1 and "\narticles/draft two.md:8:33: error numeric_disagreement" in out
    # a changed file outside the corpus (README.md) is not an article to check
    (repo / "articles" / "draft two.md").unlink()
    (repo / "README.md").write_text("# Newsroom\n\nBrightwater Energy is investing $9 billion in Kestrel Grid.\n")
    code, out, err = run_cli(["check", "--changed-since", "HEAD", "--corpus", "articles", "--format", "text"], cwd=repo)
    assert code == 0 and out == "" and "nothing to check" in err


def test_sarif_with_nothing_changed_is_still_valid(repo: Path) -> None:
    code, out, _ = run_cli(["check", "--changed-since", "HEAD", "--corpus", "articles", "--format", "sarif"], cwd=repo)
    assert code == 0
    data = json.loads(out)
    validate_sarif(data)
    assert data["runs"][0]["results"] == []


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    code, out, err = run_cli(["check", "--changed-since", "no-such-branch", "--corpus", "articles"], cwd=repo)
    assert code == 2 and out == ""
    assert "unknown revision 'no-such-branch'" in err


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, _, err = run_cli(["check", "--changed-since", "HEAD", "--corpus", "."], cwd=tmp_path)
    assert code == 2 and "factcheck: error: git" in err
