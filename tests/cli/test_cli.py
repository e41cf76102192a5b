"""The command line through click's CliRunner: commands, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, SEEDS, run_cli


def test_report_without_arguments_writes_reports_for_seeds(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    code, out, err = run_cli(["report"], cwd=tmp_path)
    assert code == 0, err
    assert out == ""
    text = (tmp_path / "reports" / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# factcheck report")
    assert not [p for p in (tmp_path / "reports").iterdir() if p.name.startswith(".")]  # no temp file left


def test_report_json_to_a_file(tmp_path: Path) -> None:
    out_file = tmp_path / "out" / "r.json"
    code, _, err = run_cli(["report", str(SEEDS), "--format", "json", "-o", str(out_file)])
    assert code == 0, err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["schema"] == "factcheck.report/1"
    assert set(data) >= {"documents", "claims", "facts", "findings"}
    claim_keys = {
        "id",
        "document",
        "line",
        "text",
        "quote",
        "kind",
        "subject",
        "metric",
        "object",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "attributed",
        "teaser",
    }
    assert all(claim_keys <= set(c) for c in data["claims"])
    assert all({"id", "metric", "subject", "object", "status", "claims"} <= set(f) for f in data["facts"])
    assert all({"id", "kind", "rule", "severity", "message", "claims"} <= set(f) for f in data["findings"])
    assert all({"id", "path", "title", "date"} <= set(d) for d in data["documents"])


def test_output_is_deterministic() -> None:
    first = run_cli(["report", "seeds", "--format", "json"])[1]
    second = run_cli(["report", "seeds", "--format", "json"])[1]
    assert first == second


def test_missing_path_is_exit_2_and_the_rest_is_processed(tmp_path: Path) -> None:
    code, out, err = run_cli(["report", str(SEEDS / "001_6941e6365f16a3e7.txt"), str(tmp_path / "nope.txt")])
    assert code == 2
    assert "nope.txt: no such file or directory" in err
    assert out.startswith("# factcheck report")


def test_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\x00\x00")
    code, out, err = run_cli(["report", str(tmp_path)])
    assert code == 2 and out == ""
    assert "img.txt: binary file" in err and "nothing to check" in err


def test_malformed_rule_folder_is_exit_2(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.yaml").write_text("family: nonsense\ndescription: x\n", encoding="utf-8")
    code, _, err = run_cli(["report", str(SEEDS), "--rules", str(rules)])
    assert code == 2
    assert "extra.yaml: family: unknown family 'nonsense'" in err


def test_claims_formats() -> None:
    code, out, _ = run_cli(["claims", "seeds/001_6941e6365f16a3e7.txt"])
    assert code == 0
    header = out.splitlines()[0].split()
    assert header[:3] == ["where", "kind", "subject"] and "qualifier" in header
    code, out, _ = run_cli(["claims", "seeds/001_6941e6365f16a3e7.txt", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["text"] == "up to $5 billion" and r["qualifier"] == "up_to" and r["high"] for r in rows)
    code, out, _ = run_cli(["claims", "seeds/001_6941e6365f16a3e7.txt", "--format", "json"])
    data = json.loads(out)
    assert all(c["path"].endswith("001_6941e6365f16a3e7.txt") for c in data)


def test_claims_requires_a_path() -> None:
    code, _, err = run_cli(["claims"])
    assert code == 2 and "Missing argument" in err


def test_rules_lists_what_is_loaded() -> None:
    code, out, _ = run_cli(["rules"])
    assert code == 0
    for rid in ("numeric_disagreement", "hedge_mismatch", "unsupported_superlative", "date_disagreement"):
        assert rid in out
    assert "quantities" in out and "metrics" in out


def test_help_documents_exit_codes() -> None:
    code, out, _ = run_cli(["report", "--help"])
    assert code == 0 and "Exit codes" in out


def test_version() -> None:
    code, out, _ = run_cli(["--version"])
    assert code == 0 and "factcheck" in out


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = readme.split("```")
    commands = [b.strip().split("\n", 1)[1].strip() for b in blocks[1::2] if b.startswith("bash")]
    assert commands[1] in ci
    assert "factcheck report" in commands[0]
