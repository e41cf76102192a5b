"""How a long check reports on itself: the progress-bar factory a caller may pass, and the phase timings."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

# progress(total) -> a context manager yielding step(n), called as documents are extracted
ProgressFactory = Callable[[int], AbstractContextManager[Callable[[int], None]]]


class Clock:
    """Phase timings (`check --timings`): each lap is the time since the previous one."""

    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}
        self.analysed: int | str = "all"  # documents analysed with the drafts

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.t
        self.t = now
