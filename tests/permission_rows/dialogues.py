"""Rows for the dialogue tier: commitments lifted at a meeting of the Sweden Finns' dialogue group to the
administration contact's department (SÄF). The group's members and the department's contact know of
it; the resident and the Roma council's representative do not (404).
"""

from tests.permission_rows import everyone, signed_in_statuses


def _commitment(world) -> dict:
    from tests.dialogues.factories import CommitmentFactory

    item = world["meetings"]["finnish"].agenda_items.first()
    return {"pk": CommitmentFactory(agenda_item=item, department=world["department"]).pk}


def _meeting(world) -> dict:
    return {"meeting_pk": world["meetings"]["finnish"].pk}


_statuses = signed_in_statuses


ROWS = {
    # Coordinators create; those who see the meeting but may not create get 403; others 404.
    "dialogues:commitment_create": (
        _meeting,
        _statuses(
            resident=404,
            representative=403,
            other_representative=404,
            admin_contact=403,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
    "dialogues:commitment_list": (
        {},
        _statuses(
            resident=403,
            representative=200,
            other_representative=200,
            admin_contact=200,
            politician=200,
            coordinator=200,
            administrator=200,
        ),
    ),
    "dialogues:commitment_detail": (
        _commitment,
        _statuses(
            resident=404,
            representative=200,
            other_representative=404,
            admin_contact=200,
            politician=200,
            coordinator=200,
            administrator=200,
        ),
    ),
    "dialogues:commitment_answer": (
        _commitment,
        _statuses(
            resident=404,
            representative=403,
            other_representative=404,
            admin_contact=200,
            politician=403,
            coordinator=200,
            administrator=200,
        ),
    ),
    # POST only: a GET is refused before anything else is looked at.
    "dialogues:commitment_received": (_commitment, everyone(405)),
}
