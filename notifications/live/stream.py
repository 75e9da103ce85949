"""One user's Server-Sent Events: replay after ``Last-Event-ID``, then each new
notification as it commits, with a comment line as a heartbeat.

A stream reads only its own user's notifications from the database; wake-ups
come from the hub (``hub.py``) and carry no content. While idle a stream runs
no query at all. How a notification reads as an event (``render``) is the
HTTP edge's choice, passed in.
"""

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from notifications import selectors
from notifications.live.hub import RECENT_WINDOW, hub, run_db
from notifications.live.sessions import stream_close, stream_may_continue
from notifications.models import Notification

RETRY_MILLISECONDS = 3000
BATCH = 500

# One notification as an SSE event. The HTTP edge (``api/stream.py``) passes it
# in, so the stream shows what the list shows without importing the API layer.
Render = Callable[[Notification], str]


@dataclass
class Cursor:
    """What a stream has sent: everything up to ``after_id``, plus the recent
    ids in ``seen`` (kept to recognise a late commit with a lower id)."""

    after_id: int
    seen: dict[int, object] = field(default_factory=dict)


def initial_cursor(user_id: int, last_event_id: int | None) -> Cursor:
    since = timezone.now() - RECENT_WINDOW
    mine = Notification.objects.filter(recipient_id=user_id)
    after_id = last_event_id
    if after_id is None:  # only what is new from now on
        after_id = mine.aggregate(top=Max("id"))["top"] or 0
    recent = mine.filter(created_at__gte=since, id__lte=after_id).values_list("id", "created_at")
    return Cursor(after_id=after_id, seen=dict(recent))


def next_events(user_id: int, cursor: Cursor, render: Render) -> tuple[list[str], bool]:
    """The events not sent yet (advancing ``cursor``) and whether more wait."""
    since = timezone.now() - RECENT_WINDOW
    rows = selectors.notifications_for_stream(
        user_id=user_id,
        after_id=cursor.after_id,
        since=since,
        exclude=set(cursor.seen),
        limit=BATCH,
    )
    for row in rows:
        cursor.seen[row.pk] = row.created_at
        cursor.after_id = max(cursor.after_id, row.pk)
    cursor.seen = {pk: created for pk, created in cursor.seen.items() if created >= since}
    return [render(row) for row in rows], len(rows) == BATCH


def _opening() -> str:
    # Also flushes the response headers to the client at once.
    return f"retry: {RETRY_MILLISECONDS}\n: connected\n\n"


async def notification_stream(
    *,
    user_id: int,
    last_event_id: int | None,
    until: float,
    session: str,
    stream_id: int,
    render: Render,
):
    """The ASGI stream: awaits its hub subscription, so it holds no thread.
    The hub ends it when ``session`` is revoked or ``stream_id`` is evicted."""
    # Subscribe, then take the cursor, then tell the client it is connected:
    # whatever commits after that is either past the cursor or wakes us.
    subscription = hub.subscribe(user_id, session=session, stream_id=stream_id)
    try:
        cursor = await run_db(initial_cursor)(user_id, last_event_id)
        yield _opening()
        fetch = True
        while True:
            if fetch:
                subscription.event.clear()
                events, more = await run_db(next_events)(user_id, cursor, render)
                if events:
                    yield "".join(events)
                if more:
                    continue
            remaining = until - time.monotonic()
            if subscription.closed or remaining <= 0:
                return
            try:
                await asyncio.wait_for(
                    subscription.event.wait(),
                    timeout=min(settings.EVENTS_HEARTBEAT_SECONDS, remaining),
                )
                fetch = True
            except TimeoutError:
                yield ": keep-alive\n\n"
                fetch = False
    finally:
        hub.unsubscribe(subscription)
        hub.forget_stream(stream_id)


def notification_stream_sync(
    *,
    user_id: int,
    last_event_id: int | None,
    until: float,
    session: str,
    stream_id: int,
    render: Render,
):
    """The same stream under a WSGI server, which has no event loop to park it
    on: it polls once a second and ends after ``EVENTS_WSGI_STREAM_SECONDS`` so
    it never holds a worker for long. Production routes ``/api/events/`` to
    the ASGI server instead."""
    until = min(until, time.monotonic() + settings.EVENTS_WSGI_STREAM_SECONDS)
    try:
        cursor = initial_cursor(user_id, last_event_id)
        yield _opening()
        last_beat = time.monotonic()
        while time.monotonic() < until:
            events, more = next_events(user_id, cursor, render)
            if events:
                yield "".join(events)
            elif time.monotonic() - last_beat >= settings.EVENTS_HEARTBEAT_SECONDS:
                yield ": keep-alive\n\n"
                last_beat = time.monotonic()
            if not stream_may_continue(user_id=user_id, session=session, stream_id=stream_id):
                return
            if not more:
                time.sleep(1)
    finally:
        stream_close(stream_id=stream_id)
