"""Ten years of the yearly follow-up: every year before the demo's own two (last year approved, this year a
draft) answered and approved, so that the list and an approved follow-up are read from snapshots of years
full of meetings, actions and assessments."""

from annual import services
from annual.models import FollowUpAnswer, FollowUpQuestion
from core.models import Role, User

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
