"""The wheel's demo: two cycles, every status, the golden thread and indicators; building twice changes nothing."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from demo.followup import build_followup_demo
from demo.haninge import build
from followup.models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    GoalKind,
    Indicator,
    IndicatorValue,
    Phase,
    PhaseKind,
    ProgressUpdate,
    Theme,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def snapshot() -> dict:
    models = [Cycle, Phase, Theme, Goal, Action, ProgressUpdate, Indicator, IndicatorValue]
    counts: dict = {m.__name__: m.objects.count() for m in models}
    counts["history"] = {m.__name__: m.history.count() for m in [Cycle, Phase, Goal, Action, Indicator]}
    counts["actions"] = sorted(
        Action.objects.values_list("cycle__year", "title_sv", "status", "progress", "last_update_on")
    )
    counts["latest"] = sorted(Indicator.objects.values_list("name_sv", "latest_value", "latest_on"))
    return counts


def test_building_the_wheel_twice_changes_nothing():
    build(TODAY)
    first = snapshot()
    # Again, from a session in another language: translated fields must still compare equal.
    with translation.override("en"):
        build(TODAY)
    assert snapshot() == first

    with CaptureQueriesContext(connection) as queries:
        build_followup_demo(TODAY)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []

    assert first["ProgressUpdate"] >= 2 * first["Action"]
    assert first["IndicatorValue"] >= 6 * first["Indicator"]


def test_demo_has_both_cycles_with_their_phases_themes_and_goals():
    build(TODAY)

    cycles = {c.year: c for c in Cycle.objects.prefetch_related("phases")}
    assert set(cycles) == {2025, 2026}
    for cycle in cycles.values():
        assert {p.kind for p in cycle.phases.all()} == set(PhaseKind)
    assert Cycle.objects.current(TODAY) == cycles[2026]
    assert Cycle.objects.get(year=2026).title_fi == "Vuosikello 2026"

    assert {
        "sprak",
        "utbildning",
        "aldreomsorg",
        "kultur",
        "information",
        "delaktighet",
        "barn-och-unga",
    } <= set(Theme.objects.values_list("slug", flat=True))
    assert not Theme.objects.filter(name_fi="").exists()

    programme = Goal.objects.filter(kind=GoalKind.PROGRAMME)
    assert set(programme.values_list("code", flat=True)) == {"1", "2", "3", "4", "5", "6"}
    assert programme.get(code="3").title_sv == "Delaktighet och inflytande åt båda håll"
    assert 2 <= Goal.objects.filter(kind=GoalKind.GUIDELINE).count() <= 3
    for goal in Goal.objects.prefetch_related("themes", "minorities"):
        assert goal.description_sv and goal.description_fi and goal.description_en
        assert goal.themes.exists()
        assert goal.minorities.exists()


def test_demo_actions_cover_every_status_overdue_stale_and_carried_over():
    build(TODAY)
    actions = Action.objects.all()

    assert set(actions.values_list("status", flat=True)) == set(ActionStatus.values)
    assert set(actions.values_list("cycle__year", flat=True)) == {2025, 2026}
    assert actions.overdue(TODAY).exists()
    # Each responsible administration contact belongs to the action's department (its start page lists it).
    assert not [
        a.title
        for a in actions.select_related("responsible")
        if a.responsible and a.responsible.answers_outside(a.department)
    ]
    assert actions.stale(settings.ACTION_STALE_DAYS, TODAY).filter(status=ActionStatus.ONGOING).exists()
    carried = actions.get(title_sv="Finskspråkiga avdelningar inom särskilt boende i egen regi")
    assert (carried.cycle.year, carried.first_cycle.year) == (2026, 2025)
    assert carried.is_overdue(TODAY)
    assert actions.filter(is_public=True).exists() and actions.filter(is_public=False).exists()
    assert actions.filter(collaborating_departments__isnull=False).exists()
    assert actions.filter(title_sv__icontains="Finland", cycle__year=2025, status=ActionStatus.DONE).exists()
    assert actions.filter(title_sv="Valdebatt 2026 om minoritetspolitik").exists()
    assert actions.filter(title_sv__icontains="politikernätverk").exists()
    for action in actions:
        assert action.title_fi and action.title_en and action.description_fi, action
        assert action.created_at.date() <= TODAY


def test_each_action_shows_its_latest_update_written_by_the_responsible_contact():
    build(TODAY)

    for action in Action.objects.select_related("responsible").prefetch_related("updates"):
        updates = sorted(action.updates.all(), key=lambda u: u.written_on)
        assert 2 <= len(updates) <= 6, action
        assert all(u.author == action.responsible for u in updates)
        assert all(u.written_on <= TODAY for u in updates)
        progress = [u.progress for u in updates]
        assert progress == sorted(progress), action
        latest = updates[-1]
        assert (action.status, action.progress, action.last_update_on) == (
            latest.status,
            latest.progress,
            latest.written_on,
        )
        if action.status == ActionStatus.DONE:
            assert (action.progress, action.completed_on) == (100, latest.written_on)
        else:
            assert action.completed_on is None
        if action.status == ActionStatus.CANCELLED:
            assert action.cancel_reason
    assert ProgressUpdate.objects.filter(text__icontains="suomeksi").exists()


def test_demo_actions_lead_back_to_a_proposal_a_decision_and_a_commitment():
    build(TODAY)

    from_proposal = Action.objects.exclude(origin_proposal=None)
    assert from_proposal.exists()
    assert {a.origin_proposal.status for a in from_proposal} <= {"placed", "resolved"}
    from_decision = Action.objects.exclude(origin_agenda_item=None).select_related(
        "origin_agenda_item__meeting"
    )
    assert from_decision.count() >= 2
    for action in from_decision:
        assert action.origin_agenda_item.decision
        assert timezone.localdate(action.origin_agenda_item.meeting.starts_at) <= timezone.localdate(
            action.created_at
        )
    from_commitment = Action.objects.exclude(origin_commitment=None).select_related("origin_commitment")
    assert from_commitment.count() >= 2
    for action in from_commitment:
        assert action.origin_commitment.created_at <= action.created_at


def test_demo_indicators_have_values_over_both_years_and_their_latest():
    build(TODAY)

    indicators = Indicator.objects.prefetch_related("values", "goals")
    assert len(indicators) >= 6
    for indicator in indicators:
        assert indicator.name_fi and indicator.name_en and indicator.unit_fi and indicator.unit_en
        assert indicator.goals.exists()
        values = sorted(indicator.values.all(), key=lambda v: v.measured_on)
        assert {v.measured_on.year for v in values} == {2025, 2026}
        assert values[-1].measured_on <= TODAY
        assert (indicator.latest_value, indicator.latest_on) == (values[-1].value, values[-1].measured_on)
        assert indicator.achievement is not None
