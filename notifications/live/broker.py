"""The publishing half of the live fan-out: tell every app server that a user
has a new notification, so their open streams for that user wake up.

Which broker carries the message (``EVENTS_BROKER``, ``auto`` by default):
- ``redis`` (auto when ``REDIS_URL`` is set): ``PUBLISH`` after the commit.
  Keeps the fan-out off the database; a lost message (Redis down, a process
  dying between commit and publish) is caught by each server's fallback poll.
- ``postgres`` (auto on PostgreSQL without Redis): ``pg_notify`` inside the
  transaction, which PostgreSQL delivers at commit and drops on rollback.
- ``local`` (auto on SQLite): nothing leaves the process; the streams of this
  process are woken directly and other processes poll.
The streams of the writing process are always woken directly after commit.
The message is only a hint (``"<user id>:<notification id>"``): a stream
reads what to send from the database, so a broker can never show anyone a
notification that is not theirs.
"""

import logging
import time

from django.conf import settings
from django.db import connection, transaction

from notifications.live.channels import PG_CHANNEL, broker_kind, redis_channel
from notifications.live.hub import hub

logger = logging.getLogger(__name__)

# After a failed PUBLISH, skip Redis for a while: requests must not wait on a
# dead broker, and the fallback poll delivers meanwhile.
_REDIS_RETRY_AFTER = 5.0
_redis_client = None
_redis_down_until = 0.0


def announce(*, user_id: int, notification_id: int) -> None:
    """Call inside the transaction that wrote the notification."""
    message = f"{user_id}:{notification_id}"
    kind = broker_kind()
    if kind == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, %s)", [PG_CHANNEL, message])
    elif kind == "redis":
        transaction.on_commit(lambda: _redis_publish(message))
    transaction.on_commit(lambda: hub.wake_threadsafe(user_id))


def _redis_publish(message: str) -> None:
    global _redis_client, _redis_down_until
    if time.monotonic() < _redis_down_until:
        return
    try:
        if _redis_client is None:
            import redis

            _redis_client = redis.Redis.from_url(
                settings.REDIS_URL, socket_timeout=0.5, socket_connect_timeout=0.5
            )
        _redis_client.publish(redis_channel(), message)
    except Exception:  # any Redis failure costs speed only: the poll delivers
        _redis_down_until = time.monotonic() + _REDIS_RETRY_AFTER
        logger.warning("Redis publish failed; streams fall back to polling", exc_info=True)
