"""Feedback on the core meeting page (`core:meeting_detail`): the answer appears on the forum's next
meeting and leaves it once a coordinator marks it received there.
"""

import pytest
from django.urls import reverse

from dialogues.models import CommitmentStatus
from tests.dialogues.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def meeting_url(meeting) -> str:
    return reverse("core:meeting_detail", kwargs={"pk": meeting.pk})


def test_an_answer_appears_on_the_next_meeting_until_it_is_received(world, earlier_item, client_for):
    commitment = CommitmentFactory(
        agenda_item=earlier_item,
        department=world["department"],
        title="Finskspråkig personal inom hemtjänsten",
        answered=True,
        answer="Elva medarbetare talar finska.",
    )
    upcoming = world["meetings"]["finnish"]
    received_url = reverse("dialogues:commitment_received", kwargs={"pk": commitment.pk})

    page = client_for("representative").get(meeting_url(upcoming)).content.decode()
    assert 'id="feedback"' in page
    assert f'id="feedback-{commitment.pk}"' in page
    assert "Elva medarbetare talar finska." in page
    assert received_url not in page  # representatives do not mark answers received

    coordinator = client_for("coordinator")
    page = coordinator.get(meeting_url(upcoming)).content.decode()
    assert f'action="{received_url}"' in page

    response = coordinator.post(received_url, {"meeting": upcoming.pk, "next": meeting_url(upcoming)})
    assert response["Location"] == meeting_url(upcoming)
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.RECEIVED

    page = client_for("representative").get(meeting_url(upcoming)).content.decode()
    assert f'id="feedback-{commitment.pk}"' not in page


def test_the_origin_meeting_lists_its_commitments_and_coordinators_can_add_one(
    world, earlier_meeting, earlier_item, client_for
):
    commitment = CommitmentFactory(agenda_item=earlier_item, title="Information om förskola på finska")
    page = client_for("coordinator").get(meeting_url(earlier_meeting)).content.decode()
    assert f'id="meeting-commitment-{commitment.pk}"' in page
    assert reverse("dialogues:commitment_create", kwargs={"meeting_pk": earlier_meeting.pk}) in page
    page = client_for("representative").get(meeting_url(earlier_meeting)).content.decode()
    assert f'id="meeting-commitment-{commitment.pk}"' in page
    assert 'id="add-commitment"' not in page


def test_the_commitment_links_back_to_its_meeting(world, earlier_meeting, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item)
    page = client_for("representative").get(commitment.get_absolute_url()).content.decode()
    assert f'href="{meeting_url(earlier_meeting)}"' in page
