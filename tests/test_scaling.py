"""What lets the portal grow past one machine, proven here: reads go to a replica only when the person has
not just written (so nobody sees an old figure after a change), and reports are stored through any file
storage, object storage included (no local path)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.http import HttpResponse
from django.test import RequestFactory
from pypdf import PdfReader

from haninge_portal.db_router import PIN_COOKIE, PrimaryReplicaRouter, ReplicaReadsMiddleware
from reports import tasks
from reports.models import Report, ReportKind, ReportStatus


class ObjectStorage(Storage):
    """Like S3: files are kept elsewhere as whole objects, and there is no local path to write to."""

    objects: dict[str, bytes] = {}

    def _save(self, name, content):
        self.objects[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.objects[name], name=name)

    def exists(self, name):
        return name in self.objects

    def size(self, name):
        return len(self.objects[name])

    def delete(self, name):
        self.objects.pop(name, None)


def _read_db_during(request) -> tuple[str, HttpResponse]:
    seen = {}

    def view(request):
        seen["db"] = PrimaryReplicaRouter().db_for_read(Report)
        return HttpResponse("ok")

    response = ReplicaReadsMiddleware(view)(request)
    return seen["db"], response


def test_a_plain_page_view_reads_from_the_replica():
    db, response = _read_db_during(RequestFactory().get("/sv/followup/"))
    assert db == "replica" and PIN_COOKIE not in response.cookies


def test_a_write_reads_from_the_primary_and_pins_the_browser_to_it_for_a_moment(settings):
    settings.REPLICA_PIN_SECONDS = 15
    db, response = _read_db_during(RequestFactory().post("/sv/followup/actions/1/update/"))
    assert db == "default"
    assert response.cookies[PIN_COOKIE]["max-age"] == 15 and response.cookies[PIN_COOKIE]["httponly"]
    # The next page that browser opens shows what it just wrote: it reads from the primary.
    follow = RequestFactory().get("/sv/followup/actions/1/")
    follow.COOKIES[PIN_COOKIE] = "1"
    assert _read_db_during(follow)[0] == "default"


def test_work_outside_a_request_reads_from_the_primary_and_every_write_goes_there():
    router = PrimaryReplicaRouter()
    assert router.db_for_read(Report) == "default"
    assert router.db_for_write(Report) == "default"
    assert router.allow_migrate("replica", "reports") is False


@pytest.mark.django_db
def test_a_report_is_stored_through_a_storage_without_local_paths(settings, world):
    """Object storage (FILE_STORAGE=s3) has no path(): the PDF is rendered locally and uploaded whole."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_scaling.ObjectStorage"},
    }
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY, period_start="2026-01-01", period_end="2026-03-31", language="sv"
    )
    tasks.generate_report(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == report.pages and "Kvartalsrapport" in reader.pages[0].extract_text()
    assert report.size == report.file.size == len(ObjectStorage.objects[report.file.name])
