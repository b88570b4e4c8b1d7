"""Rows for invitations, a person's own data and erasure. Invitations are the coordinators' (403 to the
other signed-in roles); the link in the mail opens for anyone, and an unknown token is 404; a person's
data is their own; erasing a person is for administrators only."""

from tests.permission_rows import SIGNED_IN, everyone, signed_in_only

COORDINATORS = {
    "anonymous": 302,
    **dict.fromkeys(SIGNED_IN, 403),
    "coordinator": 200,
    "administrator": 200,
}
ADMINISTRATORS = {"anonymous": 302, **dict.fromkeys(SIGNED_IN, 403), "administrator": 200}


def _invitation(world) -> dict:
    from tests.factories import InvitationFactory

    return {"pk": InvitationFactory().pk}


def _representative(world) -> dict:
    return {"pk": world["people"]["representative"].pk}


def _erasure(world) -> dict:
    from core.models import ErasureRecord

    return {"pk": ErasureRecord.objects.create(reason="test").pk}


ROWS = {
    "core:invitation_list": ({}, COORDINATORS),
    "core:invitation_create": ({}, COORDINATORS),
    "core:invitation_resend": (_invitation, everyone(405)),
    "core:invitation_revoke": (_invitation, everyone(405)),
    "core:invitation_accept": ({"token": "not-a-valid-token"}, everyone(404)),
    "core:my_data": ({}, signed_in_only()),
    "core:my_data_json": ({}, signed_in_only()),
    "core:session_keep_alive": ({}, signed_in_only()),
    "core:person_erase": (_representative, ADMINISTRATORS),
    "core:erasure_record": (_erasure, ADMINISTRATORS),
}
