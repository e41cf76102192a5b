"""`check` with a warm cache reads only what the drafts can meet (factcheck/gate/index.py): its findings are
those of the whole corpus analysed, and the cache stays valid when files, rules or the code change."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from benchmarks import corpus as bench
from factcheck.gate import extracts, index, listing, validate
from factcheck.gate import select as gate
from factcheck.gate.cache import ClaimCache
from factcheck.load import collect
from factcheck.report import gate_json
from tests.conftest import ROOT, SEEDS, run_cli

EVENTS = ROOT / "tests" / "corpora" / "events"


def _render(report, drafts: list[Path], documents: int) -> str:
    result = gate.select(report, gate.focus_documents(report, drafts))
    result.corpus = documents
    return gate_json.render(result)


def full_check(drafts: list[Path], corpus: list[str], ruleset, cache: ClaimCache) -> str:
    """The reference: the whole corpus analysed (the extractions may come from the cache)."""
    loaded, report = gate.index([str(p) for p in drafts] + corpus, ruleset, cache)
    return _render(report, drafts, len(report.documents)) + "\n".join(loaded.errors + loaded.warnings)


def indexed_check(drafts: list[Path], corpus: list[str], ruleset, cache: ClaimCache) -> tuple[str, index.IndexedCheck]:
    run = index.check(drafts, corpus, ruleset, cache)
    return _render(run.report, drafts, run.documents) + "\n".join(run.loaded.errors + run.loaded.warnings), run


def _compare(drafts: list[Path], corpus: list[str], ruleset, folder: Path) -> index.IndexedCheck:
    with ClaimCache(folder) as cache:
        got, run = indexed_check(drafts, corpus, ruleset, cache)
        want = full_check(drafts, corpus, ruleset, cache)
    assert got == want, drafts
    return run


@pytest.mark.parametrize("corpus", [SEEDS, EVENTS], ids=["seeds", "events"])
def test_each_article_as_a_draft_against_the_rest(ruleset, tmp_path: Path, corpus: Path) -> None:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".md", ".txt"))
    for draft in files:
        run = _compare([draft], [str(corpus)], ruleset, tmp_path / "cache")
        assert run.documents == len(files)
    # and all of them at once, and a draft outside the corpus that shares its names
    _compare(files, [str(corpus)], ruleset, tmp_path / "cache")
    outside = tmp_path / "draft.md"
    outside.write_text(files[0].read_text(encoding="utf-8").replace("$", "$1").replace("%", "5%"), encoding="utf-8")
    _compare([outside], [str(corpus)], ruleset, tmp_path / "cache")
    # a draft named like a corpus file: both get their path as id
    clash = tmp_path / "drafts" / files[1].name
    clash.parent.mkdir()
    clash.write_text(files[1].read_text(encoding="utf-8").replace("$", "$2"), encoding="utf-8")
    _compare([clash], [str(corpus)], ruleset, tmp_path / "cache")
    _compare([clash, outside], [str(corpus)], ruleset, tmp_path / "cache")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gen")
    bench.write_corpus(300, folder / "corpus")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "new-story.md").write_text(bench.draft(), encoding="utf-8")
    return folder


def test_generated_corpus_reads_a_fraction(ruleset, generated: Path) -> None:
    corpus = str(generated / "corpus")
    files = sorted((generated / "corpus").iterdir())
    cache = generated / "cache"
    first = _compare([generated / "drafts" / "new-story.md"], [corpus], ruleset, cache)
    assert first.extracted == 301  # cold: everything extracted once
    again = _compare([generated / "drafts" / "new-story.md"], [corpus], ruleset, cache)
    assert again.extracted == 0 and 0 < again.selected < 60
    for draft in files[::23] + files[-2:]:
        run = _compare([draft], [corpus], ruleset, cache)
        assert run.extracted == 0 and run.selected < 60
    # two drafts at once, one inside the corpus and one outside
    _compare([files[5], generated / "drafts" / "new-story.md"], [corpus], ruleset, cache)


def test_superlatives_meet_their_rivals_and_evidence(ruleset, generated: Path, tmp_path: Path) -> None:
    """A uniqueness claim is contradicted by other sources' (rivals) and shown with their related sentences."""
    files = sorted((generated / "corpus").iterdir())
    with_only = [p for p in files if " is the only " in p.read_text(encoding="utf-8")]
    assert len(with_only) >= 3
    for draft in with_only[:4]:
        _compare([draft], [str(generated / "corpus")], ruleset, generated / "cache")
    text = with_only[0].read_text(encoding="utf-8")
    copy = tmp_path / "only.md"
    copy.write_text(
        text + "\nIt is also available from Rivalco and Westcorp, a deal with Rivalco shows.\n", encoding="utf-8"
    )
    _compare([copy], [str(generated / "corpus")], ruleset, generated / "cache")


