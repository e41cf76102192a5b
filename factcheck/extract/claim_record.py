"""A claim made from one quantity of one sentence: where it is, what it quotes, and how it is framed."""

from __future__ import annotations

from factcheck.extract.entity_finder import Mention
from factcheck.extract.sentences import Sentence, quote_around
from factcheck.models import Claim, Document, Quantity


def new_claim(
    doc: Document,
    s: Sentence,
    q: Quantity,
    counter: list[int],
    *,
    kind: str,
    subject: str | None,
    obj: str | None,
    metric: str,
    mentions: list[Mention],
    equivalents: list[Quantity] | None = None,
    per: str | None = None,
    period: Quantity | None = None,
    total: bool = False,
    event: str | None = None,
    status: str | None = None,
) -> Claim:
    counter[0] += 1
    fs, fe = s.file_span(q.start, q.end)
    return Claim(
        id=f"{doc.id}:{s.line}:{counter[0]}",
        document=doc.id,
        line=s.line,
        column=s.column(q.start),
        text=doc.text[fs:fe],
        quote=quote_around(s.text, q.start, q.end),
        kind=kind,
        subject=subject,
        metric=metric,
        object=obj,
        value=q.value,
        low=q.low,
        high=q.high,
        unit=q.unit,
        qualifier=q.qualifier,
        attributed=bool(s.quoted(q.start, q.end)),
        teaser=s.role == "teaser",
        quoted=s.quoted(q.start, q.end),
        dimension=q.dimension,
        precision=q.precision,
        noun=q.noun,
        stated_value=q.stated_value,
        stated_unit=q.stated_unit,
        change=q.change,
        concept=q.concept,
        period=period.text if period else None,
        per=per,
        equivalents=equivalents or [],
        total=total,
        entities=sorted({m.key for m in mentions}),
        event=event,
        status=status,
    )
