"""Forms of the proposals: proposing, the coordinator's triage, the proposer's answer, the inbox filters, and
taking part (comments, their moderation, the consultation log)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import DateInput, content_language_field, writer_language
from core.models import Department, Forum, Meeting, MeetingStatus, NationalMinority, User
from core.plumbing.uploads import validate_attachment

from . import participation
from .models import ConsultationRecord, ContentLanguage, Proposal, ProposalStatus


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, at most `max_files` of them; each is checked by what it contains."""

    def __init__(self, *args, max_files: int | None = None, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)
        self.max_files = max_files

    def clean(self, data, initial=None):
        single = super().clean
        items = [item for item in data if item] if isinstance(data, list | tuple) else [data] if data else []
        # Counted before any file is looked at, so that the work of checking them is bounded too.
        if self.max_files is not None and len(items) > self.max_files:
            raise ValidationError(
                _("You chose %(count)s files; at most %(limit)s can be attached."),
                code="too_many_files",
                params={"count": len(items), "limit": self.max_files},
            )
        return [single(item, initial) for item in items]


class ProposalForm(forms.ModelForm):
    """A member proposes an agenda item for one of their forums."""

    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument or images, at most 20 MB each."),
    )

    class Meta:
        model = Proposal
        fields = [
            "forum",
            "title",
            "description",
            "why_it_matters",
            "language",
            "minority",
            "department",
            "affects_children_and_youth",
            "wished_meeting",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "why_it_matters": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _("What should the forum discuss or decide?"),
            "wished_meeting": _("A coming meeting of the chosen forum, if you have one in mind."),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].max_files = settings.PROPOSAL_MAX_ATTACHMENTS
        self.fields["forum"].queryset = Forum.objects.active().of_member(user)
        self.fields["forum"].empty_label = None
        self.fields["language"].choices = ContentLanguage.choices
        self.fields["minority"].queryset = NationalMinority.objects.all()
        self.fields["department"].queryset = Department.objects.all()
        self.fields["department"].help_text = _("The department the proposal concerns, if you know it.")
        meetings = Meeting.objects.upcoming().filter(forum__in=self.fields["forum"].queryset)
        forum_id = self.data.get("forum") if self.is_bound else None
        if forum_id and str(forum_id).isascii() and str(forum_id).isdigit():
            meetings = meetings.filter(forum_id=forum_id)
        self.fields["wished_meeting"].queryset = meetings.exclude(status=MeetingStatus.HELD).order_by(
            "starts_at"
        )
        self.fields["wished_meeting"].label_from_instance = lambda m: f"{m.title} ({m.starts_at:%Y-%m-%d})"

    def clean_attachments(self) -> list[tuple]:
        checked = []
        for upload in self.cleaned_data.get("attachments") or []:
            try:
                checked.append((upload, validate_attachment(upload)))
            except ValidationError as error:
                raise ValidationError(
                    _("“%(name)s”: %(problem)s") % {"name": upload.name, "problem": " ".join(error.messages)},
                    code=getattr(error, "code", None),
                ) from error
        return checked

    def clean(self):
        cleaned = super().clean()
        forum, meeting = cleaned.get("forum"), cleaned.get("wished_meeting")
        if forum and meeting and meeting.forum_id != forum.pk:
            self.add_error("wished_meeting", _("Choose a coming meeting of the chosen forum."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to everyone who follows the proposal."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the proposal declined?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to everyone who follows the proposal."),
    )


class PlaceForm(ReasonForm):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())

    field_order = ["meeting", "reason"]

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(forum_id=proposal.forum_id)
            .upcoming()
            .exclude(status=MeetingStatus.HELD)
            .order_by("starts_at")
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.title} ({m.starts_at:%Y-%m-%d})"


class DeferForm(ReasonForm):
    to_meeting = forms.ModelChoiceField(
        label=_("Deferred to meeting"), queryset=Meeting.objects.none(), required=False
    )
    until = forms.DateField(label=_("Deferred until"), required=False, widget=DateInput())

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_meeting"].queryset = (
            Meeting.objects.filter(forum_id=proposal.forum_id).upcoming().order_by("starts_at")
        )
        self.fields["to_meeting"].label_from_instance = lambda m: f"{m.title} ({m.starts_at:%Y-%m-%d})"


class MergeForm(ReasonForm):
    survivor = forms.ModelChoiceField(label=_("Merge into"), queryset=Proposal.objects.none())

    field_order = ["survivor", "reason"]

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = (
            Proposal.objects.filter(forum_id=proposal.forum_id)
            .exclude(pk=proposal.pk)
            .exclude(status__in=[ProposalStatus.MERGED, ProposalStatus.DECLINED])
            .order_by("-created_at")
        )


