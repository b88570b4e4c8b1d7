"""The list of working groups, recording a mandate and closing a group: status, database and page."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Forum, ForumRole, Membership, Tier
from tests.factories import MembershipFactory
from tests.workinggroups.factories import MandateFactory, WorkingGroupFactory, working_group_of
from workinggroups.models import Mandate


def rows_of(page: str) -> list[str]:
    """The slugs of the working groups in the list, in their order."""
    return re.findall(r'<tr id="working-group-([^"]+)"', page)


def forum_url(forum) -> str:
    return reverse("core:forum_detail", kwargs={"slug": forum.slug})


# ---------------------------------------------------------------------------------------- the list


def test_list_shows_purpose_period_members_and_status(client_for, world):
    group = working_group_of(world)
    page = client_for("coordinator").get(reverse("workinggroups:list")).content.decode()
    row = page.split(f'id="working-group-{group.slug}"')[1].split("</tr>")[0]
    assert group.name in row
    assert forum_url(group) in row
    assert group.mandate.purpose in row
    assert f'datetime="{group.mandate.starts_on:%Y-%m-%d}"' in row
    assert f'datetime="{group.mandate.ends_on:%Y-%m-%d}"' in row
    assert 'data-members="2"' in row
    assert 'data-status="active"' in row
    assert '<div class="table-wrap"><table class="ds-table"' in re.sub(r">\s+<", "><", page)


def test_list_shows_active_groups_first_and_closed_groups_with_their_closing_day(client_for, world):
    closed = working_group_of(world, name="A stängd grupp", is_active=False)
    closed.mandate.closed_on = timezone.localdate() - dt.timedelta(days=3)
    closed.mandate.closing_report = "Klart."
    closed.mandate.save()
    # Its members are counted on the closing day, when their terms ended.
    closed.memberships.update(ends_on=closed.mandate.closed_on)
    active = working_group_of(world, name="Ö aktiv grupp")
    page = client_for("coordinator").get(reverse("workinggroups:list")).content.decode()
    assert rows_of(page) == [active.slug, closed.slug]
    row = page.split(f'id="working-group-{closed.slug}"')[1].split("</tr>")[0]
    assert 'data-status="closed"' in row
    assert f"{closed.mandate.closed_on:%Y-%m-%d}" in row
    assert 'data-members="2"' in row


def test_list_flags_a_group_whose_end_date_passed_without_a_closing_report(client_for, world):
    group = working_group_of(world)
    group.mandate.ends_on = timezone.localdate() - dt.timedelta(days=1)
    group.mandate.save()
    page = client_for("coordinator").get(reverse("workinggroups:list")).content.decode()
    assert 'data-status="overdue"' in page


def test_list_offers_coordinators_to_record_a_missing_mandate(client_for, world):
    group = working_group_of(world, with_mandate=False)
    mandate_url = reverse("workinggroups:mandate_edit", kwargs={"slug": group.slug})
    assert mandate_url in client_for("coordinator").get(reverse("workinggroups:list")).content.decode()
    assert mandate_url not in client_for("politician").get(reverse("workinggroups:list")).content.decode()


@pytest.mark.parametrize(
    ("role", "sees_private_group"),
    [
        ("resident", False),
        ("representative", True),
        ("other_representative", False),
        ("admin_contact", True),
        ("politician", True),
        ("coordinator", True),
        ("administrator", True),
    ],
)
def test_list_shows_only_the_groups_the_person_may_see(client_for, world, role, sees_private_group):
    private = working_group_of(world)
    public = MandateFactory(forum=WorkingGroupFactory(is_public=True)).forum
    page = client_for(role).get(reverse("workinggroups:list")).content.decode()
    assert (private.slug in rows_of(page)) is sees_private_group
    assert public.slug in rows_of(page)


def test_list_says_so_when_there_is_no_group_to_see(client_for, world):
    working_group_of(world)
    page = client_for("resident").get(reverse("workinggroups:list")).content.decode()
    assert 'id="no-working-groups"' in page
    assert "<table" not in page


def test_list_sends_visitors_to_sign_in(client):
    response = client.get(reverse("workinggroups:list"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def _fill(world, count: int) -> None:
    for n in range(count):
        group = working_group_of(world, is_active=n % 3 != 0)
        if n % 2:
            MembershipFactory(forum=group, role=ForumRole.SUBSTITUTE)
        if n % 3 == 0:
            group.mandate.closed_on = timezone.localdate()
            group.mandate.closing_report = "Klart."
            group.mandate.save()
        WorkingGroupFactory()  # without a mandate, and seen only by coordinators and politicians


# The session with its person and their forums (one query; core.sessions), then the groups with mandate and member count.
LIST_QUERIES = {"representative": 2, "politician": 2, "coordinator": 2}


@pytest.mark.parametrize("role", sorted(LIST_QUERIES))
@pytest.mark.parametrize("size", [1, 12])
def test_list_query_count_does_not_grow_with_the_groups(
    role, size, client_for, world, django_assert_num_queries
):
    _fill(world, size)
    client = client_for(role)
    client.get(reverse("workinggroups:list"))  # the first request of a session records its activity time
    with django_assert_num_queries(LIST_QUERIES[role]):
        response = client.get(reverse("workinggroups:list"))
    assert response.status_code == 200
    assert len(rows_of(response.content.decode())) == (2 * size if role != "representative" else size)


# ----------------------------------------------------------------------------------- the mandate


def mandate_url(forum) -> str:
    return reverse("workinggroups:mandate_edit", kwargs={"slug": forum.slug})


MANDATE_FORM = {
    "purpose": "Föreslå hur modersmålsundervisningen i finska och meänkieli kan nå fler elever.",
    "starts_on": "2026-03-01",
    "ends_on": "2026-12-31",
    "decision_reference": "Samrådsgruppens möte 2026-02-12, punkt 4",
}


def test_coordinator_records_a_mandate(client_for, world):
    group = working_group_of(world, with_mandate=False)
    client = client_for("coordinator")
    page = client.get(mandate_url(group)).content.decode()
    assert 'id="mandate-form"' in page
    assert forum_url(group) in page

    consultation = world["forums"]["consultation"]
    response = client.post(mandate_url(group), {**MANDATE_FORM, "set_up_by": consultation.pk})

    assert response.status_code == 302
    assert response["Location"] == forum_url(group)
    mandate = Mandate.objects.get(forum=group)
    assert mandate.purpose == MANDATE_FORM["purpose"]
    assert (mandate.starts_on, mandate.ends_on) == (dt.date(2026, 3, 1), dt.date(2026, 12, 31))
    assert mandate.set_up_by == consultation
    assert mandate.decision_reference == MANDATE_FORM["decision_reference"]
    assert mandate.history.get().history_user == world["people"]["coordinator"]


def test_coordinator_changes_a_mandate_to_run_until_further_notice(client_for, world):
    group = working_group_of(world)
    client = client_for("administrator")
    page = client.get(mandate_url(group)).content.decode()
    assert group.mandate.purpose in page
    assert f'value="{group.mandate.starts_on:%Y-%m-%d}"' in page

    response = client.post(mandate_url(group), {**MANDATE_FORM, "ends_on": ""})

    assert response.status_code == 302
    mandate = Mandate.objects.get(forum=group)
    assert mandate.ends_on is None
    assert mandate.set_up_by is None
    assert Mandate.objects.count() == 1


def test_a_mandate_ending_before_it_starts_is_shown_back_with_the_error(client_for, world):
    group = working_group_of(world, with_mandate=False)
    response = client_for("coordinator").post(mandate_url(group), {**MANDATE_FORM, "ends_on": "2026-01-01"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ds-error-summary" in page
    assert 'id="id_ends_on_error"' in page
    assert not Mandate.objects.exists()


def test_a_working_group_cannot_be_set_up_by_another_working_group(client_for, world):
    group = working_group_of(world, with_mandate=False)
    other = working_group_of(world)
    response = client_for("coordinator").post(mandate_url(group), {**MANDATE_FORM, "set_up_by": other.pk})
    assert response.status_code == 200
    assert 'id="id_set_up_by_error"' in response.content.decode()
    assert not Mandate.objects.filter(forum=group).exists()


def test_mandate_page_of_a_forum_that_is_not_a_working_group_is_not_found(client_for, world):
    for forum in world["forums"].values():
        assert client_for("coordinator").get(mandate_url(forum)).status_code == 404


def test_mandate_page_of_an_unknown_group_is_not_found(client_for, world):
    url = reverse("workinggroups:mandate_edit", kwargs={"slug": "finns-inte"})
    assert client_for("coordinator").get(url).status_code == 404


@pytest.mark.parametrize(("role", "status"), [("other_representative", 404), ("representative", 403)])
def test_people_who_may_not_change_a_mandate_cannot_post_one(client_for, world, role, status):
    group = working_group_of(world)
    before = Mandate.objects.get(forum=group).purpose
    response = client_for(role).post(mandate_url(group), {**MANDATE_FORM})
    assert response.status_code == status
    assert Mandate.objects.get(forum=group).purpose == before


def test_mandate_page_sends_visitors_to_sign_in(client, world):
    response = client.get(mandate_url(working_group_of(world)))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --------------------------------------------------------------------------------------- closing


def close_url(forum) -> str:
    return reverse("workinggroups:close", kwargs={"slug": forum.slug})


def test_coordinator_closes_a_working_group_with_its_report(client_for, world):
    group = working_group_of(world)
    client = client_for("coordinator")
    page = client.get(close_url(group)).content.decode()
    assert 'id="close-form"' in page
    assert group.mandate.purpose in page
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in page

    closed_on = timezone.localdate() - dt.timedelta(days=1)
    response = client.post(
        close_url(group), {"closed_on": f"{closed_on:%Y-%m-%d}", "closing_report": "Underlaget är lämnat."}
    )

    assert response.status_code == 302
    assert response["Location"] == forum_url(group)
    mandate = Mandate.objects.get(forum=group)
    assert (mandate.closed_on, mandate.closing_report) == (closed_on, "Underlaget är lämnat.")
    group.refresh_from_db()
    assert not group.is_active
    assert set(group.memberships.values_list("ends_on", flat=True)) == {closed_on}


def test_close_form_proposes_the_end_date_once_it_has_passed(client_for, world):
    group = working_group_of(world)
    group.mandate.ends_on = timezone.localdate() - dt.timedelta(days=10)
    group.mandate.save()
    page = client_for("coordinator").get(close_url(group)).content.decode()
    assert f'value="{group.mandate.ends_on:%Y-%m-%d}"' in page


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"closing_report": "   "}, "closing_report"),
        ({"closing_report": "Rapport", "closed_on": "2000-01-01"}, "closed_on"),
        ({"closing_report": "Rapport", "closed_on": "2999-01-01"}, "closed_on"),
    ],
)
def test_a_refused_closing_is_shown_back_and_changes_nothing(client_for, world, data, field):
    group = working_group_of(world)
    response = client_for("coordinator").post(
        close_url(group), {"closed_on": f"{timezone.localdate():%Y-%m-%d}", **data}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ds-error-summary" in page
    assert f'id="id_{field}_error"' in page
    mandate = Mandate.objects.get(forum=group)
    assert not mandate.is_closed()
    group.refresh_from_db()
    assert group.is_active
    assert Membership.objects.current().filter(forum=group).count() == 2


def test_a_closed_group_cannot_be_closed_again(client_for, world):
    group = working_group_of(world)
    client = client_for("coordinator")
    client.post(
        close_url(group), {"closed_on": f"{timezone.localdate():%Y-%m-%d}", "closing_report": "Rapport"}
    )

    page = client.get(close_url(group)).content.decode()
    assert 'id="already-closed"' in page
    assert 'id="close-form"' not in page
    response = client.post(
        close_url(group), {"closed_on": f"{timezone.localdate():%Y-%m-%d}", "closing_report": "Ny"}
    )
    assert response.status_code == 200
    assert Mandate.objects.get(forum=group).closing_report == "Rapport"


def test_a_group_without_a_mandate_is_sent_to_record_one_first(client_for, world):
    group = working_group_of(world, with_mandate=False)
    response = client_for("coordinator").get(close_url(group))
    assert response.status_code == 302
    assert response["Location"] == mandate_url(group)


@pytest.mark.parametrize(("role", "status"), [("other_representative", 404), ("politician", 403)])
def test_people_who_may_not_close_a_group_cannot(client_for, world, role, status):
    group = working_group_of(world)
    response = client_for(role).post(
        close_url(group), {"closed_on": f"{timezone.localdate():%Y-%m-%d}", "closing_report": "Rapport"}
    )
    assert response.status_code == status
    assert not Mandate.objects.get(forum=group).is_closed()


# --- setting up a working group ----------------------------------------------------------------------


def _new_group(world, **extra) -> dict:
    return {
        "name": "Arbetsgrupp meänkieli i skolan",
        "minority": world["minorities"]["finns"].pk,
        "purpose": "Föreslå hur fler elever kan läsa meänkieli.",
        "starts_on": "2026-03-01",
        "ends_on": "2026-12-31",
        "set_up_by": world["forums"]["consultation"].pk,
        "decision_reference": "Samrådsgruppens möte 2026-02-12, punkt 4",
        **extra,
    }


def test_coordinator_sets_up_a_working_group_with_its_mandate(client_for, world):
    response = client_for("coordinator").post(reverse("workinggroups:create"), _new_group(world))
    forum = Forum.objects.get(tier=Tier.WORKING_GROUP, name="Arbetsgrupp meänkieli i skolan")
    assert response.status_code == 302
    assert response["Location"] == reverse("core:forum_detail", kwargs={"slug": forum.slug})
    assert forum.minority == world["minorities"]["finns"]
    assert not forum.is_public
    assert forum.mandate.purpose == "Föreslå hur fler elever kan läsa meänkieli."
    assert forum.mandate.set_up_by == world["forums"]["consultation"]
    assert str(forum.mandate.ends_on) == "2026-12-31"
    assert forum.mandate.history.get().history_user == world["people"]["coordinator"]


def test_a_working_group_may_concern_no_single_minority_and_run_until_further_notice(client_for, world):
    client_for("coordinator").post(
        reverse("workinggroups:create"), _new_group(world, minority="", ends_on="", set_up_by="")
    )
    forum = Forum.objects.get(tier=Tier.WORKING_GROUP, name="Arbetsgrupp meänkieli i skolan")
    assert forum.minority is None
    assert forum.mandate.ends_on is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"purpose": ""}, "purpose"),
        ({"starts_on": ""}, "starts_on"),
        ({"ends_on": "2026-01-01"}, "ends_on"),
        ({"name": "arbetsgrupp FINSKSPRÅKIG äldreomsorg"}, "name"),
    ],
)
def test_setting_up_a_working_group_is_refused_with_errors_and_creates_nothing(
    client_for, world, change, field
):
    working_group_of(world, name="Arbetsgrupp finskspråkig äldreomsorg")
    before = Forum.objects.count()
    response = client_for("coordinator").post(reverse("workinggroups:create"), _new_group(world, **change))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="ds-error-summary"' in response.content.decode()
    assert Forum.objects.count() == before


def test_the_list_offers_coordinators_to_set_up_a_working_group(client_for, world):
    url = reverse("workinggroups:create")
    assert url in client_for("coordinator").get(reverse("workinggroups:list")).content.decode()
    assert url not in client_for("representative").get(reverse("workinggroups:list")).content.decode()
