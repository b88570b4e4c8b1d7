"""Pages people use on phones, in real Chromium: the main menu behind a button at 375 px (and as before at
1280 px), tables as labelled facts that never scroll sideways at 320 and 375 px, and dashboard charts whose
text stays at least 12 px on a 320 px screen. Every page passed is scanned with axe.
"""

# ruff: noqa: F811

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

# The fixture (a cycle with actions, goals and an indicator), used by name as each test's argument.
from tests.browser.test_followup import followup  # noqa: F401


def phone(browser, live_server, width: int):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 740}, is_mobile=True
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def phone_375(browser, live_server):
    context = phone(browser, live_server, 375)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_320(browser, live_server):
    context = phone(browser, live_server, 320)
    yield context.new_page()
    context.close()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_the_menu_is_a_button_and_content_starts_on_the_first_screen(
    phone_375,
    phone_320,
    page,
    followup,
    sign_in_as,
):
    sign_in_as(phone_375, followup["people"]["coordinator"])
    phone_375.goto("/en/")
    button = phone_375.locator("#main-menu > summary")
    calendar = phone_375.locator(".main-nav").get_by_role("link", name="Calendar")
    expect(button).to_be_visible()
    expect(button).to_have_text("Menu")
    expect(calendar).to_be_hidden()
    # The page's heading is on the first screen, not pushed below four rows of links.
    heading = phone_375.locator("main h1").bounding_box()
    assert heading["y"] + heading["height"] < 740 / 2
    assert fits(phone_375)
    assert_accessible(phone_375, "phones-menu-closed")

    # By keyboard: the button takes focus (visibly), Enter opens it, and Tab walks through the links.
    button.focus()
    assert phone_375.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    phone_375.keyboard.press("Enter")
    expect(calendar).to_be_visible()
    phone_375.keyboard.press("Tab")
    phone_375.keyboard.press("Tab")
    assert phone_375.evaluate("document.activeElement.textContent.trim()") == "Calendar"
    assert fits(phone_375)
    assert_accessible(phone_375, "phones-menu-open")
    phone_375.keyboard.press("Enter")
    expect(phone_375).to_have_url(f"{phone_375.url.split('/en/')[0]}/en/calendar/")
    expect(phone_375.locator("#main-menu")).not_to_have_attribute("open", "")

    # Reflow at 320 px: the button and the open menu fit.
    phone_320.goto("/sv/")
    phone_320.locator("#main-menu > summary").click()
    expect(phone_320.locator(".main-nav a").first).to_be_visible()
    assert fits(phone_320)

    # On a desktop the menu shows as a row of links, and there is no button.
    sign_in_as(page, followup["people"]["coordinator"])
    page.goto("/en/")
    expect(page.locator("#main-menu > summary")).to_be_hidden()
    expect(page.locator(".main-nav").get_by_role("link", name="Calendar")).to_be_visible()
    links = page.locator(".main-nav a")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, "the main menu is one row at 1280 px"
    assert_accessible(page, "phones-menu-desktop")


@pytest.mark.parametrize("width", [320, 375])
def test_register_and_department_view_show_status_and_progress_without_scrolling_sideways(
    width,
    phone_320,
    phone_375,
    followup,
    sign_in_as,
):
    page = phone_320 if width == 320 else phone_375
    action = followup["action"]
    pages = [
        ("coordinator", "/sv/followup/actions/", f"#action-{action.pk}"),
        ("admin_contact", "/sv/followup/department/", f"#department-action-{action.pk}"),
    ]
    for person, path, row in pages:
        page.context.clear_cookies()
        sign_in_as(page, followup["people"][person])
        page.goto(path)
        assert fits(page), f"{path} scrolls sideways at {width} px"
        for part in (".ds-tag[data-status]", ".progress"):
            element = page.locator(row).locator(part).last
            expect(element).to_be_visible()
            box = element.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{part} is off screen on {path}"
        # Each fact says what it is, and the table is still a table to a screen reader.
        expect(page.locator(row).locator("td[data-label]").first).to_be_visible()
        assert page.locator(f"{row} td").first.evaluate("td => td.closest('[role=table]') !== null")
        assert_accessible(page, f"phones-{path.strip('/').replace('/', '-')}-{width}")


def test_dashboard_charts_are_full_width_with_text_of_at_least_12_px_on_a_small_screen(
    phone_320,
    page,
    followup,
    sign_in_as,
):
    sign_in_as(phone_320, followup["people"]["politician"])
    phone_320.goto("/sv/followup/")
    expect(phone_320.locator("#goal-status-chart")).to_be_visible()
    sizes = phone_320.evaluate(
        """() => [...document.querySelectorAll('.chart .chart__label, .chart .chart__value, .chart-legend li')]
        .map(el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const glyphs = [...range.getClientRects()].map(r => r.height);
            return {text: el.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize),
                    height: Math.max(0, ...glyphs)};
        })"""
    )
    assert sizes and all(s["px"] >= 12 and s["height"] >= 12 for s in sizes), [
        s for s in sizes if s["px"] < 12 or s["height"] < 12
    ]
    # Full width: every chart spans the content column.
    widths = phone_320.evaluate(
        "() => [...document.querySelectorAll('.chart')].map(c => c.getBoundingClientRect().width / "
        "document.querySelector('main').clientWidth)"
    )
    assert widths and min(widths) > 0.85
    # The table of contents leads to each section.
    phone_320.locator("#dashboard-toc a").nth(2).click()
    expect(phone_320).to_have_url(re.compile(r"#by-minority-heading$"))
    assert fits(phone_320)
    assert_accessible(phone_320, "phones-dashboard-320")

    sign_in_as(page, followup["people"]["politician"])
    page.goto("/sv/followup/")
    chart = page.locator("#goal-status-chart").bounding_box()
    main = page.locator("main").bounding_box()
    assert chart["width"] > main["width"] * 0.85, "the chart uses the page's width on a desktop"
    assert_accessible(page, "phones-dashboard-1280")


def test_other_wide_tables_fit_a_320_px_screen(phone_320, followup, sign_in_as):
    sign_in_as(phone_320, followup["people"]["coordinator"])
    for path in (
        "/sv/followup/cycles/",
        "/sv/followup/indicators/",
        "/sv/followup/grants/",
        "/sv/proposals/consultations/",
        "/sv/reports/",
        "/sv/calendar/list/",
    ):
        phone_320.goto(path)
        assert fits(phone_320), f"{path} scrolls sideways at 320 px"
        wide = phone_320.evaluate(
            "() => [...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)"
            ".map(w => w.querySelector('table').id)"
        )
        assert not wide, f"{path}: {wide} scroll sideways"
    assert_accessible(phone_320, "phones-cycles-indicators-320")
