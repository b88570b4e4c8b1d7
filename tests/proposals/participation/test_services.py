"""Services: comments, moderation with history, support once per person, the consultation log and its exports."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from openpyxl import load_workbook

from proposals import participation
from proposals.models import Comment, ConsultationForm, ConsultationRecord, Support
from proposals.views.participation import participation_context
from tests.proposals.participation.conftest import make_proposal, make_record

pytestmark = pytest.mark.django_db


def test_member_comments_with_text_stripped(world, proposal):
    comment = participation.add_comment(proposal, world["people"]["admin_contact"], "  Bra förslag!  ")
    assert comment.text == "Bra förslag!"
    assert comment.history.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_empty_or_too_long_comment_is_refused_and_changes_nothing(world, proposal, text):
    with pytest.raises(ValidationError):
        participation.add_comment(proposal, world["people"]["representative"], text)
    assert not Comment.objects.exists()


def test_comment_of_exactly_the_limit_is_accepted(world, proposal):
    participation.add_comment(proposal, world["people"]["representative"], "x" * 5000)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("role", ["resident", "other_representative", "politician"])
def test_outsiders_may_not_comment(world, proposal, role):
    with pytest.raises(PermissionDenied):
        participation.add_comment(proposal, world["people"][role], "Hej")
    assert not Comment.objects.exists()


def test_hidden_comment_keeps_its_reason_in_history(world, proposal):
    comment = participation.add_comment(proposal, world["people"]["representative"], "Olämpligt")
    coordinator = world["people"]["coordinator"]
    participation.hide_comment(comment, coordinator, " Personuppgifter ")
    comment.refresh_from_db()
    assert (comment.hidden, comment.hidden_reason, comment.hidden_by) == (
        True,
        "Personuppgifter",
        coordinator,
    )
    latest = comment.history.first()
    assert latest.history_change_reason == "Personuppgifter"
    assert latest.history_user == coordinator
    assert comment.history.last().hidden is False  # the text before hiding is kept


def test_hiding_refusals_change_nothing(world, proposal):
    comment = participation.add_comment(proposal, world["people"]["representative"], "Text")
    with pytest.raises(ValidationError):
        participation.hide_comment(comment, world["people"]["coordinator"], "  ")
    with pytest.raises(PermissionDenied):
        participation.hide_comment(comment, world["people"]["politician"], "Skäl")
    comment.refresh_from_db()
    assert not comment.hidden
    assert comment.history.count() == 1
    participation.hide_comment(comment, world["people"]["coordinator"], "Skäl")
    with pytest.raises(ValidationError):
        participation.hide_comment(comment, world["people"]["administrator"], "Igen")
    comment.refresh_from_db()
    assert comment.hidden_reason == "Skäl"


def test_support_once_per_person(world, proposal):
    contact = world["people"]["admin_contact"]
    first = participation.support(proposal, contact)
    second = participation.support(proposal, contact)
    assert first.pk == second.pk
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert participation.withdraw_support(proposal, contact) is True
    assert participation.withdraw_support(proposal, contact) is False
    assert not Support.objects.exists()


@pytest.mark.parametrize("role", ["representative", "resident", "coordinator", "other_representative"])
def test_proposer_and_outsiders_may_not_support(world, proposal, role):
    with pytest.raises(PermissionDenied):
        participation.support(proposal, world["people"][role])
    assert not Support.objects.exists()


def record_kwargs(**overrides) -> dict:
    return {
        "consulted": "Romska rådet",
        "consulted_on": dt.date(2026, 2, 1),
        "form": ConsultationForm.WRITTEN,
        "what_they_said": "Vill ha tolk.",
        "how_it_changed": "Tolk bokas.",
        "children_and_youth": True,
        **overrides,
    }


def test_coordinator_records_a_consultation_on_a_proposal_or_an_item(world, proposal):
    coordinator = world["people"]["coordinator"]
    record = participation.record_consultation(by=coordinator, proposal=proposal, **record_kwargs())
    item = world["meetings"]["finnish"].agenda_items.first()
    other = participation.record_consultation(by=coordinator, agenda_item=item, **record_kwargs())
    assert (record.proposal, record.recorded_by, record.children_and_youth) == (proposal, coordinator, True)
    assert other.agenda_item == item
    assert record.history.first().history_user == coordinator


@pytest.mark.parametrize(
    "overrides",
    [
        {"consulted": " "},
        {"what_they_said": ""},
        {"form": "telepathy"},
        {"consulted_on": dt.date.today() + dt.timedelta(days=2)},
    ],
)
def test_invalid_consultation_is_refused_and_changes_nothing(world, proposal, overrides):
    with pytest.raises(ValidationError) as error:
        participation.record_consultation(
            by=world["people"]["coordinator"], proposal=proposal, **record_kwargs(**overrides)
        )
    assert set(error.value.error_dict) == {next(iter(overrides))}
    assert not ConsultationRecord.objects.exists()


def test_consultation_needs_exactly_one_subject_and_a_coordinator(world, proposal):
    item = world["meetings"]["finnish"].agenda_items.first()
    with pytest.raises(ValidationError):
        participation.record_consultation(by=world["people"]["coordinator"], **record_kwargs())
    with pytest.raises(ValidationError):
        participation.record_consultation(
            by=world["people"]["coordinator"], proposal=proposal, agenda_item=item, **record_kwargs()
        )
    with pytest.raises(PermissionDenied):
        participation.record_consultation(
            by=world["people"]["politician"], proposal=proposal, **record_kwargs()
        )
    assert not ConsultationRecord.objects.exists()


@pytest.fixture
def log(world, proposal):
    item = world["meetings"]["finnish"].agenda_items.first()
    return {
        "on_proposal": make_record(
            proposal=proposal, on=dt.date(2026, 5, 2), consulted="Åsa Öberg, ärende ä"
        ),
        "on_item": make_record(agenda_item=item, on=dt.date(2026, 1, 15), children_and_youth=True),
        "last_year": make_record(proposal=proposal, on=dt.date(2025, 12, 31)),
        "item": item,
    }


def test_consultation_rows_are_the_years_in_date_order(world, log, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = participation.consultation_rows(2026)
        subjects = [(row.subject, row.forum_name, row.meeting) for row in rows]
    assert [row.record for row in rows] == [log["on_item"], log["on_proposal"]]
    assert subjects[0] == (log["item"].title, "Dialoggrupp sverigefinnar", log["item"].meeting)
    assert subjects[1] == ("Finskspråkig förskola i Handen", "Dialoggrupp sverigefinnar", None)


def test_csv_export_reads_back_with_bom_and_header_in_the_language(world, log):
    with translation.override("en"):
        data = participation.export_csv(participation.consultation_rows(2026))
        header = participation.export_header()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == header
    assert len(header) == 9
    assert [r[0] for r in rows[1:]] == ["2026-01-15", "2026-05-02"]
    assert rows[2][4] == "Åsa Öberg, ärende ä"
    assert rows[1][2].startswith(log["item"].meeting.title)


def test_xlsx_export_reads_back(world, log):
    with translation.override("en"):
        data = participation.export_xlsx(participation.consultation_rows(2026))
        header = participation.export_header()
    sheet = load_workbook(io.BytesIO(data)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == header
    assert [(r[0], r[4]) for r in values[1:]] == [
        ("2026-01-15", "Sverigefinska föreningen i Haninge"),
        ("2026-05-02", "Åsa Öberg, ärende ä"),
    ]


def test_participation_context_in_constant_queries(world, rf, django_assert_num_queries):
    coordinator = world["people"]["coordinator"]
    contact = world["people"]["admin_contact"]
    for size in (1, 6):
        proposal = make_proposal(world, title=f"Förslag {size}")
        for n in range(size):
            comment = participation.add_comment(proposal, contact, f"Kommentar {n}")
            make_record(proposal=proposal)
        participation.hide_comment(comment, coordinator, "Skäl")
        participation.support(proposal, contact)
        for role, expected_comments in (("coordinator", size), ("admin_contact", size - 1)):
            request = rf.get("/")
            request.user = world["people"][role]
            request.user.__dict__.pop("_current_forum_ids", None)  # membership cache: count it too
            with django_assert_num_queries(4 if role == "admin_contact" else 3):
                context = participation_context(request, proposal)
            assert len(context["comments"]) == expected_comments
            assert context["support_count"] == 1
            assert context["user_supports"] is (role == "admin_contact")
            assert len(context["consultations"]) == size
            assert set(context) == {
                "proposal",
                "comments",
                "comment_form",
                "user",
                "support_count",
                "user_supports",
                "consultations",
            }
