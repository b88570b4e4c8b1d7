"""Pages people use in long meetings, in real Chromium at 320 px: the meeting's agenda controls, the
proposal's one decision form, the commitments list and setting up a working group. Each passes axe.
With WF_SHOTS=<folder> each page is also photographed at 375 px."""

import datetime as dt
import os
import re
from pathlib import Path

from playwright.sync_api import expect

from core.models import Tier
from proposals import services
from tests.browser.conftest import assert_accessible
from tests.dialogues.factories import CommitmentFactory


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), f"{page.url} is {width} px wide"


def _shot(page, name: str) -> None:
    folder = os.environ.get("WF_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 375, "height": 800})
        page.screenshot(path=str(Path(folder) / f"after-workflows-{name}.png"), full_page=True)
        page.set_viewport_size({"width": 320, "height": 800})


def test_the_meeting_page_has_one_control_per_item_and_fits_a_phone(mobile_page, world, sign_in_as):
    meeting = world["meetings"]["finnish"]
    sign_in_as(mobile_page, world["people"]["coordinator"])
    mobile_page.goto(meeting.get_absolute_url())
    expect(mobile_page.get_by_role("button", name="Flytta upp: Övriga frågor")).to_be_visible()
    expect(mobile_page.locator(".item-actions")).to_have_count(2)
    expect(mobile_page.locator("#no-consultations")).to_have_count(1)
    assert_accessible(mobile_page, "meeting-long")
    _fits(mobile_page)
    _shot(mobile_page, "meeting")
    mobile_page.get_by_role("button", name="Flytta upp: Övriga frågor").click()
    expect(mobile_page.locator(".agenda__item h3").first).to_have_text("Övriga frågor")


def test_the_triage_card_keeps_the_decision_when_a_reason_is_missing(mobile_page, world, sign_in_as):
    proposal = services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser behövs.",
    )
    sign_in_as(mobile_page, world["people"]["coordinator"])
    mobile_page.goto(proposal.get_absolute_url())
    expect(mobile_page.locator("#triage-form textarea")).to_have_count(1)
    expect(mobile_page.locator("#id_meeting")).to_be_hidden()
    mobile_page.locator("#triage-form input[name=decision][value=place]").check()
    expect(mobile_page.locator("#id_meeting")).to_be_visible()
    assert_accessible(mobile_page, "triage-place")
    _fits(mobile_page)
    _shot(mobile_page, "triage")
    mobile_page.locator("#triage-form input[name=decision][value=decline]").check()
    mobile_page.locator("#triage-form button[type=submit]").click()
    expect(mobile_page.locator(".ds-error-summary a[href='#id_reason']")).to_have_count(1)
    expect(mobile_page.locator("#triage-form input[name=decision][value=decline]")).to_be_checked()
    assert_accessible(mobile_page, "triage-error")
    _fits(mobile_page)
    _shot(mobile_page, "triage-error")


def test_the_commitments_list_is_in_the_menu_and_fits_a_phone(mobile_page, world, sign_in_as):
    item = world["meetings"]["finnish"].agenda_items.first()
    CommitmentFactory(
        agenda_item=item,
        department=world["department"],
        title="Finskspråkig personal i hemtjänsten",
        responsible=world["people"]["admin_contact"],
        due_on=dt.date.today() + dt.timedelta(days=20),
    )
    sign_in_as(mobile_page, world["people"]["admin_contact"])
    mobile_page.goto("/sv/")
    link = mobile_page.locator(".main-nav a[href='/sv/dialogues/commitments/']")
    expect(link).to_have_count(1)
    mobile_page.goto("/sv/dialogues/commitments/")
    expect(mobile_page.locator("#commitment-table tbody tr")).to_have_count(1)
    assert_accessible(mobile_page, "commitments-contact")
    _fits(mobile_page)
    _shot(mobile_page, "commitments")


def test_a_coordinator_sets_up_a_working_group_on_a_phone(mobile_page, world, sign_in_as):
    from core.models import Forum

    sign_in_as(mobile_page, world["people"]["coordinator"])
    mobile_page.goto("/sv/workinggroups/new/")
    assert_accessible(mobile_page, "workinggroup-form")
    _fits(mobile_page)
    _shot(mobile_page, "workinggroup-form")
    mobile_page.locator("#workinggroup-form button[type=submit]").click()
    expect(mobile_page.locator(".ds-error-summary a[href='#id_name']")).to_have_count(1)
    assert_accessible(mobile_page, "workinggroup-form-errors")
    _fits(mobile_page)
    mobile_page.locator("#id_name").fill("Arbetsgrupp meänkieli i skolan")
    mobile_page.locator("#id_purpose").fill("Föreslå hur fler elever kan läsa meänkieli.")
    mobile_page.locator("#workinggroup-form button[type=submit]").click()
    forum = Forum.objects.get(tier=Tier.WORKING_GROUP, name="Arbetsgrupp meänkieli i skolan")
    expect(mobile_page).to_have_url(re.compile(rf"/sv/forums/{forum.slug}/$"))
    assert forum.mandate.purpose == "Föreslå hur fler elever kan läsa meänkieli."
