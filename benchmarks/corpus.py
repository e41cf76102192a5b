"""A deterministic synthetic corpus of news-like articles, for the benchmarks and the scale tests.

About 5 KB an article: invented companies shared by several articles, events covered in different wordings,
numbers in many forms, a few planted disagreements. The same seed gives the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

_ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
_CODAS = ["", "", "n", "r", "l", "s", "x", "th", "nd", "rk"]
_SUFFIXES = ["Group", "Systems", "Energy", "Foods", "Holdings", "Labs", "Motors", "Capital", "Logistics", "Bank"]
_SECTORS = ["software", "food", "energy", "logistics", "chip", "battery", "steel", "retail", "shipping", "insurance"]
_CITIES = ["Harwick", "Lundmoor", "Carvello", "Ostrava", "Bellmere", "Tarnholm", "Quarry Bay", "Westhaven"]
_OUTLETS = ["Business Daily", "Wire", "Courier", "Ledger", "Chronicle", "Post", "Observer", "Herald"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_FIRST = ["Ingrid", "Marco", "Priya", "Tomas", "Aiko", "Elena", "Samuel", "Noor", "Viktor", "Grace"]
_LAST = ["Solberg", "Ferreira", "Nakamura", "Okafor", "Lindqvist", "Brennan", "Haddad", "Kowalski"]

_FILLER = [
    "Analysts said the move reflected a broader push to consolidate the {sector} industry.",
    "The company did not respond to a request for further comment on Tuesday.",
    "Shares in both companies were little changed in early trading.",
    "Regulators in several countries will have to approve the plan before it can go ahead.",
    "Industry observers have long expected a deal of this kind in the {sector} sector.",
    "The announcement came after weeks of speculation in the trade press.",
    "Trade unions said they would seek assurances about jobs and working conditions.",
    "Critics argued the plan would concentrate too much power in a handful of firms.",
    "Executives declined to say whether further announcements would follow this year.",
    "Local officials in {city} welcomed the news, saying it would support the regional economy.",
    "The board said it had considered several alternatives before settling on this option.",
    "People familiar with the talks said negotiations had stalled twice over the price.",
    "Customers are not expected to notice any change in service in the near term.",
    "The firm has faced pressure from investors to show faster growth in its core business.",
    "Competitors have been investing heavily in new capacity across the region.",
]


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.choice((2, 2, 3))))
    return word.capitalize()


@dataclass
class _Company:
    name: str  # "Vorlando Systems"
    short: str  # "Vorlando"
    sector: str
    city: str
    employees: int
    revenue: float  # in $ billion


@dataclass
class _Event:
    kind: str
    a: _Company
    b: _Company | None
    amount: float  # in $ million
    share: int  # a percentage
    capacity: int  # MW or units
    day: int
    month: str
    year: int
    extra: dict[str, float] = field(default_factory=dict)


def _money(rng: random.Random, millions: float, hedge: bool = False) -> str:
    """The same amount in one of many forms."""
    if millions >= 1000:
        bn = millions / 1000
        v = f"{bn:.1f}".rstrip("0").rstrip(".")
        forms = [f"${v} billion", f"US${v}bn", f"{v} billion dollars", f"${v}bn", f"USD {v} billion"]
    else:
        v = f"{millions:.0f}"
        forms = [f"${v} million", f"${v}m", f"{v} million dollars", f"US${v} million", f"${int(millions):,},000,000"]
    text = rng.choice(forms)
    if hedge:
        text = rng.choice(["up to ", "about ", "more than ", "nearly "]) + text
    return text


def _pct(rng: random.Random, p: float) -> str:
    return rng.choice([f"{p:g}%", f"{p:g} per cent", f"{p:g} percent"])


def _count(rng: random.Random, n: int) -> str:
    return rng.choice([f"{n:,}", f"{n}", f"about {n:,}", f"more than {n:,}"]) if n >= 1000 else f"{n}"


def _event_paragraphs(rng: random.Random, e: _Event, planted: bool) -> list[str]:
    a, b = e.a, e.b
    amount = e.amount * (rng.choice((1.5, 0.6, 2.0)) if planted else 1.0)
    when = rng.choice([f"on {e.month} {e.day}, {e.year}", f"on {e.day} {e.month} {e.year}", f"in {e.month} {e.year}"])
    out = []
    if e.kind == "acquisition" and b is not None:
        out.append(
            rng.choice(
                [
                    f"{a.name} agreed {when} to acquire {b.name} for {_money(rng, amount)}, the companies said.",
                    f"{a.short} will buy {b.name} in a deal worth {_money(rng, amount)}, it announced {when}.",
                    f"In a deal announced {when}, {a.name} is paying {_money(rng, amount)} for rival {b.short}.",
                ]
            )
        )
        out.append(
            f"The offer values each {b.short} share at ${e.extra['price']:.0f}, a premium of about "
            f"{_pct(rng, e.share)} to the last closing price. {b.short} employs {_count(rng, b.employees)} people "
            f"at {int(e.extra['sites'])} sites and had revenue of {_money(rng, b.revenue * 1000)} last year."
        )
        out.append(
            f"{a.short} expects savings of {_money(rng, e.extra['savings'])} a year by {e.year + 2}, and said the "
            f"deal would be financed with {_pct(rng, e.extra['cash'])} cash and the rest in new shares."
        )
    elif e.kind == "funding":
        lead = b.name if b is not None else "a group of investors"
        out.append(
            rng.choice(
                [
                    f"{a.name} has raised {_money(rng, amount)} in a funding round led by {lead}, it said {when}.",
                    f"{lead} led a {_money(rng, amount)} investment in {a.name}, announced {when}.",
                    f"{a.short} said {when} it had closed a funding round of {_money(rng, amount)}.",
                ]
            )
        )
        out.append(
            f"The round values {a.short} at {_money(rng, e.extra['valuation'])}, and the company now has "
            f"{_count(rng, a.employees)} employees in {int(e.extra['sites'])} countries."
        )
        out.append(f"Revenue grew {_pct(rng, e.share)} last year to {_money(rng, a.revenue * 1000)}.")
    elif e.kind == "plant":
        out.append(
            rng.choice(
                [
                    f"{a.name} will open a {e.capacity} MW plant near {a.city}, costing {_money(rng, amount)}, it "
                    f"said {when}.",
                    f"{a.short} said {when} it would spend {_money(rng, amount)} on a new {e.capacity}-megawatt "
                    f"plant in {a.city}.",
                    f"A new plant of {e.capacity} megawatts near {a.city} will cost {a.name} {_money(rng, amount)}.",
                ]
            )
        )
        out.append(
            f"The site covers {int(e.extra['area']):,} square metres and will create "
            f"{_count(rng, int(e.extra['jobs']))} jobs, about {_pct(rng, e.share)} of them in engineering."
        )
        out.append(f"Construction is due to finish in {e.year + 2}, with the first output expected in {e.year + 3}.")
    else:  # a toll or fare change
        out.append(
            rng.choice(
                [
                    f"{a.name} will raise its tolls by {_pct(rng, e.share)} from {e.month} {e.year}, it said.",
                    f"Tolls charged by {a.short} are going up {_pct(rng, e.share)} in {e.month} {e.year}.",
                ]
            )
        )
        out.append(
            f"A standard crossing will cost ${e.extra['fare']:.2f}, and the increase is expected to bring in "
            f"{_money(rng, amount)} a year for maintenance of the {int(e.extra['length'])} km network."
        )
    if rng.random() < 0.15:
        out.append(f"{a.short} is the only {a.sector} company in {a.city} with its own research centre.")
    return out


def _background(rng: random.Random, c: _Company) -> str:
    parts = [
        f"{c.name}, based in {c.city}, makes {c.sector} products and employs {_count(rng, c.employees)} people.",
        f"It reported revenue of {_money(rng, c.revenue * 1000)} in {rng.randint(2019, 2024)}, up "
        f"{_pct(rng, rng.randint(2, 30))} on the year before.",
        f"Its shares have risen {_pct(rng, rng.randint(5, 60))} over the past {rng.randint(2, 12)} months.",
    ]
    return " ".join(parts)


def _filler(rng: random.Random, c: _Company, k: int) -> str:
    return " ".join(rng.choice(_FILLER).format(sector=c.sector, city=c.city) for _ in range(k))


def _article(rng: random.Random, e: _Event, outlet: str, planted: bool, number: int) -> str:
    a = e.a
    title = {
        "acquisition": f"{a.short} to buy {e.b.short if e.b else 'rival'}",
        "funding": f"{a.short} raises new funding",
        "plant": f"{a.short} plans new plant in {a.city}",
        "toll": f"{a.short} raises tolls",
    }[e.kind]
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    paras = _event_paragraphs(rng, e, planted)
    body = [paras[0], _filler(rng, a, 3), *paras[1:], _background(rng, a)]
    if e.b is not None:
        body.append(_background(rng, e.b))
    body.append(
        f'"This is an important step for us," said {person}, chief executive of {a.short}, adding that the company '
        f"would hire {rng.randint(50, 900)} people over the next {rng.randint(2, 5)} years."
    )
    while sum(len(p) for p in body) < 4700:
        body.append(_filler(rng, a, rng.randint(3, 5)))
    head = f'---\ntitle: "{title}"\ndate: {e.year}-{_MONTHS.index(e.month) + 1:02d}-{min(e.day + 1, 28):02d}\n'
    head += f'source: "{outlet}"\n---\n\n# {title}\n\n*By {person}, {outlet} · story {number}*\n\n'
    return head + "\n\n".join(body) + "\n"


def corpus(n: int, seed: int = 6) -> list[tuple[str, str]]:
    """N articles as (file name, text): events covered by 2 to 6 articles each, about 1 in 12 with a planted
    disagreement. The same n and seed give the same bytes."""
    rng = random.Random(seed)
    companies: list[_Company] = []
    seen: set[str] = set()
    while len(companies) < max(8, n // 3):
        short = _name(rng)
        if short in seen:
            continue
        seen.add(short)
        companies.append(
            _Company(
                name=f"{short} {rng.choice(_SUFFIXES)}",
                short=short,
                sector=rng.choice(_SECTORS),
                city=rng.choice(_CITIES),
                employees=rng.choice((rng.randint(40, 900), rng.randint(1000, 90000))),
                revenue=round(rng.uniform(0.1, 40), 1),
            )
        )
    out: list[tuple[str, str]] = []
    while len(out) < n:
        a, b = rng.sample(companies, 2)
        kind = rng.choice(["acquisition", "acquisition", "funding", "plant", "toll"])
        e = _Event(
            kind=kind,
            a=a,
            b=b if kind in ("acquisition", "funding") else None,
            amount=float(rng.choice([rng.randint(20, 950), rng.randint(1, 90) * 100])),
            share=rng.randint(3, 45),
            capacity=rng.randint(5, 120) * 10,
            day=rng.randint(1, 27),
            month=rng.choice(_MONTHS),
            year=rng.randint(2021, 2025),
            extra={
                "price": rng.randint(8, 140),
                "sites": rng.randint(2, 40),
                "savings": rng.randint(20, 400),
                "cash": rng.choice((40, 50, 60, 70, 80)),
                "valuation": rng.randint(5, 200) * 100,
                "area": rng.randint(10, 400) * 1000,
                "jobs": rng.randint(80, 2500),
                "fare": rng.randint(200, 1500) / 100,
                "length": rng.randint(30, 900),
            },
        )
        for _ in range(min(rng.randint(2, 6), n - len(out))):
            number = len(out)
            outlet = rng.choice(_OUTLETS)
            text = _article(rng, e, outlet, planted=rng.random() < 1 / 12, number=number)
            suffix = rng.choice((".md", ".txt"))
            out.append((f"{number:06d}_{outlet.lower().replace(' ', '_')}{suffix}", text))
    return out


def draft(seed: int = 6) -> str:
    """A new article about the first event of the corpus, with a disagreement in it."""
    rng = random.Random(seed)
    arts = corpus(4, seed)
    text = arts[0][1].replace("$", "$1").replace("per cent", "percent")
    return text.replace("story 0*", f"draft {rng.randint(1, 99)}*")


def write_corpus(n: int, folder: Path, seed: int = 6) -> int:
    """Write the corpus; return its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in corpus(n, seed):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total
