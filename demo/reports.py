"""Demo reports in the archive: the last quarter's scheduled reports and the previous year's yearly report.

They are rendered here rather than on a worker, so that `make run` shows a filled archive without one.
A report already made is never made again, so building twice changes nothing. The Swedish quarterly report's
public version is published, so the public archive has one too (publishing twice does nothing).
"""

import datetime as dt

from django.conf import settings

from core.models import User
from reports.models import Report, ReportKind, ReportStatus, previous_quarter
from reports.services import publish
from reports.tasks import make


def build_demo_reports(today: dt.date) -> list[Report]:
    """The reports, or none where WeasyPrint cannot load Pango (`make run` works without it)."""
    try:
        import weasyprint  # noqa: F401 - loads Pango, which a machine without it lacks
    except OSError:
        return []
    start, end = previous_quarter(today)
    wanted = [
        {
            "kind": ReportKind.QUARTERLY,
            "period_start": start,
            "period_end": end,
            "language": language,
            "scheduled": True,
        }
        for language in settings.REPORT_LANGUAGES
    ]
    wanted.append(
        {
            "kind": ReportKind.YEARLY,
            "period_start": dt.date(today.year - 1, 1, 1),
            "period_end": dt.date(today.year - 1, 12, 31),
            "language": settings.LANGUAGE_CODE,
            "scheduled": False,
        }
    )
    coordinator = User.objects.filter(email="samordnare@example.org").first()
    reports = []
    for lookup in wanted:
        defaults = {} if lookup["scheduled"] else {"requested_by": coordinator}
        report, _created = Report.objects.get_or_create(**lookup, defaults=defaults)
        if report.status != ReportStatus.DONE:
            make(report)
        reports.append(report)
    quarterly = reports[0]
    if coordinator is not None and quarterly.may_be_published:
        publish(quarterly, coordinator)
    return reports
