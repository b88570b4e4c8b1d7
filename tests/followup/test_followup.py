"""The follow-up: cycles with carry-over, actions and their golden thread, progress updates, goals with
revisions, indicators, the dashboard, the department view, the register with its exports, and the
weekly reminder about actions without updates.
"""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.models import MeetingStatus
from followup import services
from followup.models import Action, ActionStatus, Cycle, IndicatorValue, ProgressUpdate, StaleReminder
from followup.tasks import remind_stale_actions
from proposals import services as proposal_services
from proposals.models import Proposal
from tests.factories import ActionFactory, CycleFactory, DepartmentFactory
from tests.followup.factories import GoalFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


def propose(world, title: str = "Finskspråkig förskola") -> Proposal:
    return proposal_services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title=title,
        description="Fler platser behövs.",
        language="sv",
    )


def today():
    return timezone.localdate()


# --- Cycles ---------------------------------------------------------------------------------------


def test_opening_the_next_cycle_carries_over_only_the_confirmed_unfinished_actions(client_for, world):
    cycle = CycleFactory()
    keep = ActionFactory(cycle=cycle, status=ActionStatus.ONGOING, title_sv="Fortsätter")
    leave = ActionFactory(cycle=cycle, status=ActionStatus.DELAYED, title_sv="Lämnas kvar")
    done = ActionFactory(cycle=cycle, status=ActionStatus.DONE, progress=100)
    client = client_for("coordinator")
    page = client.get(reverse("followup:cycle_create"))
    assert keep.title in page.content.decode() and leave.title in page.content.decode()
    assert done.title not in page.content.decode()
    year = cycle.year + 1
    data = {"year": year, "carry": [keep.pk]}
    for phase in services.default_phase_dates(year):
        data[f"{phase.kind}_starts"] = phase.starts_on.isoformat()
        data[f"{phase.kind}_ends"] = phase.ends_on.isoformat()
    response = client.post(reverse("followup:cycle_create"), data)
    assert response.status_code == 302
    new = Cycle.objects.get(year=year)
    assert new.phases.count() == 4 and new.title_fi == f"Vuosikello {year}"
    keep.refresh_from_db()
    leave.refresh_from_db()
    assert keep.cycle == new and keep.first_cycle == cycle
    assert leave.cycle == cycle
    # The move is in the action's history, and its page says where it started.
    assert keep.history.filter(cycle=new).exists()
    assert f"startade {cycle.year}" in client.get(keep.get_absolute_url()).content.decode()


def test_a_cycle_with_phases_out_of_order_is_refused_with_a_message(client_for, world):
    CycleFactory()
    year = today().year + 5
    data = {"year": year}
    for phase in services.default_phase_dates(year):
        data[f"{phase.kind}_starts"] = phase.starts_on.isoformat()
        data[f"{phase.kind}_ends"] = phase.ends_on.isoformat()
    data["implementation_starts"] = dt.date(year, 2, 1).isoformat()
    response = client_for("coordinator").post(reverse("followup:cycle_create"), data)
    assert response.status_code == 200
    assert "Genomförande måste börja efter att Agenda har slutat." in response.content.decode()
    assert not Cycle.objects.filter(year=year).exists()


# --- Actions and progress -------------------------------------------------------------------------


