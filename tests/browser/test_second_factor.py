"""Two-step sign-in in real Chromium: a coordinator without an authenticator app signs in, is sent to set
one up, confirms the password, scans (reads) the secret, enters the code and reaches the portal; the
pages pass axe and fit 320 px. The next sign-in asks for the code."""

import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from playwright.sync_api import expect

from core.models import Role
from tests.browser.conftest import assert_accessible, sign_in_with_form
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_coordinator_sets_up_an_authenticator_app_and_signs_in_with_it(page, mobile_page, world):
    cache.clear()
    coordinator = UserFactory(email="ny.samordnare@example.org", role=Role.COORDINATOR, second_factor=False)
    sign_in_with_form(page, coordinator.email, PASSWORD)
    # Sent to set up the second factor; first the password once more.
    expect(page).to_have_url(re.compile(r"/sv/accounts/reauthenticate/"))
    expect(page.get_by_text("Din roll kräver inloggning i två steg")).to_be_visible()
    assert_accessible(page, "mfa-reauthenticate")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/totp/activate/"))
    assert_accessible(page, "mfa-activate")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(code_for(secret))
    page.locator("#main form button[type=submit]").click()
    page.goto("/sv/followup/")
    expect(page.locator("h1")).to_be_visible()
    assert "/accounts/" not in page.url
    page.goto("/sv/accounts/2fa/")  # the overview of the person's second factors
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "mfa-index")

    # The next sign-in asks for the code.
    page.context.clear_cookies()
    time.sleep(1)
    sign_in_with_form(page, coordinator.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/authenticate/"))
    assert_accessible(page, "mfa-authenticate")
    mobile_page.goto(page.url)
    assert mobile_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
