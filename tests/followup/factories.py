import datetime as dt

import factory
from django.utils import timezone

from followup.models import (
    Goal,
    GoalKind,
    GrantCategory,
    GrantUse,
    Indicator,
    IndicatorValue,
    ProgressUpdate,
    StateGrant,
)
from tests.factories import ActionFactory  # noqa: F401  (re-exported for the follow-up tests)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Mål {n}")
    title_sv = factory.SelfAttribute("title")
    kind = GoalKind.PROGRAMME


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indikator {n}")
    name_sv = factory.SelfAttribute("name")
    unit = "elever"
    unit_sv = "elever"
    baseline = 10
    baseline_on = factory.LazyFunction(lambda: dt.date(timezone.localdate().year - 1, 1, 1))
    target = 30


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: timezone.localdate() - dt.timedelta(days=30 * (n + 1)))
    value = 15


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    written_on = factory.LazyFunction(timezone.localdate)
    text = "Arbetet går framåt."
    status = "ongoing"
    progress = 50


class GrantCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantCategory

    name = factory.Sequence(lambda n: f"Kategori {n}")
    name_sv = factory.SelfAttribute("name")
    position = factory.Sequence(lambda n: n)


class StateGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateGrant
        django_get_or_create = ("year",)

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    amount = 1_000_000


class GrantUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantUse

    grant = factory.SubFactory(StateGrantFactory)
    category = factory.SubFactory(GrantCategoryFactory)
    amount = 250_000
    description = "Tolkning vid samrådsmöten"
