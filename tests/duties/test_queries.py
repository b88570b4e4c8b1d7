"""The register's pages cost the same number of queries with few duties and assessments as with many."""

import pytest
from django.urls import reverse
from django.utils import timezone

from duties.models import AssessmentStatus
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import ActionFactory, CycleFactory, DepartmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def fill(world, size: int):
    """`size` duties over two departments, each assessed for the past `size // 6 + 1` years with evidence links."""
    cycle = CycleFactory(year=YEAR)
    other = DepartmentFactory(code="KOF", name="Kultur- och fritidsförvaltningen")
    actions = [ActionFactory(department=world["department"], cycle=cycle) for _ in range(3)]
    meetings = [MeetingFactory(forum=world["forums"]["consultation"]) for _ in range(2)]
    statuses = list(AssessmentStatus)
    duties = []
    for n in range(size):
        duty = DutyFactory(
            departments=[world["department"]] if n % 2 else [world["department"], other],
            on_request=n % 3 == 0,
            contact=world["people"]["admin_contact"],
        )
        duties.append(duty)
        for back in range(size // 6 + 1):
            assessment = DutyAssessmentFactory(
                duty=duty, year=YEAR - back, status=statuses[n % len(statuses)], requests_received=n
            )
            assessment.actions.set(actions)
            assessment.meetings.set(meetings)
    return duties[0]


PAGES = {
    "summary": (lambda d: reverse("duties:summary"), "anonymous"),
    "register": (lambda d: reverse("duties:register"), "politician"),
    "register-filtered": (
        lambda d: (
            reverse("duties:register") + f"?year={YEAR}&status=met&department={d.departments.first().pk}"
        ),
        "coordinator",
    ),
    "detail": (lambda d: d.get_absolute_url(), "representative"),
    "assess": (lambda d: reverse("duties:assess", args=[d.pk, YEAR]), "admin_contact"),
    "dashboard": (lambda d: reverse("followup:dashboard"), "politician"),
    "department": (lambda d: reverse("followup:department"), "admin_contact"),
}

# The register is two queries: the duties with the year's assessment joined, and their departments.
EXPECTED = {
    "summary": 3,
    "register": 5,
    "register-filtered": 6,
    "detail": 8,
    "assess": 9,
    "dashboard": 11,  # 11 of the follow-up (tests/followup/test_queries.py), 1 more with duties
    "department": 9,
}


@pytest.mark.parametrize("size", [3, 18])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_register_pages_cost_the_same_queries_at_two_sizes(
    page, size, world, client_for, django_assert_num_queries
):
    url_of, role = PAGES[page]
    url = url_of(fill(world, size))
    client = client_for(role)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(EXPECTED[page]):
        assert client.get(url).status_code == 200
