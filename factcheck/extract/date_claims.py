"""Date claims: a date becomes a claim when its sentence names an event of `rules/dates.yaml`, dated by the
event words of its own clause; a trailing attribution ("..., officials said on Sunday.") dates what was said,
not the event."""

from __future__ import annotations

import re

from factcheck.extract.claim_record import new_claim
from factcheck.extract.entity_finder import Mention
from factcheck.extract.framing import Framer
from factcheck.extract.roles import actors
from factcheck.extract.sentences import Sentence
from factcheck.extract.status import comma_clause, resolve_date
from factcheck.models import Claim, Quantity

_SAID_ON = re.compile(r"\b(?:said|says|told\s+[\w-]+|added|confirmed|stated|reported)\s+(?:on\s+|late\s+|early\s+)?$")
_TRAILING = re.compile(r"\s*(?:[.,;\"”’']|$)")  # a trailing attribution ends its sentence or its clause
EVENT_SLACK = 12  # characters: event words about as near a date as the nearest are its events too


def _nearest_events(framer: Framer, text: str, q: Quantity, start: int, end: int, events: list[str]) -> list[str]:
    """The events of a date's own clause nearest it, before it if any are ("the deal is expected to close in
    2024" dates the close, not the deal; "announced it in 2019 and completed it in 2022": one date each)."""
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for name, rx in framer.rules.dates.event_res:
        if name in events:
            for m in rx.finditer(text, start, end):
                side, gap = (before, q.start - m.end()) if m.end() <= q.start else (after, m.start() - q.end)
                side[name] = min(gap, side.get(name, gap))
    near = before or after
    least = min(near.values(), default=0)
    return [name for name, gap in near.items() if gap <= least + EVENT_SLACK]


def date_claims(
    framer: Framer, s: Sentence, dates: list[Quantity], ms: list[Mention], counter: list[int]
) -> list[Claim]:
    if not ms or not dates:
        return []
    text = s.text
    events = [name for name, rx in framer.rules.dates.event_res if rx.search(text)]
    if not events:
        return []
    out = []
    for q in dates:
        span = resolve_date(q.date, framer.doc.date) if q.date else None
        if span is None or (_SAID_ON.search(text, max(0, q.start - 30), q.start) and _TRAILING.match(text, q.end)):
            continue  # "..., officials said on Sunday.": when it was said, not when the event was
        # the events of the date's own clause, when it names any ("On Monday Acme unveiled a headset, a launch
        # that comes next year": the Monday is the unveiling's)
        start, end = comma_clause(text, q.start, q.end)
        own = _nearest_events(framer, text, q, start, end, events)
        subject = next((m.key for m in actors(text, ms, True) if not m.after_prep), ms[0].key)
        claim = new_claim(
            framer.doc,
            s,
            q,
            counter,
            kind="date",
            subject=subject,
            obj=None,
            metric="date",
            mentions=ms,
            event="|".join(own or events),
        )
        out.append(
            claim.model_copy(
                update={"low": span[0].isoformat(), "high": span[1].isoformat(), "value": None, "unit": "date"}
            )
        )
    return out
