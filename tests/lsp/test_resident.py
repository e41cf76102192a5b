"""The check the language server keeps resident (factcheck/gate/resident.py, gate/warm.py): a draft's text checked
from memory gives what `factcheck check` gives for the saved file, the corpus is listed once until it changes,
and only the changed draft is extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks import corpus as bench
from factcheck.gate import CheckError, CheckOptions, check_drafts, validate
from factcheck.gate.cache import ClaimCache
from factcheck.gate.index import check as indexed_check
from factcheck.gate.resident import ResidentCheck
from factcheck.report import gate_json
from tests.conftest import ROOT, SEEDS

EVENTS = ROOT / "tests" / "corpora" / "events"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "articles")
    shutil.copytree(EVENTS, tmp_path / "events")
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _same(resident: ResidentCheck, draft: Path, corpus: str, text: str | None = None) -> str:
    """The resident check of the draft's text equals `check_drafts` of the file (written with that text)."""
    if text is not None:
        draft.write_text(text, encoding="utf-8")
    want = check_drafts(CheckOptions(drafts=[str(draft)], corpus=[corpus]))
    got = resident.check(draft, draft.read_text(encoding="utf-8"))
    assert gate_json.render(got.result) == gate_json.render(want.result), draft
    assert [str(n) for n in got.notices] == [str(n) for n in want.notices]
    return gate_json.render(got.result)


@pytest.mark.parametrize("corpus", ["articles", "events"])
def test_a_draft_from_memory_gives_what_check_gives_for_the_saved_file(workspace: Path, corpus: str) -> None:
    resident = ResidentCheck(CheckOptions(corpus=[corpus]))
    try:
        files = sorted(p for p in Path(corpus).iterdir() if p.suffix in (".md", ".txt"))
        for f in files:  # each article of the corpus, as a draft inside it
            _same(resident, f, corpus)
        first = files[0].read_text(encoding="utf-8")
        _same(resident, Path("drafts/new.md"), corpus, first.replace("$", "$1"))  # outside
        _same(resident, Path("drafts") / files[1].name, corpus, first.replace("%", "5%"))  # its stem clashes
        assert resident.warm.listings == 1  # listed and validated once
    finally:
        resident.close()


def test_an_unsaved_draft_needs_no_file_and_only_it_is_extracted(workspace: Path) -> None:
    resident = ResidentCheck(CheckOptions(corpus=["articles"]))
    try:
        text = (SEEDS / "001_6941e6365f16a3e7.txt").read_text(encoding="utf-8").replace("$5 billion", "$7 billion")
        run = resident.check(Path("drafts/never-saved.md"), text)
        assert not Path("drafts/never-saved.md").exists()
        assert run.result.drafts == ["drafts/never-saved.md"]
        assert {f.rule for f in run.result.findings} >= {"numeric_disagreement"}
        assert all(f.place.path == "drafts/never-saved.md" for f in run.result.findings)
        before = resident.cache.misses
        again = resident.check(Path("drafts/never-saved.md"), text + "\nOne more line.\n")
        assert resident.cache.misses == before  # the draft is extracted in memory; nothing else is
        assert len(again.result.findings) == len(run.result.findings)
    finally:
        resident.close()


def test_an_edited_draft_inside_the_corpus_is_not_stored_as_the_file(workspace: Path) -> None:
    """The claim cache holds a file's extraction under its content's key: an unsaved edit must not take its place."""
    resident = ResidentCheck(CheckOptions(corpus=["articles"]))
    inside = Path("articles/001_6941e6365f16a3e7.txt")
    saved = inside.read_text(encoding="utf-8")
    try:
        edited = resident.check(inside, saved.replace("$5 billion", "$7 billion"))
        assert "numeric_disagreement" in {f.rule for f in edited.result.findings}
        _same(resident, inside, "articles")  # the file as saved: what check gives
    finally:
        resident.close()


def test_the_corpus_is_listed_again_when_it_changes(workspace: Path) -> None:
    resident = ResidentCheck(CheckOptions(corpus=["articles"]))
    try:
        draft = Path("drafts/story.md")
        text = "Acme Widgets said revenue reached $40 million in 2024, the company said.\n"
        assert not resident.check(draft, text).result.findings
        Path("articles/new.md").write_text("Acme Widgets revenue reached $90 million in 2024.\n", encoding="utf-8")
        assert not resident.check(draft, text).result.findings  # the listing is kept...
        assert resident.in_corpus(Path("articles/new.md").resolve())
        assert not resident.in_corpus(draft.resolve())
        resident.corpus_changed()  # ...until the corpus is said to have changed
        found = resident.check(draft, text).result.findings
        assert [f.rule for f in found] == ["numeric_disagreement"]
        assert [o.path for o in found[0].others] == ["articles/new.md"]
        assert resident.warm.listings == 2
    finally:
        resident.close()


def test_settings_files_are_recognised(workspace: Path) -> None:
    Path("myrules").mkdir()
    Path(".factcheck.toml").write_text('corpus = ["articles"]\nrules = ["myrules"]\n', encoding="utf-8")
    resident = ResidentCheck(CheckOptions())
    try:
        assert resident.settings_changed_by(Path(".factcheck.toml"))
        assert resident.settings_changed_by(Path("myrules/numbers.yaml"))
        assert resident.settings_changed_by(Path("pyproject.toml"))  # a file that could take its place
        assert not resident.settings_changed_by(Path("articles/a.md"))
    finally:
        resident.close()


def test_bad_settings_raise_check_error(workspace: Path) -> None:
    with pytest.raises(CheckError, match="no corpus"):
        ResidentCheck(CheckOptions())
    Path("myrules").mkdir()
    Path("myrules/numbers.yaml").write_text("family: numbers\nrules: [\n", encoding="utf-8")
    with pytest.raises(CheckError, match=r"numbers\.yaml"):
        ResidentCheck(CheckOptions(corpus=["articles"], rules=[Path("myrules")]))


def test_without_a_cache_a_private_one_is_used_and_removed(workspace: Path) -> None:
    resident = ResidentCheck(CheckOptions(corpus=["articles"], no_cache=True))
    private = resident.cache.path.parent
    try:
        assert not Path(".factcheck").exists() and private.is_dir()
        assert resident.check(Path("drafts/x.md"), "Nothing here.\n").result.findings == []
    finally:
        resident.close()
    assert not private.exists()


def test_a_draft_named_like_a_corpus_file_never_extracts_the_corpus_again(
    tmp_path: Path, ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a draft's stem clashes with a corpus file's, the corpus's ids (so keys) change; a listing the cache
    trusted whole must still give each file's digest, or every file would be extracted again."""
    monkeypatch.setattr(validate, "RACY_NS", 0)  # files just written are trusted (no 2 s wait)
    bench.write_corpus(30, tmp_path / "corpus")
    clash = tmp_path / "drafts" / sorted(p.name for p in (tmp_path / "corpus").iterdir())[3]
    clash.parent.mkdir()
    clash.write_text(bench.draft(), encoding="utf-8")
    with ClaimCache(tmp_path / "cache") as cache:
        runs = [indexed_check([clash], [str(tmp_path / "corpus")], ruleset, cache, 1) for _ in range(4)]
    assert [r.extracted for r in runs] == [31, 0, 0, 0]
