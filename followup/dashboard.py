"""The figures of the politicians' dashboard, for one cycle and optional filters.

Each block is one aggregate query (GROUP BY in the database), so the page costs the same number of
queries with ten actions as with ten thousand. The PDF reports use the same functions.
"""

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext

from core.models import Department, Meeting, MeetingStatus, NationalMinority, Tier
from proposals.models import OPEN_STATUSES, Proposal, ProposalStatus

from . import charts
from .models import Action, ActionStatus, Cycle, Goal, Indicator, overdue_condition


@dataclass
class Filters:
    cycle: Cycle | None
    minority: NationalMinority | None = None
    department: Department | None = None
    goal: Goal | None = None
    # Meetings and proposals are counted over the cycle's dates unless a report names another period.
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # Only the actions marked public: the figures of a report's public version.
    public_only: bool = False

    @property
    def starts_on(self) -> dt.date:
        if self.period_start:
            return self.period_start
        assert self.cycle is not None, "filters without a cycle name their period"
        return self.cycle.starts_on

    @property
    def ends_on(self) -> dt.date:
        if self.period_end:
            return self.period_end
        assert self.cycle is not None, "filters without a cycle name their period"
        return self.cycle.ends_on


@dataclass
class GroupRow:
    """Actions of one goal, department or minority."""

    label: str
    obj: object
    total: int
    by_status: dict[str, int] = field(default_factory=dict)
    average_progress: int | None = None
    overdue: int = 0
    done_this_quarter: int = 0


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def filtered_actions(filters: Filters):
    actions = Action.objects.filter(cycle=filters.cycle)
    if filters.public_only:
        actions = actions.filter(is_public=True)
    if filters.minority is not None:
        actions = actions.filter(minorities=filters.minority)
    if filters.department is not None:
        actions = actions.for_department(filters.department)
    if filters.goal is not None:
        actions = actions.filter(goals=filters.goal)
    return actions


def _figures(path: str, today: dt.date) -> dict:
    """Counts per status, average progress, overdue and done this quarter, over the actions at `path`
    ("" for the action itself, "action" from a many-to-many table's row)."""
    prefix = f"{path}__" if path else ""
    pk = f"{prefix}pk"
    figures = {
        "total": Count(pk, distinct=True),
        "average": Avg(f"{prefix}progress"),
        "overdue": Count(pk, filter=overdue_condition(today, path), distinct=True),
        "done_quarter": Count(
            pk,
            filter=Q(
                **{f"{prefix}status": ActionStatus.DONE, f"{prefix}completed_on__gte": quarter_start(today)}
            ),
            distinct=True,
        ),
    }
    for status in ActionStatus:
        figures[f"s_{status.value}"] = Count(pk, filter=Q(**{f"{prefix}status": status.value}), distinct=True)
    return figures


def _grouped(queryset, kind: str, key, path: str, today: dt.date):
    """One part of the figures' UNION: the rows of `queryset` grouped by `key`, labelled `kind`."""
    return (
        queryset.order_by()
        .annotate(kind=Value(kind), key=key)
        .values("kind", "key")
        .annotate(**_figures(path, today))
    )


def _row(label: str, obj, found: dict | None) -> GroupRow:
    found = found or {}
    average = found.get("average")
    return GroupRow(
        label=label,
        obj=obj,
        total=found.get("total", 0),
        by_status={s.value: found.get(f"s_{s.value}", 0) for s in ActionStatus},
        average_progress=None if average is None else round(average),
        overdue=found.get("overdue", 0),
        done_this_quarter=found.get("done_quarter", 0),
    )


GROUPS = ("goal", "department", "minority")


