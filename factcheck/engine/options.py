"""The command line's `--engine` and `--scheduler` options, folded into one `EngineChoice` argument."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from factcheck.engine.choice import EngineChoice

ENGINE_HELP = (
    "Where to run: local (this machine, --jobs processes) or dask (a Dask cluster; the report is the same "
    "bytes). See docs/scaling.md."
)
SCHEDULER_HELP = (
    "With --engine dask: the scheduler's address (tcp://host:8786). Default: a LocalCluster of --jobs worker "
    "processes on this machine."
)


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add `--engine` and `--scheduler` to a command; it receives them as `engine: EngineChoice`."""

    @functools.wraps(f)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        choice = EngineChoice(engine=kwargs.pop("engine_name"), scheduler=kwargs.pop("scheduler"))
        if choice.scheduler and choice.engine != "dask":
            raise click.UsageError("--scheduler needs --engine dask")
        return f(*args, engine=choice, **kwargs)

    wrapped = click.option("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP)(wrapped)
    return click.option(
        "--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True,
        help=ENGINE_HELP,
    )(wrapped)  # fmt: skip
