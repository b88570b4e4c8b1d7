"""Signals the shared app sends, for the apps above it that cannot be imported here.

`minutes_published(sender=Meeting, meeting=...)`: the minutes of a meeting have just been published; sent
inside the transaction that publishes them, so what a receiver writes (e.g. mail) commits with them.
"""

from django.dispatch import Signal

minutes_published = Signal()
