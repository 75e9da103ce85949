"""The event stream, served in-process through Django's ASGI handler: replay,
live delivery, isolation between users, heartbeats and who may open it.

The two-app-server proof (gunicorn writes, the ASGI server streams) is in
tests/test_live_two_servers.py.
"""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from notifications.live.hub import run_db
from notifications.models import EventTicket
from notifications.services import notification_create
from notifications.tests.factories import NotificationFactory
from notifications.tests.streams import (
    EVENTS_URL,
    bearer,
    open_stream,
    parse_events,
    read_for,
    read_until,
    run_scenario,
)
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _short_lived_connections(settings):
    """Stream queries run in pool threads; their connections must not outlive
    the test (the test database is emptied and finally dropped)."""
    settings.EVENTS_POLL_SECONDS = 0.5
    settings.EVENTS_FALLBACK_POLL_SECONDS = 0.5
    saved = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 0
    yield
    connection.settings_dict["CONN_MAX_AGE"] = saved


def notify(user, title="Order #1 is ready"):
    """A notification written the way the listeners write them: in a transaction."""
    with transaction.atomic():
        return notification_create(
            recipient_id=user.pk, actor_id=None, kind="order_status", title=title, body="Ready."
        )


def ticket_for(client_user) -> str:
    from notifications.services import ticket_issue

    return ticket_issue(user=client_user)[0]


def test_last_event_id_replays_the_users_notifications_after_it():
    student = StudentFactory()
    first, second, third = (NotificationFactory(recipient=student) for _ in range(3))
    NotificationFactory()  # another user's, between them

    async def scenario(headers, query=""):
        response = await open_stream(EVENTS_URL + query, headers)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/event-stream")
        text = await read_until(response, lambda t: f"id: {third.pk}\n" in t)
        await response.streaming_content.aclose()
        return parse_events(text)

    by_header = run_scenario(scenario({**bearer(student), "Last-Event-ID": str(first.pk)}))
    by_query = run_scenario(scenario(bearer(student), f"?last_event_id={first.pk}"))

    for events in (by_header, by_query):
        assert [int(e["id"]) for e in events] == [second.pk, third.pk]
        assert {e["event"] for e in events} == {"notification"}
        assert events[0]["data"]["id"] == second.pk
        assert events[0]["data"]["title"] == second.title


def test_a_new_notification_reaches_the_open_stream_and_no_one_elses_does():
    student, vendor = StudentFactory(), VendorFactory()
    NotificationFactory(recipient=student)  # from before: not sent without Last-Event-ID
    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, lambda t: ": connected" in t)
        await run_db(notify)(vendor, "Not for the student")
        mine = await run_db(notify)(student, "For the student")
        text = await read_until(response, lambda t: f"id: {mine.pk}\n" in t, timeout=2)
        text += await read_for(response, 0.5)
        await response.streaming_content.aclose()
        return parse_events(text), mine

    events, mine = run_scenario(scenario())

    assert [e["data"]["id"] for e in events] == [mine.pk]
    assert events[0]["data"]["title"] == "For the student"


def test_a_rolled_back_notification_is_never_streamed():
    student = StudentFactory()

    def notify_then_roll_back():
        with transaction.atomic():
            notification_create(
                recipient_id=student.pk, actor_id=None, kind="order_status", title="Gone", body="x"
            )
            transaction.set_rollback(True)

    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, lambda t: ": connected" in t)
        await run_db(notify_then_roll_back)()
        text = await read_for(response, 1.5)
        await response.streaming_content.aclose()
        return text

    assert parse_events(run_scenario(scenario())) == []


def test_an_idle_stream_sends_a_heartbeat_comment(settings):
    settings.EVENTS_HEARTBEAT_SECONDS = 0.3
    headers = bearer(StudentFactory())

    async def scenario():
        response = await open_stream(headers=headers)
        text = await read_until(response, lambda t: ": keep-alive\n\n" in t, timeout=3)
        await response.streaming_content.aclose()
        return text

    assert ": keep-alive" in run_scenario(scenario())


def test_a_ticket_opens_the_stream_once():
    student = StudentFactory()
    ticket = ticket_for(student)

    async def scenario():
        first = await open_stream(f"{EVENTS_URL}?ticket={ticket}")
        assert first.status_code == 200
        await read_until(first, lambda t: ": connected" in t)
        await first.streaming_content.aclose()
        return await open_stream(f"{EVENTS_URL}?ticket={ticket}")

    again = run_scenario(scenario())

    assert again.status_code == 401
    assert "detail" in again.json()


def test_an_expired_or_unknown_ticket_is_refused():
    student = StudentFactory()
    expired = ticket_for(student)
    EventTicket.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    async def scenario():
        return [
            (await open_stream(f"{EVENTS_URL}?ticket={ticket}")).status_code
            for ticket in (expired, "not-a-ticket", "", "x" * 500)
        ]

    assert run_scenario(scenario()) == [401, 401, 401, 401]


def test_the_stream_needs_a_valid_token_and_an_active_user():
    student = StudentFactory()
    headers = bearer(student)
    ticket = ticket_for(student)
    student.is_active = False
    student.save(update_fields=["is_active"])

    async def scenario():
        return [
            (await open_stream()).status_code,
            (await open_stream(headers={"Authorization": "Bearer not-a-jwt"})).status_code,
            (await open_stream(headers=headers)).status_code,
            (await open_stream(f"{EVENTS_URL}?ticket={ticket}")).status_code,
        ]

    assert run_scenario(scenario()) == [401, 401, 401, 401]


def test_an_open_stream_closes_when_its_user_is_deactivated():
    student = StudentFactory()

    def deactivate():
        type(student).objects.filter(pk=student.pk).update(is_active=False)

    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, lambda t: ": connected" in t)
        await run_db(deactivate)()
        return await read_until(response, lambda t: t.endswith("<closed>"), timeout=4)

    assert run_scenario(scenario()).endswith("<closed>")


@pytest.mark.parametrize("value", ["abc", "-1", "1e400", str(2**70)])
def test_a_bad_last_event_id_is_a_400(value):
    headers = {**bearer(StudentFactory()), "Last-Event-ID": value}

    async def scenario():
        return await open_stream(headers=headers)

    response = run_scenario(scenario())
    assert response.status_code == 400
    assert "last_event_id" in response.json()
