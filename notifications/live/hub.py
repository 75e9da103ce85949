"""The listening half: one hub per ASGI process wakes that process's open streams.

Idle streams cost nothing: each waits on its own ``asyncio.Event``. The hub
holds one broker subscription (Redis pub/sub or PostgreSQL ``LISTEN``) and
runs one fallback poll for the whole process, never a query per stream per
second. The poll is what makes a lost broker cost speed, not correctness: every
``EVENTS_POLL_SECONDS`` (every ``EVENTS_FALLBACK_POLL_SECONDS`` while the broker
is down or absent) it reads the recent notifications of the connected users
and wakes those with one it has not seen. Every ``SESSION_CHECK_SECONDS`` it
also ends the streams that may not stay open (``sessions.py``): their user was
deactivated or changed password, or the user opened more than
``EVENTS_MAX_STREAMS`` streams on any server.
"""

import asyncio
import contextlib
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from notifications.live.channels import PG_CHANNEL, broker_kind, redis_channel

logger = logging.getLogger(__name__)

# How far back a late-committing notification is still looked for.
RECENT_WINDOW = timedelta(seconds=60)
# How often open streams are checked against their user's session and the
# stream cap: a revoked session or an evicted stream ends within about this.
SESSION_CHECK_SECONDS = 1.0


@dataclass(eq=False)
class Subscription:
    user_id: int
    event: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False
    # The user's session when the stream opened (sessions.session_of); empty: unchecked.
    session: str = ""
    # The stream's OpenStream row; None: not counted against the cap.
    stream_id: int | None = None

    def close(self) -> None:
        self.closed = True
        self.event.set()


def run_db(function):
    """Run ORM code in the default thread pool (not a thread per stream), with
    the connection hygiene Django's request signals would otherwise give."""

    def wrapped(*args, **kwargs):
        close_old_connections()
        try:
            return function(*args, **kwargs)
        finally:
            close_old_connections()

    return sync_to_async(wrapped, thread_sensitive=False)


