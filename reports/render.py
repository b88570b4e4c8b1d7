"""The PDF: the snapshot rendered to HTML in the report's language, then by WeasyPrint as tagged PDF/UA-1.

WeasyPrint makes bookmarks from the headings, takes the document language from `<html lang>` and the
title from `<title>`. The fonts (Noto Sans, DejaVu Sans as fallback) carry the Swedish, Finnish, Sami
and Romani letters.
"""

from django.template.loader import render_to_string
from django.utils import translation

from core.plumbing.pdf import mark_structure_languages, tagged_pdf
from followup import charts

__all__ = ["mark_structure_languages", "render_pdf", "report_html", "status_chart_of", "tagged_pdf"]


def status_chart_of(groups: list[dict]) -> dict:
    """The status chart of the snapshot's rows by goal, department or minority (rows with actions only)."""
    return charts.status_chart([(g["label"], g["by_status"]) for g in groups if g["total"]])


def report_html(report, snapshot: dict) -> str:
    with translation.override(report.language):
        actions = snapshot.get("actions") or {}
        context = {
            "report": report,
            "data": snapshot,
            "goal_chart": status_chart_of(actions.get("by_goal", [])),
            "minority_chart": status_chart_of(actions.get("by_minority", [])),
            "department_chart": status_chart_of(actions.get("by_department", [])),
            "indicator_chart": charts.achievement_chart(
                [(i["name"], i["achievement"]) for i in snapshot.get("indicators", [])]
            ),
            "meeting_chart": charts.bar_chart(
                [
                    (t["label"], t["count"], str(t["count"]))
                    for t in snapshot.get("meetings", {}).get("by_tier", [])
                ]
            ),
        }
        return render_to_string("reports/pdf/report.html", context)


def render_pdf(report, snapshot: dict, target) -> int:
    """Write the PDF to `target` (a path or a binary file); return its number of pages."""
    pdf, pages = tagged_pdf(report_html(report, snapshot))
    if hasattr(target, "write"):
        target.write(pdf)
    else:
        with open(target, "wb") as handle:
            handle.write(pdf)
    return pages
