"""The yearly follow-up in real Chromium: a coordinator writes an answer, is told what is wrong with the due
date (focus on the summary), and every page of the follow-up passes axe in Swedish and Finnish and fits 320 px."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from annual import services
from annual.models import Figures, FollowUpAnswer
from annual.wheel import open_phases
from tests.annual.factories import FollowUpQuestionFactory
from tests.browser.conftest import assert_accessible
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import CycleFactory

YEAR = timezone.localdate().year - 1


@pytest.fixture
def follow_up(world):
    for position, kind in enumerate([Figures.CONSULTATION, Figures.GOALS, Figures.DUTIES, Figures.GRANT]):
        FollowUpQuestionFactory(code=kind, figures=kind, position=position)
    duty = DutyFactory(title="Förskola på finska", title_fi="Suomenkielinen esikoulu", on_request=True)
    DutyAssessmentFactory(duty=duty, year=YEAR, status="partly", requests_received=9, requests_offered=7)
    follow_up, _created = services.draft(YEAR)
    # This year's wheel, its first phase opened: the list shows what each phase produced.
    CycleFactory(year=YEAR + 1)
    open_phases(dt.date(YEAR + 1, 1, 2))
    return follow_up


def test_a_coordinator_writes_an_answer_and_a_bad_due_date_is_explained(page, follow_up, world, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    page.goto(f"/sv/yearly-follow-up/{YEAR}/edit/")
    page.get_by_label("Svar på fråga 1").fill("Samrådsgruppen möttes fyra gånger.")
    page.get_by_label("Klart senast").fill("")
    page.get_by_role("button", name="Spara uppföljningen").click()
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Klart senast")
    # Nothing is lost: the text is still in the form.
    expect(page.get_by_label("Svar på fråga 1")).to_have_value("Samrådsgruppen möttes fyra gånger.")
    assert_accessible(page, "follow-up-answers-errors")
    page.get_by_label("Klart senast").fill(f"{YEAR + 1}-02-20")
    page.get_by_role("button", name="Spara uppföljningen").click()
    expect(page.locator("#question-consultation")).to_contain_text("Samrådsgruppen möttes fyra gånger.")
    assert FollowUpAnswer.objects.get().text == "Samrådsgruppen möttes fyra gånger."
    follow_up.refresh_from_db()
    assert follow_up.due_on == dt.date(YEAR + 1, 2, 20)


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_follow_up_pages_pass_axe_and_fit_320_px(page, mobile_page, follow_up, world, sign_in_as, language):
    """Every page of the follow-up, one world for all (a live server's world costs a flush each)."""
    targets = {
        "list": "yearly-follow-up/",
        "detail": f"yearly-follow-up/{YEAR}/",
        "edit": f"yearly-follow-up/{YEAR}/edit/",
        "approve": f"yearly-follow-up/{YEAR}/approve/",
        "questions": "yearly-follow-up/questions/",
        "question": "yearly-follow-up/questions/new/",
    }
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, world["people"]["coordinator"])
        for name, target in targets.items():
            url = f"/{language}/{target}"
            browser_page.goto(url)
            expect(browser_page.locator("h1")).to_be_visible()
            assert_accessible(browser_page, f"follow-up-{name}-{language}")
            width = browser_page.evaluate("document.documentElement.scrollWidth")
            viewport = browser_page.evaluate("window.innerWidth")
            assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"
