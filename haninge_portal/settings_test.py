"""Settings for the test suite: the real services on this machine, a throwaway key, fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/haninge")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Pages are rendered afresh in tests (the pinned query counts measure that); tests/test_pagecache.py turns
# the page cache on where it is what is tested.
PAGE_CACHE_SECONDS = 0
