"""bench_data builds ten years of history on the demo data; building it again gives the same rows."""

import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from annual.models import FollowUpAnswer, FollowUpStatus, YearlyFollowUp
from core.models import AgendaItem, Forum, Meeting, MeetingStatus, Membership, Role, User
from demo.bench import BENCH_DOMAIN
from dialogues.models import Commitment, CommitmentStatus
from duties.models import Duty, DutyAssessment
from followup.models import Action, Cycle, Indicator, IndicatorValue, ProgressUpdate
from proposals.models import Proposal, ProposalStatus
from reports.models import Report, ReportStatus

MODELS = [User, Forum, Membership, Meeting, AgendaItem, Commitment, Proposal, Action, ProgressUpdate]
MODELS += [Cycle, Indicator, IndicatorValue, Report, DutyAssessment, YearlyFollowUp, FollowUpAnswer]


def bench(*options: str) -> str:
    out = io.StringIO()
    call_command(
        "bench_data", "--scale", "0.03", "--report-quarters", "1", "--workers", "1", *options, stdout=out
    )
    return out.getvalue()


def fingerprint() -> dict:
    """Counts, and what people read: titles, names, statuses and dates (primary keys change between runs)."""
    return {
        "counts": {m.__name__: m.objects.count() for m in MODELS},
        "people": sorted(User.objects.filter(email__endswith=BENCH_DOMAIN).values_list("full_name", "role")),
        "proposals": sorted(Proposal.objects.values_list("title", "status", "created_at", "answered")),
        "actions": sorted(Action.objects.values_list("title", "cycle__year", "status", "progress", "due_on")),
        "meetings": sorted(
            Meeting.objects.values_list("forum__slug", "starts_at", "status", "minutes_status")
        ),
        "commitments": sorted(Commitment.objects.values_list("title", "status", "due_on")),
        "indicators": sorted(Indicator.objects.values_list("name", "latest_value")),
        "duties": sorted(
            DutyAssessment.objects.values_list(
                "duty__code", "year", "status", "requests_received", "evidence"
            )
        ),
    }


@pytest.mark.django_db
def test_bench_data_builds_ten_years_of_history_and_again_the_same():
    output = bench()
    assert "proposals" in output
    first = fingerprint()

    # Ten cycles, one a year, ending with this one.
    year = timezone.localdate().year
    assert list(Cycle.objects.order_by("year").values_list("year", flat=True)) == list(
        range(year - 9, year + 1)
    )
    # Proposals in every state of the workflow, and proposers who said whether they were answered.
    assert set(Proposal.objects.values_list("status", flat=True)) == set(ProposalStatus.values)
    assert (
        Proposal.objects.filter(answered=True).exists() and Proposal.objects.filter(answered=False).exists()
    )
    # Meetings held ten years ago, and issues the departments answered.
    assert Meeting.objects.filter(status=MeetingStatus.HELD, starts_at__year=year - 9).exists()
    # Every duty of the register is assessed in each of the eight years before the demo's own two.
    for duty in Duty.objects.all():
        earlier = duty.assessments.filter(year__lt=year - 1).values_list("year", flat=True)
        assert sorted(earlier) == list(range(year - 9, year - 1))
    # A yearly follow-up for each of the ten years: the eight earlier ones approved from the bench's data.
    follow_ups = dict(YearlyFollowUp.objects.values_list("year", "status"))
    assert sorted(follow_ups) == list(range(year - 9, year + 1))
    assert {follow_ups[y] for y in range(year - 9, year)} == {FollowUpStatus.APPROVED}
    earliest = YearlyFollowUp.objects.get(year=year - 9).snapshot["sv"]
    held = Meeting.objects.filter(status=MeetingStatus.HELD, starts_at__year=year - 9).count()
    consultation = next(s for s in earliest["sections"] if s["code"] == "consultation")
    assert consultation["figures"]["meetings_total"] == held
    # The evaluation of each of the eight earlier years, answered anonymously.
    from surveys.models import Questionnaire, Response

    evaluations = Questionnaire.objects.filter(deadline__year__lt=year - 1)
    assert sorted(evaluations.values_list("deadline__year", flat=True)) == list(range(year - 9, year - 1))
    assert Response.objects.filter(questionnaire__in=evaluations).count() >= 8 * 5
    assert not Response.objects.filter(respondent__isnull=False).exists()
    assert Commitment.objects.exclude(status=CommitmentStatus.OPEN).exists()
    # An action's denormalised fields agree with its latest progress update.
    for action in Action.objects.exclude(last_update_on=None).prefetch_related("updates")[:50]:
        latest = max(action.updates.all(), key=lambda u: (u.written_on, u.pk))
        assert (action.status, action.progress, action.last_update_on) == (
            latest.status,
            latest.progress,
            latest.written_on,
        )
    # Every report that says it is ready can be downloaded.
    done = Report.objects.filter(status=ReportStatus.DONE)
    assert done.exists()
    coordinator = User.objects.filter(role=Role.COORDINATOR).order_by("pk").first()
    TOTP.activate(coordinator, generate_totp_secret())  # coordinators sign in with an authenticator app
    client = Client()
    client.force_login(coordinator)
    for report in done:
        assert report.file and default_storage.exists(report.file.name)
        response = client.get(reverse("reports:download", kwargs={"pk": report.pk}))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    # Again: the earlier run's rows are deleted and the same ones built.
    bench()
    assert fingerprint() == first
