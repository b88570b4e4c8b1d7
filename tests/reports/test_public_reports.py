"""Public versions of the quarterly and yearly reports: a coordinator publishes one from a finished report; it
is collected by the same collectors in public mode (public actions, meetings of public forums, no one's name),
rendered as a real PDF, listed and downloaded by anyone, and withdrawn again.
"""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from core.models import MeetingStatus, MinutesStatus, User
from followup.models import ActionStatus, ProgressUpdate
from proposals.models import ConsultationForm, ConsultationRecord
from reports import content, services, tasks
from reports.models import Report, ReportKind, ReportStatus, previous_quarter
from tests.factories import ActionFactory, AgendaItemFactory, CycleFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PUBLIC_ACTION = "Finskspråkig förskola i Handen"
SECRET_ACTION = "Intern översyn av tolkbudgeten"
PUBLIC_MEETING = "Samråd om kulturplanen"
INTERNAL_MEETING = "Dialogmöte om personalfrågor"


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(17)))


@pytest.fixture
def quarter(world):
    """The quarter that ended: a public and a non-public action (both overdue, both updated by a named
    person, with a responsible person), a held meeting of the public consultation group with published
    minutes, a held meeting of the Sweden Finns' dialogue group (not public), and a consultation that names
    a representative."""
    start, end = previous_quarter(timezone.localdate())
    cycle = CycleFactory(year=end.year)
    people = world["people"]
    for title, public in ((PUBLIC_ACTION, True), (SECRET_ACTION, False)):
        action = ActionFactory(
            title=title,
            title_sv=title,
            cycle=cycle,
            is_public=public,
            status=ActionStatus.DELAYED,
            due_on=end - dt.timedelta(days=1),
            responsible=people["admin_contact"],
        )
        ProgressUpdate.objects.create(
            action=action,
            author=people["admin_contact"],
            written_on=start + dt.timedelta(days=5),
            text=f"Lägesrapport för {title}.",
            status=ActionStatus.DELAYED,
            progress=40,
        )
    MeetingFactory(
        forum=world["forums"]["consultation"],
        title=PUBLIC_MEETING,
        starts_at=_at(start + dt.timedelta(days=12)),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    internal = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title=INTERNAL_MEETING,
        starts_at=_at(start + dt.timedelta(days=20)),
        status=MeetingStatus.HELD,
    )
    ConsultationRecord.objects.create(
        agenda_item=AgendaItemFactory(meeting=internal, title="Tolkning vid möten"),
        consulted=people["representative"].full_name,
        consulted_on=start + dt.timedelta(days=20),
        form=ConsultationForm.MEETING,
        what_they_said="Tolk behövs.",
        recorded_by=people["coordinator"],
    )
    return {"start": start, "end": end}


