"""The gate's renderers: SARIF against the official schema, GitHub workflow commands, one-line text."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.gate.select import GateFinding, GateResult, Place
from factcheck.report import github, sarif, text
from tests.conftest import run_cli
from tests.gate.gate_corpus import GRID_DEAL, NEW_ARTICLE, validate_sarif


def _result(path: str = "articles/a b,c:d.md", message: str = "Sources disagree: 100% sure\nnext") -> GateResult:
    g = GateFinding(
        id="F1",
        kind="numeric_disagreement",
        rule="numeric_disagreement",
        severity="error",
        message=message,
        place=Place(path=path, line=3, column=5, text="$7 billion", quote="It paid $7 billion."),
        others=[
            Place(path="other.md", line=9, column=2, text="$4 billion", quote="It paid $4 billion.", relation="claim")
        ],
        fingerprint="abc",
    )
    info = g.model_copy(update={"severity": "info", "rule": "date_disagreement", "kind": "date_disagreement"})
    return GateResult(findings=[g, info], drafts=[path], corpus=2)


def test_github_escapes_properties_and_data() -> None:
    out = github.render(_result())
    first, second = out.splitlines()
    assert first.startswith("::error file=articles/a b%2Cc%3Ad.md,line=3,col=5,title=factcheck numeric_disagreement::")
    assert "100%25 sure next%0AOther sources:%0A- other.md:9: It paid $4 billion." in first
    assert second.startswith("::notice ")


def test_text_is_one_line_a_finding() -> None:
    out = text.render(_result())
    assert out.splitlines()[0] == "articles/a b,c:d.md:3:5: error numeric_disagreement Sources disagree: 100% sure next"
    assert len(out.splitlines()) == 2


def test_sarif_validates_and_encodes_uris(ruleset) -> None:
    data = sarif.sarif_dict(_result(), ruleset)
    validate_sarif(data)
    run = data["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == set(ruleset.rules)
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in run["tool"]["driver"]["rules"])
    res = run["results"][0]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/a%20b%2Cc%3Ad.md"
    assert res["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 5,
        "endColumn": 15,
        "snippet": {"text": "$7 billion"},
    }
    assert res["relatedLocations"][0]["message"]["text"] == "It paid $4 billion."
    assert run["results"][1]["level"] == "note"


def test_check_outside_the_corpus_and_inside_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "grid-deal.md").write_text(GRID_DEAL, encoding="utf-8")
    (tmp_path / "draft.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, err = run_cli(
        ["check", "draft.md", "--corpus", "corpus", "--format", "sarif", "--no-cache"], cwd=tmp_path
    )
    assert code == 1, err
    data = json.loads(out)
    validate_sarif(data)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]} == {
        "draft.md"
    }
    # the same draft inside the corpus folder: read once, checked the same way
    (tmp_path / "draft.md").rename(corpus / "draft.md")
    code, out, _ = run_cli(
        ["check", "corpus/draft.md", "--corpus", "corpus", "--format", "json", "--no-cache"], cwd=tmp_path
    )
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["documents"] == 2
    assert {f["path"] for f in data["findings"]} == {"corpus/draft.md"}


def test_fail_on_and_usage_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "grid-deal.md").write_text(GRID_DEAL, encoding="utf-8")
    draft = NEW_ARTICLE.replace("$7 billion", "$4 billion")  # agrees; the superlative (a warning) remains
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    base = ["check", "draft.md", "--corpus", "corpus", "--format", "text", "--no-cache"]
    assert run_cli(base, cwd=tmp_path)[0] == 0
    assert run_cli([*base, "--fail-on", "warning"], cwd=tmp_path)[0] == 1
    assert run_cli([*base, "--fail-on", "info"], cwd=tmp_path)[0] == 1
    code, _, err = run_cli(["check", "missing.md", "--corpus", "corpus"], cwd=tmp_path)
    assert code == 2 and "missing.md: no such file or directory" in err
    code, _, err = run_cli(["check", "draft.md"], cwd=tmp_path)
    assert code == 2 and "no corpus" in err
    code, _, err = run_cli([*base, "--disable", "no_such_rule"], cwd=tmp_path)
    assert code == 2 and "--disable: unknown rule 'no_such_rule'" in err
    code, _, err = run_cli([*base, "--baseline", "nope.json"], cwd=tmp_path)
    assert code == 2 and "nope.json: no such baseline file" in err


def test_help_documents_exit_codes_and_formats() -> None:
    code, out, _ = run_cli(["check", "--help"])
    assert code == 0
    for word in ("Exit codes", "--fail-on", "sarif", "github", "text", "--changed-since", "--baseline", "ignore RULE"):
        assert word in out


def test_a_draft_and_an_article_with_the_same_file_name(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "articles" / "grid-deal.md").write_text(GRID_DEAL, encoding="utf-8")
    (tmp_path / "drafts" / "grid-deal.md").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = run_cli(["check", "drafts/grid-deal.md", "--corpus", "articles", "--format", "json"], cwd=tmp_path)
    assert code == 1
    data = json.loads(out)
    assert {f["path"] for f in data["findings"]} == {"drafts/grid-deal.md"}
    error = next(f for f in data["findings"] if f["rule"] == "numeric_disagreement")
    assert error["others"][0]["path"] == "articles/grid-deal.md"
