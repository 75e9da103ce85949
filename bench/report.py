"""docs/BENCHMARKS.md from one run: the machine, the method, the tables."""

import os
import platform
import statistics
import subprocess
import sys
from datetime import UTC, datetime

import django
import gunicorn
import redis
from django.contrib.auth.hashers import get_hasher
from django.db import connection

from catalogue.models import Service, ServiceItem, VendorProfile
from orders.models import Order, OrderItem
from reviews.models import Review
from users.models import User

COMMAND = "make bench"


def row_counts() -> dict[str, int]:
    return {
        "vendors (with a profile)": VendorProfile.objects.count(),
        "users": User.objects.count(),
        "services": Service.objects.count(),
        "service items": ServiceItem.objects.count(),
        "orders": Order.objects.count(),
        "order lines": OrderItem.objects.count(),
        "reviews": Review.objects.count(),
    }


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10)  # noqa: S603
    except OSError:
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0]


def cpu_model() -> str:
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


def machine() -> list[tuple[str, str]]:
    cpu = cpu_model()
    with open("/proc/meminfo") as info:
        memory = f"{int(info.readline().split()[1]) / 1024**2:.1f} GiB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(os.environ["REDIS_URL"]).info("server")["redis_version"]
    return [
        ("CPU", f"{os.cpu_count()} cores (nproc), {cpu}"),
        ("Memory", memory),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("PostgreSQL", postgres),
        ("Redis", redis_version),
        ("Python", sys.version.split()[0]),
        ("Django", django.get_version()),
        ("gunicorn", gunicorn.__version__),
        ("wrk", _first_line(["wrk", "--version"]).split(" [")[0]),
    ]


def _ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _rps(value: float) -> str:
    return f"{value:,.1f}" if value < 10 else f"{value:,.0f}"


def _share(value: float) -> str:
    if value < 0.01:
        return f"{value:.2%}"
    return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def _cell(row: dict, prev: dict | None = None) -> str:
    r = row["result"]
    before = f" ({_rps(prev['rps'])})" if prev else ""
    return f"{_ms(r.p50_ms)} / {_ms(r.p99_ms)} ms, {_rps(r.rps)}/s{before}"


