"""Project configuration: `[tool.factcheck]` in pyproject.toml, or a `.factcheck.toml` (top-level keys).

The nearest file wins, looking in the working folder and then its parents; in one folder `.factcheck.toml`
comes before `pyproject.toml` (a pyproject.toml without `[tool.factcheck]` is passed over). Keys are
kebab-case (snake_case is accepted too), validated by pydantic; an error names the file and the key.
Relative paths are read from the config file's folder. Command-line options win over the file.
Nothing here prints or exits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError

FORMATS = ("markdown", "json", "sarif", "github", "text")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True)


class Tolerances(_Strict):
    """Overrides of `rules/numbers.yaml`'s tolerances."""

    rate: float | None = Field(default=None, ge=0, lt=1)  # relative slack for currency conversion
    min_relative: float | None = Field(default=None, ge=0, lt=1)  # numbers below stated precision still agree


class Config(_Strict):
    corpus: list[str] = Field(default_factory=list)  # files or folders the drafts are checked against
    rules: list[str] = Field(default_factory=list)  # extra rule folders (like --rules)
    disable: list[str] = Field(default_factory=list)  # rule ids never reported
    fail_on: Literal["error", "warning", "info"] = "error"
    format: Literal["markdown", "json", "sarif", "github", "text"] | None = None
    baseline: str | None = None  # a baseline file used by `check` when it exists
    cache: bool = True
    cache_dir: str = ".factcheck"
    tolerances: Tolerances = Field(default_factory=Tolerances)


class LoadedConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    config: Config
    path: Path | None = None  # the file it came from; None = defaults

    def resolve(self, value: str) -> Path:
        """A path from the file, relative to the file's folder."""
        p = Path(value)
        if p.is_absolute() or self.path is None:
            return p
        return self.path.parent / p


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def parse(path: Path) -> LoadedConfig:
    """Read one configuration file (`.factcheck.toml`, or a pyproject.toml's `[tool.factcheck]`)."""
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
        prefix = "tool.factcheck."
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {prefix.rstrip('.') or '(top)'}: must be a table")
    try:
        return LoadedConfig(config=Config.model_validate(data), path=path)
    except ValidationError as exc:
        lines = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e["loc"]) or "(top)"
            lines.append(f"{path}: {prefix}{loc}: {e['msg']}")
        raise ConfigError("\n".join(lines)) from exc


def find(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above `start` (default: the working folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dot = folder / ".factcheck.toml"
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                data = _read_toml(py)
            except ConfigError:
                return py  # let parse() report it
            if isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]:
                return py
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> LoadedConfig:
    """The explicit file, else the nearest one, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        return parse(explicit)
    found = find(start)
    return parse(found) if found else LoadedConfig(config=Config())


def apply_tolerances(ruleset: object, tolerances: Tolerances) -> None:
    """Put the configured tolerances into the rule set's numbers lexicon (in place)."""
    updates = {}
    if tolerances.rate is not None:
        updates["rate_tolerance"] = tolerances.rate
    if tolerances.min_relative is not None:
        updates["min_relative_tolerance"] = tolerances.min_relative
    if updates:
        lexicons = ruleset.lexicons  # type: ignore[attr-defined]
        ruleset.lexicons = {**lexicons, "numbers": lexicons["numbers"].model_copy(update=updates)}  # type: ignore[attr-defined]
        ruleset.overrides = {**getattr(ruleset, "overrides", {}), **updates}  # type: ignore[attr-defined]
