"""Journeys through the foundation in real Chromium, with an axe scan of every page passed."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_with_form
from tests.conftest import ROLES
from tests.factories import ActionFactory, CycleFactory, MeetingFactory

PUBLIC_PAGES = [
    "/sv/",
    "/fi/",
    "/en/",
    "/sv/accounts/login/",
    "/fi/accounts/login/",
    "/sv/accounts/signup/",
    "/sv/accounts/password/reset/",
    "/sv/accounts/password/reset/done/",
]


@pytest.fixture
def portal(world):
    cycle = CycleFactory(year=timezone.localdate().year)
    MeetingFactory(forum=world["forums"]["consultation"], title="Samråd med de nationella minoriteterna")
    MeetingFactory(forum=world["forums"]["finnish_dialogue"], title="Dialogmöte sverigefinnar")
    ActionFactory(
        cycle=cycle,
        title="Finskspråkig avdelning",
        department=world["department"],
        due_on=timezone.localdate() - timezone.timedelta(days=10),
    )
    return world


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_reachable_without_signing_in_pass_axe(page, portal, path):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", path.split("/")[1])
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_home_page_of_every_role_passes_axe(page, portal, sign_in_as, role):
    person = portal["people"][role]
    sign_in_as(page, person)
    page.goto("/sv/")
    expect(page.locator("h1")).to_contain_text(person.get_short_name())
    expect(page.locator(".wheel__phases [aria-current=step]")).to_have_count(1)
    assert_accessible(page, f"home-{role}")


@pytest.mark.parametrize("path", ["/sv/", "/fi/accounts/login/", "/sv/profile/"])
def test_pages_fit_a_320_px_screen(mobile_page, portal, sign_in_as, path):
    sign_in_as(mobile_page, portal["people"]["coordinator"])
    mobile_page.goto(path)
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(mobile_page)


def test_sign_in_switch_language_and_sign_out(page, portal):
    sign_in_with_form(page, "samordnare@example.org", "correct-horse-battery")
    # A coordinator signs in in two steps: the code from the authenticator app comes second.
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/authenticate/$"))
    secret = Authenticator.objects.get(user=portal["people"]["coordinator"], type=Authenticator.Type.TOTP)
    page.locator("#id_code").fill(
        format_hotp_value(hotp_value(secret.data["secret"], int(time.time()) // 30))
    )
    page.get_by_role("button", name="Logga in").click()
    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.locator("h1")).to_have_text("Välkommen, Elin")
    expect(page.get_by_text("Finskspråkig avdelning")).to_be_visible()
    assert_accessible(page, "home-after-sign-in")

    page.get_by_role("navigation", name="Välj språk").get_by_role("link", name="suomi").click()
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.locator("h1")).to_have_text("Tervetuloa, Elin")
    assert_accessible(page, "home-fi")

    # The choice is remembered: the bare address opens in Finnish.
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/fi/$"))

    page.get_by_role("link", name=re.compile("Elin")).click()
    expect(page.locator("h1")).to_have_text("Profiilisi")
    assert_accessible(page, "profile-fi")

    page.get_by_role("button", name="Kirjaudu ulos").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Kirjaudu sisään")).to_be_visible()
    expect(page.locator("h1")).not_to_contain_text("Elin")


def test_wrong_password_is_explained_and_linked_from_an_error_summary(page, portal):
    sign_in_with_form(page, "samordnare@example.org", "wrong-password-123")
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("h2")).to_have_text("Rätta följande")
    expect(page.locator("#id_login")).to_have_value("samordnare@example.org")
    assert_accessible(page, "login-error")


def test_profile_form_saves_the_mail_language(page, portal, sign_in_as):
    person = portal["people"]["politician"]
    sign_in_as(page, person)
    page.goto("/sv/profile/")
    page.get_by_label("Föredraget språk").select_option("fi")
    page.get_by_role("button", name="Spara").click()
    expect(page).to_have_url(re.compile(r"/fi/profile/$"))
    expect(page.get_by_role("status")).to_contain_text("Profiilisi on tallennettu.")
    person.refresh_from_db()
    assert person.language == "fi"


def test_password_reset_by_mail(page, portal):
    page.goto("/sv/accounts/password/reset/")
    page.locator("#id_email").fill("rep@example.org")
    page.locator("form.portal-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/accounts/password/reset/done/$"))
    assert_accessible(page, "password-reset-done")

    # The message is written in the person's own language (Finnish for this representative).
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rep@example.org"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", message.body).group(0)
    path = "/" + link.split("/", 3)[3]

    page.goto(path)
    page.locator("#id_password1").fill("ett-nytt-lösenord-2026")
    page.locator("#id_password2").fill("ett-nytt-lösenord-2026")
    assert_accessible(page, "password-reset-form")
    page.get_by_role("button", name="Ändra lösenord").click()
    expect(page.locator("h1")).to_be_visible()

    sign_in_with_form(page, "rep@example.org", "ett-nytt-lösenord-2026")
    expect(page.locator("h1")).to_have_text("Välkommen, Aino")
