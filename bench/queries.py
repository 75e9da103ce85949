"""SQL query counts of single requests, served in this process by the same code
and database as the benchmark server: the evidence that no list runs a query
per row."""

import time
import uuid
from dataclasses import replace

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.load import Request
from bench.pools import bearer
from bench.seed import PASSWORD, Campus
from reviews.models import Review

PAGE_SIZES = (1, 20, 100)


def count_queries(request: Request) -> tuple[int, int]:
    """(status, SQL queries) of one request."""
    headers = {k.upper().replace("-", "_"): v for k, v in request.headers.items()}
    extra = {f"HTTP_{k}": v for k, v in headers.items() if k != "CONTENT_TYPE"}
    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as queries:
        response = client.generic(
            request.method,
            request.path,
            data=request.body,
            content_type=request.headers.get("Content-Type", ""),
            **extra,
        )
    return response.status_code, len(queries)


def cache_miss(request: Request) -> Request:
    """The same GET with a query parameter nobody sent before: it misses the cache."""
    sep = "&" if "?" in request.path else "?"
    return replace(request, path=f"{request.path}{sep}nocache={uuid.uuid4().hex}")


def every_list(campus: Campus) -> list[tuple[str, str, int, list[int]]]:
    """(who, path, status, queries at each of PAGE_SIZES rows) for every list endpoint."""
    student = campus.student_ids[0]
    auth = bearer([campus.busy_vendor_id, student, campus.admin_id])
    reviewed = Review.objects.order_by("service_id").values_list("service_id", flat=True).first()
    cases = [
        ("anonymous", None, "/api/services/"),
        ("anonymous", None, "/api/services/by_category/?category=food"),
        ("anonymous", None, "/api/services/by_type/?type=ordering"),
        ("anonymous", None, f"/api/services/{reviewed}/items/"),
        ("anonymous", None, f"/api/services/{reviewed}/reviews/"),
        ("anonymous", None, "/api/vendor-profiles/"),
        ("anonymous", None, "/api/reviews/"),
        ("busy vendor", campus.busy_vendor_id, "/api/services/"),
        ("busy vendor", campus.busy_vendor_id, "/api/orders/"),
        ("student", student, "/api/orders/"),
        ("student", student, f"/api/reviews/?user={student}"),
        ("admin", campus.admin_id, "/api/orders/"),
        ("admin", campus.admin_id, "/api/services/"),
    ]
    rows = []
    for who, user_id, path in cases:
        headers = auth[user_id] if user_id else {}
        counts, status = [], 0
        for size in PAGE_SIZES:
            sep = "&" if "?" in path else "?"
            request = cache_miss(Request("GET", f"{path}{sep}page_size={size}", headers))
            status, queries = count_queries(request)
            counts.append(queries)
        rows.append((who, path, status, counts))
    return rows


def password_hash_ms() -> float:
    """CPU time of one hash with the configured hasher: what every login pays."""
    started = time.process_time()
    make_password(PASSWORD)
    return (time.process_time() - started) * 1000
