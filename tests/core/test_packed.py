"""core.plumbing.packed: a meeting's short lists read in the meeting's own query come back as the ORM would
read them: the same values and types, in the list's order, the related person set, and nothing else."""

import datetime as dt

import pytest
from django.db.models import OuterRef
from django.utils import timezone

from core.models import Meeting, MinutesSigner, SignerRole, User
from core.plumbing.packed import packed, unpacked

pytestmark = pytest.mark.django_db

FIELDS = (
    "id",
    "meeting_id",
    "user_id",
    "role",
    "approved_at",
    "user__id",
    "user__full_name",
    "user__erased_at",
)


def _meeting_with_signers(world) -> Meeting:
    meeting = world["meetings"]["roma"]
    people = world["people"]
    approved = timezone.make_aware(dt.datetime(2026, 3, 2, 18, 30, 15, 123456))
    MinutesSigner.objects.create(
        meeting=meeting, user=people["other_representative"], role=SignerRole.ADJUSTER
    )
    MinutesSigner.objects.create(
        meeting=meeting, user=people["politician"], role=SignerRole.CHAIR, approved_at=approved
    )
    return meeting


def _read(meeting: Meeting) -> list[MinutesSigner]:
    signers = MinutesSigner.objects.filter(meeting=OuterRef("pk")).order_by("-role", "pk")
    row = Meeting.objects.annotate(signers_packed=packed(signers, FIELDS)).get(pk=meeting.pk)
    return unpacked(MinutesSigner, row.signers_packed)


def test_packed_rows_are_what_the_orm_reads_in_its_order(world, django_assert_num_queries):
    meeting = _meeting_with_signers(world)
    expected = list(MinutesSigner.objects.filter(meeting=meeting).select_related("user"))

    with django_assert_num_queries(1):
        signers = _read(meeting)
        # The page's reads: the name, the role, the time of approval, the person's row.
        seen = [(s.pk, s.name, s.get_role_display(), s.approved_at, s.user_id, s.user.pk) for s in signers]

    assert seen == [
        (s.pk, s.name, s.get_role_display(), s.approved_at, s.user_id, s.user.pk) for s in expected
    ]
    # The chair first; the time is an aware datetime to the microsecond, as the ORM reads it.
    assert signers[0].role == SignerRole.CHAIR and signers[1].approved_at is None
    assert (
        isinstance(signers[0].approved_at, dt.datetime) and signers[0].approved_at == expected[0].approved_at
    )


def test_a_field_that_was_not_packed_is_read_from_the_database_not_left_empty(
    world, django_assert_num_queries
):
    meeting = _meeting_with_signers(world)
    signer = _read(meeting)[0]
    email = User.objects.get(pk=signer.user_id).email
    with django_assert_num_queries(1):
        assert signer.user.email == email != ""


def test_no_rows_is_an_empty_list_and_an_unknown_field_is_refused(world):
    meeting = world["meetings"]["finnish"]
    assert _read(meeting) == []
    with pytest.raises(ValueError, match="no fields"):
        unpacked(MinutesSigner, [{"id": 1, "signature": "x"}])
