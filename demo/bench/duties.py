"""Ten years of the register of duties: each of the demo's duties assessed every year before the demo's own
two (last year and this), by a bench administration contact of a responsible department, with evidence
linked to that year's actions and consultation meetings, and figures for the services on request."""

from django.db.models import Q

from core.models import Meeting, MeetingStatus, Tier
from duties.models import AssessmentStatus, Duty, DutyAssessment
from followup.models import Action

from .context import BATCH, Context

STATUSES = [
    AssessmentStatus.MET,
    AssessmentStatus.PARTLY,
    AssessmentStatus.NOT_MET,
    AssessmentStatus.NOT_ASSESSED,
]
WEIGHTS = [5, 4, 1, 1]
EVIDENCE = [
    "Protokollen från samrådsgruppen visar vad som togs upp och vad det ledde till.",
    "Informationen på finska uppdaterades och delades ut på biblioteken.",
    "Förvaltningen erbjöd plats till alla som begärde det utom två, som fick vänta till hösten.",
    "Arbetet följer handlingsplanen; två insatser blev försenade.",
    "Rutinen för att fråga vid ansökan infördes i e-tjänsten.",
    "Dialogmötena hölls enligt årssnurran och återkopplingen gavs på nästa möte.",
]


def build_duty_assessments(ctx: Context) -> int:
    rng = ctx.rng("duties")
    duties = list(Duty.objects.prefetch_related("departments").order_by("pk"))
    assessments: list[DutyAssessment] = []
    links: list[tuple[int, list[int], list[int]]] = []
    for year in ctx.years[:-2]:
        meetings = list(
            Meeting.objects.filter(
                forum__tier=Tier.CONSULTATION, status=MeetingStatus.HELD, starts_at__year=year
            ).values_list("pk", flat=True)
        )
        for duty in duties:
            codes = [d.code for d in duty.departments.all()]
            people = [p for code in codes for p in ctx.admin_by_department.get(code, [])]
            status = rng.choices(STATUSES, WEIGHTS)[0]
            received = rng.randint(3, 60) if duty.on_request else None
            offered = rng.randint(max(0, (received or 0) - 5), received) if received is not None else None
            assessments.append(
                DutyAssessment(
                    duty=duty,
                    year=year,
                    status=status,
                    evidence="" if status == AssessmentStatus.NOT_ASSESSED else rng.choice(EVIDENCE),
                    language="sv",
                    requests_received=received,
                    requests_offered=offered,
                    served=offered if duty.counts_served else None,
                    recorded_by=rng.choice(people) if people else None,
                )
            )
            actions = list(
                Action.objects.filter(
                    Q(department__code__in=codes) | Q(collaborating_departments__code__in=codes),
                    cycle__year=year,
                )
                .distinct()
                .values_list("pk", flat=True)[:4]
            )
            links.append((len(assessments) - 1, actions, meetings[:4]))
    DutyAssessment.objects.bulk_create(assessments, batch_size=BATCH)
    action_rows, meeting_rows = [], []
    for index, actions, meetings in links:
        pk = assessments[index].pk
        action_rows += [DutyAssessment.actions.through(dutyassessment_id=pk, action_id=a) for a in actions]
        meeting_rows += [
            DutyAssessment.meetings.through(dutyassessment_id=pk, meeting_id=m) for m in meetings
        ]
    DutyAssessment.actions.through.objects.bulk_create(action_rows, batch_size=BATCH)
    DutyAssessment.meetings.through.objects.bulk_create(meeting_rows, batch_size=BATCH)
    ctx.counts["duty assessments"] = len(assessments)
    return len(assessments)
