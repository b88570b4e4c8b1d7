"""Writes to the register of duties: each in one transaction."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from core.history import stamp
from core.models import Meeting, User
from followup.models import Action

from .models import Duty, DutyAssessment


def save_duty(duty: Duty, *, by: User, departments: Iterable) -> Duty:
    with transaction.atomic():
        stamp(duty, by=by)
        duty.save()
        duty.departments.set(departments)
    return duty


def save_assessment(
    assessment: DutyAssessment,
    *,
    by: User,
    actions: Iterable[Action] = (),
    meetings: Iterable[Meeting] = (),
    consultations: Iterable | None = None,
    file=None,
    file_type: str = "",
) -> DutyAssessment:
    """Record a year's assessment of a duty with its evidence links, all or nothing.

    The duty's row is locked, so two people recording the same year at once write one assessment (the
    second sees the first's row and changes it) instead of one of them failing on the unique constraint."""
    with transaction.atomic():
        Duty.objects.select_for_update().filter(pk=assessment.duty_id).first()
        if assessment.pk is None:
            existing = DutyAssessment.objects.filter(duty_id=assessment.duty_id, year=assessment.year).first()
            if existing is not None:
                assessment.pk = existing.pk
                assessment._state.adding = False
        if file is not None:  # a new attachment replaces the one before; none given keeps it
            assessment.file = file
            assessment.file_name = file.name[:255]
            assessment.file_type = file_type
        assessment.recorded_by = by
        assessment.updated_at = timezone.now()
        stamp(assessment, by=by)
        assessment.save()
        assessment.actions.set(actions)
        assessment.meetings.set(meetings)
        if consultations is not None:  # None: the person could not see them, so they stay as they were
            assessment.consultations.set(consultations)
    return assessment
