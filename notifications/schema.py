"""OpenAPI: the event stream is a plain async view (see ``api/stream.py``), so
drf-spectacular cannot see it; this hook documents it by hand."""

ERROR_REF = {"$ref": "#/components/schemas/Error"}

EVENT_STREAM_DESCRIPTION = """\
A `text/event-stream` (Server-Sent Events) of the caller's new notifications.

Authenticate with `Authorization: Bearer <access>` or, from a browser's
`EventSource`, with `?ticket=` from `POST /api/events/ticket/` (single use,
valid 60 s; a used, expired or unknown ticket is refused with 401).

Each notification arrives within 2 seconds of its commit, whichever app
server made the change, as

```
id: <notification id>
event: notification
data: <the notification as JSON, as in GET /api/notifications/>
```

A comment line (`: keep-alive`) comes at least every 15 seconds while nothing
happens. `Last-Event-ID` (header, as `EventSource` sends it on reconnecting,
or `?last_event_id=`) first replays the caller's notifications after that id,
oldest first. The stream opens with `retry: 3000`. A Bearer stream ends when
its access token expires (reconnect with a fresh one and `Last-Event-ID`); a
deactivated user's stream is closed.
"""


def document_event_stream(result, generator, request, public):
    query = [
        {
            "name": "ticket",
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": "A ticket from POST /api/events/ticket/, instead of a Bearer token.",
        },
        {
            "name": "last_event_id",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 0},
            "description": "Replay the notifications after this id first.",
        },
        {
            "name": "Last-Event-ID",
            "in": "header",
            "required": False,
            "schema": {"type": "integer", "minimum": 0},
            "description": "As `last_event_id` (sent by `EventSource` when it reconnects).",
        },
    ]
    result.setdefault("paths", {})["/api/events/"] = {
        "get": {
            "operationId": "events_stream",
            "summary": "Your notifications, live (Server-Sent Events)",
            "description": EVENT_STREAM_DESCRIPTION,
            "tags": ["events"],
            "parameters": query,
            "security": [{"jwtAuth": []}, {}],
            "responses": {
                "200": {
                    "description": "The event stream; it stays open.",
                    "content": {
                        "text/event-stream": {
                            "schema": {"type": "string"},
                            "example": 'id: 42\nevent: notification\ndata: {"id": 42, ...}\n\n',
                        }
                    },
                },
                "400": {
                    "description": "`last_event_id` is not a notification id.",
                    "content": {"application/json": {"schema": ERROR_REF}},
                },
                "401": {
                    "description": "No valid token, or a used, expired or unknown ticket.",
                    "content": {"application/json": {"schema": ERROR_REF}},
                },
            },
        }
    }
    return result
