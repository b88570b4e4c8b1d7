"""The yearly follow-up in the demo: its questions (demo/data/annual/questions.toml), last year's follow-up
written and approved, and this year's draft with some answers."""

import datetime as dt
import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from annual import services
from annual.models import FollowUpAnswer, FollowUpQuestion, FollowUpStatus
from annual.wheel import open_phases
from core.models import User
from demo.upsert import upsert
from followup.models import Cycle
from surveys import services as surveys
from surveys.models import QuestionKind, Questionnaire, SurveyQuestion

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
    _survey_after_a_meeting(today)


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


SURVEY_TITLE = "Enkät efter dialogmötet"
# (how useful, when, what to change), one row per representative who answered.
SURVEY_ANSWERS = [
    ("4", "Kväll", "Mer tid till övriga frågor."),
    ("5", "Kväll", ""),
    ("3", "Dag", "Skicka handlingarna tidigare."),
    ("4", "Kväll", "Tolkning till finska vid behov."),
    ("2", "Dag", "Fler möten med förvaltningarna."),
]


def _survey_after_a_meeting(today: dt.date) -> None:
    """The recurring survey after a meeting (seed 003), sent to every representative and answered by five:
    enough for its results to show the free texts."""
    if Questionnaire.objects.filter(title=SURVEY_TITLE).exists():
        return
    coordinator = User.objects.get(email=COORDINATOR)
    questionnaire = Questionnaire.objects.create(
        title=SURVEY_TITLE,
        introduction="Tre korta frågor om det senaste dialogmötet. Svaren är anonyma.",
        language="sv",
        # Open for two weeks from the day the demo is built (a demo built for an earlier day too).
        deadline=max(today, timezone.localdate()) + dt.timedelta(days=14),
        anonymous=True,
        created_by=coordinator,
    )
    questions = [
        SurveyQuestion.objects.create(
            questionnaire=questionnaire, position=1, text="Hur givande var mötet?", kind=QuestionKind.SCALE
        ),
        SurveyQuestion.objects.create(
            questionnaire=questionnaire,
            position=2,
            text="När passar mötena dig bäst?",
            kind=QuestionKind.CHOICE,
            choices="Dag\nKväll",
        ),
        SurveyQuestion.objects.create(
            questionnaire=questionnaire, position=3, text="Vad bör vi ändra?", kind=QuestionKind.TEXT
        ),
    ]
    surveys.open_questionnaire(questionnaire, by=coordinator)
    for person, values in zip(questionnaire.audience().order_by("email"), SURVEY_ANSWERS, strict=False):
        surveys.answer(questionnaire, person, {q.pk: v for q, v in zip(questions, values, strict=True)})
