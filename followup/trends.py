"""How the follow-up's figures moved: per calendar quarter over the last three years, and this year against last.

Five figures, over all cycles (a trend crosses the yearly cycles):
- actions done: actions done with their completion date (`completed_on`) in the period;
- average progress at a point in time: over the actions of that year's cycle that existed then and are not
  cancelled, each action's latest progress update written on or before the point (an action with none counts
  as 100 % if it was done by then, else 0 %);
- overdue at a point in time: actions that existed then, due before that day and not done by then (done
  actions without a completion date count as done; cancelled actions are left out, their cancelling is not
  dated);
- proposals answered: proposals that reached an outcome that answers the proposer (declined or resolved,
  both final statuses, so `status_changed_at` is when) in the period;
- consultations held: meetings of a consultation-tier forum held in the period.

A quarter's point in time is its last day, or today for the quarter under way. Each figure family is one
aggregate query with a filtered aggregate per quarter (three queries in all), so the page costs the same
with ten years of data as with one.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from core.models import Meeting, MeetingStatus, Tier
from proposals.models import Proposal, ProposalStatus

from . import charts
from .models import Action, ActionStatus, ProgressUpdate

QUARTERS = 12
# The outcomes that give the proposer an answer; a merged proposal is answered through the one it joined.
ANSWERED_STATUSES = (ProposalStatus.DECLINED, ProposalStatus.RESOLVED)
FIGURES = ("done", "average_progress", "overdue", "proposals_answered", "consultations_held")


@dataclass
class Quarter:
    year: int
    number: int
    starts_on: dt.date
    ends_on: dt.date
    # The day the quarter's point-in-time figures are taken on: its last day, or today while it runs.
    point: dt.date

    @property
    def label(self) -> str:
        return pgettext("calendar quarter", "Q%(quarter)s %(year)s") % {
            "quarter": self.number,
            "year": self.year,
        }


def _quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _quarter(year: int, number: int, today: dt.date) -> Quarter:
    starts_on = dt.date(year, 3 * number - 2, 1)
    next_start = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    ends_on = next_start - dt.timedelta(days=1)
    return Quarter(year, number, starts_on, ends_on, min(ends_on, today))


def last_quarters(today: dt.date, count: int = QUARTERS) -> list[Quarter]:
    """The `count` calendar quarters up to and including today's, oldest first."""
    year, number = _quarter_of(today)
    index = year * 4 + number - 1
    return [_quarter(i // 4, i % 4 + 1, today) for i in range(index - count + 1, index + 1)]


def same_day_last_year(today: dt.date) -> dt.date:
    """Today a year ago; 29 February falls back to the 28th."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def _progress_on(day: dt.date):
    """An action's progress on `day`: its latest update written by then, or 100/0 by whether it was done."""
    latest = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), written_on__lte=day)
        .order_by("-written_on", "-pk")
        .values("progress")[:1]
    )
    done_by_then = When(
        Q(status=ActionStatus.DONE) & (Q(completed_on__lte=day) | Q(completed_on__isnull=True)),
        then=Value(100),
    )
    return Coalesce(
        Subquery(latest, output_field=IntegerField()),
        Case(done_by_then, default=Value(0), output_field=IntegerField()),
    )


def _existed_on(day: dt.date) -> Q:
    # A bound on the column rather than created_at__date: no time zone conversion per row.
    next_day = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return Q(created_at__lt=next_day)


def _overdue_on(day: dt.date) -> Q:
    """Overdue on `day` as it was then: past due and not yet done (cancelled actions are not counted)."""
    done_by_then = Q(status=ActionStatus.DONE) & (Q(completed_on__lte=day) | Q(completed_on__isnull=True))
    return _existed_on(day) & Q(due_on__lt=day) & ~Q(status=ActionStatus.CANCELLED) & ~(done_by_then)


def _average_on(day: dt.date) -> Avg:
    # The subquery sits in a CASE, which PostgreSQL evaluates only for the rows it counts (an aggregate's
    # FILTER does not spare the argument): a few thousand index lookups, not one per action and point.
    counted = _existed_on(day) & Q(cycle__year=day.year) & ~Q(status=ActionStatus.CANCELLED)
    return Avg(Case(When(counted, then=_progress_on(day)), default=None, output_field=IntegerField()))


