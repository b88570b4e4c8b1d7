"""About 500 invented people and their seats over ten years: two-year terms for representatives (the Roma
council is elected every second year), four-year political terms, and staff who stay a few years each."""

import datetime as dt
import unicodedata

from core.models import ForumRole, Membership, Role, User

from . import BENCH_DOMAIN
from .context import BATCH, STOCKHOLM, Context, Seat
from .words import FIRST_NAMES, MINORITY_WORDS, SURNAMES, TITLES

DEPARTMENT_WEIGHTS = {"SÄF": 25, "UBF": 25, "KOF": 20, "KSF": 15, "SBF": 8, "HB": 7}


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in plain.lower()).strip("-")


def build_people(ctx: Context) -> None:
    """The people, saved at once so that seats and rows can point at them; their portal roles follow from
    their seats (save_seats)."""
    rng = ctx.rng("people")
    counts = {
        "rep": ctx.scaled(230, 10),
        "admin": ctx.scaled(120, len(ctx.departments)),
        "politician": ctx.scaled(30, 3),
        "coordinator": ctx.scaled(8, 2),
        "resident": ctx.scaled(112, 1),
    }
    codes = list(ctx.departments)
    slugs = list(ctx.minorities)
    users: list[User] = []
    kinds: list[tuple[str, str | None, str | None]] = []
    for kind, n in counts.items():
        for i in range(n):
            minority = slugs[i % len(slugs)] if kind == "rep" else None
            if kind == "admin":
                code = (
                    codes[i]
                    if i < len(codes)
                    else rng.choices(codes, [DEPARTMENT_WEIGHTS.get(c, 5) for c in codes])[0]
                )
            else:
                code = None
            kinds.append((kind, minority, code))
    for number, (kind, minority, code) in enumerate(kinds, start=1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        finnish = minority in {"sverigefinnar", "tornedalingar"} and rng.random() < 0.4
        joined = ctx.first_day + dt.timedelta(days=rng.randint(0, 3 * 365))
        users.append(
            User(
                email=f"{ascii_slug(first)}.{ascii_slug(last)}.{number}@{BENCH_DOMAIN}",
                full_name=f"{first} {last}",
                role=Role.RESIDENT,
                department=ctx.departments[code] if code else None,
                title=rng.choice(TITLES.get(code, [""])) if code else "",
                language="fi" if finnish or (kind == "politician" and rng.random() < 0.1) else "sv",
                password="!bench-no-password",  # noqa: S106 - an unusable password: nobody signs in as these
                date_joined=dt.datetime(joined.year, joined.month, joined.day, 9, tzinfo=STOCKHOLM),
            )
        )
    User.objects.bulk_create(users, batch_size=BATCH)
    for user, (kind, minority, code) in zip(users, kinds, strict=True):
        ctx.people.setdefault(kind, []).append(user)
        if minority:
            ctx.minority_of[user.pk] = minority
        if code:
            ctx.admin_by_department[code].append(user)
    ctx.counts["people"] = len(users)


class SeatPlanner:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = ctx.rng("seats")
        self.used: set[int] = set()

    def free(self, user: User, forum, start: dt.date, end: dt.date | None) -> bool:
        for seat in self.ctx.seats_by_forum[forum.pk]:
            if seat.user.pk != user.pk:
                continue
            if (seat.ends_on is None or seat.ends_on >= start) and (end is None or seat.starts_on <= end):
                return False
        return True

    def pick(self, pool: list[User], forum, start, end, prefer: list[User] = ()) -> User | None:
        for user in prefer:
            if self.free(user, forum, start, end):
                return user
        candidates = [u for u in pool if self.free(u, forum, start, end)]
        if not candidates:
            return None
        fresh = [u for u in candidates if u.pk not in self.used]
        return self.rng.choice(fresh if fresh and self.rng.random() < 0.7 else candidates)

    def seat(self, user: User, forum, role: str, start: dt.date, end: dt.date | None) -> Seat:
        seat = Seat(user=user, forum=forum, role=role, starts_on=start, ends_on=end)
        self.ctx.seats.append(seat)
        self.ctx.seats_by_forum[forum.pk].append(seat)
        self.used.add(user.pk)
        return seat

    def terms(self, length: int, first_year: int) -> list[tuple[dt.date, dt.date | None]]:
        """(start, end) of each term of `length` years from `first_year` that falls in the ten years;
        the term going on today runs until further notice."""
        today, first_day = self.ctx.today, self.ctx.first_day
        terms, year = [], first_year
        while dt.date(year, 1, 1) <= today:
            term_start, term_end = dt.date(year, 1, 1), dt.date(year + length - 1, 12, 31)
            if term_end >= first_day:
                terms.append(
                    (max(term_start, first_day), None if term_start <= today <= term_end else term_end)
                )
            year += length
        return terms

    def fill_terms(self, forum, role, pool, count, terms, *, keep=0.5, resign=0.08, prefer_pool=None):
        """Seats of one role over the terms: many are re-elected, some resign and are replaced."""
        holders: list[User | None] = [None] * count
        for term_start, term_end in terms:
            for index in range(count):
                previous = holders[index]
                prefer = [previous] if previous is not None and self.rng.random() < keep else []
                if prefer_pool:
                    prefer += [u for u in prefer_pool(term_start) if self.rng.random() < 0.5]
                user = self.pick(pool, forum, term_start, term_end, prefer)
                if user is None:
                    continue
                holders[index] = user
                last_day = term_end or self.ctx.today
                leaves = term_start + dt.timedelta(days=self.rng.randint(90, 700))
                if self.rng.random() < resign and leaves < last_day and leaves < self.ctx.today:
                    self.seat(user, forum, role, term_start, leaves)
                    substitute = self.pick(pool, forum, leaves + dt.timedelta(days=1), term_end)
                    if substitute is not None:
                        self.seat(substitute, forum, role, leaves + dt.timedelta(days=1), term_end)
                        holders[index] = substitute
                else:
                    self.seat(user, forum, role, term_start, term_end)

    def tenures(self, forum, role, pool, start: dt.date, end: dt.date | None, years=(2, 6)):
        """A staff seat held a few years at a time, from `start` until `end` (or until further notice)."""
        day = start
        while day <= self.ctx.today and (end is None or day <= end):
            length = dt.timedelta(days=365 * self.rng.randint(*years) + self.rng.randint(-60, 60))
            last = day + length
            if end is not None and last >= end or last >= self.ctx.today:
                last = end
            user = self.pick(pool, forum, day, last)
            if user is not None:
                self.seat(user, forum, role, day, last)
            if last is None:
                return
            day = last + dt.timedelta(days=1)


def plan_seats(ctx: Context) -> None:
    planner = SeatPlanner(ctx)
    people = ctx.people
    start = ctx.first_day
    rep_first = ctx.years[0] if ctx.years[0] % 2 == 1 else ctx.years[0] - 1
    political_first = ctx.years[0] - (ctx.years[0] - 3) % 4
    reps_of = {slug: [u for u in people["rep"] if ctx.minority_of[u.pk] == slug] for slug in ctx.minorities}

    for slug, forum in ctx.dialogues.items():
        terms = planner.terms(2, rep_first)
        if slug == "romer":
            # The Roma council is elected for two years at a time: its current term has an end date.
            terms = [(s, e if e is not None else dt.date(s.year + 1, 12, 31)) for s, e in terms]
        planner.fill_terms(forum, ForumRole.REPRESENTATIVE, reps_of[slug], 7, terms, keep=0.45)
        planner.fill_terms(forum, ForumRole.SUBSTITUTE, reps_of[slug], 4, terms, keep=0.35)
        for _ in range(3):
            planner.tenures(forum, ForumRole.ADMIN_CONTACT, people["admin"], start, None)
        role = ForumRole.PROCESS_LEADER if slug == "romer" else ForumRole.COORDINATOR
        planner.tenures(forum, role, people["coordinator"], start, None, years=(3, 7))

    samrad = ctx.consultation
    political = planner.terms(4, political_first)
    planner.fill_terms(samrad, ForumRole.CHAIR, people["politician"], 1, political, keep=0.5, resign=0.05)
    planner.fill_terms(
        samrad, ForumRole.POLITICIAN, people["politician"], 5, political, keep=0.5, resign=0.05
    )
    for slug in ctx.minorities:
        # The minorities' seats in the consultation group go to people who sit in their dialogue group.
        def in_dialogue(day, slug=slug):
            return [s.user for s in ctx.members_on(ctx.dialogues[slug], day, (ForumRole.REPRESENTATIVE,))]

        planner.fill_terms(
            samrad,
            ForumRole.REPRESENTATIVE,
            reps_of[slug],
            2,
            planner.terms(2, rep_first),
            keep=0.6,
            prefer_pool=in_dialogue,
        )
    ksf = ctx.admin_by_department.get("KSF") or people["admin"]
    planner.tenures(samrad, ForumRole.CONVENOR, ksf, start, None, years=(3, 6))
    for _ in range(2):
        planner.tenures(samrad, ForumRole.ADMIN_CONTACT, people["admin"], start, None)
    planner.tenures(samrad, ForumRole.COORDINATOR, people["coordinator"], start, None, years=(3, 7))

    rng = ctx.rng("working-group-seats")
    for forum in ctx.working_groups:
        mandate = ctx.mandates[forum.pk]
        begin, end = mandate.starts_on, mandate.closed_on or mandate.ends_on
        code = ctx.working_group_department[forum.pk]
        convenors = ctx.admin_by_department.get(code) or people["admin"]
        planner.tenures(forum, ForumRole.CONVENOR, convenors, begin, end, years=(5, 5))
        for _ in range(2):
            planner.tenures(forum, ForumRole.ADMIN_CONTACT, people["admin"], begin, end, years=(5, 5))
        for _ in range(3):
            pool = reps_of[rng.choice(list(ctx.minorities))]
            planner.tenures(forum, ForumRole.REPRESENTATIVE, pool, begin, end, years=(5, 5))
        planner.tenures(forum, ForumRole.COORDINATOR, people["coordinator"], begin, end, years=(5, 5))


def save_seats(ctx: Context) -> None:
    """Memberships from the seats, and each person's portal role."""
    rng = ctx.rng("nominations")
    rows = []
    for seat in ctx.seats:
        nominated = ""
        if seat.role in (ForumRole.REPRESENTATIVE, ForumRole.SUBSTITUTE):
            slug = ctx.minority_of.get(seat.user.pk)
            nominated = rng.choice(MINORITY_WORDS[slug]["associations"]) if slug else ""
        rows.append(
            Membership(
                user=seat.user,
                forum=seat.forum,
                role=seat.role,
                starts_on=seat.starts_on,
                ends_on=seat.ends_on,
                nominated_by=nominated,
            )
        )
    Membership.objects.bulk_create(rows, batch_size=BATCH)
    ctx.counts["memberships"] = len(rows)
    # Staff and politicians keep their role whether they sit in a forum today or not; a representative
    # who never held a seat is a resident who signed up.
    seated = {seat.user.pk for seat in ctx.seats}
    roles = {"admin": Role.ADMIN_CONTACT, "politician": Role.POLITICIAN, "coordinator": Role.COORDINATOR}
    for kind, users in ctx.people.items():
        for user in users:
            if kind in roles:
                user.role = roles[kind]
            elif kind == "rep" and user.pk in seated:
                user.role = Role.REPRESENTATIVE
    for role in Role:
        pks = [u.pk for users in ctx.people.values() for u in users if u.role == role]
        if pks and role != Role.RESIDENT:
            User.objects.filter(pk__in=pks).update(role=role)
