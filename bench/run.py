"""`make bench`: seed PostgreSQL, serve the API with gunicorn, load it with wrk.

Steps: drop and create the `campus_bench` database, migrate, seed a campus,
start gunicorn (production settings, bench.wsgi adds the ceiling endpoint),
then for each endpoint a warm-up and a measured wrk run over 127.0.0.1,
bounded in time (BENCH_DURATION) and in requests (each pool of unique
requests is used at most once). The service list and search are also
measured at 1,000, 10,000 and 100,000 services. Then the live event stream
(uvicorn beside gunicorn): the service list with and without 500 idle open
streams, and the delivery latency of 200 events across two app servers; and
the bytes of the first catalogue page with its photos. Results are printed and
written to docs/BENCHMARKS.md, each beside the previous run's figures
(bench/previous.json, rewritten by every full-scale run).

Environment knobs: BENCH_SCALE (1 = the full campus; a smaller scale also
leaves bench/previous.json alone), BENCH_DURATION, BENCH_SCALING_DURATION and
BENCH_LIVE_DURATION (seconds), BENCH_CONNECTIONS, BENCH_WORKERS,
BENCH_WORKER_CLASS, BENCH_THREADS, BENCH_PORT (gunicorn; the two uvicorns use
the next two ports), BENCH_DATABASE_URL, BENCH_REDIS_DB, BENCH_CACHE_PREFIX
(the run deletes only keys under this prefix, never the whole Redis database),
BENCH_STREAMS, BENCH_EVENTS, BENCH_DELIVERY_SECONDS, BENCH_UNIQUE_PER_SECOND, BENCH_OUTPUT,
BENCH_PREVIOUS.

`make bench` then runs the lunch rush (bench/rush.py) in a database of its own.

The knobs are read in bench/environment.py; the servers are bench/servers.py's,
the measurements bench/measure.py's, the campus bench/seed.py's and
bench/seed_history.py's, the report bench/report.py's.
"""

import json
import os
import random
import sys
import time

from bench.environment import (
    BASE_DIR,
    CACHE_PREFIX,
    CONNECTIONS,
    DATABASE_URL,
    DURATION,
    KEEP_ALIVE,
    LIVE_DURATION,
    OUTPUT,
    PORT,
    PREVIOUS,
    REDIS_URL,
    SCALE,
    SCALING_DURATION,
    THREADS,
    WARMUP,
    WORK_DIR,
    WORKER_CLASS,
    WORKERS,
    WRK_THREADS,
    analyze,
    configure_environment,
    ensure_wrk,
    flush_cache,
    recreate_database,
    say,
    scaled,
)
from bench.measure import measure, measure_ceiling_again, measure_live, sample_load, scaling_point
from bench.servers import Gunicorn


def shown(path):
    """``path`` as the checkout names it, or whole when it lies outside
    (BENCH_OUTPUT and BENCH_PREVIOUS may name any file)."""
    return path.relative_to(BASE_DIR) if path.is_relative_to(BASE_DIR) else path


