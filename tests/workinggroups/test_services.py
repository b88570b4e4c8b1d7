"""Recording a mandate and closing a working group; each refusal leaves everything as it was."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import Forum, ForumRole, Membership, Tier
from tests.factories import MembershipFactory, UserFactory
from tests.workinggroups.factories import working_group_of
from workinggroups.models import Mandate
from workinggroups.services import close_working_group, save_mandate


@pytest.fixture
def group(world):
    return working_group_of(world)


@pytest.fixture
def coordinator(world):
    return world["people"]["coordinator"]


def state(forum: Forum) -> dict:
    """Everything closing may touch, to compare before and after a refusal."""
    forum.refresh_from_db()
    mandate = Mandate.objects.get(forum=forum)
    return {
        "mandate": (mandate.closed_on, mandate.closing_report),
        "mandate_history": mandate.history.count(),
        "is_active": forum.is_active,
        "forum_history": forum.history.count(),
        "terms": sorted(forum.memberships.values_list("pk", "ends_on")),
        "membership_history": Membership.history.filter(forum_id=forum.pk).count(),
    }


def test_save_mandate_records_a_new_mandate_with_its_author_in_history(world, coordinator):
    forum = working_group_of(world, with_mandate=False)
    mandate = save_mandate(
        Mandate(
            forum=forum,
            purpose="Föreslå hur modersmålsundervisningen kan nå fler elever.",
            starts_on=dt.date(2026, 3, 1),
            ends_on=None,
            set_up_by=world["forums"]["consultation"],
            decision_reference="Samrådsgruppens möte 2026-02-12, punkt 4",
        ),
        by=coordinator,
    )
    assert Mandate.objects.get(forum=forum) == mandate
    assert mandate.history.get().history_user == coordinator


def test_save_mandate_changes_an_existing_mandate(group, coordinator):
    mandate = group.mandate
    mandate.ends_on = mandate.starts_on + dt.timedelta(days=400)
    save_mandate(mandate, by=coordinator)
    mandate.refresh_from_db()
    assert mandate.ends_on == mandate.starts_on + dt.timedelta(days=400)
    assert mandate.history.first().history_user == coordinator


def test_save_mandate_refuses_a_forum_that_is_not_a_working_group(world, coordinator):
    with pytest.raises(ValidationError):
        save_mandate(
            Mandate(forum=world["forums"]["roma_dialogue"], purpose="Syfte", starts_on=dt.date(2026, 1, 1)),
            by=coordinator,
        )
    assert not Mandate.objects.exists()


def test_save_mandate_refuses_an_end_before_the_start_and_changes_nothing(group, coordinator):
    mandate = group.mandate
    before = (mandate.ends_on, mandate.history.count())
    mandate.ends_on = mandate.starts_on - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        save_mandate(mandate, by=coordinator)
    assert "ends_on" in error.value.message_dict
    fresh = Mandate.objects.get(pk=mandate.pk)
    assert (fresh.ends_on, fresh.history.count()) == before


def test_closing_files_the_report_ends_current_terms_and_makes_the_group_inactive(world, group, coordinator):
    today = timezone.localdate()
    ended_earlier = MembershipFactory(
        forum=group,
        user=UserFactory(),
        role=ForumRole.SUBSTITUTE,
        starts_on=today - dt.timedelta(days=100),
        ends_on=today - dt.timedelta(days=50),
    )
    closed_on = today - dt.timedelta(days=1)

    close_working_group(
        group.mandate, "  Arbetsgruppen har lämnat sitt underlag.  ", closed_on, by=coordinator
    )

    mandate = Mandate.objects.get(forum=group)
    assert mandate.is_closed()
    assert mandate.closed_on == closed_on
    assert mandate.closing_report == "Arbetsgruppen har lämnat sitt underlag."
    assert mandate.history.first().history_user == coordinator
    group.refresh_from_db()
    assert group.is_active is False
    assert group.history.first().history_user == coordinator
    terms = dict(group.memberships.values_list("user__email", "ends_on"))
    assert terms["rep@example.org"] == closed_on
    assert terms["kontakt@example.org"] == closed_on
    assert terms[ended_earlier.user.email] == today - dt.timedelta(days=50)
    assert not Membership.objects.current().filter(forum=group).exists()
    # Each ended term is in the membership's history, with who ended it.
    assert (
        Membership.history.filter(forum_id=group.pk, ends_on=closed_on, history_user=coordinator).count() == 2
    )


def test_closing_on_the_start_day_is_allowed(group, coordinator):
    close_working_group(group.mandate, "Rapport", group.mandate.starts_on, by=coordinator)
    assert Mandate.objects.get(forum=group).closed_on == group.mandate.starts_on


@pytest.mark.parametrize("report", ["", "   \n  "])
def test_closing_without_a_report_is_refused_and_changes_nothing(group, coordinator, report):
    before = state(group)
    with pytest.raises(ValidationError) as error:
        close_working_group(group.mandate, report, timezone.localdate(), by=coordinator)
    assert error.value.error_dict["closing_report"][0].code == "empty_report"
    assert state(group) == before


def test_closing_before_the_start_is_refused_and_changes_nothing(group, coordinator):
    before = state(group)
    with pytest.raises(ValidationError) as error:
        close_working_group(
            group.mandate, "Rapport", group.mandate.starts_on - dt.timedelta(days=1), by=coordinator
        )
    assert error.value.error_dict["closed_on"][0].code == "before_start"
    assert group.mandate.starts_on.isoformat() in error.value.message_dict["closed_on"][0]
    assert state(group) == before


def test_closing_in_the_future_is_refused_and_changes_nothing(group, coordinator):
    before = state(group)
    with pytest.raises(ValidationError) as error:
        close_working_group(
            group.mandate, "Rapport", timezone.localdate() + dt.timedelta(days=1), by=coordinator
        )
    assert error.value.error_dict["closed_on"][0].code == "in_future"
    assert state(group) == before


def test_closing_a_closed_group_again_is_refused_and_changes_nothing(group, coordinator):
    first_day = timezone.localdate() - dt.timedelta(days=2)
    close_working_group(group.mandate, "Första rapporten", first_day, by=coordinator)
    before = state(group)
    with pytest.raises(ValidationError) as error:
        close_working_group(
            Mandate.objects.get(forum=group), "Andra rapporten", timezone.localdate(), by=coordinator
        )
    assert error.value.error_dict["__all__"][0].code == "already_closed"
    assert first_day.isoformat() in error.value.messages[0]
    assert state(group) == before
    assert Mandate.objects.get(forum=group).closing_report == "Första rapporten"


def test_closing_a_stale_copy_of_a_closed_mandate_is_refused(group, coordinator):
    """The check reads the row under a lock, not the caller's possibly outdated instance."""
    stale = Mandate.objects.get(forum=group)
    close_working_group(group.mandate, "Rapport", timezone.localdate(), by=coordinator)
    with pytest.raises(ValidationError):
        close_working_group(stale, "Annan rapport", timezone.localdate(), by=coordinator)
    assert Mandate.objects.get(forum=group).closing_report == "Rapport"


def test_closing_leaves_other_forums_memberships_alone(world, group, coordinator):
    close_working_group(group.mandate, "Rapport", timezone.localdate(), by=coordinator)
    finnish = world["forums"]["finnish_dialogue"]
    assert finnish.memberships.filter(ends_on__isnull=True).count() == 2
    assert Forum.objects.get(pk=finnish.pk).is_active
    assert Forum.objects.filter(tier=Tier.WORKING_GROUP, is_active=True).count() == 0
