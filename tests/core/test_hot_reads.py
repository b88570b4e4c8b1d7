"""The two reads of every signed-in request, the session and the person, written out in SQL
(core/sessions.py, core/auth_backends.py): what Django's ORM reads decided, they still decide."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from core.auth_backends import load_user

pytestmark = pytest.mark.django_db


def _signed_in(client_for, role="representative"):
    client = client_for(role)
    assert client.get(reverse("home")).wsgi_request.user.is_authenticated
    return client


def test_a_session_that_has_run_out_signs_nobody_in(client_for, world):
    client = _signed_in(client_for)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_a_session_that_was_removed_signs_nobody_in(client_for, world):
    client = _signed_in(client_for)
    Session.objects.all().delete()
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_a_deactivated_person_is_signed_out_at_the_next_request(client_for, world):
    client = _signed_in(client_for)
    person = world["people"]["representative"]
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_a_new_password_ends_the_other_sessions(client_for, world):
    client = _signed_in(client_for)
    person = world["people"]["representative"]
    person.set_password("another long passphrase 2026")
    person.save()
    assert not client.get(reverse("home")).wsgi_request.user.is_authenticated


def test_the_person_read_is_the_whole_person_and_nobody_for_what_is_not_a_key(world):
    person = world["people"]["coordinator"]
    loaded = load_user(str(person.pk))
    assert loaded == person
    assert (loaded.email, loaded.role, loaded.full_name, loaded.is_active) == (
        person.email,
        person.role,
        person.full_name,
        True,
    )
    assert loaded.department_id == person.department_id
    assert load_user("not a number") is None
    assert load_user(str(person.pk + 10_000)) is None


def test_the_session_and_the_person_are_one_query_each(client_for, world, django_assert_num_queries):
    client = _signed_in(client_for)
    # The health check needs no session; the bare view reads it and the person and runs SELECT 1.
    with django_assert_num_queries(3):
        assert client.get(reverse("core:bench_floor")).status_code == 200