def _made(quarter, kind=ReportKind.QUARTERLY, language="sv", **fields) -> Report:
    start = quarter["start"] if kind == ReportKind.QUARTERLY else dt.date(quarter["end"].year, 1, 1)
    report = Report.objects.create(
        kind=kind, period_start=start, period_end=quarter["end"], language=language, **fields
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    return report


def _text(handle) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def _names() -> list[str]:
    return [name for name in User.objects.values_list("full_name", flat=True) if name]


def test_the_public_snapshot_and_pdf_name_no_one_and_nothing_internal_while_the_internal_ones_do(quarter):
    report = _made(quarter)
    internal_json = json.dumps(report.snapshot, ensure_ascii=False)
    with report.file.open("rb") as handle:
        internal_pdf = _text(handle)
    for internal in (internal_json, internal_pdf):
        assert SECRET_ACTION in internal and INTERNAL_MEETING in internal
        assert "Aino Representant" in internal  # who was consulted, in the consultation log

    services.publish(report, User.objects.get(email="samordnare@example.org"))
    report.refresh_from_db()
    public_json = json.dumps(report.public_snapshot, ensure_ascii=False)
    with report.public_file.open("rb") as handle:
        public_pdf = _text(handle)
    for public in (public_json, public_pdf):
        assert PUBLIC_ACTION in public and PUBLIC_MEETING in public
        assert SECRET_ACTION not in public and INTERNAL_MEETING not in public
        for name in _names():
            assert name not in public, name
    snapshot = report.public_snapshot
    assert snapshot["public"] is True and snapshot["meetings"]["total"] == 1
    assert snapshot["meetings"]["list"][0]["minutes_published"] is True
    assert snapshot["actions"]["total"] == 1 and snapshot["overdue_actions_total"] == 1
    assert snapshot["changes_total"] == 1 and "overdue_commitments" not in snapshot
    assert snapshot["consultations"] == [] and snapshot["consultations_total"] == 1
    with translation.override("sv"):
        note = gettext(
            "Public version. It shows only the actions marked public and the meetings of the forums open to "
            "the public, and names no one."
        )
    assert note.split(".")[0] in public_pdf and "Samrådslogg" not in public_pdf
    # The internal report is unchanged.
    assert report.snapshot["actions"]["total"] == 2


def test_the_yearly_public_version_leaves_out_the_state_grant(quarter):
    data = content.collect(
        ReportKind.YEARLY, dt.date(quarter["end"].year, 1, 1), quarter["end"], "sv", public=True
    )
    assert data["yearly"]["grant"] is None and data["yearly"]["children_proposals"] == []
    assert len(data["left_out"]) == 4


def test_a_published_report_is_listed_and_downloaded_by_a_visitor_and_withdrawn(
    quarter, client_for, django_capture_on_commit_callbacks
):
    report = _made(quarter)
    coordinator = client_for("coordinator")
    response = coordinator.post(reverse("reports:publish", args=[report.pk]))
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert report.is_published and report.public_pages > 0 and report.public_size > 1000
    assert report.published_by.email == "samordnare@example.org"
    page = coordinator.get(report.get_absolute_url()).content.decode()
    assert 'id="public-link"' in page and 'id="withdraw"' in page

    visitor = client_for("anonymous")
    listing = visitor.get(reverse("reports:public_list")).content.decode()
    assert report.get_public_url() in listing and "Kvartalsrapport" in listing
    assert "Elin Samordnare" not in listing  # who published it is never shown publicly
    menu = visitor.get("/sv/").content.decode()
    assert f'href="{reverse("reports:public_list")}"' in menu
    download = visitor.get(report.get_public_url())
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert len(reader.pages) == report.public_pages > 0
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert quarter["start"].isoformat() in text and quarter["end"].isoformat() in text
    assert SECRET_ACTION not in text and PUBLIC_ACTION in text
    for name in _names():
        assert name not in text, name
    # The internal report stays the readers'.
    assert visitor.get(reverse("reports:download", args=[report.pk])).status_code == 302
    assert client_for("resident").get(reverse("reports:download", args=[report.pk])).status_code == 403

    # Publishing again changes nothing.
    before = (report.published_at, report.public_file.name)
    coordinator.post(reverse("reports:publish", args=[report.pk]))
    report.refresh_from_db()
    assert (report.published_at, report.public_file.name) == before

    path = Path(report.public_file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse("reports:withdraw", args=[report.pk]))
    assert response.status_code == 302 and not path.exists()
    report.refresh_from_db()
    assert not report.is_published and report.public_file.name == "" and report.public_snapshot == {}
    for role in ("anonymous", "coordinator"):
        assert client_for(role).get(reverse("reports:public_download", args=[report.pk])).status_code == 404
    assert report.get_public_url() not in visitor.get(reverse("reports:public_list")).content.decode()
    assert report.file  # the internal report is kept


def test_the_public_address_serves_no_unpublished_report_even_to_a_coordinator(quarter, client_for):
    report = _made(quarter)
    for role in ("anonymous", "coordinator", "administrator"):
        assert client_for(role).get(report.get_public_url()).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("resident", 403),
        ("representative", 403),
        ("admin_contact", 403),
        ("politician", 403),
    ],
)
def test_only_coordinators_and_administrators_publish_and_withdraw(quarter, client_for, role, status):
    report = _made(quarter)
    client = client_for(role)
    assert client.post(reverse("reports:publish", args=[report.pk])).status_code == status
    report.refresh_from_db()
    assert not report.is_published
    services.publish(report, User.objects.get(email="samordnare@example.org"))
    assert client.post(reverse("reports:withdraw", args=[report.pk])).status_code == status
    report.refresh_from_db()
    assert report.is_published


def test_an_administrator_publishes_too(quarter, client_for):
    report = _made(quarter, language="fi")
    client_for("administrator").post(reverse("reports:publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.is_published and report.public_snapshot["language"] == "fi"


@pytest.mark.parametrize("status", [ReportStatus.QUEUED, ReportStatus.FAILED, ReportStatus.RUNNING])
def test_a_report_that_is_not_finished_is_not_published(quarter, client_for, status):
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=quarter["start"],
        period_end=quarter["end"],
        language="sv",
        status=status,
    )
    response = client_for("coordinator").post(reverse("reports:publish", args=[report.pk]))
    assert response.status_code == 302
    assert [m.level for m in get_messages(response.wsgi_request)] == [message_levels.ERROR]
    report.refresh_from_db()
    assert report.published_at is None and not report.public_file and report.public_snapshot == {}


def test_a_report_for_a_chosen_period_has_no_public_version(quarter):
    report = _made(quarter, kind=ReportKind.CUSTOM)
    with pytest.raises(services.NotPublishable):
        services.publish(report, User.objects.get(email="samordnare@example.org"))
    report.refresh_from_db()
    assert report.published_at is None


def _published(n: int, world) -> None:
    for i in range(n):
        report = Report.objects.create(
            kind=ReportKind.QUARTERLY,
            period_start=dt.date(2020 + i, 1, 1),
            period_end=dt.date(2020 + i, 3, 31),
            language="sv",
            status=ReportStatus.DONE,
            published_at=timezone.now(),
            published_by=world["people"]["coordinator"],
            public_pages=3,
            public_size=20_000,
        )
        report.public_file.save(f"public-{i}.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))


@pytest.mark.parametrize("size", [1, 5])
def test_the_public_list_costs_the_same_queries_at_any_size(world, client, size, django_assert_num_queries):
    _published(size, world)
    Report.objects.create(  # not published: not listed
        kind=ReportKind.QUARTERLY,
        period_start="2019-01-01",
        period_end="2019-03-31",
        language="sv",
        status=ReportStatus.DONE,
    )
    with django_assert_num_queries(2):
        response = client.get(reverse("reports:public_list"))
    assert response.content.decode().count('id="public-report-') == size


def test_the_demo_publishes_the_swedish_quarterly_reports_public_version_once(world):
    from demo.reports import build_demo_reports

    today = timezone.localdate()
    build_demo_reports(today)
    published = list(Report.objects.published())
    assert [(r.kind, r.language) for r in published] == [(ReportKind.QUARTERLY, "sv")]
    build_demo_reports(today)
    assert list(Report.objects.published().values_list("pk", "published_at")) == [
        (published[0].pk, published[0].published_at)
    ]
