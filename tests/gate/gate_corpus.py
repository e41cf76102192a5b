"""A small invented corpus and git helpers for the check/gate tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((ROOT / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

GRID_DEAL = """\
---
title: Brightwater Energy takes a stake in Kestrel Grid
date: 2025-03-04
---
# Brightwater Energy takes a stake in Kestrel Grid

The utility's move, announced on Tuesday in Leeds, is its biggest bet on transmission yet.

Brightwater Energy is investing $4 billion in Kestrel Grid, the company said.

The deal gives Brightwater Energy a seat on the board, and executives at Kestrel Grid said the money would go
to new substations in the north of England.
"""

FOOD_MERGER = """\
---
title: Halvorsen Group moves on Pellworth Foods
date: 2025-02-11
---
# Halvorsen Group moves on Pellworth Foods

Halvorsen Group is investing $2 billion in Pellworth Foods, the companies said on Monday.

Shares of Pellworth Foods rose in early trading in Oslo after the announcement.
"""

FOOD_ANALYSIS = """\
---
title: What the Pellworth deal means for shoppers
date: 2025-02-11
---
# What the Pellworth deal means for shoppers

Halvorsen Group is investing $5 billion in Pellworth Foods, according to a filing seen by reporters.

Analysts said prices at Pellworth Foods stores were unlikely to change this year.
"""

# The new article: line 8 contradicts GRID_DEAL (numeric_disagreement, error); line 7 is a superlative no
# other source states (unsupported_superlative, warning).
NEW_ARTICLE = """\
---
title: Kestrel Grid's new backer
date: 2025-03-06
---
# Kestrel Grid's new backer

Kestrel Grid is the largest grid operator in northern England.
Brightwater Energy is investing $7 billion in Kestrel Grid, according to people familiar with the plan.

Engineers at Brightwater Energy are expected to join the project in the spring.
"""
NEW_LINE = 8  # the contradicting sentence
NEW_COLUMN = 33  # "$7 billion"
SUPERLATIVE_LINE = 7


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.email=a@b", "-c", "user.name=t", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def make_repo(root: Path) -> Path:
    """A git repository with the corpus committed on `main`."""
    corpus = root / "articles"
    corpus.mkdir(parents=True)
    (corpus / "grid-deal.md").write_text(GRID_DEAL, encoding="utf-8")
    (corpus / "food-merger.md").write_text(FOOD_MERGER, encoding="utf-8")
    (corpus / "food-analysis.md").write_text(FOOD_ANALYSIS, encoding="utf-8")
    (root / "README.md").write_text("# Newsroom\n\nArticles live in articles/.\n", encoding="utf-8")
    (root / ".gitignore").write_text(".factcheck/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "corpus")
    return root


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def validate_sarif(data: dict) -> None:
    jsonschema.validate(data, SARIF_SCHEMA, cls=jsonschema.Draft4Validator)
