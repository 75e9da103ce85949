"""The lunch rush's figures (JSON, kept for the next run) and its section of
docs/BENCHMARKS.md."""

import os
from collections import Counter, defaultdict
from datetime import UTC, datetime

from bench.rush_clients import PLACED, REFUSALS

HEADING = "## Lunch rush"
NONE = "\u2013"


def _pct(values: list[float], q: float) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def figures(raw: dict, *, students: int, streams: int, window: float) -> dict:
    rush = raw["rush"]
    places = [c for c in rush.calls if c.kind == "place"]
    placed_ms = [c.ms for c in places if c.cause == PLACED]
    answered = sorted(p.answered for p in rush.placed.values())
    per_second = Counter(int(t - answered[0]) for t in answered) if answered else Counter()
    kinds: dict[str, list] = defaultdict(list)
    for c in rush.calls:
        kinds[c.kind].append(c)
    delivery = raw["delivery"]
    cpu = raw["cpu"]
    served = sum(1 for c in rush.calls if c.status)
    app_cpu = cpu.get("app server (gunicorn)", 0.0)
    db_cpu = cpu.get("PostgreSQL (this database)", 0.0)
    made, seen = raw["student_events"]
    return {
        "run": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "scale": {
            "students": students,
            "streams": streams,
            "window_s": window,
            "cap": rush.stall.cap,
            "cpus": os.cpu_count(),
            "morning": raw.get("morning", 0),
        },
        "load": [round(x, 2) for x in raw["load"]],
        "seconds": round(rush.seconds, 1),
        "streams": {"opened": rush.streams_opened, "failed": len(rush.streams_failed)},
        "placement": {
            "attempts": len(places),
            "p50_ms": _round(_pct([c.ms for c in places], 0.5)),
            "p99_ms": _round(_pct([c.ms for c in places], 0.99)),
            "placed_p50_ms": _round(_pct(placed_ms, 0.5)),
            "placed_p99_ms": _round(_pct(placed_ms, 0.99)),
            "placed": len(rush.placed),
            "peak_per_second": max(per_second.values(), default=0),
            "per_second": round(len(placed_ms) / rush.seconds, 1) if rush.seconds else 0,
        },
        "outcomes": dict(Counter(c.cause for c in places)),
        "gave_up": rush.gave_up,
        "requests": {
            kind: {
                "count": len(calls),
                "p50_ms": _round(_pct([c.ms for c in calls], 0.5)),
                "p99_ms": _round(_pct([c.ms for c in calls], 0.99)),
                "statuses": dict(Counter(str(c.status) for c in calls)),
            }
            for kind, calls in sorted(kinds.items())
        },
        "paid_online": sum(1 for p in rush.placed.values() if p.paid_answered is not None),
        "abandoned": len(rush.abandoned),
        "left_on_board": rush.left_on_board,
        "cancelled": {
            "by vendor": len(rush.cancelled_by_vendor),
            "by student": len(rush.cancelled_by_student),
        },
        "delivery": {
            "expected": delivery["expected"],
            "received": delivery["received"],
            "duplicates": delivery["duplicates"],
            "sent_p50_ms": _round(_pct(delivery["from_sent"], 0.5)),
            "sent_p99_ms": _round(_pct(delivery["from_sent"], 0.99)),
            "answer_p50_ms": _round(_pct(delivery["from_answer"], 0.5)),
            "answer_p99_ms": _round(_pct(delivery["from_answer"], 0.99)),
            "max_ms": _round(max(delivery["from_sent"], default=None)),
        },
        "student_events": {"made": made, "seen": seen},
        "cost": {
            "cpu_seconds": {name: round(s, 2) for name, s in cpu.items()},
            "requests": served,
            "app_cpu_ms_per_request": round(1000 * app_cpu / served, 2) if served else None,
            "db_cpu_ms_per_request": round(1000 * db_cpu / served, 2) if served else None,
            "db_commits": raw["commits"],
            "stream_kib": round(raw["stream_kib"], 1),
        },
        "checks": [[name, held, evidence] for name, held, evidence in raw["checks"]],
    }


def _ms(value) -> str:
    if value is None:
        return NONE
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _beside(now, before, fmt=_ms) -> str:
    return f"{fmt(now)} ({fmt(before)})" if before is not None else fmt(now)


def _morning(students: int) -> str:
    if not students:
        return "The rush began on servers that had served nothing yet. "
    return (
        f"Before the stall opened, {students} of the students ordered at another vendor's "
        "stall through the same paths (the servers' morning: code loaded, database "
        "connections open); none of that is counted or checked. "
    )