def _action_aggregates(periods: dict[str, tuple[dt.date, dt.date]]) -> dict:
    """One query: for each named period (start, point) the actions done in it, overdue and average at its point."""
    aggregates: dict = {}
    for key, (starts_on, point) in periods.items():
        aggregates[f"done_{key}"] = Count(
            "pk", filter=Q(status=ActionStatus.DONE, completed_on__gte=starts_on, completed_on__lte=point)
        )
        aggregates[f"overdue_{key}"] = Count("pk", filter=_overdue_on(point))
        aggregates[f"average_{key}"] = _average_on(point)
    return Action.objects.order_by().aggregate(**aggregates)


def _period_counts(queryset, date_field: str, periods: dict[str, tuple[dt.date, dt.date]]) -> dict:
    """One query: how many rows of `queryset` fall in each named period, by the date of `date_field`."""
    first = min(start for start, _end in periods.values())
    last = max(end for _start, end in periods.values())
    rows = queryset.order_by().filter(**{f"{date_field}__gte": first, f"{date_field}__lte": last})
    return rows.aggregate(
        **{
            key: Count("pk", filter=Q(**{f"{date_field}__gte": start, f"{date_field}__lte": end}))
            for key, (start, end) in periods.items()
        }
    )


def _round(value) -> int | None:
    return None if value is None else round(value)


@dataclass
class Comparison:
    name: str
    label: str
    this_year: int | None
    last_year: int | None
    # Average progress is a share: its values are shown in per cent and its change in percentage points.
    is_share: bool = False

    @property
    def change(self) -> int | None:
        if self.this_year is None or self.last_year is None:
            return None
        return self.this_year - self.last_year

    @property
    def change_display(self) -> str:
        change = self.change
        if change is None:
            return "–"
        # A real minus sign, so that screen readers and print read it as one.
        sign = "+" if change > 0 else ("−" if change < 0 else "±")
        text = f"{sign}{abs(change)}"
        if self.is_share:
            return gettext("%(change)s percentage points") % {"change": text}
        return text

    def display(self, value: int | None) -> str:
        if value is None:
            return "–"
        return f"{value} %" if self.is_share else str(value)

    @property
    def this_year_display(self) -> str:
        return self.display(self.this_year)

    @property
    def last_year_display(self) -> str:
        return self.display(self.last_year)


def figure_labels() -> dict[str, str]:
    return {
        "done": gettext("Actions done"),
        "average_progress": gettext("Average progress"),
        "overdue": pgettext("number of actions", "Overdue"),
        "proposals_answered": gettext("Proposals answered"),
        "consultations_held": gettext("Consultations held"),
    }


def trends(today: dt.date | None = None) -> dict:
    """The twelve quarters' figures, their charts, and this year to date against the same days last year."""
    today = today or timezone.localdate()
    quarters = last_quarters(today)
    year_ago = same_day_last_year(today)
    periods = {f"q{i}": (q.starts_on, q.point) for i, q in enumerate(quarters)}
    periods["this_year"] = (dt.date(today.year, 1, 1), today)
    periods["last_year"] = (dt.date(year_ago.year, 1, 1), year_ago)

    actions = _action_aggregates(periods)
    answered = _period_counts(
        Proposal.objects.filter(status__in=ANSWERED_STATUSES), "status_changed_at__date", periods
    )
    held = _period_counts(
        Meeting.objects.filter(status=MeetingStatus.HELD, forum__tier=Tier.CONSULTATION),
        "starts_at__date",
        periods,
    )

    def values(key: str) -> dict[str, int | None]:
        return {
            "done": actions[f"done_{key}"],
            "average_progress": _round(actions[f"average_{key}"]),
            "overdue": actions[f"overdue_{key}"],
            "proposals_answered": answered[key],
            "consultations_held": held[key],
        }

    rows: list[dict[str, Any]] = [{"quarter": q, **values(f"q{i}")} for i, q in enumerate(quarters)]
    labels = figure_labels()
    chart_list = []
    for name in FIGURES:
        is_share = name == "average_progress"
        bars = [
            (
                row["quarter"].label,
                row[name],
                "–" if row[name] is None else (f"{row[name]} %" if is_share else str(row[name])),
            )
            for row in rows
        ]
        chart_list.append(
            {
                "name": name,
                "label": labels[name],
                "chart": charts.bar_chart(bars, maximum=100 if is_share else None),
            }
        )
    this_year, last_year = values("this_year"), values("last_year")
    comparison = [
        Comparison(name, labels[name], this_year[name], last_year[name], is_share=name == "average_progress")
        for name in FIGURES
    ]
    return {
        "today": today,
        "year_ago": year_ago,
        "this_year": today.year,
        "last_year": year_ago.year,
        "quarters": rows,
        "first_quarter": quarters[0],
        "last_quarter": quarters[-1],
        "charts": chart_list,
        "comparison": comparison,
    }
