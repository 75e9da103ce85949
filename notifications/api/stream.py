"""``GET /api/events/``: the HTTP edge of the event stream (``live/stream.py``).

A plain async Django view, not a DRF one: DRF views are synchronous, and the
stream must park on the event loop instead of holding a worker thread. It
authenticates like the API (a Bearer token, checked by SimpleJWT with the same
revocation and ``is_active`` rules) or with a single-use ticket.
"""

import json
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import JsonResponse, StreamingHttpResponse
from rest_framework.exceptions import APIException

from notifications import services
from notifications.live.hub import hub, run_db
from notifications.live.sessions import session_of, stream_open
from notifications.live.stream import notification_stream, notification_stream_sync
from notifications.models import Notification
from users.authentication import JWTAuthentication

from .serializers import NotificationSerializer

MAX_EVENT_ID = 2**63 - 1


def format_event(notification: Notification) -> str:
    """One notification as an SSE event, its data exactly what the list shows."""
    data = json.dumps(NotificationSerializer(notification).data, separators=(",", ":"))
    return f"id: {notification.pk}\nevent: notification\ndata: {data}\n\n"


def _unauthorized(detail: str) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _open(request):
    """(user, seconds, session, stream id, streams it evicted) or (None, why not, ...)."""
    user, lifetime = _authenticate(request)
    if user is None:
        return user, lifetime, "", None, []
    stream_id, evicted = stream_open(user_id=user.pk)
    return user, lifetime, session_of(user), stream_id, evicted


def _authenticate(request):
    """(user, seconds the stream may stay open) or (None, why not)."""
    if "ticket" in request.GET:
        user = services.ticket_redeem(ticket=request.GET["ticket"])
        if user is None:
            return None, "This ticket is used, expired or unknown."
        return user, settings.EVENTS_STREAM_MAX_SECONDS
    try:
        authenticated = JWTAuthentication().authenticate(request)
    except APIException:
        return None, "Given token not valid for any token type"
    if authenticated is None:
        return None, "Authentication credentials were not provided."
    user, token = authenticated
    # A stream ends when its access token does; the client reconnects with a
    # fresh one and Last-Event-ID, so a revoked session cannot listen forever.
    lifetime = min(token["exp"] - time.time(), settings.EVENTS_STREAM_MAX_SECONDS)
    return user, max(lifetime, 0)


def _last_event_id(request) -> int | None:
    raw = request.headers.get("Last-Event-ID") or request.GET.get("last_event_id")
    if raw is None or raw.strip() == "":
        return None
    value = int(raw.strip())  # ValueError for the caller
    if not 0 <= value <= MAX_EVENT_ID:
        raise ValueError(raw)
    return value


async def event_stream(request):
    if request.method != "GET":
        return JsonResponse({"detail": f'Method "{request.method}" not allowed.'}, status=405)
    try:
        last_event_id = _last_event_id(request)
    except ValueError:
        return JsonResponse(
            {"last_event_id": ["A notification id (a non-negative integer) is required."]},
            status=400,
        )
    under_asgi = isinstance(request, ASGIRequest)
    # Under ASGI, a pool thread (no thread kept per stream); under WSGI, the
    # request's own thread, whose connection Django manages.
    open_stream = run_db(_open) if under_asgi else sync_to_async(_open)
    user, lifetime, session, stream_id, evicted = await open_stream(request)
    if user is None:
        return _unauthorized(lifetime)
    # Over EVENTS_MAX_STREAMS: the oldest of this process end now, those of
    # other servers at their hub's next session check.
    hub.end_streams(evicted)
    until = time.monotonic() + lifetime
    kwargs = {"user_id": user.pk, "last_event_id": last_event_id, "until": until}
    kwargs.update(session=session, stream_id=stream_id, render=format_event)
    stream = notification_stream if under_asgi else notification_stream_sync
    content = stream(**kwargs)
    response = StreamingHttpResponse(content, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache, no-transform"
    # Tells nginx not to buffer the stream.
    response["X-Accel-Buffering"] = "no"
    return response
