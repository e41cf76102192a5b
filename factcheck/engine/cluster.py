"""The Dask client of one run: connected to a running scheduler, or to a `LocalCluster` started for the run."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from factcheck.engine.choice import EngineChoice

if TYPE_CHECKING:
    from distributed import Client


class ClusterError(Exception):
    """The scheduler could not be reached (a usage error: exit 2)."""


def local_workers(jobs: int | None) -> int:
    """Worker processes of a `LocalCluster`: `jobs`, or every core when it is None or 0."""
    from factcheck.extract.parallel import default_jobs

    return jobs if jobs and jobs > 0 else default_jobs()


def worker_count(client: Client) -> int:
    """The worker processes the client's scheduler has now (at least one)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


@contextmanager
def client_for(choice: EngineChoice, jobs: int | None) -> Iterator[Client]:
    """A client for the run. One thread per worker process: extraction is pure Python and holds the GIL."""
    from distributed import Client, LocalCluster

    if choice.scheduler:
        try:
            client = Client(choice.scheduler, timeout="20s")
        except OSError as exc:  # distributed raises OSError (TimeoutError) when nothing answers
            raise ClusterError(f"cannot reach the Dask scheduler at {choice.scheduler}: {exc}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=local_workers(jobs),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # its status page on a free port: two runs at once do not collide
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client
