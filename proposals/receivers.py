"""What the proposals app does when the shared app signals a step (connected in ProposalsConfig.ready)."""

from core.models import Meeting

from .services import tell_decisions


def on_minutes_published(sender, meeting: Meeting, **kwargs) -> None:
    tell_decisions(meeting)
