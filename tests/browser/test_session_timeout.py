"""Timing (WCAG 2.2.1) in Chromium: before a signed-in session ends for inactivity a dialog warns, and its
"Stay signed in" button extends the session; near the twelve-hour end it says the session cannot be
extended. The times are made short through the settings."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from core.auth import SIGNED_IN_AT
from core.models import Session
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(page, live_server, user, **session_values) -> str:
    """Sign the browser in (as `sign_in_as` does) with extra session values; returns the session key."""
    from django.conf import settings

    client = Client()
    client.force_login(user)
    session = client.session
    for key, value in session_values.items():
        session[key] = value
    session.save()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return session.session_key


def test_the_warning_appears_before_the_idle_end_and_staying_extends_the_session(
    page, live_server, world, settings
):
    # The session ends 400 s after the last activity and the warning comes 398 s before: at once.
    settings.SESSION_COOKIE_AGE = 400
    settings.SESSION_WARNING_SECONDS = 398
    key = signed_in(page, live_server, world["people"]["representative"])
    page.goto(reverse("proposals:mine"))
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=10_000)
    stay = dialog.locator("[data-stay]")
    expect(stay).to_be_focused()
    assert dialog.locator("[data-ends]").first.inner_text().strip()
    assert_accessible(page, "session-warning")

    before = Session.objects.get(session_key=key).expire_date
    idle_before = int(page.locator("body").get_attribute("data-session-idle-ends"))
    time.sleep(1.1)  # the new end is a later second
    with page.expect_response(lambda response: "/session/keep-alive/" in response.url) as answer:
        stay.click()
    assert answer.value.status == 200
    expect(page.locator("#session-timeout-status")).not_to_be_empty()
    assert int(page.locator("body").get_attribute("data-session-idle-ends")) > idle_before
    assert Session.objects.get(session_key=key).expire_date > before


def test_near_the_twelve_hour_end_the_dialog_says_the_session_cannot_be_extended(
    mobile_page, live_server, world, settings
):
    settings.SESSION_ABSOLUTE_SECONDS = 3600
    key = signed_in(
        mobile_page, live_server, world["people"]["representative"], **{SIGNED_IN_AT: int(time.time()) - 3500}
    )
    assert key
    with translation.override("fi"):
        url = reverse("proposals:mine")
    mobile_page.goto(url)
    dialog = mobile_page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=10_000)
    expect(dialog.locator('[data-state="absolute"]')).to_be_visible()
    expect(dialog.locator("[data-stay]")).to_be_hidden()
    # The dialog fits a 320 px screen.
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert_accessible(mobile_page, "session-absolute-end")
    dialog.locator('[data-state="absolute"] [data-close]').click()
    expect(dialog).to_be_hidden()
