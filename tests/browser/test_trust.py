"""Invitations, a person's own data and erasure in real Chromium: a coordinator invites a representative,
who follows the mailed link and gets an account with a seat; every page passes axe and fits 320 px."""

import re

from playwright.sync_api import expect

from core.models import ErasureRecord, OutgoingMail, User
from tests.browser.conftest import assert_accessible
from tests.factories import InvitationFactory


def test_a_coordinator_invites_and_the_invitee_creates_the_account_from_the_mail(page, world, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    page.goto("/sv/forums/")
    page.get_by_role("link", name="Inbjudningar").click()
    page.get_by_role("link", name="Bjud in en person").click()
    page.get_by_role("button", name="Skicka inbjudan").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert_accessible(page, "invitation-form-errors")
    page.get_by_label("Namn").fill("Sanna Sverigefinne")
    page.get_by_label("E-postadress").fill("sanna@example.org")
    page.get_by_label("Plats i forum").select_option(label="Dialoggrupp sverigefinnar")
    page.get_by_label("Roll i forumet").select_option(label="Representant")
    page.get_by_role("button", name="Skicka inbjudan").click()
    expect(page.locator(".ds-alert")).to_contain_text("Inbjudan har skickats till sanna@example.org.")
    expect(page.locator("#invitation-table")).to_contain_text("Väntar, giltig till")
    assert_accessible(page, "invitation-list")

    link = re.search(r"https?://\S+/invitations/accept/\S+/", OutgoingMail.objects.get().body).group(0)
    visitor = page.context.browser.new_context(
        base_url=page.url.split("/sv/")[0], viewport={"width": 320, "height": 800}
    )
    invitee = visitor.new_page()
    invitee.goto(link[link.index("/sv/") :])
    expect(invitee.locator("h1")).to_have_text("Din inbjudan")
    assert_accessible(invitee, "invitation-accept")
    invitee.get_by_label("Lösenord", exact=True).fill("Tornio-Haparanda-1809")
    invitee.get_by_label("Lösenord (igen)").fill("Tornio-Haparanda-1808")
    invitee.get_by_role("button", name="Skapa mitt konto").click()
    expect(invitee.locator(".ds-error-summary")).to_contain_text("Lösenorden skiljer sig åt.")
    invitee.get_by_label("Lösenord", exact=True).fill("Tornio-Haparanda-1809")
    invitee.get_by_label("Lösenord (igen)").fill("Tornio-Haparanda-1809")
    invitee.get_by_role("button", name="Skapa mitt konto").click()
    expect(invitee.locator(".ds-alert")).to_contain_text("Välkommen! Ditt konto är klart.")
    invitee.goto("/sv/profile/data/")
    expect(invitee.locator("main")).to_contain_text("Dialoggrupp sverigefinnar")
    assert_accessible(invitee, "my-data")
    assert invitee.evaluate("document.documentElement.scrollWidth") <= 320
    visitor.close()
    assert User.objects.get(email="sanna@example.org").memberships.count() == 1


def test_an_administrator_erases_a_person_after_reading_what_is_kept(page, mobile_page, world, sign_in_as):
    representative = world["people"]["representative"]
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["administrator"])
        browser_page.goto(f"/sv/people/{representative.pk}/erase/")
        expect(browser_page.locator("h1")).to_have_text("Radera en persons uppgifter")
        assert_accessible(browser_page, "person-erase")
        assert browser_page.evaluate("document.documentElement.scrollWidth") <= browser_page.evaluate(
            "window.innerWidth"
        )
    page.get_by_label("Anledning").fill("Begäran dnr KS 2026/123")
    page.get_by_label("Skriv personens e-postadress för att bekräfta").fill(representative.email)
    page.get_by_role("button", name="Radera personens uppgifter").click()
    expect(page.locator("h1")).to_have_text("Raderingsprotokoll")
    expect(page.locator("main")).to_contain_text("Begäran dnr KS 2026/123")
    assert_accessible(page, "erasure-record")
    assert ErasureRecord.objects.filter(person=representative).exists()


def test_a_spent_invitation_link_says_what_to_do(mobile_page, world):
    invitation = InvitationFactory(token="spent-link")
    invitation.revoked_at = invitation.created_at
    invitation.save()
    mobile_page.goto("/fi/invitations/accept/spent-link/")
    expect(mobile_page.locator("main")).to_contain_text("Kutsulinkki ei ole enää voimassa")
    assert_accessible(mobile_page, "invitation-spent-fi")
