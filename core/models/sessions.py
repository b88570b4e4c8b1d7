"""Sessions (SESSION_ENGINE core.sessions): Django's session table with the signed-in person in a column."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils.translation import gettext_lazy as _


class Session(AbstractBaseSession):
    """Django's session, and the person it is signed in as (None for a visitor's), written at every save.

    The column lets a request's first query read the session and its person together (core.sessions),
    instead of one round trip for each. It is a copy of the `_auth_user_id` inside the session's data and
    trusted only where the two agree; the data stays the only authority on who is signed in.
    """

    # No foreign key: a session saved for a person deleted meanwhile must not fail (Django would retry its
    # creation with a new key forever); such a session finds nobody and is a visitor's.
    user_id = models.BigIntegerField(_("person signed in"), null=True, blank=True, editable=False)

    class Meta(AbstractBaseSession.Meta):  # type: ignore[name-defined]  # django-stubs does not declare it
        db_table = "core_session"

    @classmethod
    def get_session_store_class(cls):
        # The engine in the settings (core.sessions or core.cached_sessions); models import no plumbing.
        return import_module(settings.SESSION_ENGINE).SessionStore
