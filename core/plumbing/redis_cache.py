"""Django's Redis cache backend, with one redis-py client per connection pool instead of one per command.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation. Building one fills a table
of some 170 response callbacks, which cost about 0.3 ms: more than the round trip to Redis itself, and on
every page served from the page cache (core/plumbing/pagecache.py). A redis-py client is safe to share
between threads and holds no connection of its own (its pool does, and the pool starts afresh in a forked
process), so one per pool does the same work.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        # Django's own private helpers, which django-stubs does not declare.
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
            client = self._clients[index] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(DjangoRedisCache):
    """settings.CACHES["shared"]: Django's backend with the client above."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
