"""Filter forms of the register and the dashboard, with choices from objects the view has already loaded."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import form_field
from core.models import Department, NationalMinority

from ..models import ActionStatus, Cycle, Goal


class LoadedChoiceIterator(forms.models.ModelChoiceIterator):
    """The options from objects the view has already loaded (`field.loaded`), else from the queryset."""

    def __iter__(self):
        loaded = getattr(self.field, "loaded", None)
        if loaded is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in loaded:
            yield self.choice(obj)

    def __len__(self) -> int:
        loaded = getattr(self.field, "loaded", None)
        if loaded is None:
            return super().__len__()
        return len(loaded) + (self.field.empty_label is not None)


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A model choice that offers and checks against objects loaded once for the whole page."""

    iterator = LoadedChoiceIterator
    loaded: list | None = None

    def to_python(self, value):
        if self.loaded is None or value in self.empty_values:
            return super().to_python(value)
        for obj in self.loaded:
            if str(obj.pk) == str(value):
                return obj
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ActionFilters(forms.Form):
    """The goal, minority and department filters the register and the dashboard share.

    A view that has loaded the goals, minorities and departments passes them as `loaded`, so the
    form neither queries them again for its options nor to check a choice.
    """

    def __init__(self, *args, loaded: dict[str, list] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, objects in (loaded or {}).items():
            form_field(self, name, LoadedModelChoiceField).loaded = objects

    goal = LoadedModelChoiceField(
        label=_("Goal"),
        required=False,
        queryset=Goal.objects.order_by("code", "pk"),
        empty_label=_("All goals"),
    )
    minority = LoadedModelChoiceField(
        label=_("National minority"),
        required=False,
        queryset=NationalMinority.objects.all(),
        empty_label=_("All"),
    )
    department = LoadedModelChoiceField(
        label=_("Department"),
        required=False,
        queryset=Department.objects.all(),
        empty_label=_("All departments"),
    )


class RegisterFilterForm(ActionFilters):
    """The action register's filters, read from GET; every field may be left out."""

    ALL_CYCLES = "all"

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    cycle = forms.ChoiceField(label=_("Cycle"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ActionStatus.choices]
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    field_order = ["q", "cycle", "status", "goal", "minority", "department", "overdue"]

    def __init__(self, *args, cycles: list[Cycle], **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "cycle", forms.ChoiceField).choices = [
            (str(c.year), str(c.year)) for c in cycles
        ] + [(self.ALL_CYCLES, _("All cycles"))]


class DashboardFilterForm(ActionFilters):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    field_order = ["year", "minority", "department", "goal"]

    def __init__(self, *args, cycles: list[Cycle], **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "year", forms.ChoiceField).choices = [(c.year, str(c.year)) for c in cycles]


class DepartmentChoiceForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False, empty_label=None
    )
