"""Rows for the notification settings (everyone signed in, each their own) and following (POST only)."""

from tests.factories import ActionFactory
from tests.permission_rows import everyone, signed_in_only


def _action(world) -> dict:
    return {"key": "action", "pk": ActionFactory(is_public=True, department=world["department"]).pk}


ROWS = {
    "core:notification_settings": ({}, signed_in_only(200)),
    "core:follow": (_action, everyone(405)),
    "core:unfollow": (_action, everyone(405)),
}
