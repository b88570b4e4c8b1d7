"""The order of the bench build: each part reads what the parts before it made."""

import datetime as dt
import time

from django.conf import settings
from django.db import transaction
from django.utils import translation

from core.models import Forum

from . import history
from .annual import build_evaluations, build_follow_ups
from .context import Context
from .duties import build_duty_assessments
from .meetings import MeetingBuilder
from .people import build_people, plan_seats, save_seats
from .proposals import ProposalBuilder
from .reports import build_reports
from .reset import delete_bench_rows
from .wheel import ActionBuilder, build_indicators, ensure_cycles


def build(
    *, seed: int, scale: float, today: dt.date, report_quarters: int, workers: int | None = None, log=print
) -> dict[str, int]:
    """Delete an earlier run's rows, build the history again, then the reports; return the counts."""
    began = time.perf_counter()

    def step(name: str) -> None:
        log(f"  {time.perf_counter() - began:6.1f} s  {name}")

    with translation.override(settings.LANGUAGE_CODE):
        with transaction.atomic():
            if not Forum.objects.filter(slug="politiska-samradsgruppen").exists():
                from demo.haninge import build as build_demo

                step("demo data (missing)")
                build_demo(today)
            step("deleting an earlier run's rows")
            deleted = delete_bench_rows(today)
            ctx = _build(seed=seed, scale=scale, today=today, step=step)
        step("reports")
        build_reports(ctx, report_quarters, workers)
        step("done")
    ctx.counts["deleted people"] = deleted["people"]
    return ctx.counts


def _build(*, seed: int, scale: float, today: dt.date, step) -> Context:
    ctx = Context(seed=seed, scale=scale, today=today)
    step("cycles")
    cycles = ensure_cycles(ctx)
    step("people")
    build_people(ctx)
    meetings = MeetingBuilder(ctx)
    step("meetings and working groups")
    meetings.plan_demo_forum_meetings()
    meetings.build_working_groups()
    step("memberships")
    plan_seats(ctx)
    save_seats(ctx)
    step("meetings")
    meetings.plan_working_group_meetings()
    meetings.plan_items()
    step("proposals")
    proposals = ProposalBuilder(ctx)
    proposals.plan()
    meetings.save_items()
    saved_proposals = proposals.save()
    step("attendance and commitments")
    meetings.save_attendance()
    commitments = meetings.save_commitments()
    step("actions and progress updates")
    actions = ActionBuilder(ctx, cycles, saved_proposals, commitments)
    actions.build()
    actions.save()
    step("indicators")
    build_indicators(ctx)
    step("register of duties")
    build_duty_assessments(ctx)
    step("yearly follow-ups")
    build_follow_ups(ctx)
    step("evaluations of the year")
    build_evaluations(ctx)
    step("history")
    ctx.counts["history rows"] = (
        history.proposal_history(ctx, saved_proposals)
        + history.commitment_history(commitments)
        + history.meeting_history(ctx)
        + history.action_history(actions.history())
    )
    return ctx
