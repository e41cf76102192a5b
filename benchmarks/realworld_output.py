"""The totals and the Markdown text of `benchmarks/evaluate.py`."""

from __future__ import annotations

from typing import Any

SUMMED = (
    "articles",
    "findings_wanted",
    "raised",
    "loud_false_alarms",
    "hedge_false_alarms",
    "traps",
    "traps_fired",
    "agreements_stated",
    "agreements_aligned",
)
MUTATIONS = ("mutations", "mutations_caught", "mutations_skipped")


def totals(events: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"events": len(events)}
    out.update({k: sum(e[k] for e in events) for k in SUMMED})
    out["recall"] = round(out["raised"] / out["findings_wanted"], 4) if out["findings_wanted"] else None
    ran = [e for e in events if e["mutations"] is not None]
    out.update({k: sum(e[k] for e in ran) if ran else None for k in MUTATIONS})
    return out


def _fraction(a: int | None, b: int | None) -> str:
    if a is None or b is None:
        return "—"
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def _row(name: str, e: dict[str, Any]) -> str:
    alarms = str(e["loud_false_alarms"]) + (f" (+{e['hedge_false_alarms']} hedge)" if e["hedge_false_alarms"] else "")
    cells = [
        name,
        str(e["articles"]),
        str(e["findings_wanted"]),
        str(e["raised"]),
        f"{100 * e['recall']:.0f}%" if e["recall"] is not None else "—",
        alarms,
        f"{e['traps_fired']}/{e['traps']}",
        _fraction(e["agreements_aligned"], e["agreements_stated"]),
        _fraction(e["mutations_caught"], e["mutations"]),
    ]
    return "| " + " | ".join(cells) + " |"


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _section(title: str, items: list[str], count: int | None = None) -> list[str]:
    return ["", f"### {title} ({len(items) if count is None else count})", "", *(items or ["(none)"])]


def markdown(result: dict[str, Any]) -> str:
    events, total = result["events"], result["total"]
    out = [
        "## Real-world evaluation",
        "",
        "| event | articles | findings wanted | raised | recall | loud false alarms | traps fired "
        "| agreements aligned | mutations caught |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
        *(_row(e["event"], e) for e in events),
        _row(f"**total** ({total['events']} event{'' if total['events'] == 1 else 's'})", total),
    ]
    misses = []
    for m in (m for e in events for m in e["misses"]):
        seen = f" (raised only as {', '.join(m['seen_as'])})" if m["seen_as"] else ""
        misses.append(f"- {m['event']}: {m['finding']}{seen} — {_short(m['why'])}")
    out += _section("Misses", misses)
    alarms = []
    for a in (a for e in events for a in e["false_alarms"]):
        where = "; ".join(f'{c["where"]} "{c["text"]}"' for c in a["claims"])
        trap = f" — trap: {a['trap']}" if a["trap"] else ""
        alarms.append(f"- {a['event']}: `{a['rule']}` ({a['severity']}) {where}{trap}")
        if a["quote"]:
            alarms.append(f"  > {_short(a['quote'])}")
    out += _section("Loud false alarms", alarms, sum(len(e["false_alarms"]) for e in events))
    out += _section("Traps fired", [f"- {e['event']}: {t}" for e in events for t in e["fired_traps"]])
    if total["mutations"] is not None:
        out += _section("Mutations not caught", [f"- {m}" for e in events for m in e["mutations_missed"]])
    problems = [f"- {e['event']}: {p}" for e in events for p in e["gold_problems"]]
    problems += [f"- unreadable gold.yaml: {u}" for u in result["unreadable"]]
    if problems:
        out += _section("Gold notes", problems)
    return "\n".join(out) + "\n"
