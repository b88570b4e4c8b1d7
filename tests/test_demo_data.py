"""The demo data builds Haninge from the seeds, and building it twice changes nothing."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import translation

from core.models import Department, Forum, Meeting, Membership, NationalMinority, Role, Tier, User
from followup.models import Action, Cycle, Goal, Indicator, IndicatorValue, PhaseKind, ProgressUpdate, Theme


def snapshot() -> dict:
    models = [User, NationalMinority, Department, Forum, Membership, Meeting, Cycle, Goal, Action]
    models += [Theme, ProgressUpdate, Indicator, IndicatorValue]
    counts = {m.__name__: m.objects.count() for m in models}
    counts["history"] = sum(
        m.history.count() for m in [Forum, Meeting, Membership, Cycle, Goal, Action, Indicator]
    )
    return counts


@pytest.mark.django_db
def test_demo_data_builds_haninge_and_twice_changes_nothing(capsys):
    call_command("demo_data")
    first = snapshot()
    # Again, from a session in another language: translated fields must still compare equal.
    with translation.override("en"):
        call_command("demo_data")
    assert snapshot() == first

    assert set(NationalMinority.objects.values_list("name_sv", flat=True)) == {
        "Judar",
        "Romer",
        "Samer",
        "Sverigefinnar",
        "Tornedalingar",
    }
    assert {"SÄF", "UBF", "KOF", "KSF"} <= set(Department.objects.values_list("code", flat=True))
    assert Forum.objects.filter(tier=Tier.CONSULTATION).count() == 1
    assert Forum.objects.filter(tier=Tier.DIALOGUE).count() == 5
    assert Forum.objects.filter(tier=Tier.WORKING_GROUP).exists()
    cycle = Cycle.objects.current()
    assert {p.kind for p in cycle.phases.all()} == set(PhaseKind)
    assert Action.objects.filter(title_sv__icontains="Tvåspråkig").exists()
    assert Action.objects.filter(title_fi__icontains="suomenkielisiä").exists()

    # The printed logins work, one per role.
    output = capsys.readouterr().out
    for role in Role:
        user = User.objects.filter(role=role).order_by("pk").first()
        assert user.email in output
        assert authenticate(email=user.email, password="haninge-demo-2026") == user
