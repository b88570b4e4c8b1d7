"""What proposals add to a meeting's page: which agenda items came from a proposal, and by whom.
Registered with core.sections from ProposalsConfig.ready().
"""

from django.http import HttpRequest

from core.models import Meeting

from .models import Proposal


def meeting_proposals_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Agenda items proposed by members, in one query; only proposals the person may see are named."""
    proposals = list(
        Proposal.objects.visible_to(request.user)
        .filter(agenda_item__meeting=meeting)
        .select_related("proposer", "agenda_item")
        .order_by("agenda_item__position", "agenda_item__pk")
    )
    if not proposals:
        return None
    return {"proposals": proposals}
