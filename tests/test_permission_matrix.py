"""The permission matrix: every URL pattern of the project, every role, the status each must get.

The rows live in tests/permission_rows/ (one module per app). A new URL without a row fails
`test_every_url_has_an_expectation`, so nobody adds a page without
saying who may open it.
"""

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.conftest import ROLES, build_world, signed_in
from tests.permission_rows import all_rows

SIGNED_IN = [r for r in ROLES if r != "anonymous"]


EXPECTATIONS = all_rows()

# The Django admin is for administrators only; everyone else is sent to its sign-in page.
ADMIN_EXPECTATION = {**dict.fromkeys(ROLES, 302), "administrator": 200}
# Records nobody writes by hand, not even an administrator: the access log, erasure records, invitations
# (coordinators send those in the portal).
READ_ONLY_ADD_PAGES = {
    "admin:core_accesslogentry_add",
    "admin:core_erasurerecord_add",
    "admin:core_invitation_add",
}


def named_patterns(patterns=None, namespace: str | None = None):
    """Yield (name, pattern) for every named URL pattern, namespaces included."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from named_patterns(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def admin_urls_without_arguments() -> list[str]:
    return sorted(
        name
        for name, pattern in named_patterns()
        if name.startswith("admin:") and not pattern.pattern.regex.groups and name != "admin:logout"
    )


def test_every_url_has_an_expectation():
    missing = sorted(
        name
        for name, _pattern in named_patterns()
        if not name.startswith("admin:") and name not in EXPECTATIONS
    )
    assert not missing, f"URL patterns without a row in the permission matrix: {missing}"
    stale = sorted(set(EXPECTATIONS) - {name for name, _pattern in named_patterns()})
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


class TestPermissionMatrix:
    """One case per (URL, role). The eight roles of a URL share one world, built once in a transaction that
    each case's own (a savepoint, rolled back after it) nests in, and rolled back after the URL's last case.
    A class, so that the world is gone before any other test of this module runs."""

    @pytest.fixture(scope="class")
    @classmethod
    def url_world(cls, url_name, django_db_setup, django_db_blocker, tmp_path_factory):
        """(world, path, media root): the world, the URL with its objects, where their files are."""
        media = tmp_path_factory.mktemp("media")
        with (
            django_db_blocker.unblock(),
            translation.override(django_settings.LANGUAGE_CODE),
            override_settings(MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            world = build_world()
            kwargs = EXPECTATIONS[url_name][0]
            path = reverse(url_name, kwargs=kwargs(world) if callable(kwargs) else kwargs)
            yield world, path, media
            transaction.set_rollback(True)

    @pytest.mark.django_db
    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize("url_name", EXPECTATIONS, scope="class")
    def test_permission_matrix(self, url_name, role, url_world, settings):
        world, path, media = url_world
        settings.MEDIA_ROOT = media  # where the URL's files are, not this case's own folder
        expected = EXPECTATIONS[url_name][1][role]
        response = signed_in(world, role).get(path)
        assert response.status_code == expected, (
            f"{url_name} as {role}: expected {expected}, got {response.status_code}"
        )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_are_for_administrators_only(role, client_for):
    client = client_for(role)
    for url_name in admin_urls_without_arguments():
        # The autocomplete endpoint answers for one field of one model.
        query = {"app_label": "core", "model_name": "membership", "field_name": "user"}
        response = client.get(reverse(url_name), query if url_name == "admin:autocomplete" else {})
        expected = ADMIN_EXPECTATION[role]
        if url_name == "admin:login":
            # One door in: visitors are sent to the portal's sign-in, staff on to the admin, others refused.
            expected = {"anonymous": 302, "administrator": 302}.get(role, 403)
        if url_name in READ_ONLY_ADD_PAGES and role == "administrator":
            expected = 403
        assert response.status_code == expected, f"{url_name} as {role}: {response.status_code}"
        if response.status_code == 302 and url_name != "admin:login":
            assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in ROLES if r != "administrator"])
def test_admin_object_pages_send_everyone_but_administrators_to_sign_in(role, client_for, world):
    client = client_for(role)
    person = world["people"]["representative"]
    for action in ("change", "history", "delete"):
        response = client.get(reverse(f"admin:core_user_{action}", args=[person.pk]))
        assert response.status_code == 302, f"{action} as {role}"
        assert "/admin/login/" in response["Location"]
