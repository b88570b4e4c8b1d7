"""Reports: real PDFs rendered by WeasyPrint as PDF/UA-1 and read back with pypdf; the schedule makes one
report per quarter and language however often it runs; a failure leaves no partial file and is shown;
the snapshot keeps what was true when the report was made.
"""

import contextlib
import datetime as dt
import io
import threading
from pathlib import Path

import pytest
from celery.exceptions import Retry
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.models import MeetingStatus, OutgoingMail
from followup.models import ActionStatus
from reports import content, tasks
from reports.models import Report, ReportKind, ReportStatus, previous_quarter, quarter_of
from reports.tasks import make_quarterly_reports
from tests.factories import ActionFactory, CycleFactory, DepartmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def period_data(world):
    """A held meeting and actions in the quarter that ended."""
    start, end = previous_quarter(timezone.localdate())
    CycleFactory(year=end.year)
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Dialogmöte om äldreomsorg på finska",
        starts_at=timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=10), dt.time(17))),
        status=MeetingStatus.HELD,
    )
    action = ActionFactory(
        title_sv="Finskspråkig avdelning på Åbyhemmet",
        title_fi="Suomenkielinen osasto Åbyhemmetissä",
        status=ActionStatus.DELAYED,
        due_on=end - dt.timedelta(days=1),
    )
    action.cycle = CycleFactory(year=end.year)
    action.save()
    return {"start": start, "end": end, "meeting": meeting, "action": action}


def pdf_of(report: Report) -> PdfReader:
    with report.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def outline_titles(outline) -> list[str]:
    """The bookmarks, depth first (pypdf nests a heading's children in a list after it)."""
    titles = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_quarterly_report_is_a_tagged_pdf_in_swedish_with_the_periods_figures(period_data, world):
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=period_data["start"],
        period_end=period_data["end"],
        language="sv",
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.pages >= 2 and report.size > 1000
    reader = pdf_of(report)
    assert len(reader.pages) == report.pages
    text = text_of(reader)
    assert "Kvartalsrapport" in text and "Hållna möten" in text and "Samrådslogg" in text
    assert "Dialogmöte om äldreomsorg på finska" in text
    assert "Finskspråkig avdelning på Åbyhemmet" in text  # overdue at the end of the quarter
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "sv"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert "Kvartalsrapport" in reader.metadata.title
    titles = outline_titles(reader.outline)
    assert titles[:2] == ["Kvartalsrapport", "Sammanfattning"] and "Hållna möten" in titles
    # The data it was made from is stored beside it.
    assert report.snapshot["meetings"]["total"] == 1
    assert report.snapshot["overdue_actions"][0]["title"] == "Finskspråkig avdelning på Åbyhemmet"


def test_the_finnish_report_speaks_finnish_and_keeps_its_snapshot_after_the_data_changes(period_data, world):
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=period_data["start"],
        period_end=period_data["end"],
        language="fi",
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    text = text_of(pdf_of(report))
    assert "Pidetyt kokoukset" in text and "Suomenkielinen osasto Åbyhemmetissä" in text
    assert pdf_of(report).trailer["/Root"]["/Lang"] == "fi"
    action = period_data["action"]
    action.title_fi = "Muutettu otsikko"
    action.save()
    report.refresh_from_db()
    assert report.snapshot["overdue_actions"][0]["title"] == "Suomenkielinen osasto Åbyhemmetissä"


