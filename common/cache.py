"""Django's Redis cache backend, keeping one Redis client per connection pool.

The stock client builds a new ``redis.Redis`` object for every cache
operation, which costs more than the Redis round trip itself on a cached read
(see docs/BENCHMARKS.md). A ``redis.Redis`` client is thread-safe and only
wraps its pool, so one per pool serves every request of the process.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(index))
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
