"""The drafts open in the editor and their checks, run one at a time on a worker thread.

The event loop (pygls) receives the editor's notifications; the worker thread owns the `ResidentCheck` (the
rules, the open claim cache, the warm corpus). A draft is checked when it is opened and saved, and
`debounce` seconds after the last change; a check whose draft changed again before it ran is skipped, and
its result is published only if the draft is still at the version that was checked. A file saved into the
corpus (or reported changed by the editor's file watcher) makes the next check list the corpus again and
re-checks every open draft; a changed configuration, rule or baseline file sets the check up again, and
while the new setup fails (a malformed rule file) the old one stays in use. Bad input never stops the
server: it is told with `window/showMessage` (each message once) and written to `window/logMessage`.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck.gate import CheckError, CheckOptions, CheckRun, Notice
from factcheck.gate.resident import ResidentCheck
from factcheck.gate.select import display_path
from factcheck.lsp.convert import Flagged, diagnostic, flagged
from factcheck.lsp.progress import client_progress

logger = logging.getLogger(__name__)

LANGUAGES = {"markdown", "plaintext", "text", "mdx"}
SUFFIXES = {".md", ".markdown", ".mdx", ".txt", ".text"}
WARM_UP_TEXT = (
    "Acme Energy said on 3 March 2024 that it would invest up to $5 billion (€4.6 billion) in the grid, "
    "the largest deal of its kind, and that sales rose 12% to 1,200 units.\n"
)
FULL_COLLECTION_EVERY = 200  # checks between two full collections of the cyclic garbage collector
T = TypeVar("T")


@dataclass
class OpenDraft:
    """An open document the server checks."""

    uri: str
    path: Path  # as reports show it: relative to the workspace folder when inside it
    version: int | None
    timer: asyncio.TimerHandle | None = None
    checked: tuple[int, int | None, str] | None = None  # (generation, version, text) of the findings published
    running: tuple[int, int | None, str] | None = None  # the same, of the check on its way
    flagged: list[Flagged] = field(default_factory=list)


class Session:
    """See the module doc."""

    def __init__(self, server: LanguageServer, options: CheckOptions, debounce: float) -> None:
        self.server = server
        self.options = options
        self.debounce = debounce
        self.drafts: dict[str, OpenDraft] = {}
        self.resident: ResidentCheck | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")
        self.closing = False
        self.checks = 0  # checks run (for the log)
        self.generation = 0  # goes up when the corpus or the settings change: every draft is checked again
        self._told: set[str] = set()
        self._tasks: set[asyncio.Task] = set()
        self._loop: asyncio.AbstractEventLoop | None = None  # set by `start`

    # -- the worker thread ---------------------------------------------------------------------------
    async def _in_worker(self, call: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, call, *args)

    def _setup(self) -> list[Notice]:
        """(worker) Set the check up from the options and the workspace's configuration; keep the old setup
        when the new one fails. Then warm it: list the corpus, compile the patterns."""
        progress = client_progress(self.server, self._loop) if self._loop is not None else None
        kept = " (the previous settings stay in use)" if self.resident is not None else ""
        try:
            resident = ResidentCheck(self.options, progress)
        except CheckError as exc:
            return [*exc.notices, Notice("error", exc.message + kept)]
        except Exception:  # a bug must not stop the server: say it, keep the state
            logger.exception("setting up failed")
            return [Notice("error", f"setting up failed{kept}:\n{traceback.format_exc(limit=8)}")]
        if self.resident is not None:
            self.resident.close()
        self.resident = resident
        notices = list(resident.notices)
        try:
            resident.check(Path(".factcheck-warm-up.md"), WARM_UP_TEXT)
        except CheckError as exc:
            notices.append(Notice("error", exc.message))
        except Exception:
            logger.exception("warming up failed")
            notices.append(Notice("error", f"warming up failed:\n{traceback.format_exc(limit=8)}"))
        return notices

    def _check(self, draft: OpenDraft, text: str, version: int | None) -> CheckRun | list[Notice] | None:
        """(worker) The draft's findings; None when there is nothing to do; notices when it cannot be done."""
        if self.resident is None or self.closing or draft.version != version:
            return None  # no usable setup, or a newer version is on its way
        try:
            self.checks += 1
            return self.resident.check(draft.path, text)
        except CheckError as exc:
            return [*exc.notices, Notice("error", exc.message)]
        except Exception:  # a bug must not stop the server: say it, keep the state
            logger.exception("checking %s failed", draft.path)
            return [Notice("error", f"checking {draft.path} failed:\n{traceback.format_exc(limit=8)}")]

    def _changed_files(self, paths: list[Path]) -> tuple[str, list[Notice]]:
        """(worker) React to changed files: set up again for a settings file ("settings"), list the corpus
        again for one of its articles ("corpus"); else "" (nothing to do)."""
        resident = self.resident
        if resident is None or any(resident.settings_changed_by(p) for p in paths):
            return "settings", self._setup()
        if any(resident.in_corpus(p) for p in paths):
            resident.corpus_changed()
            return "corpus", []
        return "", []

    def _tidy(self) -> None:
        """(worker, between checks) Keep the cyclic garbage collector off the warm state. A check leaves no
        cyclic garbage, but each allocates enough to set off full collections, which would walk the rules, the
        name knowledge and the extractions kept (100 ms and more on a large corpus): what is alive after a
        check is frozen out of collection, and now and then unfrozen for one full collection."""
        if self.checks % FULL_COLLECTION_EVERY == 0:
            gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _close(self) -> None:
        if self.resident is not None:
            self.resident.close()
            self.resident = None

    # -- the event loop ------------------------------------------------------------------------------
    async def start(self) -> None:
        """(loop) Set up, then check the drafts opened meanwhile."""
        self._loop = asyncio.get_running_loop()
        self.tell(await self._in_worker(self._setup))
        self._spawn(self._in_worker(self._tidy))
        for uri in self.drafts:
            self.schedule(uri, 0.0)

    def opened(self, item: types.TextDocumentItem) -> None:
        path = _draft_path(item.uri)
        if path is None or (item.language_id not in LANGUAGES and path.suffix.lower() not in SUFFIXES):
            return
        self.drafts[item.uri] = OpenDraft(item.uri, path, item.version)
        self.schedule(item.uri, 0.0)

    def changed(self, uri: str, version: int | None) -> None:
        draft = self.drafts.get(uri)
        if draft is not None:
            draft.version = version
            self.schedule(uri, self.debounce)

    def saved(self, uri: str) -> None:
        path = to_fs_path(uri)
        if uri in self.drafts:
            self.schedule(uri, 0.0)
        if path is not None:
            self.files_changed([Path(path)])

    def closed(self, uri: str) -> None:
        draft = self.drafts.pop(uri, None)
        if draft is not None:
            if draft.timer is not None:
                draft.timer.cancel()
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def files_changed(self, paths: Iterable[Path]) -> None:
        self._spawn(self._files_changed(list(paths)))

    async def _files_changed(self, paths: list[Path]) -> None:
        if self.closing:
            return
        what, notices = await self._in_worker(self._changed_files, paths)
        if what == "settings":
            self._told.clear()  # the new settings' messages are news
        self.tell(notices)
        if what:
            self.recheck_all()

    def recheck_all(self) -> None:
        self.generation += 1
        for uri in self.drafts:
            self.schedule(uri, 0.0)

    def schedule(self, uri: str, delay: float) -> None:
        draft = self.drafts.get(uri)
        if draft is None or self.closing or self._loop is None:
            return  # before `start`: it checks every draft opened by then
        if draft.timer is not None:
            draft.timer.cancel()
        draft.timer = self._loop.call_later(delay, lambda: self._spawn(self._check_draft(uri)))

    def _spawn(self, coroutine: object) -> None:
        task = asyncio.ensure_future(coroutine)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _check_draft(self, uri: str) -> None:
        draft = self.drafts.get(uri)
        if draft is None or self.closing:
            return
        document = self.server.workspace.get_text_document(uri)
        text, version = document.source, document.version
        draft.version = version
        key = (self.generation, version, text)
        if key in (draft.checked, draft.running):
            return  # checked, or on its way
        draft.running = key
        try:
            found = await self._in_worker(self._check, draft, text, version)
        finally:
            if draft.running == key:
                draft.running = None
        if isinstance(found, list):
            self.tell(found)
            return
        if found is None or self.drafts.get(uri) is not draft or draft.version != version or self.closing:
            return  # closed, or changed again: the newer version's check publishes
        draft.flagged = flagged(found.result.findings, text, document.position_codec)
        draft.checked = key
        diagnostics = [diagnostic(f.finding, f.range) for f in draft.flagged]
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )
        self.tell(found.notices)
        self._spawn(self._in_worker(self._tidy))

    def tell(self, notices: Iterable[Notice]) -> None:
        """Show each warning and error once (and log it); log the rest."""
        for notice in notices:
            text = f"factcheck: {notice}"
            if notice.level == "info":
                kind = types.MessageType.Info
            else:
                kind = types.MessageType.Error if notice.level == "error" else types.MessageType.Warning
            if text in self._told:
                continue
            self._told.add(text)
            self.server.window_log_message(types.LogMessageParams(type=kind, message=text))
            if notice.level != "info":
                self.server.window_show_message(types.ShowMessageParams(type=kind, message=text))

    async def shutdown(self) -> None:
        self.closing = True
        for draft in self.drafts.values():
            if draft.timer is not None:
                draft.timer.cancel()
        await self._in_worker(self._close)
        self.executor.shutdown(wait=False)


def _draft_path(uri: str) -> Path | None:
    """The path of a file URI, as reports show it; None for another scheme (an untitled buffer)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(display_path(path)) if path else None
