"""The report's measured sections: speed targets, page bytes, live streams, query
counts and the catalogue's growth, each beside the previous run's figures."""

from bench.report_format import NONE, _bytes, _cell, _change, _ms, _prev, _rps, _share

# The speed targets: (row, baseline share of the ceiling, factor wanted, where the
# baseline comes from). A target share is baseline x factor; cached reads have an
# absolute target instead (factor None, baseline = the share wanted).
ISSUE_MEASUREMENT = "the side-by-side measurement the speed work started from"
FIRST_BENCH = "`make bench` of 2026-11-25 01:51 UTC"
RUSH_ISSUE = "137 req/s beside a bare Django view's rate, when the lunch rush work began"
# p99 ceilings in ms: (row, most allowed, why)
P99_TARGETS = [("order creation, one hot service", 300, "the lunch rush, 16 connections")]
SHARE_TARGETS = [
    ("service list, uncached", 0.027, 4, ISSUE_MEASUREMENT),
    ("service list, student", 0.027, 4, "as uncached: a logged-in read always missed the cache"),
    ("service detail, uncached", 0.030, 5, ISSUE_MEASUREMENT),
    ("service list", 0.60, None, "at least 60 % of the ceiling"),
    ("service detail", 0.60, None, "at least 60 % of the ceiling"),
    ("service list, student", 0.15, None, "at least 15 % of the ceiling (the lunch rush)"),
    ("service detail, student", 0.15, None, "at least 15 % of the ceiling (the lunch rush)"),
    ("order creation", 0.025, 2, FIRST_BENCH),
    ("order creation, one hot service", 0.019, 2, RUSH_ISSUE),
    ("review creation", 0.035, 1.5, FIRST_BENCH),
]


def _targets_section(rows: list[dict], scaling: list[dict]) -> list[str]:
    ceiling = next(r["result"].rps for r in rows if r["endpoint"].name == "ceiling")
    shares = {r["endpoint"].name: r["result"].rps / ceiling for r in rows}
    lines = [
        "",
        "## Speed targets",
        "",
        "Each target as a share of the ceiling in this run, so machines and loads compare. "
        "*now / before* is this run's share over the baseline's.",
        "",
        "| row | baseline | target | this run | now / before | met |",
        "|---|--:|--:|--:|--:|:-:|",
    ]
    for name, baseline, factor, source in SHARE_TARGETS:
        if name not in shares:
            continue
        share = shares[name]
        target = baseline * factor if factor else baseline
        before = f"{_share(baseline)} ({source})" if factor else source
        lines.append(
            f"| {name} | {before} | {_share(target)}"
            + (f" ({factor}x)" if factor else "")
            + f" | {_share(share)} | "
            + (f"{share / baseline:.2f}x" if factor else NONE)
            + f" | {'yes' if share >= target else '**no**'} |"
        )
    p99s = {r["endpoint"].name: r["result"].p99_ms for r in rows}
    for name, most, why in P99_TARGETS:
        if name in p99s:
            met = "yes" if p99s[name] < most else "**no**"
            lines.append(
                f"| {name}: p99 ({why}) | {NONE} | < {most} ms | {_ms(p99s[name])} ms | "
                f"{NONE} | {met} |"
            )
    by_size = {point["services"]: point for point in scaling}
    if len(by_size) > 1:
        small, large = by_size[min(by_size)], by_size[max(by_size)]
        for name in ("search", "search, uncached"):
            p99 = {
                point["services"]: next(
                    r["result"].p99_ms for r in point["rows"] if r["endpoint"].name == name
                )
                for point in (small, large)
            }
            ratio = p99[large["services"]] / p99[small["services"]]
            lines.append(
                f"| {name}: p99 at {large['services']:,} services over p99 at "
                f"{small['services']:,} | {_ms(p99[small['services']])} ms | < 2x | "
                f"{_ms(p99[large['services']])} ms | {ratio:.2f}x | "
                f"{'yes' if ratio < 2 else '**no**'} |"
            )
    return lines


def _bytes_section(page, prev: dict | None) -> list[str]:
    prev = prev or {}
    if page.error:
        return [
            "",
            "## First catalogue page on a phone",
            "",
            f"Not measured in this run: {page.error}.",
        ]
    lines = [
        "",
        "## First catalogue page on a phone",
        "",
        f"`GET /api/services/` (the catalogue's first page, {page.services} services, "
        f"anonymous) and the photos it shows: {page.photos} services carry a photo, a "
        "3.8-megapixel JPEG of 2-3 MB generated with Pillow and uploaded through the API by "
        "the service's vendor (so stored as any upload is). Bytes are the response bodies "
        "as downloaded from gunicorn.",
        "",
        "| | bytes | previous run | change |",
        "|---|--:|--:|--:|",
    ]

    def row(label: str, now: int | None, key: str) -> str:
        before = prev.get(key)
        change = _change(now, before, lower_is_better=True)
        return f"| {label} | {_bytes(now)} | {_bytes(before)} | {change} |"

    label = "first catalogue page bytes (with images)"
    lines += [
        row("page JSON", page.page_json, "page_json"),
        row(f"{label}: originals", page.with_originals, "with_originals"),
    ]
    if page.variants is None:
        lines += [
            f"| {label}: 320 px variants | not measured | "
            f"{_bytes(prev.get('with_variants'))} | {NONE} |",
            "",
            "Not measured: the services carry no `image_variants` field in this version, so "
            "a phone downloads every original photo.",
        ]
    else:
        lines += [
            row(f"{label}: 320 px variants", page.with_variants, "with_variants"),
            row(
                "the same with 960 px variants",
                page.page_json + (page.variants_960 or 0),
                "with_960",
            ),
            "",
            "With the 320 px variants a phone downloads "
            f"{page.with_variants / page.with_originals:.1%} of the bytes of the originals"
            + (f" ({'; '.join(page.missing)})" if page.missing else "")
            + ". (Fewer bytes are better: here a rise of 10 % or more is in bold.)",
        ]
    return lines


