"""Meetings in Chromium: every page of the meeting machinery scanned by axe, and the coordinator's journey."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from core.models import Meeting, MeetingStatus, MinutesStatus, Presence
from dialogues.models import Commitment
from tests.browser.conftest import assert_accessible
from tests.factories import CycleFactory


@pytest.fixture
def portal(world):
    CycleFactory(year=timezone.localdate().year)
    return world


def test_every_meeting_page_passes_axe_for_the_coordinator(page, portal, sign_in_as):
    sign_in_as(page, portal["people"]["coordinator"])
    finnish = portal["meetings"]["finnish"]
    roma = portal["meetings"]["roma"]
    item = finnish.agenda_items.first()
    forum = portal["forums"]["finnish_dialogue"]
    for path in [
        "/sv/forums/",
        f"/sv/forums/{forum.slug}/",
        f"/sv/forums/{forum.slug}/meetings/new/",
        f"/sv/meetings/{finnish.pk}/",
        f"/sv/meetings/{roma.pk}/",
        f"/sv/meetings/{finnish.pk}/edit/",
        f"/sv/meetings/{finnish.pk}/cancel/",
        f"/sv/meetings/{finnish.pk}/items/new/",
        f"/sv/items/{item.pk}/edit/",
        f"/sv/items/{item.pk}/delete/",
        f"/sv/meetings/{finnish.pk}/attachments/new/",
        f"/sv/meetings/{roma.pk}/attendance/",
        f"/sv/meetings/{roma.pk}/minutes/",
        f"/sv/meetings/{finnish.pk}/history/",
        "/sv/calendar/",
        "/sv/calendar/list/",
        "/sv/calendar/list/?show=past",
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


@pytest.mark.parametrize("role", ["anonymous", "representative", "politician"])
def test_meeting_and_calendar_pages_pass_axe_for_readers(page, portal, sign_in_as, role):
    if role != "anonymous":
        sign_in_as(page, portal["people"][role])
    meeting = portal["meetings"]["consultation"]
    for path in [
        f"/sv/meetings/{meeting.pk}/",
        f"/fi/forums/{meeting.forum.slug}/",
        "/sv/calendar/",
        "/en/calendar/list/",
    ]:
        page.goto(path)
        assert_accessible(page)


def test_month_calendar_fits_a_320_px_screen(mobile_page, portal, sign_in_as):
    sign_in_as(mobile_page, portal["people"]["coordinator"])
    meeting = portal["meetings"]["finnish"]
    local = timezone.localtime(meeting.starts_at)
    mobile_page.goto(f"/sv/calendar/?year={local.year}&month={local.month}")
    expect(mobile_page.get_by_role("link", name=re.compile(meeting.title))).to_be_visible()
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(mobile_page)


def test_coordinator_plans_calls_and_minutes_a_dialogue_meeting(page, portal, sign_in_as):
    forum = portal["forums"]["finnish_dialogue"]
    sign_in_as(page, portal["people"]["coordinator"])
    page.goto(f"/sv/forums/{forum.slug}/")
    page.get_by_role("link", name="Planera ett möte").click()

    day = timezone.localdate() + dt.timedelta(days=2)
    page.get_by_label("Titel på svenska").fill("Dialogmöte om förskola på finska")
    page.get_by_label("Datum", exact=True).fill(day.isoformat())
    page.get_by_label("Börjar", exact=True).fill("15:00")
    page.get_by_label("Slutar", exact=True).fill("17:00")
    page.locator("#id_location").fill("Handens bibliotek")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("h1")).to_have_text("Dialogmöte om förskola på finska")
    assert_accessible(page, "meeting-planned")
    meeting = Meeting.objects.get(title_sv="Dialogmöte om förskola på finska")

    page.get_by_role("link", name="Lägg till en punkt på dagordningen").click()
    page.get_by_label("Titel", exact=True).fill("Förskola på finska: platser och köer")
    page.get_by_label("Förväntad längd (minuter)").fill("40")
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("#agenda-heading ~ ol li h3")).to_have_text(["Förskola på finska: platser och köer"])

    page.get_by_role("link", name="Bifoga ett dokument").click()
    page.get_by_label("Fil", exact=True).set_input_files(
        files=[
            {"name": "Underlag förskola.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
        ]
    )
    page.get_by_role("button", name="Bifoga").click()
    expect(page.get_by_role("link", name="Underlag förskola.pdf")).to_be_visible()

    page.get_by_role("button", name="Publicera dagordningen och skicka kallelsen").click()
    expect(page.get_by_role("status")).to_contain_text("2")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == ["kontakt@example.org", "rep@example.org"]

    # The meeting is held: it began a moment ago.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=1), ends_at=timezone.now() + dt.timedelta(hours=1)
    )
    page.goto(f"/sv/meetings/{meeting.pk}/attendance/")
    page.get_by_role("group", name="Aino Representant").get_by_label("Närvarande").check()
    page.get_by_role("group", name="Helena Kontakt").get_by_label("Anmält förhinder").check()
    page.get_by_role("button", name="Spara närvaron").click()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.attendances.get(user=portal["people"]["admin_contact"]).presence == Presence.EXCUSED

    page.get_by_role("link", name="Skriv protokollet").click()
    # The field itself, not its translation beside it ("Diskussion: översättning till finska").
    page.get_by_label(re.compile(r"^Diskussion \(")).fill(
        "Kön till förskola på finska är lång.\n\nFörvaltningen undersöker fler platser."
    )
    page.get_by_label(re.compile(r"^Beslut \(")).fill("Frågan lyfts till UBF.")
    assert_accessible(page, "minutes-form")
    page.get_by_role("button", name="Spara protokollet").click()

    for button in [
        "Skicka protokollet till medlemmarna för granskning",
        "Justera protokollet",
        "Publicera protokollet",
    ]:
        page.get_by_role("button", name=button).click()
        expect(page.get_by_role("status")).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    expect(page.get_by_text("Kön till förskola på finska är lång.")).to_be_visible()
    assert_accessible(page, "meeting-minuted")

    # An issue from the agenda item is lifted to the department as a commitment.
    page.locator("#add-commitment").click()
    item = meeting.agenda_items.get()
    page.locator("#id_agenda_item").select_option(str(item.pk))
    page.locator("#id_title").fill("Fler platser i förskola på finska")
    page.locator("#id_department").select_option(str(portal["department"].pk))
    page.locator("#id_responsible").select_option(str(portal["people"]["admin_contact"].pk))
    page.locator("#id_due_on").fill((timezone.localdate() + dt.timedelta(days=3)).isoformat())
    page.locator("#commitment-form button[type=submit]").click()
    commitment = Commitment.objects.get(title="Fler platser i förskola på finska")

    # The administration contact answers for the department.
    page.context.clear_cookies()
    sign_in_as(page, portal["people"]["admin_contact"])
    page.goto("/sv/")
    page.get_by_role("link", name="Fler platser i förskola på finska").click()
    page.goto(f"/sv/dialogues/commitments/{commitment.pk}/answer/")
    page.locator("#id_answer").fill("UBF öppnar en finskspråkig förskoleavdelning i Handen i augusti.")
    page.locator("#answer-form button[type=submit]").click()
    expect(page.locator("#commitment-answer")).to_contain_text("finskspråkig förskoleavdelning")

    # The representative reads the answer on the agenda of the forum's next meeting.
    page.context.clear_cookies()
    sign_in_as(page, portal["people"]["representative"])
    page.goto(f"/sv/meetings/{portal['meetings']['finnish'].pk}/")
    expect(page.locator(f"#feedback-{commitment.pk}")).to_contain_text(
        "finskspråkig förskoleavdelning i Handen"
    )
    assert_accessible(page, "next-meeting-feedback")


def test_representative_answers_the_notice_and_downloads_the_agenda_document(page, portal, sign_in_as):
    meeting = portal["meetings"]["finnish"]
    sign_in_as(page, portal["people"]["representative"])
    page.goto(f"/fi/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Osallistun").click()
    expect(page.locator("#own-answer")).to_have_text("Osallistuu")
    with page.expect_download() as download:
        page.get_by_role("link", name="underlag.pdf").click()
    assert download.value.suggested_filename == "underlag.pdf"
    assert_accessible(page, "meeting-representative-fi")


def test_meeting_forum_and_list_pages_fit_a_320_px_screen(mobile_page, portal, sign_in_as):
    sign_in_as(mobile_page, portal["people"]["coordinator"])
    meeting = portal["meetings"]["finnish"]
    for path in [
        f"/sv/meetings/{meeting.pk}/",
        f"/sv/forums/{meeting.forum.slug}/",
        "/sv/calendar/list/",
        f"/sv/meetings/{meeting.pk}/history/",
        f"/sv/meetings/{meeting.pk}/edit/",
    ]:
        mobile_page.goto(path)
        assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320, path
