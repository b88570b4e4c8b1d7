import datetime as dt

import factory
from django.utils import timezone

from dialogues.models import Commitment, CommitmentStatus
from tests.factories import AgendaItemFactory, DepartmentFactory


class CommitmentFactory(factory.django.DjangoModelFactory):
    """A commitment; the forum follows from the agenda item's meeting when the row is saved."""

    class Meta:
        model = Commitment

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Åtagande {n}")
    department = factory.SubFactory(DepartmentFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))

    class Params:
        answered = factory.Trait(
            status=CommitmentStatus.ANSWERED,
            answer="Förvaltningen har gjort detta.",
            answered_at=factory.LazyFunction(timezone.now),
        )
