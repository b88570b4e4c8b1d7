"""SESSION_ENGINE for SESSION_STORE=cached_db: Django's sessions read through the cache, kept in
core.models.Session (the person they are signed in as in a column, as core.sessions writes them)."""

from django.contrib.sessions.backends import cached_db

from .sessions import PersonInColumn


class SessionStore(PersonInColumn, cached_db.SessionStore):
    pass
