"""The caller's own notifications: list, unread filter, count, mark read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Notification
from notifications.tests.factories import NotificationFactory

LIST_URL = "/api/notifications/"
COUNT_URL = "/api/notifications/unread_count/"
MARK_URL = "/api/notifications/mark_read/"

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_the_callers_notifications_newest_first(student, student_client):
    older = NotificationFactory(recipient=student)
    newer = NotificationFactory(recipient=student)
    NotificationFactory()  # someone else's

    response = student_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [n["id"] for n in body["results"]] == [newer.pk, older.pk]
    assert set(body["results"][0]) == {
        *("id", "kind", "title", "body", "order", "booking", "service"),
        *("created_at", "read_at"),
    }


def test_the_list_is_paginated(student, student_client):
    for _ in range(3):
        NotificationFactory(recipient=student)

    body = student_client.get(LIST_URL, {"page_size": 2}).json()

    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_unread_true_lists_only_unread(student, student_client):
    read = NotificationFactory(recipient=student, read_at=timezone.now())
    unread = NotificationFactory(recipient=student)

    ids = [n["id"] for n in student_client.get(LIST_URL, {"unread": "true"}).json()["results"]]
    all_ids = [n["id"] for n in student_client.get(LIST_URL).json()["results"]]

    assert ids == [unread.pk]
    assert all_ids == [unread.pk, read.pk]


def test_unread_count_counts_only_the_callers_unread(student, student_client):
    NotificationFactory(recipient=student)
    NotificationFactory(recipient=student)
    NotificationFactory(recipient=student, read_at=timezone.now())
    NotificationFactory()

    assert student_client.get(COUNT_URL).json() == {"count": 2}


def test_mark_read_with_ids_marks_only_the_callers_own(student, student_client):
    mine = NotificationFactory(recipient=student)
    also_mine = NotificationFactory(recipient=student)
    theirs = NotificationFactory()

    response = student_client.post(MARK_URL, {"ids": [mine.pk, theirs.pk]}, format="json")

    assert response.status_code == 200
    assert response.json() == {"marked": 1}
    assert Notification.objects.get(pk=mine.pk).read_at is not None
    assert Notification.objects.get(pk=also_mine.pk).read_at is None
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_mark_read_without_ids_marks_all_of_the_callers(student, student_client):
    NotificationFactory(recipient=student)
    NotificationFactory(recipient=student)
    earlier = timezone.now() - timedelta(days=1)
    NotificationFactory(recipient=student, read_at=earlier)
    theirs = NotificationFactory()

    response = student_client.post(MARK_URL, {}, format="json")

    assert response.json() == {"marked": 2}
    assert student_client.get(COUNT_URL).json() == {"count": 0}
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    # Marking again does not move an earlier read time.
    assert Notification.objects.filter(recipient=student, read_at=earlier).count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"ids": "all"},
        {"ids": ["x"]},
        {"ids": [0]},
        {"ids": [10**30]},
        {"ids": list(range(1, 1100))},
    ],
)
def test_mark_read_refuses_bad_ids_and_changes_nothing(student, student_client, body):
    NotificationFactory(recipient=student)

    response = student_client.post(MARK_URL, body, format="json")

    assert response.status_code == 400
    assert student_client.get(COUNT_URL).json() == {"count": 1}


def test_notifications_need_a_token(api):
    assert api.get(LIST_URL).status_code == 401
    assert api.get(COUNT_URL).status_code == 401
    assert api.post(MARK_URL, {}, format="json").status_code == 401
