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
