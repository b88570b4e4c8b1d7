"""axe scans of the consultation log, the consultation form, the hide-comment form and the meeting page
with its consultation section, as a coordinator."""

import datetime as dt

import pytest
from django.urls import reverse

from proposals.models import Comment, ConsultationForm, ConsultationRecord, Proposal
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_consultation_pages_are_accessible(page, sign_in_as, world):
    proposal = Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser.",
    )
    comment = Comment.objects.create(proposal=proposal, author=world["people"]["representative"], text="Hej")
    item = world["meetings"]["finnish"].agenda_items.first()
    for subject in ({"proposal": proposal}, {"agenda_item": item}):
        ConsultationRecord.objects.create(
            consulted="Sverigefinska föreningen",
            consulted_on=dt.date.today(),
            form=ConsultationForm.MEETING,
            children_and_youth=True,
            what_they_said="Bra.",
            **subject,
        )
    sign_in_as(page, world["people"]["coordinator"])
    page.goto(reverse("proposals:consultation_log"))
    assert page.locator("#consultation-table tbody tr").count() == 2
    assert_accessible(page, "consultation-log")
    page.goto(reverse("proposals:consultation_add", kwargs={"pk": proposal.pk}))
    assert page.locator("#consultation-form").count() == 1
    assert_accessible(page, "consultation-form")
    page.goto(reverse("proposals:hide_comment", kwargs={"pk": comment.pk}))
    assert page.locator("#hide-comment-form").count() == 1
    assert_accessible(page, "hide-comment-form")
    page.goto(reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}))
    assert page.locator(f"#item-consultations-{item.pk}").count() == 1
    assert_accessible(page, "meeting-consultations")
