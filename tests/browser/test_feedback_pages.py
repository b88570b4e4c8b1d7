"""The feedback pages in real Chromium, in Swedish and Finnish, on a desktop and a 320 px screen, with an
axe scan each: the notification settings (choose a digest, save, follow and stop following an action), a
proposal's story running to a completed action with its update answered, and the action with its comments."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from followup.models import ActionComment, ActionStatus, ProgressUpdate
from proposals import services as proposal_services
from tests.browser.conftest import assert_accessible
from tests.factories import ActionFactory


@pytest.fixture
def story(world):
    people = world["people"]
    proposal = proposal_services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=people["representative"],
        title="Suomenkielinen kotipalvelu",
        description="Miten kotipalvelua saa suomeksi?",
        language="fi",
    )
    action = ActionFactory(
        title="Hemtjänst på finska",
        department=world["department"],
        origin_proposal=proposal,
        is_public=True,
        status=ActionStatus.DONE,
        progress=100,
        completed_on=timezone.localdate(),
        responsible=people["admin_contact"],
    )
    update = ProgressUpdate.objects.create(
        action=action,
        author=people["admin_contact"],
        written_on=timezone.localdate() - dt.timedelta(days=2),
        text="Informationen finns nu på finska.",
        status=ActionStatus.DONE,
        progress=100,
    )
    ActionComment.objects.create(
        action=action, progress_update=update, author=people["representative"], text="Kiitos!", language="fi"
    )
    return {"proposal": proposal, "action": action}


def _fits(browser_page) -> None:
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    viewport = browser_page.evaluate("window.innerWidth")
    assert width <= viewport, f"{browser_page.url} is {width}px wide on a {viewport}px screen"


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_representative_sets_a_digest_follows_an_action_and_reads_the_story(
    page, mobile_page, world, story, sign_in_as, language
):
    action, proposal = story["action"], story["proposal"]
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["representative"])
        browser_page.goto(f"/{language}/profile/notifications/")
        assert_accessible(browser_page, f"notification-settings-{language}")
        _fits(browser_page)
        browser_page.locator("input[name=proposal_story][value=daily]").check()
        browser_page.locator("main button[type=submit]").first.click()
        expect(browser_page.locator("input[name=proposal_story][value=daily]")).to_be_checked()

        browser_page.goto(f"/{language}/followup/actions/{action.pk}/")
        browser_page.locator("form.follow-form button").click()
        expect(browser_page.locator("form.follow-form .meta")).to_be_visible()
        assert_accessible(browser_page, f"action-with-comments-{language}")
        _fits(browser_page)

        browser_page.goto(f"/{language}/profile/notifications/")
        expect(browser_page.locator(".follow-list")).to_contain_text("Hemtjänst på finska")
        browser_page.locator(".follow-list li", has_text="Hemtjänst på finska").locator("button").click()
        expect(browser_page.locator(".follow-list")).not_to_contain_text("Hemtjänst på finska")

        browser_page.goto(f"/{language}/proposals/{proposal.pk}/")
        expect(browser_page.locator("#timeline li")).not_to_have_count(0)
        expect(browser_page.locator("#timeline")).to_contain_text("Hemtjänst på finska")
        assert_accessible(browser_page, f"proposal-story-{language}")
        _fits(browser_page)


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_coordinator_hides_a_comment_on_an_action_after_a_refused_empty_reason(
    page, mobile_page, world, story, sign_in_as, language
):
    comment = ActionComment.objects.get(action=story["action"])
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["coordinator"])
        browser_page.goto(f"/{language}/followup/action-comments/{comment.pk}/hide/")
        if language != "fi":  # a Finnish page's lang already says it
            expect(browser_page.locator("#comment-text")).to_have_attribute("lang", "fi")
        assert_accessible(browser_page, f"action-comment-hide-{language}")
        _fits(browser_page)
        if browser_page is page:
            browser_page.locator("#hide-comment-form button[type=submit]").click()
            expect(browser_page.locator(".ds-error-summary")).to_be_focused()
            assert_accessible(browser_page)
            _fits(browser_page)
    page.locator("#hide-comment-form textarea").fill("Innehöll ett telefonnummer.")
    page.locator("#hide-comment-form button[type=submit]").click()
    comment.refresh_from_db()
    assert comment.hidden
    assert comment.hidden_reason == "Innehöll ett telefonnummer."
