"""The yearly wheel over ten years: a cycle a year with its phases, about 2 000 actions with some 20 000
progress updates (carried over when unfinished at the year's end), and indicators measured monthly.

The denormalised fields are set as followup.services keeps them: an action takes the status and per cent
of its latest update, `last_update_on` is that update's date, `completed_on` the day it was reported done,
`cancel_reason` the text that cancelled it; an indicator's `latest_value`/`latest_on` are its last value.
"""

import copy
import datetime as dt
from decimal import Decimal

from core.models import MeetingStatus
from dialogues.models import CommitmentStatus
from followup.models import (
    Action,
    ActionStatus,
    Cycle,
    GoalKind,
    Indicator,
    IndicatorValue,
    Phase,
    ProgressUpdate,
)
from followup.services import CYCLE_TITLES, default_phase_dates
from proposals.models import ProposalStatus

from .context import BATCH, Context, at
from .words import (
    ACTION_DESCRIPTION,
    ACTION_OBJECTS_GENERAL,
    ACTION_OBJECTS_MINORITY,
    ACTION_VERBS,
    INDICATORS_GENERAL,
    INDICATORS_MINORITY,
    MINORITY_WORDS,
    UPDATES_CANCELLED,
    UPDATES_DELAYED,
    UPDATES_DONE,
    UPDATES_MIDDLE,
    UPDATES_START,
)

A = ActionStatus
MINORITY_WEIGHTS = {"sverigefinnar": 40, "romer": 15, "samer": 15, "tornedalingar": 15, "judar": 15}
DEPARTMENT_WEIGHTS = {"SÄF": 25, "UBF": 25, "KOF": 20, "KSF": 15, "SBF": 8, "HB": 7}


def words_of(slug: str) -> dict:
    w = MINORITY_WORDS[slug]
    return {
        "lang_sv": w["lang"][0],
        "lang_fi": w["lang"][1],
        "lang_en": w["lang"][2],
        "lang_gen": w["lang_gen"],
        "lang_adv": w["lang_adv"],
        "people_sv": w["people"][0],
        "people_fi": w["people"][1],
        "people_en": w["people"][2],
        "day_sv": w["day"][0],
        "day_fi": w["day"][1],
        "day_en": w["day"][2],
    }


def ensure_cycles(ctx: Context) -> dict[int, Cycle]:
    """A cycle for each of the ten years, with the wheel's four phases; the demo has made the last two."""
    cycles = {c.year: c for c in Cycle.objects.filter(year__in=ctx.years)}
    new = []
    for year in ctx.years:
        if year in cycles:
            continue
        titles = {f"title_{code}": text.format(year=year) for code, text in CYCLE_TITLES.items()}
        new.append(
            Cycle(
                year=year,
                title=titles["title_sv"],
                **titles,
                starts_on=dt.date(year, 1, 1),
                ends_on=dt.date(year, 12, 31),
            )
        )
    Cycle.objects.bulk_create(new, batch_size=BATCH)
    Phase.objects.bulk_create(
        [
            Phase(cycle=cycle, kind=p.kind, starts_on=p.starts_on, ends_on=p.ends_on)
            for cycle in new
            for p in default_phase_dates(cycle.year)
        ],
        batch_size=BATCH,
    )
    cycles.update({c.year: c for c in new})
    ctx.counts["cycles"] = len(cycles)
    return cycles


