"""Ten years of the yearly follow-up: every year before the demo's own two (last year approved, this year a
draft) answered and approved, so that the list and an approved follow-up are read from snapshots of years
full of meetings, actions and assessments."""

import datetime as dt

from django.utils import timezone

from annual import services
from annual.models import FollowUpAnswer, FollowUpQuestion
from core.models import Role, User

from . import BENCH_DOMAIN
from .context import Context

ANSWERS = [
    "Samrådsgruppen möttes fyra gånger och dialoggrupperna enligt årssnurran.",
    "Ungdomsrådet samråddes om fritidsgårdarna och om biblioteket.",
    "Målen gäller; riktlinjerna för samråd reviderades.",
    "Insatserna följer handlingsplanen; två blev försenade.",
    "Skyldigheterna uppfylldes i huvudsak; kartläggningen av språkkunskaper fortsätter.",
    "Statsbidraget användes enligt redovisningen.",
]


def build_follow_ups(ctx: Context) -> int:
    rng = ctx.rng("annual")
    questions = list(FollowUpQuestion.objects.filter(is_active=True))
    coordinator = User.objects.filter(role=Role.COORDINATOR).order_by("pk").first()
    made = 0
    for year in ctx.years[:-2]:
        follow_up, created = services.draft(year)
        if not created:
            continue
        FollowUpAnswer.objects.bulk_create(
            FollowUpAnswer(follow_up=follow_up, question=q, text=rng.choice(ANSWERS), language="sv")
            for q in questions
        )
        if coordinator is not None:
            services.approve(follow_up, by=coordinator)
        made += 1
    ctx.counts["yearly follow-ups"] = made
    return made


EVALUATION_TEXTS = [
    "Fler dialogmöten på kvällstid.",
    "Återkopplingen på förslagen dröjer.",
    "Bra att protokollen kommer ut snabbt.",
    "Bjud in ungdomsrådet oftare.",
]


def build_evaluations(ctx: Context) -> int:
    """The evaluation of each earlier year, closed, answered by that year's bench representatives (anonymously)."""
    from surveys.models import Answer, Participation, QuestionKind, Questionnaire, Response, SurveyQuestion

    rng = ctx.rng("evaluations")
    representatives = list(
        User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}", role=Role.REPRESENTATIVE).order_by("pk")
    )
    answers = 0
    for year in ctx.years[:-2]:
        questionnaire = Questionnaire.objects.create(
            title=f"Utvärdering av året {year}",
            language="sv",
            deadline=dt.date(year, 12, 31),
            status="closed",
            opened_at=timezone.make_aware(dt.datetime(year, 10, 1, 6)),
        )
        scale = SurveyQuestion.objects.create(
            questionnaire=questionnaire,
            position=1,
            text="Hur väl fungerade dialogen?",
            kind=QuestionKind.SCALE,
        )
        text = SurveyQuestion.objects.create(
            questionnaire=questionnaire, position=2, text="Vad bör ändras?", kind=QuestionKind.TEXT
        )
        takers = rng.sample(representatives, k=min(len(representatives), max(5, len(representatives) // 2)))
        Participation.objects.bulk_create(Participation(questionnaire=questionnaire, user=p) for p in takers)
        responses = Response.objects.bulk_create(
            Response(questionnaire=questionnaire, received_on=dt.date(year, 11, 15)) for _ in takers
        )
        rows = []
        for response in responses:
            rows.append(Answer(response=response, question=scale, value=str(rng.randint(1, 5))))
            rows.append(Answer(response=response, question=text, value=rng.choice(EVALUATION_TEXTS)))
        Answer.objects.bulk_create(rows)
        answers += len(responses)
    ctx.counts["evaluation answers"] = answers
    return answers
