"""What a report says, collected once into a JSON-safe snapshot that is stored beside the PDF.

The PDF is rendered from the snapshot alone, so the archive shows what was true when the report was made,
even after the data changes. Labels are resolved in the report's language while collecting. Each section
of the report has its collector, a function of the `Period` that returns that section's keys.

A report's public version is collected by the same collectors with `public=True`: only what the public pages
show (actions marked public, meetings of public forums), no one's name, and counts where a list would name
what is not public; the sections that are not public at all are left out and named in `left_out`.
"""

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.models import Department, Meeting, MeetingStatus, MinutesStatus, Tier
from core.templatetags.content_language import translated_value
from dialogues.models import Commitment
from followup import dashboard
from followup.models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    GoalKind,
    ProgressUpdate,
    current_among,
)
from followup.services import grant_account, grant_of_year
from proposals.models import Proposal
from proposals.participation import ConsultationRecord, consultation_row

from .models import ReportKind

# Long lists stop here: the report names the most pressing and the total, the portal holds the rest.
LIST_LIMIT = 25


@dataclass(frozen=True)
class Period:
    """The days a report covers, in its language, and the cycles of the yearly wheel they touch (oldest first)."""

    kind: str
    start: dt.date
    end: dt.date
    language: str
    label: str
    cycles: tuple[Cycle, ...]
    # The public version: only what the public pages show, and no one's name.
    public: bool = False
    # What more than one section reads (the goals, the consultation log), read once for the period.
    reads: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(
        cls,
        kind: str,
        start: dt.date,
        end: dt.date,
        language: str,
        public: bool = False,
        cycles: Sequence[Cycle] | None = None,
    ) -> "Period":
        """The period with its cycles; between cycles, the latest one that had started by its end.

        `cycles` may give the cycles that touch the period (oldest first) as the caller has read them. The
        cover alone reads a cycle's phases, of the one cycle it names (Cycle.phase_on)."""
        if cycles is None:
            cycles = Cycle.objects.filter(starts_on__lte=end, ends_on__gte=start).order_by("starts_on")
        touched = tuple(cycles)
        if not touched:
            current = Cycle.objects.current(end)
            touched = (current,) if current is not None else ()
        return cls(kind, start, end, language, str(ReportKind(kind).label), touched, public)

    @property
    def cycle(self) -> Cycle | None:
        """The cycle at the end of the period: the cover names it and the phase it is in."""
        return current_among(self.cycles, self.end)

    def read_once(self, name: str, read: Callable[[], list]) -> list:
        """What `read` returns, read the first time a section asks for it."""
        if name not in self.reads:
            self.reads[name] = read()
        return self.reads[name]


def _first_and_total(queryset) -> tuple[list, int]:
    """The first LIST_LIMIT rows of a list and how many there are in all, in one query (a window count)."""
    rows = list(queryset.annotate(rows_in_all=Window(Count("pk")))[:LIST_LIMIT])
    return rows, (rows[0].rows_in_all if rows else 0)


def collect(
    kind: str,
    start: dt.date,
    end: dt.date,
    language: str,
    public: bool = False,
    only: Collection[str] | None = None,
    cycles: Sequence[Cycle] | None = None,
) -> dict:
    """Everything the report shows, for the period and in the language; with `public`, its public version.

    `only` names the sections (keys of SECTIONS or PARTS) to collect, for a page that shows some of them;
    `cycles` may give the cycles that touch the period, as Period.of reads them."""
    with translation.override(language):
        period = Period.of(kind, start, end, language, public, cycles)
        data: dict = {}
        if only is None:
            for section in SECTIONS.values():
                data.update(section(period))
        else:
            unknown = set(only) - set(SECTIONS) - set(PARTS)
            if unknown:
                raise ValueError(f"no sections {sorted(unknown)}")
            for name, section in {**SECTIONS, **PARTS}.items():
                if name in only:
                    data.update(section(period))
        return data


def _url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _number(value) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value) if value % 1 else int(value)
    return value


def _cover(period: Period) -> dict:
    cycle = period.cycle
    data = {
        "kind": period.kind,
        "kind_label": period.label,
        "language": period.language,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "made_at": timezone.now().isoformat(),
        "statuses": [{"value": s.value, "label": str(s.label)} for s in ActionStatus],
        "cycle": None,
    }
    if cycle is not None:
        phase = cycle.phase_on(period.end)
        data["cycle"] = {
            "title": cycle.title,
            "year": cycle.year,
            "phase": str(phase.get_kind_display()) if phase else "",
            "phase_description": phase.description if phase else "",
        }
    if period.public:
        data["public"] = True
        data["left_out"] = _left_out(period)
    return data


