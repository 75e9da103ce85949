"""Real parallel requests for the PostgreSQL race tests: each thread has its
own client and its own database connection, and all start at one barrier."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection


def race(requests):
    """Run each ``(client, method, url, data, format)`` at the same moment;
    return ``(status_code, body)`` per request, in order. A 500 raises."""
    barrier = threading.Barrier(len(requests), timeout=60)

    def run(client, method, url, data, fmt):
        try:
            barrier.wait()
            response = getattr(client, method)(url, data, format=fmt)
            body = response.json() if response.content else None
            return response.status_code, body
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda args: run(*args), requests))
