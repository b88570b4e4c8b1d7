"""A protocol in Chromium: the coordinator chooses the chair and an adjuster, sends the minutes, each of
them approves (justerar) on the meeting page, and the protocol appears in Swedish and Finnish; axe scans
each page they pass."""

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from core.models import MinutesKind, MinutesStatus
from tests.browser.conftest import assert_accessible


def said(message: str) -> str:
    with translation.override("sv"):
        return gettext(message)


def test_the_chair_and_adjuster_approve_the_protocol(page, world, sign_in_as):
    forum = world["forums"]["roma_dialogue"]
    forum.minutes_kind = MinutesKind.PROTOCOL
    forum.save()
    meeting = world["meetings"]["roma"]
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save()
    chair, adjuster = world["people"]["politician"], world["people"]["other_representative"]
    meeting.attendances.create(user=chair)

    sign_in_as(page, world["people"]["coordinator"])
    page.goto(f"/sv/meetings/{meeting.pk}/minutes/")
    page.get_by_label(said("Chair"), exact=True).select_option(label=chair.full_name)
    page.get_by_label(said("Adjuster"), exact=True).select_option(label=adjuster.full_name)
    assert_accessible(page, "minutes-protocol-signers")
    page.get_by_role("button", name=said("Save the chair and adjusters")).click()
    expect(page.get_by_role("status")).to_be_visible()
    page.goto(meeting.get_absolute_url())
    page.get_by_role("button", name=said("Send the minutes to the members for review")).click()
    expect(page.locator("#agenda-heading ~ ol li h3").first).to_contain_text("§ 1")

    for person in (chair, adjuster):
        sign_in_as(page, person)
        page.goto(meeting.get_absolute_url())
        assert_accessible(page, f"minutes-adjusting-{person.pk}")
        page.get_by_role("button", name=said("Approve the minutes")).click()
        expect(page.get_by_role("status")).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    expect(page.get_by_role("link", name=said("The protocol in Finnish (PDF)"))).to_be_visible()
    assert_accessible(page, "minutes-adjusted")


def test_the_protocol_pages_fit_a_320_px_screen(mobile_page, world, sign_in_as):
    from core import protocols, services

    forum = world["forums"]["roma_dialogue"]
    forum.minutes_kind = MinutesKind.PROTOCOL
    forum.is_public = True
    forum.save()
    meeting = world["meetings"]["roma"]
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save()
    people = world["people"]
    meeting.attendances.create(user=people["politician"])
    sign_in_as(mobile_page, people["coordinator"])
    mobile_page.goto(f"/sv/meetings/{meeting.pk}/minutes/")
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320, "minutes page"
    services.set_signers(
        meeting, people["politician"], [people["other_representative"]], by=people["coordinator"]
    )
    services.move_minutes(meeting, MinutesStatus.IN_REVIEW, by=people["coordinator"])
    for person in ("politician", "other_representative"):
        services.adjust_minutes(meeting, people[person])
    meeting.refresh_from_db()
    services.move_minutes(meeting, MinutesStatus.PUBLISHED, by=people["coordinator"])
    protocols.render_protocols(meeting.pk)
    for path in [meeting.get_absolute_url(), "/sv/minutes/"]:
        mobile_page.goto(path)
        assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320, path
    expect(mobile_page.get_by_role("link", name=said("PDF in Finnish"))).to_be_visible()
