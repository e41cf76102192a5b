"""Indexing progress in the editor: the gate's progress bar as LSP work-done progress (`$/progress`).

Extracting a corpus the claim cache does not hold yet (the first start on a corpus, or new rules) takes minutes
on a large archive; the editor shows how far it is. The gate calls the progress factory on the worker thread;
every message goes through the event loop.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from factcheck.gate.progress import ProgressFactory

MIN_TOTAL = 20  # fewer documents than this are extracted without a progress report


def client_progress(server: LanguageServer, loop: asyncio.AbstractEventLoop) -> ProgressFactory | None:
    """A progress factory that reports to the client, or None when the client cannot show progress."""
    window = server.client_capabilities.window
    if window is None or not window.work_done_progress:
        return None

    def send(call: Callable[[], object]) -> None:
        loop.call_soon_threadsafe(call)

    def factory(total: int) -> AbstractContextManager[Callable[[int], None]]:
        @contextmanager
        def bar() -> Iterator[Callable[[int], None]]:
            if total < MIN_TOTAL:
                yield lambda n: None
                return
            token = f"factcheck-index-{uuid.uuid4().hex}"
            progress = server.work_done_progress
            title = "factcheck: indexing the corpus"
            send(lambda: progress.create(token))
            begin = types.WorkDoneProgressBegin(title=title, message=f"0 of {total} articles", percentage=0)
            send(lambda: progress.begin(token, begin))
            done = [0, 0]  # documents, last percentage sent

            def step(n: int) -> None:
                done[0] += n
                percent = min(100, done[0] * 100 // total)
                if percent != done[1]:
                    done[1] = percent
                    report = types.WorkDoneProgressReport(message=f"{done[0]} of {total} articles", percentage=percent)
                    send(lambda: progress.report(token, report))

            try:
                yield step
            finally:
                end = types.WorkDoneProgressEnd(message=f"{done[0]} articles indexed")
                send(lambda: progress.end(token, end))

        return bar()

    return factory
