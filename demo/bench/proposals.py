"""About 3 000 agenda proposals in every state of the workflow, with the proposers' answers, followers,
support, comments, and the consultation log."""

import datetime as dt

from core.models import AgendaItem, ForumRole
from proposals.models import (
    Comment,
    ConsultationForm,
    ConsultationRecord,
    Proposal,
    ProposalStatus,
    Support,
)

from .context import BATCH, STOCKHOLM, Context, MeetingPlan, at
from .meetings import STAFF, minority_words
from .words import (
    ANSWERED_NO,
    ANSWERED_YES,
    COMMENTS,
    CONSIDER_REASONS,
    CONSULTED_CHANGED,
    CONSULTED_SAID,
    DECISIONS,
    DECLINE_REASONS,
    DEFER_REASONS,
    MINORITY_WORDS,
    PLACES,
    PROPOSAL_REASONS_FI,
    PROPOSAL_REASONS_SV,
    PROPOSAL_TOPICS_FI,
    PROPOSAL_TOPICS_SV,
    RESOLVE_REASONS,
)

S = ProposalStatus
ALIVE = (S.RECEIVED, S.UNDER_CONSIDERATION, S.PLACED, S.DEFERRED, S.RESOLVED)
PROPOSERS = (ForumRole.REPRESENTATIVE, ForumRole.SUBSTITUTE)
CONTACTS = (ForumRole.ADMIN_CONTACT, ForumRole.CONVENOR)


class ProposalBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng("proposals")
        self.now = at(ctx.today, 8)
        self.proposals: list[Proposal] = []
        self.meeting_of: dict[int, MeetingPlan] = {}
        self.by_forum: dict[int, list[Proposal]] = {}

    def clamp(self, moment: dt.datetime, created: dt.datetime) -> dt.datetime:
        return max(created, min(moment, self.now))

    def pick_day(self) -> dt.date:
        ctx, rng = self.ctx, self.rng
        # A little more each year: the model became known.
        year = rng.choices(ctx.years, [0.7 + 0.06 * i for i in range(len(ctx.years))])[0]
        last = min(dt.date(year, 12, 31), ctx.today)
        first = dt.date(year, 1, 1)
        return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))

    def pick_forum(self, day: dt.date):
        ctx, rng = self.ctx, self.rng
        roll = rng.random()
        if roll < 0.18:
            return ctx.consultation
        if roll < 0.88 or not ctx.working_groups:
            return rng.choice(list(ctx.dialogues.values()))
        active = [
            f
            for f in ctx.working_groups
            if ctx.mandates[f.pk].starts_on
            <= day
            <= (ctx.mandates[f.pk].closed_on or ctx.mandates[f.pk].ends_on or ctx.today)
        ]
        return rng.choice(active) if active else rng.choice(list(ctx.dialogues.values()))

    def plan(self) -> None:
        """In the order they came in, so that a duplicate is merged into one that came before it."""
        ctx, rng = self.ctx, self.rng
        days = sorted(self.pick_day() for _ in range(ctx.scaled(3000)))
        for day in days:
            for _attempt in range(3):
                forum = self.pick_forum(day)
                seats = ctx.members_on(forum, day, PROPOSERS if rng.random() < 0.85 else CONTACTS)
                seats = seats or ctx.members_on(forum, day, PROPOSERS + CONTACTS)
                if seats:
                    self.proposals.append(self.one(forum, rng.choice(seats).user, day))
                    break
        self.ensure_every_status()

    def ensure_every_status(self) -> None:
        """At a small scale a state may not come up by chance: add a proposal in each one missing, on a
        forum and day where that state is coherent with the meetings."""
        ctx, rng, today = self.ctx, self.ctx.rng("proposal-states"), self.ctx.today
        order = [S.RESOLVED, S.DECLINED, S.RECEIVED, S.UNDER_CONSIDERATION, S.DEFERRED, S.PLACED, S.MERGED]
        for status in order:
            if any(p.status == status for p in self.proposals):
                continue
            candidates = []
            for forum in ctx.all_forums():
                for back in (400, 7, 40) if status in (S.RESOLVED, S.DECLINED, S.MERGED) else (7, 40):
                    day = today - dt.timedelta(days=back)
                    meeting = ctx.next_meeting(forum, day + dt.timedelta(days=4))
                    if status == S.RESOLVED and (meeting is None or not meeting.held):
                        continue
                    if status == S.PLACED and (
                        meeting is None or (meeting.held and (today - meeting.day).days >= 60)
                    ):
                        continue
                    if status == S.MERGED and not any(
                        p.status in ALIVE for p in self.by_forum.get(forum.pk, [])
                    ):
                        continue
                    seats = ctx.members_on(forum, day, PROPOSERS + CONTACTS)
                    if seats:
                        candidates.append((forum, day, seats))
                        break
            if candidates:
                forum, day, seats = candidates[0]
                self.proposals.append(self.one(forum, rng.choice(seats).user, day, force=status))

    def one(self, forum, proposer, day: dt.date, force: str | None = None) -> Proposal:
        ctx, rng = self.ctx, self.rng
        created = at(day, rng.randint(8, 21), rng.randint(0, 59))
        slug = forum.minority.slug if forum.minority_id else rng.choice(list(ctx.minorities))
        finnish = slug == "sverigefinnar" and forum.minority_id and rng.random() < 0.45
        if finnish:
            title = rng.choice(PROPOSAL_TOPICS_FI).format(place=rng.choice(PLACES))
            description = (
                f"Ehdotamme, että ryhmä käsittelee asian: {title}. {rng.choice(PROPOSAL_REASONS_FI)}"
            )
            why = rng.choice(PROPOSAL_REASONS_FI)
            language = "fi"
        else:
            title = rng.choice(PROPOSAL_TOPICS_SV).format(place=rng.choice(PLACES), **minority_words(slug))
            lowered = title[0].lower() + title[1:]
            description = (
                f"Vi föreslår att gruppen tar upp frågan om {lowered}. {rng.choice(PROPOSAL_REASONS_SV)}"
            )
            why = rng.choice(PROPOSAL_REASONS_SV)
            language = "sv"
        minority = forum.minority
        if minority is None and rng.random() < 0.7:
            minority = ctx.minorities[slug]
        children = "barn" in title.lower() or "unga" in title.lower() or "lapset" in title.lower()
        proposal = Proposal(
            forum=forum,
            proposer=proposer,
            title=title[:200],
            description=description,
            why_it_matters=why if rng.random() < 0.6 else "",
            language=language,
            minority=minority,
            department=ctx.departments[rng.choice(list(ctx.departments))] if rng.random() < 0.6 else None,
            affects_children_and_youth=children or rng.random() < 0.12,
            created_at=created,
            status_changed_at=created,
        )
        self.decide(proposal, forum, day, force)
        self.by_forum.setdefault(forum.pk, []).append(proposal)
        return proposal

    def decide(self, proposal: Proposal, forum, day: dt.date, force: str | None = None) -> None:
        """The state the proposal is in today, coherent with the forum's meetings since it came in."""
        ctx, rng, today = self.ctx, self.rng, self.ctx.today
        created = proposal.created_at
        meeting = ctx.next_meeting(forum, day + dt.timedelta(days=4))
        age = (today - day).days
        if meeting is None:
            options = {S.DECLINED: 50, S.MERGED: 20, S.RECEIVED: 30 if age < 60 else 2}
        elif not meeting.held:
            options = {
                S.RECEIVED: 30,
                S.UNDER_CONSIDERATION: 25,
                S.PLACED: 25,
                S.DEFERRED: 10,
                S.DECLINED: 6,
                S.MERGED: 4,
            }
        else:
            recent = (today - meeting.day).days < 60
            options = {
                S.RESOLVED: 62,
                S.DECLINED: 13,
                S.MERGED: 9,
                S.DEFERRED: 4 if age < 365 else 0,
                S.RECEIVED: 0.7,
                S.UNDER_CONSIDERATION: 0.8,
                S.PLACED: 30 if recent else 0,
            }
        status = force or rng.choices(list(options), list(options.values()))[0]
        if status == S.MERGED:
            survivors = [p for p in self.by_forum.get(forum.pk, [])[-30:] if p.status in ALIVE]
            if not survivors:
                status = S.DECLINED
            else:
                survivor = rng.choice(survivors)
                proposal.merged_into = survivor
                proposal.status_reason = f"Samma fråga som ”{survivor.title}”; behandlas tillsammans."
                proposal.status_changed_at = self.clamp(
                    created + dt.timedelta(days=rng.randint(1, 10)), created
                )
        proposal.status = status
        if status == S.RECEIVED:
            return
        if status == S.UNDER_CONSIDERATION:
            proposal.status_reason = rng.choice(CONSIDER_REASONS)
            proposal.status_changed_at = self.clamp(created + dt.timedelta(days=rng.randint(1, 10)), created)
        elif status == S.DECLINED:
            proposal.status_reason = rng.choice(DECLINE_REASONS)
            proposal.status_changed_at = self.clamp(created + dt.timedelta(days=rng.randint(3, 30)), created)
        elif status == S.DEFERRED:
            proposal.status_reason = rng.choice(DEFER_REASONS)
            proposal.status_changed_at = self.clamp(created + dt.timedelta(days=rng.randint(3, 20)), created)
            later = ctx.next_meeting(forum, meeting.day) if meeting else None
            if later is not None and rng.random() < 0.5:
                proposal.deferred_to_meeting = later.meeting
            else:
                proposal.deferred_until = (meeting.day if meeting else day) + dt.timedelta(
                    days=rng.randint(30, 120)
                )
        elif status in (S.PLACED, S.RESOLVED):
            self.place(proposal, meeting)
            if status == S.PLACED:
                proposal.status_reason = f"Tas upp på mötet {meeting.day.isoformat()}."
                placed = created + dt.timedelta(days=rng.randint(2, 14))
                proposal.status_changed_at = self.clamp(min(placed, meeting.meeting.starts_at), created)
            else:
                proposal.status_reason = rng.choice(RESOLVE_REASONS)
                resolved = meeting.meeting.ends_at + dt.timedelta(days=rng.randint(1, 5))
                proposal.status_changed_at = self.clamp(resolved, created)
            self.answer(proposal)
        if (
            status not in (S.PLACED, S.RESOLVED, S.DEFERRED)
            and meeting
            and not meeting.held
            and rng.random() < 0.25
        ):
            proposal.wished_meeting = meeting.meeting

    def place(self, proposal: Proposal, plan: MeetingPlan) -> None:
        rng = self.rng
        item = AgendaItem(
            meeting=plan.meeting,
            title=proposal.title[:300],
            description=proposal.description,
            presenter=proposal.proposer,
            duration_minutes=15,
        )
        if plan.held:
            item.minutes = "<p>Förslaget presenterades och diskuterades.</p>"
            item.decision = f"<p>{rng.choice(DECISIONS)}</p>"
        plan.proposal_items.append(item)
        proposal.agenda_item = item
        self.meeting_of[id(proposal)] = plan

    def answer(self, proposal: Proposal) -> None:
        """The proposer says whether the outcome answered the proposal (or has not said yet)."""
        rng = self.rng
        roll = rng.random()
        if proposal.status == S.PLACED:
            answered = True if roll < 0.1 else None
        else:
            answered = True if roll < 0.55 else (False if roll < 0.7 else None)
        if answered is None:
            return
        day = proposal.status_changed_at.astimezone(STOCKHOLM).date() + dt.timedelta(days=rng.randint(2, 30))
        moment = at(day, rng.randint(8, 21), rng.randint(0, 59))
        if moment > self.now:
            return
        comments = (ANSWERED_YES if answered else ANSWERED_NO)[proposal.language]
        proposal.answered = answered
        proposal.answered_comment = rng.choice(comments) if rng.random() < 0.7 else ""
        proposal.answered_at = moment

    def save(self) -> list[Proposal]:
        """After the agenda items: the proposals, their followers, support and comments."""
        # bulk_create takes the related rows' keys from the (now saved) objects, keeping them cached.
        first = [p for p in self.proposals if p.status != S.MERGED]
        Proposal.objects.bulk_create(first, batch_size=BATCH)
        merged = [p for p in self.proposals if p.status == S.MERGED]
        Proposal.objects.bulk_create(merged, batch_size=BATCH)
        self.ctx.counts["proposals"] = len(self.proposals)
        self.save_participation()
        return self.proposals

    def save_participation(self) -> None:
        ctx, rng = self.ctx, self.ctx.rng("participation")
        Through = Proposal.followers.through
        followers = {(p.pk, p.proposer.pk) for p in self.proposals}
        for proposal in self.proposals:
            if proposal.merged_into is not None:
                followers.add((proposal.merged_into.pk, proposal.proposer.pk))
        Through.objects.bulk_create(
            [Through(proposal_id=p, user_id=u) for p, u in sorted(followers)], batch_size=BATCH
        )
        supports, comments, records = [], [], []
        for proposal in self.proposals:
            day = proposal.created_at.date()
            members = [
                s.user for s in ctx.members_on(proposal.forum, day) if s.user.pk != proposal.proposer.pk
            ]
            if members and rng.random() < 0.3:
                for user in rng.sample(members, k=min(len(members), rng.randint(1, 4))):
                    supports.append(
                        Support(
                            proposal=proposal,
                            user=user,
                            created_at=proposal.created_at + dt.timedelta(days=rng.randint(0, 5)),
                        )
                    )
            if members and rng.random() < 0.15:
                for _ in range(rng.randint(1, 3)):
                    comments.append(
                        Comment(
                            proposal=proposal,
                            author=rng.choice(members),
                            text=rng.choice(COMMENTS[proposal.language]),
                            created_at=proposal.created_at
                            + dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(1, 9)),
                        )
                    )
            plan = self.meeting_of.get(id(proposal))
            if proposal.status == S.RESOLVED and plan is not None and rng.random() < 0.25:
                staff = ctx.members_on(proposal.forum, plan.day, STAFF)
                slug = proposal.minority.slug if proposal.minority_id else None
                consulted = (
                    rng.choice(MINORITY_WORDS[slug]["associations"])
                    if slug and rng.random() < 0.4
                    else proposal.forum.name
                )
                records.append(
                    ConsultationRecord(
                        proposal=proposal,
                        consulted=consulted,
                        consulted_on=plan.day,
                        form=rng.choices(list(ConsultationForm), [70, 20, 10])[0],
                        children_and_youth=proposal.affects_children_and_youth and rng.random() < 0.6,
                        what_they_said=rng.choice(CONSULTED_SAID),
                        how_it_changed=rng.choice(CONSULTED_CHANGED),
                        recorded_by=staff[0].user if staff else ctx.demo_coordinator,
                    )
                )
        Support.objects.bulk_create(supports, batch_size=BATCH)
        Comment.objects.bulk_create(comments, batch_size=BATCH)
        ConsultationRecord.objects.bulk_create(records, batch_size=BATCH)
        ctx.counts["supports"] = len(supports)
        ctx.counts["comments"] = len(comments)
        ctx.counts["consultation records"] = len(records)