def main() -> None:
    configure_environment()
    sys.path.insert(0, str(BASE_DIR))
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    wrk = ensure_wrk()
    started = time.time()
    load_before = os.getloadavg()
    load_samples: list[float] = []
    sample_load(load_samples)
    recreate_database()
    flush_cache()

    import django

    django.setup()
    from django.core.management import call_command

    from bench import images, queries, report, report_machine, report_previous, seed, seed_history
    from bench.pools import endpoints

    call_command("migrate", verbosity=0)
    rng = random.Random(2024)  # noqa: S311 - reproducible data, not secrets
    sizes = [scaled(1000, 50), scaled(10000, 500), scaled(100000, 5000)]
    t0 = time.monotonic()
    campus = seed.seed_people(
        rng, vendors=scaled(200, 20), students=scaled(5000, 200), reviewers=1000
    )
    seed.seed_services(rng, campus, count=sizes[0], items_each=5)
    say(f"Seeded people and {sizes[0]} services in {time.monotonic() - t0:.1f} s")

    server = Gunicorn()
    scaling = []
    try:
        server.start()
        scaling.append(scaling_point(wrk, campus.service_count))

        t0 = time.monotonic()
        seed.seed_services(rng, campus, count=scaled(5000, 250) - sizes[0], items_each=5)
        seed_history.seed_orders(rng, campus, count=scaled(100_000, 2000), busy=scaled(5000, 200))
        seed_history.seed_reviews(rng, campus, count=scaled(50_000, 1000))
        seed_history.seed_lunch(rng, campus, services=10, cap=30)
        seed_history.seed_bookings(rng, campus, past=scaled(20_000, 500), seats=3, bookable=20)
        seed_seconds = time.monotonic() - t0
        t0 = time.monotonic()
        photos = images.upload_photos(images.first_page_ids())
        say(
            f"Seeded the campus in {seed_seconds:.1f} s; uploaded {photos[0]} photos "
            f"({photos[1] / 1e6:.1f} MB) in {time.monotonic() - t0:.1f} s",
        )
        flush_cache()
        analyze()
        counts = report_machine.row_counts()
        lists = queries.every_list(campus)
        hash_ms = queries.password_hash_ms()
        say("Endpoints:")
        rows = [measure(wrk, e, seconds=DURATION) for e in endpoints(rng, campus)]
        measure_ceiling_again(wrk, rows)
        try:
            page_bytes = images.first_page_bytes(f"http://127.0.0.1:{PORT}")
        except Exception as exc:
            page_bytes = images.PageBytes(error=f"{type(exc).__name__}: {exc}")
        say(
            f"First catalogue page: {page_bytes.page_json:,} B JSON, {page_bytes.photos} photos "
            f"{page_bytes.originals:,} B, 320 px variants {page_bytes.variants}",
        )
        live_results = measure_live(wrk, rng, campus)

        for size in sizes[1:]:
            seed.seed_extra_services(rng, campus, total=size)
            scaling.append(scaling_point(wrk, campus.service_count))
    finally:
        server.close()
    load_after = os.getloadavg()
    previous = json.loads(PREVIOUS.read_text()) if PREVIOUS.exists() else {}
    text = report.render(
        rows=rows,
        scaling=scaling,
        page_bytes=page_bytes,
        live=live_results,
        previous=previous,
        counts=counts,
        lists=lists,
        hash_ms=hash_ms,
        seed_seconds=seed_seconds,
        settings={
            "workers": WORKERS,
            "worker_class": WORKER_CLASS,
            "threads": THREADS,
            "keep_alive": KEEP_ALIVE,
            "connections": CONNECTIONS,
            "wrk_threads": WRK_THREADS,
            "duration": DURATION,
            "scaling_duration": SCALING_DURATION,
            "warmup": WARMUP,
            "scale": SCALE,
            "live_duration": LIVE_DURATION,
            "redis_url": REDIS_URL,
            "cache_prefix": CACHE_PREFIX,
            "database_url": DATABASE_URL,
        },
        load=(load_before, load_after),
        load_samples=load_samples,
        total_seconds=time.time() - started,
        wrk=wrk,
    )
    previous_text = OUTPUT.read_text() if OUTPUT.exists() else ""
    OUTPUT.write_text(text + report_previous.carried_sections(previous_text))
    if SCALE == 1:
        figures = report_previous.figures(
            rows=rows, scaling=scaling, page_bytes=page_bytes, live=live_results,
            load=(load_before, load_after),
        )  # fmt: skip
        PREVIOUS.write_text(json.dumps(figures, indent=1) + "\n")
        print(f"Wrote {shown(PREVIOUS)} (the next run's previous figures)")
    else:
        print(f"BENCH_SCALE={SCALE}: {shown(PREVIOUS)} left as it was")
    print(f"\nWrote {shown(OUTPUT)} ({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
