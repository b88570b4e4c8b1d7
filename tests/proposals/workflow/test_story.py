"""A proposal's story: one timeline on its page, newest last, from proposal to decision, commitments,
actions, their progress and completion and the reports they appeared in; only what the viewer may see;
the same number of queries whatever its length."""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from core.models import AgendaItem, Meeting, MeetingStatus, MinutesStatus
from followup.models import ActionStatus
from proposals import services
from reports.models import Report, ReportKind, ReportStatus
from tests.dialogues.factories import CommitmentFactory
from tests.factories import ActionFactory
from tests.followup.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db

EVENT = re.compile(
    r'<li class="timeline__event" data-kind="([a-z_]+)">\s*<p class="meta"><time datetime="([^"]+)"'
)


def _story(html: str) -> str:
    start = html.index('id="timeline"')
    return html[start : html.index("</ol>", start)]


def _kinds(html: str) -> list[str]:
    return [kind for kind, _at in EVENT.findall(_story(html))]


def _decided(world, proposal) -> AgendaItem:
    """Placed on the Sweden Finns' meeting, which was then held and its minutes published with a decision."""
    coordinator = world["people"]["coordinator"]
    services.consider(proposal, coordinator, "Bereds av samordnaren.")
    services.place_on_agenda(proposal, world["meetings"]["finnish"], coordinator, "Tas upp i maj.")
    Meeting.objects.filter(pk=world["meetings"]["finnish"].pk).update(
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
        minutes_published_at=timezone.now(),
        starts_at=timezone.now(),
    )
    item = AgendaItem.objects.get(pk=proposal.agenda_item_id)
    item.decision = "<p>Förvaltningen utreder fler förskoleplatser.</p>"
    item.minutes_language = "sv"
    item.save()
    return item


def _report(day: dt.date, **fields) -> Report:
    return Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=day - dt.timedelta(days=10),
        period_end=day + dt.timedelta(days=10),
        language=fields.pop("language", "sv"),
        status=ReportStatus.DONE,
        finished_at=timezone.now(),
        **fields,
    )


def _grow(world, item, actions: int, updates: int, public: bool = True) -> None:
    """`actions` actions from the agenda item (and commitments), each with `updates` progress updates."""
    today = timezone.localdate()
    for number in range(actions):
        commitment = CommitmentFactory(agenda_item=item, department=world["department"], answered=True)
        action = ActionFactory(
            origin_commitment=commitment if number % 2 else None,
            origin_agenda_item=None if number % 2 else item,
            department=world["department"],
            is_public=public,
        )
        for step in range(updates):
            ProgressUpdateFactory(action=action, written_on=today, progress=min(100, 10 * (step + 1)))
        if number == 0:
            action.status, action.completed_on, action.progress = ActionStatus.DONE, today, 100
            action.save()


def test_the_story_tells_every_step_newest_last(world, make_proposal, client_for):
    proposal = make_proposal()
    item = _decided(world, proposal)
    _grow(world, item, actions=1, updates=2)
    _report(timezone.localdate(), published_at=timezone.now(), public_file="reports/x.pdf")
    services.mark_answered(proposal, world["people"]["representative"], False, "Inget svar om skolan.")

    html = client_for("representative").get(proposal.get_absolute_url()).content.decode()

    kinds = _kinds(html)
    assert kinds[0] == "proposed"
    for kind in ("status", "decided", "commitment", "commitment_answered", "action", "progress", "completed"):
        assert kind in kinds
    assert kinds.count("progress") == 2
    assert "report" in kinds
    assert kinds[-1] == "not_answered"
    # Oldest first, newest last.
    days = [at[:10] for _kind, at in EVENT.findall(_story(html))]
    assert days == sorted(days)
    story = _story(html)
    assert "Tas upp i maj." in story  # the reason given
    assert "Förvaltningen utreder fler förskoleplatser." in story  # the minuted decision
    assert "Inget svar om skolan." in story  # the proposer's answer
    with translation.override("fi"):
        finnish = _story(client_for("representative").get(proposal.get_absolute_url()).content.decode())
    # The minuted decision, written in Swedish, is marked so on a Finnish page.
    assert '<div class="richtext" lang="sv"><p>Förvaltningen utreder' in finnish


def test_the_decision_is_left_out_until_the_minutes_are_published(world, make_proposal, client_for):
    proposal = make_proposal()
    _decided(world, proposal)
    Meeting.objects.filter(pk=world["meetings"]["finnish"].pk).update(minutes_status=MinutesStatus.IN_REVIEW)

    html = client_for("representative").get(proposal.get_absolute_url()).content.decode()

    assert "decided" not in _kinds(html)
    assert "Förvaltningen utreder" not in _story(html)


def test_a_follower_who_is_a_resident_sees_only_public_actions_and_published_reports(
    world, make_proposal, client_for
):
    proposal = make_proposal()
    item = _decided(world, proposal)
    _grow(world, item, actions=1, updates=1, public=False)
    _report(timezone.localdate())  # an internal report only
    proposal.followers.add(world["people"]["resident"])

    resident = _kinds(client_for("resident").get(proposal.get_absolute_url()).content.decode())
    coordinator = _kinds(client_for("coordinator").get(proposal.get_absolute_url()).content.decode())

    assert "action" not in resident and "progress" not in resident and "report" not in resident
    assert "action" in coordinator and "progress" in coordinator and "report" in coordinator


def test_a_published_report_links_the_public_version_for_those_who_do_not_read_reports(
    world, make_proposal, client_for
):
    proposal = make_proposal()
    item = _decided(world, proposal)
    _grow(world, item, actions=1, updates=1, public=True)
    report = _report(timezone.localdate(), published_at=timezone.now(), public_file="reports/x.pdf")

    representative = _story(client_for("representative").get(proposal.get_absolute_url()).content.decode())
    coordinator = _story(client_for("coordinator").get(proposal.get_absolute_url()).content.decode())

    assert f"/reports/public/{report.pk}/pdf/" in representative
    assert f"/reports/{report.pk}/" in coordinator


# The proposal page with its story: the count of tests/proposals/workflow/test_queries.py, plus the actions'
# progress updates (prefetched), the reports, and the meeting page's rules for the placed meeting (held).
STORY = {"representative": 10, "coordinator": 11}


@pytest.mark.parametrize("role", sorted(STORY))
@pytest.mark.parametrize(("actions", "updates"), [(1, 1), (3, 10)])
def test_the_story_costs_the_same_queries_whatever_its_length(
    role, actions, updates, world, make_proposal, client_for, django_assert_num_queries
):
    proposal = make_proposal()
    item = _decided(world, proposal)
    _grow(world, item, actions=actions, updates=updates)
    for _ in range(actions):
        _report(timezone.localdate(), language="fi")
    client = client_for(role)
    client.get(proposal.get_absolute_url())

    with django_assert_num_queries(STORY[role]):
        html = client.get(proposal.get_absolute_url()).content.decode()

    assert _kinds(html).count("progress") == actions * updates
