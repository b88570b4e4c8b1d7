"""Rows for the second factor (allauth.mfa). Setting up an authenticator app asks a signed-in person to
confirm their password first (302 to re-authenticate); the sign-in step with a code exists only during a
sign-in (302); recovery codes exist once generated (404 before); coordinators and administrators have an
authenticator app (tests/factories.py), so they may re-authenticate with it, and its removal page sends them
back (their role requires it, core.adapters.MFAAdapter)."""

from tests.permission_rows import everyone, signed_in_only

OWN = {"anonymous": 302, **dict.fromkeys(["resident", "representative", "other_representative"], 404)}
OWN.update(admin_contact=404, politician=404)

ROWS = {
    "mfa_index": ({}, signed_in_only()),
    "mfa_activate_totp": ({}, everyone(302)),
    "mfa_authenticate": ({}, everyone(302)),
    "mfa_generate_recovery_codes": ({}, everyone(302)),
    "mfa_reauthenticate": ({}, {**everyone(302), "coordinator": 200, "administrator": 200}),
    "mfa_deactivate_totp": ({}, {**OWN, "coordinator": 302, "administrator": 302}),
    "mfa_view_recovery_codes": ({}, {**OWN, "coordinator": 404, "administrator": 404}),
    "mfa_download_recovery_codes": ({}, {**OWN, "coordinator": 404, "administrator": 404}),
}
