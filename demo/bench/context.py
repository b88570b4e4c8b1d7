"""What every part of the bench build shares: the seeded randomness, the dates, the demo rows it builds on,
and the plans of the rows it makes (people, seats, meetings) that later parts refer to."""

import bisect
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from core.models import Department, Forum, Meeting, MeetingStatus, NationalMinority, Tier, User
from followup.models import Goal

STOCKHOLM = ZoneInfo("Europe/Stockholm")
BATCH = 2000
DEMO_COORDINATOR = "samordnare@example.org"


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


@dataclass
class Seat:
    """A membership as planned: who, where, in which role, from when until when (None: until further notice)."""

    user: User
    forum: Forum
    role: str
    starts_on: dt.date
    ends_on: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass
class MeetingPlan:
    meeting: Meeting
    # True for the demo's own meetings (this year's), which the bench only adds to.
    existing: bool = False
    items: list = field(default_factory=list)
    topic_items: list = field(default_factory=list)
    proposal_items: list = field(default_factory=list)

    @property
    def day(self) -> dt.date:
        return self.meeting.starts_at.astimezone(STOCKHOLM).date()

    @property
    def held(self) -> bool:
        return self.meeting.status == MeetingStatus.HELD

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == MeetingStatus.CANCELLED


class Context:
    def __init__(self, *, seed: int, scale: float, today: dt.date):
        self.seed = seed
        self.scale = scale
        self.today = today
        self.year = today.year
        self.years = list(range(self.year - 9, self.year + 1))
        self.first_day = dt.date(self.years[0], 1, 1)

        self.minorities = {m.slug: m for m in NationalMinority.objects.order_by("order", "slug")}
        self.departments = {d.code: d for d in Department.objects.order_by("code")}
        forums = {f.slug: f for f in Forum.objects.order_by("pk")}
        self.consultation = forums["politiska-samradsgruppen"]
        self.dialogues = {slug: forums[f"dialog-{slug}"] for slug in self.minorities}
        self.goals = {g.code: g for g in Goal.objects.order_by("code")}
        self.demo_coordinator = User.objects.get(email=DEMO_COORDINATOR)

        # Filled in by the parts, in the order demo.bench.build runs them.
        self.people: dict[str, list[User]] = {}
        self.minority_of: dict[int, str] = {}
        self.admin_by_department: dict[str, list[User]] = defaultdict(list)
        self.working_groups: list[Forum] = []
        self.working_group_department: dict[int, str] = {}
        self.mandates: dict[int, object] = {}
        self.seats: list[Seat] = []
        self.seats_by_forum: dict[int, list[Seat]] = defaultdict(list)
        self.plans_by_forum: dict[int, list[MeetingPlan]] = defaultdict(list)
        self.counts: dict[str, int] = {}

    def rng(self, part: str) -> random.Random:
        """One generator per part, so that a change in one part leaves the others' data as it was."""
        return random.Random(f"{self.seed}:{part}")

    def scaled(self, n: float, minimum: int = 1) -> int:
        return max(minimum, round(n * self.scale))

    def all_forums(self) -> list[Forum]:
        return [self.consultation, *self.dialogues.values(), *self.working_groups]

    def tier_key(self, forum: Forum) -> str:
        return {Tier.CONSULTATION: "consultation", Tier.DIALOGUE: "dialogue"}.get(forum.tier, "working_group")

    def members_on(self, forum: Forum, day: dt.date, roles: tuple[str, ...] | None = None) -> list[Seat]:
        return [
            s for s in self.seats_by_forum[forum.pk] if s.covers(day) and (roles is None or s.role in roles)
        ]

    def add_plan(self, plan: MeetingPlan) -> None:
        self.plans_by_forum[plan.meeting.forum_id].append(plan)

    def sort_plans(self) -> None:
        for plans in self.plans_by_forum.values():
            plans.sort(key=lambda p: p.meeting.starts_at)

    def plans(self) -> list[MeetingPlan]:
        return [p for forum in self.all_forums() for p in self.plans_by_forum[forum.pk]]

    def next_meeting(self, forum: Forum, after: dt.date, *, held: bool | None = None) -> MeetingPlan | None:
        """The forum's first meeting (not cancelled) on a day after `after`."""
        plans = self.plans_by_forum[forum.pk]
        days = [p.day for p in plans]
        for plan in plans[bisect.bisect_right(days, after) :]:
            if plan.cancelled or (held is not None and plan.held != held):
                continue
            return plan
        return None
