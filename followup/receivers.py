"""What the follow-up does when an app below it signals a step (connected in FollowupConfig.ready)."""

from .services import tell_commitment


def on_commitment_created(sender, commitment, **kwargs) -> None:
    tell_commitment(commitment)
