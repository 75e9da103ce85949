"""The report's written sections: what was optimised, the notes beside the tables,
and how the run was configured."""

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
    "| An order's options read by a plan compiled once per connection, not a queryset built "
    "on every placement: it runs with the service row locked, so its cost is time every other "
    "placement of a busy stall waits | `orders/lines.py::_OPTIONS` | in-process, 100 "
    "lunch-stall orders with options: 12.8-13.5 → 11.1-11.4 ms CPU per request, same "
    "statements |",
    "| The answer after an order's status change reads the order without asking visibility "
    "again (`get_object` has just proven it), so a vendor's services are read once per move | "
    "`orders/selectors.py::order_answer` | in-process, 200 moves to confirmed: 19.0 → 16.6 ms "
    "CPU per request, one query fewer; the lunch rush's board is most of the app server's CPU |",
    "",
    "Left as it is: the *list, uncached* and *search, uncached* columns fall as the catalogue "
    "grows, because a page's `COUNT(*)` visits every matching row (PostgreSQL 15 reads the "
    "table for each match even when an index found it); anonymous reads are served from the "
    "cache, and an estimated count would change what `count` means to clients.",
    "",
]

# Said under the endpoint table when a row's p99 is seconds over a p50 of milliseconds.
STALL_NOTE = [
    "",
    "A p99 of seconds over a p50 of milliseconds is one stall, not many slow "
    "requests: wrk corrects its latencies for coordinated omission, so a request "
    "held for seconds also stands for the requests its connection could not send "
    "meanwhile. (Runs before 2026-11-30 had such stalls on rows that repeat one URL: "
    "`bench/replay.lua` gave wrk's second thread no request, its connections stayed "
    "silent, and gunicorn's gthread worker holds a thread up to 5 s for the first "
    "bytes of a new connection, so live connections queued behind them.)",
]

SCHEDULE_NOTE = [
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


def configuration(settings: dict, *, hasher_parameters: str, hash_ms: float, wrk: str) -> list[str]:
    """How the run was set up, with the knobs it ran with."""
    return [
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
