"""Trends for politicians: the figures per quarter and this year against last, on a small data set whose
answers are known, and the pages that show them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.models import MeetingStatus
from followup import trends
from followup.models import ActionStatus, ProgressUpdate
from proposals.models import Proposal, ProposalStatus
from tests.factories import ActionFactory, CycleFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 5, 15)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def action(year: int, created: dt.date, **fields):
    return ActionFactory(cycle=CycleFactory(year=year), created_at=at(created), **fields)


def update(act, day: dt.date, progress: int) -> None:
    ProgressUpdate.objects.create(
        action=act, written_on=day, text="Läget", status=ActionStatus.ONGOING, progress=progress
    )


def proposal(world, status: str, changed: dt.date) -> None:
    Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Förslag",
        description="Text",
        status=status,
        status_changed_at=at(changed),
        status_reason="Skäl",
    )


@pytest.fixture
def crafted(world):
    """Actions done, late and reported on in known quarters, proposals answered and consultations held."""
    department = world["department"]
    # Due 1 June 2025, done 20 August 2025: overdue at the end of Q2 2025, done in Q3 2025.
    action(
        2025,
        dt.date(2025, 1, 10),
        department=department,
        status=ActionStatus.DONE,
        progress=100,
        due_on=dt.date(2025, 6, 1),
        completed_on=dt.date(2025, 8, 20),
    )
    # Reported at 20 % in February and 60 % in May 2025.
    reported = action(
        2025, dt.date(2025, 1, 5), department=department, progress=60, due_on=dt.date(2026, 12, 31)
    )
    update(reported, dt.date(2025, 2, 10), 20)
    update(reported, dt.date(2025, 5, 1), 60)
    # Late since March 2024 and still going: overdue at every quarter's end from Q1 2024.
    action(2024, dt.date(2024, 2, 1), department=department, due_on=dt.date(2024, 3, 1))
    # Cancelled long past due: never counted as overdue.
    action(
        2024,
        dt.date(2023, 12, 1),
        department=department,
        status=ActionStatus.CANCELLED,
        cancel_reason="Ersatt",
        due_on=dt.date(2024, 1, 1),
    )
    # Done this January.
    action(
        2026,
        dt.date(2026, 1, 2),
        department=department,
        status=ActionStatus.DONE,
        progress=100,
        due_on=dt.date(2026, 3, 1),
        completed_on=dt.date(2026, 1, 20),
    )
    proposal(world, ProposalStatus.RESOLVED, dt.date(2026, 4, 2))
    proposal(world, ProposalStatus.DECLINED, dt.date(2025, 4, 20))
    proposal(world, ProposalStatus.DECLINED, dt.date(2025, 6, 1))
    proposal(world, ProposalStatus.UNDER_CONSIDERATION, dt.date(2026, 4, 3))
    consultation = world["forums"]["consultation"]
    MeetingFactory(forum=consultation, starts_at=at(dt.date(2026, 2, 10)), status=MeetingStatus.HELD)
    MeetingFactory(forum=consultation, starts_at=at(dt.date(2025, 3, 3)), status=MeetingStatus.HELD)
    MeetingFactory(forum=consultation, starts_at=at(dt.date(2026, 3, 1)), status=MeetingStatus.CANCELLED)
    MeetingFactory(
        forum=world["forums"]["roma_dialogue"], starts_at=at(dt.date(2026, 2, 11)), status=MeetingStatus.HELD
    )


def by_quarter(figures: dict) -> dict:
    return {(r["quarter"].year, r["quarter"].number): r for r in figures["quarters"]}


def test_the_last_twelve_quarters_end_with_todays_which_ends_today():
    quarters = trends.last_quarters(TODAY)
    assert [(q.year, q.number) for q in quarters[:2]] == [(2023, 3), (2023, 4)]
    assert (quarters[-1].year, quarters[-1].number) == (2026, 2)
    assert len(quarters) == 12
    assert quarters[-1].point == TODAY
    assert quarters[-2].point == dt.date(2026, 3, 31)


def test_a_year_ago_on_29_february_is_the_28th():
    assert trends.same_day_last_year(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)


def test_actions_done_are_counted_in_the_quarter_of_their_completion(crafted):
    rows = by_quarter(trends.trends(TODAY))
    assert rows[2025, 3]["done"] == 1
    assert rows[2026, 1]["done"] == 1
    assert sum(r["done"] for r in rows.values()) == 2


def test_overdue_is_as_it_stood_at_each_quarters_end(crafted):
    rows = by_quarter(trends.trends(TODAY))
    # Before the late action existed, then the late one alone, then both while the first is behind.
    assert rows[2023, 4]["overdue"] == 0
    assert rows[2024, 1]["overdue"] == 1
    assert rows[2025, 2]["overdue"] == 2
    # Done in August: no longer overdue at the end of Q3.
    assert rows[2025, 3]["overdue"] == 1


def test_average_progress_takes_each_actions_latest_update_by_the_quarters_end(crafted):
    rows = by_quarter(trends.trends(TODAY))
    # The cycle's two actions: one not yet reported (0 %), one at 20 %, then 60 %, then the first done (100 %).
    assert rows[2025, 1]["average_progress"] == 10
    assert rows[2025, 2]["average_progress"] == 30
    assert rows[2025, 3]["average_progress"] == 80
    # No actions of 2023's cycle: no average rather than zero.
    assert rows[2023, 3]["average_progress"] is None


def test_proposals_answered_and_consultations_held_per_quarter(crafted):
    rows = by_quarter(trends.trends(TODAY))
    assert rows[2025, 2]["proposals_answered"] == 2
    assert rows[2026, 2]["proposals_answered"] == 1
    assert rows[2025, 1]["consultations_held"] == 1
    # The held dialogue meeting and the cancelled consultation are not consultations held.
    assert rows[2026, 1]["consultations_held"] == 1


def test_this_year_to_date_against_the_same_days_last_year(crafted):
    with translation.override("en"):
        comparison = {row.name: row for row in trends.trends(TODAY)["comparison"]}
        done = comparison["done"]
        assert (done.this_year, done.last_year, done.change_display) == (1, 0, "+1")
        overdue = comparison["overdue"]
        assert (overdue.this_year, overdue.last_year, overdue.change_display) == (1, 1, "±0")
        average = comparison["average_progress"]
        assert (average.this_year_display, average.last_year_display) == ("100 %", "30 %")
        assert average.change_display == "+70 percentage points"
        # Only the declined proposal of 20 April 2025 falls before 15 May.
        answered = comparison["proposals_answered"]
        assert (answered.this_year, answered.last_year, answered.change_display) == (1, 1, "±0")
        held = comparison["consultations_held"]
        assert (held.this_year, held.last_year) == (1, 1)


def test_politician_sees_the_quarters_in_a_table_and_a_chart_per_figure(world, client_for):
    today = timezone.localdate()
    ActionFactory(
        department=world["department"],
        status=ActionStatus.DONE,
        progress=100,
        completed_on=today,
        title="Klar insats",
    )
    response = client_for("politician").get(reverse("followup:trends"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = response.context["trends"]["quarters"]
    assert len(rows) == 12 and rows[-1]["done"] == 1
    for name in trends.FIGURES:
        assert f'id="trend-{name}-chart"' in html
    assert 'id="trend-quarter-table"' in html and 'id="trend-comparison-table"' in html
    assert html.count('<th scope="row">') == 12 + len(trends.FIGURES)
    assert reverse("followup:trend_summary") in html


def test_the_printable_summary_shows_the_date_of_extraction_and_both_tables(world, client_for):
    response = client_for("coordinator").get(reverse("followup:trend_summary"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="trend-extracted"' in html
    assert 'id="summary-comparison-table"' in html and 'id="summary-quarter-table"' in html
    assert html.count("<h1") == 1


def test_the_dashboard_links_to_the_trends(world, client_for):
    CycleFactory()
    html = client_for("politician").get(reverse("followup:dashboard")).content.decode()
    assert reverse("followup:trends") in html


def test_residents_may_not_see_the_trends(world, client_for):
    assert client_for("resident").get(reverse("followup:trends")).status_code == 403
    assert client_for("anonymous").get(reverse("followup:trend_summary")).status_code == 302
