"""Stage 1, load: paths -> `Document`s.

In: files and folders (`str | Path`), and the boilerplate lexicon of the rules. Out: a `LoadResult` holding
the `Document`s (text, lines with their roles: title, heading, list item, teaser, boilerplate, directive…;
title and date from front matter or the text), the errors (files that cannot be used: exit code 2) and
the warnings. Nothing here prints or exits; inputs are only read.
"""

from factcheck.load.documents import (
    LoadResult,
    document_id,
    load,
    parse_document,
    planned_ids,
    read_document,
    read_documents,
    unique_ids,
)
from factcheck.load.files import ARTICLE_SUFFIXES, MAX_BYTES, InputError, collect, collect_paths, decode
from factcheck.load.html import is_html, strip_html

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "InputError",
    "LoadResult",
    "collect",
    "collect_paths",
    "decode",
    "document_id",
    "is_html",
    "load",
    "parse_document",
    "planned_ids",
    "read_document",
    "read_documents",
    "strip_html",
    "unique_ids",
]
