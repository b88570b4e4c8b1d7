"""One notion of late: an action is overdue when its due date has passed and it is neither done nor cancelled.

The status "Behind schedule" (delayed) is the reporter's judgement and is counted as a status; overdue is
the date's and shows as its own tag beside the status. The dashboard's card, its tables, the register's
filter, the department view, the start page and the report data all count the same actions.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from followup import dashboard
from followup.models import Action, ActionStatus
from reports.content import collect
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GoalFactory

TODAY = timezone.localdate


@pytest.fixture
def late(world):
    """Eight actions of one cycle, goal and department; three of them overdue."""
    cycle, goal, department = CycleFactory(), GoalFactory(code="1"), world["department"]

    def make(title: str, status: str, due_in: int | None, **extra) -> Action:
        due_on = None if due_in is None else TODAY() + dt.timedelta(days=due_in)
        action = ActionFactory(
            cycle=cycle, title=title, department=department, status=status, due_on=due_on, **extra
        )
        action.goals.add(goal)
        return action

    actions = {
        "ongoing_past_due": make("Pågår, förfallen", ActionStatus.ONGOING, -3),
        "behind_not_due": make("Efter plan, ej förfallen", ActionStatus.DELAYED, 10),
        "behind_past_due": make("Efter plan, förfallen", ActionStatus.DELAYED, -1),
        "done_past_due": make("Klar", ActionStatus.DONE, -5, progress=100),
        "cancelled_past_due": make("Inställd", ActionStatus.CANCELLED, -5, cancel_reason="Ingen budget"),
        "planned_past_due": make("Planerad, förfallen", ActionStatus.PLANNED, -20),
        "no_due_date": make("Utan slutdatum", ActionStatus.ONGOING, None),
        "due_today": make("Förfaller i dag", ActionStatus.ONGOING, 0),
    }
    return {"cycle": cycle, "actions": actions}


OVERDUE = {"ongoing_past_due", "behind_past_due", "planned_past_due"}


def _overdue_ids(late) -> set[int]:
    return {late["actions"][key].pk for key in OVERDUE}


def test_overdue_is_past_due_and_not_finished_for_the_queryset_and_each_row(late):
    assert set(Action.objects.overdue().values_list("pk", flat=True)) == _overdue_ids(late)
    assert {a.pk for a in late["actions"].values() if a.is_overdue()} == _overdue_ids(late)


def test_dashboard_card_and_tables_count_the_same_three_overdue_actions(late, client_for):
    figures = dashboard.action_figures(dashboard.Filters(cycle=late["cycle"]))
    assert figures["overdue"] == 3
    assert [row.overdue for row in figures["by_goal"] if row.total] == [3]
    assert [row.overdue for row in figures["by_department"]] == [3]
    page = client_for("coordinator").get(reverse("followup:dashboard")).content.decode()
    card = re.search(r'<a class="ds-link" href="[^"]*overdue=on">(\d+)</a>', page)
    assert card is not None and card.group(1) == "3"


def test_register_filter_and_tags_show_the_same_overdue_actions(late, client_for):
    client = client_for("coordinator")
    url = reverse("followup:register")
    filtered = client.get(url, {"cycle": late["cycle"].year, "overdue": "on"})
    assert {a.pk for a in filtered.context["actions"]} == _overdue_ids(late)
    page = client.get(url, {"cycle": late["cycle"].year}).content.decode()
    tagged = {
        int(pk)
        for pk, row in re.findall(r'<tr id="action-(\d+)"(.*?)</tr>', page, re.S)
        if 'data-color="warning" data-overdue="true"' in row
    }
    assert tagged == _overdue_ids(late)


def test_department_view_and_start_page_list_the_same_overdue_actions(late, client_for):
    department = client_for("admin_contact").get(reverse("followup:department"))
    assert {a.pk for a in department.context["overdue_actions"]} == _overdue_ids(late)
    home = client_for("coordinator").get(reverse("home"))
    boxes = {box.key: box for box in home.context["attention"]}
    assert {a.pk for a in boxes["overdue"].items} == _overdue_ids(late)


def test_report_data_counts_and_lists_the_same_overdue_actions(late):
    today = TODAY()
    data = collect("quarterly", today - dt.timedelta(days=60), today, "en")
    assert data["actions"]["overdue"] == 3
    assert data["overdue_actions_total"] == 3
    assert {a["title"] for a in data["overdue_actions"]} == {late["actions"][k].title for k in OVERDUE}
    assert f"?cycle={late['cycle'].year}&overdue=on" in data["overdue_url"]


def test_an_earlier_cycles_overdue_action_is_not_counted_in_this_cycles_report(late):
    earlier = CycleFactory(year=TODAY().year - 1)
    ActionFactory(cycle=earlier, due_on=TODAY() - dt.timedelta(days=400))
    data = collect("quarterly", TODAY() - dt.timedelta(days=60), TODAY(), "en")
    assert data["actions"]["overdue"] == data["overdue_actions_total"] == 3


def test_behind_schedule_is_a_status_and_overdue_a_tag_with_words_of_their_own(late, client_for):
    with translation.override("en"):
        assert ActionStatus.DELAYED.label == "Behind schedule"
        page = client_for("coordinator").get(late["actions"]["behind_not_due"].get_absolute_url())
        html = page.content.decode()
        assert "Behind schedule" in html
        assert 'data-overdue="true"' not in html
        html = client_for("coordinator").get(late["actions"]["ongoing_past_due"].get_absolute_url())
        assert re.search(r'data-overdue="true">Overdue</span>', html.content.decode())
