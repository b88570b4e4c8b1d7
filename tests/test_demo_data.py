"""The demo data builds Haninge from the seeds, and building it twice changes nothing."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone, translation

from core.models import AgendaItem, Department, Forum, Meeting, Membership, NationalMinority, Role, Tier, User
from dialogues.models import Commitment, CommitmentStatus
from duties import figures as duty_figures
from duties.models import Duty, DutyAssessment, DutyScope
from followup.models import Action, Cycle, Goal, Indicator, IndicatorValue, PhaseKind, ProgressUpdate, Theme
from proposals.models import Comment, ConsultationRecord


def snapshot() -> dict:
    models = [User, NationalMinority, Department, Forum, Membership, Meeting, Cycle, Goal, Action]
    models += [Theme, ProgressUpdate, Indicator, IndicatorValue, Commitment, Comment, ConsultationRecord]
    models += [Duty, DutyAssessment]
    counts = {m.__name__: m.objects.count() for m in models}
    counts["history"] = sum(
        m.history.count()
        for m in [Forum, Meeting, Membership, Cycle, Goal, Action, Indicator, Duty, DutyAssessment]
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

    # The register of duties (hand-counted from demo/data/duties/duties.toml): the duties of DOMAIN.md, last
    # year assessed in full, this year in part.
    year = timezone.localdate().year
    assert Duty.objects.filter(scope=DutyScope.BASIC).count() == 5
    assert sorted(Duty.objects.filter(scope=DutyScope.BASIC).values_list("provision", flat=True)) == [
        "3 §",
        "4 §",
        "5 a §",
        "5 b §",
        "5 §",
    ]
    assert Duty.objects.filter(scope=DutyScope.FINNISH_AREA).count() == 5
    preschool = Duty.objects.get(code="preschool")
    assert preschool.source_sv == "Skollagen (2010:800)" and preschool.title_fi == "Suomenkielinen esikoulu"
    assert preschool.on_request and preschool.counts_served
    assert not Duty.objects.filter(checked_on__isnull=False).exists()
    last = duty_figures.register(year - 1)
    assert last.counts == {"met": 5, "partly": 5, "not_met": 0, "not_assessed": 0}
    requests = last.requests()
    # Contact in Finnish 46/46, preschool 14/12 (12 served), elderly care 9/7 (7 served).
    assert (requests.duties, requests.received, requests.offered, requests.served) == (3, 69, 65, 19)
    assert duty_figures.register(year).counts == {"met": 2, "partly": 1, "not_met": 0, "not_assessed": 7}
    saf_register = duty_figures.register(year, department=Department.objects.get(code="SÄF"))
    # SÄF answers for contact in Finnish, Finnish-speaking staff and elderly care; only elderly care is assessed.
    assert [row.duty.code for row in saf_register.rows] == [
        "finnish-contact",
        "finnish-staff",
        "elderly-care",
    ]
    assert [row.duty.code for row in saf_register.due] == ["finnish-contact", "finnish-staff"]

    # The yearly follow-up (demo/data/annual/questions.toml): seven questions; last year's approved, with the
    # register's figures frozen in it in every language; this year's a draft with two answers.
    from annual.models import FollowUpStatus, YearlyFollowUp

    approved = YearlyFollowUp.objects.get(year=year - 1)
    assert approved.status == FollowUpStatus.APPROVED and set(approved.snapshot) == {"sv", "fi", "en"}
    sections = {s["code"]: s for s in approved.snapshot["fi"]["sections"]}
    assert len(sections) == 7 and sections["grant"]["question"].startswith(
        "Miten suomen kielen hallintoalueen"
    )
    frozen = {c["status"]: c["count"] for c in sections["duties"]["figures"]["counts"]}
    assert frozen == last.counts
    assert sections["duties"]["answer"].startswith("Skyldigheterna har i huvudsak uppfyllts.")
    draft = YearlyFollowUp.objects.get(year=year)
    assert draft.status == FollowUpStatus.DRAFT and not draft.snapshot
    assert sorted(draft.answers.values_list("question__code", flat=True)) == ["consultation", "duties"]
    # The wheel has opened this year's phases that have begun, each once.
    from annual.models import PhaseOpening

    begun = cycle.phases.filter(starts_on__lte=timezone.localdate())
    assert PhaseOpening.objects.filter(phase__in=begun).count() == begun.count() >= 1
    from surveys.models import Questionnaire

    # The survey after a meeting, answered anonymously by five representatives: its free texts are shown.
    from surveys.results import results

    survey = Questionnaire.objects.get(title="Enkät efter dialogmötet")
    found = results(survey)
    assert found.responses == 5 and found.enough
    assert found.questions[0].average == 3.6 and found.questions[1].counts == [
        ("Dag", 2, 40),
        ("Kväll", 3, 60),
    ]
    # In December the reformulation phase has sent the evaluation of the year, and five have answered it.

    if cycle.phases.get(kind=PhaseKind.REFORMULATION).starts_on <= timezone.localdate():
        evaluation = Questionnaire.objects.get(title=f"Utvärdering av året {year}")
        assert evaluation.responses.count() == 5 and evaluation.anonymous
        assert not evaluation.responses.filter(respondent__isnull=False).exists()

    # The printed logins work, one per role.
    output = capsys.readouterr().out
    for role in Role:
        user = User.objects.filter(role=role).order_by("pk").first()
        assert user.email in output
        assert authenticate(email=user.email, password="haninge-demo-2026") == user


@pytest.mark.django_db
def test_the_demo_shows_the_consultation_log_comments_and_every_lifted_issue():
    call_command("demo_data")

    # The consultation log: on proposals and on agenda items, saying who, how, what and what it changed.
    records = list(ConsultationRecord.objects.all())
    assert len(records) >= 4
    assert any(r.proposal_id for r in records) and any(r.agenda_item_id for r in records)
    assert any(r.children_and_youth for r in records)
    for record in records:
        assert record.consulted and record.form and record.what_they_said and record.recorded_by
    assert sum(1 for r in records if r.how_it_changed) >= 4

    # Members discuss several proposals.
    assert Comment.objects.values("proposal").distinct().count() >= 4

    # Every issue the minutes lift to a department has its commitment to that department.
    lifted = AgendaItem.objects.filter(decision__contains="lyfts till").select_related("meeting__forum")
    assert lifted.count() >= 10
    for item in lifted:
        commitment = item.commitments.select_related("department").get()
        assert commitment.department.name_sv.lower() in item.decision.lower()
        assert item.meeting.forum.tier == Tier.DIALOGUE
    # Where the forum has met again since, the answer was heard there (the feedback).
    received = Commitment.objects.filter(status=CommitmentStatus.RECEIVED, agenda_item__in=lifted)
    assert received.count() >= 5
    for commitment in received:
        assert (
            commitment.answer
            and commitment.received_at_meeting.starts_at > commitment.agenda_item.meeting.starts_at
        )
    # The consultation group and the working groups do not lift issues to a department in their minutes.
    assert (
        not AgendaItem.objects.filter(decision__contains="lyfts till")
        .exclude(meeting__forum__tier=Tier.DIALOGUE)
        .exists()
    )
