"""YAML's safe loader, in C (libyaml) when that cannot go wrong, in Python otherwise.

libyaml reads a front-matter block or a rule file several times faster than PyYAML's pure-Python reader,
but it nests in C without a limit: a hostile block of 200,000 `[` crashes the process, where the Python
reader stops with a RecursionError that the callers report. So the C reader gets only text that cannot nest
that deep, and its value is kept only when it is shallow enough for the Python reader to have read it too;
anything else, errors included, is parsed again by the Python reader, whose values, exceptions and messages
are the ones the callers have always had.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_FAST_LOADER = getattr(yaml, "CSafeLoader", None)

# libyaml read 20,000 levels of each kind of nesting without trouble and crashed at 200,000
C_SAFE_DEPTH = 20_000
# the Python reader stops near 450 levels (two frames a level under a limit of 1,000); well below that the
# two readers agree
MAX_DEPTH = 200

# A level of nesting needs a flow bracket (`[`, `{`) or, in block style, a line indented further than its
# parent (so no more levels than distinct indentations), each line adding at most one level per `- `, `? `
# or `: ` it starts with.
_LEAD = re.compile(r"^( *)((?:[-?:][ \t]+)*)", re.MULTILINE)


def depth_bound(text: str) -> int:
    """At least as many levels as `text` can nest."""
    indents: set[int] = set()
    run = 0
    for indent, marks in _LEAD.findall(text):
        indents.add(len(indent))
        if marks:
            run = max(run, len(marks.split()))
    return text.count("[") + text.count("{") + len(indents) * (1 + run)


def depth(value: Any) -> int:
    """How deep lists and dicts nest in a loaded value (a value shared through an anchor counted once)."""
    deepest = 0
    seen: set[int] = set()
    stack = [(value, 1)]
    while stack:
        v, level = stack.pop()
        if not isinstance(v, (list, dict)) or id(v) in seen:
            continue
        seen.add(id(v))
        deepest = max(deepest, level)
        # a mapping's keys are scalars: the safe loader refuses a list or a mapping as a key
        stack.extend((x, level + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest


# Where libyaml and the Python reader part ways (found by fuzzing them against each other): a tab, which
# libyaml takes for a space where the Python reader refuses it; a byte-order mark or a Unicode line break
# inside the text; a tag (`!`, libyaml reads an empty one as ""); a block scalar's `|` or `>` followed by a
# comment; a document marker; a merge key (`<<`), which flattens nested mappings, so the value can be shallow
# where the text nests deep. Text with any of them goes to the Python reader.
_DIVERGENT = re.compile(
    r"[\t\r\ufeff\u2028\u2029\x85]|(?:^|[\s\[{,])!|[|>][-+0-9]*\s*#|<<|^(?:---|\.\.\.)", re.MULTILINE
)


def load(text: str) -> Any:
    """`yaml.safe_load(text)`: the same value, or the same exception."""
    if _FAST_LOADER is not None and not _DIVERGENT.search(text) and depth_bound(text) <= C_SAFE_DEPTH:
        try:
            value = yaml.load(text, Loader=_FAST_LOADER)
        except Exception:
            pass  # parsed again below, for the exception the callers know
        else:
            if depth(value) <= MAX_DEPTH:
                return value
    return yaml.safe_load(text)