# The speed targets: (row, baseline share of the ceiling, factor wanted, where the
# baseline comes from). A target share is baseline x factor; cached reads have an
# absolute target instead (factor None, baseline = the share wanted).
ISSUE_MEASUREMENT = "the side-by-side measurement the speed work started from"
FIRST_BENCH = "`make bench` of 2026-11-25 01:51 UTC"
SHARE_TARGETS = [
    ("service list, uncached", 0.027, 4, ISSUE_MEASUREMENT),
    ("service list, student", 0.027, 4, "as uncached: a logged-in read always missed the cache"),
    ("service detail, uncached", 0.030, 5, ISSUE_MEASUREMENT),
    ("service list", 0.60, None, "at least 60 % of the ceiling"),
    ("service detail", 0.60, None, "at least 60 % of the ceiling"),
    ("order creation", 0.025, 2, FIRST_BENCH),
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


OPTIMISATIONS = [
    "## What was optimised, and the evidence",
    "",
    "Each change came from profiling an earlier run (query plans with `EXPLAIN ANALYZE`, "
    "query counts, cProfile); the figures beside each were measured on this machine at the "
    "level named.",
    "",
    "| change | where | measured |",
    "|---|---|---|",
    "| Search reads a stored, GIN-indexed `tsvector` column instead of computing "
    "`to_tsvector` for every row it walks | `catalogue/migrations/0003_service_search_index.py`, "
    "`catalogue/selectors.py` | the `?search=pizza` page query at 100,000 services: 55-82 ms "
    "→ 2 ms (EXPLAIN ANALYZE); the *search, uncached* column above stays flat from 10,000 to "
    "100,000 services |",
    "| A vendor's orders are filtered by their service ids, not through a join | "
    "`orders/selectors.py::orders_visible_to` | count of a busy vendor's 5,000 orders among "
    "100,000: 35 ms (sequential scan) → 1 ms (index scan) |",
    "| One Redis client per connection pool instead of one per cache operation | "
    "`common/cache.py` | `cache.get`: 142 µs → 52 µs in-process; every cached read does two |",
    "| Order lines are validated as ids and resolved in one bulk query | "
    "`orders/api/serializers.py`, `orders/services.py` | validation queries for a 50-line "
    "order: 50 → 0; the *SQL* column shows one request's total, the same for 1 "
    "and for 20 lines (a test pins it) |",
    "| Public catalogue reads cached under a version bumped after each committed write | "
    "`catalogue/cache.py` | cached rows above against their *uncached* twins: 5-10x the "
    "requests/s |",
    "| Every list's joins and prefetches written once in a selector | `*/selectors.py` | "
    "the query-count table above: equal at 1, 20 and 100 rows |",
    "| `gthread` workers with a long keep-alive | the gunicorn command in the README | the "
    "default `sync` worker stalled wrk on reconnects; `--keep-alive 2` dropped connections "
    "holding a request |",
    "| A cached anonymous read is answered with the stored JSON bytes and headers after one "
    "cache round trip, before authentication, negotiation, filtering and rendering | "
    "`catalogue/api/caching.py` | profile: two Redis GETs and re-rendering were most of a hit; "
    "CPU per cached list 6.06 → 1.88 ms in-process; the *service list* and *service detail* "
    "rows |",
    "| Sessions, auth and messages middleware only outside `/api/` | `common/middleware.py` | "
    "ten middleware cost ~56 µs a request, four of them for the admin only |",
    "| django-filter skipped when no filter is sent and on a retrieve; filter sets with a form "
    "class built once and shallow-copied filters | `common/filters.py` | 11 % of an uncached "
    "list built and validated a form for nothing; then 10 % deep-copying filters |",
    "| Serializer fields built once per class, rows serialized by a plan (catalogue, then "
    "orders, bookings and reviews) | `common/serializers.py` | 8 % of an uncached list rebuilt "
    "fields; the same JSON as DRF's, compared by a test per app |",
    "| Weekly periods and closures read as two JSON columns of the page query instead of two "
    "prefetches | `schedule/selectors.py::with_calendar` | uncached list 9.0 → 6.5 ms "
    "in-process, 4 → 2 queries (the query-count table) |",
    "| An order placement answers from the rows it wrote; the service lock reads vendor, "
    "profile, hidden state and calendar | `orders/services.py`, `catalogue/locks.py` | a "
    "third of a placement read the order back: 18.8 → 11.4 ms in-process, 23 → 15 queries "
    "with its Idempotency-Key (the *SQL* column) |",
    "| A student's catalogue reads share the public cache entries (a student sees exactly the "
    "public catalogue; vendors and admins still read the database) | "
    "`catalogue/api/caching.py::sees_the_public_view` | every logged-in read missed the "
    "cache; the *service list, student* row against *service list, uncached* |",
    "| Order and review writes read the service once, under its lock (validation checks the "
    "id's shape only); a review is refused as a duplicate by its unique constraint alone and "
    "answered from what it wrote; an order's Idempotency-Key insert needs no savepoint | "
    "`common/fields.py::LockedLaterField`, `reviews/services.py`, `orders/services.py` | "
    "review creation 15 → 9 statements, 29 → 17-21 ms in-process; order creation 15 → 12, "
    "25 → 18.8 ms (the *SQL* column) |",
    "| A cache `incr` in one Redis round trip (a script) instead of `EXISTS` then `INCRBY` | "
    "`common/cache.py` | every write that bumps the catalogue version waited for two round "
    "trips |",
    "| PostgreSQL prepares a statement run 5 times on a connection (parameters bound on the "
    "server), and reuses its plan | `config/settings/database.py` (`DB_PREPARE_THRESHOLD`) | an "
    "uncached detail's query: planning 1.2 ms, execution 0.25 ms (EXPLAIN ANALYZE); the "
    "detail 10.5 → 7.7 ms in-process |",
    "| The public list and detail (anonymous visitors and students; admins' lists too) read "
    "as rows: SQL written once per connection with the querysets' rules, rows converted as "
    "the ORM does and rendered by a plan made from the serializers' fields; no query "
    "compilation, model instances or DRF field machinery | `catalogue/public_rows.py`, "
    "`catalogue/api/public_rows.py` | an uncached list was ~84 % Python; list 8.7 → 5.0 ms, "
    "detail 3.8 → 1.4 ms in-process; both paths give the same answers "
    "(`catalogue/tests/test_public_rows.py`) |",
    "| A public page is read with its count (an uncorrelated subquery, computed once) in one "
    "statement; filter forms share their fields instead of deep-copying them; an opening "
    "state computed once per distinct hours in an answer; ISO datetimes without DRF's "
    "per-value wrappers | "
    "`catalogue/public_rows.py`, `common/filters.py`, `schedule/selectors.py`, "
    "`common/serializers.py` | a form's deep copy was a tenth of a list's Python time; list "
    "5.0 → 3.8 ms in-process, 2 → 1 statement (the *SQL* column) |",
    "| The connection pool checks a connection only when its socket has something to read "
    "(the server ended it), not with an empty query before every request | "
    "`common/postgresql/base.py` | one round trip of every request that reads the database "
    "(3.5 % of a profiled uncached detail) |",
    "| The bench's driver gives every wrk connection requests (a one-line request file left "
    "wrk's second thread silent, and gunicorn holds a thread up to 5 s for a silent new "
    "connection) | `bench/replay.lua` | every 2.5-5 s p99 of earlier runs' ceiling and cached "
    "rows was one such stall; the ceiling rose ~5,700 → ~6,500/s on 16 live connections |",
    "| Each app server process keeps the stored answers it served in memory and answers them "
    "again before URL resolution after reading the catalogue version alone | "
    "`catalogue/api/caching.py::StoredAnswerMiddleware` | a hit was 285-292 µs in-process "
    "(ceiling view 100 µs): the version and 19 kB body from Redis 105 µs, URL resolution and "
    "the DRF view 30 µs; now 212-217 µs |",
    "| The small, hot queries of writes and of authentication compiled once per connection "
    "and run with each call's ids (the service lock with what a write reads with it, an "
    "order's items, the queue ahead of it, a service's rating totals, the bearer token's "
    "account); rows made into model instances as the queryset makes them | "
    "`common/plans.py`, `catalogue/locks.py`, `users/authentication.py` | building and "
    "compiling a review's lock took 1.8-2.0 ms, running it 0.5 ms; CPU per request "
    "in-process: order creation 7.0 → 4.7 ms, review creation 5.8 → 3.3 ms, same statements |",
    "| Rows a write creates are inserted with SQL compiled once per model and connection "
    "(each field's `pre_save` and database preparation as Django's insert) | "
    "`common/plans.py::create` | `objects.create` cost ~0.3 ms of CPU beyond its round trip; "
    "order creation 4.7 → 4.35 ms CPU in-process |",
    "| A process's copy of a stored answer checks the catalogue version on a Redis "
    "connection the thread keeps to itself | `common/cache.py::RedisCache.get_small` | "
    "the GET through redis-py's pool and Django's client 129 µs, on a held connection "
    "82 µs; a cached list 0.27 → 0.23 ms in-process |",
    "| A search is counted and paged in one pass: its matches read once as ids and sort keys, "
    "counted by a window function, cut to the page, and only the page joined to its columns; "
    "the hidden-vendor rule said of the service row (its vendor not among the deactivated "
    "accounts and profiles, read from partial indexes), so a count joins nothing | "
    "`catalogue/public_rows.py`, `users/migrations/0002_user_inactive_index.py` | the generic "
    "plan of `?search=pizza` at 100,000 services visited its 1,722 matches twice (the count, "
    "then the page's sort) and joined each to its vendor: 5.3 → 1.7-2.3 ms (EXPLAIN ANALYZE); "
    "in-process 6.5 → 3.7 ms (1,000 services: 2.0 → 1.9 ms); `?category=food` 13.8 → 7.0 ms |",
    "| WebP variants (320 and 960 px) beside every photo, `srcset` in the web app | "
    "`common/images.py`, `web/src/components/ResponsiveImage.tsx` | the first catalogue "
    "page's photos: see *First catalogue page on a phone* |",
    "",
    "Left as it is: the *list, uncached* and *search, uncached* columns fall as the catalogue "
    "grows, because a page's `COUNT(*)` visits every matching row (PostgreSQL 15 reads the "
    "table for each match even when an index found it); anonymous reads are served from the "
    "cache, and an estimated count would change what `count` means to clients.",
    "",
]


def _ceiling_runs(rows) -> str:
    runs = next((r.get("runs") for r in rows if r["endpoint"].name == "ceiling"), None)
    if not runs:
        return ""
    return (
        f" (the higher of {_rps(runs[0])}/s, measured first, and {_rps(runs[1])}/s, measured "
        "again after the last endpoint)"
    )


NONE = "\u2013"  # an en dash: no figure
MINUS = "\u2212"


def _change(now: float | None, before: float | None, *, lower_is_better: bool = False) -> str:
    """Relative change; a regression of 10 % or more is bold, so it stands out."""
    if not now or not before:
        return "new" if not before else NONE
    change = now / before - 1
    text = f"{change:+.0%}".replace("-", MINUS)
    worse = change >= 0.10 if lower_is_better else change <= -0.10
    return f"**{text}**" if worse else text


def _prev(value, fmt) -> str:
    return NONE if value is None else fmt(value)


def render(
    *,
    rows,
    scaling,
    page_bytes,
    live,
    previous,
    counts,
    lists,
    hash_ms,
    seed_seconds,
    settings,
    load,
    load_samples,
    total_seconds,
    wrk,
) -> str:
    hasher = get_hasher()
    if hasattr(hasher, "memory_cost"):
        hasher_parameters = (
            f"`{hasher.algorithm}` (Argon2id, m = {hasher.memory_cost // 1024} MiB, "
            f"t = {hasher.time_cost}, p = {hasher.parallelism})"
        )
    else:
        iterations = getattr(hasher, "iterations", None)
        hasher_parameters = f"`{hasher.algorithm}`" + (
            f" with {iterations:,} iterations" if iterations else ""
        )
    ceiling = next(r["result"].rps for r in rows if r["endpoint"].name == "ceiling")
    prev_rows = previous.get("endpoints", {})
    prev_ceiling = prev_rows.get("ceiling", {}).get("rps")
    prev_run = previous.get("run", "no previous run")
    prev_load = previous.get("load")
    lines = [
        "# Benchmarks",
        "",
        f"One `{COMMAND}` run on this machine, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"({total_seconds / 60:.1f} minutes in all). Reproduce with:",
        "",
        "```sh",
        COMMAND,
        "```",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in machine()],
        f"| Load average (1 min) | {load[0][0]:.2f} before the run, {load[1][0]:.2f} after"
        + (
            f"; during it {statistics.mean(load_samples):.1f} on average, "
            f"{min(load_samples):.1f} to {max(load_samples):.1f} "
            f"({len(load_samples)} samples, one every 10 s) |"
            if load_samples
            else " |"
        ),
        "",
        "The load generator, PostgreSQL, Redis and gunicorn share the same cores, so part "
        "of the load average during and after the run is the benchmark's own"
        + (
            f" (a run on an otherwise idle machine, {prev_run}, ended at {prev_load[1]:.1f}). "
            if prev_load and prev_load[0] < 1
            else ". "
        )
        + (
            f"Other processes already kept the load average at {load[0][0]:.1f} on "
            f"{os.cpu_count()} cores when the run began, so the server had a fraction of the "
            "CPU and every round trip to PostgreSQL or Redis waited for a time slice: absolute "
            "numbers are pessimistic, most of all for requests with many round trips (cache "
            "misses, writes). Compare rows of one run, and shares of the ceiling across runs."
            if load[0][0] > 1
            else "Nothing else was running on the machine when the run began."
        ),
        "",
        "## Endpoints",
        "",
        f"Campus: {', '.join(f'{n:,} {name}' for name, n in counts.items())} "
        f"(seeded in {seed_seconds:.0f} s).",
        "",
        f"**Ceiling** (the cheapest Django response, `bench/urls.py`): **{_rps(ceiling)} "
        f"requests/s** in this run{_ceiling_runs(rows)}"
        + (
            f", {_rps(prev_ceiling)} in the previous one ({prev_run}"
            + (f", load average {prev_load[0]:.2f} before it" if prev_load else "")
            + ")."
            if prev_ceiling
            else "."
        )
        + (
            f" The previous run was on another CPU ({previous['cpu']}): a share of the "
            "ceiling does not carry over exactly between machines (the ceiling is one cheap "
            "request, the other rows also wait on PostgreSQL and Redis), so read a row's "
            "*share change* against that of rows whose code did not change."
            if previous.get("cpu") not in (None, cpu_model())
            else ""
        ),
        "",
        f"wrk, {settings['wrk_threads']} threads, {settings['connections']} keep-alive "
        f"connections, {settings['warmup']} s warm-up then {settings['duration']} s per "
        "endpoint. *of ceiling* is the endpoint's requests/s over the ceiling endpoint's "
        "in the same run; *prev* columns are the previous run's figures "
        "(`bench/previous.json`, rewritten by each full run); *share change* compares the "
        "two shares of the ceiling, which cancels part of the difference in machine load "
        "between the runs (not all of it: on a loaded machine requests with many round trips "
        "lose more than the ceiling does); a fall of 10 % or more is in bold. *SQL* is the "
        "number of queries one request runs when the cache misses, counted in-process with "
        "`CaptureQueriesContext`; for lists, with 1 row / 20 rows a page (equal counts: no "
        "query per row). *non-2xx* also counts socket errors and timeouts.",
        "",
        "| endpoint | request | req/s | prev req/s | p50 ms | p99 ms | prev p99 ms "
        "| of ceiling | prev of ceiling | share change | SQL | non-2xx |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        r = row["result"]
        name = row["endpoint"].name
        prev = prev_rows.get(name, {})
        share = r.rps / ceiling
        note = " (pool ran out)" if r.exhausted else ""
        lines.append(
            f"| {name} | `{row['endpoint'].request}` | {_rps(r.rps)} | "
            f"{_prev(prev.get('rps'), _rps)} | {_ms(r.p50_ms)} | {_ms(r.p99_ms)} | "
            f"{_prev(prev.get('p99_ms'), _ms)} | {_share(share)} | "
            f"{_prev(prev.get('of_ceiling'), _share)} | "
            f"{_change(share, prev.get('of_ceiling')) if name != 'ceiling' else NONE} | "
            f"{row['queries']} | {r.failures}{note} |"
        )
    if any(r["result"].p99_ms > 2000 and r["result"].p50_ms < 50 for r in rows):
        lines += [
            "",
            "A p99 of seconds over a p50 of milliseconds is one stall, not many slow "
            "requests: wrk corrects its latencies for coordinated omission, so a request "
            "held for seconds also stands for the requests its connection could not send "
            "meanwhile. (Runs before 2026-11-30 had such stalls on rows that repeat one URL: "
            "`bench/replay.lua` gave wrk's second thread no request, its connections stayed "
            "silent, and gunicorn's gthread worker holds a thread up to 5 s for the first "
            "bytes of a new connection, so live connections queued behind them.)",
        ]
    lines += [
        "",
        "Schedule and bookings rows: every ordering and booking service is open around the "
        "clock (two weekly periods a day, 00:00-12:00 and 12:00-24:00, so an "
        "as-soon-as-possible order is accepted whenever the run happens), except ten capped "
        "lunch services (11:00-14:30, 10-minute pickup slots, 30 orders a slot, scheduled "
        "orders already in the coming days) and one busy booking service (a barber: "
        "08:00-20:00, 30-minute slots, 3 seats, bookings over the past year and most seats of "
        "the next two weeks taken). Scheduled orders take the free places of the lunch slots "
        "from tomorrow on, bookings the free seats of twenty services open around the clock "
        "(5 seats a slot), another student for each seat of a slot; so every write is "
        "expected to succeed, and *non-2xx* counts those that did not.",
    ]
    lines += _targets_section(rows, scaling)
    lines += _bytes_section(page_bytes, previous.get("page_bytes"))
    lines += _live_section(live, previous.get("live"))
    lines += [
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
    names = [row["endpoint"] for row in scaling[0]["rows"]]
    lines += [
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
        *OPTIMISATIONS,
        "## Configuration",
        "",
        f"- gunicorn `bench.wsgi:application`: {settings['workers']} `{settings['worker_class']}` "
        f"workers, {settings['threads']} threads each (2 * cores + 1 workers), "
        f"`--keep-alive {settings['keep_alive']}`, no access log, "
        "bound to 127.0.0.1.",
        "- Live rows: `uvicorn config.asgi:application` as the README runs it beside "
        "gunicorn (`--lifespan off --timeout-keep-alive 75`), server A with 2 workers on the "
        "next port, server B with 1 worker on the one after, same database and Redis; "
        f"{settings['live_duration']} s per measurement; the fan-out channel is "
        f"`EVENTS_CHANNEL={settings['cache_prefix']}:notifications`.",
        "- Settings: `config.settings` with `DEBUG=false`, a generated `SECRET_KEY`, "
        "`SECURE_SSL_REDIRECT=false` (plain HTTP on loopback), `ALLOWED_HOSTS=127.0.0.1`, "
        f"`REDIS_URL={settings['redis_url']}` with `CACHE_KEY_PREFIX={settings['cache_prefix']}` "
        "(the keys under that prefix are deleted at the start and after each seeding step; the "
        "Redis server is shared, so nothing is flushed), "
        f"`DATABASE_URL={settings['database_url']}` (dropped and recreated by the run). "
        "`bench/settings.py` only adds the ceiling URL (`bench/urls.py`); it is not part of "
        "the public API.",
        f"- Password hasher: {hasher_parameters} (`FAST_PASSWORD_HASHER` is off): one hash "
        f"took {hash_ms:.0f} ms "
        f"of CPU in this run, so two cores cannot log in more than about "
        f"{2000 / hash_ms:.0f} users a second. Every seeded user shares one hash, computed once.",
        "- Login: one client address sends every login, so `LOGIN_CLIENT_RATE` and "
        "`LOGIN_ACCOUNT_RATE` are raised for the run; the logins rotate over 500 students.",
        "- Writes are unique: each order carries its own `Idempotency-Key` (students chosen at "
        "random), each review a (student, service) pair never reviewed before. Access tokens "
        "are minted before the run (`JWT_ACCESS_MINUTES=240`).",
        "- A trial on a small campus: `BENCH_SCALE=0.05 BENCH_DURATION=3 "
        "BENCH_SCALING_DURATION=2 BENCH_LIVE_DURATION=3 BENCH_EVENTS=50 "
        "BENCH_OUTPUT=var/bench/trial.md make bench` (a scale below 1 leaves "
        "`bench/previous.json` alone); `BENCH_DATABASE_URL`, `BENCH_PORT` and "
        "`BENCH_CACHE_PREFIX` keep concurrent runs apart (see `bench/run.py`).",
        f"- Load generator: `{wrk}` (Debian's wrk 4.1, C, one thread per core) replaying "
        "request files through `bench/replay.lua`; every run is bounded by its duration and "
        "each pool of unique requests is sent at most once. wrk was chosen by measurement: "
        "it spent 24 µs of CPU per request against the ceiling endpoint, a minimal asyncio "
        "HTTP/1.1 keep-alive client in Python 65 µs (without recording latencies), CPU "
        "taken from the server on a 2-core machine.",
        "- gunicorn's worker class: the `sync` worker closes the connection after every "
        "response and wrk stalls on those reconnects, so the run uses `gthread` with "
        "keep-alive; its default `--keep-alive 2` let busy workers drop connections that "
        "already held a request. 8 threads a worker, as in the README's production command.",
        "",
    ]
    return "\n".join(lines)


def _bytes(n: int | None) -> str:
    if n is None:
        return NONE
    if n >= 1_000_000:
        return f"{n / 1e6:,.1f} MB"
    return f"{n / 1e3:,.1f} kB" if n >= 1000 else f"{n} B"


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


def figures(*, rows, scaling, page_bytes, live, load) -> dict:
    """This run's figures as bench/previous.json keeps them for the next run."""
    ceiling = next(r["result"].rps for r in rows if r["endpoint"].name == "ceiling")
    d = live.get("delivery")
    return {
        "run": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "source": f"`{COMMAND}`",
        "scale": 1,
        "cpu": cpu_model(),
        "load": [round(load[0][0], 2), round(load[1][0], 2)],
        "endpoints": {
            row["endpoint"].name: {
                "rps": round(row["result"].rps, 1),
                "p50_ms": round(row["result"].p50_ms, 2),
                "p99_ms": round(row["result"].p99_ms, 2),
                "of_ceiling": round(row["result"].rps / ceiling, 5),
                "non_2xx": row["result"].failures,
            }
            for row in rows
        },
        "scaling": {
            str(point["services"]): {
                r["endpoint"].name: {
                    "rps": round(r["result"].rps, 1),
                    "p50_ms": round(r["result"].p50_ms, 2),
                    "p99_ms": round(r["result"].p99_ms, 2),
                }
                for r in point["rows"]
            }
            for point in scaling
        },
        "page_bytes": None
        if page_bytes.error
        else {
            "page_json": page_bytes.page_json,
            "photos": page_bytes.photos,
            "with_originals": page_bytes.with_originals,
            "with_variants": page_bytes.with_variants,
            "with_960": None
            if page_bytes.variants_960 is None
            else page_bytes.page_json + page_bytes.variants_960,
        },
        "live": {
            "streams": live["streams"],
            "ratios": {k: round(v, 3) for k, v in live.get("ratios", {}).items()},
            "delivery": None
            if d is None
            else {
                "p50_ms": round(d.p50_ms, 2),
                "p99_ms": round(d.p99_ms, 2),
                "received": d.received,
                "events": d.events,
            },
        },
    }


# Sections written by another step, kept when a run rewrites the file: measured by the fault
# suite, and the lunch rush (bench/rush.py, run after bench/run.py, replaces its own section).
CARRIED_SECTIONS = ("## Database connections under load", "## Lunch rush")


def carried_sections(previous: str) -> str:
    kept = []
    for heading in CARRIED_SECTIONS:
        start = previous.find(heading)
        if start == -1:
            continue
        end = previous.find("\n## ", start + len(heading))
        kept.append(previous[start : end if end != -1 else None].rstrip() + "\n")
    return "".join(f"\n{section}" for section in kept)
