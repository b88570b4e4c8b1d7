"""The dialogue tier's sections of a meeting's page: feedback from the administration, and the
commitments lifted at the meeting. Tested through core.plumbing.sections, without the meeting page itself.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.models import MeetingStatus
from core.plumbing.sections import meeting_sections
from dialogues import services
from dialogues.sections import commitments_section, feedback_section
from tests.dialogues.factories import CommitmentFactory
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

FEEDBACK = "dialogues/includes/meeting_feedback.html"
COMMITMENTS = "dialogues/includes/meeting_commitments.html"


def request_for(world, role: str, path: str = "/sv/meetings/1/"):
    request = RequestFactory().get(path)
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser() if role == "anonymous" else world["people"][role]
    return request


def sections(world, role: str, meeting) -> dict:
    return dict(meeting_sections(request_for(world, role), meeting))


def render(world, role: str, meeting) -> str:
    request = request_for(world, role)
    html = []
    for template, section in meeting_sections(request, meeting):
        context = {"section": section, "meeting": meeting, "request": request, "user": request.user}
        html.append(render_to_string(template, context, request=request))
    return "".join(html)


def test_an_upcoming_meeting_hears_the_answers_to_its_forums_earlier_issues(world, earlier_item):
    waiting = CommitmentFactory(agenda_item=earlier_item, answered=True, title="Besvarad")
    CommitmentFactory(agenda_item=earlier_item, title="Öppen")
    other_forum = CommitmentFactory(agenda_item=world["meetings"]["roma"].agenda_items.first(), answered=True)
    feedback = sections(world, "representative", world["meetings"]["finnish"])[FEEDBACK]
    assert feedback["commitments"] == [waiting]
    assert feedback["waiting"] is True
    assert other_forum not in feedback["commitments"]


def test_an_answer_is_not_fed_back_to_the_meeting_it_came_from_or_an_earlier_one(world, earlier_item):
    upcoming = world["meetings"]["finnish"]
    CommitmentFactory(agenda_item=upcoming.agenda_items.first(), answered=True)
    assert FEEDBACK not in sections(world, "coordinator", upcoming)


def test_a_held_meeting_shows_what_it_received_and_no_longer_what_waits(world, earlier_item):
    received = CommitmentFactory(agenda_item=earlier_item, answered=True, title="Mottagen")
    CommitmentFactory(agenda_item=earlier_item, answered=True, title="Väntar")
    meeting = world["meetings"]["finnish"]
    services.mark_received(received, meeting, by=world["people"]["coordinator"])

    # Before it is held, only the one still waiting is shown.
    assert [c.title for c in sections(world, "coordinator", meeting)[FEEDBACK]["commitments"]] == ["Väntar"]

    meeting.status = MeetingStatus.HELD
    meeting.save()
    feedback = sections(world, "coordinator", meeting)[FEEDBACK]
    assert [c.title for c in feedback["commitments"]] == ["Mottagen"]
    assert feedback["may_mark_received"] is False


def test_nothing_to_feed_back_hides_the_section(world, earlier_item):
    assert FEEDBACK not in sections(world, "coordinator", world["meetings"]["finnish"])


@pytest.mark.parametrize(
    ("role", "may"), [("coordinator", True), ("administrator", True), ("representative", False)]
)
def test_only_coordinators_get_the_received_button(world, earlier_item, role, may):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    meeting = world["meetings"]["finnish"]
    assert sections(world, role, meeting)[FEEDBACK]["may_mark_received"] is may
    html = render(world, role, meeting)
    action = reverse("dialogues:commitment_received", kwargs={"pk": commitment.pk})
    assert (f'action="{action}"' in html) is may
    if may:
        form = html.split(f'action="{action}"')[1].split("</form>")[0]
        assert 'name="csrfmiddlewaretoken"' in form
        assert f'name="meeting" value="{meeting.pk}"' in form
        assert 'name="next" value="/sv/meetings/1/"' in form


def test_the_feedback_shows_the_answer_and_the_department(world, earlier_item):
    commitment = CommitmentFactory(
        agenda_item=earlier_item, department=world["department"], answered=True, answer="Elva talar finska."
    )
    html = render(world, "representative", world["meetings"]["finnish"])
    item = html.split(f'id="feedback-{commitment.pk}"')[1].split("</li>")[0]
    assert "Elva talar finska." in item
    assert "Social- och äldreförvaltningen" in item
    assert 'aria-labelledby="feedback-heading"' in html


def test_commitments_from_this_meeting_with_status_and_due_date(world, earlier_meeting, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item, title="Från detta möte")
    CommitmentFactory(
        agenda_item=world["meetings"]["finnish"].agenda_items.first(), title="Från ett annat möte"
    )
    section = sections(world, "representative", earlier_meeting)[COMMITMENTS]
    assert [c.title for c in section["commitments"]] == ["Från detta möte"]
    assert section["may_add"] is False
    html = render(world, "representative", earlier_meeting)
    item = html.split(f'id="meeting-commitment-{commitment.pk}"')[1].split("</li>")[0]
    assert commitment.due_on.isoformat() in item
    assert 'class="ds-tag"' in item
    assert 'id="add-commitment"' not in html


def test_coordinators_may_lift_an_issue_from_a_meeting_without_commitments(world, earlier_meeting):
    section = sections(world, "coordinator", earlier_meeting)[COMMITMENTS]
    assert section == {"commitments": [], "may_add": True}
    html = render(world, "coordinator", earlier_meeting)
    assert reverse("dialogues:commitment_create", kwargs={"meeting_pk": earlier_meeting.pk}) in html


def test_the_commitments_section_is_hidden_from_those_with_nothing_to_see_or_do(world, earlier_meeting):
    assert COMMITMENTS not in sections(world, "representative", earlier_meeting)


def test_no_issue_is_lifted_from_a_cancelled_meeting(world, earlier_meeting):
    earlier_meeting.status = MeetingStatus.CANCELLED
    earlier_meeting.save()
    assert COMMITMENTS not in sections(world, "coordinator", earlier_meeting)


def _fill(world, earlier_item, count: int) -> None:
    for n in range(count):
        meeting = MeetingFactory(
            forum=earlier_item.meeting.forum, starts_at=timezone.now() - dt.timedelta(days=60 + n)
        )
        item = AgendaItemFactory(meeting=meeting)
        CommitmentFactory(agenda_item=item, answered=True)
        CommitmentFactory(agenda_item=earlier_item, answered=bool(n % 2))


@pytest.mark.parametrize("role", ["representative", "coordinator"])
@pytest.mark.parametrize("size", [2, 30])
def test_section_queries_do_not_grow_with_the_data(
    world, earlier_item, django_assert_num_queries, role, size
):
    _fill(world, earlier_item, size)
    request = request_for(world, role)
    user = request.user
    user.has_perm("dialogues.mark_received")  # model permissions: none for non-staff, no query
    user.has_perm("core.view_meeting", world["meetings"]["finnish"])  # and the memberships rules cache
    # One query for the feedback and this meeting's commitments together, read by the first section and
    # reused by the second (this app's two sections only; other apps' sections on the same page are pinned
    # in their own tests).
    meeting = world["meetings"]["finnish"]
    with django_assert_num_queries(1):
        rendered = [
            (template, context(request, meeting))
            for template, context in (
                ("dialogues/includes/meeting_feedback.html", feedback_section),
                ("dialogues/includes/meeting_commitments.html", commitments_section),
            )
        ]
        for template, section in rendered:
            render_to_string(
                template, {"section": section, "meeting": world["meetings"]["finnish"]}, request=request
            )
    assert len(dict(rendered)[FEEDBACK]["commitments"]) >= size
