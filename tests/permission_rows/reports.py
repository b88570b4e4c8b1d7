"""Rows for reports: politicians, coordinators and administrators read the archive; coordinators and
administrators order reports and publish (or withdraw) their public versions, POST only; everyone else is
refused (403), visitors are sent to sign in. Everyone reads the public archive and its PDFs."""

from tests.permission_rows import everyone, signed_in_statuses

_statuses = signed_in_statuses


def _report(world) -> dict:
    from django.core.files.base import ContentFile

    from reports.models import Report, ReportStatus

    report = Report.objects.create(
        kind="quarterly",
        period_start="2026-01-01",
        period_end="2026-03-31",
        language="sv",
        status=ReportStatus.DONE,
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return {"pk": report.pk}


def _published_report(world) -> dict:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from reports.models import Report, ReportStatus

    report = Report.objects.create(
        kind="quarterly",
        period_start="2026-01-01",
        period_end="2026-03-31",
        language="sv",
        status=ReportStatus.DONE,
        published_at=timezone.now(),
        published_by=world["people"]["coordinator"],
    )
    report.file.save("report.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    report.public_file.save("public-report.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return {"pk": report.pk}


READERS = _statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=200,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "reports:archive": ({}, READERS),
    "reports:detail": (_report, READERS),
    "reports:download": (_report, READERS),
    "reports:publish": (_report, everyone(405)),
    "reports:withdraw": (_published_report, everyone(405)),
    "reports:public_list": ({}, everyone(200)),
    "reports:public_download": (_published_report, everyone(200)),
    "reports:order": (
        {},
        _statuses(
            resident=403,
            representative=403,
            other_representative=403,
            admin_contact=403,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
}
