"""Working groups over the years, four meetings a year per forum with agendas, attendance and minutes,
and the commitments (issues lifted to a department) with their answers and feedback."""

import datetime as dt

from django.utils.text import slugify

from core.models import (
    RSVP,
    AgendaItem,
    Attendance,
    Forum,
    ForumRole,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesStatus,
    Presence,
    Tier,
)
from demo.meetings import SCHEDULE, TITLES
from dialogues.models import Commitment, CommitmentStatus
from workinggroups.models import Mandate

from . import BENCH_DOMAIN, BENCH_PREFIX
from .context import BATCH, Context, MeetingPlan, at
from .words import (
    AGENDA_TOPICS,
    ANSWERS,
    CANCELLATION_REASONS,
    CLOSING_REPORT,
    COMMITMENT_DESCRIPTIONS,
    COMMITMENT_TOPICS,
    DECISIONS,
    DISCUSSIONS,
    FIRST_ITEM,
    FIRST_NAMES,
    GUEST_ORGANISATIONS,
    LAST_ITEM,
    MINORITY_WORDS,
    PLACES,
    SURNAMES,
    WORKING_GROUPS,
)

STAFF = (ForumRole.COORDINATOR, ForumRole.PROCESS_LEADER)


def minority_words(slug: str) -> dict:
    words = MINORITY_WORDS[slug]
    return {"lang": words["lang"][0], "people": words["people"][0], "day": words["day"][0]}


def weekday_near(day: dt.date) -> dt.date:
    """Forums meet Tuesday to Thursday."""
    while day.weekday() not in (1, 2, 3):
        day += dt.timedelta(days=1)
    return day


class MeetingBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng("meetings")
        self.sequence = 0

    # --- Meetings ---------------------------------------------------------------------------------

    def new_meeting(self, forum: Forum, day: dt.date, hour: int, place: str, titles: tuple) -> MeetingPlan:
        rng, today = self.rng, self.ctx.today
        self.sequence += 1
        starts_at = at(day, hour)
        meeting = Meeting(
            forum=forum,
            title=titles[0],
            title_sv=titles[0],
            title_fi=titles[1],
            title_en=titles[2],
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            location="" if place == "Teams" else place,
            video_url="https://meet.example.org/haninge-arbetsgrupp" if place == "Teams" else "",
            ical_uid=f"{BENCH_PREFIX}{self.sequence:05d}@haninge-portal",
            ical_sequence=rng.choice([0, 0, 1, 1, 2]),
        )
        if day < today:
            if rng.random() < 0.03:
                meeting.status = MeetingStatus.CANCELLED
                meeting.cancellation_reason = rng.choice(CANCELLATION_REASONS)
                if rng.random() < 0.5:
                    meeting.agenda_published_at = starts_at - dt.timedelta(days=rng.randint(7, 10))
            else:
                meeting.status = MeetingStatus.HELD
                meeting.agenda_published_at = starts_at - dt.timedelta(days=rng.randint(7, 10))
                age = (today - day).days
                if age > 60 or (age > 30 and rng.random() < 0.5):
                    meeting.minutes_status = MinutesStatus.PUBLISHED
                    meeting.minutes_published_at = meeting.ends_at + dt.timedelta(days=rng.randint(10, 30))
                elif age > 30:
                    meeting.minutes_status = MinutesStatus.APPROVED
                elif age > 14:
                    meeting.minutes_status = MinutesStatus.IN_REVIEW
                else:
                    meeting.minutes_status = MinutesStatus.DRAFT
        elif (day - today).days <= 21:
            meeting.status = MeetingStatus.AGENDA_PUBLISHED
            meeting.agenda_published_at = min(
                starts_at - dt.timedelta(days=7), at(today, 8) - dt.timedelta(days=rng.randint(0, 3))
            )
        else:
            meeting.status = MeetingStatus.PLANNED
        return MeetingPlan(meeting=meeting)

    def plan_demo_forum_meetings(self) -> None:
        """The consultation and dialogue groups met four times a year before the demo's own year."""
        ctx = self.ctx
        keys = {ctx.consultation.pk: "samrad", **{f.pk: slug for slug, f in ctx.dialogues.items()}}
        for forum in [ctx.consultation, *ctx.dialogues.values()]:
            key = keys[forum.pk]
            hour, place, dates = SCHEDULE[key]
            for year in ctx.years[:-1]:
                for month, number in dates:
                    day = weekday_near(
                        dt.date(year, month, number) + dt.timedelta(days=self.rng.randint(-6, 4))
                    )
                    ctx.add_plan(self.new_meeting(forum, day, hour, place, TITLES[key]))
        # This year's meetings are the demo's: the bench adds proposals and its members' attendance to them.
        for meeting in Meeting.objects.filter(
            forum__in=[ctx.consultation, *ctx.dialogues.values()], starts_at__year=ctx.year
        ).order_by("starts_at", "pk"):
            ctx.add_plan(MeetingPlan(meeting=meeting, existing=True))
        ctx.sort_plans()

    def build_working_groups(self) -> None:
        """About fifteen working groups over the years (with the demo's two), each with its mandate."""
        ctx, rng, today = self.ctx, self.ctx.rng("working-groups"), self.ctx.today
        count = min(len(WORKING_GROUPS), ctx.scaled(13))
        forums, mandates = [], []
        consultation_days = [p.day for p in ctx.plans_by_forum[ctx.consultation.pk] if p.held]
        for index, ((sv, fi, en), purpose, code) in enumerate(WORKING_GROUPS[:count]):
            # Spread over the ten years; the last ones work today.
            year = ctx.years[0] + max(0, ((index + 1) * len(ctx.years)) // count - 1)
            starts_on = min(dt.date(year, rng.choice([2, 3, 4, 8, 9, 10]), 1), today - dt.timedelta(days=60))
            months = rng.randint(8, 20)
            ends_on = dt.date(
                starts_on.year + (starts_on.month + months - 1) // 12,
                (starts_on.month + months - 1) % 12 + 1,
                1,
            )
            ends_on -= dt.timedelta(days=1)
            closed_on = None
            if ends_on < today and rng.random() < 0.85:
                closed_on = min(ends_on + dt.timedelta(days=rng.randint(5, 40)), today - dt.timedelta(days=1))
            elif ends_on >= today and rng.random() < 0.25:
                ends_on = None  # until further notice
            decided = max(
                [d for d in consultation_days if d < starts_on] or [starts_on - dt.timedelta(days=30)]
            )
            forum = Forum(
                tier=Tier.WORKING_GROUP,
                slug=f"{BENCH_PREFIX}{slugify(sv)}"[:50],
                name=sv,
                name_sv=sv,
                name_fi=fi,
                name_en=en,
                description=f"Arbetsgruppen tar fram förslag om {purpose}.",
                description_sv=f"Arbetsgruppen tar fram förslag om {purpose}.",
                is_public=False,
                is_active=closed_on is None,
            )
            forums.append(forum)
            mandates.append(
                Mandate(
                    forum=forum,
                    purpose=(
                        f"Ta fram förslag om {purpose} och rapportera till samrådsgruppen. Gruppen arbetar "
                        "tillsammans med representanter för minoriteterna och berörda förvaltningar."
                    ),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    set_up_by=ctx.consultation,
                    decision_reference=f"Samrådsgruppens möte {decided.isoformat()}, punkt {rng.randint(3, 7)}",
                    closed_on=closed_on,
                )
            )
            ctx.working_group_department[index] = code
        Forum.objects.bulk_create(forums, batch_size=BATCH)
        ctx.working_groups = forums
        ctx.working_group_department = {f.pk: ctx.working_group_department[i] for i, f in enumerate(forums)}
        ctx.mandates = {m.forum.pk: m for m in mandates}
        ctx.counts["working groups"] = len(forums)

    def plan_working_group_meetings(self) -> None:
        """A working group meets every few months during its mandate; an open one has meetings to come."""
        ctx, rng, today = self.ctx, self.rng, self.ctx.today
        for forum in ctx.working_groups:
            mandate = ctx.mandates[forum.pk]
            last = mandate.closed_on or mandate.ends_on or today + dt.timedelta(days=120)
            if mandate.closed_on is None:
                last = min(last, today + dt.timedelta(days=120))
            place = rng.choice(
                ["Teams", "Haninge kommunhus, sal Neptunus", "Handens bibliotek, studierummet"]
            )
            hour = rng.choice([9, 10, 13, 14])
            name = (forum.name_sv, forum.name_fi, forum.name_en)
            titles = (name[0].replace("Arbetsgrupp ", "Arbetsgrupp: "), name[1], name[2])
            day = weekday_near(mandate.starts_on + dt.timedelta(days=rng.randint(14, 30)))
            held = 0
            while day <= last:
                plan = self.new_meeting(forum, day, hour, place, titles)
                ctx.add_plan(plan)
                held += plan.held
                day = weekday_near(day + dt.timedelta(days=rng.randint(70, 110)))
            if mandate.closed_on:
                mandate.closing_report = CLOSING_REPORT.format(
                    meetings=held,
                    purpose=forum.description_sv.removeprefix("Arbetsgruppen tar fram förslag om ")[:-1],
                )
        ctx.sort_plans()
        Mandate.objects.bulk_create(ctx.mandates.values(), batch_size=BATCH)
        for plan in ctx.plans():
            if not plan.existing:
                seat = next(iter(ctx.members_on(plan.meeting.forum, plan.day, STAFF)), None)
                plan.meeting.created_by = seat.user if seat else ctx.demo_coordinator
        Meeting.objects.bulk_create([p.meeting for p in ctx.plans() if not p.existing], batch_size=BATCH)
        ctx.counts["meetings"] = sum(not p.existing for p in ctx.plans())

    # --- Agenda items -----------------------------------------------------------------------------

    def plan_items(self) -> None:
        """Feedback first, two or three topics, then the proposals placed on it, and any other business."""
        ctx, rng = self.ctx, self.ctx.rng("agenda")
        existing = [p for p in ctx.plans() if p.existing and p.held]
        items = AgendaItem.objects.filter(meeting__in=[p.meeting for p in existing]).exclude(
            title__in=[LAST_ITEM, *FIRST_ITEM.values()]
        )
        by_meeting: dict[int, list] = {}
        for item in items.order_by("meeting_id", "position", "pk"):
            by_meeting.setdefault(item.meeting_id, []).append(item)
        for plan in existing:
            # The demo's own meetings this year: issues may be lifted from their topics too.
            plan.topic_items = by_meeting.get(plan.meeting.pk, [])
        for plan in ctx.plans():
            if plan.existing:
                continue
            forum, kind = plan.meeting.forum, ctx.tier_key(plan.meeting.forum)
            slug = forum.minority.slug if forum.minority_id else rng.choice(list(ctx.minorities))
            words = {**minority_words(slug), "year": plan.day.year}
            topics = rng.sample(AGENDA_TOPICS[kind], k=min(len(AGENDA_TOPICS[kind]), rng.choice([2, 2, 3])))
            staff = ctx.members_on(forum, plan.day, STAFF)
            contacts = ctx.members_on(forum, plan.day, (ForumRole.ADMIN_CONTACT, ForumRole.CONVENOR))
            plan.items.append(self.item(plan, FIRST_ITEM[kind], 20, staff[0].user if staff else None, rng))
            for topic in topics:
                presenter = rng.choice(contacts).user if contacts and rng.random() < 0.6 else None
                item = self.item(plan, topic.format(**words), rng.choice([20, 30, 45]), presenter, rng)
                plan.items.append(item)
                plan.topic_items.append(item)

    def item(self, plan: MeetingPlan, title: str, minutes: int, presenter, rng) -> AgendaItem:
        item = AgendaItem(
            meeting=plan.meeting, title=title[:300], duration_minutes=minutes, presenter=presenter
        )
        # Held meetings have minutes; draft minutes are still being written.
        if plan.held and (plan.meeting.minutes_status != MinutesStatus.DRAFT or rng.random() < 0.5):
            item.minutes = f"<p>{rng.choice(DISCUSSIONS)}</p>"
            item.decision = f"<p>{rng.choice(DECISIONS)}</p>"
        return item

    def save_items(self) -> None:
        """Positions in agenda order; a proposal goes after the demo's own items on this year's meetings."""
        ctx, rng = self.ctx, self.ctx.rng("agenda-last")
        existing_max = {}
        existing = [p.meeting.pk for p in ctx.plans() if p.existing]
        for meeting_id, position in AgendaItem.objects.filter(meeting_id__in=existing).values_list(
            "meeting_id", "position"
        ):
            existing_max[meeting_id] = max(existing_max.get(meeting_id, 0), position)
        rows = []
        for plan in ctx.plans():
            if plan.existing:
                ordered = plan.proposal_items
                start = existing_max.get(plan.meeting.pk, 0) + 1
            else:
                last = self.item(plan, LAST_ITEM, 10, None, rng)
                if last.minutes:
                    last.minutes, last.decision = "<p>Inga övriga frågor.</p>", ""
                ordered = [*plan.items, *plan.proposal_items, last]
                start = 1
            for position, item in enumerate(ordered, start=start):
                item.position = position
                rows.append(item)
        AgendaItem.objects.bulk_create(rows, batch_size=BATCH)
        ctx.counts["agenda items"] = len(rows)

    # --- Attendance ---------------------------------------------------------------------------------

    def save_attendance(self) -> None:
        """Everyone with a seat on the day is invited; those who came, were excused or stayed away."""
        ctx, rng = self.ctx, self.ctx.rng("attendance")
        demo_seats: dict[int, list] = {}
        for membership in (
            Membership.objects.filter(forum__in=ctx.all_forums())
            .exclude(user__email__endswith=f"@{BENCH_DOMAIN}")
            .order_by("pk")
        ):
            demo_seats.setdefault(membership.forum_id, []).append(membership)
        rows = []
        for plan in ctx.plans():
            meeting, day = plan.meeting, plan.day
            invited = {s.user.pk: s.user for s in ctx.members_on(meeting.forum, day)}
            if not plan.existing:
                for membership in demo_seats.get(meeting.forum_id, []):
                    if membership.is_current(day):
                        invited.setdefault(membership.user_id, membership.user_id)
            for user in invited.values():
                attendance = Attendance(meeting_id=meeting.pk)
                if isinstance(user, int):
                    attendance.user_id = user
                else:
                    attendance.user = user
                roll = rng.random()
                if plan.held:
                    if roll < 0.78:
                        attendance.rsvp, attendance.presence = RSVP.ATTENDING, Presence.PRESENT
                    elif roll < 0.9:
                        attendance.rsvp, attendance.presence = RSVP.DECLINED, Presence.EXCUSED
                    elif roll < 0.95:
                        attendance.rsvp, attendance.presence = RSVP.ATTENDING, Presence.ABSENT
                    else:
                        attendance.rsvp, attendance.presence = RSVP.NO_REPLY, Presence.ABSENT
                elif meeting.agenda_published_at is not None:
                    attendance.rsvp = (
                        RSVP.ATTENDING if roll < 0.5 else (RSVP.DECLINED if roll < 0.6 else RSVP.NO_REPLY)
                    )
                rows.append(attendance)
            if plan.held and not plan.existing and rng.random() < 0.25:
                for _ in range(rng.randint(1, 2)):
                    rows.append(
                        Attendance(
                            meeting_id=meeting.pk,
                            guest_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                            guest_organisation=rng.choice(GUEST_ORGANISATIONS),
                            presence=Presence.PRESENT,
                        )
                    )
        Attendance.objects.bulk_create(rows, batch_size=BATCH)
        ctx.counts["attendance"] = len(rows)

    # --- Commitments --------------------------------------------------------------------------------

    def save_commitments(self) -> list[Commitment]:
        """Issues lifted at held meetings to a department; most are answered and reported back at a later
        meeting of the forum, recent ones are still open or wait to be received."""
        ctx, rng, today = self.ctx, self.ctx.rng("commitments"), self.ctx.today
        rows = []
        for plan in ctx.plans():
            if not plan.held or not plan.topic_items:
                continue
            forum = plan.meeting.forum
            chance = {"consultation": 0.8, "dialogue": 1.0, "working_group": 0.3}[ctx.tier_key(forum)]
            chance *= min(1.0, ctx.scale)
            if rng.random() > chance:
                continue
            contacts = ctx.members_on(forum, plan.day, (ForumRole.ADMIN_CONTACT, ForumRole.CONVENOR))
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                item = rng.choice(plan.topic_items)
                slug = forum.minority.slug if forum.minority_id else rng.choice(list(ctx.minorities))
                title = rng.choice(COMMITMENT_TOPICS).format(place=rng.choice(PLACES), **minority_words(slug))
                if contacts and rng.random() < 0.8:
                    responsible = rng.choice(contacts).user
                    department = responsible.department
                else:
                    code = rng.choice(list(ctx.departments))
                    department = ctx.departments[code]
                    pool = ctx.admin_by_department.get(code)
                    responsible = rng.choice(pool) if pool else None
                due_on = plan.day + dt.timedelta(days=rng.randint(45, 120))
                commitment = Commitment(
                    agenda_item=item,
                    forum=forum,
                    title=title[:300],
                    description=rng.choice(COMMITMENT_DESCRIPTIONS),
                    department=department,
                    responsible=responsible,
                    due_on=due_on,
                    created_by=plan.meeting.created_by,
                    created_at=plan.meeting.ends_at,
                )
                answer_chance = 0.93 if (today - plan.day).days > 180 else 0.6
                answered_on = plan.day + dt.timedelta(days=rng.randint(14, (due_on - plan.day).days + 40))
                if rng.random() < answer_chance and answered_on < today:
                    commitment.status = CommitmentStatus.ANSWERED
                    commitment.answer = rng.choice(ANSWERS)
                    commitment.answered_at = at(answered_on, rng.randint(8, 16))
                    commitment.answered_by = responsible
                    following = ctx.next_meeting(forum, answered_on, held=True)
                    if following is not None and following.day < today and rng.random() < 0.9:
                        commitment.status = CommitmentStatus.RECEIVED
                        commitment.received_at = following.meeting.starts_at
                        commitment.received_at_meeting = following.meeting
                rows.append(commitment)
        Commitment.objects.bulk_create(rows, batch_size=BATCH)
        ctx.counts["commitments"] = len(rows)
        return rows
