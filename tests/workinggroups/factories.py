"""Working groups for the tests: a core Forum of tier working_group, its members, and its mandate."""

import datetime as dt

import factory
from django.utils import timezone

from core.models import Forum, ForumRole, Tier
from tests.factories import ForumFactory, MembershipFactory
from workinggroups.models import Mandate


class WorkingGroupFactory(ForumFactory):
    tier = Tier.WORKING_GROUP
    minority = None
    slug = factory.Sequence(lambda n: f"arbetsgrupp-{n}")
    name = factory.Sequence(lambda n: f"Arbetsgrupp {n}")


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    forum = factory.SubFactory(WorkingGroupFactory)
    purpose = factory.Sequence(lambda n: f"Syfte för arbetsgrupp {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=120))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=120))


def working_group_of(world: dict, *, with_mandate: bool = True, **fields) -> Forum:
    """A working group in which the Finnish representative and the administration contact sit."""
    forum = WorkingGroupFactory(**fields)
    people = world["people"]
    MembershipFactory(user=people["representative"], forum=forum, role=ForumRole.REPRESENTATIVE)
    MembershipFactory(user=people["admin_contact"], forum=forum, role=ForumRole.CONVENOR)
    if with_mandate:
        MandateFactory(
            forum=forum,
            purpose="Ta fram underlag för en finskspråkig avdelning på särskilt boende.",
            set_up_by=world["forums"]["consultation"],
            decision_reference="Samrådsgruppens möte 2026-02-12, punkt 4",
        )
    return forum
