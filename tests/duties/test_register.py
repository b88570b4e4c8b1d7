"""The register of duties as its users meet it: the public summary, the register and the dashboard for
politicians, the department view and the assessment form for administration contacts, the duty form for
coordinators; bad input changes nothing and says why; two people assessing at once write one assessment."""

import contextlib
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from duties import services
from duties.models import AssessmentStatus, Duty, DutyAssessment
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import ActionFactory, AgendaItemFactory, CycleFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


@pytest.fixture
def duties(world):
    saf = world["department"]
    kof = DepartmentFactory(code="KOF", name="Kultur- och fritidsförvaltningen")
    elderly = DutyFactory(
        code="elderly-care",
        title="Äldreomsorg på finska",
        title_fi="Suomenkielinen vanhustenhuolto",
        provision="18 §",
        scope="finnish_area",
        on_request=True,
        counts_served=True,
        departments=[saf],
    )
    culture = DutyFactory(
        code="culture", title="Skydda och främja språk och kultur", provision="4 §", departments=[kof]
    )
    DutyAssessmentFactory(
        duty=elderly,
        year=THIS_YEAR - 1,
        status=AssessmentStatus.PARTLY,
        evidence="Internt underlag om boendena",
        requests_received=9,
        requests_offered=7,
        served=7,
    )
    return {"elderly": elderly, "culture": culture, "kof": kof}


def test_a_visitor_reads_each_duty_and_how_it_was_met_but_not_the_internal_evidence(client, duties):
    page = client.get(reverse("duties:summary")).content.decode()
    assert "Äldreomsorg på finska" in page and "18 § Lag (2009:724)" in page
    assert f"Status för {THIS_YEAR - 1}" in page
    assert "Delvis uppfylld" in page
    assert "9 begäranden inkom, 7 erbjöds" in page and "7 fick tjänsten på finska" in page
    assert "Internt underlag om boendena" not in page


def test_a_visitor_reads_the_summary_in_finnish(client, duties):
    page = client.get("/fi/duties/").content.decode()
    assert "Suomenkielinen vanhustenhuolto" in page
    assert "Osittain täytetty" in page


def test_the_register_shows_a_politician_every_duty_by_department_and_status(client_for, duties):
    response = client_for("politician").get(reverse("duties:register"), {"year": THIS_YEAR - 1})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="duty-department-chart"' in page
    assert "Social- och äldreförvaltningen" in page and "Kultur- och fritidsförvaltningen" in page
    # One partly met (elderly care), one not assessed (culture).
    assert '<div data-status="partly"><dt>Delvis uppfylld</dt><dd>1</dd></div>' in page
    assert '<div data-status="not_assessed"><dt>Inte bedömd</dt><dd>1</dd></div>' in page
    assert "2 skyldigheter har inte kontrollerats" in page
    filtered = client_for("politician").get(
        reverse("duties:register"), {"year": THIS_YEAR - 1, "status": "not_assessed"}
    )
    assert "Skydda och främja" in filtered.content.decode()
    assert "Äldreomsorg på finska</a>" not in filtered.content.decode()


def test_the_dashboard_carries_the_register_for_the_cycle_s_year(client_for, duties):
    CycleFactory(year=THIS_YEAR - 1)
    page = (
        client_for("politician").get(reverse("followup:dashboard"), {"year": THIS_YEAR - 1}).content.decode()
    )
    assert f"Skyldigheter enligt lagen, {THIS_YEAR - 1}" in page
    assert 'id="dashboard-duty-table"' in page
    assert "Tjänster på begäran totalt: 9 begäranden inkom, 7 erbjöds, 7 fick tjänsten på finska." in page


def test_the_department_view_lists_the_department_s_duties_with_what_is_due(client_for, duties):
    page = client_for("admin_contact").get(reverse("followup:department")).content.decode()
    assert "Äldreomsorg på finska" in page
    assert "Skydda och främja" not in page  # KOF's duty
    assert "Ska bedömas" in page
    assert reverse("duties:assess", args=[duties["elderly"].pk, THIS_YEAR]) in page


