"""The state grant in real Chromium: the coordinator records a use of the year's grant, is told what is
missing when the form is incomplete, and sees the account; every grant page passes axe and fits 320 px."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GrantCategoryFactory, GrantUseFactory, StateGrantFactory


@pytest.fixture
def grant(world):
    year = timezone.localdate().year
    grant = StateGrantFactory(year=year, amount=1_150_000, note="Hälften av samordnartjänsten.")
    GrantCategoryFactory(name="Äldreomsorg", name_sv="Äldreomsorg")
    use = GrantUseFactory(grant=grant, amount=420_000, description="Samordnartjänst")
    use.actions.add(ActionFactory(cycle=CycleFactory(year=year), title_sv="Utbildning om minoritetslagen"))
    ActionFactory(cycle=CycleFactory(year=year), title_sv="Hemtjänst på finska för den som vill")
    return grant


def test_coordinator_records_a_use_and_errors_are_summarised(page, grant, world, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    page.goto(f"/sv/followup/grants/{grant.year}/uses/new/")
    page.get_by_role("button", name="Spara användningen").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert_accessible(page, "grant-use-errors")
    page.get_by_label("Kategori").select_option(label="Äldreomsorg")
    page.get_by_label("Använt belopp (kr)").fill("180000")
    page.get_by_label("Vad det användes till").fill("Språkutbildning för hemtjänstens personal")
    page.get_by_label("Hemtjänst på finska för den som vill").check()
    page.get_by_role("button", name="Spara användningen").click()
    expect(page).to_have_url(re.compile(rf"/sv/followup/grants/{grant.year}/$"))
    expect(page.locator("#use-table")).to_contain_text("Språkutbildning för hemtjänstens personal")
    expect(page.locator("#grant-facts")).to_contain_text("550\xa0000 kr")


@pytest.mark.parametrize("path", ["", "new/", "detail", "edit", "use-new", "use-edit", "use-delete"])
def test_grant_pages_pass_axe_and_fit_a_small_screen(page, mobile_page, grant, world, sign_in_as, path):
    use = grant.uses.get()
    targets = {
        "detail": f"grants/{grant.year}/",
        "edit": f"grants/{grant.year}/edit/",
        "use-new": f"grants/{grant.year}/uses/new/",
        "use-edit": f"grant-uses/{use.pk}/edit/",
        "use-delete": f"grant-uses/{use.pk}/delete/",
    }
    url = "/sv/followup/" + targets.get(path, f"grants/{path}")
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["coordinator"])
        browser_page.goto(url)
        expect(browser_page.locator("h1")).to_be_visible()
        assert_accessible(browser_page, f"grants-{path.strip('/') or 'list'}")
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        viewport = browser_page.evaluate("window.innerWidth")
        assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"
