"""The forms of the follow-up, by concern; `from followup.forms import X` is the way in."""

from .actions import LANGUAGE_NOTE, ActionForm, ContactChoiceField, ProgressUpdateForm, contact_choices
from .filters import (
    ActionFilters,
    DashboardFilterForm,
    DepartmentChoiceForm,
    LoadedChoiceIterator,
    LoadedModelChoiceField,
    RegisterFilterForm,
)
from .grants import GrantUseForm, StateGrantForm
from .plan import CycleForm, GoalForm, IndicatorForm, IndicatorValueForm

__all__ = [
    "LANGUAGE_NOTE",
    "ActionFilters",
    "ActionForm",
    "ContactChoiceField",
    "CycleForm",
    "DashboardFilterForm",
    "DepartmentChoiceForm",
    "GoalForm",
    "GrantUseForm",
    "IndicatorForm",
    "IndicatorValueForm",
    "LoadedChoiceIterator",
    "LoadedModelChoiceField",
    "ProgressUpdateForm",
    "RegisterFilterForm",
    "StateGrantForm",
    "contact_choices",
]