def test_the_responsible_contact_records_the_year_with_figures_and_evidence(client_for, world, duties):
    elderly = duties["elderly"]
    action = ActionFactory(department=world["department"], cycle=CycleFactory(year=THIS_YEAR))
    url = reverse("duties:assess", args=[elderly.pk, THIS_YEAR])
    client = client_for("admin_contact")
    assert action.title in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "status": "partly",
            "evidence": "Hemtjänst på finska i fler kommundelar.",
            "language": "sv",
            "actions": [action.pk],
            "requests_received": "11",
            "requests_offered": "10",
            "served": "10",
        },
    )
    assert response.status_code == 302
    assessment = DutyAssessment.objects.get(duty=elderly, year=THIS_YEAR)
    assert (assessment.requests_received, assessment.requests_offered, assessment.served) == (11, 10, 10)
    assert list(assessment.actions.all()) == [action]
    assert assessment.recorded_by == world["people"]["admin_contact"]
    assert assessment.history.first().history_user == world["people"]["admin_contact"]
    detail = client.get(response["Location"]).content.decode()
    assert f"Bedömningen för {THIS_YEAR} har sparats." in detail
    assert "Hemtjänst på finska i fler kommundelar." in detail and 'lang="sv"' in detail

    # Again: the same year's assessment changes, no second one is made.
    again = {"status": "met", "evidence": "Alla fick plats.", "language": "sv", "requests_received": "11"}
    assert client.post(url, {**again, "requests_offered": "11", "served": "11"}).status_code == 302
    assert DutyAssessment.objects.filter(duty=elderly, year=THIS_YEAR).count() == 1
    assert DutyAssessment.objects.get(duty=elderly, year=THIS_YEAR).status == "met"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"status": "partly", "evidence": "Underlag", "requests_received": "5", "requests_offered": "6"},
            "requests_offered",
            "Fler begäranden kan inte ha erbjudits än som kom in under året.",
        ),
        (
            {"status": "met", "evidence": "  "},
            "evidence",
            "Skriv vad statusen grundar sig på: vad som gjordes, beslutades eller erbjöds.",
        ),
        ({"status": "done", "evidence": "Underlag"}, "status", "Välj ett giltigt alternativ."),
        ({"status": "met", "evidence": "Underlag", "requests_received": "-3"}, "requests_received", None),
    ],
)
def test_bad_input_changes_nothing_and_says_why_in_swedish(client_for, duties, data, field, message):
    url = reverse("duties:assess", args=[duties["elderly"].pk, THIS_YEAR])
    response = client_for("admin_contact").post(url, {"language": "sv", **data})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert message in errors[field][0]
        assert message in response.content.decode()
    assert not DutyAssessment.objects.filter(duty=duties["elderly"], year=THIS_YEAR).exists()


def test_a_duty_that_is_not_a_service_on_request_asks_for_no_figures(client_for, duties):
    url = reverse("duties:assess", args=[duties["culture"].pk, THIS_YEAR])
    client = client_for("coordinator")
    assert "requests_received" not in client.get(url).content.decode()
    client.post(
        url, {"status": "met", "evidence": "Språkcaféer.", "language": "sv", "requests_received": "40"}
    )
    assert DutyAssessment.objects.get(duty=duties["culture"]).requests_received is None


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin_contact", 403),  # SÄF's contact: culture is KOF's duty
        ("representative", 403),
        ("politician", 403),
        ("resident", 404),
        ("anonymous", 302),
        ("coordinator", 200),
    ],
)
def test_only_those_who_answer_for_a_duty_assess_it(client_for, duties, role, status):
    response = client_for(role).get(reverse("duties:assess", args=[duties["culture"].pk, THIS_YEAR]))
    assert response.status_code == status


def test_the_duty_s_own_contact_assesses_it_whatever_their_department(client_for, duties):
    kof_contact = UserFactory(role="admin_contact", department=duties["kof"])
    duties["elderly"].contact = kof_contact
    duties["elderly"].save()
    client = client_for("anonymous")
    client.force_login(kof_contact)
    assert client.get(reverse("duties:assess", args=[duties["elderly"].pk, THIS_YEAR])).status_code == 200
    assert client.get(reverse("duties:assess", args=[duties["culture"].pk, THIS_YEAR])).status_code == 200


def test_a_year_to_come_cannot_be_assessed(client_for, duties):
    url = reverse("duties:assess", args=[duties["elderly"].pk, THIS_YEAR + 1])
    assert client_for("coordinator").get(url).status_code == 404


