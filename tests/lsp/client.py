"""A real LSP client (pygls's) driving `python -m factcheck.cli lsp` over stdio, for the tests and the benchmark.

`Editor` starts the server in a workspace folder, answers the requests a server may send (registering file
watchers, creating a progress token), and records what it publishes: diagnostics by document, shown and logged
messages. `await editor.diagnostics(uri, version)` waits for the diagnostics of that version of a document.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections import defaultdict
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

TIMEOUT = 60.0  # seconds any one awaited answer may take (a first start compiles the rules)


def uri_of(path: Path) -> str:
    uri = from_fs_path(str(path.resolve()))
    assert uri is not None
    return uri


class Editor:
    """The client side of one server process (see the module doc)."""

    def __init__(self, workspace: Path, *args: str, capabilities: types.ClientCapabilities | None = None) -> None:
        self.workspace = workspace
        self.args = args
        self.capabilities = capabilities or types.ClientCapabilities(
            window=types.WindowClientCapabilities(work_done_progress=True),
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
            ),
            text_document=types.TextDocumentClientCapabilities(
                hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True),
            ),
        )
        self.client = LanguageClient("factcheck-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = defaultdict(list)
        self.shown: list[types.ShowMessageParams] = []
        self.logged: list[types.LogMessageParams] = []
        self.registrations: list[types.Registration] = []
        self.progress: list[object] = []
        self.stderr = bytearray()
        self._changed = asyncio.Condition()
        self._versions: dict[str, int] = {}
        self._register()

    def _register(self) -> None:
        client = self.client

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def published(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri].append(params)
            await self._notify()

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        async def shown(params: types.ShowMessageParams) -> None:
            self.shown.append(params)
            await self._notify()

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            self.logged.append(params)

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

        @client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def create_progress(params: types.WorkDoneProgressCreateParams) -> None:
            self.progress.append(params)

        @client.feature(types.PROGRESS)
        def progress(params: types.ProgressParams) -> None:
            self.progress.append(params)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # -- the session -------------------------------------------------------------------------------------
    async def start(self) -> types.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "factcheck.cli", "lsp", *self.args, cwd=str(self.workspace))
        server = self.client._server
        assert server is not None and server.stderr is not None
        self._drain = asyncio.ensure_future(self._read_stderr(server.stderr))
        root = uri_of(self.workspace)
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=self.capabilities,
                    root_uri=root,
                    workspace_folders=[types.WorkspaceFolder(uri=root, name=self.workspace.name)],
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())
        return result

    async def _read_stderr(self, stream: asyncio.StreamReader) -> None:
        while chunk := await stream.read(65536):  # a pipe nobody reads fills up and stops the server
            self.stderr += chunk

    async def stop(self) -> int | None:
        """shutdown, exit; the server's exit code."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        server = self.client._server
        code = None
        if server is not None:
            try:
                code = await asyncio.wait_for(server.wait(), TIMEOUT)
            except asyncio.TimeoutError:
                server.kill()
        await self.client.stop()
        return code

    def open(self, path: Path, text: str | None = None, language: str = "markdown") -> str:
        uri = uri_of(path)
        self._versions[uri] = 1
        item = types.TextDocumentItem(
            uri=uri, language_id=language, version=1, text=path.read_text(encoding="utf-8") if text is None else text
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, text: str, at: types.Range | None = None) -> int:
        """Replace the whole text (or the range `at`) and return the new version."""
        self._versions[uri] += 1
        version = self._versions[uri]
        change = (
            types.TextDocumentContentChangeWholeDocument(text=text)
            if at is None
            else types.TextDocumentContentChangePartial(range=at, text=text)
        )
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]
            )
        )
        return version

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    def files_changed(self, *paths: Path) -> None:
        changes = [types.FileEvent(uri=uri_of(p), type=types.FileChangeType.Changed) for p in paths]
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=changes))

    async def diagnostics(self, uri: str, version: int | None = None, after: int = 0) -> list[types.Diagnostic]:
        """The diagnostics published for the document (at that version), waiting for them; `after`: how many
        publications of it to skip (those seen already)."""

        def found() -> types.PublishDiagnosticsParams | None:
            for p in self.published[uri][after:]:
                if version is None or p.version == version:
                    return p
            return None

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(found), TIMEOUT)
        got = found()
        assert got is not None
        return list(got.diagnostics)

    async def message(self, contains: str) -> types.ShowMessageParams:
        """The first message shown that contains this text, waiting for it."""

        def found() -> types.ShowMessageParams | None:
            return next((m for m in self.shown if contains in m.message), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(found), TIMEOUT)
        got = found()
        assert got is not None
        return got

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
        return await asyncio.wait_for(self.client.text_document_hover_async(params), TIMEOUT)

    async def code_actions(
        self,
        uri: str,
        diagnostics: list[types.Diagnostic],
        at: types.Range | None = None,
        only: list[types.CodeActionKind] | None = None,
    ) -> list[types.CodeAction]:
        where = at or diagnostics[0].range
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=where,
            context=types.CodeActionContext(diagnostics=diagnostics, only=only),
        )
        got = await asyncio.wait_for(self.client.text_document_code_action_async(params), TIMEOUT)
        return [a for a in got or [] if isinstance(a, types.CodeAction)]
