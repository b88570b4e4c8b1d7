"""The section "Dialogue since the last consultation" on a consultation meeting's page (registered in apps.py)."""

from django.http import HttpRequest

from core.models import Meeting

from .selectors import dialogue_since_previous_consultation


def dialogue_section(request: HttpRequest, meeting: Meeting) -> dict:
    """The overview, with a link to each dialogue meeting the person may open."""
    overview = dialogue_since_previous_consultation(meeting)
    user = request.user
    # The consultation group's members follow every minority's issues; the public sees that meetings
    # were held, not what the closed dialogue groups discussed.
    follows_dialogue = user.has_perm("core.view_meeting_history", meeting)
    minorities = [
        {
            "forum": dialogue.forum,
            "minority": dialogue.minority,
            "meetings": [
                {
                    "meeting": held,
                    "url": held.get_absolute_url() if user.has_perm("core.view_meeting", held) else None,
                }
                for held in dialogue.meetings
            ],
            "issues": dialogue.issues
            if follows_dialogue or any(user.has_perm("core.view_meeting", held) for held in dialogue.meetings)
            else [],
        }
        for dialogue in overview.minorities
    ]
    return {"overview": overview, "minorities": minorities}
