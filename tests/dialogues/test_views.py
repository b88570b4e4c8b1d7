"""The pages: status, what they change in the database, the mail they send, and the data they show.

Assertions are on data and structure (titles, ids, URLs), not on UI words, which the catalogs translate.
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import Department, Role
from dialogues.models import Commitment, CommitmentStatus
from tests.dialogues.factories import CommitmentFactory
from tests.factories import AgendaItemFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def create_url(meeting) -> str:
    return reverse("dialogues:commitment_create", kwargs={"meeting_pk": meeting.pk})


def detail_url(commitment) -> str:
    return reverse("dialogues:commitment_detail", kwargs={"pk": commitment.pk})


def answer_url(commitment) -> str:
    return reverse("dialogues:commitment_answer", kwargs={"pk": commitment.pk})


def received_url(commitment) -> str:
    return reverse("dialogues:commitment_received", kwargs={"pk": commitment.pk})


def form_data(world, item, **overrides) -> dict:
    return {
        "agenda_item": item.pk,
        "title": "Information om rätten till förskola på finska",
        "description": "Föräldrar känner inte till rätten.",
        "department": world["department"].pk,
        "responsible": world["people"]["admin_contact"].pk,
        "due_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        **overrides,
    }


# --- commitment_create -------------------------------------------------------------------------------


def test_the_create_form_offers_only_this_meetings_items_and_active_administration_contacts(
    world, earlier_meeting, client_for
):
    UserFactory(full_name="Inaktiv Kontakt", role=Role.ADMIN_CONTACT, is_active=False)
    response = client_for("coordinator").get(create_url(earlier_meeting))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["agenda_item"].queryset) == list(earlier_meeting.agenda_items.all())
    assert list(form.fields["responsible"].queryset) == [world["people"]["admin_contact"]]
    page = response.content.decode()
    assert 'type="date"' in page
    assert "Helena Kontakt (SÄF)" in page
    assert "Inaktiv Kontakt" not in page


def test_coordinator_creates_a_commitment_and_the_contact_is_mailed(
    world, earlier_meeting, earlier_item, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(create_url(earlier_meeting), form_data(world, earlier_item))
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(commitment)
    assert commitment.agenda_item == earlier_item
    assert commitment.forum == world["forums"]["finnish_dialogue"]
    assert commitment.responsible == world["people"]["admin_contact"]
    assert commitment.created_by == world["people"]["coordinator"]
    assert [m.to for m in mail.outbox] == [["kontakt@example.org"]]


def test_a_responsible_contact_of_another_department_is_refused(
    world, earlier_meeting, earlier_item, client_for
):
    other = DepartmentFactory(code="UBF", name="Utbildningsförvaltningen")
    response = client_for("coordinator").post(
        create_url(earlier_meeting), form_data(world, earlier_item, department=other.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["responsible"]
    assert 'href="#id_responsible"' in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_service_refuses_a_responsible_contact_of_another_department(world, earlier_item):
    from django.core.exceptions import ValidationError

    from dialogues.services import create_commitment

    with pytest.raises(ValidationError) as refused:
        create_commitment(
            agenda_item=earlier_item,
            title="Skolskjuts",
            department=DepartmentFactory(code="UBF", name="Utbildningsförvaltningen"),
            due_on=timezone.localdate() + dt.timedelta(days=30),
            by=world["people"]["coordinator"],
            responsible=world["people"]["admin_contact"],
        )
    assert "responsible" in refused.value.message_dict
    assert not Commitment.objects.exists()


def test_an_agenda_item_of_another_meeting_is_refused(world, earlier_meeting, client_for):
    foreign_item = world["meetings"]["roma"].agenda_items.first()
    response = client_for("coordinator").post(create_url(earlier_meeting), form_data(world, foreign_item))
    assert response.status_code == 200
    assert response.context["form"].errors["agenda_item"]
    assert not Commitment.objects.exists()


def test_a_due_date_in_the_past_is_refused_with_an_error_summary(
    world, earlier_meeting, earlier_item, client_for
):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client_for("coordinator").post(
        create_url(earlier_meeting), form_data(world, earlier_item, due_on=yesterday)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="ds-error-summary"' in page
    assert 'href="#id_due_on"' in page
    assert 'aria-describedby="id_due_on_error' in page
    assert not Commitment.objects.exists()


def test_a_representative_who_sees_the_meeting_may_not_create(
    world, earlier_meeting, earlier_item, client_for
):
    client = client_for("representative")
    assert client.get(create_url(earlier_meeting)).status_code == 403
    assert client.post(create_url(earlier_meeting), form_data(world, earlier_item)).status_code == 403
    assert not Commitment.objects.exists()


def test_a_meeting_the_person_may_not_see_is_not_found(world, earlier_meeting, client_for):
    assert client_for("other_representative").get(create_url(earlier_meeting)).status_code == 404
    assert client_for("anonymous").get(create_url(earlier_meeting)).status_code == 302


# --- commitment_list ---------------------------------------------------------------------------------


@pytest.fixture
def listed(world, earlier_item):
    kof = DepartmentFactory(code="KOF", name="Kultur- och fritidsförvaltningen")
    today = timezone.localdate()
    return {
        "late": CommitmentFactory(
            agenda_item=earlier_item,
            department=world["department"],
            title="Sen hemtjänstfråga",
            due_on=today - dt.timedelta(days=3),
            responsible=world["people"]["admin_contact"],
        ),
        "answered": CommitmentFactory(
            agenda_item=earlier_item,
            department=world["department"],
            title="Besvarad fråga",
            answered=True,
            answer="Elva medarbetare talar finska.",
        ),
        "other": CommitmentFactory(agenda_item=earlier_item, department=kof, title="Bibliotekets fråga"),
    }


def rows(response) -> list[str]:
    return [c.title for c in response.context["commitments"]]


def test_an_administration_contact_lists_only_their_departments_commitments(world, listed, client_for):
    response = client_for("admin_contact").get(reverse("dialogues:commitment_list"))
    assert response.status_code == 200
    assert rows(response) == ["Sen hemtjänstfråga", "Besvarad fråga"]
    page = response.content.decode()
    assert "Bibliotekets fråga" not in page
    # They answer from the list; the department filter is for those who see every department.
    assert answer_url(listed["late"]) in page
    assert 'name="department"' not in page


def test_a_coordinator_lists_all_with_forum_date_department_responsible_due_status_and_answer(
    world, earlier_meeting, listed, client_for
):
    response = client_for("coordinator").get(reverse("dialogues:commitment_list"))
    assert rows(response) == ["Sen hemtjänstfråga", "Besvarad fråga", "Bibliotekets fråga"]
    page = response.content.decode()
    assert '<div class="table-wrap"' in page
    assert '<table class="ds-table"' in page
    row = page.split(f'id="commitment-{listed["late"].pk}"')[1].split("</tr>")[0]
    assert "Sen hemtjänstfråga" in row
    assert "Dialoggrupp sverigefinnar" in row
    assert timezone.localdate(earlier_meeting.starts_at).isoformat() in row  # the local date, as shown
    assert "SÄF" in row
    assert "Helena Kontakt" in row
    assert listed["late"].due_on.isoformat() in row
    assert 'data-overdue="true"' in row
    answered_row = page.split(f'id="commitment-{listed["answered"].pk}"')[1].split("</tr>")[0]
    assert "Elva medarbetare talar finska." in answered_row
    assert 'data-overdue="true"' not in answered_row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "answered"}, ["Besvarad fråga"]),
        ({"status": "open"}, ["Sen hemtjänstfråga", "Bibliotekets fråga"]),
        ({"status": "overdue"}, ["Sen hemtjänstfråga"]),
        ({"department": "KOF"}, ["Bibliotekets fråga"]),
        ({"department": "SÄF", "status": "open"}, ["Sen hemtjänstfråga"]),
        ({"status": "nonsense"}, ["Sen hemtjänstfråga", "Besvarad fråga", "Bibliotekets fråga"]),
    ],
)
def test_the_list_filters_with_plain_get_parameters(world, listed, client_for, query, expected):
    if "department" in query:
        query = {**query, "department": Department.objects.get(code=query["department"]).pk}
    response = client_for("politician").get(reverse("dialogues:commitment_list"), query)
    assert rows(response) == expected


def test_an_administration_contact_cannot_widen_the_list_with_a_department_filter(world, listed, client_for):
    response = client_for("admin_contact").get(
        reverse("dialogues:commitment_list"), {"department": listed["other"].department.pk}
    )
    assert "Bibliotekets fråga" not in rows(response)


def test_representatives_list_the_commitments_of_their_own_forums(world, listed, client_for):
    response = client_for("representative").get(reverse("dialogues:commitment_list"))
    assert response.status_code == 200
    assert rows(response) == ["Sen hemtjänstfråga", "Besvarad fråga", "Bibliotekets fråga"]
    assert 'name="scope"' not in response.content.decode()  # one scope only: their forums
    assert rows(client_for("other_representative").get(reverse("dialogues:commitment_list"))) == []


def test_an_administration_contact_narrows_the_list_to_what_they_answer_for(world, listed, client_for):
    client = client_for("admin_contact")
    page = client.get(reverse("dialogues:commitment_list")).content.decode()
    assert 'name="scope" value="department"' in page and 'name="scope" value="mine"' in page
    assert 'value="all"' not in page
    response = client.get(reverse("dialogues:commitment_list"), {"scope": "mine"})
    assert rows(response) == ["Sen hemtjänstfråga"]
    # A scope the role does not have falls back to the first it has.
    assert rows(client.get(reverse("dialogues:commitment_list"), {"scope": "all"})) == [
        "Sen hemtjänstfråga",
        "Besvarad fråga",
    ]


def test_a_coordinator_chooses_all_or_their_own(world, listed, client_for):
    client = client_for("coordinator")
    assert len(rows(client.get(reverse("dialogues:commitment_list"), {"scope": "all"}))) == 3
    assert rows(client.get(reverse("dialogues:commitment_list"), {"scope": "mine"})) == []


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("admin_contact", True),
        ("representative", True),
        ("coordinator", True),
        ("politician", True),
        ("resident", False),
        ("anonymous", False),
    ],
)
def test_the_menu_leads_to_the_commitments_of_those_who_answer_or_follow_them(world, client_for, role, shown):
    page = client_for(role).get(reverse("home")).content.decode()
    menu = page.split('class="main-nav"')[1].split("</nav>")[0]
    assert (f'href="{reverse("dialogues:commitment_list")}"' in menu) is shown


# --- commitment_detail -------------------------------------------------------------------------------


def test_detail_shows_where_the_commitment_came_from_and_its_history(
    world, earlier_meeting, earlier_item, client_for, django_capture_on_commit_callbacks
):
    client_for("coordinator").post(create_url(earlier_meeting), form_data(world, earlier_item))
    commitment = Commitment.objects.get()
    client_for("admin_contact").post(answer_url(commitment), {"answer": "Informationen finns nu på finska."})
    response = client_for("representative").get(detail_url(commitment))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Information om rätten till förskola på finska" in page
    assert "Föräldrar känner inte till rätten." in page
    assert "Tidigare dialogmöte sverigefinnar" in page
    assert 'id="origin-agenda-item">Äldreomsorg på finska<' in page
    assert "Social- och äldreförvaltningen (SÄF)" in page
    assert "Informationen finns nu på finska." in page
    history = page.split('id="commitment-history"')[1].split("</ol>")[0]
    # Newest first: the contact's answer, then the coordinator's creation.
    assert history.index("Helena Kontakt") < history.index("Elin Samordnare")
    # A representative may read but not answer.
    assert answer_url(commitment) not in page


def test_detail_offers_the_answer_to_the_departments_contact(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    page = client_for("admin_contact").get(detail_url(commitment)).content.decode()
    assert f'href="{answer_url(commitment)}"' in page


def test_visitors_see_a_public_forums_commitment_without_its_history(world, client_for):
    commitment = CommitmentFactory(agenda_item=world["meetings"]["consultation"].agenda_items.first())
    response = client_for("anonymous").get(detail_url(commitment))
    assert response.status_code == 200
    assert commitment.title in response.content.decode()
    assert 'id="commitment-history"' not in response.content.decode()


# --- commitment_answer -------------------------------------------------------------------------------


def test_the_contact_answers_and_is_sent_to_the_commitment(
    world, earlier_item, client_for, django_capture_on_commit_callbacks
):
    commitment = CommitmentFactory(
        agenda_item=earlier_item, department=world["department"], created_by=world["people"]["coordinator"]
    )
    client = client_for("admin_contact")
    assert client.get(answer_url(commitment)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            answer_url(commitment), {"answer": "Elva medarbetare talar finska."}, follow=True
        )
    assert response.redirect_chain == [(detail_url(commitment), 302)]
    assert len(list(response.context["messages"])) == 1
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ANSWERED
    assert commitment.answer == "Elva medarbetare talar finska."
    assert commitment.answered_by == world["people"]["admin_contact"]
    assert [m.to for m in mail.outbox] == [["samordnare@example.org"]]


def test_the_answer_form_shows_the_answer_given_so_far(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"], answered=True)
    response = client_for("admin_contact").get(answer_url(commitment))
    assert response.context["form"].initial["answer"] == "Förvaltningen har gjort detta."


def test_an_empty_answer_shows_the_form_again_and_changes_nothing(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    response = client_for("admin_contact").post(answer_url(commitment), {"answer": "   "})
    assert response.status_code == 200
    assert 'class="ds-error-summary"' in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.OPEN
    assert commitment.history.count() == 1


def test_a_received_answer_cannot_be_changed_through_the_form(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"], answered=True)
    client_for("coordinator").post(received_url(commitment), {"meeting": world["meetings"]["finnish"].pk})
    response = client_for("admin_contact").post(answer_url(commitment), {"answer": "Nytt svar"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    commitment.refresh_from_db()
    assert commitment.answer == "Förvaltningen har gjort detta."


def test_a_politician_may_read_but_not_answer(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    client = client_for("politician")
    assert client.get(answer_url(commitment)).status_code == 403
    assert client.post(answer_url(commitment), {"answer": "Svar"}).status_code == 403
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.OPEN


def test_another_minoritys_representative_does_not_learn_of_the_commitment(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    assert client_for("other_representative").get(answer_url(commitment)).status_code == 404
    assert client_for("other_representative").get(detail_url(commitment)).status_code == 404


# --- commitment_received -----------------------------------------------------------------------------


def test_coordinator_marks_an_answer_received_and_returns_to_the_meeting_page(
    world, earlier_item, client_for
):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    meeting = world["meetings"]["finnish"]
    response = client_for("coordinator").post(
        received_url(commitment), {"meeting": meeting.pk, "next": f"/sv/meetings/{meeting.pk}/"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/sv/meetings/{meeting.pk}/"
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.RECEIVED
    assert commitment.received_at_meeting == meeting


def test_marking_received_never_redirects_off_the_site(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    response = client_for("coordinator").post(
        received_url(commitment),
        {"meeting": world["meetings"]["finnish"].pk, "next": "https://evil.example/"},
    )
    assert response["Location"] == detail_url(commitment)


@pytest.mark.parametrize("meeting_value", ["", "abc", "999999"])
def test_marking_received_without_a_valid_meeting_changes_nothing(
    world, earlier_item, client_for, meeting_value
):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    response = client_for("coordinator").post(
        received_url(commitment), {"meeting": meeting_value}, follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ANSWERED


def test_marking_an_open_commitment_received_is_refused_with_a_message(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item)
    response = client_for("coordinator").post(
        received_url(commitment), {"meeting": world["meetings"]["finnish"].pk}, follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.OPEN


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 404),
        ("representative", 403),
        ("admin_contact", 403),
        ("politician", 403),
    ],
)
def test_only_coordinators_mark_received(world, earlier_item, client_for, role, status):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"], answered=True)
    response = client_for(role).post(received_url(commitment), {"meeting": world["meetings"]["finnish"].pk})
    assert response.status_code == status
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ANSWERED


def test_marking_received_is_post_only(world, earlier_item, client_for):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    assert client_for("coordinator").get(received_url(commitment)).status_code == 405


# --- query counts ------------------------------------------------------------------------------------


def fill(world, item, count: int) -> Commitment:
    departments = [world["department"], DepartmentFactory(code="UBF")]
    contact = world["people"]["admin_contact"]
    commitments = [
        CommitmentFactory(
            agenda_item=item,
            department=departments[n % 2],
            responsible=contact if n % 3 else None,
            answered=bool(n % 2),
            created_by=world["people"]["coordinator"],
        )
        for n in range(count)
    ]
    # A history that grows with the data, too.
    for commitment in commitments[:count]:
        commitment.title = f"{commitment.title} (ändrad)"
        commitment.save()
    return commitments[0]


# The session with its person (one query), the page of commitments and its count; departments for the filter where it is shown.
# A rule without an object that says no (the administration contact does not see every department) costs
# nothing more: Django's model permissions are read for staff only (core/auth_backends.py).
LIST_QUERIES = {"coordinator": 4, "politician": 4, "admin_contact": 3}


@pytest.mark.parametrize("role", sorted(LIST_QUERIES))
@pytest.mark.parametrize("size", [2, 30])
def test_list_query_count_does_not_grow_with_the_data(
    world, earlier_item, client_for, django_assert_num_queries, role, size
):
    fill(world, earlier_item, size)
    client = client_for(role)
    client.get(reverse("home"))  # the first request of a session records its activity time
    with django_assert_num_queries(LIST_QUERIES[role]):
        response = client.get(reverse("dialogues:commitment_list"), {"status": ""})
    assert response.status_code == 200
    assert len(response.context["commitments"]) > 0


# The session with its person and their memberships (one query; core.sessions; core.view_meeting asks them), the
# commitment with its meeting, forum, department and people, the history with its people, the actions that came from it.
DETAIL_QUERIES = {"representative": 4, "coordinator": 4}


@pytest.mark.parametrize("role", sorted(DETAIL_QUERIES))
@pytest.mark.parametrize("size", [2, 30])
def test_detail_query_count_does_not_grow_with_the_history(
    world, earlier_item, client_for, django_assert_num_queries, role, size
):
    commitment = fill(world, earlier_item, 1)
    for n in range(size):
        commitment.due_on += dt.timedelta(days=1)
        commitment.answer = f"Svar nummer {n}"
        commitment.save()
    AgendaItemFactory.create_batch(size, meeting=earlier_item.meeting)
    client = client_for(role)
    client.get(reverse("home"))
    with django_assert_num_queries(DETAIL_QUERIES[role]):
        response = client.get(detail_url(commitment))
    assert response.status_code == 200
    assert len(response.context["history"]) == size + 2
