"""Bugs the hostile-input tests found, each pinned by a plain example."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from proposals.models import Comment, Proposal
from tests.dialogues.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_a_comment_with_a_nul_character_is_refused_in_swedish(world, client_for):
    """PostgreSQL refuses NUL in text: the comment, posted without a form, was a server error."""
    proposal = Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser.",
    )
    response = client_for("representative").post(
        reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": "Hej\x00då"}
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Null-tecken är inte tillåtna."]


def test_marking_received_with_a_next_that_is_no_path_returns_to_the_commitment(world, client_for):
    """redirect() took a `next` like "hem" for the name of a URL pattern: NoReverseMatch, a server error."""
    item = world["meetings"]["finnish"].agenda_items.first()
    commitment = CommitmentFactory(agenda_item=item, department=world["department"])
    response = client_for("coordinator").post(
        reverse("dialogues:commitment_received", kwargs={"pk": commitment.pk}),
        {"meeting": world["meetings"]["finnish"].pk, "next": "hem"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dialogues:commitment_detail", kwargs={"pk": commitment.pk})