class TriageForm(forms.Form):
    """The coordinator's one decision on a proposal: what to do, what that decision needs, one reason.

    The choices are the moves the proposal may make now; the view dispatches to the service of the
    chosen one. A decline needs a reason (the proposer is always told why).
    """

    CONSIDER, PLACE, RESOLVE, DEFER, MERGE, DECLINE = (
        "consider",
        "place",
        "resolve",
        "defer",
        "merge",
        "decline",
    )
    # Each decision, the status it leads to, its label, and the fields shown with it.
    DECISIONS = [
        (CONSIDER, ProposalStatus.UNDER_CONSIDERATION, _("Take up for consideration"), []),
        (PLACE, ProposalStatus.PLACED, _("Place on the agenda"), ["meeting"]),
        (RESOLVE, ProposalStatus.RESOLVED, _("Mark resolved"), []),
        (DEFER, ProposalStatus.DEFERRED, _("Defer"), ["to_meeting", "until"]),
        (MERGE, ProposalStatus.MERGED, _("Merge into another proposal"), ["survivor"]),
        (DECLINE, ProposalStatus.DECLINED, _("Decline"), []),
    ]
    use_required_attribute = False  # the fields of the decisions not chosen stay empty

    decision = forms.ChoiceField(label=_("Your decision"), widget=forms.RadioSelect)
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        error_messages={"required": _("Choose the meeting to place the proposal on.")},
    )
    to_meeting = forms.ModelChoiceField(
        label=_("Deferred to meeting"), queryset=Meeting.objects.none(), required=False
    )
    until = forms.DateField(label=_("Deferred until"), required=False, widget=DateInput())
    survivor = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Proposal.objects.none(),
        error_messages={"required": _("Choose the proposal to merge into.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to everyone who follows the proposal. Needed when you decline."),
    )

    def __init__(self, *args, proposal: Proposal, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.decisions = [d for d in self.DECISIONS if d[1] in targets]
        self.fields["decision"].choices = [
            (value, label) for value, _status, label, _fields in self.decisions
        ]
        upcoming = Meeting.objects.filter(forum_id=proposal.forum_id).upcoming().order_by("starts_at")
        self.fields["meeting"].queryset = upcoming.exclude(status=MeetingStatus.HELD)
        self.fields["to_meeting"].queryset = upcoming
        self.fields["survivor"].queryset = (
            Proposal.objects.filter(forum_id=proposal.forum_id)
            .exclude(pk=proposal.pk)
            .exclude(status__in=[ProposalStatus.MERGED, ProposalStatus.DECLINED])
            .order_by("-created_at")
        )
        for name in ("meeting", "to_meeting"):
            self.fields[name].label_from_instance = lambda m: f"{m.title} ({m.starts_at:%Y-%m-%d})"

    # Fields required by one decision only: shown as required, checked only when that one is chosen.
    NEEDED_FOR = {"meeting": PLACE, "survivor": MERGE}

    def full_clean(self):
        decision = self.data.get(self.add_prefix("decision")) if self.is_bound else None
        for name, needed_for in self.NEEDED_FOR.items():
            self.fields[name].required = decision == needed_for
        try:
            super().full_clean()
        finally:
            for name in self.NEEDED_FOR:
                self.fields[name].required = True

    def options(self) -> list[tuple]:
        """Each radio button with the fields its decision needs, for the template."""
        radios = {radio.data["value"]: radio for radio in self["decision"]}
        return [(radios[value], [self[name] for name in fields]) for value, _s, _l, fields in self.decisions]

    def step_arguments(self) -> dict:
        """The reason and the fields the chosen decision needs, as the keyword arguments of its service."""
        decision = self.cleaned_data["decision"]
        needed = next(fields for value, _s, _l, fields in self.DECISIONS if value == decision)
        return {"reason": self.cleaned_data["reason"], **{name: self.cleaned_data[name] for name in needed}}

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.DECLINE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the proposal is declined: the proposer is told."))
        return cleaned


class AnsweredForm(forms.Form):
    answered = forms.TypedChoiceField(
        label=_("Did the outcome answer your proposal?"),
        choices=[("yes", _("Yes, it was answered")), ("no", _("No, it was not answered"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the proposal deleted?"),
        max_length=100,
        help_text=_("Kept in the history of the proposal."),
    )


class InboxFilterForm(forms.Form):
    """Filters of the coordinator's inbox, sent with GET so that they work without JavaScript."""

    ALL = "all"
    OPEN = "open"
    OVERDUE = "overdue"
    SORTS = {
        "oldest": ("created_at", "pk"),
        "newest": ("-created_at", "-pk"),
        "forum": ("forum__name", "created_at"),
    }

    forum = forms.ModelChoiceField(
        label=_("Forum"), queryset=Forum.objects.all(), required=False, empty_label=_("All")
    )
    minority = forms.ModelChoiceField(
        label=_("National minority"),
        queryset=NationalMinority.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    age = forms.ChoiceField(
        label=pgettext_lazy("how long a proposal has waited", "Waiting"),
        required=False,
        choices=[("", _("Any time")), (OVERDUE, _("Longer than the limit"))],
    )
    children = forms.BooleanField(label=_("Particularly affects children and young people"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("oldest", _("Oldest first")), ("newest", _("Newest first")), ("forum", _("By forum"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (self.OPEN, pgettext_lazy("proposals not yet decided", "Open")),
            (self.ALL, _("All")),
            *ProposalStatus.choices,
        ]


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=participation.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    language = content_language_field()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("language", writer_language(user))


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=participation.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the comment's history and shown to coordinators."),
    )


class ConsultationRecordForm(forms.ModelForm):
    class Meta:
        model = ConsultationRecord
        fields = [
            "consulted",
            "consulted_on",
            "form",
            "children_and_youth",
            "what_they_said",
            "how_it_changed",
        ]
        widgets = {
            "consulted_on": DateInput(),
            "form": forms.RadioSelect,
            "what_they_said": forms.Textarea(attrs={"rows": 4}),
            "how_it_changed": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_consulted_on(self):
        consulted_on = self.cleaned_data["consulted_on"]
        if consulted_on > timezone.localdate():
            raise ValidationError(_("A consultation is recorded once it has taken place."), code="future")
        return consulted_on


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
