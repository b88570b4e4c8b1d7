"""The demo mandates: both demo working groups get one, set up by the consultation group; twice changes nothing."""

import datetime as dt

import pytest
from django.utils import translation

from core.models import Forum, Membership
from demo.haninge import build
from demo.workinggroups import SCHOOL_GROUP, build_workinggroups_demo
from workinggroups.models import Mandate

TODAY = dt.date(2026, 11, 23)


def snapshot() -> dict:
    return {
        "mandates": Mandate.objects.count(),
        "mandate_history": Mandate.history.count(),
        "forum_history": Forum.history.count(),
        "membership_history": Membership.history.count(),
    }


@pytest.mark.django_db
def test_demo_gives_both_working_groups_a_mandate_and_closes_one_and_twice_changes_nothing():
    build(TODAY)
    build_workinggroups_demo(TODAY)
    first = snapshot()
    with translation.override("en"):
        build(TODAY)
        build_workinggroups_demo(TODAY)
    assert snapshot() == first

    mandates = {m.forum.slug: m for m in Mandate.objects.select_related("forum", "set_up_by")}
    assert set(mandates) == {"arbetsgrupp-finskspraklig-aldreomsorg", SCHOOL_GROUP}
    for mandate in mandates.values():
        assert mandate.set_up_by.slug == "politiska-samradsgruppen"
        assert mandate.decision_reference.startswith("Samrådsgruppens möte")
        mandate.full_clean()
    closed = [m for m in mandates.values() if m.is_closed()]
    assert [m.forum.slug for m in closed] == [SCHOOL_GROUP]
    assert closed[0].closing_report
    assert closed[0].closed_on <= TODAY
    assert not closed[0].forum.is_active
    assert mandates["arbetsgrupp-finskspraklig-aldreomsorg"].forum.is_active
