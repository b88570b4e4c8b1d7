"""What a report says, collected once into a JSON-safe snapshot that is stored beside the PDF.

The PDF is rendered from the snapshot alone, so the archive shows what was true when the report was made,
even after the data changes. Labels are resolved in the report's language while collecting.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.models import Meeting, MeetingStatus, Tier
from core.templatetags.content_language import translated_value
from dialogues.models import Commitment
from followup import dashboard
from followup.models import Action, ActionStatus, Cycle, Goal, GoalKind, ProgressUpdate, StateGrant
from followup.services import grant_account
from proposals.models import Proposal
from proposals.participation import ConsultationRecord, consultation_row

from .models import ReportKind

# Long lists stop here: the report names the most pressing and the total, the portal holds the rest.
LIST_LIMIT = 25


def _number(value) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value) if value % 1 else int(value)
    return value


def _groups(rows) -> list[dict]:
    return [
        {
            "label": row.label,
            "total": row.total,
            "by_status": row.by_status,
            "average_progress": row.average_progress,
            "overdue": row.overdue,
            "done_this_quarter": row.done_this_quarter,
        }
        for row in rows
    ]


def collect(kind: str, start: dt.date, end: dt.date, language: str) -> dict:
    """Everything the report shows, for the period and in the language."""
    with translation.override(language):
        return _collect(kind, start, end, language)


def _collect(kind: str, start: dt.date, end: dt.date, language: str) -> dict:
    site = settings.SITE_URL
    cycle = Cycle.objects.current(end)
    data: dict = {
        "kind": kind,
        "kind_label": str(ReportKind(kind).label),
        "language": language,
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "made_at": timezone.now().isoformat(),
        "statuses": [{"value": s.value, "label": str(s.label)} for s in ActionStatus],
        "cycle": None,
    }
    if cycle is not None:
        phase = cycle.phase_on(end)
        data["cycle"] = {
            "title": cycle.title,
            "year": cycle.year,
            "phase": str(phase.get_kind_display()) if phase else "",
            "phase_description": phase.description if phase else "",
        }
        figures = dashboard.action_figures(dashboard.Filters(cycle=cycle), today=end)
        data["actions"] = {
            "total": figures["total"],
            "status_counts": [{"label": str(s.label), "count": n} for s, n in figures["status_counts"]],
            "average_progress": figures["average_progress"],
            "overdue": figures["overdue"],
            "done_this_quarter": figures["done_this_quarter"],
            "by_goal": _groups(figures["by_goal"]),
            "by_department": _groups(figures["by_department"]),
            "by_minority": _groups(figures["by_minority"]),
        }

    # Meetings held in the period, per tier and per minority, with links.
    meetings = list(
        Meeting.objects.filter(
            status=MeetingStatus.HELD, starts_at__date__gte=start, starts_at__date__lte=end
        )
        .select_related("forum__minority")
        .order_by("starts_at")
    )
    per_tier = {t.value: 0 for t in Tier}
    per_minority: dict[str, int] = {}
    everyone = gettext("All minorities (consultation group)")
    for meeting in meetings:
        per_tier[meeting.forum.tier] += 1
        name = meeting.forum.minority.name if meeting.forum.minority else everyone
        per_minority[name] = per_minority.get(name, 0) + 1
    data["meetings"] = {
        "total": len(meetings),
        "by_tier": [{"label": str(Tier(t).label), "count": n} for t, n in per_tier.items()],
        "by_minority": [{"label": k, "count": v} for k, v in sorted(per_minority.items())],
        "list": [
            {
                "date": timezone.localtime(m.starts_at).date().isoformat(),
                "title": m.title,
                "forum": m.forum.name,
                "tier": str(m.forum.get_tier_display()),
                "url": f"{site}{m.get_absolute_url()}",
            }
            for m in meetings
        ],
    }

    # Proposals received in the period, and those still waiting at its end.
    data["proposals"] = dashboard.proposal_figures(
        dashboard.Filters(cycle=cycle, period_start=start, period_end=end)
    )
    waiting = (
        Proposal.objects.waiting()
        .filter(created_at__date__lte=end)
        .select_related("forum")
        .order_by("created_at")
    )
    data["proposals"]["waiting_list"] = [
        {
            "title": p.title,
            "title_language": p.language,
            "forum": p.forum.name,
            "received": timezone.localtime(p.created_at).date().isoformat(),
            "status": str(p.get_status_display()),
        }
        for p in waiting[:LIST_LIMIT]
    ]
    data["proposals"]["waiting_total"] = waiting.count()
    data["proposals"]["waiting_url"] = f"{site}{reverse('proposals:inbox')}"

    # What changed in the period: each action's latest progress update written in it, newest first.
    updates = ProgressUpdate.objects.filter(written_on__gte=start, written_on__lte=end)
    data["changes_updates"] = updates.count()
    latest = (
        updates.order_by("action_id", "-written_on", "-pk").distinct("action_id").values("pk")
        if connection.vendor == "postgresql"
        else updates.values("action_id").annotate(pk=Max("pk")).values("pk")
    )
    changed = updates.filter(pk__in=latest)
    data["changes_total"] = changed.count()
    data["changes"] = [
        {
            "date": u.written_on.isoformat(),
            "action": u.action.title,
            "action_language": translated_value(u.action, "title")[1],
            "department": u.action.department.name,
            "status": str(u.get_status_display()),
            "progress": u.progress,
            "text": u.text[:300],
            "text_language": u.language,
        }
        for u in changed.select_related("action__department").order_by("-written_on", "-pk")[:LIST_LIMIT]
    ]
    data["register_url"] = f"{site}{reverse('followup:register')}"

    # Overdue at the end of the period: the longest overdue first.
    overdue_actions = Action.objects.overdue(end)
    if cycle is not None:
        # The actions the key figure counts (dashboard.action_figures): the cycle's.
        overdue_actions = overdue_actions.filter(cycle=cycle)
    data["overdue_actions_total"] = overdue_actions.count()
    data["overdue_actions"] = [
        {
            "title": a.title,
            "department": a.department.name,
            "due": a.due_on.isoformat(),
            "status": str(a.get_status_display()),
            "progress": a.progress,
        }
        for a in overdue_actions.select_related("department").order_by("due_on", "pk")[:LIST_LIMIT]
    ]
    data["overdue_url"] = (
        f"{site}{reverse('followup:register')}?cycle={cycle.year if cycle else 'all'}&overdue=on"
    )
    overdue_commitments = Commitment.objects.overdue(end)
    data["overdue_commitments_total"] = overdue_commitments.count()
    data["commitments_url"] = f"{site}{reverse('dialogues:commitment_list')}"
    data["overdue_commitments"] = [
        {
            "title": c.title,
            "title_language": c.language,
            "department": c.department.name,
            "forum": c.forum.name,
            "due": c.due_on.isoformat(),
        }
        for c in overdue_commitments.select_related("department", "forum").order_by("due_on", "pk")[
            :LIST_LIMIT
        ]
    ]

    # Indicators against their targets.
    indicators = dashboard.indicator_figures(dashboard.Filters(cycle=cycle))
    data["indicators"] = [
        {
            "name": i.name,
            "unit": i.unit,
            "baseline": _number(i.baseline),
            "latest": _number(i.latest_value),
            "latest_on": i.latest_on.isoformat() if i.latest_on else "",
            "target": _number(i.target),
            "achievement": i.achievement,
        }
        for i in indicators["indicators"]
    ]

    # The consultation log of the period (lag 2009:724 §5).
    records = (
        ConsultationRecord.objects.filter(consulted_on__gte=start, consulted_on__lte=end)
        .select_related(
            "proposal__forum", "proposal__agenda_item__meeting__forum", "agenda_item__meeting__forum"
        )
        .order_by("consulted_on", "pk")
    )
    data["consultations"] = [
        {
            "date": row.record.consulted_on.isoformat(),
            "forum": row.forum_name,
            "subject": row.subject,
            "consulted": row.record.consulted,
            "form": str(row.record.get_form_display()),
            "children_and_youth": row.record.children_and_youth,
            "what_they_said": row.record.what_they_said[:300],
            "how_it_changed": row.record.how_it_changed[:300],
        }
        for row in (consultation_row(record) for record in records)
    ]

    if kind == ReportKind.YEARLY:
        data["yearly"] = {
            "guidelines": [str(g) for g in Goal.objects.filter(kind=GoalKind.GUIDELINE).order_by("code")],
            "goals": [str(g) for g in Goal.objects.filter(kind=GoalKind.PROGRAMME).order_by("code")],
            "consultations_total": len(data["consultations"]),
            "consultations_with_children": sum(1 for c in data["consultations"] if c["children_and_youth"]),
            "proposals_about_children": Proposal.objects.filter(
                affects_children_and_youth=True, created_at__date__gte=start, created_at__date__lte=end
            ).count(),
            "grant": _grant(start.year),
        }
    return data


def _grant(year: int) -> dict | None:
    """How the year's state grant for the Finnish administrative area was used, per category and use."""
    grant = StateGrant.objects.filter(year=year).first()
    if grant is None:
        return None
    account = grant_account(grant)
    return {
        "year": grant.year,
        "amount": int(grant.amount),
        "used": int(account["used"]),
        "remaining": int(account["remaining"]),
        "report_due_on": grant.report_due_on.isoformat() if grant.report_due_on else "",
        "note": grant.note,
        "by_category": [
            {"label": r["category"].name, "amount": int(r["amount"])} for r in account["by_category"]
        ],
        "uses": [
            {
                "category": use.category.name,
                "amount": int(use.amount),
                "description": use.description,
                "actions": [
                    {"title": a.title, "status": str(a.get_status_display()), "progress": a.progress}
                    for a in use.actions.all()
                ],
            }
            for use in account["uses"]
        ],
    }
