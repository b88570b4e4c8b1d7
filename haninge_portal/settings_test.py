"""Settings for the test suite: the real services on this machine, a throwaway key, fast hashing."""

import os
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/haninge")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_url_for_xdist_worker() -> None:
    """Under pytest-xdist each worker (gw0, gw1, …) clears the shared cache and runs Celery workers on its
    own Redis database, counted down from REDIS_URL's (15: gw0 → 14, gw1 → 13). The choice is written back to
    the environment and marked, so the processes a test starts (which inherit both) keep the URL they are given."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker or os.environ.get("REDIS_URL_CHOSEN_FOR") == worker:
        return
    url = urlsplit(os.environ["REDIS_URL"])
    db = (int(url.path.strip("/") or 0) - 1 - int(worker.removeprefix("gw"))) % 16
    os.environ["REDIS_URL"] = urlunsplit(url._replace(path=f"/{db}"))
    os.environ["REDIS_URL_CHOSEN_FOR"] = worker


_redis_url_for_xdist_worker()

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Pages are rendered afresh in tests (the pinned query counts measure that); tests/test_pagecache.py turns
# the page cache on where it is what is tested.
PAGE_CACHE_SECONDS = 0

# The permission matrix and the API tests ask the open data API hundreds of times a minute from one address;
# tests/api/test_open_data.py sets the limit low where the limit is what is tested.
API_RATE_LIMIT = "100000/minute"

# WhiteNoise finds a static file when it is asked for, instead of listing every file each time a test client
# starts (25 ms per client: the suite makes thousands).
WHITENOISE_AUTOREFRESH = True
