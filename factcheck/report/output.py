"""Where a command's text goes: standard output, or a file written atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import click


def write_atomic(path: Path, text: str | Callable[[TextIO], None]) -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a report. `text` is
    the text, or a function that writes it to a file (a large report is then never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                text(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(text: str | Callable[[TextIO], None], output: Path | None) -> None:
    if output is None or str(output) == "-":
        if isinstance(text, str):
            sys.stdout.write(text)
        else:
            text(sys.stdout)
    else:
        write_atomic(output, text)
        click.echo(f"factcheck: wrote {output}", err=True)
