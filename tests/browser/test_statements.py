"""The accessibility statement and the privacy notice in real Chromium: reached from the footer, scanned by
axe in Swedish and Finnish, readable on a 320 px screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_the_statements_are_reached_from_the_footer_and_pass_axe(page, mobile_page, language):
    link_names = {
        "sv": ("Tillgänglighetsredogörelse", "Så behandlar vi personuppgifter"),
        "fi": ("Saavutettavuusseloste", "Näin käsittelemme henkilötietoja"),
    }[language]
    for browser_page in (page, mobile_page):
        for link_name in link_names:
            browser_page.goto(f"/{language}/")
            browser_page.locator("footer").get_by_role("link", name=link_name).click()
            expect(browser_page.locator("h1")).to_have_text(link_name)
            assert_accessible(browser_page, f"statement-{language}-{link_name[:12]}")
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            assert width <= browser_page.evaluate("window.innerWidth")
