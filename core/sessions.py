"""SESSION_ENGINE for SESSION_STORE=db (the default): Django's database sessions, read with SQL written out.

A signed-in request reads its session before anything else. Django builds that query through the ORM each
time, which took 0.45 ms on top of the 0.3 ms round trip; the statement below is the same one. It also reads
the person the session is signed in as (core.models.Session keeps them in a column of its own), which the
request would otherwise read in a round trip of its own when it asks who is signed in (core.middleware), with
their forums and the minutes they sign (core.rules.person_ties, which the access rules of nearly every
signed-in page ask in a round trip of their own), and,
with the page cache on, whether a page cache bump is pending (core/plumbing/pagecache.py), which the request
would otherwise ask before serving a stored page. Everything else (writing, expiry, signing out,
clearsessions) is Django's.
"""

import functools

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.utils import timezone

from .auth_backends import user_columns, user_from_row
from .plumbing import pagecache
from .rules import keep_ties, ties_columns, ties_params


@functools.cache
def _session_sql(alias: str, read_bump: bool) -> str:
    """The session read: the session, the page cache's pending bump where `read_bump`, the person's ties
    (core.rules) and the person; written once per process. Takes ties_params(), the key and the time."""
    from .models import Session

    quote = connections[alias].ops.quote_name
    people = get_user_model()._meta
    person_pk = f"person.{quote(people.pk.column)}"
    person_columns = ", ".join(f"person.{column}" for column in user_columns()[0])
    # The page cache's check for a pending bump rides along (core/plumbing/pagecache.py).
    bump_columns, bump_join = pagecache.pending_bump_columns() if read_bump else ("", "")
    return (
        f"SELECT session.{quote('session_data')}, session.{quote('expire_date')}, "  # noqa: S608
        f"{bump_columns + ', ' if read_bump else ''}{ties_columns(person_pk)}, {person_columns} "
        f"FROM (SELECT 1) AS one LEFT JOIN {quote(Session._meta.db_table)} AS session "
        f"ON session.{quote('session_key')} = %s AND session.{quote('expire_date')} > %s "
        f"LEFT JOIN {quote(people.db_table)} AS person ON {person_pk} = session.{quote('user_id')} {bump_join}"
    )


class PersonInColumn:
    """Sessions in core.models.Session, the person they are signed in as written beside the data."""

    @classmethod
    def get_model_class(cls):
        from .models import Session

        return Session

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)  # type: ignore[misc]
        try:
            instance.user_id = get_user_model()._meta.pk.to_python(data.get(SESSION_KEY))
        except ValidationError:
            instance.user_id = None
        return instance


class SessionStore(PersonInColumn, db.SessionStore):
    # The person read with the session (None for a visitor's session, or when none was read); the request
    # takes them only if they are the one the session's data says (core.middleware.get_user).
    signed_in_person = None

    def _get_session_from_db(self):
        model = self.get_model_class()
        alias = router.db_for_read(model)
        connection = connections[alias]
        key = self.session_key  # Django's setter has checked it (None when it is not a valid key)
        self.signed_in_person = None
        if not key:
            return None
        read_bump = alias == DEFAULT_DB_ALIAS and pagecache.enabled()
        with connection.cursor() as cursor:
            cursor.execute(_session_sql(alias, read_bump), [*ties_params(), key, timezone.now()])
            found = cursor.fetchone()
        rest = found[2:]
        if read_bump:
            pagecache.read_with_request(self, rest[:3])
            rest = rest[3:]
        if found[0] is None:
            self._session_key = None
            return None
        if rest[2] is not None:
            self.signed_in_person = user_from_row(alias, rest[2:])
            keep_ties(self.signed_in_person, rest[:2])
        return model.from_db(alias, ["session_key", "session_data", "expire_date"], [key, *found[:2]])
