"""The requests of each benchmarked endpoint, built from the seeded campus.

Writes get unique requests (a fresh Idempotency-Key per order, a fresh
(student, service) pair per review), so no request is a replay or a 400.
"""

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from rest_framework_simplejwt.tokens import AccessToken

from bench.load import Request
from bench.seed import PASSWORD, Campus
from catalogue.models import Service
from users.models import User

JSON = {"Content-Type": "application/json"}

LIST_PATH = "/api/services/?category=food&search=pizza"
SCALING_LIST_PATH = "/api/services/?category=food"
SCALING_SEARCH_PATH = "/api/services/?search=pizza"


@dataclass
class Endpoint:
    name: str
    request: str  # what one request is, for the table
    build: Callable[[int], list[Request]]  # n requests; unique ones are never repeated
    unique: bool = False  # every request is sent at most once (writes, cache misses)
    is_list: bool = False  # paginated: its query count is compared at 1 and 20 rows
    warm_all: bool = False  # the warm-up sends every request of the pool once
    connections: int | None = None  # instead of BENCH_CONNECTIONS


def bearer(user_ids: list[int]) -> dict[int, dict[str, str]]:
    users = User.objects.in_bulk(user_ids)
    return {pk: {"Authorization": f"Bearer {AccessToken.for_user(users[pk])}"} for pk in user_ids}


def uncached(path: str) -> Callable[[int], list[Request]]:
    """The same read with a query parameter the API ignores, different on every
    request, so each one misses any cache keyed by the URL."""
    sep = "&" if "?" in path else "?"
    return lambda n: [Request("GET", f"{path}{sep}nocache={uuid.uuid4().hex}") for _ in range(n)]


def repeated(path: str, headers: dict[str, str] | None = None) -> Callable[[int], list[Request]]:
    return lambda n: [Request("GET", path, headers or {})]


def endpoints(rng: random.Random, campus: Campus) -> list[Endpoint]:
    students = rng.sample(campus.student_ids, k=min(500, len(campus.student_ids)))
    student_auth = bearer(students)
    reviewer_auth = bearer(campus.reviewer_ids)
    vendor_auth = bearer([campus.busy_vendor_id])[campus.busy_vendor_id]
    service_ids = list(Service.objects.values_list("id", flat=True)[:5000])
    emails = list(User.objects.filter(pk__in=students).values_list("email", flat=True))

    detail_ids = rng.sample(service_ids, k=min(500, len(service_ids)))

    def details(n: int) -> list[Request]:
        return [Request("GET", f"/api/services/{pk}/") for pk in detail_ids]

    def uncached_details(n: int) -> list[Request]:
        return [
            Request("GET", f"/api/services/{rng.choice(service_ids)}/?nocache={uuid.uuid4().hex}")
            for _ in range(n)
        ]

    def orders(n: int) -> list[Request]:
        pool = []
        for _ in range(n):
            service_id, item_ids = rng.choice(campus.orderable)
            lines = rng.sample(item_ids, k=min(len(item_ids), rng.randint(1, 3)))
            body = {
                "service": service_id,
                "items": [{"service_item": i, "quantity": rng.randint(1, 4)} for i in lines],
                "delivery_address": "Hall 3, room 12",
            }
            headers = {**JSON, **student_auth[rng.choice(students)]}
            headers["Idempotency-Key"] = uuid.uuid4().hex
            pool.append(Request("POST", "/api/orders/", headers, json.dumps(body)))
        return pool

    # Reviewers have reviewed nothing: every (reviewer, service) pair is new.
    per_reviewer = min(40, len(service_ids))
    review_pairs = [
        (r, s) for r in campus.reviewer_ids for s in rng.sample(service_ids, k=per_reviewer)
    ]
    rng.shuffle(review_pairs)

    def reviews(n: int) -> list[Request]:
        taken, review_pairs[:n] = review_pairs[:n], []
        return [
            Request(
                "POST",
                "/api/reviews/",
                {**JSON, **reviewer_auth[reviewer]},
                json.dumps({"service": service, "rating": rng.randint(1, 5), "comment": "Good."}),
            )
            for reviewer, service in taken
        ]

    def logins(n: int) -> list[Request]:
        return [
            Request("POST", "/api/users/login/", JSON,
                    json.dumps({"email": email, "password": PASSWORD}))
            for email in emails
        ]  # fmt: skip

    return [
        Endpoint("ceiling", "GET /bench/ceiling/ (Django, no database)",
                 repeated("/bench/ceiling/")),
        Endpoint("health", "GET /api/health/ (DRF + SELECT 1)", repeated("/api/health/")),
        Endpoint("service list", f"GET {LIST_PATH} anonymous (cached)", repeated(LIST_PATH),
                 is_list=True),
        Endpoint("service list, uncached", f"GET {LIST_PATH}&nocache=<unique> anonymous",
                 uncached(LIST_PATH), unique=True, is_list=True),
        Endpoint("service detail", "GET /api/services/<one of 500>/ anonymous (cached)",
                 details, warm_all=True),
        Endpoint("service detail, uncached",
                 "GET /api/services/<any>/?nocache=<unique> anonymous", uncached_details,
                 unique=True),
        Endpoint("busy vendor's orders",
                 f"GET /api/orders/ as the vendor of {campus.busy_vendor_orders:,} orders",
                 repeated("/api/orders/", vendor_auth), is_list=True),
        Endpoint("order creation", "POST /api/orders/ 1-3 lines, unique Idempotency-Key",
                 orders, unique=True),
        Endpoint("review creation", "POST /api/reviews/ new (student, service) pair",
                 reviews, unique=True),
        # Four at a time: with sixteen, p50 would mostly be time queued behind
        # other logins' password hashing, which two cores do at the same rate.
        Endpoint("login", "POST /api/users/login/ (PBKDF2), 500 students in turn, 4 connections",
                 logins, connections=4),
    ]  # fmt: skip


def scaling_endpoints() -> list[Endpoint]:
    return [
        Endpoint(
            "list", f"GET {SCALING_LIST_PATH} (cached)", repeated(SCALING_LIST_PATH), is_list=True
        ),
        Endpoint(
            "list, uncached",
            "with a unique ?nocache=",
            uncached(SCALING_LIST_PATH),
            unique=True,
            is_list=True,
        ),
        Endpoint(
            "search",
            f"GET {SCALING_SEARCH_PATH} (cached)",
            repeated(SCALING_SEARCH_PATH),
            is_list=True,
        ),
        Endpoint(
            "search, uncached",
            "with a unique ?nocache=",
            uncached(SCALING_SEARCH_PATH),
            unique=True,
            is_list=True,
        ),
    ]