def _left_out(period: Period) -> list[str]:
    """What the public version leaves out, as the PDF names it."""
    left_out = [
        gettext("the titles of the proposals still waiting (their number is given)"),
        gettext("the overdue commitments"),
        gettext("the consultation log (the number of consultations is given)"),
    ]
    if period.kind == ReportKind.YEARLY:
        left_out.append(gettext("the use of the state grant"))
    return left_out


def _groups(rows: Iterable[dashboard.GroupRow]) -> list[dict]:
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


def _average(pairs: Iterable[tuple[int | None, int]]) -> int | None:
    """The average over several cycles of (rounded average, number of actions), weighted by the number."""
    counted = [(average, n) for average, n in pairs if average is not None and n]
    total = sum(n for _, n in counted)
    return round(sum(average * n for average, n in counted) / total) if total else None


def _merged_rows(per_cycle: list[list[dashboard.GroupRow]]) -> list[dashboard.GroupRow]:
    """One row per goal, department or minority over the cycles' rows, in the order they first come."""
    if len(per_cycle) == 1:
        return per_cycle[0]
    merged: dict[object, list[dashboard.GroupRow]] = {}
    for rows in per_cycle:
        for row in rows:
            merged.setdefault(row.obj, []).append(row)
    return [
        dashboard.GroupRow(
            label=rows[0].label,
            obj=obj,
            total=sum(r.total for r in rows),
            by_status={s.value: sum(r.by_status[s.value] for r in rows) for s in ActionStatus},
            average_progress=_average((r.average_progress, r.total) for r in rows),
            overdue=sum(r.overdue for r in rows),
            done_this_quarter=sum(r.done_this_quarter for r in rows),
        )
        for obj, rows in merged.items()
    ]


def _actions(period: Period, groups: Collection[str] = dashboard.GROUPS) -> dict:
    """The actions of every cycle the period touches, by status and by the groups (goal, department and
    minority unless fewer are named)."""
    if not period.cycles:
        return {}
    # The dashboard counts by goal in the order of their numbers.
    loaded = {"goal": sorted(_goals(period), key=lambda goal: goal.code_rank)} if "goal" in groups else {}
    figures = [
        dashboard.action_figures(
            dashboard.Filters(cycle=c, public_only=period.public),
            today=period.end,
            loaded=loaded,
            groups=groups,
        )
        for c in period.cycles
    ]
    departments = _merged_rows([f["by_department"] for f in figures])
    if len(figures) > 1 and departments:
        order = list(Department.objects.filter(pk__in=[r.obj.pk for r in departments]).order_by("name"))
        departments.sort(key=lambda row: order.index(row.obj))
    return {
        "actions": {
            "total": sum(f["total"] for f in figures),
            "status_counts": [
                {"label": str(status.label), "count": sum(dict(f["status_counts"])[status] for f in figures)}
                for status in ActionStatus
            ],
            "average_progress": _average((f["average_progress"], f["total"]) for f in figures),
            "overdue": sum(f["overdue"] for f in figures),
            "done_this_quarter": sum(f["done_this_quarter"] for f in figures),
            "by_goal": _groups(_merged_rows([f["by_goal"] for f in figures])),
            "by_department": _groups(departments),
            "by_minority": _groups(_merged_rows([f["by_minority"] for f in figures])),
        }
    }


def _actions_by_minority(period: Period) -> dict:
    """The actions' section counted by minority alone (its rows by goal and department left empty)."""
    return _actions(period, groups=("minority",))


def _meetings(period: Period) -> dict:
    """Meetings held in the period, per tier and per minority, with links; publicly, those of public forums."""
    held = Meeting.objects.public() if period.public else Meeting.objects.all()
    meetings = list(
        held.filter(
            status=MeetingStatus.HELD, starts_at__date__gte=period.start, starts_at__date__lte=period.end
        )
        .select_related("forum__minority")
        .order_by("starts_at")
    )
    per_tier = {t.value: 0 for t in Tier}
    per_minority: dict[str, int] = {}
    everyone = gettext("All minorities (consultation group)")
    for meeting in meetings:
        per_tier[meeting.forum.tier] += 1
        if meeting.forum.minority:
            name = meeting.forum.minority.name
        else:
            # The consultation group speaks for all minorities; a working group without one for none in particular.
            name = (
                everyone if meeting.forum.tier == Tier.CONSULTATION else gettext("Not tied to one minority")
            )
        per_minority[name] = per_minority.get(name, 0) + 1
    return {
        "meetings": {
            "total": len(meetings),
            "by_tier": [{"label": str(Tier(t).label), "count": n} for t, n in per_tier.items()],
            "by_minority": [{"label": k, "count": v} for k, v in sorted(per_minority.items())],
            "list": [
                {
                    "date": timezone.localtime(m.starts_at).date().isoformat(),
                    "title": m.title,
                    "forum": m.forum.name,
                    "tier": str(m.forum.get_tier_display()),
                    "url": _url(m.get_absolute_url()),
                    # The public version says which minutes anyone may read; it quotes none of them.
                    **(
                        {"minutes_published": m.minutes_status == MinutesStatus.PUBLISHED}
                        if period.public
                        else {}
                    ),
                }
                for m in meetings
            ],
        }
    }


