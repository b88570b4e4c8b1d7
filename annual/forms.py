"""The forms of the yearly follow-up: the texts beside each question's figures, and a question itself."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, content_language_field
from core.templatetags.content_language import translated_value

from .models import FollowUpQuestion, YearlyFollowUp


class AnswersForm(forms.Form):
    """One text and its language per question, and the due date: saved together (services.save_answers)."""

    due_on = forms.DateField(
        label=_("Due"),
        widget=DateInput,
        help_text=_(
            "When the follow-up must be approved, before the county administrative board's April report."
        ),
    )

    def __init__(self, *args, follow_up: YearlyFollowUp, questions: list[FollowUpQuestion], **kwargs):
        answers = {a.question_id: a for a in follow_up.answers.all()}
        initial = {**kwargs.pop("initial", {}), "due_on": follow_up.due_on}
        self.questions = questions
        for question in questions:
            answer = answers.get(question.pk)
            if answer is not None:
                initial[f"answer_{question.pk}"] = answer.text
                initial[f"language_{question.pk}"] = answer.language
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            guidance, _guidance_language = translated_value(question, "guidance")
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                # The question itself is the legend of its group (annual/answers_form.html).
                label=_("Answer to question %(number)s") % {"number": number},
                required=False,
                max_length=20_000,
                help_text=guidance,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields[f"language_{question.pk}"] = content_language_field()

    def answers(self) -> dict[int, tuple[str, str]]:
        return {
            q.pk: (self.cleaned_data[f"answer_{q.pk}"].strip(), self.cleaned_data[f"language_{q.pk}"])
            for q in self.questions
        }


TEXTS = {
    "question": (_("Question in Swedish"), _("Question in Finnish"), _("Question in English")),
    "guidance": (_("Guidance in Swedish"), _("Guidance in Finnish"), _("Guidance in English")),
}
CODES = ("sv", "fi", "en")


class QuestionForm(forms.ModelForm):
    """A question of the yearly follow-up, as configuration: its wording in sv, fi and en, and its figures."""

    class Meta:
        model = FollowUpQuestion
        fields = [
            *(f"{name}_{code}" for name in TEXTS for code in CODES),
            "code",
            "position",
            "figures",
            "is_active",
        ]
        labels = {
            f"{name}_{code}": label
            for name, labels in TEXTS.items()
            for code, label in zip(CODES, labels, strict=True)
        }
        widgets = {
            **{f"question_{code}": forms.TextInput(attrs={"lang": code}) for code in CODES},
            **{f"guidance_{code}": forms.Textarea(attrs={"rows": 3, "lang": code}) for code in CODES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question_sv"].required = True
