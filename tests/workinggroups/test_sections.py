"""The mandate section on a working group's forum page (core:forum_detail renders the sections)."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.plumbing.sections import forum_sections
from tests.workinggroups.factories import working_group_of
from workinggroups.services import close_working_group

TEMPLATE = "workinggroups/includes/mandate_section.html"


def request_as(world, role):
    request = RequestFactory().get("/sv/")
    request.user = AnonymousUser() if role == "anonymous" else world["people"][role]
    return request


def rendered(world, role, forum) -> str:
    """The section as the forum page includes it: `section` is our dict, beside forum, request, user, perms."""
    request = request_as(world, role)
    sections = dict(forum_sections(request, forum))
    return render_to_string(TEMPLATE, {"section": sections[TEMPLATE], "forum": forum}, request=request)


def test_the_mandate_section_belongs_to_working_groups_only(world):
    request = request_as(world, "coordinator")
    assert TEMPLATE in dict(forum_sections(request, working_group_of(world)))
    for forum in world["forums"].values():
        assert TEMPLATE not in dict(forum_sections(request, forum))


def test_section_shows_the_mandate_with_purpose_period_set_up_by_and_decision(world):
    group = working_group_of(world)
    page = rendered(world, "representative", group)
    assert '<section class="ds-card" id="mandate" aria-labelledby="mandate-heading">' in page
    assert '<h2 class="ds-heading" data-size="sm" id="mandate-heading">' in page
    assert group.mandate.purpose in page
    assert f'datetime="{group.mandate.starts_on:%Y-%m-%d}"' in page
    assert f'datetime="{group.mandate.ends_on:%Y-%m-%d}"' in page
    consultation = world["forums"]["consultation"]
    assert reverse("core:forum_detail", kwargs={"slug": consultation.slug}) in page
    assert consultation.name in page
    assert "Samrådsgruppens möte 2026-02-12, punkt 4" in page
    assert 'id="closing-report"' not in page


def test_coordinators_get_links_to_edit_and_close(world):
    group = working_group_of(world)
    page = rendered(world, "coordinator", group)
    assert reverse("workinggroups:mandate_edit", kwargs={"slug": group.slug}) in page
    assert reverse("workinggroups:close", kwargs={"slug": group.slug}) in page


@pytest.mark.parametrize("role", ["representative", "admin_contact", "politician"])
def test_members_and_politicians_get_no_links_to_change_the_group(world, role):
    group = working_group_of(world)
    page = rendered(world, role, group)
    assert 'id="mandate-edit-link"' not in page
    assert 'id="mandate-close-link"' not in page


def test_a_closed_group_shows_its_closing_report_and_can_no_longer_be_closed(world):
    group = working_group_of(world)
    closed_on = timezone.localdate() - dt.timedelta(days=1)
    close_working_group(
        group.mandate,
        "Underlaget är lämnat.\n\nFortsättning i dialogen.",
        closed_on,
        by=world["people"]["coordinator"],
    )
    page = rendered(world, "coordinator", group)
    assert 'id="closing-report"' in page
    assert "<p>Underlaget är lämnat.</p>" in page
    assert 'data-status="closed"' in page
    assert f"{closed_on:%Y-%m-%d}" in page
    assert 'id="mandate-close-link"' not in page
    assert 'id="mandate-edit-link"' in page


def test_a_group_past_its_end_date_is_flagged(world):
    group = working_group_of(world)
    group.mandate.ends_on = timezone.localdate() - dt.timedelta(days=1)
    group.mandate.save()
    assert 'id="mandate-overdue"' in rendered(world, "coordinator", group)


def test_a_group_without_a_mandate_says_so_and_offers_coordinators_to_record_one(world):
    group = working_group_of(world, with_mandate=False)
    page = rendered(world, "coordinator", group)
    assert 'id="no-mandate"' in page
    assert reverse("workinggroups:mandate_edit", kwargs={"slug": group.slug}) in page
    assert 'id="mandate-close-link"' not in page
    assert 'id="mandate-edit-link"' not in rendered(world, "representative", group)


def test_a_set_up_by_forum_the_person_may_not_see_is_named_without_a_link(world):
    group = working_group_of(world)
    roma = world["forums"]["roma_dialogue"]
    group.mandate.set_up_by = roma
    group.mandate.save()
    page = rendered(world, "representative", group)
    assert roma.name in page
    assert reverse("core:forum_detail", kwargs={"slug": roma.slug}) not in page


@pytest.mark.parametrize("role", ["coordinator", "representative"])
def test_the_section_costs_one_query(world, role, django_assert_num_queries):
    group = working_group_of(world)
    request = request_as(world, role)
    with django_assert_num_queries(1):
        forum_sections(request, group)


# The forum page itself is core's (core:forum_detail); these run once it exists.


def test_forum_page_of_a_working_group_shows_the_mandate(client_for, world):
    group = working_group_of(world)
    response = client_for("representative").get(reverse("core:forum_detail", kwargs={"slug": group.slug}))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="mandate-heading"' in page
    assert group.mandate.purpose in page


def test_forum_page_of_a_dialogue_group_has_no_mandate_section(client_for, world):
    forum = world["forums"]["finnish_dialogue"]
    response = client_for("coordinator").get(reverse("core:forum_detail", kwargs={"slug": forum.slug}))
    assert response.status_code == 200
    assert 'id="mandate-heading"' not in response.content.decode()
