"""The language server: pygls features over the session (factcheck/lsp/session.py).

`serve(options, debounce)` runs it over stdio until the editor sends `exit` (or closes the pipe). Capabilities:
incremental text sync with open, close and save; hover; code actions (quick fixes). The workspace folder (the
first one, else the root) becomes the working folder, so that the configuration is found, and paths are shown,
as `factcheck check` run there finds and shows them.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import FeatureRequestError, JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.gate import CheckOptions
from factcheck.lsp.convert import SOURCE, diagnostic, hover_markdown, ignore_edit
from factcheck.lsp.session import OpenDraft, Session

if TYPE_CHECKING:
    from pygls.server import ServerErrors

WATCHED = ["**/*.{md,markdown,mdx,txt,text,html,htm}", "**/*.{yaml,yml}", "**/.factcheck.toml", "**/pyproject.toml"]


def _workspace_root(params: types.InitializeParams) -> Path | None:
    uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
    path = to_fs_path(uri) if uri else params.root_path
    return Path(path) if path and Path(path).is_dir() else None


_ANSWERED = object()  # a request answered with an error while it was read: nothing more to do


class FactcheckProtocol(LanguageServerProtocol):
    """pygls's protocol, answering a request it cannot read (bad parameters) with an LSP error rather than
    leaving the editor waiting for an answer."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
                return _ANSWERED
            raise

    def handle_message(self, message: Any) -> None:
        if message is not _ANSWERED:
            super().handle_message(message)


class FactcheckServer(LanguageServer):
    """pygls's server, telling the writer in factcheck's words about a message it could not read."""

    def report_server_error(self, error: Exception, source: ServerErrors) -> None:
        if source is FeatureRequestError:
            return  # the request's error response says it
        if isinstance(error, UnicodeDecodeError):
            text = f"factcheck: a message from the editor was not UTF-8 ({error}); it was ignored"
        else:
            text = f"factcheck: a message from the editor could not be handled ({error}); it was ignored"
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=text))


def build_server(options: CheckOptions, debounce: float) -> LanguageServer:
    """The server, its features registered; not started."""
    server = FactcheckServer(
        "factcheck",
        __version__,
        text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        protocol_cls=FactcheckProtocol,
    )
    session = Session(server, options, debounce)
    server.session = session  # type: ignore[attr-defined]  # for tests and the benchmark

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        root = _workspace_root(params)
        if root is not None:
            os.chdir(root)

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        _watch_files(server)
        await session.start()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.opened(params.text_document)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.changed(params.text_document.uri, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        session.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(change.uri) for change in params.changes]
        session.files_changed(Path(p) for p in paths if p)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        draft = session.drafts.get(params.text_document.uri)
        if draft is None:
            return None
        here = [f for f in draft.flagged if f.contains(params.position)]
        if not here:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=hover_markdown([f.finding for f in here])
            ),
            range=here[0].range,
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        draft = session.drafts.get(uri)
        only = params.context.only
        if draft is None or (only and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only)):
            return None
        wanted = [d for d in params.context.diagnostics if d.source == SOURCE and isinstance(d.code, str)]
        if not wanted:  # asked for a range, not for diagnostics: the findings there
            start, end = params.range.start, params.range.end
            wanted = [
                d
                for d in _published(draft)
                if (d.range.start.line, d.range.start.character) <= (end.line, end.character)
                and (start.line, start.character) <= (d.range.end.line, d.range.end.character)
            ]
        document = server.workspace.get_text_document(uri)
        actions: list[types.CodeAction] = []
        seen: set[tuple[int, str]] = set()
        for d in wanted:
            rule = str(d.code)
            if (d.range.start.line, rule) in seen:
                continue
            seen.add((d.range.start.line, rule))
            edit = ignore_edit(document.source, d.range.start.line, rule, document.position_codec)
            if edit is None:
                continue
            actions.append(
                types.CodeAction(
                    title=f"Ignore {rule} in this paragraph (<!-- factcheck: ignore {rule} -->)",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions

    @server.feature(types.SHUTDOWN)
    async def shutdown(params: None) -> None:
        await session.shutdown()

    return server


def _published(draft: OpenDraft) -> list[types.Diagnostic]:
    return [diagnostic(f.finding, f.range) for f in draft.flagged]


def _watch_files(server: LanguageServer) -> None:
    """Ask the client to report changes to articles, rule files and configuration files, when it can."""
    workspace = server.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace is not None else None
    if watched is None or not watched.dynamic_registration:
        return  # saves in the editor are still seen, and the corpus is listed again every 30 s
    registration = types.Registration(
        id="factcheck-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
        ),
    )
    server.client_register_capability(types.RegistrationParams(registrations=[registration]))


def serve(options: CheckOptions, debounce: float) -> None:
    """Run the server over stdio until the editor ends it."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="factcheck lsp: %(levelname)s: %(message)s")
    build_server(options, debounce).start_io()
