from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, TranslationsMixin, content_language_field, writer_language
from core.models import Department, Meeting, Role, User

from .models import Commitment, CommitmentStatus
from .services import responsible_outside_message


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} ({obj.department.code})" if obj.department else obj.full_name


class CommitmentForm(TranslationsMixin, forms.ModelForm):
    """A coordinator lifts an issue from one of the meeting's agenda items to a department."""

    translated_fields = ("title", "description")

    class Meta:
        model = Commitment
        fields = [
            "agenda_item",
            "title",
            "description",
            "language",
            "title_translation",
            "description_translation",
            "department",
            "responsible",
            "due_on",
        ]
        field_classes = {"responsible": ContactChoiceField}
        widgets = {"due_on": DateInput, "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "responsible": _("The administration contact who answers for the department."),
            "due_on": _("When the forum expects the department's answer."),
        }

    language = content_language_field()

    def __init__(self, *args, meeting: Meeting, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("language", writer_language(user))
        self.fields["language"].fallback = writer_language(user)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        self.fields["agenda_item"].empty_label = None
        self.fields["department"].queryset = Department.objects.all()
        self.fields["responsible"].queryset = User.objects.filter(
            is_active=True, role=Role.ADMIN_CONTACT
        ).select_related("department")
        self.add_translation_fields()

    def clean(self):
        data = super().clean()
        responsible, department = data.get("responsible"), data.get("department")
        if responsible is not None and responsible.answers_outside(department):
            self.add_error("responsible", responsible_outside_message(responsible, department))
        return data

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due_on


class AnswerForm(TranslationsMixin, forms.Form):
    translated_fields = ("answer",)
    translation_language_field = "answer_language"

    answer = forms.CharField(
        label=_("The department's answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the department has done or will do. The forum hears it at its next meeting."),
    )
    answer_language = content_language_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translation_fields()


class FilterForm(forms.Form):
    """Filters of the commitment list, sent with GET so that they work without JavaScript."""

    OVERDUE = "overdue"

    ALL, DEPARTMENT, MINE, FORUMS = "all", "department", "mine", "forums"
    SCOPE_LABELS = {
        ALL: _("All commitments"),
        DEPARTMENT: _("My department's"),
        MINE: _("Those I am responsible for"),
        FORUMS: _("From my forums' meetings"),
    }

    # Always one of the role's scopes: the view fills in the first when the address names none.
    scope = forms.ChoiceField(label=_("Show"), widget=forms.RadioSelect)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, show_department: bool = True, scopes: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        scopes = scopes or [self.ALL]
        self.fields["scope"].choices = [(scope, self.SCOPE_LABELS[scope]) for scope in scopes]
        self.fields["scope"].initial = scopes[0]
        if len(scopes) == 1:
            del self.fields["scope"]
        self.fields["status"].choices = [
            ("", _("All")),
            *CommitmentStatus.choices,
            (self.OVERDUE, _("Overdue")),
        ]
        if not show_department:
            del self.fields["department"]
