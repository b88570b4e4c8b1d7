"""Signals of the dialogues app, for the apps above it (the follow-up tells a proposal's audience).

`commitment_created(sender=Commitment, commitment=...)`: a commitment has just been lifted from an agenda
item; sent inside the transaction that creates it.
"""

from django.dispatch import Signal

commitment_created = Signal()
