"""The public catalogue's two read paths side by side, in-process: the rows
path (``ServiceViewSet.public_rows``) and the querysets every vendor read goes
through, for the bench's catalogue rows (list, list by category, search,
detail), each request a cache miss. Both paths alternate request by request
in the same run, so machine load falls on both alike.

``python -m bench.public_paths`` (its own database, ``campus_public_paths``,
and cache prefix; BENCH_SCALE as ``make bench``).
"""

import os
import random
import statistics
import sys
import time

from bench.environment import (
    BASE_DIR,
    analyze,
    configure_environment,
    flush_cache,
    recreate_database,
    scaled,
)

DATABASE_URL = os.environ.get(
    "BENCH_PATHS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/campus_public_paths"
)
PREFIX = "bench-public-paths"
ROUNDS = int(os.environ.get("BENCH_PATHS_ROUNDS", "5"))
REQUESTS = int(os.environ.get("BENCH_PATHS_REQUESTS", "60"))


def main() -> None:
    configure_environment(database_url=DATABASE_URL, cache_prefix=PREFIX)
    sys.path.insert(0, str(BASE_DIR))
    recreate_database(DATABASE_URL)
    flush_cache(PREFIX)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from bench import seed
    from bench.pools import LIST_PATH, SCALING_LIST_PATH, SCALING_SEARCH_PATH
    from catalogue.api.service_views import ServiceViewSet
    from catalogue.models import Service

    call_command("migrate", verbosity=0)
    rng = random.Random(2024)  # noqa: S311 - reproducible data, not secrets
    campus = seed.seed_people(rng, vendors=scaled(200, 20), students=200, reviewers=10)
    seed.seed_services(rng, campus, count=scaled(5000, 250), items_each=5)
    flush_cache(PREFIX)
    analyze()
    detail = Service.objects.order_by("id").values_list("id", flat=True)[:500]
    cases = {
        "service list (first page)": lambda n: "/api/services/",
        "by category": lambda n: SCALING_LIST_PATH,
        "search": lambda n: SCALING_SEARCH_PATH,
        "list row (category + search)": lambda n: LIST_PATH,
        "service detail": lambda n: f"/api/services/{detail[n % len(detail)]}/",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    times: dict = {}
    serial = 0
    for _ in range(ROUNDS):
        for name, path_of in cases.items():
            for n in range(REQUESTS):
                for rows in (True, False):
                    ServiceViewSet.public_rows = rows
                    serial += 1
                    path = path_of(n)
                    sep = "&" if "?" in path else "?"
                    started = time.perf_counter()
                    response = client.get(f"{path}{sep}nocache={serial}")
                    elapsed = time.perf_counter() - started
                    assert response.status_code == 200, (path, response.status_code)
                    times.setdefault((name, rows), []).append(elapsed * 1000)
    ServiceViewSet.public_rows = True
    print(f"{Service.objects.count():,} services; {ROUNDS} rounds x {REQUESTS} requests a path")
    print("| row | rows path ms (median) | querysets ms (median) | querysets / rows |")
    print("|---|--:|--:|--:|")
    for name in cases:
        fast = statistics.median(times[(name, True)])
        orm = statistics.median(times[(name, False)])
        print(f"| {name} | {fast:.2f} | {orm:.2f} | {orm / fast:.2f}x |")
    flush_cache(PREFIX)


if __name__ == "__main__":
    main()
