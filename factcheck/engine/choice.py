"""The engine a command runs on, as chosen on the command line, and the choice in force for the gate."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from pydantic import BaseModel, ConfigDict

Engine = Literal["local", "dask"]


class EngineChoice(BaseModel):
    """`local`: this process and a process pool (`--jobs`); `dask`: the scheduler at `scheduler`, or a
    `LocalCluster` of `--jobs` worker processes started for the run when it is None."""

    model_config = ConfigDict(frozen=True)

    engine: Engine = "local"
    scheduler: str | None = None


LOCAL = EngineChoice()

# the gate reaches extraction through several layers that pass `jobs` along; the engine travels beside it
_current: ContextVar[EngineChoice] = ContextVar("factcheck_engine", default=LOCAL)


def current() -> EngineChoice:
    return _current.get()


@contextmanager
def using(choice: EngineChoice) -> Iterator[None]:
    """Make `choice` the engine of `extract_many` while the block runs."""
    token = _current.set(choice)
    try:
        yield
    finally:
        _current.reset(token)
