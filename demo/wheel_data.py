"""The yearly wheel's demo data, read from demo/data/followup/*.toml into the specs demo/followup.py builds from.

The files are data, not code: the municipality's goals, actions, indicators and grant uses, in Swedish,
Finnish and English, keyed on natural keys so that building twice changes nothing.
"""

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from followup.models import GoalKind

# sv, fi, en
Text = tuple[str, str, str]
# (cycle offset, month, day): 0 is the current year, -1 the year before, 1 the year after.
Day = tuple[int, int, int]

ALL = ("judar", "romer", "samer", "sverigefinnar", "tornedalingar")


@dataclass(frozen=True)
class DemoGoal:
    code: str
    title: Text
    description: Text
    themes: tuple[str, ...]
    minorities: tuple[str, ...] = ALL
    kind: str = GoalKind.PROGRAMME
    adopted_on: dt.date = dt.date(2020, 1, 1)


@dataclass(frozen=True)
class Update:
    on: Day
    status: str
    progress: int
    text: str


@dataclass(frozen=True)
class DemoAction:
    # None for the political debate, which is named after the year's election (see _debate_title).
    title: Text | None
    description: Text
    department: str
    responsible: str
    starts: Day
    due: Day
    goals: tuple[str, ...]
    minorities: tuple[str, ...]
    public: bool
    updates: tuple[Update, ...]
    # -1 for the previous cycle; a carried-over action is in the current one and started in the one before.
    cycle: int = 0
    carried_over: bool = False
    collaborating: tuple[str, ...] = ()
    # The golden thread, by natural key: (forum slug, title).
    origin_proposal: tuple[str, str] | None = None
    origin_agenda_item: tuple[str, str] | None = None
    origin_commitment: tuple[str, str] | None = None
    # The day the dates above assume the origin proposal was discussed; they move with it.
    follows_proposal_on: Day | None = None


@dataclass(frozen=True)
class DemoIndicator:
    name: Text
    description: Text
    unit: Text
    baseline: str
    baseline_on: Day
    target: str
    target_on: Day
    goals: tuple[str, ...]
    minorities: tuple[str, ...]
    recorded_by: str
    # (day, value, note); or, for a monthly series, the first month's value and a step per month.
    values: tuple[tuple[Day, str, str], ...] = ()
    monthly: tuple[str, str] | None = None


DATA = Path(__file__).parent / "data" / "followup"


def _tuples(value):
    """A TOML array as the tuple a spec holds, all the way down."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def _read(name: str) -> dict:
    with open(DATA / name, "rb") as file:
        return tomllib.load(file)


def _spec(cls, row: dict, **nested):
    return cls(**{key: nested[key](value) if key in nested else _tuples(value) for key, value in row.items()})


def _updates(rows: list[dict]) -> tuple[Update, ...]:
    return tuple(_spec(Update, row) for row in rows)


_GOALS_FILE, _GRANTS_FILE = _read("goals.toml"), _read("grants.toml")
THEMES = [(row["slug"], *row["name"]) for row in _GOALS_FILE["theme"]]
GOALS = [_spec(DemoGoal, row) for row in _GOALS_FILE["goal"]]
# The previous cycle's actions first, then the current one's (cycle = -1 or 0 in the file); the political
# debate has no title in the file and one without updates has no [[action.updates]].
ACTIONS = [
    _spec(DemoAction, {"title": None, "updates": [], **row}, updates=_updates)
    for row in _read("actions.toml")["action"]
]
INDICATORS = [_spec(DemoIndicator, row) for row in _read("indicators.toml")["indicator"]]
GRANT_CATEGORIES = [tuple(row["name"]) for row in _GRANTS_FILE["category"]]
GRANTS = [(row["year"], row["amount"], row["note"]) for row in _GRANTS_FILE["grant"]]
GRANT_USES = [
    (row["year"], row["category"], row["amount"], row["description"], tuple(row["actions"]))
    for row in _GRANTS_FILE["use"]
]
