"""The register's figures for one year: one source for the register, the dashboard, the department view and
the public summary (and, later, the yearly follow-up and the reports).

A duty without an assessment for the year counts as "not assessed": it is what is due.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import FilteredRelation, Prefetch, Q
from django.utils import timezone

from core.models import Department
from followup.charts import status_chart

from .models import AssessmentStatus, Duty, DutyAssessment, DutyScope

# Fill colours for the status chart (followup.charts.status_chart), chosen as the actions' are: each has at
# least 3:1 against white, neighbours in status order differ in lightness, and the two that may meet with
# less than 3:1 between them also differ by a pattern.
STATUS_COLOURS = {
    AssessmentStatus.MET: "#30985a",
    AssessmentStatus.PARTLY: "#582600",
    AssessmentStatus.NOT_MET: "#d8554a",
    AssessmentStatus.NOT_ASSESSED: "#8b919c",
}
STATUS_PATTERNS = {
    AssessmentStatus.MET: "",
    AssessmentStatus.PARTLY: "",
    AssessmentStatus.NOT_MET: "grid",
    AssessmentStatus.NOT_ASSESSED: "stripes",
}


@dataclass
class DutyRow:
    duty: Duty
    assessment: DutyAssessment | None
    may_assess: bool = False  # set by the pages that offer to record the assessment

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment else AssessmentStatus.NOT_ASSESSED

    @property
    def status_label(self) -> str:
        return str(AssessmentStatus(self.status).label)

    @property
    def is_due(self) -> bool:
        return self.status == AssessmentStatus.NOT_ASSESSED


@dataclass
class RequestTotals:
    received: int = 0
    offered: int = 0
    served: int = 0
    duties: int = 0


@dataclass
class Register:
    year: int
    rows: list[DutyRow]
    counts: dict[str, int] = field(default_factory=dict)

    def status_figures(self) -> list[tuple[str, str, int]]:
        """(status, its name, how many duties have it), in status order."""
        return [(s.value, str(s.label), self.counts.get(s.value, 0)) for s in AssessmentStatus]

    @property
    def due(self) -> list[DutyRow]:
        return [row for row in self.rows if row.is_due]

    def by_scope(self) -> list[tuple[str, list[DutyRow]]]:
        return [
            (str(scope.label), [row for row in self.rows if row.duty.scope == scope])
            for scope in DutyScope
            if any(row.duty.scope == scope for row in self.rows)
        ]

    def by_department(self) -> list[tuple[Department, dict[str, int]]]:
        """Status counts per responsible department (a duty with two departments counts for both)."""
        counts: dict[int, Counter] = {}
        departments: dict[int, Department] = {}
        for row in self.rows:
            for department in row.duty.departments.all():
                departments[department.pk] = department
                counts.setdefault(department.pk, Counter())[row.status] += 1
        ordered = sorted(departments.values(), key=lambda d: d.name)
        return [(d, {s.value: counts[d.pk].get(s.value, 0) for s in AssessmentStatus}) for d in ordered]

    def requests(self) -> RequestTotals:
        totals = RequestTotals()
        for row in self.rows:
            if not row.duty.on_request:
                continue
            totals.duties += 1
            if row.assessment:
                totals.received += row.assessment.requests_received or 0
                totals.offered += row.assessment.requests_offered or 0
                totals.served += row.assessment.served or 0
        return totals


def department_chart(by_department: list[tuple[Department, dict[str, int]]]) -> dict:
    """The status of each department's duties as shares (Register.by_department), drawn as the actions' are."""
    return status_chart(
        [(d.name, c) for d, c in by_department], AssessmentStatus, STATUS_COLOURS, STATUS_PATTERNS
    )


def register(
    year: int,
    *,
    department: Department | None = None,
    status: str | None = None,
    with_departments: bool = True,
) -> Register:
    """The active duties (of one department, if given) with their assessment for the year: two queries,
    one when there are no duties or `with_departments` is off (for a caller that does not show the duties'
    departments). The year's assessment (one a duty at most) is joined to its duty."""
    duties = (
        Duty.objects.active()
        .annotate(year_assessment=FilteredRelation("assessments", condition=Q(assessments__year=year)))
        # The stubs know no FilteredRelation names.
        .select_related("contact", "year_assessment", "year_assessment__recorded_by")  # type: ignore[misc]
    )
    if with_departments:
        duties = duties.prefetch_related(
            Prefetch("departments", queryset=Department.objects.order_by("name"))
        )
    if department is not None:
        duties = duties.filter(departments=department)
    # Django leaves the attribute unset where the join found no assessment.
    rows = [DutyRow(duty, getattr(duty, "year_assessment", None)) for duty in duties]
    counts = Counter(row.status for row in rows)
    if status:
        rows = [row for row in rows if row.status == status]
    return Register(year, rows, {s.value: counts.get(s.value, 0) for s in AssessmentStatus})


def assessed_years() -> list[int]:
    """The years with an assessment, and this year, newest first: the choices of the year filter."""
    years = set(DutyAssessment.objects.values_list("year", flat=True).distinct())
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def summary_year(today=None) -> int:
    """The year the public summary shows: the latest year before this one with an assessment (the yearly
    follow-up is of a year that has ended), else this year."""
    today = today or timezone.localdate()
    assessed = DutyAssessment.objects.exclude(status=AssessmentStatus.NOT_ASSESSED).order_by("-year")
    latest = assessed.filter(year__lt=today.year).values_list("year", flat=True).first()
    return latest or today.year
