"""Permissions of the proposals app (django-rules). The participation rules live in rules_participation.py."""

from . import rules_participation  # noqa: F401  (registers the comment, support and consultation-log perms)
