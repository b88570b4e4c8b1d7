"""Rows for the yearly follow-up: it quotes the consultation log, so it is read as the reports are, by
coordinators, administrators and politicians; members of the consultation group (the representative of the
world) read it once it is sent to them for review. Coordinators write, send, approve it and keep its questions."""

from tests.permission_rows import everyone, signed_in_statuses


def _draft(world) -> dict:
    from tests.annual.factories import YearlyFollowUpFactory

    return {"year": YearlyFollowUpFactory().year}


def _in_review(world) -> dict:
    from annual.models import FollowUpStatus
    from tests.annual.factories import YearlyFollowUpFactory

    return {"year": YearlyFollowUpFactory(status=FollowUpStatus.IN_REVIEW).year}


def _question(world) -> dict:
    from tests.annual.factories import FollowUpQuestionFactory

    return {"pk": FollowUpQuestionFactory().pk}


READERS = signed_in_statuses(
    resident=403,
    representative=200,
    other_representative=403,
    admin_contact=403,
    politician=200,
    coordinator=200,
    administrator=200,
)
KEEPERS = signed_in_statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)
# A draft: the consultation group's members do not know of it yet.
DRAFT_READERS = {
    **READERS,
    "resident": 404,
    "representative": 404,
    "other_representative": 404,
    "admin_contact": 404,
}
DRAFT_KEEPERS = {
    **KEEPERS,
    **dict.fromkeys(("resident", "representative", "other_representative", "admin_contact"), 404),
}

ROWS = {
    "annual:list": ({}, READERS),
    "annual:draft": ({}, everyone(405)),
    "annual:questions": ({}, KEEPERS),
    "annual:question_create": ({}, KEEPERS),
    "annual:question_edit": (_question, KEEPERS),
    "annual:detail": (_draft, DRAFT_READERS),
    "annual:edit": (_draft, DRAFT_KEEPERS),
    "annual:approve": (_draft, DRAFT_KEEPERS),
    "annual:review": (_draft, everyone(405)),
}
# In review: the consultation group's members read it; who may not know of it gets 404.
REVIEW_READERS = {**READERS, "resident": 404, "other_representative": 404, "admin_contact": 404}
ROWS["annual:pdf"] = (lambda world: {**_in_review(world), "language": "fi"}, REVIEW_READERS)
ROWS["annual:export"] = (
    lambda world: {**_in_review(world), "language": "sv", "fmt": "xlsx"},
    REVIEW_READERS,
)