def _proposals(period: Period) -> dict:
    """Proposals received in the period, and those still waiting at its end (publicly: how many, not which)."""
    proposals = dashboard.proposal_figures(
        dashboard.Filters(cycle=period.cycle, period_start=period.start, period_end=period.end)
    )
    waiting = (
        Proposal.objects.waiting()
        .filter(created_at__date__lte=period.end)
        .select_related("forum")
        .order_by("created_at")
    )
    if period.public:
        # Proposals are read by their forum and the coordinators: the public sees counts only.
        proposals["waiting_list"] = []
        proposals["waiting_total"] = waiting.count()
        return {"proposals": proposals}
    first, proposals["waiting_total"] = _first_and_total(waiting)
    proposals["waiting_list"] = [
        {
            "title": p.title,
            "title_language": p.language,
            "forum": p.forum.name,
            "received": timezone.localtime(p.created_at).date().isoformat(),
            "status": str(p.get_status_display()),
        }
        for p in first
    ]
    proposals["waiting_url"] = _url(reverse("proposals:inbox"))
    return {"proposals": proposals}


def _changes(period: Period) -> dict:
    """What changed in the period: each action's latest progress update written in it, newest first."""
    updates = ProgressUpdate.objects.filter(written_on__gte=period.start, written_on__lte=period.end)
    if period.public:
        # The public action pages show these updates (never their authors, nor does the report).
        updates = updates.filter(action__is_public=True)
    latest = (
        updates.order_by("action_id", "-written_on", "-pk").distinct("action_id").values("pk")
        if connection.vendor == "postgresql"
        else updates.values("action_id").annotate(pk=Max("pk")).values("pk")
    )
    changed, total = _first_and_total(
        updates.filter(pk__in=latest).select_related("action__department").order_by("-written_on", "-pk")
    )
    return {
        "changes_updates": updates.count(),
        "changes_total": total,
        "changes": [
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
            for u in changed
        ],
        "register_url": _url(reverse("followup:register")),
    }


def _overdue_actions(period: Period) -> dict:
    """Overdue at the end of the period, the longest overdue first: the actions the key figure counts."""
    actions = Action.objects.overdue(period.end)
    if period.public:
        actions = actions.filter(is_public=True)
    if period.cycles:
        actions = actions.filter(cycle__in=period.cycles)
    # The register filters one cycle or all of them.
    cycle = str(period.cycles[0].year) if len(period.cycles) == 1 else "all"
    first, total = _first_and_total(actions.select_related("department").order_by("due_on", "pk"))
    return {
        "overdue_actions_total": total,
        "overdue_actions": [
            {
                "title": a.title,
                "department": a.department.name,
                "due": a.due_on.isoformat(),
                "status": str(a.get_status_display()),
                "progress": a.progress,
            }
            for a in first
        ],
        "overdue_url": f"{_url(reverse('followup:register'))}?cycle={cycle}&overdue=on",
    }


def _overdue_commitments(period: Period) -> dict:
    """Commitments overdue at the end of the period; not public (a forum's and a department's work)."""
    if period.public:
        return {}
    first, total = _first_and_total(
        Commitment.objects.overdue(period.end).select_related("department", "forum").order_by("due_on", "pk")
    )
    return {
        "overdue_commitments_total": total,
        "commitments_url": _url(reverse("dialogues:commitment_list")),
        "overdue_commitments": [
            {
                "title": c.title,
                "title_language": c.language,
                "department": c.department.name,
                "forum": c.forum.name,
                "due": c.due_on.isoformat(),
            }
            for c in first
        ],
    }


