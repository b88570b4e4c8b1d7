"""Commitments in real Chromium, with an axe scan of every page passed: a coordinator lifts an issue from
a meeting's agenda item to a department, the administration contact answers it from their list, and the
answer is fed back to the forum's next meeting until the coordinator marks it received there.

Assertions are on data and structure (titles, URLs, ids), not on UI words, which the catalogs translate.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from core.models import MeetingStatus, MinutesStatus
from dialogues.models import Commitment, CommitmentStatus
from tests.browser.conftest import assert_accessible
from tests.dialogues.factories import CommitmentFactory
from tests.factories import AgendaItemFactory, MeetingFactory

TITLE = "Information om rätten till förskola på finska"
ANSWER = "Informationen finns nu på finska och skickas med platserbjudandet."


@pytest.fixture
def dialogue(world):
    """A held meeting of the Sweden Finns' dialogue group; world["meetings"]["finnish"] is the next one."""
    earlier = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Tidigare dialogmöte sverigefinnar",
        starts_at=timezone.now() - dt.timedelta(days=35),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    item = AgendaItemFactory(meeting=earlier, title="Förskola och skola på finska", position=1)
    return {**world, "earlier": earlier, "item": item}


def test_coordinator_lifts_an_issue_the_contact_answers_and_the_next_meeting_hears_it(
    page, dialogue, sign_in_as
):
    coordinator = dialogue["people"]["coordinator"]
    contact = dialogue["people"]["admin_contact"]
    earlier, upcoming = dialogue["earlier"], dialogue["meetings"]["finnish"]

    # The coordinator opens the meeting and lifts an issue from its agenda item.
    sign_in_as(page, coordinator)
    page.goto(f"/sv/meetings/{earlier.pk}/")
    expect(page.locator("#commitments")).to_be_visible()
    assert_accessible(page, "meeting-without-commitments")
    page.locator("#add-commitment").click()
    expect(page).to_have_url(re.compile(rf"/sv/dialogues/meetings/{earlier.pk}/commitments/new/$"))
    assert_accessible(page, "commitment-create")

    # A form with errors starts with a summary that links to the fields.
    page.locator("#commitment-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    expect(page.locator('.ds-error-summary a[href="#id_title"]')).to_have_count(1)
    assert_accessible(page, "commitment-create-errors")

    page.locator("#id_agenda_item").select_option(str(dialogue["item"].pk))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_description").fill("Föräldrar känner inte till rätten till förskola på finska.")
    page.locator("#id_department").select_option(str(dialogue["department"].pk))
    page.locator("#id_responsible").select_option(str(contact.pk))
    due = timezone.localdate() + dt.timedelta(days=30)
    page.locator("#id_due_on").fill(due.isoformat())
    page.locator("#commitment-form button[type=submit]").click()

    commitment = Commitment.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/sv/dialogues/commitments/{commitment.pk}/$"))
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("#origin-meeting")).to_have_attribute("href", f"/sv/meetings/{earlier.pk}/")
    expect(page.locator("#origin-agenda-item")).to_have_text("Förskola och skola på finska")
    assert_accessible(page, "commitment-detail-open")
    assert commitment.agenda_item == dialogue["item"]
    assert commitment.due_on == due
    assert [m.to for m in mail.outbox] == [[contact.email]]

    # The administration contact finds it in their list and answers it.
    page.context.clear_cookies()
    sign_in_as(page, contact)
    page.goto("/sv/dialogues/commitments/")
    row = page.locator(f"#commitment-{commitment.pk}")
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text(due.isoformat())
    assert_accessible(page, "commitment-list-contact")
    row.locator(".answer-link").click()
    expect(page).to_have_url(re.compile(rf"/sv/dialogues/commitments/{commitment.pk}/answer/$"))
    assert_accessible(page, "commitment-answer")
    page.locator("#id_answer").fill(ANSWER)
    page.locator("#answer-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/sv/dialogues/commitments/{commitment.pk}/$"))
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.locator("#commitment-answer")).to_contain_text(ANSWER)
    expect(page.locator("#commitment-history > li")).to_have_count(2)
    assert_accessible(page, "commitment-detail-answered")
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ANSWERED

    # The coordinator hears the answer at the next meeting and marks it received there.
    page.context.clear_cookies()
    sign_in_as(page, coordinator)
    page.goto(f"/sv/meetings/{upcoming.pk}/")
    feedback = page.locator(f"#feedback-{commitment.pk}")
    expect(feedback).to_contain_text(ANSWER)
    assert_accessible(page, "meeting-with-feedback")
    feedback.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/sv/meetings/{upcoming.pk}/$"))
    expect(page.locator(f"#feedback-{commitment.pk}")).to_have_count(0)
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.RECEIVED
    assert commitment.received_at_meeting == upcoming


def test_the_coordinators_list_with_filters_passes_axe(page, dialogue, sign_in_as):
    today = timezone.localdate()
    late = CommitmentFactory(
        agenda_item=dialogue["item"],
        department=dialogue["department"],
        title="Sen fråga om hemtjänst",
        due_on=today - dt.timedelta(days=3),
    )
    CommitmentFactory(agenda_item=dialogue["item"], title="Besvarad fråga", answered=True)
    sign_in_as(page, dialogue["people"]["coordinator"])
    page.goto("/sv/dialogues/commitments/")
    expect(page.locator("#commitment-table tbody tr")).to_have_count(2)
    expect(page.locator(f"#commitment-{late.pk} [data-overdue=true]")).to_have_count(1)
    assert_accessible(page, "commitment-list-coordinator")

    # The filters are a plain GET form.
    page.locator("#id_status").select_option("overdue")
    page.locator("#commitment-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"status=overdue"))
    expect(page.locator("#commitment-table tbody tr")).to_have_count(1)
    expect(page.locator(f"#commitment-{late.pk}")).to_be_visible()
    assert_accessible(page, "commitment-list-filtered")


@pytest.mark.parametrize("role", ["representative", "politician"])
def test_detail_as_a_reader_passes_axe(page, dialogue, sign_in_as, role):
    commitment = CommitmentFactory(
        agenda_item=dialogue["item"], department=dialogue["department"], title=TITLE, answered=True
    )
    sign_in_as(page, dialogue["people"][role])
    page.goto(f"/sv/dialogues/commitments/{commitment.pk}/")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("#answer-link")).to_have_count(0)
    assert_accessible(page, f"commitment-detail-{role}")
