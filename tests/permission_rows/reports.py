"""Rows for reports: politicians, coordinators and administrators read the archive; coordinators and
administrators order reports; everyone else is refused (403), visitors are sent to sign in."""

from tests.permission_rows import signed_in_statuses

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
