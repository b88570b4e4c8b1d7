"""The reads of every signed-in request, the session, the person and their ties to forums and meetings,
written out in SQL (core/sessions.py, core/auth_backends.py, core/rules.py): what Django's ORM reads
decided, they still decide."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.auth_backends import load_user
from core.models import Session

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


def test_the_session_and_the_person_are_one_query(client_for, world, django_assert_num_queries):
    client = _signed_in(client_for)
    # The health check needs no session; the bare view reads the session with its person, and runs SELECT 1.
    with django_assert_num_queries(2) as queries:
        assert client.get(reverse("core:bench_floor")).wsgi_request.user == world["people"]["representative"]
    assert '"core_user"' in queries.captured_queries[0]["sql"]


def test_the_person_read_with_the_session_is_the_person_as_the_database_has_them_now(client_for, world):
    client = _signed_in(client_for)
    person = world["people"]["representative"]
    person.full_name = "Aino Uusi-Nimi"
    person.save(update_fields=["full_name"])
    user = client.get(reverse("home")).wsgi_request.user
    assert (user.pk, user.full_name) == (person.pk, "Aino Uusi-Nimi")


def test_the_data_not_the_column_says_who_is_signed_in(client_for, world, django_assert_num_queries):
    """A session whose person column names someone else (written by anything but the session store) signs
    in the person its data names, read by a query of its own."""
    client = _signed_in(client_for)
    coordinator = world["people"]["coordinator"]
    Session.objects.filter(session_key=client.session.session_key).update(user_id=coordinator.pk)
    with django_assert_num_queries(3):
        user = client.get(reverse("core:bench_floor")).wsgi_request.user
    assert user == world["people"]["representative"]


def test_a_session_saved_before_the_column_signs_in_and_gets_its_person_at_its_next_save(
    client_for, world, django_assert_num_queries
):
    client = _signed_in(client_for)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(user_id=None)
    with django_assert_num_queries(3):
        user = client.get(reverse("core:bench_floor")).wsgi_request.user
    assert user == world["people"]["representative"]
    session = client.session
    session["touched"] = True
    session.save()
    assert Session.objects.get(session_key=key).user_id == world["people"]["representative"].pk


def test_a_visitors_session_has_nobody_in_its_column(client, world):
    session = client.session
    session["language_chosen"] = "fi"
    session.save()
    row = Session.objects.get(session_key=session.session_key)
    assert row.user_id is None and row.get_decoded()["language_chosen"] == "fi"


def test_the_ties_are_the_current_memberships_and_the_minutes_signed(world):
    """core.rules.person_ties answers what Membership.objects.current() and MinutesSigner answer, for terms
    that ended yesterday, end today, start tomorrow, started today and never end."""
    from core.models import Membership, MinutesSigner
    from core.rules import person_ties
    from tests.factories import ForumFactory, MembershipFactory

    today = timezone.localdate()
    person = world["people"]["other_representative"]
    terms = [(-30, -1), (-30, 0), (1, None), (0, None), (-400, None)]
    forums = [ForumFactory() for _ in terms]
    for forum, (start, end) in zip(forums, terms, strict=True):
        MembershipFactory(
            user=person,
            forum=forum,
            starts_on=today + dt.timedelta(days=start),
            ends_on=None if end is None else today + dt.timedelta(days=end),
        )
    MinutesSigner.objects.create(meeting=world["meetings"]["finnish"], user=person, role="adjuster")
    for someone in [*world["people"].values(), person]:
        someone.__dict__.pop("_current_forum_ids", None)
        someone.__dict__.pop("_signed_meeting_ids", None)
        current, signed = person_ties(someone)
        assert current == set(
            Membership.objects.current().filter(user=someone).values_list("forum_id", flat=True)
        )
        assert signed == set(MinutesSigner.objects.filter(user=someone).values_list("meeting_id", flat=True))
    current, signed = person_ties(person)
    assert {f.pk for f in forums} & current == {forums[1].pk, forums[3].pk, forums[4].pk}
    assert signed == {world["meetings"]["finnish"].pk}


def test_with_sessions_read_through_the_cache_a_person_signs_in_and_their_row_names_them(settings, world):
    """SESSION_STORE=cached_db (core.cached_sessions): the same table, the person's column written too."""
    from django.test import Client

    settings.SESSION_ENGINE = "core.cached_sessions"
    person = world["people"]["politician"]
    client = Client()
    client.force_login(person)
    assert client.get(reverse("home")).wsgi_request.user == person
    assert Session.objects.get(session_key=client.session.session_key).user_id == person.pk


def test_the_ties_that_come_with_the_session_are_those_person_ties_reads(client_for, world):
    from core.models import MinutesSigner, User
    from core.rules import person_ties

    person = world["people"]["representative"]
    MinutesSigner.objects.create(meeting=world["meetings"]["finnish"], user=person, role="adjuster")
    client = _signed_in(client_for)
    user = client.get(reverse("home")).wsgi_request.user
    came_along = (user._current_forum_ids, user._signed_meeting_ids)
    assert came_along == person_ties(User.objects.get(pk=person.pk))
    assert came_along[0] and came_along[1] == {world["meetings"]["finnish"].pk}
