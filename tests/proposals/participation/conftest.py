"""A proposal of the Sweden Finns' dialogue group by its representative, and helpers for the log."""

import datetime as dt

import pytest

from proposals.models import ConsultationForm, ConsultationRecord, Proposal


def make_proposal(world, **overrides) -> Proposal:
    fields = {
        "forum": world["forums"]["finnish_dialogue"],
        "proposer": world["people"]["representative"],
        "title": "Finskspråkig förskola i Handen",
        "description": "Fler platser på finska.",
    }
    return Proposal.objects.create(**{**fields, **overrides})


def make_record(
    *, proposal=None, agenda_item=None, on=dt.date(2026, 3, 4), **overrides
) -> ConsultationRecord:
    fields = {
        "proposal": proposal,
        "agenda_item": agenda_item,
        "consulted": "Sverigefinska föreningen i Haninge",
        "consulted_on": on,
        "form": ConsultationForm.MEETING,
        "children_and_youth": False,
        "what_they_said": "Önskar fler platser.",
        "how_it_changed": "Två platser till.",
    }
    return ConsultationRecord.objects.create(**{**fields, **overrides})


@pytest.fixture
def proposal(world) -> Proposal:
    return make_proposal(world)
