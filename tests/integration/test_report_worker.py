"""A real Celery worker on the real Redis makes a report: the PDF is written, read back, and recorded once."""

import io

import pytest
from pypdf import PdfReader

from haninge_portal.celery import app
from reports.models import Report, ReportStatus
from reports.tasks import generate_report
from tests.integration.test_celery_worker import worker  # noqa: F401  (the worker process fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_worker_makes_the_quarterly_report_through_redis(worker):  # noqa: F811
    app.conf.task_always_eager = False
    report = Report.objects.create(
        kind="quarterly", period_start="2026-04-01", period_end="2026-06-30", language="fi"
    )
    assert generate_report.delay(report.pk).get(timeout=120) == report.pk
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == 1
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == report.pages
    assert "Neljännesvuosiraportti" in reader.pages[0].extract_text()
    # Delivered again (a lost acknowledgement): the finished report is not made a second time.
    assert generate_report.delay(report.pk).get(timeout=60) == report.pk
    report.refresh_from_db()
    assert report.attempts == 1
