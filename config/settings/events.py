"""Live events (notifications/live/)."""

from config.settings.env import env_float, env_int, env_str

# Which broker tells every app server about a new notification: auto = Redis
# pub/sub when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY, else (SQLite)
# in-process only; or one of redis, postgres, local.
EVENTS_BROKER = env_str("EVENTS_BROKER", "auto")
# The Redis pub/sub channel (PostgreSQL's is fixed: campus_notifications).
EVENTS_CHANNEL = env_str("EVENTS_CHANNEL", "campus:notifications")
# Each ASGI process's safety-net poll: every EVENTS_POLL_SECONDS while its
# broker is up, every EVENTS_FALLBACK_POLL_SECONDS while it is down or absent.
EVENTS_POLL_SECONDS = env_float("EVENTS_POLL_SECONDS", 5)
EVENTS_FALLBACK_POLL_SECONDS = env_float("EVENTS_FALLBACK_POLL_SECONDS", 1)
EVENTS_HEARTBEAT_SECONDS = env_float("EVENTS_HEARTBEAT_SECONDS", 15)
# The longest a stream stays open (a Bearer stream also ends with its token).
EVENTS_STREAM_MAX_SECONDS = env_int("EVENTS_STREAM_MAX_SECONDS", 3600)
# Under a WSGI server (not the production route) a stream polls and ends sooner.
EVENTS_WSGI_STREAM_SECONDS = env_int("EVENTS_WSGI_STREAM_SECONDS", 25)
# Open streams per user, across app servers; opening another ends the oldest.
EVENTS_MAX_STREAMS = env_int("EVENTS_MAX_STREAMS", 5)
