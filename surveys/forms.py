"""A questionnaire and its questions (a formset), and the form its audience answers."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, content_language_field, form_field
from core.models import Forum

from .models import SCALE, QuestionKind, Questionnaire, SurveyQuestion


class QuestionnaireForm(forms.ModelForm):
    language = content_language_field()

    class Meta:
        model = Questionnaire
        fields = ["title", "introduction", "language", "forum", "deadline", "anonymous", "min_answers"]
        widgets = {"deadline": DateInput(), "introduction": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "forum", forms.ModelChoiceField).queryset = Forum.objects.order_by("tier", "name")

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The last day for answers cannot have passed."))
        return deadline


class SurveyQuestionForm(forms.ModelForm):
    """One question of the formset; each field's label names its question, so that no two fields of the page
    share a name in a screen reader's list."""

    class Meta:
        model = SurveyQuestion
        fields = ["text", "kind", "choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        number = {"number": int((self.prefix or "-0").rsplit("-", 1)[-1]) + 1}
        self.fields["text"].label = _("Wording of question %(number)s") % number
        self.fields["kind"].label = _("Kind of question %(number)s") % number
        self.fields["choices"].label = _("Choices for question %(number)s") % number
        self.fields["required"].label = _("Question %(number)s must be answered") % number
        if "DELETE" in self.fields:
            self.fields["DELETE"].label = _("Remove question %(number)s") % number

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        choices = [line for line in (data.get("choices") or "").splitlines() if line.strip()]
        if data.get("kind") == QuestionKind.CHOICE and len(choices) < 2 and not data.get("DELETE"):
            self.add_error("choices", _("A question with choices needs at least two, one per line."))
        return data


QuestionFormSet = inlineformset_factory(
    Questionnaire, SurveyQuestion, form=SurveyQuestionForm, extra=3, can_delete=True
)


class AnswerForm(forms.Form):
    """One field per question: a scale or a choice as radio buttons, free text as a text area."""

    def __init__(self, *args, questionnaire: Questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questionnaire.questions.all())
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.TEXT:
                field: forms.Field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
                )
            else:
                options = (
                    [(str(n), str(n)) for n in SCALE]
                    if question.kind == QuestionKind.SCALE
                    else [(choice, choice) for choice in question.choice_list]
                )
                field = forms.ChoiceField(choices=options, widget=forms.RadioSelect)
                if question.kind == QuestionKind.SCALE:
                    field.help_text = _("1 is the lowest, 5 the highest.")
            field.label = question.text
            field.required = question.required
            self.fields[name] = field

    def values(self) -> dict[int, str]:
        return {q.pk: (self.cleaned_data.get(f"q{q.pk}") or "").strip() for q in self.questions}
