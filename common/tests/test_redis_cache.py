import pytest
import redis

from common.cache import RedisCache

REDIS_TEST_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def redis_cache():
    try:
        redis.Redis.from_url(REDIS_TEST_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache = RedisCache(REDIS_TEST_URL, {"KEY_PREFIX": "cache-test"})
    yield cache
    cache.clear()


def test_cache_round_trips_values_and_counters(redis_cache):
    redis_cache.set("menu", {"fries": "2.75"}, 30)
    redis_cache.add("version", 1, None)
    redis_cache.incr("version")

    assert redis_cache.get("menu") == {"fries": "2.75"}
    assert redis_cache.get("version") == 2


def test_incr_is_one_round_trip_and_refuses_a_missing_key(redis_cache, monkeypatch):
    redis_cache.add("version", 5, None)
    client = redis_cache._cache.get_client(write=True)
    commands = []
    send = client.execute_command

    def counting(*args, **kwargs):
        commands.append(args[0])
        return send(*args, **kwargs)

    monkeypatch.setattr(client, "execute_command", counting)
    assert redis_cache.incr("version") == 6
    assert redis_cache.incr("version", 3) == 9
    with pytest.raises(ValueError):
        redis_cache.incr("never-set")

    assert len(commands) == 3  # one each (EVALSHA, or EVAL the first time)
    assert redis_cache.get("version") == 9
    assert redis_cache.get("never-set") is None
    assert not redis_cache.has_key("never-set")


def test_cache_reuses_one_client_for_every_operation(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    redis_cache.set("a", 1)
    redis_cache.get("a")

    assert redis_cache._cache.get_client(write=False) is client


def test_get_small_answers_as_get_does(redis_cache):
    redis_cache.set("version", 1796011498365241, None)
    redis_cache.set("menu", {"fries": "2.75"}, 30)
    redis_cache.set("name", "Chai", 30)
    redis_cache.add("counter", 1, None)
    redis_cache.incr("counter")

    for key in ("version", "menu", "name", "counter", "never-set"):
        assert redis_cache.get_small(key) == redis_cache.get(key), key
    assert redis_cache.get_small("never-set", "absent") == "absent"

    redis_cache.incr("version")
    assert redis_cache.get_small("version") == 1796011498365242


def test_get_small_keeps_one_connection_of_its_own(redis_cache):
    redis_cache.set("version", 7, None)
    redis_cache.get_small("version")
    connection = redis_cache._small_reads
    pool = redis_cache._cache._get_connection_pool(0)
    in_pool = pool._created_connections

    for _ in range(3):
        assert redis_cache.get_small("version") == 7

    assert redis_cache._small_reads is connection
    assert pool._created_connections == in_pool  # never taken from the pool


def test_a_connection_redis_closed_is_replaced_without_an_outage(redis_cache):
    """Redis closing an idle connection (its ``timeout`` setting, a restart)
    is not an outage: a fresh connection answers, nothing falls back."""
    redis_cache.set("version", 7, None)
    redis_cache.get_small("version")
    closed = redis_cache._small_reads
    redis.Redis.from_url(REDIS_TEST_URL).client_kill(_client_address(closed))

    assert redis_cache.get_small("version", "fallback") == 7
    assert redis_cache._small_reads is not closed
    assert not redis_cache.degraded


def test_a_socket_that_fails_twice_is_an_outage_until_redis_answers(redis_cache, monkeypatch):
    redis_cache.set("version", 7, None)
    failing = redis_cache._read_small

    def broken(made_key):
        raise ConnectionError("the network is gone")

    monkeypatch.setattr(redis_cache, "_read_small", broken)
    assert redis_cache.get_small("version", "fallback") == "fallback"
    assert redis_cache.degraded

    monkeypatch.setattr(redis_cache, "_read_small", failing)
    redis_cache._outage.retry_at = 0  # skip the pause
    assert redis_cache.get_small("version") == 7
    assert not redis_cache.degraded


def _client_address(connection) -> str:
    host, port = connection._sock.getsockname()[:2]
    return f"{host}:{port}"
