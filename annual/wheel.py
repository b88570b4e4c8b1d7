"""The yearly wheel drives the work: each phase opens what belongs to it on its first day (Celery beat runs
`open_phases` every morning). The agenda phase sends the call for proposals to every representative in their
own language; the follow-up phase drafts the year's follow-up; the reformulation phase sends the evaluation of
the year (an anonymous questionnaire) to every representative. What each opening produced is kept on its
PhaseOpening, and the follow-up's list shows it for the cycle's phases.
"""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import Role, User
from core.services import notify
from followup.models import Phase, PhaseKind
from surveys import services as surveys
from surveys.models import QuestionKind, Questionnaire, SurveyQuestion

from . import services
from .models import PhaseOpening


def _call_for_proposals(phase: Phase) -> dict:
    """Mail every representative with a current membership: the call is open until the phase ends."""
    representatives = User.objects.representatives_in_office().order_by("pk")
    mails = notify(
        representatives,
        "annual/email/call_for_proposals",
        {"phase": phase, "cycle": phase.cycle},
        kind="annual_wheel",
    )
    return {"mails": mails}


def _draft_follow_up(phase: Phase) -> dict:
    follow_up, created = services.draft(phase.cycle.year)
    return {"follow_up_year": follow_up.year, "drafted": created}


# The evaluation of the year: written in the portal's default language, as the coordinator may change it.
EVALUATION = [
    (QuestionKind.SCALE, _("How well did the dialogue with the municipality work this year?"), True),
    (QuestionKind.SCALE, _("Did you get answers to the proposals and questions you raised?"), False),
    (QuestionKind.TEXT, _("What should change in the next cycle?"), False),
]


def _evaluation_of_the_year(phase: Phase) -> dict:
    """Send the evaluation of the year to every representative: its answers feed the next cycle's goals."""
    with translation.override(settings.LANGUAGE_CODE):
        questionnaire = Questionnaire.objects.create(
            title=gettext("Evaluation of the year %(year)s") % {"year": phase.cycle.year},
            introduction=gettext(
                "How did the dialogue work this year, and what should change? Your answers feed the next cycle's goals."
            ),
            language=settings.LANGUAGE_CODE,
            # The phase's last day; a phase opened late (after a pause of beat) still gives a day to answer.
            deadline=max(phase.ends_on, timezone.localdate()),
            anonymous=True,
        )
        for position, (kind, text, required) in enumerate(EVALUATION, start=1):
            SurveyQuestion.objects.create(
                questionnaire=questionnaire, position=position, kind=kind, text=str(text), required=required
            )
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_active=True).order_by("pk").first()
    mails = surveys.open_questionnaire(questionnaire, by=coordinator) if coordinator else 0
    return {"questionnaire": questionnaire.pk, "mails": mails}


OPENERS: dict[str, Callable[[Phase], dict]] = {
    PhaseKind.AGENDA: _call_for_proposals,
    PhaseKind.FOLLOW_UP: _draft_follow_up,
    PhaseKind.REFORMULATION: _evaluation_of_the_year,
}


def open_phases(today: dt.date | None = None) -> list[PhaseOpening]:
    """Open every phase that covers the day and has not been opened; return the openings made now."""
    today = today or timezone.localdate()
    due = Phase.objects.filter(starts_on__lte=today, ends_on__gte=today, opening__isnull=True)
    opened = []
    for phase_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            # The phase's row lock: a second run waits here, then finds the opening and leaves it.
            phase = Phase.objects.select_for_update().select_related("cycle").get(pk=phase_id)
            if PhaseOpening.objects.filter(phase=phase).exists():
                continue
            opener = OPENERS.get(phase.kind)
            opened.append(PhaseOpening.objects.create(phase=phase, summary=opener(phase) if opener else {}))
    return opened
