"""The pages: status, database changes, redirects, and what the pages show (ids and data, not UI words)."""

import csv
import datetime as dt
import io

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import load_workbook

from proposals import participation
from proposals.models import Comment, ConsultationRecord, Support
from tests.factories import MeetingFactory
from tests.proposals.participation.conftest import make_proposal, make_record

pytestmark = pytest.mark.django_db


def proposal_page(proposal) -> str:
    try:
        return reverse("proposals:detail", kwargs={"pk": proposal.pk})
    except NoReverseMatch:  # the workflow's proposal page is built in parallel
        return reverse("home")


def test_member_comments_and_is_sent_back(world, proposal, client_for):
    response = client_for("admin_contact").post(
        reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": " Ja "}
    )
    assert response.status_code == 302
    assert response["Location"] == proposal_page(proposal) + "#comments"
    assert list(Comment.objects.values_list("text", "author")) == [
        ("Ja", world["people"]["admin_contact"].pk)
    ]


def test_empty_comment_changes_nothing(world, proposal, client_for):
    response = client_for("representative").post(
        reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": ""}
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("resident", 404), ("politician", 403), ("anonymous", 302)])
def test_others_may_not_comment(world, proposal, client_for, role, status):
    response = client_for(role).post(
        reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"text": "Hej"}
    )
    assert response.status_code == status
    assert not Comment.objects.exists()


def test_coordinator_hides_comment_with_reason(world, proposal, client_for):
    comment = participation.add_comment(proposal, world["people"]["representative"], "Text")
    url = reverse("proposals:hide_comment", kwargs={"pk": comment.pk})
    client = client_for("coordinator")
    page = client.get(url)
    assert page.status_code == 200
    assert b'id="hide-comment-form"' in page.content
    assert client.post(url, {"reason": ""}).status_code == 200
    comment.refresh_from_db()
    assert not comment.hidden
    response = client.post(url, {"reason": "Personuppgifter"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.hidden, comment.hidden_reason) == (True, "Personuppgifter")


def test_support_toggles(world, proposal, client_for):
    url = reverse("proposals:support", kwargs={"pk": proposal.pk})
    client = client_for("admin_contact")
    assert client.post(url)["Location"] == proposal_page(proposal) + "#support"
    assert Support.objects.filter(proposal=proposal).count() == 1
    client.post(url)
    assert not Support.objects.exists()


def test_each_reader_sees_their_own_support_and_follow_with_the_proposal(world, proposal, client_for):
    """Support and following are read with the proposal itself: for the person reading, not the last one."""
    admin_contact, coordinator = client_for("admin_contact"), client_for("coordinator")
    admin_contact.post(reverse("proposals:support", kwargs={"pk": proposal.pk}))
    admin_contact.post(reverse("core:follow", args=["proposal", proposal.pk]), {"next": "/"})

    supporter = admin_contact.get(proposal_page(proposal)).content.decode()
    other = coordinator.get(proposal_page(proposal)).content.decode()

    assert 'data-count="1"' in supporter and 'data-count="1"' in other
    assert 'data-supports="yes"' in supporter
    assert 'data-supports="yes"' not in other
    unfollow = reverse("core:unfollow", args=["proposal", proposal.pk])
    assert unfollow in supporter
    assert unfollow not in other
    assert reverse("core:follow", args=["proposal", proposal.pk]) in other


def test_proposer_may_not_support_own_proposal(world, proposal, client_for):
    response = client_for("representative").post(reverse("proposals:support", kwargs={"pk": proposal.pk}))
    assert response.status_code == 403
    assert not Support.objects.exists()


def consultation_data(**overrides) -> dict:
    return {
        "consulted": "Sverigefinska föreningen",
        "consulted_on": "2026-01-10",
        "form": "meeting",
        "children_and_youth": "on",
        "what_they_said": "Bra.",
        "how_it_changed": "Inget.",
        **overrides,
    }


def test_coordinator_records_consultation_on_proposal(world, proposal, client_for):
    url = reverse("proposals:consultation_add", kwargs={"pk": proposal.pk})
    response = client_for("coordinator").post(url, consultation_data())
    assert response.status_code == 302
    record = ConsultationRecord.objects.get()
    assert (record.proposal, record.children_and_youth, record.consulted_on) == (
        proposal,
        True,
        dt.date(2026, 1, 10),
    )


def test_invalid_consultation_shows_the_form_again(world, proposal, client_for):
    url = reverse("proposals:consultation_add", kwargs={"pk": proposal.pk})
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = client_for("coordinator").post(url, consultation_data(what_they_said="", consulted_on=future))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"what_they_said", "consulted_on"}
    assert not ConsultationRecord.objects.exists()


