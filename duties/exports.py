"""The register for a year as a spreadsheet, one row per duty: what the county board's follow-up asks for,
ready to copy into its form."""

from django.utils.translation import gettext as _

from core.plumbing.spreadsheets import csv_bytes, xlsx_bytes

from .figures import Register


def _header() -> list[str]:
    return [
        _("Code"),
        _("Duty"),
        _("Section"),
        _("Source"),
        _("Applies"),
        _("Responsible departments"),
        _("Contact"),
        _("Year"),
        _("Status"),
        _("Evidence"),
        _("Requests received"),
        _("Requests offered"),
        _("Served in Finnish"),
        _("Recorded by"),
    ]


def _rows(register: Register) -> list[list]:
    rows = []
    for row in register.rows:
        duty, assessment = row.duty, row.assessment
        rows.append(
            [
                duty.code,
                duty.title,
                duty.provision,
                duty.source,
                duty.get_scope_display(),
                "; ".join(d.name for d in duty.departments.all()),
                duty.contact.full_name if duty.contact else "",
                register.year,
                row.status_label,
                assessment.evidence if assessment else "",
                assessment.requests_received if assessment else None,
                assessment.requests_offered if assessment else None,
                assessment.served if assessment else None,
                assessment.recorded_by.full_name if assessment and assessment.recorded_by else "",
            ]
        )
    return rows


def register_xlsx(register: Register) -> bytes:
    return xlsx_bytes(_("Duties %(year)s") % {"year": register.year}, _header(), _rows(register))


def register_csv(register: Register) -> bytes:
    return csv_bytes(_header(), _rows(register))
