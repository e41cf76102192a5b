"""Hostile paths and hostile rule files: a clear message naming the path or the field, and exit code 2."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from factcheck.load import files as load_files
from factcheck.load import load
from factcheck.ruleset.rule_set import RuleSet
from tests.conftest import ROOT, run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"
OK = "Acme raised $5 million from Beta Capital.\n"


def test_missing_path_is_exit_2_and_the_rest_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(OK, encoding="utf-8")
    code, out, err = run_cli(["report", str(tmp_path / "ok.txt"), str(tmp_path / "missing.md")])
    assert code == 2 and "missing.md: no such file or directory" in err and out.startswith("# factcheck report")


def test_a_folder_with_no_readable_article_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01")
    (tmp_path / "b.md").write_bytes(b"PK\x03\x04\x00\x00")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    code, out, err = run_cli(["report", str(tmp_path)])
    assert code == 2 and out == ""
    assert "a.txt: binary file" in err and "b.md: binary file" in err and "nothing to check" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli(["report", str(empty)])
    assert code == 2 and "empty: no article files found" in err


def test_symlink_loops_named_and_found_while_walking(ruleset: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(OK, encoding="utf-8")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "again").symlink_to(tmp_path)  # a folder link back to the top
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    walked = load([tmp_path], ruleset.boilerplate)
    assert [Path(d.path).name for d in walked.documents] == ["ok.txt"] and not walked.errors
    text = "\n".join(walked.warnings)
    assert "self.txt: symbolic link loop, skipped" in text
    assert "again: symbolic link loop (a folder already read), skipped" in text
    assert "dangling.md: broken symbolic link, skipped" in text
    named = load([tmp_path / "self.txt", tmp_path / "ok.txt"], ruleset.boilerplate)
    assert named.errors == [f"{tmp_path / 'self.txt'}: symbolic link loop"] and len(named.documents) == 1
    code, out, err = run_cli(["report", str(tmp_path / "self.txt"), str(tmp_path / "ok.txt")])
    assert code == 2 and "self.txt: symbolic link loop" in err and out.startswith("# factcheck report")


def test_unreadable_files_and_folders(ruleset: RuleSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(OK, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(OK, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(OK, encoding="utf-8")
    real_open, real_scandir = Path.open, os.scandir

    def deny_open(self: Path, *a, **k):  # root reads through chmod 000, so refuse like the kernel would
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **k)

    def deny_scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "open", deny_open)
    monkeypatch.setattr(load_files.os, "scandir", deny_scandir)
    walked = load([tmp_path], ruleset.boilerplate)
    assert [Path(d.path).name for d in walked.documents] == ["ok.txt"] and not walked.errors
    assert f"{secret}: cannot read: Permission denied" in walked.warnings
    assert f"{locked}: cannot read folder: Permission denied, skipped" in walked.warnings
    named = load([secret], ruleset.boilerplate)
    assert named.errors == [f"{secret}: cannot read: Permission denied"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_never_opened(ruleset: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(OK, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    walked = load([tmp_path], ruleset.boilerplate)
    assert len(walked.documents) == 1 and any("pipe.txt: not a regular file" in w for w in walked.warnings)
    named = load([tmp_path / "pipe.txt"], ruleset.boilerplate)
    assert named.errors and "not a regular file" in named.errors[0]


def test_names_with_spaces_and_non_ascii_and_hidden_folders(ruleset: RuleSet, tmp_path: Path) -> None:
    shutil.copy(CORPUS / "space and ünïcödé name.txt", tmp_path / "space and ünïcödé name.txt")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (tmp_path / "a|b `c`.txt").write_text("Beta raised $6 million.\n", encoding="utf-8")
    result = load([tmp_path], ruleset.boilerplate)
    assert sorted(Path(d.path).name for d in result.documents) == ["a|b `c`.txt", "space and ünïcödé name.txt"]
    code, out, err = run_cli(["report", str(tmp_path)])
    assert code == 0, err
    assert "space and ünïcödé name.txt:1" in out
    for line in out.splitlines():  # a pipe in a file name must not split a table row
        if line.startswith("| ") and "a" in line and "b 'c'.txt" in line:
            assert "a\\|b" in line


# -- rule files ------------------------------------------------------------------------------------------


def _rules(tmp_path: Path, family: str, edit) -> Path:
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    text = (ROOT / "rules" / f"{family}.yaml").read_text(encoding="utf-8")
    (d / f"{family}.yaml").write_text(edit(text), encoding="utf-8")
    return d


@pytest.mark.parametrize(
    ("family", "edit", "message"),
    [
        ("numbers", lambda t: t.replace("lexicon:\n", "lexicon:\n  bogus: 1\n", 1), "lexicon.bogus: Extra inputs"),
        ("numbers", lambda t: t + "\n: : [unclosed\n", "numbers.yaml:"),
        ("numbers", lambda t: "- a list\n", "numbers.yaml: (top): a rule file must be a mapping"),
        ("numbers", lambda t: "family: !!python/object/apply:os.system ['touch pwned']\n", "numbers.yaml"),
        ("metrics", lambda t: t.replace("cues: [", "cues: ['(unclosed', ", 1), "metrics.yaml: lexicon.metrics.0.cues"),
        ("dates", lambda t: t.replace("  events:\n", "  events:\n    bad: ['[z-a]']\n", 1), "lexicon.events"),
        ("superlatives", lambda t: t.replace("copulas: [", "copulas: ['(?P<', ", 1), "lexicon.copulas"),
        # libyaml, which reads rule files, crashed the process on this; the Python reader stops it
        ("numbers", lambda t: "[" * 300_000, "numbers.yaml: invalid YAML: nested too deeply"),
        ("numbers", lambda t: t + "\nwhen: 2725-76-72\n", "numbers.yaml: invalid YAML: month must be in 1..12"),
    ],
)
def test_malformed_rule_files_name_file_and_field_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, family: str, edit, message: str
) -> None:
    rules = _rules(tmp_path, family, edit)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["report", str(CORPUS / "bom.md"), "--rules", str(rules)])
    assert code == 2 and out == "", err
    assert message in err, err
    assert not (tmp_path / "pwned").exists()


def test_a_catastrophic_pattern_times_out_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    evil = "  navigation:\n    - '(a|aa)+b'\n"  # exponential backtracking on a line of a's
    rules = _rules(tmp_path, "boilerplate", lambda t: t.replace("  navigation:\n", evil, 1))
    article = tmp_path / "a.txt"
    article.write_text("Acme raised $5 million.\n" + "a" * 60 + "\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_REGEX_TIMEOUT", "0.2")
    t = time.monotonic()
    code, out, err = run_cli(["report", str(article), "--rules", str(rules)])
    assert time.monotonic() - t < 60
    assert code == 2 and out == ""
    assert "boilerplate.yaml: lexicon.navigation: regular expression '(?:(a|aa)+b)|" in err, err
    assert "took longer than 0.2 s on the text 'aaaa" in err, err
