"""The yearly follow-up as files: a spreadsheet with one row per question, to paste into the county
administrative board's form, and the PDF (tagged PDF/UA-1, rendered as the reports are)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.plumbing.pdf import tagged_pdf
from core.plumbing.spreadsheets import csv_bytes, xlsx_bytes

from .document import figure_lines


def follow_up_table(doc: dict, fmt: str) -> bytes:
    """The follow-up as XLSX or CSV in its language: year, code, question, the portal's figures, the answer."""
    with translation.override(doc["language"]):
        header = [_("Year"), _("Code"), _("Question"), _("Figures from the portal"), _("Answer")]
        rows = [
            [
                doc["year"],
                section["code"],
                section["question"],
                "\n".join(figure_lines(section["figures_kind"], section["figures"])),
                section["answer"],
            ]
            for section in doc["sections"]
        ]
        if fmt == "csv":
            return csv_bytes(header, rows)
        return xlsx_bytes(_("Yearly follow-up %(year)s") % {"year": doc["year"]}, header, rows)


def follow_up_html(doc: dict, *, status_label: str, approved: bool) -> str:
    with translation.override(doc["language"]):
        return render_to_string(
            "annual/pdf/follow_up.html", {"doc": doc, "status_label": status_label, "approved": approved}
        )


def follow_up_pdf(doc: dict, *, status_label: str, approved: bool) -> tuple[bytes, int]:
    """The PDF and its number of pages, made as the reports' are."""
    return tagged_pdf(follow_up_html(doc, status_label=status_label, approved=approved))
