"""A questionnaire's results: per question the distribution (scale and choices) or the texts, and a breakdown
by forum only where it cannot identify anyone (from `min_answers` answers in total and per forum)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import SCALE, Answer, QuestionKind, Questionnaire, SurveyQuestion


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # (option, answers, share in %)
    average: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    responses: int
    enough: bool  # at least min_answers: texts and the breakdown may be shown
    questions: list[QuestionResult]
    breakdown: list[tuple[str, int, list[float | None]]]  # (forum, answers, average per scale question)
    scale_questions: list[SurveyQuestion]


def results(questionnaire: Questionnaire) -> Results:
    questions = list(questionnaire.questions.all())
    answers = list(
        Answer.objects.filter(response__questionnaire=questionnaire).values_list(
            "question_id", "value", "response__forum__name"
        )
    )
    # One row per response: their number and their forums in one query.
    forums = list(questionnaire.responses.values_list("forum__name", flat=True))
    responses = len(forums)
    enough = responses >= questionnaire.min_answers
    by_question: dict[int, list[str]] = defaultdict(list)
    by_forum: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    forum_sizes: Counter = Counter(forums)
    for question_id, value, forum in answers:
        by_question[question_id].append(value)
        if value.isdigit():
            by_forum[forum or ""][question_id].append(int(value))
    rows = []
    for question in questions:
        values = by_question.get(question.pk, [])
        result = QuestionResult(question, answered=len(values))
        if question.kind == QuestionKind.TEXT:
            result.texts = sorted(values) if enough else []
        else:
            options = [str(n) for n in SCALE] if question.kind == QuestionKind.SCALE else question.choice_list
            counted = Counter(values)
            result.counts = [
                (
                    option,
                    counted.get(option, 0),
                    round(100 * counted.get(option, 0) / len(values)) if values else 0,
                )
                for option in options
            ]
            numbers = [int(v) for v in values if v.isdigit()]
            if question.kind == QuestionKind.SCALE and numbers:
                result.average = round(sum(numbers) / len(numbers), 1)
        rows.append(result)
    scale = [q for q in questions if q.kind == QuestionKind.SCALE]
    breakdown = []
    if enough:
        for forum, size in sorted(forum_sizes.items(), key=lambda item: str(item[0])):
            if forum and size >= questionnaire.min_answers:
                averages = [
                    round(sum(v) / len(v), 1) if (v := by_forum[forum].get(q.pk)) else None for q in scale
                ]
                breakdown.append((forum, size, averages))
    return Results(responses, enough, rows, breakdown, scale)
