import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from core.models import Tier
from tests.factories import ForumFactory
from tests.workinggroups.factories import MandateFactory, WorkingGroupFactory
from workinggroups.models import Mandate

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("ends_on", "closed_on", "overdue"),
    [
        (None, None, False),  # until further notice
        (dt.date(2026, 12, 31), None, False),  # still running
        (dt.date(2026, 11, 23), None, False),  # the last day is still within the mandate
        (dt.date(2026, 11, 22), None, True),  # ended yesterday, no report
        (dt.date(2026, 11, 22), dt.date(2026, 11, 22), False),  # closed
    ],
)
def test_a_group_is_overdue_for_closing_when_its_end_date_has_passed_without_a_report(
    db, ends_on, closed_on, overdue
):
    mandate = MandateFactory(starts_on=dt.date(2026, 1, 1), ends_on=ends_on, closed_on=closed_on)
    assert mandate.is_overdue_for_closing(on=TODAY) is overdue
    assert mandate.is_closed() is (closed_on is not None)
    assert (mandate in Mandate.objects.overdue_for_closing(on=TODAY)) is overdue


def test_only_a_working_group_has_a_mandate(db):
    mandate = Mandate(forum=ForumFactory(tier=Tier.DIALOGUE), purpose="Syfte", starts_on=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert "__all__" in error.value.message_dict


def test_a_mandate_cannot_end_before_it_starts(db):
    mandate = MandateFactory.build(
        forum=WorkingGroupFactory(), starts_on=dt.date(2026, 3, 1), ends_on=dt.date(2026, 2, 1)
    )
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert list(error.value.message_dict) == ["ends_on"]
