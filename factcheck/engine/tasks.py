"""What a Dask worker runs: read a batch of files and extract each, a pure function of the file and the rules.

A task's result depends only on its arguments, so a task lost with its worker is simply run again elsewhere
(the scheduler does that) and the run's output does not change.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.extract import EntityFinder, extract_document
from factcheck.load import read_document
from factcheck.load.files import InputError
from factcheck.models import Document, DocumentExtract, NameFacts, replace
from factcheck.ruleset.rule_set import RuleSet


class FileTask(BaseModel):
    """One file to read: its place in the corpus's order, its path, whether it was named on the command line
    (an unreadable named file is an error, one found in a folder a warning) and the id it gets if every file
    can be read (`load.planned_ids`)."""

    model_config = ConfigDict(frozen=True)

    position: int
    path: str
    named: bool
    planned_id: str


def fold_names(facts: list[NameFacts]) -> NameFacts:
    """What these documents teach about names, in their order, as one `NameFacts`: the index merged from the
    folds of consecutive batches, in batch order, is the index merged from every document (`merge_facts`
    unions the known names and roles, sums the surface counts, keeps the first owner and creator)."""
    known: dict[str, None] = {}
    surfaces: dict[tuple[str, str], int] = {}  # a count of 0 is kept: the merge tells it from no entry
    owner: dict[str, str] = {}
    creator: dict[str, str] = {}
    roles: dict[tuple[str, str], None] = {}
    for f in facts:
        known.update(dict.fromkeys(f.known))
        for k, bare, n in f.surfaces:
            surfaces[(k, bare)] = surfaces.get((k, bare), 0) + n
        for product, who in f.owner:
            owner.setdefault(product, who)
        for product, who in f.creator:
            creator.setdefault(product, who)
        roles.update(dict.fromkeys(f.roles))
    return NameFacts(
        known=list(known),
        surfaces=[(k, bare, n) for (k, bare), n in surfaces.items()],
        owner=list(owner.items()),
        creator=list(creator.items()),
        roles=list(roles),
    )


class FileOutcome(BaseModel):
    """A file's result: its extract, or the message that says why it could not be used."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    position: int
    extract: DocumentExtract | None = None
    error: str | None = None
    named: bool = True


class BatchOutcome(BaseModel):
    """A batch's files and the fold of their name facts (the map side of the name index's reduction)."""

    model_config = ConfigDict(frozen=True)

    files: list[FileOutcome]
    names: NameFacts


# the finder compiles the rules' name patterns: once per worker process and rule set, not once per task
_finder: tuple[RuleSet, EntityFinder] | None = None


def _finder_for(ruleset: RuleSet) -> EntityFinder:
    global _finder
    if _finder is None or _finder[0] is not ruleset:
        _finder = (ruleset, EntityFinder(ruleset.entities))
    return _finder[1]


def read_and_extract(batch: list[FileTask], ruleset: RuleSet) -> BatchOutcome:
    """Each file of the batch read (`load.read_document`) and extracted, in the batch's order, with the fold of
    their name facts."""
    finder = _finder_for(ruleset)
    out: list[FileOutcome] = []
    for task in batch:
        try:
            doc = read_document(Path(task.path), ruleset.boilerplate)
        except InputError as exc:
            out.append(FileOutcome(position=task.position, error=str(exc), named=task.named))
            continue
        if doc.id != task.planned_id:
            doc = replace(doc, id=task.planned_id)
        out.append(FileOutcome(position=task.position, extract=extract_document(doc, ruleset, finder)))
    return BatchOutcome(files=out, names=fold_names([o.extract.names for o in out if o.extract is not None]))


def extract_documents(documents: list[Document], ruleset: RuleSet) -> list[DocumentExtract]:
    """Documents already read (the gate's cache fill), extracted in order."""
    finder = _finder_for(ruleset)
    return [extract_document(d, ruleset, finder) for d in documents]