def test_the_yearly_report_adds_the_county_boards_follow_up(period_data, world):
    end = period_data["end"]
    report = Report.objects.create(
        kind=ReportKind.YEARLY, period_start=dt.date(end.year, 1, 1), period_end=end, language="sv"
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    text = text_of(pdf_of(report))
    assert "Årsrapport" in text and "länsstyrelsens årliga uppföljning" in text


def test_the_schedule_makes_one_report_per_quarter_and_language_and_tells_the_readers_once(
    period_data, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert make_quarterly_reports() == 2
    assert make_quarterly_reports() == 0  # a second run (or a retry) makes nothing new
    reports = Report.objects.filter(scheduled=True)
    assert sorted(reports.values_list("language", flat=True)) == ["fi", "sv"]
    assert all(r.status == ReportStatus.DONE and r.period_end == period_data["end"] for r in reports)
    messages = list(OutgoingMail.objects.all())
    recipients = sorted(address for message in messages for address in message.to)
    assert recipients == sorted([world["people"]["politician"].email, world["people"]["coordinator"].email])
    body = messages[0].body
    assert "/reports/" in body and ".pdf" not in body  # a link, never the file


def test_the_beat_schedule_runs_the_quarterly_reports_at_the_start_of_each_quarter():
    entry = settings.CELERY_BEAT_SCHEDULE["quarterly-reports"]
    assert entry["task"] == "reports.quarterly"
    schedule = entry["schedule"]
    assert schedule.month_of_year == {1, 4, 7, 10} and schedule.day_of_month == {1}


def test_a_failed_render_leaves_no_partial_file_is_retried_with_a_bound_and_shown(
    period_data, world, client_for, monkeypatch
):
    def broken(report, snapshot, target):
        Path(target).write_bytes(b"%PDF-1.7 half")
        raise RuntimeError("font missing")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=period_data["start"],
        period_end=period_data["end"],
        language="sv",
    )
    # Each attempt is retried until the bound; the last one marks the report failed.
    for _attempt in range(tasks.MAX_ATTEMPTS):
        with contextlib.suppress(Retry):
            tasks.generate_report.apply(args=[report.pk])
        report.refresh_from_db()
        if report.status == ReportStatus.FAILED:
            break
    assert report.status == ReportStatus.FAILED and report.attempts == tasks.MAX_ATTEMPTS
    assert "font missing" in report.error
    reports_dir = Path(settings.MEDIA_ROOT) / "reports"
    leftovers = list(reports_dir.rglob("*.part")) + list(reports_dir.rglob("*.pdf"))
    assert leftovers == []
    page = client_for("coordinator").get(report.get_absolute_url()).content.decode()
    assert "font missing" in page and 'id="report-error"' in page


def test_a_coordinator_orders_a_report_and_bad_periods_are_refused(
    period_data, world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    refused = client.post(
        reverse("reports:order"),
        {"kind": "custom", "period_start": "2026-05-01", "period_end": "2026-04-01", "language": "sv"},
    )
    assert "Perioden slutar innan den börjar." in refused.content.decode()
    assert not Report.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:order"),
            {"kind": "quarterly", "day": period_data["start"].isoformat(), "language": "fi"},
        )
    report = Report.objects.get()
    assert response["Location"] == report.get_absolute_url()
    assert (report.period_start, report.period_end) == quarter_of(period_data["start"])
    assert report.requested_by == world["people"]["coordinator"] and report.status == ReportStatus.DONE
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'id="download"' in page
    download = client_for("politician").get(reverse("reports:download", kwargs={"pk": report.pk}))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    archive = client_for("politician").get(reverse("reports:archive")).content.decode()
    assert f'id="report-{report.pk}"' in archive


@pytest.mark.parametrize("size", [1, 40])
def test_the_archive_costs_the_same_queries_for_few_and_many_reports(
    size, world, client_for, django_assert_num_queries
):
    start, end = previous_quarter(timezone.localdate())
    Report.objects.bulk_create(
        Report(
            kind=ReportKind.QUARTERLY,
            period_start=start,
            period_end=end,
            language="sv",
            status=ReportStatus.DONE,
            requested_by=world["people"]["coordinator"],
        )
        for _ in range(size)
    )
    client = client_for("politician")
    client.get(reverse("reports:archive"))
    # The session with the person, the count for the pages, the reports with who ordered them; "may order" refused costs
    # no query of Django's permission tables (core/auth_backends.py).
    with django_assert_num_queries(3):
        page = client.get(reverse("reports:archive")).content.decode()
    assert page.count('id="report-') == size


def test_long_lists_name_the_most_pressing_and_point_to_the_rest(period_data, world):
    """Ten years of data must not make a report of a hundred pages: each list stops at LIST_LIMIT."""
    from reports.content import LIST_LIMIT

    end = period_data["end"]
    for days in range(1, LIST_LIMIT + 6):
        ActionFactory(
            title_sv=f"Försenad insats {days}",
            status=ActionStatus.ONGOING,
            due_on=end - dt.timedelta(days=days),
        )
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY, period_start=period_data["start"], period_end=end, language="sv"
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    total = LIST_LIMIT + 6  # and the fixture's own overdue action
    assert report.snapshot["overdue_actions_total"] == total
    assert len(report.snapshot["overdue_actions"]) == LIST_LIMIT
    text = text_of(pdf_of(report))
    assert f"Här visas {LIST_LIMIT} av {total}. Hela listan finns i portalen:" in text
    assert "Försenad insats 30" in text  # the longest overdue are the ones shown
    assert "overdue=on" in text


def test_a_chosen_period_across_two_cycles_shows_the_actions_of_both(world):
    """October 2025 to March 2026 touches the 2025 and the 2026 cycle: the actions of both are counted and listed."""
    earlier = ActionFactory(
        cycle=CycleFactory(year=2025),
        title="Insats i 2025 års hjul",
        department=DepartmentFactory(name="Kulturförvaltningen"),
        due_on=dt.date(2026, 2, 1),
    )
    later = ActionFactory(
        cycle=CycleFactory(year=2026),
        title="Insats i 2026 års hjul",
        department=DepartmentFactory(name="Utbildningsförvaltningen"),
        due_on=dt.date(2026, 3, 1),
    )
    start, end = dt.date(2025, 10, 1), dt.date(2026, 3, 31)
    snapshot = content.collect(ReportKind.CUSTOM, start, end, "sv")
    assert snapshot["actions"]["total"] == 2 and snapshot["actions"]["overdue"] == 2
    departments = [row["label"] for row in snapshot["actions"]["by_department"]]
    assert departments == ["Kulturförvaltningen", "Utbildningsförvaltningen"]
    assert [a["title"] for a in snapshot["overdue_actions"]] == [earlier.title, later.title]
    assert snapshot["cycle"]["year"] == 2026  # the cover names the cycle at the end of the period

    report = Report.objects.create(kind=ReportKind.CUSTOM, period_start=start, period_end=end, language="sv")
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    text = text_of(pdf_of(report))
    for shown in (earlier.title, later.title, "Kulturförvaltningen", "Utbildningsförvaltningen"):
        assert shown in text


def _fake_pdf(report, snapshot, target) -> int:
    Path(target).write_bytes(b"%PDF-1.7\n%%EOF\n")
    return 1


def _quarterly_report() -> Report:
    start, end = previous_quarter(timezone.localdate())
    return Report.objects.create(kind=ReportKind.QUARTERLY, period_start=start, period_end=end, language="sv")


@pytest.mark.django_db(transaction=True)
def test_two_workers_given_the_same_report_at_once_render_it_once(monkeypatch):
    renders = []
    rendering, release = threading.Event(), threading.Event()

    def slow_render(report, snapshot, target) -> int:
        renders.append(report.attempts)
        rendering.set()
        assert release.wait(30)
        return _fake_pdf(report, snapshot, target)

    monkeypatch.setattr(tasks, "render_pdf", slow_render)
    report = _quarterly_report()

    def worker() -> None:
        try:
            tasks.generate_report(report.pk)
        finally:
            connection.close()

    first = threading.Thread(target=worker)
    first.start()
    assert rendering.wait(30)
    held = Report.objects.get(pk=report.pk)
    assert held.status == ReportStatus.RUNNING and held.is_held()
    assert held.lease_until == held.started_at + dt.timedelta(seconds=settings.REPORT_LEASE_SECONDS)
    # The second delivery of the task, while the first worker renders: it leaves the report alone.
    second = threading.Thread(target=worker)
    second.start()
    second.join(30)
    assert not second.is_alive()
    release.set()
    first.join(30)
    report.refresh_from_db()
    assert renders == [1]
    assert report.status == ReportStatus.DONE and report.attempts == 1 and report.lease_until is None


def test_a_report_whose_lease_is_alive_is_not_rendered_by_a_second_call(monkeypatch):
    monkeypatch.setattr(tasks, "render_pdf", _fake_pdf)
    report = _quarterly_report()
    claimed = tasks._claim(report.pk)
    assert tasks.generate_report(report.pk) == report.pk
    assert tasks.generate_report.apply(args=[report.pk]).get() == report.pk
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING and report.attempts == claimed.attempts == 1
    assert not report.file


def test_a_report_whose_worker_died_is_taken_over_once_the_lease_has_run_out(monkeypatch):
    monkeypatch.setattr(tasks, "render_pdf", _fake_pdf)
    report = _quarterly_report()
    dead = tasks._claim(report.pk)  # the worker that claimed it was killed
    Report.objects.filter(pk=report.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == 2 and report.lease_until is None
    finished_at = report.finished_at

    # Had the first worker only been slow, its late result is not recorded over the one that took over.
    assert tasks.make(dead) is None
    report.refresh_from_db()
    assert report.attempts == 2 and report.finished_at == finished_at


def test_the_yearly_report_counts_each_goals_revisions_in_the_year_and_its_actions_in_the_order_of_numbers(
    world,
):
    """The goals are read once for the two sections that show them (the actions by goal, the list of goals
    with their revisions, lag 2009:724 §5b); each keeps its own order and counts only the year's revisions."""
    from followup.models import Goal, GoalKind
    from tests.followup.factories import GoalFactory

    year = timezone.localdate().year - 1
    cycle = CycleFactory(year=year)
    later = GoalFactory(code="2", title="Mål två", title_sv="Mål två", kind=GoalKind.PROGRAMME)
    first = GoalFactory(code="1", title="Mål ett", title_sv="Mål ett", kind=GoalKind.PROGRAMME)
    guideline = GoalFactory(code="9", title="Riktlinje", title_sv="Riktlinje", kind=GoalKind.GUIDELINE)
    ActionFactory(cycle=cycle).goals.add(later)
    revised_on = [dt.date(year, 3, 2), dt.date(year, 9, 14), dt.date(year + 1, 1, 5)]
    for day in revised_on:
        later.description = f"Reviderat {day}"
        later.save()
        latest = Goal.history.filter(id=later.pk).latest("history_id")
        Goal.history.filter(history_id=latest.history_id).update(
            history_date=timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        )

    data = content.collect(ReportKind.YEARLY, dt.date(year, 1, 1), dt.date(year, 12, 31), "sv")

    goal_list = {g["title"]: g for g in data["yearly"]["goal_list"]}
    # Two revisions in the year; the one in January of the next year is not counted.
    assert goal_list[str(later)]["revisions"] == 2
    assert goal_list[str(later)]["last_revised"] == revised_on[1].isoformat()
    assert goal_list[str(first)]["revisions"] == 0 and goal_list[str(first)]["last_revised"] == ""
    # The list goes by kind (the guidelines under §5b first), then number; the actions by goal by number alone.
    mine = {str(first), str(later), str(guideline)}
    assert [g["title"] for g in data["yearly"]["goal_list"] if g["title"] in mine] == [
        str(guideline),
        str(first),
        str(later),
    ]
    by_goal = [(g["label"], g["total"]) for g in data["actions"]["by_goal"] if g["label"] in mine]
    assert by_goal == [(str(first), 0), (str(later), 1), (str(guideline), 0)]
