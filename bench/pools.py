"""The requests of each benchmarked endpoint, built from the seeded campus.

Writes get unique requests (a fresh Idempotency-Key per order, a fresh
(student, service) pair per review), so no request is a replay or a 400.
"""

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from rest_framework_simplejwt.tokens import AccessToken

from bench.load import Request
from bench.seed import PASSWORD, Campus, offered_slots
from catalogue.models import Service
from schedule.selectors import campus_today
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

    def student_lists(n: int) -> list[Request]:
        return [Request("GET", LIST_PATH, student_auth[student]) for student in students]

    def uncached_details(n: int) -> list[Request]:
        return [
            Request("GET", f"/api/services/{rng.choice(service_ids)}/?nocache={uuid.uuid4().hex}")
            for _ in range(n)
        ]

    def student_details(n: int) -> list[Request]:
        return [
            Request("GET", f"/api/services/{pk}/", student_auth[student])
            for pk, student in zip(detail_ids, students, strict=False)
        ]

    def orders(n: int, services: list[tuple[int, list[int]]] = campus.orderable) -> list[Request]:
        pool = []
        for _ in range(n):
            service_id, item_ids = rng.choice(services)
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

    # The lunch rush's shape: every student orders from the same service, so
    # every placement queues on its row lock (catalogue.locks).
    hot = campus.orderable[:1]

    def hot_orders(n: int) -> list[Request]:
        return orders(n, hot)

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

    # Every free place of the capped lunch services' pickup slots from tomorrow
    # on (today's may pass during the run), each sent at most once, so every
    # scheduled order finds its place.
    lunch_items = dict(campus.lunch)
    places = [
        (service_id, slot["start"].isoformat())
        for service_id, _ in campus.lunch
        for slot in offered_slots(service_id, range(1, 7))
        for _ in range(slot["remaining"] or 0)
    ]
    rng.shuffle(places)

    def scheduled_orders(n: int) -> list[Request]:
        taken, places[:n] = places[:n], []
        pool = []
        for service_id, start in taken:
            item_ids = lunch_items[service_id]
            body = {
                "service": service_id,
                "items": [{"service_item": rng.choice(item_ids), "quantity": 1}],
                "pickup_at": start,
            }
            headers = {
                **JSON,
                **student_auth[rng.choice(students)],
                "Idempotency-Key": uuid.uuid4().hex,
            }
            pool.append(Request("POST", "/api/orders/", headers, json.dumps(body)))
        return pool

    # Every free seat of the bookable services from tomorrow on, each taken by
    # a different student of that slot (one student never holds two
    # overlapping bookings of a service; back-to-back ones are allowed).
    seats = [
        (service_id, slot["start"].isoformat(), student)
        for service_id in campus.bookable_ids
        for slot in offered_slots(service_id, range(1, 13))
        for student in rng.sample(students, k=min(slot["remaining"] or 0, len(students)))
    ]
    rng.shuffle(seats)

    def bookings(n: int) -> list[Request]:
        taken, seats[:n] = seats[:n], []
        return [
            Request(
                "POST",
                "/api/bookings/",
                {**JSON, **student_auth[student], "Idempotency-Key": uuid.uuid4().hex},
                json.dumps({"service": service_id, "start": start, "notes": "Bench"}),
            )
            for service_id, start, student in taken
        ]

    tomorrow = (campus_today() + timedelta(days=1)).isoformat()
    in_two_days = (campus_today() + timedelta(days=2)).isoformat()
    lunch_slots = f"/api/services/{campus.lunch[0][0]}/slots/?date={tomorrow}"
    busy_slots = f"/api/services/{campus.busy_booking_id}/slots/?date={in_two_days}"

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
        Endpoint("service list, student", f"GET {LIST_PATH} as a logged-in student (the "
                 "public cache, after authentication), 500 students in turn", student_lists,
                 is_list=True),
        Endpoint("service detail", "GET /api/services/<one of 500>/ anonymous (cached)",
                 details, warm_all=True),
        Endpoint("service detail, student", "GET /api/services/<one of 500>/ as a logged-in "
                 "student (the public cache, after authentication), 500 students in turn",
                 student_details, warm_all=True),
        Endpoint("service detail, uncached",
                 "GET /api/services/<any>/?nocache=<unique> anonymous", uncached_details,
                 unique=True),
        Endpoint("busy vendor's orders",
                 f"GET /api/orders/ as the vendor of {campus.busy_vendor_orders:,} orders",
                 repeated("/api/orders/", vendor_auth), is_list=True),
        Endpoint("order creation", "POST /api/orders/ 1-3 lines, as soon as possible "
                 "(open around the clock), unique Idempotency-Key", orders, unique=True),
        Endpoint("order creation, one hot service", "POST /api/orders/ 1-3 lines, as soon as "
                 "possible, every request to the same service, unique Idempotency-Key",
                 hot_orders, unique=True),
        Endpoint("pickup slots", "GET /api/services/<capped lunch service>/slots/?date=<tomorrow> "
                 f"anonymous (21 slots, {campus.lunch_orders:,} scheduled orders seeded on "
                 f"{len(campus.lunch)} services)", repeated(lunch_slots)),
        Endpoint("order creation, scheduled", "POST /api/orders/ with pickup_at, a free place of "
                 "a capped lunch slot (1 line), unique Idempotency-Key", scheduled_orders,
                 unique=True),
        Endpoint("booking slots", "GET /api/services/<busy booking service>/slots/?date=<in 2 "
                 f"days> anonymous (24 slots, {campus.busy_bookings:,} bookings seeded)",
                 repeated(busy_slots)),
        Endpoint("booking creation", "POST /api/bookings/ a free seat (another student per "
                 "seat), unique Idempotency-Key", bookings, unique=True),
        Endpoint("review creation", "POST /api/reviews/ new (student, service) pair",
                 reviews, unique=True),
        # Four at a time: with sixteen, p50 would mostly be time queued behind
        # other logins' password hashing, which two cores do at the same rate.
        Endpoint("login", "POST /api/users/login/ (Argon2id), 500 students in turn, 4 connections",
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


def live_list_endpoints() -> list[Endpoint]:
    """The service list rows measured again with and without idle open streams."""
    return [
        Endpoint("service list", f"GET {LIST_PATH} anonymous (cached)", repeated(LIST_PATH),
                 is_list=True),
        Endpoint("service list, uncached", f"GET {LIST_PATH}&nocache=<unique> anonymous",
                 uncached(LIST_PATH), unique=True, is_list=True),
    ]  # fmt: skip
