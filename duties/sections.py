"""What the register of duties adds to the follow-up's pages, through core.plumbing.sections: the register
at a glance on the politicians' dashboard, and a department's duties with what is due on the department view.
"""

from typing import Any

import rules
from django.http import HttpRequest
from django.utils import timezone

from core.models import Department
from core.plumbing.sections import register_object_section

from . import figures
from .models import AssessmentStatus


def dashboard_section(request: HttpRequest, filters: Any) -> dict | None:
    """The cycle's year (and the department chosen): how many duties are met, partly, not met or not
    assessed, per department."""
    if not rules.has_perm("duties.view_register", request.user):
        return None
    cycle = filters.cycle
    register = figures.register(cycle.year, department=filters.department)
    if not register.rows:
        return None
    by_department = register.by_department()
    return {
        "year": cycle.year,
        "register": register,
        "chart": figures.department_chart(by_department),
        "by_department": by_department,
        "Status": AssessmentStatus,
        "requests": register.requests(),
    }


def department_section(request: HttpRequest, department: object) -> dict | None:
    """The department's duties this year: their status, and what is still to be assessed."""
    assert isinstance(department, Department), "the department view's sections are of a department"
    year = timezone.localdate().year
    register = figures.register(year, department=department)
    if not register.rows:
        return None
    for row in register.rows:
        row.may_assess = rules.has_perm("duties.assess_duty", request.user, row.duty)
    return {"year": year, "register": register, "due": register.due}


def register() -> None:
    register_object_section(
        "dashboard", "duties/includes/dashboard_register.html", dashboard_section, order=50
    )
    register_object_section(
        "department", "duties/includes/department_duties.html", department_section, order=20
    )
