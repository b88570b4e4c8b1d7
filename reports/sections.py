"""What the reports add to a proposal's story: each report its actions appeared in (registered with
core.plumbing.sections from ReportsConfig.ready()).

A report shows an action when the report's period holds one of the action's progress updates (the report's
"what changed"); the public version only shows the public actions. One query whatever their number.
"""

import rules
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language, gettext

from core.plumbing.sections import TimelineEvent, register_timeline

from .models import Report, ReportStatus


def proposal_timeline_events(
    request: HttpRequest, proposal, earlier: list[TimelineEvent]
) -> list[TimelineEvent]:
    user = request.user
    # The rule set alone: a refusal must not fall through to the model backend (two queries).
    internal = rules.has_perm("reports.view_reports", user)
    dates = [e.data["on"] for e in earlier if e.kind == "progress" and (internal or e.data.get("public"))]
    if not dates:
        return []
    reports = Report.objects.filter(
        status=ReportStatus.DONE, period_start__lte=max(dates), period_end__gte=min(dates)
    ).defer("snapshot", "public_snapshot")
    if not internal:
        reports = Report.objects.published().filter(period_start__lte=max(dates), period_end__gte=min(dates))
    language = (get_language() or "sv").split("-")[0]
    chosen: dict[tuple, Report] = {}
    # One report per kind and period: in the page's language where one was made in it.
    for report in reports.order_by("period_start", "pk"):
        if not any(report.period_start <= day <= report.period_end for day in dates):
            continue
        key = (report.kind, report.period_start, report.period_end)
        if key not in chosen or (report.language == language and chosen[key].language != language):
            chosen[key] = report
    events = []
    for report in chosen.values():
        url = (
            report.get_absolute_url()
            if internal
            else reverse("reports:public_download", kwargs={"pk": report.pk})
        )
        events.append(
            TimelineEvent(
                at=(report.published_at if not internal else None) or report.finished_at or report.created_at,
                kind="report",
                title=gettext("In the report"),
                subject=f"{report.get_kind_display()} {report.period_start:%Y-%m-%d}–{report.period_end:%Y-%m-%d}",
                url=url,
            )
        )
    return events


def register() -> None:
    register_timeline("proposal", proposal_timeline_events, order=40)
