"""Rows for the proposal workflow: proposing, "My proposals", a proposal, the inbox and each step."""

from proposals import services
from tests.permission_rows import everyone, signed_in_only


def _proposal(world) -> dict:
    """A proposal of the Sweden Finns' dialogue group by its representative."""
    proposal = services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser behövs.",
    )
    return {"pk": proposal.pk}


# Members of the Sweden Finns' dialogue group, the proposer and those who see every meeting see it;
# a representative of another minority and a resident get 404; visitors are asked to sign in.
SEE_PROPOSAL = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "other_representative": 404,
    "admin_contact": 200,
    "politician": 200,
    "coordinator": 200,
    "administrator": 200,
}
COORDINATORS_ONLY = {
    **dict.fromkeys(SEE_PROPOSAL, 403),
    "anonymous": 302,
    "coordinator": 200,
    "administrator": 200,
}
# Members of at least one forum propose; the world's coordinator holds no membership.
MEMBERS = {**signed_in_only(200), "resident": 403, "coordinator": 403}
DELETE = {**SEE_PROPOSAL, "representative": 403, "admin_contact": 403, "politician": 403, "coordinator": 403}
POST_ONLY = everyone(405)


def _attachment(world) -> dict:
    """A PDF attached to the Sweden Finns' proposal."""
    from django.core.files.base import ContentFile

    from proposals.models import ProposalAttachment
    from tests.factories import PDF_BYTES

    proposal = services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Med bilaga",
        description="Se bilagan.",
    )
    attachment = ProposalAttachment(
        proposal=proposal, name="underlag.pdf", content_type="application/pdf", size=len(PDF_BYTES)
    )
    attachment.file.save("underlag.pdf", ContentFile(PDF_BYTES), save=True)
    return {"pk": attachment.pk}


ROWS = {
    "proposals:attachment_download": (_attachment, SEE_PROPOSAL),
    "proposals:propose": ({}, MEMBERS),
    "proposals:mine": ({}, signed_in_only()),
    "proposals:inbox": ({}, COORDINATORS_ONLY),
    "proposals:detail": (_proposal, SEE_PROPOSAL),
    "proposals:delete": (_proposal, DELETE),
    **{
        f"proposals:{step}": (_proposal, POST_ONLY)
        for step in ("decide", "consider", "place", "merge", "defer", "decline", "resolve", "answered")
    },
}
