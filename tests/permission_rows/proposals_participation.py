"""Rows for comments, support and the consultation log, on a proposal of the Sweden Finns' dialogue group
by its representative. Its forum's members and those who see every meeting know of it; the resident and
the Roma council's representative do not (404). POST-only actions answer GET with 405.
"""

from tests.permission_rows import everyone, signed_in_statuses


def _proposal(world):
    from proposals.models import Proposal

    return Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser.",
    )


def _proposal_kwargs(world) -> dict:
    return {"pk": _proposal(world).pk}


def _comment_kwargs(world) -> dict:
    from proposals.models import Comment

    comment = Comment.objects.create(
        proposal=_proposal(world), author=world["people"]["representative"], text="Hej"
    )
    return {"pk": comment.pk}


def _item_kwargs(world) -> dict:
    return {"pk": world["meetings"]["finnish"].agenda_items.first().pk}


_statuses = signed_in_statuses


COORDINATORS_ACT = _statuses(
    resident=404,
    representative=403,
    other_representative=404,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)
LOG_READERS = _statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=200,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "proposals:comment": (_proposal_kwargs, everyone(405)),
    "proposals:support": (_proposal_kwargs, everyone(405)),
    "proposals:hide_comment": (_comment_kwargs, COORDINATORS_ACT),
    "proposals:consultation_add": (_proposal_kwargs, COORDINATORS_ACT),
    "proposals:agenda_item_consultation_add": (_item_kwargs, COORDINATORS_ACT),
    "proposals:consultation_log": ({}, LOG_READERS),
    "proposals:consultation_export": ({}, LOG_READERS),
}
