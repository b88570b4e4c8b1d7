"""Reads from a PostgreSQL read replica, when DATABASE_REPLICA_URL names one; writes go to the primary.

A replica lags the primary by a moment, and the person who has just changed something must never see the
old figure: a request that writes (any method but GET/HEAD/OPTIONS) reads from the primary, and so do that
browser's requests for REPLICA_PIN_SECONDS afterwards (a cookie says so). Work outside a request (Celery
tasks, management commands) reads from the primary too: a task often reads what was just committed.
"""

import contextvars

from django.conf import settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
PIN_COOKIE = "pin_primary"

_read_from_replica = contextvars.ContextVar("read_from_replica", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        return "replica" if _read_from_replica.get() else "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"


class ReplicaReadsMiddleware:
    """Lets a request read from the replica unless it writes or its browser wrote a moment ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writes = request.method not in SAFE_METHODS
        token = _read_from_replica.set(not writes and PIN_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _read_from_replica.reset(token)
        if writes:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
