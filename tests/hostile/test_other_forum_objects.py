"""Every object URL of the permission matrix, opened with another forum's object.

The matrix opens the Sweden Finns' objects, so it shows that the Roma council's representative gets 404.
Here the same rows run in a mirrored world, where each object belongs to the Roma council instead: the
Finnish representative and the Finnish group's administration contact may not know of it (404), while
the Roma council's own representative and administration contact get what their Finnish counterparts
get in the matrix (which shows the mirror is real). The POST-only actions are posted to as well.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import Attendance, ForumRole, Role
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    DepartmentFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
)
from tests.hostile.test_hostile_posts import POST_ENDPOINTS, POST_ONLY, fingerprint
from tests.test_permission_matrix import EXPECTATIONS

pytestmark = pytest.mark.django_db

# The yearly follow-up in review is the consultation group's, whose membership the mirror does not move:
# tests/annual/test_follow_up.py shows a member reads it and a representative outside the group gets 404.
CONSULTATION_GROUP_ROWS = {"annual:pdf", "annual:export"}
# Rows whose object the Roma representative may not know of: objects of one forum (or of a few people).
OBJECT_ROWS = sorted(
    name
    for name, (kwargs, statuses) in EXPECTATIONS.items()
    if callable(kwargs) and statuses["other_representative"] == 404 and name not in CONSULTATION_GROUP_ROWS
)
# Invitations belong to no forum: they are the coordinators' (403 to everyone else, tests/core).
# Public pages belong to no forum either: the coordinators publish them (tests/pages); nor do reports
# (the coordinators publish and withdraw their public versions, tests/reports); nor do actions (every
# representative reads the register, and comments on it: tests/followup/test_action_comments.py); and
# following is of a public action here (who may see a thing may follow it: tests/core/test_notifications.py).
NO_FORUM = {
    "followup:action_comment",
    "core:follow",
    "core:unfollow",
    "core:invitation_resend",
    "core:invitation_revoke",
    "pages:publish",
    "reports:publish",
    "reports:withdraw",
}
POST_ONLY_OBJECT_ROWS = sorted(
    name for name in POST_ONLY if callable(EXPECTATIONS[name][0]) and name not in NO_FORUM
)


@pytest.fixture
def mirror(world):
    """The world with the Finnish group's place taken by the Roma council: its meeting, attachment,
    representative, administration contact and department."""
    roma = world["forums"]["roma_dialogue"]
    department = DepartmentFactory(code="KFF", name="Kultur- och fritidsförvaltningen")
    roma_contact = UserFactory(
        email="kontakt.romer@example.org",
        full_name="Rosa Kontakt",
        role=Role.ADMIN_CONTACT,
        department=department,
    )
    MembershipFactory(user=roma_contact, forum=roma, role=ForumRole.ADMIN_CONTACT)
    # Like the Finnish meeting: called and coming, so the same actions are open on it.
    meeting = MeetingFactory(
        forum=roma, title="Dialogmöte romska rådet i juni", starts_at=timezone.now() + dt.timedelta(days=5)
    )
    AgendaItemFactory(meeting=meeting, title="Återkoppling från förvaltningen", position=1)
    AgendaItemFactory(meeting=meeting, title="Övriga frågor", position=2)
    for membership in roma.memberships.all():
        Attendance.objects.create(meeting=meeting, user=membership.user)
    people = world["people"]
    mirrored = {
        **world,
        "people": {
            **people,
            "representative": people["other_representative"],
            "other_representative": people["representative"],
            "admin_contact": roma_contact,
        },
        "forums": {**world["forums"], "finnish_dialogue": roma},
        "meetings": {**world["meetings"], "finnish": meeting},
        "department": department,
        "attachment": AttachmentFactory(meeting=meeting, name="romskt-underlag.pdf"),
    }
    return world, mirrored


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("url_name", OBJECT_ROWS)
def test_another_forums_object_is_unknown_to_outsiders(url_name, mirror):
    world, mirrored = mirror
    kwargs, statuses = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=kwargs(mirrored))
    people = world["people"]
    # The Finnish representative and administration contact are outsiders to the Roma council's objects.
    for person in (people["representative"], people["admin_contact"], people["resident"]):
        response = _client(person).get(url)
        assert response.status_code == 404, f"{url_name}: {person.email} got {response.status_code}"
    # Insiders of the mirrored world get what their Finnish counterparts get in the matrix.
    for role in ("representative", "admin_contact"):
        response = _client(mirrored["people"][role]).get(url)
        assert response.status_code == statuses[role], (
            f"{url_name}: the Roma council's {role} got {response.status_code}, expected {statuses[role]}"
        )


@pytest.mark.parametrize("url_name", POST_ONLY_OBJECT_ROWS)
def test_posting_to_another_forums_object_finds_nothing(url_name, mirror):
    """POST-only actions answer outsiders with 404 too, and change nothing."""
    world, mirrored = mirror
    kwargs, _statuses = EXPECTATIONS[url_name]
    url = reverse(url_name, kwargs=kwargs(mirrored))
    for role in ("representative", "admin_contact", "resident"):
        client = _client(world["people"][role])
        before = fingerprint()
        response = client.post(url, {"text": "Hej", "answer": "attending", "direction": "up", "reason": "x"})
        assert response.status_code == 404, f"{url_name} as the Finnish {role}: {response.status_code}"
        assert fingerprint() == before


def test_the_mirror_covers_every_post_only_object_action():
    assert set(POST_ONLY_OBJECT_ROWS) <= set(POST_ENDPOINTS)
    assert "core:meeting_respond" in POST_ONLY_OBJECT_ROWS and "core:meeting_detail" in OBJECT_ROWS