def _indicators(period: Period) -> dict:
    """Indicators against their targets."""
    indicators = dashboard.indicator_figures(dashboard.Filters(cycle=period.cycle))
    return {
        "indicators": [
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
    }


def _goals(period: Period) -> list[Goal]:
    """The goals and guidelines by kind and number: the yearly part lists them in that order, each with
    the times it was revised in the period (`revised_at`, read for the yearly report alone); the actions are
    counted by them in the order of the numbers alone (`code_rank`, the database's collation)."""

    def read() -> list[Goal]:
        goals = Goal.objects.annotate(
            code_rank=Window(RowNumber(), order_by=(F("code").asc(), F("pk").asc()))
        )
        if period.kind == ReportKind.YEARLY:
            revisions = Goal.history.model.objects.filter(
                id=OuterRef("pk"),
                history_type="~",
                history_date__date__gte=period.start,
                history_date__date__lte=period.end,
            ).values("history_date")
            goals = goals.annotate(revised_at=ArraySubquery(revisions))
        return list(goals.order_by("kind", "code", "title"))

    return period.read_once("goals", read)


def _consultation_records(period: Period):
    return ConsultationRecord.objects.filter(consulted_on__gte=period.start, consulted_on__lte=period.end)


def _consultation_log(period: Period) -> list[ConsultationRecord]:
    """The period's consultation records with what names their subject: the log lists them, the yearly
    part counts them."""
    return period.read_once(
        "consultation_log",
        lambda: list(
            _consultation_records(period)
            .select_related(
                "proposal__forum", "proposal__agenda_item__meeting__forum", "agenda_item__meeting__forum"
            )
            .order_by("consulted_on", "pk")
        ),
    )


def _consultations(period: Period) -> dict:
    """The consultation log of the period (lag 2009:724 §5); publicly only how many were recorded."""
    if period.public:
        return {"consultations": [], "consultations_total": _consultation_records(period).count()}
    records = _consultation_log(period)
    return {
        "consultations": [
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
    }


def _yearly(period: Period) -> dict:
    """For the county administrative board's annual follow-up: only in the yearly report."""
    if period.kind != ReportKind.YEARLY:
        return {}
    if period.public:
        records = _consultation_records(period).aggregate(
            total=Count("pk"), with_children=Count("pk", filter=Q(children_and_youth=True))
        )
    else:
        log = _consultation_log(period)
        records = {"total": len(log), "with_children": sum(r.children_and_youth for r in log)}
    goals = _goals(period)
    children = list(
        Proposal.objects.filter(
            affects_children_and_youth=True,
            created_at__date__gte=period.start,
            created_at__date__lte=period.end,
        )
        .select_related("forum")
        .order_by("created_at", "pk")
    )
    return {
        "yearly": {
            "guidelines": [str(g) for g in goals if g.kind == GoalKind.GUIDELINE],
            "goals": [str(g) for g in goals if g.kind == GoalKind.PROGRAMME],
            "goal_list": _goal_list(goals),
            "consultations_total": records["total"],
            "consultations_with_children": records["with_children"],
            "proposals_about_children": len(children),
            "children_proposals": [
                {
                    "title": p.title,
                    "title_language": p.language,
                    "forum": p.forum.name,
                    "received": timezone.localtime(p.created_at).date().isoformat(),
                    "status": str(p.get_status_display()),
                }
                for p in ([] if period.public else children[:LIST_LIMIT])
            ],
            # The grant's uses name actions of every kind and what was bought: not in the public version.
            "grant": None if period.public else _grant(period.start.year),
        }
    }


def _goal_list(goals: list[Goal]) -> list[dict]:
    """Each goal and guideline (§5b) with the day it was adopted and how often it was revised in the period
    (the goals come from _goals, with the times of their revisions)."""
    rows = []
    for goal in goals:
        revised = [timezone.localtime(when).date() for when in goal.revised_at]
        rows.append(
            {
                "title": str(goal),
                "kind": goal.kind,
                "kind_label": str(goal.get_kind_display()),
                "adopted_on": goal.adopted_on.isoformat() if goal.adopted_on else "",
                "revisions": len(revised),
                "last_revised": max(revised).isoformat() if revised else "",
            }
        )
    return rows


def _grant(year: int) -> dict | None:
    """How the year's state grant for the Finnish administrative area was used, per category and use."""
    found = grant_of_year(year)
    if found is None:
        return None
    grant, uses = found
    account = grant_account(grant, uses)
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
                    for a in use.paid_for
                ],
            }
            for use in account["uses"]
        ],
    }


# The report's sections in the order of the snapshot, by the name `collect(only=...)` knows them by.
SECTIONS: dict[str, Callable[[Period], dict]] = {
    "cover": _cover,
    "actions": _actions,
    "meetings": _meetings,
    "proposals": _proposals,
    "changes": _changes,
    "overdue_actions": _overdue_actions,
    "overdue_commitments": _overdue_commitments,
    "indicators": _indicators,
    "consultations": _consultations,
    "yearly": _yearly,
}

# A section in part, for a page that shows only some of it (collect(only=...)); the report has none of them.
PARTS: dict[str, Callable[[Period], dict]] = {
    "actions_by_minority": _actions_by_minority,
}
