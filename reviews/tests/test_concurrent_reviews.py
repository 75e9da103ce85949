"""Racing writes, proven on PostgreSQL where row locks and concurrent
transactions are real (SQLite serialises every writer)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conftest import client_for
from reviews.models import Review
from users.tests.factories import StudentFactory

from .conftest import rating_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(requests):
    """Run each ``request()`` in its own thread, released together; their responses."""
    barrier = threading.Barrier(len(requests), timeout=60)

    def run(request):
        try:
            barrier.wait(timeout=30)
            return request()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(run, requests))


def test_twenty_students_reviewing_at_once_give_the_exact_average(service):
    students = StudentFactory.create_batch(20, password=None)
    stars = [(i % 5) + 1 for i in range(20)]  # four of each: average exactly 3
    stars[0] = 2  # 61 / 20 = 3.05
    clients = [client_for(student) for student in students]

    responses = race(
        [
            lambda c=c, s=s: c.post("/api/reviews/", {"service": service.pk, "rating": s})
            for c, s in zip(clients, stars, strict=True)
        ]
    )

    assert [r.status_code for r in responses] == [201] * 20
    assert Review.objects.filter(service=service).count() == 20
    assert sum(stars) == 61
    assert rating_of(service) == ("3.05", 20)


def test_ten_racing_duplicates_by_one_student_leave_exactly_one_review(service):
    student = StudentFactory()
    others = StudentFactory.create_batch(2)
    for other, stars in zip(others, (1, 2), strict=True):
        client_for(other).post("/api/reviews/", {"service": service.pk, "rating": stars})
    clients = [client_for(student) for _ in range(10)]

    responses = race(
        [lambda c=c: c.post("/api/reviews/", {"service": service.pk, "rating": 5}) for c in clients]
    )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [400] * 9
    for response in responses:
        if response.status_code == 400:
            assert response.json() == {
                "non_field_errors": ["You have already reviewed this service"]
            }
    assert Review.objects.filter(service=service, user=student).count() == 1
    assert rating_of(service) == ("2.67", 3)


def test_racing_edits_and_deletes_keep_the_rating_exact(service):
    students = StudentFactory.create_batch(10, password=None)
    reviews = [
        client_for(s).post("/api/reviews/", {"service": service.pk, "rating": 5}).json()["id"]
        for s in students
    ]
    clients = [client_for(s) for s in students]

    def act(i):
        url = f"/api/reviews/{reviews[i]}/"
        return clients[i].delete(url) if i % 2 else clients[i].patch(url, {"rating": 1})

    responses = race([lambda i=i: act(i) for i in range(10)])

    assert sorted(r.status_code for r in responses) == [200] * 5 + [204] * 5
    assert rating_of(service) == ("1.00", 5)