def section(f: dict, previous: dict | None, *, command: str) -> str:
    prev = previous or {}
    pp, p = prev.get("placement", {}), f["placement"]
    pd, d = prev.get("delivery", {}), f["delivery"]
    s, cost = f["scale"], f["cost"]
    was = f"In brackets: the previous run's, {prev['run']}." if prev else "No previous run."
    lines = [
        HEADING,
        "",
        f"`{command}` (the last step of `make bench`), {f['run']}: {s['students']} students "
        f"order at one stall within {s['window_s']:.0f} s (most in the first third), "
        f"{f['streams']['opened']} event streams open ({f['streams']['failed']} refused); "
        f"the students were done after {f['seconds']:.0f} s. Load average {f['load'][0]:.1f} "
        f"when the rush began and {f['load'][1]:.1f} when it ended, on {s['cpus']} cores that "
        "the load generator, PostgreSQL, Redis, the servers and other work on the machine "
        "shared: the machine was not reserved for the run, so absolute figures are pessimistic.",
        "",
        "The stall: one ordering service open around the clock, 10-minute pickup slots capped "
        f"at {s['cap']} orders, five items with a required size and up to three extras, two "
        "of them counted so that they sell out during the rush, pay at pickup or online. 30 % "
        "of the students order for as soon as possible, the others read the slots and pick one "
        "of the first six with a free place (the earlier the likelier); a refused student "
        "tries again (another slot, or an item that is not counted) up to three times. Every "
        "second student pays online: the run plays the dummy provider and sends its signed "
        "`charge.success` webhook (one in ten twice, half of those at once); one payer in "
        "twenty never pays. 3 % of those paying at pickup cancel while pending. The vendor's "
        "board (two people) moves each order it hears of on its stream through confirmed, "
        "preparing, ready and completed, and cancels one in twenty (refunded when paid); it "
        "stops 60 s after the last student. A placement answered 5xx (or not at all) is sent "
        "again with its Idempotency-Key after 5 s, up to three times, as the web app would; a "
        "webhook up to five times, waiting longer each time, as a provider would. "
        f"Served by gunicorn (the bench's workers and threads), uvicorn (one process) for the "
        f"streams and a task worker for the refunds. {_morning(s.get('morning', 0))}{was}",
        "",
        "| | this run |",
        "|---|--:|",
        f"| placement p50 / p99, every attempt | {_beside(p['p50_ms'], pp.get('p50_ms'))} / "
        f"{_beside(p['p99_ms'], pp.get('p99_ms'))} ms |",
        "| placement p50 / p99, answered 201 | "
        f"{_beside(p['placed_p50_ms'], pp.get('placed_p50_ms'))} / "
        f"{_beside(p['placed_p99_ms'], pp.get('placed_p99_ms'))} ms |",
        f"| orders placed (201, or 200 to a retry) of {p['attempts']} attempts | {p['placed']} |",
        f"| placed per second: over the rush / busiest second | {p['per_second']} / "
        f"{p['peak_per_second']} |",
        f"| paid online / never paid / cancelled by the vendor / by the student | "
        f"{f['paid_online']} / {f['abandoned']} / {f['cancelled']['by vendor']} / "
        f"{f['cancelled']['by student']} |",
        f"| `order_placed` on the vendor's stream, p50 / p99 after the request was sent | "
        f"{_beside(d['sent_p50_ms'], pd.get('sent_p50_ms'))} / "
        f"{_beside(d['sent_p99_ms'], pd.get('sent_p99_ms'))} ms |",
        f"| the same after its answer (201, or the paying webhook's 200) | "
        f"{_ms(d['answer_p50_ms'])} / {_ms(d['answer_p99_ms'])} ms |",
        "| orders the board had not reached when it stopped (60 s after the last student) | "
        f"{f['left_on_board']} |",
        f"| events received of expected (duplicates) | {d['received']} of {d['expected']} "
        f"({d['duplicates']}) |",
        f"| students' notifications seen on their open streams | "
        f"{f['student_events']['seen']} of {f['student_events']['made']} |",
        "",
        "Placement outcomes (a student may try up to three times; the refusals the contract "
        "promises are not errors):",
        "",
        "| outcome | attempts | kind |",
        "|---|--:|---|",
    ]
    for cause, n in sorted(f["outcomes"].items(), key=lambda kv: -kv[1]):
        kind = NONE if cause == PLACED else ("refusal" if cause in REFUSALS else "**error**")
        lines.append(f"| {cause} | {n} | {kind} |")
    for reason, n in f["gave_up"].items():
        lines.append(f"| student gave up: {reason} | {n} | {NONE} |")
    lines += [
        "",
        "Every request of the rush:",
        "",
        "| request | count | p50 ms | p99 ms | statuses |",
        "|---|--:|--:|--:|---|",
        *[
            f"| {kind} | {r['count']} | {_ms(r['p50_ms'])} | {_ms(r['p99_ms'])} | "
            + ", ".join(f"{code}: {n}" for code, n in sorted(r["statuses"].items()))
            + " |"
            for kind, r in f["requests"].items()
        ],
        "",
        "End state, checked in the database and through the vendor's order list after the "
        "board was done and the refunds confirmed:",
        "",
        "| check | held | evidence |",
        "|---|:-:|---|",
        *[f"| {name} | {'yes' if held else '**no**'} | {ev} |" for name, held, ev in f["checks"]],
        "",
        "What the rush cost (CPU seconds of each process group from `/proc` while the "
        "students were served; PostgreSQL: the server processes of this database):",
        "",
        "| | |",
        "|---|--:|",
        *[f"| CPU, {name} | {sec:.1f} s |" for name, sec in cost["cpu_seconds"].items()],
        f"| requests answered by the app server | {cost['requests']:,} |",
        f"| app server CPU per request (the rush's mix) | {cost['app_cpu_ms_per_request']} ms |",
        f"| PostgreSQL CPU per request | {cost['db_cpu_ms_per_request']} ms |",
        f"| PostgreSQL transactions, reads included (every process on this database) | "
        f"{cost['db_commits']:,} |",
        "| stream server memory per open stream (RSS growth from the vendor's stream to all "
        "open, over the streams added) | "
        f"{cost['stream_kib']} KiB |",
        "",
    ]
    return "\n".join(lines)


def replace_section(text: str, section: str) -> str:
    """``text`` with its lunch rush section replaced (or added at the end)."""
    start = text.find(HEADING)
    if start == -1:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(HEADING))
    rest = text[end + 1 :] if end != -1 else ""
    return text[:start] + section + ("\n" + rest if rest else "")
