"""The editorial check and the CI gate: a corpus report seen from some of its documents (the drafts).

`views(report, focus)` turns each finding into one record per flagged claim in a focus document (a total and
its parts, or a document's currency pairs, once per document): the record points at that claim and carries the
other sources' claims and sentences beside it.
A finding whose flagged claims are all outside the focus (the corpus's own disagreement) is left out; so is a
`hedge_mismatch` seen from the draft that holds only the ceiling (the firm statement is the place to fix).
Each record has a fingerprint that survives line moves and unrelated edits: the rule, the document's path and
the whitespace-normalised text of the claim and of its sentence, never a line number.

Nothing here prints or exits.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from factcheck.gate.cache import ClaimCache
from factcheck.gate.extracts import extract_all_cached
from factcheck.gate.progress import ProgressFactory
from factcheck.load import ARTICLE_SUFFIXES, LoadResult, load
from factcheck.models import SEVERITY_ORDER, Claim, Document, Frozen, Report, Severity
from factcheck.ruleset.rule_set import RuleSet

if TYPE_CHECKING:
    from factcheck.analyse import Suppressions
    from factcheck.gate.baseline import Baseline


class Place(Frozen):
    """A place in an article: the draft's claim, or another source's claim or sentence."""

    path: str
    line: int
    column: int = 1
    text: str = ""  # the claim's exact characters ("" for a sentence shown as evidence)
    quote: str = ""  # the sentence around it
    relation: str = "flagged"  # flagged (the draft's), claim (another flagged claim), related, contradicts...


class GateFinding(Frozen):
    """One finding as seen from one document: where to fix it, and what the other sources say."""

    id: str  # the corpus report's finding id (F1, F2...): stable within one run only
    kind: str
    rule: str
    severity: Severity
    message: str
    weak: bool = False
    place: Place
    others: list[Place] = Field(default_factory=list)
    fingerprint: str


def display_path(path: str | Path) -> str:
    """A path as reports show it: relative to the working folder when inside it, with forward slashes."""
    p = Path(path)
    absolute = p if p.is_absolute() else Path.cwd() / p
    try:
        rel = os.path.relpath(absolute, Path.cwd())
    except ValueError:  # another drive on Windows
        return absolute.as_posix()
    if rel.startswith(".."):
        return Path(os.path.normpath(absolute)).as_posix()
    return Path(rel).as_posix()


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprint(rule: str, path: str, text: str, quote: str) -> str:
    """Rule + path + claim + sentence, whitespace- and case-normalised: no line number, so moves are harmless."""
    key = "\x1f".join(["factcheck/v1", rule, path, _norm(text), _norm(quote)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _claim_place(c: Claim, path: str, relation: str) -> Place:
    return Place(path=path, line=c.line, column=c.column, text=c.text, quote=c.quote, relation=relation)


# A total and its parts, or a document's currency pairs: one problem, reported once at the first claim.
WITHIN_DOCUMENT = {"arithmetic_mismatch", "conversion_mismatch"}


# A `hedge_mismatch` is about the firm amount: a draft that hedges ("up to $10 billion") what a corpus article
# states firm is not where the fix is, and is not told so at its own line ("$10 billion here" would blame it
# for the corpus). The corpus's firm statement is reported where it stands, by `factcheck report`.
FIRM_IS_THE_PLACE = frozenset({"hedge_mismatch"})
CEILING_QUALIFIERS = frozenset({"up_to"})  # as analyse.intervals.CEILINGS (not imported: the CLI starts light)


def views(report: Report, focus: set[str] | None = None) -> list[GateFinding]:
    """Each finding once per flagged claim in a focus document (a document id); a within-document check once
    per document, at its first claim. Every other source's claim and sentence goes beside it.

    `focus=None` means every document: that is what a baseline records.
    """
    claims = {c.id: c for c in report.claims}
    paths = {d.id: display_path(d.path) for d in report.documents}
    out: list[GateFinding] = []
    for f in report.findings:
        flagged = [claims[c] for c in f.claims if c in claims]
        related = [claims[c] for c in f.related if c in claims]
        if not flagged:
            # a finding about a line rather than a claim (an inline directive): its first evidence is the place
            if not f.evidence:
                continue
            e = f.evidence[0]
            if focus is not None and e.document not in focus:
                continue
            path = paths.get(e.document, e.document)
            place = Place(path=path, line=e.line, text=e.quote, quote=e.quote, relation="flagged")
            out.append(
                GateFinding(
                    id=f.id,
                    kind=f.kind,
                    rule=f.rule,
                    severity=f.severity,
                    message=f.message,
                    weak=f.weak,
                    place=place,
                    fingerprint=fingerprint(f.rule, path, e.quote, e.quote),
                )
            )
            continue
        targets = [
            c
            for i, c in enumerate(flagged)
            if (focus is None or c.document in focus)
            and (f.kind not in WITHIN_DOCUMENT or all(o.document != c.document for o in flagged[:i]))
            and not (f.rule in FIRM_IS_THE_PLACE and c.qualifier in CEILING_QUALIFIERS)
        ]
        for primary in targets:
            path = paths.get(primary.document, primary.document)
            others = [_claim_place(c, paths.get(c.document, c.document), "claim") for c in flagged if c is not primary]
            others += [_claim_place(c, paths.get(c.document, c.document), "related") for c in related]
            seen = {(o.path, o.line) for o in others} | {(path, primary.line)}
            for e in f.evidence:
                p = paths.get(e.document, e.document)
                if (p, e.line) in seen:
                    continue
                seen.add((p, e.line))
                others.append(Place(path=p, line=e.line, quote=e.quote, relation=e.relation))
            out.append(
                GateFinding(
                    id=f.id,
                    kind=f.kind,
                    rule=f.rule,
                    severity=f.severity,
                    message=f.message,
                    weak=f.weak,
                    place=_claim_place(primary, path, "flagged"),
                    others=others,
                    fingerprint=fingerprint(f.rule, path, primary.text, primary.quote),
                )
            )
    out.sort(key=lambda g: (g.place.path, g.place.line, g.place.column, SEVERITY_ORDER[g.severity], g.rule))
    return out


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_ORDER[severity] <= SEVERITY_ORDER[threshold]


@dataclass
class GateResult:
    """What `factcheck check` reports: the drafts' findings after every kind of suppression."""

    findings: list[GateFinding]
    drafts: list[str]  # display paths of the checked documents
    corpus: int  # documents read in all (corpus and drafts)
    fail_on: str = "error"
    suppressed_baseline: int = 0
    suppressed_inline: int = 0
    disabled: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[GateFinding]:
        return [f for f in self.findings if at_or_above(f.severity, self.fail_on)]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in ("error", "warning", "info")}


