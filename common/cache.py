"""Django's Redis cache backend, made to survive Redis going away.

Two changes to the stock backend:

- One ``redis.Redis`` client per connection pool. The stock client builds a
  new one for every cache operation, which costs more than the Redis round
  trip itself on a cached read (see docs/BENCHMARKS.md). ``incr`` takes one
  round trip instead of two (a script: INCRBY if the key exists).
- Losing Redis costs speed, never correctness. Every operation that fails
  with a Redis or socket error is answered by a per-process memory cache
  instead, and Redis is left alone for ``RETRY_SECONDS`` before it is tried
  again, so an outage adds no timeout to each request. Throttle counters keep
  counting there (per process) until Redis returns; ``is_degraded()`` tells
  readers whose entries must agree across processes (the catalogue cache) to
  skip caching meanwhile. When Redis answers again the callbacks registered
  with ``on_recovery`` run once per process (the catalogue bumps its version:
  writes made during the outage never reached Redis).
"""

import logging
import threading
import time
from collections.abc import Callable
from functools import partial

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Seconds Redis is left alone after a failure before it is tried again.
RETRY_SECONDS = 1.0
# A dead or hung Redis must cost a request milliseconds, not the default
# unbounded wait plus redis-py's three retries with backoff.
DEFAULT_OPTIONS = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.5,
    "retry": Retry(NoBackoff(), 0),
}

_recovery_callbacks: list[Callable[[], None]] = []


def on_recovery(callback: Callable[[], None]) -> None:
    """Run ``callback`` each time this process finds Redis answering after an outage."""
    if callback not in _recovery_callbacks:
        _recovery_callbacks.append(callback)


def get_small(key, default=None, alias: str = "default"):
    """``caches[alias].get(key, default)``, by ``RedisCache.get_small`` when
    the cache is Redis."""
    backend = caches[alias]
    if isinstance(backend, RedisCache):
        return backend.get_small(key, default)
    return backend.get(key, default)


def is_degraded(alias: str = "default") -> bool:
    """True while that cache is a Redis cache answering from its per-process fallback."""
    backend = caches[alias]
    return isinstance(backend, RedisCache) and backend.degraded


class _Outage:
    """Process-wide state of one Redis location: Django builds one cache
    object per thread, and one thread's discovery should spare the others."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


# INCRBY of an existing key only, in one round trip (the stock client asks
# EXISTS first): every catalogue write bumps the catalogue's version with it.
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._incr_scripts = {}

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        script = self._incr_scripts.get(id(client))
        if script is None:
            script = self._incr_scripts[id(client)] = client.register_script(INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(index))
            self._clients[index] = client
        return client


def _guarded(name: str):
    redis_method = getattr(DjangoRedisCache, name)

    def method(self, *args, **kwargs):
        return self._guard(name, partial(redis_method, self), *args, **kwargs)

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        location = server if isinstance(server, str) else ",".join(server)
        self._outage = _outage_for(location)
        # LocMemCache shares its storage between instances of the same name,
        # so every thread of the process sees the same fallback entries.
        self._fallback = LocMemCache(
            f"redis-fallback:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            },
        )

    @property
    def degraded(self) -> bool:
        return self._outage.down

    def ping(self) -> bool:
        """Ask Redis itself (whatever the retry pause); the health check's probe."""
        try:
            self._cache.get_client(write=True).ping()
        except (RedisError, OSError) as exc:
            self._went_down(exc)
            return False
        if self._outage.down:
            self._came_back()
        return True

    def _went_down(self, exc: Exception) -> None:
        outage = self._outage
        with outage.lock:
            if not outage.down:
                logger.error("Redis is unreachable, using per-process memory: %s", exc)
            outage.down = True
            outage.retry_at = time.monotonic() + RETRY_SECONDS

    def _came_back(self) -> None:
        outage = self._outage
        with outage.lock:
            if not outage.down:
                return  # another thread saw it first and ran the callbacks
            outage.down = False
        logger.warning("Redis answers again")
        self._fallback.clear()
        for callback in list(_recovery_callbacks):
            try:
                callback()
            except Exception:
                logger.exception("Redis recovery callback %r failed", callback)

    def _guard(self, name: str, redis_call, *args, **kwargs):
        """``redis_call(*args, **kwargs)``, or the fallback's method ``name``
        with the same arguments while Redis is down: a failed call marks the
        outage, and the first call that succeeds after it ends it."""
        outage = self._outage
        if outage.down and time.monotonic() < outage.retry_at:
            return getattr(self._fallback, name)(*args, **kwargs)
        try:
            result = redis_call(*args, **kwargs)
        except (RedisError, OSError) as exc:
            self._went_down(exc)
            return getattr(self._fallback, name)(*args, **kwargs)
        if outage.down:
            self._came_back()
        return result

    def get_small(self, key, default=None):
        """``get`` for a small value read on every request (the catalogue
        version, before a process's copy of a stored answer is served): the
        same answer and the same outage handling, over a connection this
        thread keeps to itself. Through redis-py's pool, retry wrapper and
        command dispatch, and Django's client, a GET cost 129 µs against 82 µs
        for the same round trip on a connection held open (in-process,
        docs/ARCHITECTURE.md, "Speed", sixth pass)."""
        return self._guard("get", self._get_small_from_redis, key, default)

    def _get_small_from_redis(self, key, default):
        made = self.make_and_validate_key(key)
        try:
            value = self._read_small(made)
        except (RedisError, OSError):
            # A connection Redis closed while it sat idle (a server timeout, a
            # restart) is not an outage: a fresh one decides, as redis-py's
            # pool does when it hands out a connection.
            self._drop_own_connection()
            try:
                value = self._read_small(made)
            except (RedisError, OSError):
                self._drop_own_connection()
                raise
        return default if value is None else self._cache._serializer.loads(value)

    def _read_small(self, made_key: str):
        connection = self._own_connection()
        connection.send_command("GET", made_key)
        return connection.read_response()

    def _own_connection(self):
        connection = self.__dict__.get("_small_reads")
        if connection is None:
            # Django makes a cache object per thread, so this is the thread's own.
            client = self._cache
            pool = client._get_connection_pool(client._get_connection_pool_index(False))
            connection = self._small_reads = pool.connection_class(**pool.connection_kwargs)
        return connection

    def _drop_own_connection(self) -> None:
        connection = self.__dict__.pop("_small_reads", None)
        if connection is not None:
            connection.disconnect()

    add = _guarded("add")
    get = _guarded("get")
    set = _guarded("set")
    touch = _guarded("touch")
    delete = _guarded("delete")
    get_many = _guarded("get_many")
    has_key = _guarded("has_key")
    incr = _guarded("incr")
    set_many = _guarded("set_many")
    delete_many = _guarded("delete_many")
    clear = _guarded("clear")
