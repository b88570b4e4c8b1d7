"""The follow-up's pages cost the same number of queries with 10 actions as with 1 000: each page's count
is pinned, at both sizes.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from followup.models import Action, ActionStatus, IndicatorValue, ProgressUpdate
from tests.factories import CycleFactory
from tests.followup.factories import GoalFactory, IndicatorFactory

pytestmark = pytest.mark.django_db

STATUSES = list(ActionStatus)


def fill(world, size: int) -> Action:
    """`size` actions over three goals, two minorities and the department, with updates and indicator values."""
    cycle = CycleFactory()
    goals = [GoalFactory() for _ in range(3)]
    minorities = [world["forums"]["finnish_dialogue"].minority, world["forums"]["roma_dialogue"].minority]
    today = timezone.localdate()
    actions = Action.objects.bulk_create(
        Action(
            cycle=cycle,
            title=f"Insats {n}",
            title_sv=f"Insats {n}",
            department=world["department"],
            responsible=world["people"]["admin_contact"],
            status=STATUSES[n % len(STATUSES)],
            cancel_reason="Skäl" if STATUSES[n % len(STATUSES)] == ActionStatus.CANCELLED else "",
            progress=n % 101,
            due_on=today + dt.timedelta(days=(n % 60) - 30),
            completed_on=today if STATUSES[n % len(STATUSES)] == ActionStatus.DONE else None,
            is_public=n % 2 == 0,
        )
        for n in range(size)
    )
    Action.goals.through.objects.bulk_create(
        Action.goals.through(action=a, goal=goals[i % 3]) for i, a in enumerate(actions)
    )
    Action.minorities.through.objects.bulk_create(
        Action.minorities.through(action=a, nationalminority=minorities[i % 2]) for i, a in enumerate(actions)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            action=a,
            author=world["people"]["admin_contact"],
            text="Läget",
            status=a.status,
            progress=a.progress,
        )
        for a in actions
    )
    for n in range(min(size, 20)):
        indicator = IndicatorFactory(baseline=0, target=100)
        indicator.goals.add(goals[n % 3])
        IndicatorValue.objects.create(indicator=indicator, measured_on=today, value=n)
        indicator.refresh_latest()
    return actions[0]


PAGES = {
    "dashboard": (lambda a: reverse("followup:dashboard"), "politician"),
    "dashboard-filtered": (
        lambda a: (
            reverse("followup:dashboard") + f"?year={a.cycle.year}&minority={a.minorities.first().pk}"
            f"&department={a.department_id}&goal={a.goals.first().pk}"
        ),
        "politician",
    ),
    "trends": (lambda a: reverse("followup:trends"), "politician"),
    "trend-summary": (lambda a: reverse("followup:trend_summary"), "coordinator"),
    "register": (lambda a: reverse("followup:register"), "politician"),
    "register-filtered": (
        lambda a: (
            reverse("followup:register") + f"?q=Insats&status=ongoing&overdue=on&goal={a.goals.first().pk}"
        ),
        "coordinator",
    ),
    "register-public": (lambda a: reverse("followup:register"), "anonymous"),
    "department": (lambda a: reverse("followup:department"), "admin_contact"),
    "action": (lambda a: a.get_absolute_url(), "coordinator"),
    "goals": (lambda a: reverse("followup:goal_list"), "politician"),
    "goal": (lambda a: a.goals.first().get_absolute_url(), "politician"),
    "indicators": (lambda a: reverse("followup:indicator_list"), "anonymous"),
    "export": (lambda a: reverse("followup:register_export", kwargs={"fmt": "csv"}), "politician"),
}


# Queries per page: the session, the user, and one per block the page shows; the dashboard's actions, in all
# and by goal, department and minority, are one query (a UNION), and the cycles come with the phase each is
# in today (a subquery). The dashboard and the department
# view ask the register of duties for its section (one query when it is empty: tests/duties/test_queries.py
# counts it with duties). The trends and their summary: the session, the user, and one aggregate query each
# for the actions, the proposals answered and the consultations held, over all twelve quarters at once.
EXPECTED = {
    "action": 9,  # with its comments (followup/views/comments.py) and whether the person follows it
    "dashboard": 10,
    "dashboard-filtered": 10,
    "department": 8,
    "export": 6,
    "goal": 7,
    "goals": 4,
    "indicators": 2,
    "register": 9,
    "trend-summary": 4,
    "trends": 4,
    "register-filtered": 10,
    "register-public": 8,
}


@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_queries_do_not_grow_with_the_data(page, size, world, client_for, django_assert_num_queries):
    url_of, role = PAGES[page]
    expected = EXPECTED[page]
    first = fill(world, size)
    url = url_of(first)
    client = client_for(role)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
