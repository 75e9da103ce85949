"""Which open streams may stay open: those of an active user whose password
has not changed since the stream opened (the same password-hash claim that
revokes access tokens), and no more than ``EVENTS_MAX_STREAMS`` per user.

Every stream has a row (``OpenStream``), so the cap holds across app
servers: opening one more deletes the user's oldest rows, and each server's
hub ends the streams whose row is gone (``hub.Hub._check_sessions``). All
functions here are synchronous ORM code, run by the hub in its thread pool.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.utils import get_md5_hash_password

from notifications.models import OpenStream


def session_of(user) -> str:
    """A fingerprint of ``user``'s password hash: it changes with the password."""
    return get_md5_hash_password(user.password)


def stream_open(*, user_id: int) -> tuple[int, list[int]]:
    """Record a new stream of ``user_id``; returns its id and the ids of the
    user's streams it pushed over the cap (to be ended). Rows of streams whose
    server died without closing them are swept once they could not be open."""
    cap = settings.EVENTS_MAX_STREAMS
    with transaction.atomic():
        stale = timezone.now() - timedelta(seconds=settings.EVENTS_STREAM_MAX_SECONDS + 60)
        OpenStream.objects.filter(opened_at__lt=stale).delete()
        row = OpenStream.objects.create(user_id=user_id)
        evicted = []
        if cap > 0:
            evicted = list(
                OpenStream.objects.filter(user_id=user_id)
                .order_by("-id")
                .values_list("id", flat=True)[cap:]
            )
            OpenStream.objects.filter(id__in=evicted).delete()
    return row.pk, evicted


def stream_close(*, stream_id: int) -> None:
    OpenStream.objects.filter(pk=stream_id).delete()


def sessions_and_streams(
    *, user_ids: list[int], stream_ids: list[int]
) -> tuple[dict[int, str], set[int]]:
    """The current session of each of ``user_ids`` still active, and which of
    ``stream_ids`` still have their row."""
    active = (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .values_list("pk", "password")
    )
    sessions = {pk: get_md5_hash_password(password) for pk, password in active}
    alive = set(OpenStream.objects.filter(pk__in=stream_ids).values_list("pk", flat=True))
    return sessions, alive


def stream_may_continue(*, user_id: int, session: str, stream_id: int) -> bool:
    """One stream's check (the WSGI stream asks once a second)."""
    sessions, alive = sessions_and_streams(user_ids=[user_id], stream_ids=[stream_id])
    return sessions.get(user_id) == session and stream_id in alive
