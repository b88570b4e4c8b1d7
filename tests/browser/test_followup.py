"""The follow-up in real Chromium, with an axe scan of every page passed: a politician opens the dashboard
of the current cycle, filters it by a minority, follows an action to the proposal it came from; the
administration contact writes a progress update; the coordinator reads the register, goals, indicators and
cycles, and opens the next cycle. Every page also fits a 320 px screen.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from followup.models import Action, ActionStatus, IndicatorValue
from proposals import services as proposal_services
from tests.browser.conftest import assert_accessible
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GoalFactory, IndicatorFactory


@pytest.fixture
def followup(world):
    cycle = CycleFactory()
    goal = GoalFactory(
        code="3",
        title="Delaktighet och inflytande åt båda håll",
        title_sv="Delaktighet och inflytande åt båda håll",
    )
    finns = world["forums"]["finnish_dialogue"].minority
    roma = world["forums"]["roma_dialogue"].minority
    proposal = proposal_services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkiga böcker på biblioteket",
        description="Biblioteket behöver fler böcker på finska.",
        language="sv",
    )
    from_proposal = ActionFactory(
        cycle=cycle,
        title_sv="Finskspråkig hylla på Handens bibliotek",
        department=world["department"],
        responsible=world["people"]["admin_contact"],
        origin_proposal=proposal,
        status=ActionStatus.ONGOING,
        progress=30,
    )
    from_proposal.goals.add(goal)
    from_proposal.minorities.add(finns)
    roma_action = ActionFactory(
        cycle=cycle,
        title_sv="Romsk kulturdag",
        status=ActionStatus.DELAYED,
        progress=10,
        due_on=timezone.localdate() - dt.timedelta(days=5),
    )
    roma_action.goals.add(goal)
    roma_action.minorities.add(roma)
    indicator = IndicatorFactory(name_sv="Elever i finsk modersmålsundervisning", baseline=100, target=150)
    indicator.goals.add(goal)
    for months, value in ((9, 105), (6, 118), (3, 126)):
        IndicatorValue.objects.create(
            indicator=indicator,
            measured_on=timezone.localdate() - dt.timedelta(days=30 * months),
            value=value,
        )
    indicator.refresh_latest()
    return {
        **world,
        "cycle": cycle,
        "goal": goal,
        "proposal": proposal,
        "action": from_proposal,
        "roma_action": roma_action,
        "indicator": indicator,
        "finns": finns,
    }


def test_politician_filters_the_dashboard_and_follows_an_action_to_its_proposal(page, followup, sign_in_as):
    sign_in_as(page, followup["people"]["politician"])
    page.goto("/sv/followup/")
    expect(page.locator("#goal-status-chart")).to_be_visible()
    expect(page.locator("#goal-table")).to_contain_text(followup["goal"].title)
    assert_accessible(page, "followup-dashboard")

    page.select_option("#id_minority", str(followup["finns"].pk))
    page.locator("#dashboard-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"minority={followup['finns'].pk}"))
    expect(page.locator("#key-figures dd").first).to_have_text("1")
    assert_accessible(page, "followup-dashboard-filtered")

    # The figure leads to the register with the same selection, and on to the action and its origin.
    page.locator("#key-figures a").first.click()
    expect(page.locator("#register-table tbody tr")).to_have_count(1)
    assert_accessible(page, "followup-register")
    page.get_by_role("link", name=followup["action"].title).click()
    expect(page).to_have_url(re.compile(rf"/sv/followup/actions/{followup['action'].pk}/$"))
    assert_accessible(page, "followup-action")
    page.locator("#origin a.origin-link").click()
    expect(page).to_have_url(re.compile(rf"/sv/proposals/{followup['proposal'].pk}/$"))
    expect(page.locator("#proposal-actions")).to_contain_text(followup["action"].title)


def test_contact_writes_a_progress_update_and_errors_are_summarised(page, mobile_page, followup, sign_in_as):
    action = followup["action"]
    # The department view fits a small screen: its table scrolls inside its own region.
    sign_in_as(mobile_page, followup["people"]["admin_contact"])
    mobile_page.goto("/sv/followup/department/")
    expect(mobile_page.locator(f"#department-action-{action.pk}")).to_be_attached()
    assert mobile_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    sign_in_as(page, followup["people"]["admin_contact"])
    page.goto("/sv/followup/department/")
    expect(page.locator(f"#department-action-{action.pk}")).to_be_visible()
    assert_accessible(page, "followup-department")
    page.goto(f"/sv/followup/actions/{action.pk}/update/")
    page.fill("#id_progress", "140")
    page.locator("#progress-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert_accessible(page, "followup-progress-errors")
    page.fill("#id_text", "Hyllan är på plats, böckerna är beställda.")
    page.fill("#id_progress", "60")
    page.locator("#progress-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/sv/followup/actions/{action.pk}/$"))
    expect(page.locator("#updates")).to_contain_text("Hyllan är på plats")
    action.refresh_from_db()
    assert action.progress == 60


@pytest.mark.parametrize(
    "path",
    [
        "goals/",
        "goal",
        "goals/new/",
        "goal-edit",
        "indicators/",
        "indicator",
        "indicators/new/",
        "indicator-edit",
        "indicator-value",
        "cycles/",
        "cycles/new/",
        "actions/new/",
        "action-edit",
    ],
)
def test_coordinator_pages_pass_axe_and_fit_a_small_screen(page, mobile_page, followup, sign_in_as, path):
    targets = {
        "goal": f"goals/{followup['goal'].pk}/",
        "indicator": f"indicators/{followup['indicator'].pk}/",
        "action-edit": f"actions/{followup['action'].pk}/edit/",
        "goal-edit": f"goals/{followup['goal'].pk}/edit/",
        "indicator-edit": f"indicators/{followup['indicator'].pk}/edit/",
        "indicator-value": f"indicators/{followup['indicator'].pk}/values/new/",
    }
    url = "/sv/followup/" + targets.get(path, path)
    for browser_page in (page, mobile_page):
        sign_in_as(browser_page, followup["people"]["coordinator"])
        browser_page.goto(url)
        expect(browser_page.locator("h1")).to_be_visible()
        assert_accessible(browser_page, f"followup-{path.strip('/').replace('/', '-')}")
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        viewport = browser_page.evaluate("window.innerWidth")
        assert width <= viewport, f"{url} is {width}px wide on a {viewport}px screen"


def test_visitors_read_public_actions_in_finnish(page, followup):
    Action.objects.filter(pk=followup["action"].pk).update(
        is_public=True, title_fi="Suomenkielinen hylly Handenin kirjastossa"
    )
    page.goto("/fi/followup/actions/")
    expect(page.locator("#register-table")).to_contain_text("Suomenkielinen hylly")
    expect(page.locator("#register-table")).not_to_contain_text(followup["roma_action"].title)
    assert_accessible(page, "followup-register-public-fi")