def test_the_responsible_contact_reports_progress_and_the_action_follows(client_for, world):
    action = ActionFactory(department=world["department"], status=ActionStatus.PLANNED, progress=0)
    pdf = SimpleUploadedFile(
        "lägesrapport.pdf", b"%PDF-1.4\n1 0 obj\n%%EOF\n", content_type="application/pdf"
    )
    response = client_for("admin_contact").post(
        reverse("followup:action_update", kwargs={"pk": action.pk}),
        {
            "written_on": today().isoformat(),
            "text": "Avdelningen har öppnat.",
            "status": ActionStatus.ONGOING,
            "progress": 40,
            "file": pdf,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress, action.last_update_on) == (ActionStatus.ONGOING, 40, today())
    update = action.updates.get()
    assert update.author == world["people"]["admin_contact"] and update.file_type == "application/pdf"
    page = client_for("politician").get(action.get_absolute_url()).content.decode()
    assert "Avdelningen har öppnat." in page and "lägesrapport.pdf" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": ActionStatus.DONE, "progress": 80}, "En klar insats är till 100 procent genomförd."),
        ({"progress": 140}, "100"),
        ({"text": "   "}, "Skriv vad som har hänt."),
        ({"written_on": "2999-01-01"}, "En uppdatering kan inte dateras i framtiden."),
    ],
)
def test_a_bad_progress_update_changes_nothing_and_says_why(client_for, world, fields, message):
    action = ActionFactory(department=world["department"], status=ActionStatus.ONGOING, progress=30)
    data = {"written_on": today().isoformat(), "text": "Text", "status": ActionStatus.ONGOING, "progress": 50}
    data.update(fields)
    response = client_for("admin_contact").post(
        reverse("followup:action_update", kwargs={"pk": action.pk}), data
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    action.refresh_from_db()
    assert action.progress == 30 and not ProgressUpdate.objects.exists()


def test_an_upload_that_is_not_what_its_name_says_is_refused(client_for, world):
    action = ActionFactory(department=world["department"])
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for("admin_contact").post(
        reverse("followup:action_update", kwargs={"pk": action.pk}),
        {"written_on": today().isoformat(), "text": "T", "status": "ongoing", "progress": 60, "file": fake},
    )
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()


def test_a_cancelled_action_needs_a_reason(client_for, world):
    CycleFactory()
    goal = GoalFactory()
    data = {
        "title_sv": "Inställd insats",
        "cycle": Cycle.objects.get().pk,
        "goals": [goal.pk],
        "department": world["department"].pk,
        "status": ActionStatus.CANCELLED,
        "progress": 0,
    }
    client = client_for("coordinator")
    response = client.post(reverse("followup:action_create"), data)
    assert "Ange varför insatsen ställs in." in response.content.decode()
    assert not Action.objects.exists()
    response = client.post(reverse("followup:action_create"), {**data, "cancel_reason": "Ingen finansiering"})
    assert response.status_code == 302
    assert Action.objects.get().cancel_reason == "Ingen finansiering"


def test_an_actions_responsible_contact_must_belong_to_its_department(client_for, world):
    CycleFactory()
    other = DepartmentFactory(code="UBF", name="Utbildningsförvaltningen")
    contact = world["people"]["admin_contact"]  # of SÄF
    data = {
        "title_sv": "Läxhjälp på finska",
        "cycle": Cycle.objects.get().pk,
        "department": other.pk,
        "responsible": contact.pk,
        "status": ActionStatus.PLANNED,
        "progress": 0,
    }
    client = client_for("coordinator")
    response = client.post(reverse("followup:action_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["responsible"]
    assert 'href="#id_responsible"' in response.content.decode()
    assert not Action.objects.exists()
    # A contact of the responsible department may; the action then shows on their start page.
    response = client.post(reverse("followup:action_create"), {**data, "department": world["department"].pk})
    assert response.status_code == 302
    action = Action.objects.get()
    home = client_for("admin_contact").get(reverse("home")).content.decode()
    assert action.get_absolute_url() in home


def test_the_action_form_names_each_contacts_department(client_for, world):
    CycleFactory()
    page = client_for("coordinator").get(reverse("followup:action_create")).content.decode()
    assert "Helena Kontakt (SÄF)" in page


def test_saving_an_action_refuses_a_responsible_contact_of_another_department(world):
    from django.core.exceptions import ValidationError

    action = ActionFactory.build(
        cycle=CycleFactory(),
        department=DepartmentFactory(code="UBF", name="Utbildningsförvaltningen"),
        responsible=world["people"]["admin_contact"],
    )
    with pytest.raises(ValidationError) as refused:
        services.save_action(action, by=world["people"]["coordinator"])
    assert "responsible" in refused.value.message_dict
    assert not Action.objects.exists()
    # A coordinator may be responsible for any department's action.
    action.responsible = world["people"]["coordinator"]
    services.save_action(action, by=world["people"]["coordinator"])
    assert Action.objects.get().responsible == world["people"]["coordinator"]


def test_the_golden_thread_from_a_proposal_to_an_action_and_back(client_for, world):
    CycleFactory()
    proposal = propose(world, title="Finska på biblioteket")
    client = client_for("coordinator")
    form = client.get(reverse("followup:action_create") + f"?proposal={proposal.pk}").content.decode()
    assert "Finska på biblioteket" in form
    response = client.post(
        reverse("followup:action_create"),
        {
            "title_sv": "Finskspråkiga böcker på biblioteket",
            "cycle": Cycle.objects.get().pk,
            "department": world["department"].pk,
            "status": ActionStatus.PLANNED,
            "progress": 0,
            "origin_proposal": proposal.pk,
        },
    )
    action = Action.objects.get()
    assert response["Location"] == action.get_absolute_url()
    assert action.origin_proposal == proposal
    # The proposer reads on their proposal what came of it, and follows it to the action.
    proposer_page = client_for("representative").get(proposal.get_absolute_url()).content.decode()
    assert "Finskspråkiga böcker på biblioteket" in proposer_page
    action_page = client_for("representative").get(action.get_absolute_url()).content.decode()
    assert proposal.get_absolute_url() in action_page
    # The Roma council's representative may read the register but not the Finnish group's proposal.
    other = client_for("other_representative").get(action.get_absolute_url()).content.decode()
    assert proposal.get_absolute_url() not in other
    assert "som inte är öppet för dig" in other


def test_a_held_meetings_page_lists_its_actions_and_offers_to_create_one(client_for, world):
    meeting = world["meetings"]["finnish"]
    meeting.status = MeetingStatus.HELD
    meeting.save()
    item = meeting.agenda_items.first()
    action = ActionFactory(origin_agenda_item=item, title_sv="Följer av beslutet")
    page = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    assert action.title in page and 'id="action-from-item"' in page
    assert (
        'id="action-from-item"'
        not in client_for("representative").get(meeting.get_absolute_url()).content.decode()
    )


def test_visitors_see_only_public_actions(client, world):
    public = ActionFactory(is_public=True, title_sv="Offentlig insats")
    internal = ActionFactory(is_public=False, title_sv="Intern insats")
    page = client.get(reverse("followup:register")).content.decode()
    assert public.title in page and internal.title not in page
    assert client.get(internal.get_absolute_url()).status_code == 302  # sign in first
    export = client.get(reverse("followup:register_export", kwargs={"fmt": "csv"})).content.decode(
        "utf-8-sig"
    )
    assert public.title in export and internal.title not in export


def test_the_register_filters_and_exports_what_it_shows(client_for, world):
    cycle = CycleFactory()
    late = ActionFactory(cycle=cycle, title_sv='=HYPERLINK("x")', due_on=today() - dt.timedelta(days=3))
    ActionFactory(cycle=cycle, title_sv="I tid", due_on=today() + dt.timedelta(days=30))
    client = client_for("politician")
    page = client.get(reverse("followup:register"), {"overdue": "on", "cycle": cycle.year}).content.decode()
    assert f'id="action-{late.pk}"' in page and "I tid" not in page
    csv_text = client.get(
        reverse("followup:register_export", kwargs={"fmt": "csv"}), {"overdue": "on", "cycle": cycle.year}
    ).content.decode("utf-8-sig")
    rows = csv_text.strip().splitlines()
    assert rows[0].startswith("Nummer;Titel;Årssnurra") and len(rows) == 2
    # A title that looks like a formula is written so that a spreadsheet does not run it.
    assert "'=HYPERLINK" in rows[1] and ";=HYPERLINK" not in rows[1]
    xlsx = client.get(reverse("followup:register_export", kwargs={"fmt": "xlsx"}), {"cycle": cycle.year})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 3 and sheet["B1"].value == "Titel"
    assert client.get(reverse("followup:register_export", kwargs={"fmt": "exe"})).status_code == 404


# --- Goals and indicators -------------------------------------------------------------------------


def test_a_goal_is_revised_only_with_a_reason_and_the_earlier_wording_is_kept(client_for, world):
    goal = GoalFactory(title_sv="Gammal lydelse")
    client = client_for("coordinator")
    url = reverse("followup:goal_edit", kwargs={"pk": goal.pk})
    data = {"code": goal.code, "kind": goal.kind, "title_sv": "Ny lydelse"}
    refused = client.post(url, data)
    assert "Ange varför målet revideras." in refused.content.decode()
    goal.refresh_from_db()
    assert goal.title_sv == "Gammal lydelse"
    client.post(url, {**data, "reason": "Beslut i kommunfullmäktige 2026-05-10"})
    goal.refresh_from_db()
    assert goal.title_sv == "Ny lydelse"
    page = client_for("politician").get(goal.get_absolute_url()).content.decode()
    assert "Gammal lydelse" in page and "Beslut i kommunfullmäktige 2026-05-10" in page


def test_indicator_values_are_charted_with_a_table_and_a_second_value_for_a_day_replaces_the_first(
    client_for, world
):
    indicator = IndicatorFactory(baseline=10, target=30)
    client = client_for("admin_contact")
    url = reverse("followup:indicator_value", kwargs={"pk": indicator.pk})
    day = (today() - dt.timedelta(days=1)).isoformat()
    client.post(url, {"measured_on": day, "value": "15", "note": ""})
    client.post(url, {"measured_on": day, "value": "20", "note": "rättad"})
    assert IndicatorValue.objects.get(indicator=indicator).value == 20
    indicator.refresh_from_db()
    assert indicator.latest_value == 20 and indicator.achievement == 50
    page = client_for("anonymous").get(indicator.get_absolute_url()).content.decode()
    assert "<polyline" in page and 'id="value-table"' in page and "rättad" in page
    future = client.post(url, {"measured_on": "2999-01-01", "value": "1"})
    assert "Ett värde kan inte dateras i framtiden." in future.content.decode()


# --- Dashboard and department view ----------------------------------------------------------------


def test_the_dashboard_counts_by_goal_department_and_minority_and_filters_by_minority(client_for, world):
    cycle = CycleFactory()
    goal = GoalFactory(code="1")
    finns = world["forums"]["finnish_dialogue"].minority
    roma = world["forums"]["roma_dialogue"].minority
    done = ActionFactory(cycle=cycle, status=ActionStatus.DONE, progress=100, completed_on=today())
    done.goals.add(goal)
    done.minorities.add(finns)
    late = ActionFactory(
        cycle=cycle, status=ActionStatus.DELAYED, progress=20, due_on=today() - dt.timedelta(days=1)
    )
    late.goals.add(goal)
    late.minorities.add(roma)
    client = client_for("politician")
    page = client.get(reverse("followup:dashboard")).content.decode()
    assert 'id="goal-status-chart"' in page and 'id="goal-table"' in page
    response = client.get(reverse("followup:dashboard"), {"year": cycle.year, "minority": finns.pk})
    figures = response.context["figures"]["actions"]
    assert figures["total"] == 1 and figures["overdue"] == 0 and figures["done_this_quarter"] == 1
    everyone = client.get(reverse("followup:dashboard"), {"year": cycle.year}).context["figures"]["actions"]
    goal_row = next(row for row in everyone["by_goal"] if row.obj == goal)
    assert (goal_row.total, goal_row.overdue, goal_row.average_progress) == (2, 1, 60)
    assert goal_row.by_status["done"] == 1 and goal_row.by_status["delayed"] == 1


def test_the_department_view_shows_the_contacts_actions_commitments_and_what_is_overdue(client_for, world):
    from tests.dialogues.factories import CommitmentFactory

    mine = ActionFactory(
        department=world["department"], due_on=today() - dt.timedelta(days=2), title_sv="Vår"
    )
    other = ActionFactory(title_sv="Någon annans")
    commitment = CommitmentFactory(
        agenda_item=world["meetings"]["finnish"].agenda_items.first(), department=world["department"]
    )
    response = client_for("admin_contact").get(reverse("followup:department"))
    page = response.content.decode()
    assert mine.title in page and other.title not in page and commitment.title in page
    assert len(response.context["overdue_actions"]) == 1
    assert reverse("followup:action_update", kwargs={"pk": mine.pk}) in page


# --- Reminder -------------------------------------------------------------------------------------


def test_the_stale_reminder_goes_once_a_week_to_the_owner_in_their_language(world, settings):
    settings.ACTION_STALE_DAYS = 30
    contact = world["people"]["admin_contact"]
    stale = ActionFactory(
        department=world["department"], responsible=contact, last_update_on=today() - dt.timedelta(days=45)
    )
    ActionFactory(
        department=world["department"], responsible=contact, last_update_on=today() - dt.timedelta(days=5)
    )
    ActionFactory(
        department=world["department"],
        responsible=contact,
        status=ActionStatus.DONE,
        progress=100,
        last_update_on=today() - dt.timedelta(days=400),
    )
    assert remind_stale_actions() == 1
    assert remind_stale_actions() == 0  # safe to run twice
    assert StaleReminder.objects.count() == 1
    from core.models import OutgoingMail

    messages = list(OutgoingMail.objects.all())
    assert len(messages) == 1
    body = messages[0].body
    assert stale.title in body
    assert reverse("followup:action_update", kwargs={"pk": stale.pk}) in body


def test_the_actions_on_a_proposal_page_cost_the_same_queries_for_one_or_many(client_for, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    proposal = propose(world)
    client = client_for("representative")
    ActionFactory(origin_proposal=proposal)
    client.get(proposal.get_absolute_url())
    with CaptureQueriesContext(connection) as one:
        client.get(proposal.get_absolute_url())
    ActionFactory.create_batch(6, origin_proposal=proposal)
    with CaptureQueriesContext(connection) as many:
        page = client.get(proposal.get_absolute_url()).content.decode()
    assert page.count('id="origin-action-') == 7
    assert len(many) == len(one)


def test_the_dashboards_heading_names_the_phase_the_chosen_cycle_is_in_today(client_for, world):
    import re

    from django.utils import translation

    from followup.models import Phase, PhaseKind
    from tests.factories import CycleFactory

    today = timezone.localdate()
    this_year, last_year = CycleFactory(year=today.year), CycleFactory(year=today.year - 1)
    running = Phase.objects.get(cycle=this_year, starts_on__lte=today, ends_on__gte=today)
    client = client_for("politician")

    def heading(year: int) -> str:
        page = client.get(reverse("followup:dashboard"), {"year": year}).content.decode()
        found = re.search(r'<h2[^>]*id="cycle-heading">(.*?)</h2>', page, re.S)
        assert found, "the dashboard has no cycle heading"
        return found.group(1)

    with translation.override("sv"):
        label = str(PhaseKind(running.kind).label)
    assert label in heading(this_year.year)
    # A cycle that has ended is in no phase today.
    assert not any(str(kind.label) in heading(last_year.year) for kind in PhaseKind)
