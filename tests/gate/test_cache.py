"""The claim cache: reuse while nothing changed, re-extract what changed, never trust a broken store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factcheck.gate.cache import ClaimCache
from factcheck.gate.extracts import extract_all_cached
from factcheck.load import load
from factcheck.pipeline import analyse, analyse_extracts
from tests.conftest import SEEDS, run_cli
from tests.gate.gate_corpus import GRID_DEAL, NEW_ARTICLE


def _docs(ruleset, *paths):
    return load([str(p) for p in paths], ruleset.boilerplate).documents


def test_cached_analysis_equals_fresh_and_hits_on_the_second_run(tmp_path: Path, ruleset) -> None:
    docs = _docs(ruleset, SEEDS)
    with ClaimCache(tmp_path / "c") as cache:
        first = analyse_extracts(extract_all_cached(docs, ruleset, cache), ruleset)
        assert (cache.hits, cache.misses) == (0, len(docs))
    with ClaimCache(tmp_path / "c") as cache:
        second = analyse_extracts(extract_all_cached(docs, ruleset, cache), ruleset)
        assert (cache.hits, cache.misses) == (len(docs), 0)
    fresh = analyse(docs, ruleset)
    assert first == fresh and second == fresh


def test_a_changed_file_is_re_read(tmp_path: Path, ruleset) -> None:
    (tmp_path / "a.md").write_text(GRID_DEAL, encoding="utf-8")
    (tmp_path / "b.md").write_text(NEW_ARTICLE, encoding="utf-8")
    with ClaimCache(tmp_path / "c") as cache:
        extract_all_cached(_docs(ruleset, tmp_path), ruleset, cache)
    (tmp_path / "b.md").write_text(NEW_ARTICLE.replace("$7 billion", "$6 billion"), encoding="utf-8")
    with ClaimCache(tmp_path / "c") as cache:
        extracts = extract_all_cached(_docs(ruleset, tmp_path), ruleset, cache)
        assert (cache.hits, cache.misses) == (1, 1)
    assert any(c.text == "$6 billion" for e in extracts for c in e.claims)


@pytest.mark.parametrize("damage", ["garbage", "stale_schema", "bad_row"])
def test_a_corrupt_or_stale_cache_is_rebuilt(tmp_path: Path, ruleset, damage: str) -> None:
    (tmp_path / "a.md").write_text(GRID_DEAL, encoding="utf-8")
    docs = _docs(ruleset, tmp_path / "a.md")
    folder = tmp_path / "c"
    with ClaimCache(folder) as cache:
        good = extract_all_cached(docs, ruleset, cache)
    db = folder / "cache.db"
    if damage == "garbage":
        db.write_bytes(b"this is not a database" * 100)
    else:
        con = sqlite3.connect(db)
        if damage == "stale_schema":
            con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
        else:
            con.execute("UPDATE extracts SET data = '{\"document\": 1}'")
        con.commit()
        con.close()
    with ClaimCache(folder) as cache:
        again = extract_all_cached(docs, ruleset, cache)
        assert cache.misses == 1
        assert (cache.rebuilt is not None) == (damage != "bad_row")
    assert again == good
    with ClaimCache(folder) as cache:
        extract_all_cached(docs, ruleset, cache)
        assert cache.hits == 1


def test_the_cli_writes_only_under_dot_factcheck(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(GRID_DEAL, encoding="utf-8")
    (tmp_path / "draft.md").write_text(NEW_ARTICLE, encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    code, _, _ = run_cli(["check", "draft.md", "--corpus", "corpus", "--format", "text"], cwd=tmp_path)
    assert code == 1
    new = {p.relative_to(tmp_path).as_posix() for p in set(tmp_path.rglob("*")) - before}
    assert new == {".factcheck", ".factcheck/cache.db"}
    code, _, _ = run_cli(
        ["check", "draft.md", "--corpus", "corpus", "--no-cache", "--cache-dir", "elsewhere"], cwd=tmp_path
    )
    assert code == 1 and not (tmp_path / "elsewhere").exists()


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    for i in range(3):
        (tmp_path / "corpus" / f"a{i}.md").write_text(GRID_DEAL + f"\nCopy {i}.\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(NEW_ARTICLE, encoding="utf-8")
    _, _, err = run_cli(["check", "draft.md", "--corpus", "corpus", "--format", "text"], cwd=tmp_path)
    assert "indexing" not in err and "\r" not in err


def test_a_replaced_row_takes_its_old_terms_and_rivals_away(tmp_path: Path, ruleset) -> None:
    """`put` deletes a key's terms and rivals only when the key was stored (deleting by key reads the whole
    terms table): a replaced row leaves none of its old ones, a new row none of anyone else's."""
    from factcheck.gate.terms import rival_claims, terms_of
    from factcheck.pipeline import extract_all

    extracts = extract_all(_docs(ruleset, SEEDS), ruleset)
    first, second = extracts[0], extracts[1]
    assert terms_of(first) != terms_of(second)

    def stored(cache: ClaimCache, key: str) -> tuple[set[str], int]:
        everything = cache.documents_with(sorted(terms_of(first) | terms_of(second)))
        return {t for t, k in everything if k == key}, sum(1 for k, _, _ in cache.all_rivals() if k == key)

    with ClaimCache(tmp_path / "c") as cache:
        cache.put("k1", first)
        cache.put("k2", second)
        assert stored(cache, "k1") == (terms_of(first), len(rival_claims(first.claims)))
        cache.put("k1", second)  # the same key, other content
        assert stored(cache, "k1") == (terms_of(second), len(rival_claims(second.claims)))
        assert stored(cache, "k2") == (terms_of(second), len(rival_claims(second.claims)))
