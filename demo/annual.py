"""The yearly follow-up in the demo: its questions (demo/data/annual/questions.toml), last year's follow-up
written and approved, and this year's draft with some answers."""

import datetime as dt
import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation

from annual import services
from annual.models import FollowUpAnswer, FollowUpQuestion, FollowUpStatus
from annual.wheel import open_phases
from core.models import User
from demo.upsert import upsert
from followup.models import Cycle
from surveys import services as surveys
from surveys.models import Questionnaire

DATA = Path(__file__).parent / "data" / "annual" / "questions.toml"
COORDINATOR = "samordnare@example.org"


def load() -> dict:
    with DATA.open("rb") as file:
        return tomllib.load(file)


def _texts(name: str, texts: dict) -> dict:
    return {f"{name}_{code}": texts.get(code) or "" for code in ("sv", "fi", "en")}


def build_annual_demo(today: dt.date) -> None:
    """Create or update the demo's questions and follow-ups; a second run writes nothing new."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        data = load()
        questions = {}
        for position, item in enumerate(data["questions"], start=1):
            questions[item["code"]], _ = upsert(
                FollowUpQuestion,
                code=item["code"],
                defaults={
                    **_texts("question", item["question"]),
                    **_texts("guidance", item.get("guidance", {})),
                    "figures": item["figures"],
                    "position": position * 10,
                },
            )
        coordinator = User.objects.get(email=COORDINATOR)
        for which, year in (("last", today.year - 1), ("this", today.year)):
            follow_up, _created = services.draft(year, by=coordinator)
            if follow_up.status == FollowUpStatus.APPROVED:
                continue
            for code, text in data["answers"][which].items():
                upsert(
                    FollowUpAnswer,
                    follow_up=follow_up,
                    question=questions[code],
                    defaults={"text": text, "language": "sv", "updated_by": coordinator},
                )
            if which == "last":
                services.approve(follow_up, by=coordinator)
    # The wheel opens the phases of this year that have begun, as beat would have each on its first morning
    # (the call for proposals goes to the demo's representatives through the outbox).
    cycle = Cycle.objects.current(today)
    for phase in cycle.phases.filter(starts_on__lte=today).order_by("starts_on") if cycle else []:
        open_phases(phase.starts_on)
    _answer_the_evaluation()


# The demo's representatives' answers to the evaluation of the year: (scale, scale, text).
EVALUATION_ANSWERS = [
    ("4", "3", "Fler dialogmöten på kvällstid."),
    ("5", "4", "Bra att protokollen kommer ut snabbt."),
    ("3", "2", "Återkopplingen på våra förslag dröjer."),
    ("4", "4", "Bjud in ungdomsrådet oftare."),
    ("2", "3", "Kallelserna behöver komma tidigare."),
]


def _answer_the_evaluation() -> None:
    """The evaluation the reformulation phase sent, answered by the representatives it went to."""
    evaluation = Questionnaire.objects.filter(title__startswith="Utvärdering av året").order_by("-pk").first()
    if evaluation is None or evaluation.responses.exists():
        return
    questions = list(evaluation.questions.order_by("position"))
    for person, values in zip(evaluation.audience().order_by("email"), EVALUATION_ANSWERS, strict=False):
        surveys.answer(evaluation, person, {q.pk: v for q, v in zip(questions, values, strict=True)})
