"""Open event streams end with their session: within 5 seconds of a password
change, a reset or a deactivation; a ticket minted before the change opens
nothing. And a user holds at most EVENTS_MAX_STREAMS streams: opening another
ends the oldest."""

import time

import pytest
from django.db import connection

from conftest import client_for
from notifications.live.hub import run_db
from notifications.models import OpenStream
from notifications.services import ticket_issue
from notifications.tests.streams import EVENTS_URL, bearer, open_stream, read_until, run_scenario
from users.tests.factories import PASSWORD, StudentFactory
from users.tokens import password_reset_tokens, uid_of

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a-Brand-new-passphrase-7"
ENDS_WITHIN = 5.0


@pytest.fixture(autouse=True)
def _short_lived_connections(settings):
    settings.EVENTS_POLL_SECONDS = 5
    settings.EVENTS_FALLBACK_POLL_SECONDS = 1
    saved = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 0
    yield
    connection.settings_dict["CONN_MAX_AGE"] = saved


def connected(text: str) -> bool:
    return ": connected" in text


def closed(text: str) -> bool:
    return text.endswith("<closed>")


async def seconds_until_closed(response) -> float:
    start = time.monotonic()
    text = await read_until(response, closed, timeout=ENDS_WITHIN + 2)
    assert closed(text)
    return time.monotonic() - start


def ends_after(change, user) -> float:
    """Open a stream of ``user``, make ``change``, and time the stream's end."""
    headers = bearer(user)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, connected)
        await run_db(change)()
        return await seconds_until_closed(response)

    return run_scenario(scenario())


def test_a_password_change_ends_the_open_stream_within_5_seconds():
    student = StudentFactory()

    def change():
        response = client_for(student).post(
            "/api/users/me/password/", {"old_password": PASSWORD, "new_password": NEW_PASSWORD}
        )
        assert response.status_code == 200

    assert ends_after(change, student) < ENDS_WITHIN


def test_a_password_reset_ends_the_open_stream_within_5_seconds():
    from rest_framework.test import APIClient

    student = StudentFactory()

    def reset():
        body = {
            "uid": uid_of(student),
            "token": password_reset_tokens.make_token(student),
            "new_password": NEW_PASSWORD,
        }
        assert APIClient().post("/api/users/password-reset/confirm/", body).status_code == 200

    assert ends_after(reset, student) < ENDS_WITHIN


def test_a_deactivation_ends_the_open_stream_within_5_seconds():
    student = StudentFactory()

    def deactivate():
        student.is_active = False
        student.save(update_fields=["is_active"])

    assert ends_after(deactivate, student) < ENDS_WITHIN


def test_another_users_password_change_leaves_the_stream_open(settings):
    settings.EVENTS_HEARTBEAT_SECONDS = 2.5
    student, other = StudentFactory(), StudentFactory()

    def change_the_other_users_password():
        other.set_password(NEW_PASSWORD)
        other.save(update_fields=["password"])

    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, connected)
        await run_db(change_the_other_users_password)()
        text = await read_until(response, lambda t: "keep-alive" in t, timeout=4)
        await response.streaming_content.aclose()
        return text

    assert not closed(run_scenario(scenario()))


def test_a_ticket_minted_before_a_password_change_opens_nothing():
    student = StudentFactory()
    ticket, _ = ticket_issue(user=student)
    response = client_for(student).post(
        "/api/users/me/password/", {"old_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status_code == 200
    fresh, _ = ticket_issue(user=type(student).objects.get(pk=student.pk))

    async def scenario():
        old = await open_stream(f"{EVENTS_URL}?ticket={ticket}")
        new = await open_stream(f"{EVENTS_URL}?ticket={fresh}")
        await read_until(new, connected)
        await new.streaming_content.aclose()
        return old.status_code, new.status_code

    assert run_scenario(scenario()) == (401, 200)


def test_opening_one_stream_over_the_cap_ends_the_oldest(settings):
    settings.EVENTS_MAX_STREAMS = 2
    student = StudentFactory()
    headers = bearer(student)

    async def scenario():
        first = await open_stream(headers=headers)
        await read_until(first, connected)
        second = await open_stream(headers=headers)
        await read_until(second, connected)
        third = await open_stream(headers=headers)
        await read_until(third, connected)
        waited = await seconds_until_closed(first)
        # The newer two are still open: nothing but heartbeats would come.
        for response in (second, third):
            text = await read_until(response, lambda t: True, timeout=1)
            assert not closed(text)
        open_rows = await run_db(lambda: OpenStream.objects.filter(user=student).count())()
        for response in (second, third):
            await response.streaming_content.aclose()
        return waited, open_rows

    waited, open_rows = run_scenario(scenario())

    assert waited < ENDS_WITHIN
    assert open_rows == 2


def test_streams_up_to_the_cap_stay_open(settings):
    settings.EVENTS_MAX_STREAMS = 2
    settings.EVENTS_HEARTBEAT_SECONDS = 0.5
    student = StudentFactory()
    headers = bearer(student)

    async def scenario():
        streams = [await open_stream(headers=headers) for _ in range(2)]
        texts = [await read_until(s, lambda t: "keep-alive" in t, timeout=3) for s in streams]
        for response in streams:
            await response.streaming_content.aclose()
        return texts

    assert not any(closed(text) for text in run_scenario(scenario()))


def test_a_stream_evicted_by_another_server_ends():
    """Another app server over the cap deletes this stream's row; this
    server's hub notices within its session check."""
    student = StudentFactory()
    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, connected)
        await run_db(lambda: OpenStream.objects.filter(user=student).delete())()
        return await seconds_until_closed(response)

    assert run_scenario(scenario()) < ENDS_WITHIN


def test_a_closed_stream_gives_its_place_back():
    student = StudentFactory()
    headers = bearer(student)

    async def scenario():
        response = await open_stream(headers=headers)
        await read_until(response, connected)
        during = await run_db(lambda: OpenStream.objects.filter(user=student).count())()
        await response.streaming_content.aclose()
        return during

    assert run_scenario(scenario()) == 1
    assert OpenStream.objects.filter(user=student).count() == 0


def test_a_cap_of_zero_ends_no_stream(settings):
    settings.EVENTS_MAX_STREAMS = 0
    settings.EVENTS_HEARTBEAT_SECONDS = 1.5
    student = StudentFactory()
    headers = bearer(student)

    async def scenario():
        streams = []
        for _ in range(3):
            response = await open_stream(headers=headers)
            await read_until(response, connected)
            streams.append(response)
        texts = [await read_until(s, lambda t: "keep-alive" in t, timeout=4) for s in streams]
        for response in streams:
            await response.streaming_content.aclose()
        return texts

    assert not any(closed(text) for text in run_scenario(scenario()))