def test_a_coordinator_adds_a_duty_in_three_languages(client_for, world):
    response = client_for("coordinator").post(
        reverse("duties:create"),
        {
            "title_sv": "Informera om rättigheterna",
            "title_fi": "Tiedottaminen oikeuksista",
            "title_en": "Inform of the rights",
            "description_sv": "Kommunen informerar.",
            "source_sv": "Lag (2009:724) om nationella minoriteter och minoritetsspråk",
            "code": "inform",
            "provision": "3 §",
            "scope": "basic",
            "departments": [world["department"].pk],
            "position": "0",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    duty = Duty.objects.get(code="inform")
    assert duty.title_fi == "Tiedottaminen oikeuksista"
    assert list(duty.departments.all()) == [world["department"]]
    assert duty.history.first().history_user == world["people"]["coordinator"]


def test_counting_those_served_needs_a_service_on_request(client_for, world):
    response = client_for("coordinator").post(
        reverse("duties:create"),
        {
            "title_sv": "Förskola",
            "description_sv": "Förskola på finska.",
            "source_sv": "Skollagen (2010:800)",
            "code": "preschool",
            "scope": "finnish_area",
            "counts_served": "on",
            "position": "0",
        },
    )
    assert response.status_code == 200
    assert "Bara en tjänst på begäran räknar dem som fått den" in response.content.decode()
    assert not Duty.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_recording_the_same_year_at_once_write_one_assessment(monkeypatch):
    """Both read "no assessment yet" and then write: the duty's row lock makes the second read after the first
    commit, so it changes the first's row instead of failing on the unique constraint."""
    duty = DutyFactory()
    people = [UserFactory(), UserFactory()]
    both_checked = threading.Barrier(2, timeout=1)
    save = DutyAssessment.save

    def save_after_both_checked(assessment, *args, **kwargs):
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait()
        return save(assessment, *args, **kwargs)

    monkeypatch.setattr(DutyAssessment, "save", save_after_both_checked)
    errors: list[BaseException] = []

    def record(person, status) -> None:
        try:
            services.save_assessment(
                DutyAssessment(duty=duty, year=THIS_YEAR, status=status, evidence=status), by=person
            )
        except BaseException as error:  # noqa: BLE001 - reported by the test thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=record, args=(person, status))
        for person, status in zip(people, ["met", "partly"], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert DutyAssessment.objects.filter(duty=duty, year=THIS_YEAR).count() == 1
    assert DutyAssessment.history.filter(duty_id=duty.pk).count() == 2


def test_a_politician_downloads_the_year_s_register_as_xlsx_one_row_per_duty(client_for, duties):
    import io

    from openpyxl import load_workbook

    response = client_for("politician").get(
        reverse("duties:register_export", args=["xlsx"]), {"year": THIS_YEAR - 1}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="duties-{THIS_YEAR - 1}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Kod", "Skyldighet") and rows[0][9] == "Underlag"
    by_code = {row[0]: row for row in rows[1:]}
    assert set(by_code) == {"elderly-care", "culture"}
    elderly = by_code["elderly-care"]
    assert elderly[1:3] == ("Äldreomsorg på finska", "18 §")
    assert elderly[7:12] == (THIS_YEAR - 1, "Delvis uppfylld", "Internt underlag om boendena", 9, 7)
    assert by_code["culture"][8] == "Inte bedömd"


def test_consultation_records_are_evidence_for_those_who_read_the_consultation_log(client_for, world, duties):
    from proposals.models import ConsultationForm, ConsultationRecord

    record = ConsultationRecord.objects.create(
        agenda_item=AgendaItemFactory(meeting=world["meetings"]["roma"]),
        consulted="Romska rådet",
        consulted_on=timezone.localdate(),
        form=ConsultationForm.MEETING,
        what_they_said="Kulturveckan ska hållas i maj.",
        how_it_changed="Datumet flyttades.",
        recorded_by=world["people"]["coordinator"],
    )
    culture = duties["culture"]
    url = reverse("duties:assess", args=[culture.pk, THIS_YEAR])
    data = {"status": "met", "evidence": "Kulturvecka.", "language": "sv", "consultations": [record.pk]}
    assert client_for("coordinator").post(url, data).status_code == 302
    assessment = DutyAssessment.objects.get(duty=culture, year=THIS_YEAR)
    assert list(assessment.consultations.all()) == [record]

    assert (
        "Kulturveckan ska hållas i maj."
        in client_for("politician").get(culture.get_absolute_url()).content.decode()
    )
    # The consultation log is not the representatives': the duty's page leaves the record out for them.
    assert (
        "Kulturveckan ska"
        not in client_for("representative").get(culture.get_absolute_url()).content.decode()
    )

    # A KOF contact records the year without seeing the log; the links stay.
    kof_contact = UserFactory(role="admin_contact", department=duties["kof"])
    client = client_for("anonymous")
    client.force_login(kof_contact)
    assert "Kulturveckan ska" not in client.get(url).content.decode()
    assert client.post(url, {**data, "evidence": "Kulturvecka i maj."}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.evidence == "Kulturvecka i maj."
    assert list(assessment.consultations.all()) == [record]


def test_an_attachment_is_evidence_that_readers_of_the_duty_download(client_for, duties, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    elderly = duties["elderly"]
    url = reverse("duties:assess", args=[elderly.pk, THIS_YEAR])
    pdf = SimpleUploadedFile("Kartläggning 2026.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    data = {"status": "partly", "evidence": "Kartläggningen bifogas.", "language": "sv", "file": pdf}
    assert client_for("admin_contact").post(url, data).status_code == 302
    assessment = DutyAssessment.objects.get(duty=elderly, year=THIS_YEAR)
    assert assessment.file_name == "Kartläggning 2026.pdf" and assessment.file_type == "application/pdf"
    assert "Kartläggning 2026.pdf" not in assessment.file.name  # stored under a name nobody can guess

    page = client_for("politician").get(elderly.get_absolute_url()).content.decode()
    download = reverse("duties:assessment_file", args=[assessment.pk])
    assert download in page
    response = client_for("politician").get(download)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")

    # Saving again without a file keeps the attachment.
    again = {"status": "met", "evidence": "Klart.", "language": "sv"}
    assert client_for("admin_contact").post(url, again).status_code == 302
    assessment.refresh_from_db()
    assert assessment.file_name == "Kartläggning 2026.pdf" and assessment.status == "met"


def test_the_summary_shows_the_year_that_has_ended_while_this_year_is_being_assessed(client, duties):
    DutyAssessmentFactory(duty=duties["culture"], year=THIS_YEAR, status=AssessmentStatus.MET)
    page = client.get(reverse("duties:summary")).content.decode()
    assert f"Status för {THIS_YEAR - 1}" in page
    assert "9 begäranden inkom, 7 erbjöds" in page
