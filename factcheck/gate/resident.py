"""`check_drafts` for a process that stays up (the language server): set up once, then one draft at a time,
read from memory.

    resident = ResidentCheck(CheckOptions())     # the configuration, the rules and the claim cache, once
    run = resident.check(Path("drafts/story.md"), text)  # a CheckRun, as check_drafts returns for that draft
    resident.corpus_changed()                    # a corpus file was saved: list and validate it again
    resident.close()

The configuration, the rules (patterns compiled), the open claim cache and what `WarmState` keeps (the corpus's
listing, the extractions read lately) stay in memory; each check extracts only its draft. A draft inside the
corpus is checked against the corpus as it is on disk (see `index.check`); once the text is saved, the findings
are those `factcheck check` gives. Without a usable claim cache (`cache = false`, or a store that cannot be
opened) a private one in a temporary folder is used, and removed by `close`.

A ResidentCheck is used by one thread (SQLite connections belong to the thread that opened them). Nothing here
prints.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from factcheck.gate import select as gate
from factcheck.gate.cache import ClaimCache
from factcheck.gate.check import CheckError, CheckOptions, CheckRun, Notice, check_setup
from factcheck.gate.progress import Clock, ProgressFactory
from factcheck.gate.warm import WarmState
from factcheck.ruleset.rule_set import RuleSet
from factcheck.ruleset.saferegex import RegexTimeout


class ResidentCheck:
    """See the module doc. Raises CheckError, as `check_drafts` does, when the setup cannot be used."""

    def __init__(self, options: CheckOptions, progress: ProgressFactory | None = None) -> None:
        self.options = options
        self.setup = check_setup(options)
        self.baseline = self.setup.read_baseline()
        self.progress = progress
        self.notices: list[Notice] = []  # about the setup: a rebuilt or private cache
        self._private: Path | None = None
        cache = self.setup.cache
        if cache is not None:
            cache.__enter__()
            if cache.rebuilt:
                self.notices.append(Notice("warning", f"claim cache {cache.path} was rebuilt ({cache.rebuilt})"))
        if cache is None or not cache.usable:
            self._private = Path(tempfile.mkdtemp(prefix="factcheck-cache-"))
            cache = ClaimCache(self._private)
            cache.__enter__()
            if not cache.usable:
                self.close()
                raise CheckError(f"no claim cache can be used ({cache.rebuilt})")
        self.cache = cache
        cache.mark_rules_validated(self.setup.ruleset.digest)
        cache.commit()
        self.warm = WarmState(self.setup.ruleset)
        self._roots = [Path(p).resolve() for p in self.setup.corpus]

    @property
    def ruleset(self) -> RuleSet:
        return self.setup.ruleset

    def check(self, path: Path, text: str) -> CheckRun:
        """The draft at `path` (as reports show it; the file need not exist), its text `text`, against the
        corpus: the findings that involve it after disabled rules, ignore comments and the baseline.
        CheckError when a rule pattern runs out of time."""
        from factcheck.gate import index

        clock = Clock()
        try:
            checked = index.check(
                [path],
                self.setup.corpus,
                self.setup.ruleset,
                self.cache,
                self.options.jobs or None,
                self.progress,
                texts={str(path): text},
                warm=self.warm,
            )
        except RegexTimeout as exc:  # a rule-file pattern that ran out of time is a malformed rule
            raise CheckError(str(exc)) from exc
        clock.laps.update(checked.timings)
        clock.analysed = 1 + checked.selected
        loaded, report = checked.loaded, checked.report
        notices = [Notice("warning", w) for w in loaded.warnings] + [Notice("error", e) for e in loaded.errors]
        focus = loaded.documents  # the draft (none if it could not be read): `focus_documents` without resolving
        result = gate.select(
            report, focus, fail_on=self.setup.fail_on, disabled=self.setup.disabled, baseline=self.baseline
        )
        result.corpus = checked.documents
        result.errors = list(loaded.errors)
        return CheckRun(
            result=result, notices=notices, ruleset=self.setup.ruleset, config=self.setup.config, clock=clock
        )

    def corpus_changed(self) -> None:
        """A corpus file was added, saved or removed: the next check lists and validates the corpus again."""
        self.warm.forget_corpus()

    def in_corpus(self, path: Path) -> bool:
        """Is this file one of the corpus's articles (by its place and suffix)?"""
        return bool(gate.article_files([path], self.setup.corpus))

    def settings_changed_by(self, path: Path) -> bool:
        """Would a change to this file change the setup: the configuration file, a configuration file that
        could take its place, a file in an extra rule folder, the baseline?"""
        path = path.resolve()
        cfg = self.setup.config
        if cfg.path is not None and path == cfg.path.resolve():
            return True
        here = Path.cwd().resolve()
        if path.name in (".factcheck.toml", "pyproject.toml") and path.parent in (here, *here.parents):
            return True
        rule_dirs = self.options.rules or [cfg.resolve(d) for d in cfg.config.rules]
        if any(Path(d).resolve() in path.parents for d in rule_dirs):
            return True
        return self.setup.baseline is not None and path == self.setup.baseline.resolve()

    def close(self) -> None:
        """Close the claim cache (and remove a private one)."""
        cache = getattr(self, "cache", None)
        if cache is not None:
            cache.close()
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None
