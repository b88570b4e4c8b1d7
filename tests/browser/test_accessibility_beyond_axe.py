"""What users stumbled on that axe does not see: focus after a failed submit, a live region that
survives polling, and (further down) reflow at 320 px and unique landmarks."""

from playwright.sync_api import expect

from reports.models import Report, ReportStatus
from tests.browser.conftest import AXE_SOURCE, assert_accessible
from tests.matrix_pages import pages_for


def test_a_failed_sign_in_moves_focus_to_the_error_summary_and_says_error_in_the_title(page, world):
    page.goto("/en/accounts/login/")
    assert not page.title().startswith("Error:")
    page.locator("#id_login").fill("samordnare@example.org")
    page.locator("#id_password").fill("not the password")
    page.locator("form.portal-form button[type=submit]").click()
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    assert summary.get_attribute("tabindex") == "-1"
    assert page.title().startswith("Error: Sign in")
    assert_accessible(page, "a11y-sign-in-errors")


def test_a_failed_report_order_moves_focus_to_the_error_summary_in_each_language(page, world, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    for language, prefix in (("en", "Error:"), ("sv", None), ("fi", None)):
        page.goto(f"/{language}/reports/new/")
        title_before = page.title()
        page.select_option("#id_kind", "custom")
        page.fill("#id_period_start", "2026-05-01")
        page.fill("#id_period_end", "2026-04-01")
        page.locator("#order-form button[type=submit]").click()
        expect(page.locator(".ds-error-summary")).to_be_focused()
        # The title gains a prefix ("Fel:", "Virhe:" once the catalogs carry them) before the page's own title.
        assert page.title().endswith(title_before) and page.title() != title_before
        if prefix:
            assert page.title() == f"{prefix} {title_before}"


def test_the_report_status_region_stays_in_the_page_while_its_content_changes(page, world, sign_in_as):
    report = Report.objects.create(
        kind="quarterly", period_start="2026-04-01", period_end="2026-06-30", language="sv"
    )
    sign_in_as(page, world["people"]["politician"])
    page.goto(f"/en/reports/{report.pk}/")
    region = page.locator("#report-state")
    expect(region).to_have_attribute("role", "status")
    page.evaluate("window.statusRegion = document.getElementById('report-state')")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING)
    expect(page.locator("#report-status")).to_have_text("Being made", timeout=10_000)
    assert page.evaluate("window.statusRegion === document.getElementById('report-state')")
    assert page.evaluate("window.statusRegion.isConnected")
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.FAILED, error="Test: stopped")
    expect(page.locator("#report-error")).to_be_visible(timeout=10_000)
    assert page.evaluate("window.statusRegion === document.getElementById('report-state')")
    expect(region).to_have_attribute("role", "status")
    expect(region).to_have_attribute("data-status", "failed")
    # Finished: the page stops asking.
    assert not page.evaluate("document.getElementById('report-state').hasAttribute('data-poll-url')")


def test_every_coordinator_form_fits_320_px_in_swedish_and_finnish(
    mobile_page, world, sign_in_as, client_for
):
    """Reflow (WCAG 1.4.10): no form a coordinator fills in scrolls sideways on a 320 px screen."""
    forms = [page for page in pages_for("coordinator", client_for("coordinator"), world) if page.has_form]
    assert len(forms) > 30, "the crawl found too few forms"
    sign_in_as(mobile_page, world["people"]["coordinator"])
    too_wide = []
    for language in ("sv", "fi"):
        for form_page in forms:
            path = form_page.path_in(language)
            mobile_page.goto(path)
            width = mobile_page.evaluate("document.scrollingElement.scrollWidth")
            if width > 320:
                culprits = mobile_page.evaluate(
                    """() => [...document.querySelectorAll('main *')]
                        .filter(e => e.getBoundingClientRect().right > 321)
                        .slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                                       (e.className && e.className.baseVal === undefined ? '.' + e.className : ''))"""
                )
                too_wide.append(f"{path}: {width} px ({', '.join(culprits)})")
    assert not too_wide, "Pages wider than 320 px:\n" + "\n".join(too_wide)


def test_a_date_field_shows_where_the_keyboard_is(page, world, sign_in_as):
    """Focus visible (WCAG 2.4.7) on the date picker, which Chromium focuses inside."""
    sign_in_as(page, world["people"]["coordinator"])
    page.goto("/sv/reports/new/")
    page.select_option("#id_kind", "custom")
    page.locator("#id_kind").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_period_start":
            break
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.getElementById('id_period_start'));"
        " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"
    )
    assert page.evaluate("document.activeElement.id") == "id_period_start"
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert ring["shadow"] != "none", ring


def test_every_page_a_coordinator_opens_has_landmarks_that_can_be_told_apart(
    page, world, sign_in_as, client_for
):
    """axe's landmark-unique on every page of the permission matrix a coordinator opens (every journey's
    scan runs it too, see conftest.EXTRA_RULES)."""
    pages = pages_for("coordinator", client_for("coordinator"), world)
    sign_in_as(page, world["people"]["coordinator"])
    found = []
    for matrix_page in pages:
        page.goto(matrix_page.path)
        page.evaluate(AXE_SOURCE.read_text())
        nodes = page.evaluate(
            "async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique']}}))"
            ".violations.flatMap(v => v.nodes.map(n => n.html.slice(0, 120)))"
        )
        found += [f"{matrix_page.path}: {html}" for html in nodes]
    assert not found, "Landmarks that share a role and a name:\n" + "\n".join(found)
