"""Rows for the proposal's story: taking a "not answered" proposal up again and writing a comment on an action
are POST only; hiding a comment on an action is for coordinators."""

from followup.models import ActionComment
from proposals import services
from tests.factories import ActionFactory
from tests.permission_rows import everyone


def _proposal(world) -> dict:
    proposal = services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser behövs.",
    )
    return {"pk": proposal.pk}


def _action(world) -> dict:
    return {"pk": ActionFactory(department=world["department"]).pk}


def _comment(world) -> dict:
    """A comment by the Sweden Finns' representative on an action that is not public."""
    action = ActionFactory(department=world["department"])
    comment = ActionComment.objects.create(
        action=action, author=world["people"]["representative"], text="Bra."
    )
    return {"pk": comment.pk}


# Residents do not know of an action that is not public (404); visitors are asked to sign in; everyone else
# sees it and may not hide its comments (403) but coordinators and administrators.
HIDE = {
    "anonymous": 302,
    "resident": 404,
    "representative": 403,
    "other_representative": 403,
    "admin_contact": 403,
    "politician": 403,
    "coordinator": 200,
    "administrator": 200,
}

ROWS = {
    # The coordinator's step after a proposer's "not answered" (POST only, as every step of the workflow).
    "proposals:take_up_again": (_proposal, everyone(405)),
    "followup:action_comment": (_action, everyone(405)),
    "followup:action_comment_hide": (_comment, HIDE),
}
