"""Proposals in real Chromium, with an axe scan of every page passed: a representative proposes an agenda
item, the coordinator places it on a meeting's agenda, the meeting is minuted, and the representative
reads the outcome on the proposal's page and marks it answered.

Assertions are on data and structure (titles, URLs, ids), not on UI words, which the catalogs translate.
"""

import re

from django.utils import timezone
from playwright.sync_api import expect

from core.models import MeetingStatus, MinutesStatus
from proposals import services
from proposals.models import Proposal, ProposalStatus
from tests.browser.conftest import assert_accessible

TITLE = "Suomenkielinen esikoulu Handenissa"
DECISION = "Förvaltningen utreder fler platser i förskola på finska."


def test_representative_proposes_the_coordinator_places_and_the_representative_reads_the_outcome(
    page, world, sign_in_as
):
    rep, coordinator = world["people"]["representative"], world["people"]["coordinator"]
    meeting = world["meetings"]["finnish"]

    # The representative proposes an agenda item; a form with errors starts with a summary.
    sign_in_as(page, rep)
    page.goto("/sv/proposals/new/")
    assert_accessible(page, "proposal-new")
    page.locator("#proposal-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert_accessible(page, "proposal-new-errors")
    page.locator("#id_forum").select_option(str(world["forums"]["finnish_dialogue"].pk))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_description").fill("Lapsille tarvitaan lisää paikkoja suomenkielisessä esikoulussa.")
    page.locator("#id_language").select_option("fi")
    page.locator("#id_affects_children_and_youth").check()
    page.locator("#proposal-form button[type=submit]").click()
    proposal = Proposal.objects.get(title=TITLE)
    expect(page).to_have_url(re.compile(rf"/sv/proposals/{proposal.pk}/$"))
    expect(page.locator("#proposal-status [data-status]")).to_have_attribute("data-status", "received")
    assert_accessible(page, "proposal-detail-received")
    page.goto("/sv/proposals/mine/")
    expect(page.locator(f"#proposal-{proposal.pk}")).to_be_visible()
    assert_accessible(page, "proposal-mine")

    # The coordinator finds it in the inbox and places it on the meeting's agenda.
    page.context.clear_cookies()
    sign_in_as(page, coordinator)
    page.goto("/sv/proposals/inbox/")
    expect(page.locator(f"#proposal-{proposal.pk}")).to_be_visible()
    assert_accessible(page, "proposal-inbox")
    page.locator("#id_children").check()
    page.locator("#inbox-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"children=on"))
    expect(page.locator("#inbox-table tbody tr")).to_have_count(1)
    page.locator(f"#proposal-{proposal.pk} a").click()
    expect(page).to_have_url(re.compile(rf"/sv/proposals/{proposal.pk}/$"))
    assert_accessible(page, "proposal-detail-coordinator")
    page.locator("#triage-form input[name=decision][value=place]").check()
    page.locator("#id_meeting").select_option(str(meeting.pk))
    page.locator("#id_reason").fill("Tas upp på nästa dialogmöte.")
    page.locator("#triage-form button[type=submit]").click()
    expect(page.locator("#proposal-status [data-status]")).to_have_attribute("data-status", "placed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PLACED
    item = proposal.agenda_item
    assert item.meeting == meeting

    # The meeting's page marks the item as proposed, with a link to the proposal.
    page.goto(f"/sv/meetings/{meeting.pk}/")
    expect(page.locator(f"#proposed-item-{item.pk} .proposal-link")).to_have_attribute(
        "href", f"/sv/proposals/{proposal.pk}/"
    )
    assert_accessible(page, "meeting-with-proposed-item")

    # The meeting is held and minuted; the coordinator resolves the proposal.
    item.decision = f"<p>{DECISION}</p>"
    item.save()
    meeting.status = MeetingStatus.HELD
    meeting.starts_at = timezone.now() - timezone.timedelta(days=1)
    meeting.ends_at = meeting.starts_at + timezone.timedelta(hours=2)
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    services.resolve(proposal, coordinator, "Behandlat på dialogmötet.")

    # The representative reads the outcome and says it was answered.
    page.context.clear_cookies()
    sign_in_as(page, rep)
    page.goto(f"/sv/proposals/{proposal.pk}/")
    expect(page.locator("#item-minutes")).to_contain_text(DECISION)
    expect(page.locator("#placed-meeting")).to_have_attribute(
        "href", f"/sv/meetings/{meeting.pk}/#item-{item.pk}"
    )
    assert_accessible(page, "proposal-detail-outcome")
    page.locator("#id_answered_0").check()
    page.locator("#answered-form button[type=submit]").click()
    expect(page.locator("#answered-state")).to_have_attribute("data-answered", "yes")
    assert_accessible(page, "proposal-detail-answered")
    proposal.refresh_from_db()
    assert proposal.answered is True


def test_the_delete_confirmation_passes_axe(page, world, sign_in_as):
    proposal = services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Att radera",
        description="…",
    )
    sign_in_as(page, world["people"]["administrator"])
    page.goto(f"/sv/proposals/{proposal.pk}/delete/")
    assert_accessible(page, "proposal-delete")
    page.locator("#id_reason").fill("Personuppgifter av misstag")
    page.locator("#delete-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/proposals/inbox/$"))
    assert not Proposal.objects.filter(pk=proposal.pk).exists()
