"""Questionnaires in real Chromium: a representative answers, is told what is missing (focus on the summary);
every page of a questionnaire passes axe in Swedish and Finnish and fits 320 px."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from surveys.models import Questionnaire, Response, SurveyQuestion
from tests.browser.conftest import assert_accessible


@pytest.fixture
def questionnaire(world):
    questionnaire = Questionnaire.objects.create(
        title="Hur fungerade dialogen i år?",
        forum=world["forums"]["finnish_dialogue"],
        deadline=timezone.localdate() + dt.timedelta(days=14),
        status="open",
        min_answers=1,
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=1, text="Hur nöjd är du?", kind="scale", required=True
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire,
        position=2,
        text="Vilket möte passar bäst?",
        kind="choice",
        choices="Dag\nKväll",
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=3, text="Vad bör ändras?", kind="text"
    )
    return questionnaire


def test_a_representative_answers_and_a_missing_answer_is_explained(page, questionnaire, world, sign_in_as):
    sign_in_as(page, world["people"]["representative"])
    page.goto(f"/sv/questionnaires/{questionnaire.pk}/answer/")
    page.get_by_label("Vad bör ändras?").fill("Fler kvällsmöten.")
    page.get_by_role("button", name="Skicka svaren").click()
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Hur nöjd är du?")
    expect(page.get_by_label("Vad bör ändras?")).to_have_value("Fler kvällsmöten.")
    assert_accessible(page, "questionnaire-answer-errors")
    page.get_by_label("4").check()
    page.get_by_role("button", name="Skicka svaren").click()
    expect(page.locator(".ds-alert")).to_contain_text("Tack: dina svar har kommit fram.")
    assert Response.objects.get().respondent is None


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_questionnaire_pages_pass_axe_and_fit_320_px(
    page, mobile_page, questionnaire, world, sign_in_as, language
):
    from surveys import services

    scale, choice, text = questionnaire.questions.order_by("position")
    services.answer(
        questionnaire, world["people"]["admin_contact"], {scale.pk: "3", choice.pk: "Kväll", text.pk: "Bra."}
    )
    coordinator_pages = {
        "list": "questionnaires/",
        "new": "questionnaires/new/",
        "detail": f"questionnaires/{questionnaire.pk}/",
        "results": f"questionnaires/{questionnaire.pk}/results/",
    }
    for browser_page in (page, mobile_page):
        for person, targets in (
            ("coordinator", coordinator_pages),
            ("representative", {"answer": f"questionnaires/{questionnaire.pk}/answer/"}),
        ):
            browser_page.context.clear_cookies()
            sign_in_as(browser_page, world["people"][person])
            for name, target in targets.items():
                url = f"/{language}/{target}"
                browser_page.goto(url)
                expect(browser_page.locator("h1")).to_be_visible()
                assert_accessible(browser_page, f"questionnaire-{name}-{language}")
                width = browser_page.evaluate("document.documentElement.scrollWidth")
                viewport = browser_page.evaluate("window.innerWidth")
                assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"
