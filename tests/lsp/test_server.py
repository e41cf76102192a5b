"""`factcheck lsp` driven over stdio by a real LSP client (pygls's): initialize → didOpen → diagnostics →
didChange → new diagnostics → hover → codeAction → shutdown; a file saved into the corpus refreshes the other
drafts; bad input (a message that is not UTF-8, an article that is not UTF-8, a malformed rule file, a missing
corpus path, a request with bad parameters) is told with `window/showMessage` or an LSP error, and the server
goes on with the state it had."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.conftest import SEEDS
from tests.lsp.client import Editor, uri_of

# a seed article as Markdown: its paragraphs (one a line) separated by blank lines
STORY = "\n\n".join((SEEDS / "001_6941e6365f16a3e7.txt").read_text(encoding="utf-8").splitlines()) + "\n"
CONFIG = '[tool.factcheck]\ncorpus = ["articles"]\n'


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text(STORY.replace("$5 billion", "$7 billion", 1), encoding="utf-8")
    return tmp_path


def run(workspace: Path, script: Callable[[Editor], Awaitable[None]], *args: str) -> Editor:
    """Start the server in the workspace, run the script against it, shut it down: it must exit cleanly."""

    async def session() -> Editor:
        editor = Editor(workspace, *args)
        try:
            await editor.start()
            await script(editor)
        finally:
            code = await editor.stop()
        assert code == 0, editor.stderr.decode(errors="replace")
        return editor

    return asyncio.run(session())


def text_at(text: str, r: types.Range) -> str:
    lines = text.split("\n")
    if r.start.line == r.end.line:
        return lines[r.start.line][r.start.character : r.end.character]
    return "\n".join([lines[r.start.line][r.start.character :], *lines[r.start.line + 1 : r.end.line]])


def apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: edit.range.start.line]) + edit.range.start.character
    end = sum(len(x) + 1 for x in lines[: edit.range.end.line]) + edit.range.end.character
    return text[:start] + edit.new_text + text[end:]


def test_the_editor_session(workspace: Path) -> None:
    draft = workspace / "drafts" / "story.md"
    text = draft.read_text(encoding="utf-8")

    async def script(editor: Editor) -> None:
        uri = editor.open(draft)
        first = await editor.diagnostics(uri, 1)
        (wrong,) = [d for d in first if d.code == "numeric_disagreement"]
        assert (wrong.severity, wrong.source) == (types.DiagnosticSeverity.Error, "factcheck")
        assert text_at(text, wrong.range) == "$7 billion" and wrong.range.start.line == 0
        assert "$7 billion" in wrong.message
        related = wrong.related_information or []
        assert any(r.location.uri == uri_of(workspace / "articles" / "000_5f12a90ba5212f6c.txt") for r in related)
        assert all(r.message for r in related)
        assert {d.severity for d in first if d.code == "hedge_mismatch"} == {types.DiagnosticSeverity.Warning}

        # the writer corrects the number in place (an incremental change): the disagreement goes
        version = editor.change(uri, "$5 billion", at=wrong.range)
        now = apply(text, types.TextEdit(range=wrong.range, new_text="$5 billion"))
        second = await editor.diagnostics(uri, version)
        assert "numeric_disagreement" not in {d.code for d in second}
        hedge = next(d for d in second if d.code == "hedge_mismatch")
        assert text_at(now, hedge.range) == "$5 billion" and hedge.range.start.line == 0

        # hover on the flagged number: each source's claim and quote
        hover = await editor.hover(uri, hedge.range.start)
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "`hedge_mismatch`" in hover.contents.value
        assert "| `articles/000_5f12a90ba5212f6c.txt:22` | Up to $5 billion |" in hover.contents.value
        assert await editor.hover(uri, types.Position(line=len(now.split("\n")) + 5, character=0)) is None

        # the quick fix: an ignore comment above the paragraph; applied, the finding goes
        (action,) = await editor.code_actions(uri, [hedge])
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None and action.edit.changes is not None
        (edit,) = action.edit.changes[uri]
        assert edit.new_text == "<!-- factcheck: ignore hedge_mismatch -->\n"
        assert await editor.code_actions(uri, [hedge], only=[types.CodeActionKind.Source]) == []
        (same,) = await editor.code_actions(uri, [], at=hedge.range)  # asked for the range: the findings there
        assert same.edit == action.edit
        version = editor.change(uri, edit.new_text, at=edit.range)
        third = await editor.diagnostics(uri, version)
        hedges = [d.range.start.line for d in second if d.code == "hedge_mismatch"]
        # silenced on the first paragraph; the others' one line down
        assert [d.range.start.line for d in third if d.code == "hedge_mismatch"] == [n + 1 for n in hedges if n]
        assert len([d for d in third if d.code != "hedge_mismatch"]) == len(
            [d for d in second if d.code != "hedge_mismatch"]
        )

        seen = len(editor.published[uri])
        editor.close(uri)
        assert await editor.diagnostics(uri, None, after=seen) == []

    editor = run(workspace, script)
    assert [r.method for r in editor.registrations] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert not editor.shown, [m.message for m in editor.shown]


def test_a_file_saved_into_the_corpus_refreshes_the_other_drafts(workspace: Path) -> None:
    draft = workspace / "drafts" / "widgets.md"
    draft.write_text("Acme Widgets said revenue reached $40 million in 2024.\n", encoding="utf-8")
    article = workspace / "articles" / "widgets.md"

    async def script(editor: Editor) -> None:
        uri = editor.open(draft)
        assert await editor.diagnostics(uri, 1) == []
        article.write_text("Acme Widgets revenue reached $90 million in 2024, it said.\n", encoding="utf-8")
        saved = editor.open(article)  # the writer saves an article into the corpus
        editor.save(saved)
        (found,) = await editor.diagnostics(uri, 1, after=1)
        assert found.code == "numeric_disagreement"
        assert [r.location.uri for r in found.related_information or []] == [uri_of(article)]

    run(workspace, script)


def test_bad_input_is_told_and_the_server_goes_on(workspace: Path) -> None:
    draft = workspace / "drafts" / "story.md"

    async def script(editor: Editor) -> None:
        uri = editor.open(draft)
        before = await editor.diagnostics(uri, 1)
        published = 1

        async def still_checking(text: str) -> list[types.Diagnostic]:
            nonlocal published
            version = editor.change(uri, text)
            found = await editor.diagnostics(uri, version, after=published)
            published = len(editor.published[uri])
            return found

        # a message that is not UTF-8
        body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}).encode()
        body = body.replace(b"{}", b'{"textDocument": {"uri": "file:///x.md", "text": "caf\xe9"}}')
        server = editor.client._server
        assert server is not None and server.stdin is not None
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await editor.message("not UTF-8")
        assert len(await still_checking(draft.read_text(encoding="utf-8") + "\n")) == len(before)

        # a request with bad parameters: an LSP error
        answer = asyncio.get_running_loop().create_future()
        editor.client.protocol._request_futures["bad-hover"] = answer
        request = json.dumps({"jsonrpc": "2.0", "id": "bad-hover", "method": "textDocument/hover", "params": {"x": 1}})
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(request), request.encode()))
        with pytest.raises(JsonRpcException, match="Invalid Params"):
            await asyncio.wait_for(answer, 30)

        # an article that is not UTF-8, saved into the corpus
        (workspace / "articles" / "latin1.md").write_bytes("Caf\xe9 Acme paid $3 million.\n".encode("latin-1"))
        editor.files_changed(workspace / "articles" / "latin1.md")
        warning = await editor.message("invalid UTF-8")
        assert warning.type == types.MessageType.Warning and "latin1.md" in warning.message
        assert len(await still_checking(draft.read_text(encoding="utf-8") + "\n\n")) == len(before)

        # a malformed rule file: the previous rules stay in use
        (workspace / "myrules").mkdir()
        (workspace / "myrules" / "numbers.yaml").write_text("family: numbers\nrules: [\n", encoding="utf-8")
        (workspace / "pyproject.toml").write_text(CONFIG + 'rules = ["myrules"]\n', encoding="utf-8")
        editor.files_changed(workspace / "pyproject.toml")
        error = await editor.message("numbers.yaml")
        assert error.type == types.MessageType.Error and "previous settings stay in use" in error.message
        kept = await still_checking(draft.read_text(encoding="utf-8"))
        assert [d.code for d in kept] == [d.code for d in before]
        hover = await editor.hover(uri, kept[0].range.start)
        assert hover is not None

        # a corpus path that is missing: said, and the rest of the corpus is used
        shutil.rmtree(workspace / "myrules")
        (workspace / "pyproject.toml").write_text(CONFIG.replace('"articles"', '"articles", "gone"'), encoding="utf-8")
        editor.files_changed(workspace / "pyproject.toml")
        missing = await editor.message("gone: no such file or directory")
        assert missing.type == types.MessageType.Error
        assert [d.code for d in await editor.diagnostics(uri, None, after=published)] == [d.code for d in before]

    run(workspace, script)


def test_a_server_without_usable_settings_waits_for_them(workspace: Path) -> None:
    (workspace / "pyproject.toml").unlink()
    draft = workspace / "drafts" / "story.md"

    async def script(editor: Editor) -> None:
        await editor.message("no corpus")
        uri = editor.open(draft)
        assert await editor.hover(uri, types.Position(line=0, character=0)) is None
        assert not editor.published[uri]
        (workspace / ".factcheck.toml").write_text('corpus = ["articles"]\n', encoding="utf-8")
        editor.files_changed(workspace / ".factcheck.toml")
        found = await editor.diagnostics(uri, 1)
        assert "numeric_disagreement" in {d.code for d in found}

    run(workspace, script)


def test_the_command_line_options_win(workspace: Path) -> None:
    draft = workspace / "drafts" / "story.md"

    async def script(editor: Editor) -> None:
        uri = editor.open(draft, language="plaintext")
        found = await editor.diagnostics(uri, 1)
        assert found and "numeric_disagreement" not in {d.code for d in found}
        assert not (workspace / ".factcheck").exists()  # --no-cache: nothing written in the workspace

    run(workspace, script, "--disable", "numeric_disagreement", "--no-cache", "--debounce", "0")
