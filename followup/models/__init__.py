"""The yearly wheel (årssnurra): cycles with four phases, goals, and the actions that are followed up.

One module per aggregate; `from followup.models import X` is the way in. The modules are imported in
the order the models were declared when they shared one file, which the app registry keeps.
"""

# isort: off
from .wheel import PHASE_DESCRIPTIONS, Cycle, CycleQuerySet, Phase, PhaseKind, current_among
from .goals import Goal, GoalKind, Theme
from .actions import (
    FINISHED_STATUSES,
    Action,
    ActionQuerySet,
    ActionStatus,
    ProgressUpdate,
    StaleReminder,
    overdue_condition,
    sees_whole_register,
)
from .comments import ActionComment
from .indicators import Indicator, IndicatorValue
from .grants import GrantCategory, GrantUse, StateGrant

# isort: on

__all__ = [
    "FINISHED_STATUSES",
    "PHASE_DESCRIPTIONS",
    "Action",
    "ActionComment",
    "ActionQuerySet",
    "ActionStatus",
    "Cycle",
    "CycleQuerySet",
    "Goal",
    "GoalKind",
    "GrantCategory",
    "GrantUse",
    "Indicator",
    "IndicatorValue",
    "Phase",
    "PhaseKind",
    "ProgressUpdate",
    "StaleReminder",
    "StateGrant",
    "Theme",
    "current_among",
    "overdue_condition",
    "sees_whole_register",
]
