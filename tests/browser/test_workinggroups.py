"""Journeys through the working groups and the consultation group's follow-up of the dialogue, in real
Chromium, with an axe scan (WCAG 2.1 AA) of every page passed."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.models import MeetingStatus, Membership
from tests.browser.conftest import assert_accessible
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.workinggroups.factories import working_group_of
from workinggroups.models import Mandate


@pytest.fixture
def groups(world):
    return {
        "new": working_group_of(
            world,
            with_mandate=False,
            name="Arbetsgrupp modersmål och tvåspråkig skola",
            slug="arbetsgrupp-skola",
        ),
        "running": working_group_of(
            world, name="Arbetsgrupp finskspråkig äldreomsorg", slug="arbetsgrupp-aldreomsorg"
        ),
    }


def test_coordinator_records_a_mandate_and_closes_the_group_through_the_forms(
    page, world, groups, sign_in_as
):
    group = groups["new"]
    consultation = world["forums"]["consultation"]
    sign_in_as(page, world["people"]["coordinator"])

    page.goto("/sv/workinggroups/")
    expect(page.locator("#working-groups tbody tr")).to_have_count(2)
    assert_accessible(page, "workinggroups-list-coordinator")

    page.locator(f"#working-group-{group.slug} a[href$='/mandate/']").click()
    expect(page).to_have_url(re.compile(rf"/sv/workinggroups/{group.slug}/mandate/$"))
    assert_accessible(page, "mandate-new")

    # Sent without a purpose or a start: the error summary leads to the fields.
    page.locator("#mandate-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    expect(page.locator(".ds-error-summary a[href='#id_purpose']")).to_have_count(1)
    assert_accessible(page, "mandate-errors")

    start = timezone.localdate() - dt.timedelta(days=30)
    page.locator("#id_purpose").fill(
        "Föreslå hur modersmålsundervisningen i finska och meänkieli kan nå fler elever."
    )
    page.locator("#id_starts_on").fill(f"{start:%Y-%m-%d}")
    page.locator("#id_ends_on").fill(f"{start + dt.timedelta(days=300):%Y-%m-%d}")
    page.locator("#id_set_up_by").select_option(str(consultation.pk))
    page.locator("#id_decision_reference").fill("Samrådsgruppens möte 2026-02-12, punkt 4")
    page.locator("#mandate-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/sv/forums/{group.slug}/$"))
    expect(page.locator("#mandate-purpose")).to_contain_text(
        "modersmålsundervisningen i finska och meänkieli"
    )
    expect(page.locator("#mandate-set-up-by a")).to_have_text(consultation.name)
    expect(page.locator("#mandate-decision")).to_have_text("Samrådsgruppens möte 2026-02-12, punkt 4")
    assert_accessible(page, "forum-with-new-mandate")
    mandate = Mandate.objects.get(forum=group)
    assert mandate.starts_on == start
    assert mandate.set_up_by == consultation

    page.locator("#mandate-close-link").click()
    expect(page).to_have_url(re.compile(rf"/sv/workinggroups/{group.slug}/close/$"))
    expect(page.locator("#id_closed_on")).to_have_value(f"{timezone.localdate():%Y-%m-%d}")
    assert_accessible(page, "close-form")

    # A closing date before the start is refused, and nothing is closed.
    page.locator("#id_closed_on").fill(f"{start - dt.timedelta(days=1):%Y-%m-%d}")
    page.locator("#id_closing_report").fill(
        "Arbetsgruppen har lämnat sitt förslag till utbildningsförvaltningen."
    )
    page.locator("#close-form button[type=submit]").click()
    expect(page.locator("#id_closed_on_error")).to_be_visible()
    expect(page.locator(".ds-error-summary a[href='#id_closed_on']")).to_have_count(1)
    assert_accessible(page, "close-errors")
    assert not Mandate.objects.get(forum=group).is_closed()

    page.locator("#id_closed_on").fill(f"{timezone.localdate():%Y-%m-%d}")
    page.locator("#close-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/sv/forums/{group.slug}/$"))
    expect(page.locator("#closing-report")).to_contain_text(
        "lämnat sitt förslag till utbildningsförvaltningen"
    )
    expect(page.locator("#mandate-close-link")).to_have_count(0)
    assert_accessible(page, "forum-closed")
    group.refresh_from_db()
    assert not group.is_active
    assert (
        not Membership.objects.current(on=timezone.localdate() + dt.timedelta(days=1))
        .filter(forum=group)
        .exists()
    )

    page.goto("/sv/workinggroups/")
    expect(page.locator(f"#working-group-{group.slug} [data-status=closed]")).to_have_count(1)
    page.goto(f"/sv/workinggroups/{group.slug}/close/")
    expect(page.locator("#already-closed")).to_be_visible()
    assert_accessible(page, "close-already-closed")


def test_member_sees_the_list_and_the_mandate_of_their_working_group(page, world, groups, sign_in_as):
    group = groups["running"]
    sign_in_as(page, world["people"]["representative"])
    page.goto("/fi/workinggroups/")
    expect(page.locator(f"#working-group-{group.slug}")).to_be_visible()
    assert_accessible(page, "workinggroups-list-representative")

    page.locator(f"#working-group-{group.slug} th a").click()
    expect(page).to_have_url(re.compile(rf"/fi/forums/{group.slug}/$"))
    expect(page.locator("#mandate-purpose")).to_contain_text(group.mandate.purpose)
    expect(page.locator("#mandate-edit-link")).to_have_count(0)
    assert_accessible(page, "forum-mandate-representative")


def test_empty_list_of_working_groups_passes_axe(page, world, sign_in_as):
    sign_in_as(page, world["people"]["resident"])
    page.goto("/en/workinggroups/")
    expect(page.locator("#no-working-groups")).to_be_visible()
    assert_accessible(page, "workinggroups-list-empty")


def test_politician_follows_up_the_dialogue_on_the_consultation_meeting_page(page, world, sign_in_as):
    forums = world["forums"]
    previous = MeetingFactory(
        forum=forums["consultation"],
        title="Föregående samråd",
        starts_at=timezone.now() - dt.timedelta(days=60),
        status=MeetingStatus.HELD,
    )
    finnish = MeetingFactory(
        forum=forums["finnish_dialogue"],
        title="Dialogmöte sverigefinnar",
        starts_at=timezone.now() - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
    )
    AgendaItemFactory(meeting=finnish, title="Finskspråkig avdelning på särskilt boende")
    meeting = world["meetings"]["consultation"]
    sign_in_as(page, world["people"]["politician"])

    page.goto(f"/sv/meetings/{meeting.pk}/")
    overview = page.locator("#dialogue-overview")
    expect(overview.locator("h2")).to_have_attribute("id", "dialogue-overview-heading")
    finnish_row = overview.locator(f"#dialogue-{forums['finnish_dialogue'].slug}")
    expect(finnish_row.locator(f"a[href='/sv/meetings/{finnish.pk}/']")).to_have_count(1)
    expect(finnish_row.locator(f"#dialogue-{forums['finnish_dialogue'].slug}-issues li")).to_have_text(
        ["Finskspråkig avdelning på särskilt boende"]
    )
    # The Roma council met 30 days ago, after the previous consultation meeting.
    expect(overview.locator(f"#dialogue-{forums['roma_dialogue'].slug} [data-meeting]")).to_have_count(1)
    assert previous.pk
    assert_accessible(page, "consultation-meeting-dialogue-overview")

    finnish_row.locator(f"a[href='/sv/meetings/{finnish.pk}/']").click()
    expect(page).to_have_url(re.compile(rf"/sv/meetings/{finnish.pk}/$"))
