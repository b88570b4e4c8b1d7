"""Rows for questionnaires: the list is for everyone signed in (it shows what is theirs); coordinators compose
and send; coordinators and politicians read the results; those it is sent to answer it (the world's
representative is a member of the Finnish dialogue group it goes to)."""

from tests.permission_rows import everyone, signed_in_statuses


def _questionnaire(world, **kwargs) -> dict:
    import datetime as dt

    from django.utils import timezone

    from surveys.models import QuestionKind, Questionnaire, SurveyQuestion

    questionnaire = Questionnaire.objects.create(
        title="Hur fungerade dialogen?",
        forum=world["forums"]["finnish_dialogue"],
        deadline=timezone.localdate() + dt.timedelta(days=14),
        **kwargs,
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire, text="Hur nöjd är du?", kind=QuestionKind.SCALE
    )
    return {"pk": questionnaire.pk}


def _open(world) -> dict:
    return _questionnaire(world, status="open")


KEEPERS = signed_in_statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)
# A questionnaire is the coordinators' until its results: who may not keep them may not know of it.
HIDDEN = {
    **KEEPERS,
    **dict.fromkeys(
        ("resident", "representative", "other_representative", "admin_contact", "politician"), 404
    ),
}
RESULTS = {**HIDDEN, "politician": 200}

ROWS = {
    "surveys:list": (
        {},
        signed_in_statuses(
            resident=200,
            representative=200,
            other_representative=200,
            admin_contact=200,
            politician=200,
            coordinator=200,
            administrator=200,
        ),
    ),
    "surveys:create": ({}, KEEPERS),
    "surveys:detail": (_questionnaire, HIDDEN),
    "surveys:edit": (_questionnaire, HIDDEN),
    "surveys:send": (_questionnaire, everyone(405)),
    "surveys:results": (_open, RESULTS),
    "surveys:export": (lambda world: {**_open(world), "fmt": "xlsx"}, RESULTS),
    # The Finnish dialogue group's members answer (the representative and the administration contact).
    "surveys:answer": (
        _open,
        signed_in_statuses(
            resident=404,
            representative=200,
            other_representative=404,
            admin_contact=200,
            politician=404,
            coordinator=404,
            administrator=404,
        ),
    ),
}
