"""The whole pipeline as one library call: paths -> Report. Nothing here prints or exits."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.analyse import Stages, align, compare, to_facts, unknown_directive_findings
from factcheck.analyse.intervals import year_of
from factcheck.extract import EntityFinder, EntityIndex, extract_document, extract_many, prestarted
from factcheck.extract.corpus import Corpus, assemble, resolve_names
from factcheck.extract.independence import Independence
from factcheck.load import LoadResult, collect, planned_ids, read_documents, unique_ids
from factcheck.models import (
    SEVERITY_ORDER,
    Claim,
    Document,
    DocumentExtract,
    Finding,
    Report,
    replace,
    share_fields,
)
from factcheck.ruleset.rule_set import RuleSet


@dataclass
class RunResult:
    report: Report
    errors: list[str] = field(default_factory=list)  # inputs that could not be used
    warnings: list[str] = field(default_factory=list)


def extract_all(documents: list[Document], ruleset: RuleSet, jobs: int | None = 1) -> list[DocumentExtract]:
    """Every document's extraction, in input order; `jobs` processes (None = all cores), same output as 1."""
    return extract_many(documents, ruleset, jobs)


def analyse(documents: list[Document], ruleset: RuleSet, jobs: int | None = 1) -> Report:
    return analyse_extracts(extract_all(unique_ids(documents), ruleset, jobs), ruleset)


def analyse_extracts(
    extracts: list[DocumentExtract],
    ruleset: RuleSet,
    across_parties: bool = True,
    index: EntityIndex | None = None,
    stages: Stages | None = None,
) -> Report:
    """The report of these extractions; `across_parties` off aligns numbers by their blocks alone, as `check`
    does (analyse/joining.py). `index`, when given, is the name index of these extracts, merged elsewhere (the
    Dask engine reduces it on its workers); by default it is merged here. `stages`: where the facts are
    aligned and compared (analyse/stages.py)."""
    with _collector_paused():
        return _analyse(extracts, ruleset, across_parties, index, stages or Stages())


def _assemble(
    extracts: list[DocumentExtract], ruleset: RuleSet, index: EntityIndex | None
) -> tuple[Corpus, list[Claim]]:
    if index is None:
        return assemble(extracts, ruleset)
    documents = [e.document for e in extracts]  # as `assemble` does, around the index given
    claims = [resolve_names(c, index) for e in extracts for c in e.claims]
    return Corpus(documents, extracts, index, EntityFinder(ruleset.entities), Independence(documents)), claims


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading and analysing a corpus makes millions of objects that live to the end and no reference cycles.
    Python's cycle collector would walk them again each time enough new ones pile up, more often as the heap
    grows (at 16,000 articles, 15% of the analysis) and find nothing; it is paused meanwhile and restored
    after, so what it would have found is still collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse(
    extracts: list[DocumentExtract],
    ruleset: RuleSet,
    across_parties: bool,
    index: EntityIndex | None,
    stages: Stages,
) -> Report:
    corpus, claims = _assemble(extracts, ruleset, index)
    documents = corpus.documents
    aligners = (stages.align_numbers, stages.align_dates, stages.align_superlatives)
    years = {d.id: year_of(d.date) for d in documents}
    mentions = {e.document.id: [(k, n) for k, _, n in e.names.surfaces] for e in corpus.extracts}
    groups = align(claims, ruleset, corpus.index, across_parties, *aligners, years=years, mentions=mentions)
    comparison = compare(groups, claims, corpus, ruleset, stages.compare_numbers, stages.compare_dates)
    facts = to_facts(groups, comparison.statuses, corpus.index)
    del groups  # from here on the resolved claims are only in `claims`: each goes as its named copy replaces it
    index = corpus.index
    named: list[Claim] = claims
    for i, c in enumerate(claims):
        named[i] = replace(
            c,
            subject=index.name(c.subject) if c.subject != "?" else None,
            object=c.object if c.kind in ("superlative", "exclusivity") else index.name(c.object),
            entities=[index.name(e) or e for e in c.entities],
        )
    findings = numbered(comparison.findings, documents, ruleset)
    return Report(
        documents=documents,
        claims=named,
        facts=facts,
        findings=findings,
        checks=comparison.checks,
        corroborations=comparison.corroborations,
        rules_fired=sorted({f.rule for f in findings}),
    )


def numbered(findings: list[Finding], documents: list[Document], ruleset: RuleSet) -> list[Finding]:
    """The findings and those of comments that name unknown rules, sorted by severity and numbered once."""
    merged = [*findings, *unknown_directive_findings(documents, ruleset)]
    order = sorted(range(len(merged)), key=lambda i: (SEVERITY_ORDER[merged[i].severity], i))
    return [merged[i].model_copy(update={"id": f"F{n}"}) for n, i in enumerate(order, 1)]


def run(paths: Sequence[str | Path], ruleset: RuleSet, jobs: int | None = 1) -> RunResult:
    entries, errors, warnings = collect(paths)
    loaded = LoadResult(errors=errors, warnings=warnings)
    # each document gets the id it will have if every file can be read, so that it can be extracted at once
    paths_read = [str(f) for f, _ in entries]
    planned = dict(zip(paths_read, planned_ids(paths_read), strict=True))
    documents = loaded.documents

    def read() -> Iterator[Document]:
        for doc in read_documents(entries, ruleset.boilerplate, loaded):
            if planned[doc.path] != doc.id:
                doc = replace(doc, id=planned[doc.path])
            # every line of every document is a model of its own: share their sets of field names (models.Frozen)
            share_fields((doc,))
            share_fields(doc.lines)
            documents.append(doc)
            yield doc

    # the workers are forked before the corpus fills this process, and extract while it reads the rest
    with _collector_paused(), prestarted(ruleset, jobs, len(entries)):
        extracts = extract_many(read(), ruleset, jobs, expected=len(entries))
        # a file that could not be read can leave its namesake the only one of its name: that id changes
        finder: EntityFinder | None = None
        for i, want in enumerate(planned_ids([d.path for d in documents])):
            if want != documents[i].id:
                finder = finder or EntityFinder(ruleset.entities)
                documents[i] = replace(documents[i], id=want)
                extracts[i] = extract_document(documents[i], ruleset, finder)
        report = analyse_extracts(extracts, ruleset)
    return RunResult(report=report, errors=loaded.errors, warnings=loaded.warnings)