def action_figures(
    filters: Filters,
    today: dt.date | None = None,
    loaded: dict[str, list] | None = None,
    groups: Collection[str] = GROUPS,
) -> dict:
    """The actions' figures, in all and by goal, department and minority: one query (a UNION of four GROUP BYs).

    `loaded` may give the goals (by code), the departments (by name) and the minorities the caller has
    already read; what it does not give is read here. `groups` names the groupings a page shows: the
    others are neither counted nor read, and their rows and charts are empty.
    """
    today = today or timezone.localdate()
    loaded = loaded or {}
    ids = filtered_actions(filters).values("pk")
    # A plain QuerySet: modeltranslation's reorders the columns of values(), and a UNION's parts must agree.
    actions = QuerySet[Action](model=Action).filter(pk__in=ids)
    grouped = {
        "department": lambda: _grouped(actions, "department", F("department_id"), "", today),
        "goal": lambda: _grouped(
            Action.goals.through.objects.filter(action__in=ids), "goal", F("goal_id"), "action", today
        ),
        "minority": lambda: _grouped(
            Action.minorities.through.objects.filter(action__in=ids),
            "minority",
            F("nationalminority_id"),
            "action",
            today,
        ),
    }
    # All the filtered actions are of one cycle: grouped by it, they are one row.
    parts = _grouped(actions, "all", F("cycle_id"), "", today).union(
        *(part() for name, part in grouped.items() if name in groups), all=True
    )
    found: dict[tuple[str, int], dict] = {(row["kind"], row["key"]): row for row in parts}
    totals = next((row for (kind, _key), row in found.items() if kind == "all"), {})
    status_counts = {s.value: totals.get(f"s_{s.value}", 0) for s in ActionStatus}

    by_goal, by_department, by_minority = [], [], []
    if "goal" in groups:
        goals = loaded.get("goal")
        if goals is None:
            goals = list(Goal.objects.order_by("code", "pk"))
        if filters.goal is not None:
            goals = [g for g in goals if g.pk == filters.goal.pk]
        by_goal = [_row(str(g), g, found.get(("goal", g.pk))) for g in goals]
    if "department" in groups:
        departments = loaded.get("department")
        if departments is None:
            departments = list(Department.objects.order_by("name"))
        by_department = [
            _row(d.name, d, found[("department", d.pk)]) for d in departments if ("department", d.pk) in found
        ]
    if "minority" in groups:
        minorities = loaded.get("minority")
        if minorities is None:
            minorities = list(NationalMinority.objects.all())
        if filters.minority is not None:
            minorities = [m for m in minorities if m.pk == filters.minority.pk]
        by_minority = [_row(m.name, m, found.get(("minority", m.pk))) for m in minorities]
    total = sum(status_counts.values())
    return {
        "total": total,
        "status_counts": [(s, status_counts.get(s.value, 0)) for s in ActionStatus],
        "average_progress": None if totals.get("average") is None else round(totals["average"]),
        "overdue": totals.get("overdue", 0),
        "done_this_quarter": totals.get("done_quarter", 0),
        "quarter_start": quarter_start(today),
        "by_goal": by_goal,
        "by_department": by_department,
        "by_minority": by_minority,
        "status_chart": charts.status_chart([(r.label, r.by_status) for r in by_goal if r.total]),
        "goal_progress_chart": charts.bar_chart(
            [
                (
                    r.label,
                    r.average_progress,
                    f"{r.average_progress} %" if r.average_progress is not None else "–",
                )
                for r in by_goal
            ],
            maximum=100,
        ),
        "minority_chart": charts.status_chart([(r.label, r.by_status) for r in by_minority if r.total]),
        "department_chart": charts.status_chart([(r.label, r.by_status) for r in by_department if r.total]),
    }


def meeting_figures(filters: Filters, minorities: list | None = None) -> dict:
    """Meetings held in the cycle, per tier and per minority of the forum (the consultation group has none)."""
    meetings = Meeting.objects.filter(
        status=MeetingStatus.HELD,
        starts_at__date__gte=filters.starts_on,
        starts_at__date__lte=filters.ends_on,
    )
    if filters.minority is not None:
        meetings = meetings.filter(Q(forum__minority=filters.minority) | Q(forum__minority__isnull=True))
    counts = meetings.order_by().values_list("forum__tier", "forum__minority").annotate(n=Count("pk"))
    minority_names = {
        m.pk: m.name for m in (NationalMinority.objects.all() if minorities is None else minorities)
    }
    by_tier: dict[str, int] = {t.value: 0 for t in Tier}
    by_minority: dict[int | None, int] = {}
    for tier, minority_id, n in counts:
        by_tier[tier] = by_tier.get(tier, 0) + n
        by_minority[minority_id] = by_minority.get(minority_id, 0) + n
    tier_rows = [(Tier(t).label, by_tier.get(t.value, 0)) for t in Tier]
    minority_rows = [(name, by_minority.get(pk, 0)) for pk, name in minority_names.items()]
    if None in by_minority:
        minority_rows.append((gettext("All minorities (consultation group)"), by_minority[None]))
    return {
        "total": sum(by_tier.values()),
        "by_tier": tier_rows,
        "by_minority": minority_rows,
        "tier_chart": charts.bar_chart([(label, n, str(n)) for label, n in tier_rows]),
    }


def proposal_figures(filters: Filters) -> dict:
    """Proposals received during the cycle (or period): how many were placed on an agenda, declined, answered, waiting."""
    proposals = Proposal.objects.filter(
        created_at__date__gte=filters.starts_on, created_at__date__lte=filters.ends_on
    )
    if filters.minority is not None:
        proposals = proposals.filter(minority=filters.minority)
    if filters.department is not None:
        proposals = proposals.filter(department=filters.department)
    figures = proposals.aggregate(
        received=Count("pk"),
        placed=Count("pk", filter=Q(agenda_item__isnull=False)),
        declined=Count("pk", filter=Q(status=ProposalStatus.DECLINED)),
        answered_yes=Count("pk", filter=Q(answered=True)),
        answered_no=Count("pk", filter=Q(answered=False)),
        waiting=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        with_action=Count("pk", filter=Q(Exists(Action.objects.filter(origin_proposal=OuterRef("pk"))))),
    )
    return figures


def indicator_figures(filters: Filters) -> dict:
    chosen = Indicator.objects.all()
    if filters.goal is not None:
        chosen = chosen.filter(goals=filters.goal)
    if filters.minority is not None:
        chosen = chosen.filter(Q(minorities=filters.minority) | Q(minorities__isnull=True))
    indicators = list(chosen.distinct().order_by("name"))
    return {
        "indicators": indicators,
        "chart": charts.achievement_chart([(i.name, i.achievement) for i in indicators]),
    }


def dashboard(filters: Filters, today: dt.date | None = None, loaded: dict[str, list] | None = None) -> dict:
    """Every block of the dashboard; `loaded` as action_figures takes it (the minorities serve both)."""
    return {
        "actions": action_figures(filters, today, loaded),
        "meetings": meeting_figures(filters, (loaded or {}).get("minority")),
        "proposals": proposal_figures(filters),
        "indicators": indicator_figures(filters),
    }
