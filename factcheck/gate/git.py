"""Files that git reports as added or modified since a revision (for `check --changed-since`).

`git diff --name-status -M -z REF` compares REF with the working tree, so committed and uncommitted changes
both count; renames are followed to the new path; deletions are left out. Untracked files that are not
ignored (`git ls-files --others --exclude-standard`) count as added: a new draft need not be staged first.
`-z` output keeps paths with spaces or quotes intact. Nothing here prints or exits.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, this is not a repository, or the revision is unknown; the message says which."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed (needed for --changed-since)") from exc
    if proc.returncode != 0:
        raise GitError(f"git {' '.join(args[:2])}: {proc.stderr.strip() or f'exit status {proc.returncode}'}")
    return proc.stdout


def changed_files(ref: str, cwd: Path | None = None) -> list[Path]:
    """Added, modified, renamed-to, copied-to and untracked files since `ref`, as paths relative to `cwd`."""
    cwd = cwd or Path.cwd()
    if ref.startswith("-"):
        raise GitError(f"{ref!r} is not a revision")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitError:
        raise GitError(f"--changed-since: unknown revision {ref!r}") from None
    fields = _git(["diff", "--name-status", "-M", "-z", "--no-color", ref, "--"], cwd).split("\0")
    names: list[str] = []
    i = 0
    while i < len(fields):
        status = fields[i]
        if not status:
            i += 1
            continue
        if status[0] in "RC":  # rename or copy: old path, new path
            names.append(fields[i + 2])
            i += 3
            continue
        if status[0] in "AMT":
            names.append(fields[i + 1])
        i += 2  # D (deleted), U (unmerged) and the rest are not checked
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top).split("\0")
    names += [n for n in untracked if n]
    out: list[Path] = []
    seen: set[Path] = set()
    for name in names:
        absolute = top / name
        if absolute in seen or not absolute.is_file():
            continue
        seen.add(absolute)
        try:
            out.append(absolute.relative_to(cwd.resolve()))
        except ValueError:
            out.append(absolute)
    return sorted(out)
