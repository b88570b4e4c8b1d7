"""The browser harness: Debian's Chromium driven by Playwright, and an axe-core scan of every page visited.

Every later journey reuses `page`, `sign_in_as` and `assert_accessible`.
Set SCREENSHOTS=<dir> to keep a full-page screenshot of every scanned page.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
AXE_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best practices beyond the WCAG tags that screen reader users stumbled on: two landmarks of one kind
# with one name (two "History" regions) cannot be told apart in the landmark list.
EXTRA_RULES = {"landmark-unique": {"enabled": True}}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: `make test` installs Debian's chromium package.")
    if not AXE_SOURCE.exists():
        pytest.fail("axe-core is not installed: `make test` runs `npm ci` to install it.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    new_page = context.new_page()
    yield new_page
    context.close()


@pytest.fixture
def mobile_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 800}, is_mobile=True
    )
    context.set_default_timeout(15_000)
    new_page = context.new_page()
    yield new_page
    context.close()


def assert_accessible(page: Page, name: str | None = None) -> None:
    """Run axe-core on the page as it is now; fail on any WCAG 2.1 A/AA violation."""
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        "async ([tags, rules]) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules, resultTypes: ['violations']})",
        [WCAG_TAGS, EXTRA_RULES],
    )
    violations = result["violations"]
    directory = os.environ.get("SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        label = name or re.sub(r"[^a-z0-9]+", "-", page.url.split("//", 1)[-1].lower()).strip("-")
        width = page.viewport_size["width"] if page.viewport_size else 0
        page.screenshot(path=str(Path(directory) / f"{label}-{width}.png"), full_page=True)
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(n["html"][:200] for n in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{details}"


@pytest.fixture
def sign_in_as(live_server):
    """Give the browser a signed-in session for a user (the sign-in form itself has its own journey)."""

    def sign_in(page: Page, user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in


def sign_in_with_form(page: Page, email: str, password: str, language: str = "sv") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.portal-form button[type=submit]").click()
