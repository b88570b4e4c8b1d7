"""The register of duties in real Chromium: an administration contact records the year's assessment from the
department view, is told what is missing (focus on the summary) and sees it on the duty's page; every page of
the register passes axe in Swedish and Finnish and fits 320 px."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import CycleFactory

YEAR = timezone.localdate().year


@pytest.fixture
def duty(world):
    CycleFactory(year=YEAR)
    duty = DutyFactory(
        code="elderly-care",
        title="Äldreomsorg på finska",
        title_fi="Suomenkielinen vanhustenhuolto",
        provision="18 §",
        scope="finnish_area",
        on_request=True,
        counts_served=True,
        departments=[world["department"]],
        contact=world["people"]["admin_contact"],
    )
    DutyAssessmentFactory(duty=duty, year=YEAR - 1, status="partly", requests_received=9, requests_offered=7)
    return duty


def test_a_contact_assesses_the_year_from_the_department_view(page, duty, world, sign_in_as):
    sign_in_as(page, world["people"]["admin_contact"])
    page.goto("/sv/followup/department/")
    page.locator("#department-duties").get_by_role("link", name=re.compile("^Bedöm")).click()
    page.get_by_label("Uppfylld", exact=True).check()
    page.get_by_label("Inkomna begäranden").fill("5")
    page.get_by_label("Erbjudna").fill("6")
    page.get_by_role("button", name="Spara bedömningen").click()
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Skriv vad statusen grundar sig på")
    expect(summary).to_contain_text("Fler begäranden kan inte ha erbjudits än som kom in under året.")
    assert_accessible(page, "duty-assessment-errors")
    page.get_by_label("Underlag").fill("Alla som bad om det fick plats.")
    page.get_by_label("Erbjudna").fill("5")
    page.get_by_role("button", name="Spara bedömningen").click()
    expect(page).to_have_url(re.compile(rf"/sv/duties/{duty.pk}/#year-{YEAR}$"))
    expect(page.locator(f"#year-{YEAR}")).to_contain_text("Alla som bad om det fick plats.")
    expect(page.locator(f"#year-{YEAR}")).to_contain_text("5 begäranden inkom, 5 erbjöds")


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_register_pages_pass_axe_and_fit_320_px(page, mobile_page, duty, world, sign_in_as, language):
    """Every page of the register, one world for all (a live server's world costs a flush each)."""
    targets = {
        "summary": "duties/",
        "register": f"duties/register/?year={YEAR - 1}",
        "detail": f"duties/{duty.pk}/",
        "assess": f"duties/{duty.pk}/{YEAR}/",
        "edit": f"duties/{duty.pk}/edit/",
        "new": "duties/new/",
        "dashboard": f"followup/?year={YEAR}",
    }
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["coordinator"])
        for name, target in targets.items():
            url = f"/{language}/{target}"
            browser_page.goto(url)
            expect(browser_page.locator("h1")).to_be_visible()
            assert_accessible(browser_page, f"duties-{name}-{language}")
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            viewport = browser_page.evaluate("window.innerWidth")
            assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"