class ActionBuilder:
    def __init__(self, ctx: Context, cycles: dict[int, Cycle], proposals, commitments):
        self.ctx = ctx
        self.rng = ctx.rng("actions")
        self.cycles = cycles
        self.actions: list[Action] = []
        self.updates: list[ProgressUpdate] = []
        # The action's life for its history rows: (moment, changes, user, reason).
        self.events: dict[int, list] = {}
        self.m2m: dict[int, tuple[list, list, list]] = {}
        self.origins = self.find_origins(proposals, commitments)
        adopted = [g.adopted_on.year for g in ctx.goals.values() if g.adopted_on]
        self.goals_from = min(adopted) if adopted else ctx.year
        self.programme = [g for g in ctx.goals.values() if g.kind == GoalKind.PROGRAMME]
        self.guidelines = [g for g in ctx.goals.values() if g.kind == GoalKind.GUIDELINE]

    def find_origins(self, proposals, commitments) -> dict[str, list]:
        """Resolved proposals, decisions at held meetings and answered commitments, by day."""
        ctx = self.ctx
        origins: dict[str, list] = {"proposal": [], "agenda_item": [], "commitment": []}
        for proposal in proposals:
            if proposal.status == ProposalStatus.RESOLVED and proposal.agenda_item is not None:
                origins["proposal"].append((proposal.status_changed_at.date(), proposal))
        for plan in ctx.plans():
            if plan.existing or plan.meeting.status != MeetingStatus.HELD:
                continue
            for item in plan.topic_items:
                if item.decision:
                    origins["agenda_item"].append((plan.day, item))
        for commitment in commitments:
            if commitment.status != CommitmentStatus.OPEN:
                origins["commitment"].append((commitment.answered_at.date(), commitment))
        for rows in origins.values():
            rows.sort(key=lambda row: (row[0], row[1].pk))
        return origins

    def origin(self, kind: str, year: int):
        """An origin from the autumn before the cycle up to its September."""
        first, last = dt.date(year - 1, 10, 1), dt.date(year, 9, 30)
        rows = [row for row in self.origins[kind] if first <= row[0] <= last]
        return self.rng.choice(rows) if rows else None

    def build(self) -> None:
        ctx, rng = self.ctx, self.rng
        per_year = ctx.scaled(200)
        codes = list(ctx.departments)
        for year in ctx.years:
            for _ in range(per_year):
                roll = rng.random()
                kind = (
                    "proposal"
                    if roll < 0.12
                    else "agenda_item"
                    if roll < 0.2
                    else "commitment"
                    if roll < 0.28
                    else None
                )
                origin = self.origin(kind, year) if kind else None
                if origin is not None:
                    created_on = origin[0] + dt.timedelta(days=rng.randint(7, 40))
                elif rng.random() < 0.75:
                    # Most actions are planned in the agenda phase.
                    created_on = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(5, 110))
                else:
                    created_on = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
                created_on = max(created_on, dt.date(year, 1, 1))
                if created_on > ctx.today:
                    continue  # not planned yet
                code = rng.choices(codes, [DEPARTMENT_WEIGHTS.get(c, 5) for c in codes])[0]
                self.one(year, created_on, code, kind, origin[1] if origin else None)
        ctx.counts["actions"] = len(self.actions)

    def one(self, year: int, created_on: dt.date, code: str, kind, origin) -> None:
        ctx, rng, today = self.ctx, self.rng, self.ctx.today
        slugs = list(ctx.minorities)
        if rng.random() < 0.7:
            slug = rng.choices(slugs, [MINORITY_WEIGHTS.get(s, 10) for s in slugs])[0]
            obj = [part.format(**words_of(slug)) for part in rng.choice(ACTION_OBJECTS_MINORITY)]
            minorities = [slug] + ([rng.choice(slugs)] if rng.random() < 0.2 else [])
        else:
            slug = None
            obj = list(rng.choice(ACTION_OBJECTS_GENERAL))
            minorities = rng.sample(slugs, k=rng.randint(1, len(slugs)))
        verb = rng.choice(ACTION_VERBS)
        titles = [v.format(o=o) for v, o in zip(verb, obj, strict=True)]
        if rng.random() < 0.3:
            titles = [f"{t} {year}" for t in titles]
        descriptions = [d.format(title=t) for d, t in zip(ACTION_DESCRIPTION, titles, strict=True)]
        responsible = rng.choice(ctx.admin_by_department[code])
        starts_on = created_on + dt.timedelta(days=rng.randint(0, 30))
        if year == ctx.year and rng.random() < 0.08:
            # Planned lately, to start in the coming months.
            created_on = max(dt.date(year, 1, 1), today - dt.timedelta(days=rng.randint(0, 60)))
            starts_on = today + dt.timedelta(days=rng.randint(7, 90))
        duration = rng.randint(60, 240)
        due_on = starts_on + dt.timedelta(days=duration)
        if rng.random() < 0.85 and starts_on.year == year:
            # Most actions are to be done within the year of their cycle.
            due_on = max(min(due_on, dt.date(year, 12, 15)), starts_on + dt.timedelta(days=30))
        duration = (due_on - starts_on).days

        fate = rng.choices(["done", "cancelled", "stale", "open"], [80, 8, 4, 8])[0]
        if fate == "stale" and year < ctx.year - 1:
            fate = "cancelled"  # an action forgotten long ago was cancelled at a later follow-up
        if fate == "done":
            end = due_on + dt.timedelta(days=0 if rng.random() < 0.7 else rng.randint(15, 120))
        elif fate == "cancelled":
            end = starts_on + dt.timedelta(days=rng.randint(30, duration + 60))
        elif fate == "stale":
            end = starts_on + dt.timedelta(days=rng.randint(30, duration))
        else:
            # A long-running action, done in a later cycle.
            end = due_on + dt.timedelta(days=rng.randint(120, 400))
        span = max(1, (end - starts_on).days)

        updates = []
        day = starts_on + dt.timedelta(days=rng.randint(7, 30))
        progress = 0
        lang = MINORITY_WORDS[slug]["lang"][0] if slug else "svenska"
        while day < end and day <= today:
            share = (day - starts_on).days / span * (0.9 if fate == "open" else 1.0)
            progress = max(progress, min(95, int(share * 100 * rng.uniform(0.8, 1.0)) // 5 * 5))
            late = day > due_on or rng.random() < 0.05
            if not updates:
                text = rng.choice(UPDATES_START)
            elif late and (not updates or updates[-1][1] != A.DELAYED or rng.random() < 0.4):
                text = rng.choice(UPDATES_DELAYED)
            else:
                text = rng.choice(UPDATES_MIDDLE).format(n=rng.randint(8, 60), lang=lang)
            updates.append((day, A.DELAYED if late else A.ONGOING, progress, text))
            day += dt.timedelta(days=rng.randint(10, 26))
        if fate in ("done", "open", "cancelled") and end <= today:
            if fate != "cancelled":
                updates.append((end, A.DONE, 100, rng.choice(UPDATES_DONE).format(n=rng.randint(12, 150))))
            else:
                updates.append((end, A.CANCELLED, progress, rng.choice(UPDATES_CANCELLED)))
        finished_on = end if fate != "stale" and end <= today else None

        # Unfinished at the year's end: most are carried over to the next cycle, some are left behind.
        cycle_year = year
        carried = []
        while cycle_year < ctx.year:
            if finished_on is not None and finished_on <= dt.date(cycle_year, 12, 31):
                break
            if rng.random() >= (0.5 if fate == "stale" else 0.9):
                break
            cycle_year += 1
            carried.append(cycle_year)

        last = updates[-1] if updates else None
        status = last[1] if last else A.PLANNED
        action = Action(
            cycle=self.cycles[cycle_year],
            first_cycle=self.cycles[year] if carried else None,
            title=titles[0],
            title_sv=titles[0],
            title_fi=titles[1],
            title_en=titles[2],
            description=descriptions[0],
            description_sv=descriptions[0],
            description_fi=descriptions[1],
            description_en=descriptions[2],
            department=ctx.departments[code],
            responsible=responsible,
            starts_on=starts_on,
            due_on=due_on,
            status=status,
            progress=last[2] if last else 0,
            is_public=rng.random() < 0.45,
            cancel_reason=last[3] if status == A.CANCELLED else "",
            completed_on=last[0] if status == A.DONE else None,
            last_update_on=last[0] if last else None,
            created_at=at(created_on, 9, rng.randint(0, 59)),
        )
        if kind == "proposal":
            action.origin_proposal = origin
        elif kind == "agenda_item":
            action.origin_agenda_item = origin
        elif kind == "commitment":
            action.origin_commitment = origin
        self.actions.append(action)
        for written_on, state, percent, text in updates:
            self.updates.append(
                ProgressUpdate(
                    action=action,
                    author=responsible,
                    written_on=written_on,
                    text=text,
                    status=state,
                    progress=percent,
                    created_at=at(written_on, 15, rng.randint(0, 59)),
                )
            )
        goals = []
        if year >= self.goals_from and self.programme:
            goals = rng.sample(self.programme, k=min(len(self.programme), rng.randint(1, 2)))
            guidelines = [g for g in self.guidelines if g.code != "R3" or slug == "sverigefinnar"]
            if guidelines and rng.random() < 0.4:
                goals.append(rng.choice(guidelines))
        others = [c for c in ctx.departments if c != code]
        collaborating = rng.sample(others, k=rng.choice([0, 0, 0, 1, 1, 2]))
        self.m2m[id(action)] = (goals, sorted(set(minorities)), collaborating)
        # History: created, each change of status, each carry-over, and the last update (not every per cent).
        cycle = self.cycles[year]
        current = {"status": A.PLANNED, "progress": 0, "cycle": cycle}
        events = [(action.created_at, dict(current), "")]
        pending = list(carried)

        def carry_until(day: dt.date | None) -> None:
            while pending and (day is None or dt.date(pending[0], 1, 1) <= day):
                current["cycle"] = self.cycles[pending.pop(0)]
                moment = at(dt.date(current["cycle"].year, 1, 15), 10)
                events.append((moment, dict(current), "carried over"))

        for number, (written_on, state, percent, _text) in enumerate(updates, start=1):
            carry_until(written_on)
            changed = state != current["status"]
            current.update(status=state, progress=percent)
            if changed or number == len(updates):
                events.append((at(written_on, 15), dict(current), ""))
        carry_until(None)
        self.events[id(action)] = events

    def save(self) -> list[Action]:
        Action.objects.bulk_create(self.actions, batch_size=BATCH)
        ProgressUpdate.objects.bulk_create(self.updates, batch_size=BATCH)
        goals, minorities, departments = [], [], []
        GoalThrough = Action.goals.through
        MinorityThrough = Action.minorities.through
        DepartmentThrough = Action.collaborating_departments.through
        for action in self.actions:
            action_goals, slugs, codes = self.m2m[id(action)]
            goals += [GoalThrough(action_id=action.pk, goal_id=g.pk) for g in action_goals]
            minorities += [
                MinorityThrough(action_id=action.pk, nationalminority_id=self.ctx.minorities[s].pk)
                for s in slugs
            ]
            departments += [
                DepartmentThrough(action_id=action.pk, department_id=self.ctx.departments[c].pk)
                for c in codes
            ]
        GoalThrough.objects.bulk_create(goals, batch_size=BATCH)
        MinorityThrough.objects.bulk_create(minorities, batch_size=BATCH)
        DepartmentThrough.objects.bulk_create(departments, batch_size=BATCH)
        self.ctx.counts["progress updates"] = len(self.updates)
        return self.actions

    def history(self) -> list[tuple[bool, Action]]:
        """Copies of each action as it was after each change, for its history rows."""
        rows = []
        for action in self.actions:
            for index, (moment, changes, reason) in enumerate(self.events[id(action)]):
                state = copy.copy(action)
                state.cycle_id = changes["cycle"].pk
                state.status, state.progress = changes["status"], changes["progress"]
                state._history_date = moment
                state._history_user = self.ctx.demo_coordinator if index == 0 else action.responsible
                state._change_reason = reason
                rows.append((index == 0, state))
        return rows


def build_indicators(ctx: Context) -> list[Indicator]:
    """Indicators with a value at the end of every month of the ten years (the demo has five of its own)."""
    rng = ctx.rng("indicators")
    specs = [
        (names, unit, kind, slug) for slug in ctx.minorities for names, unit, kind in INDICATORS_MINORITY
    ]
    specs += [(names, unit, kind, None) for names, unit, kind in INDICATORS_GENERAL]
    rng.shuffle(specs)
    specs = specs[: min(len(specs), ctx.scaled(45))]
    months = []
    year, month = ctx.years[0], 1
    while True:
        after = dt.date(year + (month == 12), month % 12 + 1, 1)
        end = after - dt.timedelta(days=1)
        if end > ctx.today:
            break
        months.append(end)
        year, month = after.year, after.month
    indicators, values, m2m = [], [], []
    goals = list(ctx.goals.values())
    for names, unit, kind, slug in specs:
        words = words_of(slug) if slug else {}
        names = [n.format(**words) for n in names]
        if kind == "share":
            base = rng.uniform(5, 40)
            target = min(95.0, base + rng.uniform(15, 40))
        elif kind == "down":
            base = rng.uniform(30, 90)
            target = base * rng.uniform(0.4, 0.7)
        else:
            base = float(rng.randint(5, 200))
            target = base * rng.uniform(1.3, 2.5)
        recorder = rng.choice(ctx.people["admin"])
        series = []
        curve = rng.uniform(0.7, 1.4)
        for index, day in enumerate(months):
            share = (index / max(1, len(months) - 1)) ** curve * rng.uniform(0.75, 0.95)
            value = base + (target - base) * share + rng.gauss(0, abs(target - base) * 0.03)
            value = Decimal(str(round(value, 1))) if kind != "count" else Decimal(max(0, round(value)))
            series.append((day, value))
        baseline = series[0][1] if series else Decimal(round(base))
        indicator = Indicator(
            name=names[0],
            name_sv=names[0],
            name_fi=names[1],
            name_en=names[2],
            description=f"{names[0]}, mätt vid varje månads slut.",
            description_sv=f"{names[0]}, mätt vid varje månads slut.",
            description_fi=f"{names[1]}, mitattu jokaisen kuukauden lopussa.",
            description_en=f"{names[2]}, measured at the end of every month.",
            unit=unit[0],
            unit_sv=unit[0],
            unit_fi=unit[1],
            unit_en=unit[2],
            baseline=baseline,
            baseline_on=ctx.first_day,
            target=Decimal(str(round(target, 1 if kind != "count" else 0))),
            target_on=dt.date(ctx.year + rng.randint(0, 2), 12, 31),
            latest_value=series[-1][1] if series else None,
            latest_on=series[-1][0] if series else None,
        )
        indicators.append(indicator)
        for day, value in series:
            note = "Nytt läsår." if day.month == 9 and "lev" in unit[0] else ""
            values.append(
                IndicatorValue(
                    indicator=indicator, measured_on=day, value=value, note=note, recorded_by=recorder
                )
            )
        m2m.append(
            (indicator, rng.sample(goals, k=min(len(goals), rng.randint(1, 2))) if goals else [], slug)
        )
    Indicator.objects.bulk_create(indicators, batch_size=BATCH)
    IndicatorValue.objects.bulk_create(values, batch_size=BATCH)
    GoalThrough = Indicator.goals.through
    MinorityThrough = Indicator.minorities.through
    GoalThrough.objects.bulk_create(
        [GoalThrough(indicator_id=i.pk, goal_id=g.pk) for i, gs, _ in m2m for g in gs], batch_size=BATCH
    )
    MinorityThrough.objects.bulk_create(
        [
            MinorityThrough(indicator_id=i.pk, nationalminority_id=ctx.minorities[s].pk)
            for i, _, s in m2m
            if s
        ],
        batch_size=BATCH,
    )
    ctx.counts["indicators"] = len(indicators)
    ctx.counts["indicator values"] = len(values)
    return indicators
