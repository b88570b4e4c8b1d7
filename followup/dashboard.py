"""The figures of the politicians' dashboard, for one cycle and optional filters.

Each block is one aggregate query (GROUP BY in the database), so the page costs the same number of
queries with ten actions as with ten thousand. The PDF reports use the same functions.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef, Q
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


def _group_annotations(prefix: str, ids, today: dt.date) -> dict:
    """Counts per status, average progress, overdue and done this quarter, over the related actions in `ids`."""
    within = Q(**{f"{prefix}__in": ids})
    annotations = {
        "total": Count(prefix, filter=within, distinct=True),
        "average": Avg(f"{prefix}__progress", filter=within),
        "overdue": Count(prefix, filter=within & overdue_condition(today, prefix), distinct=True),
        "done_quarter": Count(
            prefix,
            filter=within
            & Q(
                **{
                    f"{prefix}__status": ActionStatus.DONE,
                    f"{prefix}__completed_on__gte": quarter_start(today),
                }
            ),
            distinct=True,
        ),
    }
    for status in ActionStatus:
        annotations[f"s_{status.value}"] = Count(
            prefix, filter=within & Q(**{f"{prefix}__status": status.value}), distinct=True
        )
    return annotations


def _rows(queryset, label) -> list[GroupRow]:
    rows = []
    for obj in queryset:
        rows.append(
            GroupRow(
                label=label(obj),
                obj=obj,
                total=obj.total,
                by_status={s.value: getattr(obj, f"s_{s.value}") for s in ActionStatus},
                average_progress=None if obj.average is None else round(obj.average),
                overdue=obj.overdue,
                done_this_quarter=obj.done_quarter,
            )
        )
    return rows


def action_figures(filters: Filters, today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    actions = filtered_actions(filters)
    ids = actions.values("pk")
    status_counts = dict(actions.order_by().values_list("status").annotate(n=Count("pk", distinct=True)))
    totals = actions.aggregate(
        average=Avg("progress"),
        overdue=Count("pk", filter=overdue_condition(today)),
        done_quarter=Count("pk", filter=Q(status=ActionStatus.DONE, completed_on__gte=quarter_start(today))),
    )
    goals = Goal.objects.annotate(**_group_annotations("actions", ids, today)).order_by("code", "pk")
    if filters.goal is not None:
        goals = goals.filter(pk=filters.goal.pk)
    by_goal = _rows(goals, str)
    departments = (
        Department.objects.annotate(**_group_annotations("actions", ids, today))
        # The plugin cannot read annotations passed as **dict (_group_annotations): "total" is one of them.
        .filter(total__gt=0)  # type: ignore[misc]
        .order_by("name")
    )
    by_department = _rows(departments, lambda d: d.name)
    minorities = NationalMinority.objects.annotate(**_group_annotations("actions", ids, today)).order_by(
        "order"
    )
    if filters.minority is not None:
        minorities = minorities.filter(pk=filters.minority.pk)
    by_minority = _rows(minorities, lambda m: m.name)
    total = sum(status_counts.values())
    return {
        "total": total,
        "status_counts": [(s, status_counts.get(s.value, 0)) for s in ActionStatus],
        "average_progress": None if totals["average"] is None else round(totals["average"]),
        "overdue": totals["overdue"],
        "done_this_quarter": totals["done_quarter"],
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


def dashboard(filters: Filters, today: dt.date | None = None, minorities: list | None = None) -> dict:
    return {
        "actions": action_figures(filters, today),
        "meetings": meeting_figures(filters, minorities),
        "proposals": proposal_figures(filters),
        "indicators": indicator_figures(filters),
    }
