"""Django's model permissions count on the admin site's staff only; the portal's rules decide for everyone."""

import pytest
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db


def _group_that_may_change_meetings() -> Group:
    group = Group.objects.create(name="may change meetings")
    group.permissions.add(Permission.objects.get(codename="change_meeting", content_type__app_label="core"))
    return group


def test_a_group_permission_gives_a_non_staff_person_nothing(world, django_assert_num_queries):
    person = world["people"]["representative"]
    person.groups.add(_group_that_may_change_meetings())
    person.user_permissions.add(
        Permission.objects.get(codename="delete_meeting", content_type__app_label="core")
    )
    assert not person.is_staff
    with django_assert_num_queries(0):
        assert not person.has_perm("core.change_meeting")
        assert not person.has_perm("core.delete_meeting")
        assert person.get_all_permissions() == set()


def test_staff_keep_their_model_permissions_for_the_admin_site(world):
    person = world["people"]["representative"]
    person.is_staff = True
    person.save()
    person.groups.add(_group_that_may_change_meetings())
    assert person.has_perm("core.change_meeting")
    assert "core.change_meeting" in person.get_all_permissions()


def test_signing_in_with_the_password_still_works(client, world):
    person = world["people"]["representative"]
    person.set_password("a long enough passphrase 42")
    person.save()
    assert client.login(email=person.email, password="a long enough passphrase 42")
