"""Rule files: one YAML file per rule family in `rules/`, validated by pydantic.

A file is a mapping with a `family`, a `description`, optional `rules` (checks that produce findings,
each with id, severity, message and examples) and an optional `lexicon` (knowledge the stages use:
units, hedges, metric words, superlative words, aliases). Errors name the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.models import Severity
from factcheck.ruleset import yamlsafe


class RuleFileError(Exception):
    """A rule file that cannot be used; the message names the file and the field."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# An example is one document's text, or a list of texts read as a corpus of several documents.
Example = str | list[str]


class Examples(Strict):
    match: list[Example] = Field(min_length=1)
    no_match: list[Example] = Field(min_length=1)


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    severity: Severity
    message: str
    description: str
    examples: Examples


class RuleFile(Strict):
    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    rules: list[Rule] = Field(default_factory=list)
    lexicon: dict[str, Any] = Field(default_factory=dict)
    examples: Examples | None = None


def default_rules_dir() -> Path:
    """The shipped rules: `factcheck/rules` in an installed wheel, `rules/` beside the package in a checkout."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleFileError(f"{here}: no rules folder found (looked for factcheck/rules and rules/)")


def _format_error(path: Path, err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(top)"
        parts.append(f"{path}: {loc}: {e['msg']}")
    return "\n".join(parts)


def read_rule_file(path: Path) -> RuleFile:
    return read_rule_file_bytes(path)[0]


def read_rule_file_bytes(path: Path) -> tuple[RuleFile, bytes]:
    """The rule file and the bytes it was read from (what a digest of the rules must cover)."""
    try:
        data = path.read_bytes()
        raw = yamlsafe.load(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleFileError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except (RecursionError, ValueError, OverflowError) as exc:
        # nested thousands deep ("[[[[..."), or a value YAML reads as a date that is none ("2725-76-72")
        problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise RuleFileError(f"{path}: invalid YAML: {problem}") from exc
    if not isinstance(raw, dict):
        raise RuleFileError(f"{path}: (top): a rule file must be a mapping")
    try:
        return RuleFile.model_validate(raw), data
    except ValidationError as exc:
        raise RuleFileError(_format_error(path, exc)) from exc


def validate_lexicon(path: Path, model: type[BaseModel], data: dict[str, Any], validated: bool = False) -> Any:
    """The lexicon as its family's model; `validated`: these exact files validated before, so the patterns
    need not be compiled to be checked (see ruleset._check_patterns)."""
    try:
        lexicon = model.model_validate(data, context={"validated": validated})
    except ValidationError as exc:
        lines = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e["loc"])
            lines.append(f"{path}: lexicon.{loc}: {e['msg']}")
        raise RuleFileError("\n".join(lines)) from exc
    if "_source" in (getattr(model, "__private_attributes__", None) or {}):
        lexicon._source = str(path)  # named when one of its patterns is malformed or runs out of time
    return lexicon