def _live_section(live: dict, prev: dict | None) -> list[str]:
    prev = prev or {}
    prev_ratios = prev.get("ratios", {})
    lines = [
        "",
        "## Live event streams",
        "",
        f"**{live['streams']} idle streams.** `GET /api/events/` with a Bearer token "
        f"({live['streams']} streams over as many students as the campus allows) held open on "
        "uvicorn server A beside gunicorn while the service list rows are measured again "
        f"({live.get('opened', 0)} opened, {live.get('failed', 0)} refused, "
        f"{live.get('still_open')} still open at the end). Measured without, with, then "
        "without again, so the machine's drifting load is on both sides of the *with* run; "
        "*with / without* divides by the mean of the two *without* runs. Target: within 10 %.",
        "",
        "| endpoint | without (before) | with streams | without (after) | with / without "
        "| previous run |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    ratios = {}
    for row in live["rows"]:
        without = (row["before"].rps + row["after"].rps) / 2
        ratio = row["during"].rps / without if without else 0.0
        ratios[row["name"]] = ratio
        verdict = "" if ratio >= 0.9 else " (**below 90 %**)"
        lines.append(
            f"| {row['name']} | {_rps(row['before'].rps)}/s | {_rps(row['during'].rps)}/s | "
            f"{_rps(row['after'].rps)}/s | {ratio:.0%}{verdict} | "
            f"{_prev(prev_ratios.get(row['name']), lambda v: f'{v:.0%}')} |"
        )
    live["ratios"] = ratios
    if live.get("error"):
        lines += ["", f"The live measurements stopped early in this run: {live['error']}."]
    d = live.get("delivery")
    if d is not None:
        prev_d = prev.get("delivery", {})
        lines += [
            "",
            f"**Delivery across two app servers.** {d.events} orders placed one after another "
            + (
                f"(of {live['events']} planned: the measurement stops sending after "
                f"{live.get('delivery_seconds', 0):.0f} s) "
                if d.events < live["events"]
                else ""
            )
            + "by students through uvicorn server A (`POST /api/orders/`); their vendor's stream "
            f"is open on uvicorn server B (another process); fan-out through "
            f"`{live.get('broker')}`. Latency is from sending the order request to the "
            "`order_placed` event arriving on B's stream (10 more orders before these warm "
            "both servers).",
            "",
            "| | p50 ms | p99 ms | max ms | received | previous p50 / p99 ms |",
            "|---|--:|--:|--:|--:|--:|",
            f"| event delivery A → B | {_ms(d.p50_ms)} | {_ms(d.p99_ms)} | {_ms(d.max_ms)} | "
            f"{d.received} of {d.events}"
            + (f" ({d.refused} orders refused)" if d.refused else "")
            + " | "
            + (
                f"{_ms(prev_d['p50_ms'])} / {_ms(prev_d['p99_ms'])}"
                if prev_d.get("p50_ms") is not None
                else NONE
            )
            + " |",
            f"| the order request alone (A's answer) | {_ms(d.order_p50_ms)} | | | | |",
        ]
    return lines


def _query_counts_section(lists) -> list[str]:
    return [
        "",
        "## Query counts of every list",
        "",
        "Each list endpoint once per page size (cache missed, in-process); a count that does "
        'not grow with the page is what "no N+1" means.',
        "",
        "| as | list | status | SQL at " + " / ".join(f"{n}" for n in (1, 20, 100)) + " rows |",
        "|---|---|--:|--:|",
        *[
            f"| {who} | `{path}` | {status} | {' / '.join(map(str, counts))} |"
            for who, path, status, counts in lists
        ],
    ]


def _scaling_section(scaling: list[dict], previous: dict, settings: dict) -> list[str]:
    names = [row["endpoint"] for row in scaling[0]["rows"]]
    lines = [
        "",
        "## Service list and search from 1,000 to 100,000 services",
        "",
        f"p50 / p99 latency and requests/s, {settings['scaling_duration']} s each. "
        + "; ".join(f"*{e.name}*: `{e.request}`" for e in names)
        + ". *Cached* repeats one URL anonymously, so after the first request it is served "
        "from the catalogue cache; *uncached* adds a query parameter the API ignores but that "
        "differs on every request, so every request misses the cache and runs the query. "
        "In brackets: the previous run's requests/s.",
        "",
        "| services | " + " | ".join(e.name for e in names) + " |",
        "|--:|" + "--:|" * len(names),
    ]
    prev_scaling = previous.get("scaling", {})
    for point in scaling:
        prev_point = prev_scaling.get(str(point["services"]), {})
        lines.append(
            f"| {point['services']:,} | "
            + " | ".join(_cell(r, prev_point.get(r["endpoint"].name)) for r in point["rows"])
            + " |"
        )
    lines += [
        "",
        "The 1,000-service point is measured before orders and reviews are seeded; the "
        "10,000 and 100,000 points add services without items or weekly hours to the full "
        "campus.",
        "",
    ]
    return lines