def test_coordinator_records_consultation_on_agenda_item(world, client_for):
    item = world["meetings"]["finnish"].agenda_items.first()
    url = reverse("proposals:agenda_item_consultation_add", kwargs={"pk": item.pk})
    response = client_for("administrator").post(url, consultation_data())
    assert (
        response["Location"]
        == reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}"
    )
    assert ConsultationRecord.objects.get().agenda_item == item


def test_meeting_page_shows_consultations_per_item(world, client_for):
    meeting = world["meetings"]["finnish"]
    item = meeting.agenda_items.first()
    record = make_record(agenda_item=item)
    url = reverse("core:meeting_detail", kwargs={"pk": meeting.pk})
    coordinator = client_for("coordinator").get(url).content.decode()
    assert f'id="consultation-{record.pk}"' in coordinator
    assert reverse("proposals:agenda_item_consultation_add", kwargs={"pk": item.pk}) in coordinator
    member = client_for("representative").get(url).content.decode()
    assert f'id="consultation-{record.pk}"' in member
    assert "consultations/new/" not in member


def test_log_shows_the_chosen_year(world, proposal, client_for):
    this = make_record(proposal=proposal, on=dt.date(2026, 2, 2))
    other = make_record(proposal=proposal, on=dt.date(2025, 2, 2))
    url = reverse("proposals:consultation_log")
    page = client_for("politician").get(url, {"year": 2025})
    assert [row.record for row in page.context["rows"]] == [other]
    assert f'id="consultation-{other.pk}"'.encode() in page.content
    assert f'id="consultation-{this.pk}"'.encode() not in page.content


def test_log_accepts_a_past_year_without_records_since_the_first_meeting(world, client_for):
    # The world's Roma meeting was held a month ago; a meeting two years back makes the portal that old.
    MeetingFactory(forum=world["forums"]["consultation"], starts_at=timezone.now() - dt.timedelta(days=800))
    this_year = timezone.localdate().year
    two_years_back = (timezone.now() - dt.timedelta(days=800)).year
    url = reverse("proposals:consultation_log")
    page = client_for("politician").get(url, {"year": this_year - 1})
    assert page.status_code == 200
    assert page.context["year"] == this_year - 1
    assert not page.context["year_form"].errors
    assert page.context["rows"] == []
    assert participation.consultation_years() == list(range(this_year, two_years_back - 1, -1))


def test_log_refuses_a_year_before_the_portal_and_shows_this_year(world, client_for):
    page = client_for("politician").get(reverse("proposals:consultation_log"), {"year": 1999})
    assert page.context["year"] == timezone.localdate().year
    assert "year" in page.context["year_form"].errors


def test_export_csv_and_xlsx_are_attachments(world, proposal, client_for):
    make_record(proposal=proposal, on=dt.date(2026, 2, 2), consulted="Åke Ärlig")
    make_record(proposal=proposal, on=dt.date(2025, 2, 2))
    url = reverse("proposals:consultation_export")
    client = client_for("coordinator")
    response = client.get(url, {"year": 2026, "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="consultation-log-2026.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(r[0], r[4]) for r in rows[1:]] == [("2026-02-02", "Åke Ärlig")]
    response = client.get(url, {"year": 2026, "format": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2


def test_export_header_is_in_the_requests_language(world, client_for):
    client = client_for("coordinator")
    english = client.get("/en/proposals/consultations/export/", {"year": 2026}).content.decode("utf-8-sig")
    assert english.splitlines()[0].split(";")[0] == "Date"


def add_log(world, size):
    item = world["meetings"]["finnish"].agenda_items.first()
    for n in range(size):
        proposal = make_proposal(world, title=f"Förslag {n}")
        make_record(proposal=proposal, on=dt.date(2026, 3, 1))
        make_record(agenda_item=item, on=dt.date(2026, 3, 2))


@pytest.mark.parametrize("size", [1, 8])
def test_log_page_query_count_is_constant(world, client_for, django_assert_num_queries, size):
    add_log(world, size)
    client = client_for("coordinator")
    # The session with the person, the year's rows, the years with records, what the base layout reads. Whether this
    # session passed the second factor is read from the session itself (core/auth.py): no query.
    with django_assert_num_queries(6):
        response = client.get(reverse("proposals:consultation_log"), {"year": 2026})
    assert len(response.context["rows"]) == 2 * size