def select(
    report: Report,
    focus_docs: list[Document],
    *,
    fail_on: str = "error",
    disabled: Iterable[str] = (),
    baseline: Baseline | None = None,
) -> GateResult:
    """The findings that involve the focus documents, less disabled rules, inline ignores and the baseline."""
    from factcheck.analyse import Suppressions  # here, not at the top: the analysis is no part of the CLI's start-up

    focus = {d.id for d in focus_docs}
    off = set(disabled)
    found = views(report, focus)
    n_disabled = sum(1 for g in found if g.rule in off)
    found = [g for g in found if g.rule not in off]
    silencers = {display_path(d.path): Suppressions(d) for d in focus_docs}
    kept = [g for g in found if not _silenced(silencers, g)]
    n_inline = len(found) - len(kept)
    n_baseline = 0
    if baseline is not None:
        kept, n_baseline = baseline.filter(kept, key=lambda g: g.fingerprint)
    return GateResult(
        findings=kept,
        drafts=sorted(display_path(d.path) for d in focus_docs),
        corpus=len(report.documents),
        fail_on=fail_on,
        suppressed_baseline=n_baseline,
        suppressed_inline=n_inline,
        disabled=n_disabled,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary(result: GateResult) -> str:
    """One line: what was checked against how many articles, the counts, and what was not shown."""
    c = result.counts()
    drafts = (
        ", ".join(f"`{d}`" for d in result.drafts) if len(result.drafts) <= 5 else _plural(len(result.drafts), "file")
    )
    parts = [
        f"Checked {drafts or 'nothing'} against {_plural(result.corpus, 'article')} in all: "
        f"{_plural(c['error'], 'error')}, {_plural(c['warning'], 'warning')}, {c['info']} info.",
    ]
    hidden = []
    if result.suppressed_baseline:
        hidden.append(f"{result.suppressed_baseline} suppressed by the baseline")
    if result.suppressed_inline:
        hidden.append(f"{result.suppressed_inline} by ignore comments")
    if result.disabled:
        hidden.append(f"{result.disabled} from disabled rules")
    if hidden:
        parts.append("Not shown: " + "; ".join(hidden) + ".")
    return " ".join(parts)


def _silenced(silencers: dict[str, Suppressions], g: GateFinding) -> bool:
    s = silencers.get(g.place.path)
    return s is not None and g.rule != "unknown_directive_rule" and s.silences(g.place.line, g.rule)


def focus_documents(report: Report, draft_files: Iterable[Path]) -> list[Document]:
    """The report's documents that are the given files (compared by resolved path)."""
    wanted = {p.resolve() for p in draft_files}
    return [d for d in report.documents if Path(d.path).resolve() in wanted]


def index(
    paths: Sequence[str | Path],
    ruleset: RuleSet,
    cache: ClaimCache | None = None,
    progress: ProgressFactory | None = None,
    jobs: int | None = 1,
) -> tuple[LoadResult, Report]:
    """Load and analyse a corpus, reusing cached extractions; `progress(total)` may show a bar. The documents
    not in the cache are extracted in `jobs` processes (None = all cores)."""
    from factcheck.pipeline import analyse_extracts

    loaded = load(paths, ruleset.boilerplate)
    loaded.documents = unique_ids(loaded.documents)
    if progress is None:
        extracts = extract_all_cached(loaded.documents, ruleset, cache, jobs=jobs)
    else:
        with progress(len(loaded.documents)) as step:
            extracts = extract_all_cached(loaded.documents, ruleset, cache, step, jobs=jobs)
    return loaded, analyse_extracts(extracts, ruleset, across_parties=False)


def unique_ids(documents: list[Document]) -> list[Document]:
    """Documents whose ids (file stems) clash, `drafts/story.md` and `articles/story.md`, get their path
    (without the suffix) as id, so their claims never mix."""
    counts: dict[str, int] = {}
    for d in documents:
        counts[d.id] = counts.get(d.id, 0) + 1
    out = []
    for d in documents:
        if counts[d.id] > 1:
            p = Path(display_path(d.path))
            d = d.model_copy(update={"id": p.with_suffix("").as_posix() if p.suffix else p.as_posix()})
        out.append(d)
    return out


def article_files(paths: Iterable[Path], within: Sequence[str | Path]) -> list[Path]:
    """The article files among `paths` (by suffix) that lie inside one of `within` (files or folders)."""
    roots = [Path(w).resolve() for w in within]
    out = []
    for p in paths:
        if p.suffix.lower() not in ARTICLE_SUFFIXES or not p.suffix or p.name.startswith("."):
            continue
        r = p.resolve()
        if roots and not any(r == root or root in r.parents for root in roots):
            continue
        out.append(p)
    return out
