"""A coordinator who publishes the notice of a meeting that has already begun is warned on the page and
chooses: change the time, or publish the agenda without a notice. The page passes axe at 320 and 1280 px."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import MeetingStatus
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [320, 1280])
def test_a_coordinator_is_warned_before_a_notice_for_a_past_meeting(
    browser, live_server, sign_in_as, world, width
):
    meeting = world["meetings"]["finnish"]
    meeting.status = MeetingStatus.PLANNED
    meeting.starts_at = timezone.now() - dt.timedelta(days=2)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
    meeting.save()
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in_as(page, world["people"]["coordinator"])
    page.goto(f"/en{meeting.get_absolute_url().removeprefix('/sv')}")
    warning = page.locator("#notice-too-late")
    assert warning.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page, f"notice-too-late-{width}")
    warning.get_by_role("button", name="Publish the agenda without a notice").click()
    page.wait_for_load_state()
    assert "No notice was sent" in page.content()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    context.close()