class Hub:
    def __init__(self):
        self.subscriptions: dict[int, set[Subscription]] = defaultdict(set)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.broker_up = False
        self._tasks: list[asyncio.Task] = []
        self._seen: dict[int, float] = {}
        self._closing: set[asyncio.Task] = set()

    # --- streams ------------------------------------------------------------
    def subscribe(
        self, user_id: int, *, session: str = "", stream_id: int | None = None
    ) -> Subscription:
        self._ensure_started()
        subscription = Subscription(user_id, session=session, stream_id=stream_id)
        self.subscriptions[user_id].add(subscription)
        return subscription

    def end_streams(self, stream_ids) -> None:
        """End this process's streams among ``stream_ids`` now (others' servers
        notice their missing rows at their next session check)."""
        stream_ids = set(stream_ids)
        for streams in list(self.subscriptions.values()):
            for subscription in list(streams):
                if subscription.stream_id in stream_ids:
                    subscription.close()

    def forget_stream(self, stream_id: int | None) -> None:
        """Delete a finished stream's row, even while its task is being cancelled."""
        from notifications.live.sessions import stream_close

        if stream_id is None:
            return
        task = asyncio.get_running_loop().create_task(run_db(stream_close)(stream_id=stream_id))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    def unsubscribe(self, subscription: Subscription) -> None:
        streams = self.subscriptions.get(subscription.user_id)
        if streams is not None:
            streams.discard(subscription)
            if not streams:
                del self.subscriptions[subscription.user_id]

    def wake(self, user_id: int) -> None:
        for subscription in self.subscriptions.get(user_id, ()):
            subscription.event.set()

    def wake_threadsafe(self, user_id: int) -> None:
        """Wake from any thread (a sync view's ``on_commit``), if this process streams."""
        loop = self.loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop is shutting down
                loop.call_soon_threadsafe(self.wake, user_id)

    # --- background tasks ----------------------------------------------------
    async def stop(self) -> None:
        """Cancel the background tasks (tests; a server simply exits)."""
        tasks, self._tasks, self.loop = self._tasks, [], None
        for task in tasks:
            task.cancel()
        loop = asyncio.get_running_loop()
        # Row deletions still running finish first; those of a closed loop are gone.
        closing = [task for task in self._closing if task.get_loop() is loop]
        self._closing = set()
        await asyncio.gather(*tasks, *closing, return_exceptions=True)

    def _ensure_started(self) -> None:
        loop = asyncio.get_running_loop()
        if self.loop is loop and all(not task.done() for task in self._tasks):
            return
        self.loop = loop
        self._tasks = [loop.create_task(self._poll_forever())]
        kind = broker_kind()
        if kind == "redis":
            self._tasks.append(loop.create_task(self._listen_redis()))
        elif kind == "postgres":
            self._tasks.append(loop.create_task(self._listen_postgres()))

    def _on_message(self, payload: str) -> None:
        user_id, _, notification_id = payload.partition(":")
        with contextlib.suppress(ValueError):
            self._seen[int(notification_id)] = time.monotonic()
            self.wake(int(user_id))

    async def _listen_redis(self) -> None:
        import redis.asyncio as aioredis

        while True:
            client = aioredis.Redis.from_url(
                settings.REDIS_URL, socket_connect_timeout=2, health_check_interval=10
            )
            try:
                pubsub = client.pubsub(ignore_subscribe_messages=True)
                await pubsub.subscribe(redis_channel())
                self._broker_recovered()
                while True:
                    message = await pubsub.get_message(timeout=10.0)
                    if message is None:
                        await pubsub.ping()  # notices a dead connection while idle
                    elif message["type"] == "message":
                        self._on_message(message["data"].decode())
            except asyncio.CancelledError:
                raise
            except Exception:
                self._broker_lost("Redis")
                await asyncio.sleep(1)
            finally:
                with contextlib.suppress(Exception):
                    await client.aclose()

    async def _listen_postgres(self) -> None:
        import psycopg

        db = settings.DATABASES["default"]
        params = {
            "dbname": db["NAME"],
            "user": db.get("USER") or None,
            "password": db.get("PASSWORD") or None,
            "host": db.get("HOST") or None,
            "port": db.get("PORT") or None,
        }
        while True:
            conn = None
            try:
                conn = await psycopg.AsyncConnection.connect(
                    autocommit=True, **{k: v for k, v in params.items() if v}
                )
                await conn.execute(f"LISTEN {PG_CHANNEL}")
                self._broker_recovered()
                async for notify in conn.notifies():
                    self._on_message(notify.payload)
            except asyncio.CancelledError:
                raise
            except Exception:
                self._broker_lost("PostgreSQL LISTEN")
                await asyncio.sleep(1)
            finally:
                if conn is not None:
                    await conn.close()

    def _broker_recovered(self) -> None:
        self.broker_up = True
        # Whatever was published while the broker was away is found by the poll.
        self.wake_all_soon()

    def _broker_lost(self, name: str) -> None:
        if self.broker_up:
            logger.warning("%s connection lost; streams fall back to polling", name)
        self.broker_up = False

    def wake_all_soon(self) -> None:
        self._poll_now = True

    _poll_now = False

    async def _poll_forever(self) -> None:
        waited = 0.0
        while True:
            fast = settings.EVENTS_FALLBACK_POLL_SECONDS
            interval = settings.EVENTS_POLL_SECONDS if self.broker_up else fast
            tick = min(fast, interval, SESSION_CHECK_SECONDS)
            await asyncio.sleep(tick)
            waited += tick
            if not self.subscriptions:
                continue
            try:
                await self._check_sessions()
            except Exception:
                logger.warning("Stream session check failed", exc_info=True)
            if waited < interval and not self._poll_now:
                continue
            waited, self._poll_now = 0.0, False
            try:
                await self._poll_once()
            except Exception:
                logger.warning("Notification poll failed", exc_info=True)

    async def _poll_once(self) -> None:
        user_ids = list(self.subscriptions)
        recent = await run_db(_recent)(user_ids)
        now = time.monotonic()
        for notification_id, user_id in recent:
            if notification_id not in self._seen:
                self._seen[notification_id] = now
                self.wake(user_id)
        horizon = now - 2 * RECENT_WINDOW.total_seconds()
        self._seen = {key: seen for key, seen in self._seen.items() if seen > horizon}

    async def _check_sessions(self) -> None:
        """End the streams of deactivated users, of sessions revoked by a
        password change, and those evicted by the per-user cap."""
        from notifications.live.sessions import sessions_and_streams

        streams = [sub for subs in list(self.subscriptions.values()) for sub in subs]
        sessions, alive = await run_db(sessions_and_streams)(
            user_ids=list({sub.user_id for sub in streams}),
            stream_ids=[sub.stream_id for sub in streams if sub.stream_id is not None],
        )
        for sub in streams:
            revoked = sub.user_id not in sessions or (
                sub.session and sessions[sub.user_id] != sub.session
            )
            if revoked or (sub.stream_id is not None and sub.stream_id not in alive):
                sub.close()


def _recent(user_ids: list[int]):
    from notifications.models import Notification

    since = timezone.now() - RECENT_WINDOW
    return list(
        Notification.objects.filter(recipient_id__in=user_ids, created_at__gte=since).values_list(
            "id", "recipient_id"
        )
    )


hub = Hub()
