"""Rights pages (and the published minutes, public reports and open data page visitors reach beside them) in real Chromium: a Yiddish version lays out right to left inside a Swedish page (desktop and
375 px, screenshots kept), every new page passes axe in Swedish, Finnish and Yiddish and fits 320 px, and a
refused XLIFF import puts the focus on what went wrong."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.models import Language, MeetingStatus, MinutesStatus
from tests.browser.conftest import assert_accessible
from tests.duties.factories import DutyFactory
from tests.factories import MeetingFactory
from tests.pages.factories import published_page
from tests.permission_rows.reports import _published_report

HEBREW_SCRIPT = (
    "ייִדיש א ב ג ד ה ו ז ח ט י"  # the language's own name and letters of its alphabet (not a text)
)
SAMI_LETTERS = "á č đ ŋ š ŧ ž ï å æ ø Á Č Đ Ŋ Š Ŧ Ž"

TEXT_ALIGNMENT = """() => {
  const heading = document.querySelector('#page-text h1');
  const range = document.createRange();
  range.selectNodeContents(heading);
  const text = range.getBoundingClientRect();
  const box = heading.getBoundingClientRect();
  return {direction: getComputedStyle(heading).direction, left: text.left - box.left, right: box.right - text.right};
}"""


@pytest.fixture
def rights(world, settings):
    settings.CONTENT_LANGUAGES = ["sv", "fi", "fit", "se", "smj", "sma", "rom", "rmy", "yi", "en"]
    finns = world["minorities"]["finns"]
    finns.languages.add(Language.objects.get_or_create(code="fi", defaults={"name": "finska"})[0])
    DutyFactory(title_sv="Informera om rättigheterna", title_fi="Tiedottaminen oikeuksista")
    # The published minutes list has a row to scan.
    MeetingFactory(
        forum=world["forums"]["consultation"],
        title="Samråd i mars",
        starts_at=timezone.now() - dt.timedelta(days=60),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    # The public reports list has a published report to scan.
    _published_report(world)
    published_page("nationella-minoriteter", fi=("Oikeutesi", "Kunta tiedottaa oikeuksistasi."))
    published_page("sverigefinnar", minority=finns, se=(SAMI_LETTERS, SAMI_LETTERS + " 2026"))
    return published_page(
        "judar", minority=world["minorities"]["roma"], yi=(HEBREW_SCRIPT, HEBREW_SCRIPT + "\n\n2026-12-06")
    )


def test_a_yiddish_page_lays_out_right_to_left(page, mobile_page, rights, tmp_path):
    for browser_page, width in ((page, "desktop"), (mobile_page, "375")):
        if width == "375":
            browser_page.set_viewport_size({"width": 375, "height": 800})
        browser_page.goto("/sv/rights/judar/yi/")
        article = browser_page.locator("#page-text")
        expect(article).to_have_attribute("dir", "rtl")
        expect(article).to_have_attribute("lang", "yi")
        expect(browser_page.locator("html")).to_have_attribute("lang", "sv")
        alignment = browser_page.evaluate(TEXT_ALIGNMENT)
        assert alignment["direction"] == "rtl"
        # Mirrored: the heading's text starts at the right edge and leaves its space on the left.
        assert alignment["right"] < 2 < alignment["left"], alignment
        path = tmp_path / f"rights-yi-{width}.png"
        browser_page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        assert_accessible(browser_page, f"rights-yi-{width}")


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_rights_pages_pass_axe_in_every_language_and_fit_320_px(page, mobile_page, rights, language):
    targets = [
        "rights/",
        "rights/in/yi/",
        "rights/in/se/",
        "rights/judar/yi/",
        "rights/sverigefinnar/",
        "rights/sverigefinnar/se/",
        "rights/sverigefinnar/fit/",
        "rights/nationella-minoriteter/fi/",
        "minutes/",
        "open-data/",
        "reports/public/",
    ]
    for browser_page in (page, mobile_page):
        for target in targets:
            url = f"/{language}/{target}"
            browser_page.goto(url)
            expect(browser_page.locator("h1")).to_be_visible()
            if target == "reports/public/":
                expect(browser_page.locator("main table")).to_contain_text("PDF")
            if target == "minutes/":
                expect(browser_page.locator("main table")).to_contain_text("Samråd i mars")
            assert_accessible(browser_page, f"rights-{target}-{language}")
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            viewport = browser_page.evaluate("window.innerWidth")
            assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_translation_pages_pass_axe_and_fit_320_px(page, mobile_page, rights, world, sign_in_as, language):
    targets = [
        "translations/",
        "translations/yi/",
        "translations/fi/",
        "rights/judar/yi/edit/",
        "rights/sverigefinnar/sv/edit/",
        "translations/se/import/",
        "rights/new/",
    ]
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["coordinator"])
        for target in targets:
            url = f"/{language}/{target}"
            browser_page.goto(url)
            expect(browser_page.locator("h1")).to_be_visible()
            assert_accessible(browser_page, f"translations-{target}-{language}")
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            viewport = browser_page.evaluate("window.innerWidth")
            assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"


def test_a_refused_import_puts_the_focus_on_the_summary(page, rights, world, sign_in_as, tmp_path):
    sign_in_as(page, world["people"]["coordinator"])
    bad = tmp_path / "batch.xlf"
    bad.write_text("<xliff>not a batch</xliff>", encoding="utf-8")
    page.goto("/sv/translations/se/import/")
    page.get_by_label("XLIFF-fil").set_input_files(str(bad))
    page.get_by_role("button", name="Importera", exact=True).click()
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Ingenting importerades.")
    assert_accessible(page, "translations-import-refused")
