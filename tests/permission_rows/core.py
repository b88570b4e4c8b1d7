"""Rows for the shared app, the home page and django-allauth."""

from tests.permission_rows import SIGNED_IN, everyone, signed_in_only, visitors_only

# url name -> (kwargs for reverse, expected status per role)
ROWS = {
    "root": ({}, everyone(302)),
    "health": ({}, everyone(200)),
    "home": ({}, everyone(200)),
    "core:profile": ({}, signed_in_only()),
    # django-allauth: signing in and out, sign-up for residents, password reset.
    "account_login": ({}, visitors_only()),
    "account_signup": ({}, visitors_only()),
    "account_logout": ({}, {"anonymous": 302, **dict.fromkeys(SIGNED_IN, 200)}),
    "account_inactive": ({}, everyone(200)),
    "account_reauthenticate": ({}, signed_in_only()),
    "account_email": ({}, signed_in_only()),
    "account_email_verification_sent": ({}, everyone(200)),
    "account_change_password": ({}, signed_in_only()),
    # People with a password are sent to "change password".
    "account_set_password": ({}, everyone(302)),
    "account_reset_password": ({}, everyone(200)),
    "account_reset_password_done": ({}, everyone(200)),
    "account_reset_password_from_key": ({"uidb36": "zz", "key": "not-a-valid-key"}, everyone(200)),
    "account_reset_password_from_key_done": ({}, everyone(200)),
    "account_confirm_email": ({"key": "not-a-valid-key"}, everyone(200)),
    # Sign-in by code is off: there is no pending code to confirm, so everyone is sent on.
    "account_confirm_login_code": ({}, everyone(302)),
}


def _finnish(world) -> dict:
    return {"pk": world["meetings"]["finnish"].pk}


def _finnish_item(world) -> dict:
    return {"pk": world["meetings"]["finnish"].agenda_items.first().pk}


def _finnish_forum(world) -> dict:
    return {"slug": world["forums"]["finnish_dialogue"].slug}


# The Sweden Finns' dialogue group: its members (representative, administration contact) and those
# who see every meeting may look; others signed in get 404; visitors are asked to sign in.
SEE_FINNISH = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "other_representative": 404,
    "admin_contact": 200,
    "politician": 200,
    "coordinator": 200,
    "administrator": 200,
}
# Changing it: coordinators and administrators; members and politicians may see it, so they get 403.
CHANGE_FINNISH = {**SEE_FINNISH, "representative": 403, "admin_contact": 403, "politician": 403}
POST_ONLY = everyone(405)

ROWS.update(
    {
        "core:forum_list": ({}, everyone(200)),
        "core:forum_detail": (_finnish_forum, SEE_FINNISH),
        "core:meeting_create": (_finnish_forum, CHANGE_FINNISH),
        "core:meeting_detail": (_finnish, SEE_FINNISH),
        "core:meeting_edit": (_finnish, CHANGE_FINNISH),
        "core:meeting_cancel": (_finnish, CHANGE_FINNISH),
        "core:meeting_attendance": (_finnish, CHANGE_FINNISH),
        "core:minutes_edit": (_finnish, CHANGE_FINNISH),
        "core:agenda_item_create": (_finnish, CHANGE_FINNISH),
        "core:attachment_create": (_finnish, CHANGE_FINNISH),
        "core:agenda_item_edit": (_finnish_item, CHANGE_FINNISH),
        "core:agenda_item_delete": (_finnish_item, CHANGE_FINNISH),
        # The history is for the forum's members and coordinators; a politician sees the meeting, not its log.
        "core:meeting_history": (_finnish, {**SEE_FINNISH, "politician": 403}),
        "core:meeting_ics": (_finnish, SEE_FINNISH),
        "core:attachment_download": (lambda world: {"pk": world["attachment"].pk}, SEE_FINNISH),
        "core:meeting_publish": (_finnish, POST_ONLY),
        "core:meeting_respond": (_finnish, POST_ONLY),
        "core:meeting_add_guest": (_finnish, POST_ONLY),
        "core:minutes_move": (_finnish, POST_ONLY),
        "core:agenda_item_move": (_finnish_item, POST_ONLY),
        "core:attachment_delete": (lambda world: {"pk": world["attachment"].pk}, POST_ONLY),
        "core:calendar_feed_reset": ({}, POST_ONLY),
        "core:calendar": ({}, everyone(200)),
        "core:calendar_list": ({}, everyone(200)),
        # A feed answers only to a person's secret token; a made-up one finds nothing.
        "core:calendar_feed": ({"token": "made-up-token-that-belongs-to-nobody"}, everyone(404)),
        # A public forum's feed is for everyone (calendar apps cannot sign in); a forum not open is not found.
        "core:forum_feed": (lambda world: {"slug": world["forums"]["consultation"].slug}, everyone(200)),
        "core:published_minutes": ({}, everyone(200)),
        # The floor of `make bench`: public, one query.
        "core:bench_floor": ({}, everyone(200)),
        # The accessibility statement and the privacy notice are for everyone.
        "core:accessibility": ({}, everyone(200)),
        "core:privacy": ({}, everyone(200)),
    }
)
