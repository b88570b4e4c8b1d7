"""Reports in real Chromium, with an axe scan of every page: a coordinator orders a quarterly report, sees
it ready and downloads it; the archive lists it; a report still being made is followed without a reload.
"""

import re

from playwright.sync_api import expect

from reports.models import Report, ReportStatus
from tests.browser.conftest import assert_accessible


def test_coordinator_orders_a_report_and_downloads_it(page, mobile_page, world, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    page.goto("/sv/reports/new/")
    assert_accessible(page, "reports-order")
    page.select_option("#id_kind", "custom")
    page.fill("#id_period_start", "2026-05-01")
    page.fill("#id_period_end", "2026-04-01")
    page.locator("#order-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert_accessible(page, "reports-order-errors")
    page.fill("#id_period_end", "2026-06-30")
    page.locator("#order-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/reports/\d+/$"))
    expect(page.locator("#download")).to_be_visible()
    assert_accessible(page, "reports-detail")
    with page.expect_download() as download:
        page.locator("#download").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.goto("/sv/reports/")
    expect(page.locator("#archive-table tbody tr")).to_have_count(1)
    assert_accessible(page, "reports-archive")
    sign_in_as(mobile_page, world["people"]["coordinator"])
    mobile_page.goto("/sv/reports/")
    assert mobile_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_report_being_made_shows_when_it_is_ready_without_a_reload(page, world, sign_in_as):
    report = Report.objects.create(
        kind="quarterly", period_start="2026-04-01", period_end="2026-06-30", language="sv"
    )
    sign_in_as(page, world["people"]["politician"])
    page.goto(f"/sv/reports/{report.pk}/")
    expect(page.locator("#refresh")).to_be_visible()  # without JavaScript, a link refreshes the page
    assert_accessible(page, "reports-waiting")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error="Test: stopped")
    expect(page.locator("#report-error")).to_be_visible(timeout=10_000)
    assert page.url.endswith(f"/sv/reports/{report.pk}/")
