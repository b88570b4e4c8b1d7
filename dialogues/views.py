"""Pages for commitments: create one from a meeting, the list, a commitment with its history, the answer
form, and marking an answer received at a meeting.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import writer_language
from core.models import Forum, Meeting, Role
from core.plumbing.sections import object_sections
from core.session_timing import RestoreKeptPostMixin
from core.views.access import ObjectAccessMixin, load_object

from . import services
from .forms import AnswerForm, CommitmentForm, FilterForm
from .history import history_entries
from .models import Commitment


class CommitmentMixin(ObjectAccessMixin):
    view_permission = "dialogues.view_commitment"
    model_queryset = Commitment.objects.with_related()

    def get_object(self, queryset=None) -> Commitment:
        return self.object


class CommitmentCreateView(ObjectAccessMixin, RestoreKeptPostMixin, FormView):
    """A coordinator lifts an issue from one of the meeting's agenda items to a department."""

    view_permission = "core.view_meeting"
    permission_required = "dialogues.add_commitment"
    model_queryset = Meeting.objects.select_related("forum")
    lookup_kwarg = "meeting_pk"
    form_class = CommitmentForm
    template_name = "dialogues/commitment_form.html"

    @property
    def meeting(self) -> Meeting:
        return self.object

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "meeting": self.meeting, "user": self.request.user}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def form_valid(self, form: CommitmentForm) -> HttpResponse:
        try:
            self.commitment = services.create_commitment(**form.cleaned_data, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("The commitment has been created."))
        return redirect(self.commitment)


class CommitmentListView(PermissionRequiredMixin, ListView):
    """Coordinators and politicians see every commitment; an administration contact their department's."""

    permission_required = "dialogues.view_commitment_list"
    template_name = "dialogues/commitment_list.html"
    context_object_name = "commitments"
    paginate_by = 50

    @cached_property
    def sees_all(self) -> bool:
        return self.request.user.has_perm("dialogues.view_all_commitments")

    @cached_property
    def scopes(self) -> list[str]:
        """What the person may list: everything, their department's, their own, or their forums'."""
        if self.sees_all:
            return [FilterForm.ALL, FilterForm.MINE]
        if self.request.user.role == Role.ADMIN_CONTACT:
            return [FilterForm.DEPARTMENT, FilterForm.MINE]
        return [FilterForm.FORUMS]

    @cached_property
    def filters(self) -> FilterForm:
        data = self.request.GET.copy() if self.request.GET else None
        if data is not None and not data.get("scope"):
            data["scope"] = self.scopes[0]
        form = FilterForm(data, show_department=self.sees_all, scopes=self.scopes)
        form.is_valid()
        return form

    @cached_property
    def scope(self) -> str:
        chosen = getattr(self.filters, "cleaned_data", {}).get("scope")
        return chosen if chosen in self.scopes else self.scopes[0]

    def get_queryset(self):
        user = self.request.user
        commitments = Commitment.objects.with_related()
        if self.scope == FilterForm.MINE:
            commitments = commitments.filter(responsible=user)
        elif self.scope == FilterForm.DEPARTMENT:
            commitments = commitments.for_contact(user)
        elif self.scope == FilterForm.FORUMS:
            commitments = commitments.filter(forum__in=Forum.objects.of_member(user))
        chosen = getattr(self.filters, "cleaned_data", {})
        if chosen.get("department"):
            commitments = commitments.for_department(chosen["department"])
        status = chosen.get("status")
        if status == FilterForm.OVERDUE:
            commitments = commitments.overdue()
        elif status:
            commitments = commitments.filter(status=status)
        return commitments.order_by("due_on", "pk")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        for commitment in context["commitments"]:
            commitment.may_answer = commitment.can_be_answered() and user.has_perm(
                "dialogues.answer_commitment", commitment
            )
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filters=self.filters, sees_all=self.sees_all, scope=self.scope, filter_query=query.urlencode()
        )
        return context


class CommitmentDetailView(CommitmentMixin, DetailView):
    """Everything about a commitment: where it came from, the answer, where it was received, its history."""

    permission_required = "dialogues.view_commitment"
    template_name = "dialogues/commitment_detail.html"
    context_object_name = "commitment"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        commitment = self.object
        context["may_answer"] = commitment.can_be_answered() and user.has_perm(
            "dialogues.answer_commitment", commitment
        )
        if user.has_perm("dialogues.view_commitment_history", commitment):
            context["history"] = history_entries(commitment)
        context["commitment_sections"] = object_sections("commitment", self.request, commitment)
        return context


class CommitmentAnswerView(CommitmentMixin, RestoreKeptPostMixin, FormView):
    """The department's administration contact records the department's answer."""

    permission_required = "dialogues.answer_commitment"
    form_class = AnswerForm
    template_name = "dialogues/commitment_answer.html"

    def get_initial(self) -> dict:
        commitment = self.get_object()
        language = commitment.answer_language if commitment.answer else writer_language(self.request.user)
        return {
            "answer": commitment.answer,
            "answer_language": language,
            "answer_translation": commitment.answer_translation,
            **super().get_initial(),
        }

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(commitment=self.get_object(), **kwargs)

    def form_valid(self, form: AnswerForm) -> HttpResponse:
        commitment = self.get_object()
        try:
            services.answer_commitment(
                commitment,
                form.cleaned_data["answer"],
                by=self.request.user,
                language=form.cleaned_data["answer_language"],
                translation=form.cleaned_data["answer_translation"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, gettext("The answer has been saved. The forum hears it at its next meeting.")
        )
        return redirect(commitment)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    # Only a path: redirect() would take any other word for the name of a URL pattern (NoReverseMatch).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return default


@require_POST
def commitment_received(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator marks an answer received at a meeting of the forum (from the meeting's page)."""
    commitment = load_object(
        request,
        Commitment.objects.with_related(),
        pk,
        view="dialogues.view_commitment",
        act="dialogues.mark_received",
    )
    meeting_pk = request.POST.get("meeting", "")
    meeting = (
        Meeting.objects.select_related("forum").filter(pk=meeting_pk).first()
        if meeting_pk.isascii() and meeting_pk.isdigit()
        else None
    )
    if meeting is None or not request.user.has_perm("core.view_meeting", meeting):
        messages.error(request, gettext("Choose the meeting at which the answer was received."))
    else:
        try:
            services.mark_received(commitment, meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, gettext("“%(title)s” has been marked as received.") % {"title": commitment.title}
            )
    return redirect(_safe_next(request, reverse("dialogues:commitment_detail", kwargs={"pk": commitment.pk})))
