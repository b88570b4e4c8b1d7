"""The open data API's rate limit: per client address, counted in Redis that every web host shares."""

import logging

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

logger = logging.getLogger(__name__)


class OpenDataThrottle(AnonRateThrottle):
    """API_RATE_LIMIT requests per client address (everyone is counted by address: the API has no sign-in)."""

    scope = "open_data"
    cache = caches["shared"]

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:
            # Redis refusing must not take the open data down; the limit is back when Redis is.
            logger.warning("Could not count an open data request", exc_info=True)
            return True
