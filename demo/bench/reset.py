"""Deleting what an earlier bench_data run made, so that the next run builds it again from scratch.

Bench rows are found by their marks: people at BENCH_DOMAIN (and what they proposed or answer for),
meetings whose iCalendar UID starts with "bench-", working groups whose slug does, indicators whose values
bench people recorded, cycles before the demo's two that no longer have actions, and report files named
"bench-". History is switched off while deleting (no "deleted" rows), and the history rows of the deleted
objects go first, so that a second run leaves the same rows as the first. The big tables are emptied with
plain DELETEs; the rest goes through Django's collector, which also finds relations added later.
"""

import datetime as dt

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.test import override_settings

from annual.models import YearlyFollowUp
from core.models import AgendaItem, Attendance, Forum, Meeting, Membership, User
from dialogues.models import Commitment
from duties.models import DutyAssessment
from followup.models import Action, Cycle, Indicator, IndicatorValue, Phase, ProgressUpdate
from proposals.models import Comment, ConsultationRecord, Proposal, Support
from reports.models import Report
from surveys.models import Questionnaire
from workinggroups.models import Mandate

from . import BENCH_DOMAIN, BENCH_PREFIX


def _raw(queryset) -> None:
    queryset._raw_delete(queryset.db)


def _forget(model, field: str, subquery) -> None:
    """Delete the history rows of the objects the subquery selects."""
    _raw(model.history.model.objects.filter(**{f"{field}__in": subquery}))


def bench_reports():
    return Report.objects.filter(file__contains=f"/{BENCH_PREFIX}")


def delete_bench_rows(today: dt.date) -> dict[str, int]:
    """Delete the bench rows; return how many of the main kinds there were."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        return _delete(today)


def _delete(today: dt.date) -> dict[str, int]:
    users = User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").values("pk")
    meetings = Meeting.objects.filter(ical_uid__startswith=BENCH_PREFIX).values("pk")
    forums = Forum.objects.filter(slug__startswith=BENCH_PREFIX).values("pk")
    proposals = Proposal.objects.filter(proposer__in=users).values("pk")
    actions = Action.objects.filter(responsible__in=users).values("pk")
    # Issues lifted at bench meetings, and at the demo's meetings with a bench person responsible.
    commitments = Commitment.objects.filter(Q(agenda_item__meeting__in=meetings) | Q(responsible__in=users))
    commitments = commitments.values("pk")
    items = AgendaItem.objects.filter(Q(meeting__in=meetings) | Q(proposal__in=proposals)).values("pk")
    indicators = list(
        Indicator.objects.filter(values__recorded_by__in=users).distinct().values_list("pk", flat=True)
    )
    counts = {"people": users.count(), "meetings": meetings.count(), "proposals": proposals.count()}
    if not counts["people"] and not counts["meetings"]:
        return counts
    report_files = list(bench_reports().values_list("file", flat=True))
    # Proposals placed on the demo's own meetings brought their agenda items there.
    item_ids = list(items.values_list("pk", flat=True))
    forums = list(forums.values_list("pk", flat=True))

    # History first, while the subqueries still find the objects.
    _forget(Action, "id", actions)
    _forget(Commitment, "id", commitments)
    _forget(Proposal, "id", proposals)
    _forget(Comment, "proposal_id", proposals)
    _forget(ConsultationRecord, "proposal_id", proposals)
    _forget(ConsultationRecord, "agenda_item_id", items)
    _forget(AgendaItem, "id", items)
    _forget(Meeting, "id", meetings)
    # The demo build writes attendance of current members, bench people too, when it runs again.
    _forget(Attendance, "user_id", users)
    _forget(Attendance, "meeting_id", meetings)
    _forget(Membership, "user_id", users)
    _forget(Mandate, "forum_id", forums)
    _forget(Forum, "id", forums)
    _forget(Indicator, "id", indicators)

    # The big tables, with plain DELETEs.
    _raw(ProgressUpdate.objects.filter(action__in=actions))
    for field in ("goals", "minorities", "collaborating_departments"):
        _raw(getattr(Action, field).through.objects.filter(action__in=actions))
    _raw(Proposal.followers.through.objects.filter(proposal__in=proposals))
    _raw(Support.objects.filter(proposal__in=proposals))
    _raw(Comment.objects.filter(proposal__in=proposals))
    _raw(Attendance.objects.filter(Q(meeting__in=meetings) | Q(user__in=users)))
    _raw(Membership.objects.filter(Q(forum__in=forums) | Q(user__in=users)))
    _raw(IndicatorValue.objects.filter(indicator__in=indicators))

    # The register's assessments the bench recorded (its links go with them).
    _forget(DutyAssessment, "recorded_by_id", users)
    DutyAssessment.objects.filter(recorded_by__in=users).delete()
    # The yearly follow-ups of the years before the demo's own two are the bench's.
    YearlyFollowUp.objects.filter(year__lt=today.year - 1).delete()
    # So are the evaluations of those years (the demo sends this year's only).
    Questionnaire.objects.filter(deadline__year__lt=today.year).delete()

    # The rest through the collector, in the order their protections require.
    counts["actions"] = Action.objects.filter(pk__in=actions).delete()[0]
    Commitment.objects.filter(pk__in=commitments).delete()
    # A merged duplicate protects the proposal it was merged into: duplicates go first.
    Proposal.objects.filter(pk__in=proposals, merged_into__isnull=False).delete()
    Proposal.objects.filter(pk__in=proposals).delete()
    AgendaItem.objects.filter(pk__in=item_ids).delete()
    Meeting.objects.filter(ical_uid__startswith=BENCH_PREFIX).delete()
    Forum.objects.filter(slug__startswith=BENCH_PREFIX).delete()
    Indicator.objects.filter(pk__in=indicators).delete()
    User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()
    bench_reports().delete()
    empty = Cycle.objects.filter(year__lt=today.year - 1, actions__isnull=True).values("pk")
    _forget(Phase, "cycle_id", empty)
    _forget(Cycle, "id", empty)
    Cycle.objects.filter(year__lt=today.year - 1, actions__isnull=True).delete()

    def remove_files():
        for name in report_files:
            if name and default_storage.exists(name):
                default_storage.delete(name)

    transaction.on_commit(remove_files)
    return counts
