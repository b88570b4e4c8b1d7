"""Sign-in backends: Django's and allauth's, with Django's model permissions kept for staff alone.

The portal's permissions are its rules (`rules`, core/rules.py and each app's); Django's model permissions
(a person's groups and own permissions) matter only on the admin site, which only staff may enter. Without
this, every rule that said no without an object (may this person order a report? see every department?) was
asked again of Django's permission tables: two queries on every such request, for a set that is empty for
everyone but staff. It is no weaker: a group permission can no longer say yes where the rules said no.

Both also read the signed-in person, on every request, with SQL written out once per process: the ORM took
0.6 ms to build that one query, twice the round trip to PostgreSQL. A signed-in request reads no person at
all here: its session read brings the person along (core.sessions, core.middleware.get_user).
"""

import contextvars
import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router


@functools.cache
def user_columns() -> tuple[list[str], list[str]]:
    """Every column of the person's table (quoted), and the attributes they fill, in order."""
    model = get_user_model()
    fields = model._meta.concrete_fields
    # Raw values go straight into the model: a field that converts what the database returns would need more.
    if any(field.get_db_converters(connections["default"]) for field in fields):  # type: ignore[attr-defined]
        raise TypeError("a field of the user model converts database values: read it through the ORM")
    quote = connections["default"].ops.quote_name
    return [quote(field.column) for field in fields], [field.attname for field in fields]


@functools.cache
def _user_by_pk() -> str:
    """SELECT every column of one person by primary key."""
    model = get_user_model()
    quote = connections["default"].ops.quote_name
    columns = ", ".join(user_columns()[0])
    return f"SELECT {columns} FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = %s"  # noqa: S608


def user_from_row(alias: str, row):
    """The person from the columns user_columns() names, as the ORM would build them."""
    return get_user_model().from_db(alias, user_columns()[1], row)


# The person the request's session read brought with it (core.sessions), while AuthenticationMiddleware
# asks who is signed in (core.middleware.get_user): load_user then takes it instead of reading it again.
offered_user: contextvars.ContextVar = contextvars.ContextVar("offered_user", default=None)


def load_user(user_id):
    """The person with this primary key (as the session stores it), or None: ModelBackend.get_user's read."""
    model = get_user_model()
    try:
        pk = model._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    offered = offered_user.get()
    if offered is not None and offered.pk == pk:
        return offered
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(_user_by_pk(), [pk])
        row = cursor.fetchone()
    return None if row is None else user_from_row(alias, row)


class _StaffModelPermissions:
    """ModelBackend's permission sets, empty for anyone not staff; get_all_permissions and has_perm build on them."""

    def get_user(self, user_id):
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]

    def get_user_permissions(self, user_obj, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return set()
        return super().get_user_permissions(user_obj, obj)  # type: ignore[misc]

    def get_group_permissions(self, user_obj, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return set()
        return super().get_group_permissions(user_obj, obj)  # type: ignore[misc]


class PortalModelBackend(_StaffModelPermissions, ModelBackend):
    """Django's ModelBackend (sign-in with the password), model permissions for staff only."""


class PortalAccountBackend(_StaffModelPermissions, AuthenticationBackend):
    """allauth's backend (sign-in with the e-mail address), model permissions for staff only."""
