"""The open data API's rate limit: per client address, counted in Redis that every web host shares.

Django REST framework's own throttle keeps each client's request times as a list in the cache, read, pruned
and written back whole on every request. Two workers answering the same client at once both read the list
before either writes it, and one request goes uncounted; and the list is as long as the limit (at the
bench's limit, a million a minute, the open data pages spent most of a request moving it to and from
Redis). Here each client has one counter per window of the limit's length, and a request is counted by a
script Redis runs whole (nothing can come between the check and the count): the limit holds whatever the
number of workers and hosts, and a request costs one round trip of a few bytes.

The window slides: a request is let through while this window's count plus the last window's, weighted by
how much of it still lies within one window's length of now, stays under the limit, as Redis' and Cloudflare's
sliding-window counters do. A refused request is not counted (as in REST framework).
"""

import logging
import math

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)

# KEYS: this window's counter, the last window's. ARGV: the last window's weight, the limit, the counter's
# lifetime in seconds. Counts the request if the estimate is under the limit; returns {counted, this, last}.
COUNT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if current + previous * tonumber(ARGV[1]) >= tonumber(ARGV[2]) then
  return {0, current, previous}
end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, current + 1, previous}
"""


class OpenDataThrottle(AnonRateThrottle):
    """API_RATE_LIMIT requests per client address (everyone is counted by address: the API has no sign-in)."""

    scope = "open_data"
    cache = caches["shared"]
    _script = None  # COUNT, registered once; run on the client of each call

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        self.retry_after = None
        try:
            return self._count()
        except Exception:
            # Redis refusing must not take the open data down; the limit is back when Redis is.
            logger.warning("Could not count an open data request", exc_info=True)
            return True

    def _count(self) -> bool:
        now = self.timer()
        window, elapsed = divmod(now, self.duration)
        weight = 1 - elapsed / self.duration
        keys = [self.cache.make_and_validate_key(f"{self.key}:{int(window) - back}") for back in (0, 1)]
        # The cache's own redis-py client (core.plumbing.redis_cache), on the connection pool it shares.
        client = self.cache._cache.get_client(keys[0], write=True)  # type: ignore[attr-defined]
        if OpenDataThrottle._script is None:
            OpenDataThrottle._script = client.register_script(COUNT)
        counted, current, previous = OpenDataThrottle._script(
            keys=keys, args=[weight, self.num_requests, 2 * self.duration], client=client
        )
        if counted:
            return True
        self.retry_after = self._seconds_until_free(int(current), int(previous), elapsed)
        return False

    def _seconds_until_free(self, current: int, previous: int, elapsed: float) -> int:
        """The whole seconds until the estimate is under the limit again, if nothing else is asked meanwhile."""
        left = self.duration - elapsed
        if current < self.num_requests and previous:
            # The last window's share falls as it slides out: current + previous * (left - t) / duration.
            needed = left - (self.num_requests - current) * self.duration / previous
            return max(1, math.floor(needed) + 1)
        # This window alone is full: at the next, its count weighs (1 - t / duration).
        needed = left + self.duration * (1 - self.num_requests / current) if current else left
        return max(1, math.floor(needed) + 1)

    def wait(self):
        return self.retry_after