def test_the_cli_uses_the_index_and_prints_the_same(generated: Path) -> None:
    args = ["check", "drafts/new-story.md", "--corpus", "corpus", "--format", "json"]
    code, full, err_full = run_cli([*args, "--no-cache"], cwd=generated)
    code2, warm, err_warm = run_cli([*args, "--cache-dir", "cache", "--timings"], cwd=generated)
    assert code == code2 == 1 and full == warm
    assert err_full.splitlines()[-1] == err_warm.splitlines()[-2]
    assert "timings:" in err_warm and "select" in err_warm


def test_changed_files_are_read_again_and_unchanged_ones_are_not(ruleset, tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(EVENTS, corpus)
    draft = sorted(corpus.iterdir())[0]
    cache = tmp_path / "cache"
    reads: list[str] = []
    real = index.read_document

    def spy(path: Path, lexicon: object) -> object:
        reads.append(path.name)
        return real(path, lexicon)

    for module in (index, validate, extracts):  # the drafts, the files hashed again, those extracted
        monkeypatch.setattr(module, "read_document", spy)
    _compare([draft], [str(corpus)], ruleset, cache)
    # just written: too close to when they were recorded to be trusted (a later edit in the same clock tick
    # would keep the stat), so they are hashed again, and recorded again
    reads.clear()
    _compare([draft], [str(corpus)], ruleset, cache)
    assert len(reads) == len([p for p in corpus.iterdir() if p.suffix != ".yaml"])
    db = sqlite3.connect(cache / "cache.db")
    db.execute("UPDATE files SET seen = seen + 10000000000")  # as if recorded ten seconds later
    db.commit()
    db.close()
    reads.clear()
    run = _compare([draft], [str(corpus)], ruleset, cache)
    assert reads == [draft.name] and run.extracted == 0  # only the draft is read
    monkeypatch.setattr(validate, "RACY_NS", 0)
    # an edit that keeps the size and puts the modification time back is still seen (the ctime moved)
    target = sorted(corpus.iterdir())[2]
    text = target.read_text(encoding="utf-8")
    changed = text.replace("2", "3", 1)
    assert changed != text and len(changed) == len(text)
    st = target.stat()
    target.write_text(changed, encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    reads.clear()
    run = _compare([draft], [str(corpus)], ruleset, cache)
    assert sorted(reads) == sorted([draft.name, target.name]) and run.extracted == 1
    # a removed and an added file change the corpus: its name knowledge is rebuilt
    (corpus / "b4_later.txt").unlink()
    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[0], corpus / "new.txt")
    run = _compare([draft], [str(corpus)], ruleset, cache)
    assert run.extracted == 1
    # a cache row that no longer validates is extracted again
    db = sqlite3.connect(cache / "cache.db")
    db.execute("UPDATE extracts SET data = '{}'")
    db.commit()
    db.close()
    _compare([draft], [str(corpus)], ruleset, cache)


def test_articles_added_to_the_corpus_update_its_name_knowledge(ruleset, tmp_path: Path, monkeypatch) -> None:
    """Added articles are merged into the latest name knowledge, unless one says who owns a name the corpus
    already gave an owner and does not come last (then it is rebuilt): the findings are the same either way."""
    from factcheck.extract.name_state import NameState

    corpus = tmp_path / "corpus"
    shutil.copytree(EVENTS, corpus)
    draft = sorted(corpus.glob("*.md"))[0]
    cache = tmp_path / "cache"
    builds: list[int] = []
    real = NameState.build.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(NameState, "build", classmethod(lambda cls, *a, **k: builds.append(1) or real(cls, *a, **k)))
    _compare([draft], [str(corpus)], ruleset, cache)
    assert builds == [1]
    acme = "Acme Holdings said on Monday that Acme's Widget unit would invest $3 billion in Kestrel Grid.\n"
    (corpus / "zz_acme.md").write_text(acme, encoding="utf-8")  # last: merged
    (corpus / "c_other.md").write_text("Kestrel Grid said it had raised $2 billion.\n", encoding="utf-8")  # merged
    _compare([draft], [str(corpus)], ruleset, cache)
    assert builds == [1]
    beta = "Beta Corp said on Monday that Beta's Widget unit would invest $2 billion in Kestrel Grid.\n"
    (corpus / "b_beta.md").write_text(beta, encoding="utf-8")  # before Acme's, another owner of Widget: rebuilt
    _compare([draft], [str(corpus)], ruleset, cache)
    assert builds == [1, 1]
    _compare([corpus / "zz_acme.md"], [str(corpus)], ruleset, cache)


def test_a_draft_inside_the_corpus_named_by_another_path(ruleset, tmp_path: Path, monkeypatch) -> None:
    """`check /abs/corpus/a.md --corpus corpus`: the document is the draft's, under the path it was given."""
    shutil.copytree(EVENTS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    files = sorted(Path("corpus").glob("*.md"))
    _compare([files[0]], ["corpus"], ruleset, tmp_path / "cache")
    _compare([files[0].resolve()], ["corpus"], ruleset, tmp_path / "cache")
    _compare([Path("corpus/../corpus") / files[1].name, files[0]], ["corpus"], ruleset, tmp_path / "cache")


def test_listing_is_load_collect(tmp_path: Path) -> None:
    root = tmp_path / "c"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in [
        "b.md",
        "a.txt",
        "A.md",
        "x.json",
        "noext",
        "sub/z.md",
        "sub/b.md",
        "sub/deeper/c.html",
        ".hidden/h.md",
    ]:
        (root / name).write_text("Acme said it would pay $5 billion.\n", encoding="utf-8")
    cases = [[str(root)], [str(root / "sub"), str(root)], [str(root / "b.md"), str(root)], ["c"], ["./c/"]]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        for paths in cases:
            entries, errors, warnings = listing.list_files(paths)
            want, want_errors, want_warnings = collect(paths)
            assert [(e.path, e.named) for e in entries] == [(str(p), n) for p, n in want]
            assert (errors, warnings) == (want_errors, want_warnings)
        # a symbolic link or a missing path: load.collect does the listing and words the messages
        (root / "link.md").symlink_to(root / "b.md")
        for paths in ([str(root)], [str(root), "missing"]):
            entries, errors, warnings = listing.list_files(paths)
            want, want_errors, want_warnings = collect(paths)
            assert [(e.path, e.named) for e in entries] == [(str(p), n) for p, n in want]
            assert (errors, warnings) == (want_errors, want_warnings)
    finally:
        os.chdir(old)


def test_document_ids_are_those_of_load_and_gate(ruleset, tmp_path: Path) -> None:
    from factcheck.load import load

    for rel in ["a/story.md", "b/story.md", "b/story.txt", "c/other.md", "c/.md.txt", "d/x.y.md", "e/noext"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Acme said it would pay $5 billion.\n", encoding="utf-8")
    paths = [str(tmp_path)]
    docs = gate.unique_ids(load(paths, ruleset.boilerplate).documents)
    assert listing.document_ids([d.path for d in docs]) == [d.id for d in docs]


def test_rule_files_that_change_are_validated_again(tmp_path: Path) -> None:
    """A rule set that validated is trusted by its digest: an edited rule file is validated (and fails) at once."""
    (tmp_path / "corpus").mkdir()
    # the draft states firm the amounts that b.txt gives as ceilings ("up to"): a hedge_mismatch at the draft
    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[1], tmp_path / "corpus" / "a.txt")
    rules = tmp_path / "rules"
    rules.mkdir()
    quantities = (ROOT / "rules" / "quantities.yaml").read_text(encoding="utf-8")
    (rules / "quantities.yaml").write_text(quantities, encoding="utf-8")
    args = ["check", "corpus/a.txt", "--corpus", "corpus", "--rules", "rules", "--format", "text"]
    assert run_cli(args, cwd=tmp_path)[0] in (0, 1)
    assert run_cli(args, cwd=tmp_path)[0] in (0, 1)  # trusted now: the quantity lexicon is built only if needed
    # a valid edit that changes what is extracted: the cached check follows it, like the uncached one
    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[0], tmp_path / "corpus" / "b.txt")
    (rules / "quantities.yaml").write_text(
        quantities.replace("phrases: [up to, ", "phrases: [", 1),
        encoding="utf-8",  # "up to" no longer a hedge
    )
    json_args = [*args[:-1], "json"]
    cached = run_cli(json_args, cwd=tmp_path)
    assert cached == run_cli([*json_args, "--no-cache"], cwd=tmp_path)
    assert cached[1] != run_cli(["check", "corpus/a.txt", "--corpus", "corpus", "--format", "json"], cwd=tmp_path)[1]
    broken = quantities.replace("units:", "units_misspelt:", 1)
    assert broken != quantities
    (rules / "quantities.yaml").write_text(broken, encoding="utf-8")
    code, _, err = run_cli(args, cwd=tmp_path)
    assert code == 2 and "quantities.yaml" in err
