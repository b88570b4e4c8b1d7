"""Trends in real Chromium: a politician goes from the dashboard to the trends and on to the printable
summary, in Swedish and in Finnish, on a desktop and a 320 px screen, with an axe scan of each page; the
summary prints on one A4 page without the site's header and footer."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from followup.models import ActionStatus
from tests.browser.conftest import assert_accessible
from tests.factories import ActionFactory, CycleFactory


@pytest.fixture
def trend_data(world):
    today = timezone.localdate()
    cycle = CycleFactory()
    ActionFactory(
        cycle=cycle,
        department=world["department"],
        status=ActionStatus.DONE,
        progress=100,
        completed_on=today,
    )
    ActionFactory(cycle=cycle, department=world["department"], due_on=today - dt.timedelta(days=10))
    return world


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_politician_opens_the_trends_and_the_summary_on_a_desktop_and_a_phone(
    page, mobile_page, trend_data, sign_in_as, language
):
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, trend_data["people"]["politician"])
        browser_page.goto(f"/{language}/followup/")
        browser_page.locator(f"a[href='/{language}/followup/trends/']").click()
        expect(browser_page.locator("#trend-quarter-table tbody tr")).to_have_count(12)
        expect(browser_page.locator("#trend-done-chart")).to_be_visible()
        assert_accessible(browser_page, f"followup-trends-{language}")
        for url in (f"/{language}/followup/trends/", f"/{language}/followup/trends/summary/"):
            browser_page.goto(url)
            assert_accessible(browser_page)
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            viewport = browser_page.evaluate("window.innerWidth")
            assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"


def test_the_summary_prints_on_one_a4_page_without_the_sites_navigation(page, trend_data, sign_in_as):
    sign_in_as(page, trend_data["people"]["coordinator"])
    page.goto("/sv/followup/trends/summary/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("#summary-quarter-table")).to_be_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the summary prints on {pages} pages"
