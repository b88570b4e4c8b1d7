"""Pages of the proposal workflow: proposing, "My proposals", a proposal with its outcome and history,
the coordinator's inbox, the triage card's decision, and one POST-only view for every step of the workflow.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.plumbing.pagecache import cached_get
from core.plumbing.sections import agenda_item_sections, object_links, object_sections
from core.session_timing import RestoreKeptPostMixin
from core.views.access import ObjectAccessMixin, check_access, load_object

from .. import services
from ..forms import (
    AnsweredForm,
    DeclineForm,
    DeferForm,
    DeleteForm,
    InboxFilterForm,
    MergeForm,
    PlaceForm,
    ProposalForm,
    ReasonForm,
    TriageForm,
)
from ..models import OPEN_STATUSES, TRANSITIONS, Proposal, ProposalAttachment, ProposalStatus
from ..timeline import proposal_timeline
from .participation import participation_context


def proposal_queryset():
    return Proposal.objects.with_related().select_related(
        "wished_meeting", "deferred_to_meeting", "agenda_item__meeting__forum"
    )


class ProposeView(PermissionRequiredMixin, RestoreKeptPostMixin, FormView):
    """A member proposes an agenda item for one of their forums."""

    permission_required = "proposals.add_proposal"
    form_class = ProposalForm
    template_name = "proposals/proposal_form.html"

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self) -> dict:
        initial = super().get_initial()
        initial.setdefault(
            "language",
            self.request.LANGUAGE_CODE if self.request.LANGUAGE_CODE in {"sv", "fi", "en"} else "sv",
        )
        return initial

    def form_valid(self, form: ProposalForm) -> HttpResponse:
        data = dict(form.cleaned_data)
        try:
            proposal = services.submit_proposal(proposer=self.request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("Thank you. Your proposal has been received."))
        return redirect(proposal)


class MineView(PermissionRequiredMixin, ListView):
    """The proposals a person made and those they follow, each with its status and the reason given."""

    permission_required = "proposals.view_own_proposals"
    template_name = "proposals/proposal_mine.html"
    context_object_name = "proposals"

    def get_queryset(self):
        user = self.request.user
        followed = Proposal.followers.through.objects.filter(user=user).values("proposal")
        return (
            Proposal.objects.with_related()
            .select_related("agenda_item__meeting", "deferred_to_meeting")
            .filter(Q(proposer=user) | Q(pk__in=followed))
            .order_by("-status_changed_at", "-pk")
        )

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # What became of each proposal in other apps (the follow-up's actions), one query in all.
        links = object_links("proposal", self.request, list(context["proposals"]))
        for proposal in context["proposals"]:
            proposal.outcome_links = links.get(proposal.pk, [])
        context["Status"] = ProposalStatus
        return context


@cached_get
class ProposalDetailView(ObjectAccessMixin, TemplateView):
    """Everything about a proposal: what it asks, its status and reason, where it went, and its history."""

    view_permission = "proposals.view_proposal"
    template_name = "proposals/proposal_detail.html"

    def get_access_queryset(self):
        return proposal_queryset().with_viewer_state(self.request.user).prefetch_related("attachments")

    def get_hit_queryset(self):
        # What proposals.view_proposal reads (the forum, the proposer, the followers), without the eight
        # relations and the attachments the page shows: those took 20 ms of a page served from the cache.
        return Proposal.objects.select_related("forum").only("id", "proposer_id", "forum_id", "forum__id")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        proposal = self.object
        item = proposal.agenda_item
        meeting = item.meeting if item else None
        may_triage = user.has_perm("proposals.triage", proposal)
        targets = TRANSITIONS[ProposalStatus(proposal.status)]
        context.update(
            proposal=proposal,
            item=item,
            meeting=meeting,
            can_see_meeting=bool(meeting and user.has_perm("core.view_meeting", meeting)),
            can_see_minutes=bool(meeting and user.has_perm("core.view_minutes", meeting)),
            history=history_entries(proposal),
            may_triage=may_triage,
            may_answer=user.has_perm("proposals.mark_answered", proposal)
            and proposal.status in {ProposalStatus.PLACED, ProposalStatus.RESOLVED},
            may_delete=user.has_perm("proposals.delete_proposal", proposal),
            Status=ProposalStatus,
            answered_form=AnsweredForm(
                initial={"answered": {True: "yes", False: "no"}.get(proposal.answered)}
            ),
        )
        if context["can_see_minutes"]:
            context["item_sections"] = agenda_item_sections(self.request, item)
        # What other apps made of the proposal (the follow-up's actions).
        context["proposal_sections"] = object_sections("proposal", self.request, proposal)
        # The proposal's story, told by every app that took part (proposals/timeline.py).
        context["timeline"] = proposal_timeline(self.request, proposal)
        # Support, comments and the consultation log (proposals/participation.py).
        context.update(participation_context(self.request, proposal))
        if may_triage and proposal.answered is False:
            context["take_up_again_form"] = ReasonForm(prefix="take_up_again")
        if may_triage:
            context.update(
                targets=targets,
                triage_form=kwargs.get("triage_form") or TriageForm(proposal=proposal, targets=targets),
            )
        return context


def history_entries(proposal: Proposal) -> list:
    """The status changes, newest first, with who made them and the reason given (one query, shared with
    the story)."""
    entries, previous = [], None
    for record in proposal.history_in_order:
        if previous is None or record.status != previous.status or record.answered != previous.answered:
            entries.append(record)
        previous = record
    entries.reverse()
    return entries


@cached_get
class InboxView(PermissionRequiredMixin, ListView):
    """The coordinator's inbox: filter and sort with GET; overdue proposals are flagged."""

    permission_required = "proposals.triage"
    template_name = "proposals/proposal_inbox.html"
    context_object_name = "proposals"
    paginate_by = 50

    @cached_property
    def filters(self) -> InboxFilterForm:
        form = InboxFilterForm(self.request.GET or None)
        form.is_valid()
        return form

    def get_queryset(self):
        chosen = getattr(self.filters, "cleaned_data", {})
        proposals = Proposal.objects.with_related()
        for name in ("forum", "minority", "department"):
            if chosen.get(name):
                proposals = proposals.filter(**{name: chosen[name]})
        status = chosen.get("status") or InboxFilterForm.OPEN
        if status == InboxFilterForm.OPEN:
            # Open: waiting for a decision, or back from a proposer who says it was not answered.
            proposals = proposals.for_coordinator()
        elif status != InboxFilterForm.ALL:
            proposals = proposals.filter(status=status)
        if chosen.get("age") == InboxFilterForm.OVERDUE:
            proposals = proposals.waiting_longer_than(settings.PROPOSAL_WAITING_DAYS)
        if chosen.get("children"):
            proposals = proposals.filter(affects_children_and_youth=True)
        order = InboxFilterForm.SORTS.get(chosen.get("sort") or "oldest", InboxFilterForm.SORTS["oldest"])
        return proposals.order_by(*order)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filters=self.filters,
            filter_query=query.urlencode(),
            waiting_days=settings.PROPOSAL_WAITING_DAYS,
            not_answered=list(
                Proposal.objects.with_related().not_answered().order_by("-answered_at", "-pk")[:50]
            ),
            open_statuses=OPEN_STATUSES,
        )
        return context


# --- Actions ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of the workflow that a button posts: the form that reads the post, the service that takes the
    step (called with the form's cleaned data as keyword arguments), who may take it and what they are told."""

    form_class: type[forms.Form]
    service: Callable[..., Proposal]
    permission: str = "proposals.triage"
    message: str = _("The proposal has been updated.")
    prefixed: bool = True  # the form's fields are posted as "<step>-<field>"
    for_proposal: bool = False  # the form offers choices from the proposal's forum

    def form(self, action: str, data: QueryDict, proposal: Proposal) -> forms.Form:
        return self.form_class(
            data,
            prefix=action if self.prefixed else None,
            **({"proposal": proposal} if self.for_proposal else {}),
        )


# The steps by the name of their URL; the triage card's one decision form takes the first six too.
STEPS: dict[str, Step] = {
    TriageForm.CONSIDER: Step(ReasonForm, services.consider),
    TriageForm.PLACE: Step(PlaceForm, services.place_on_agenda, for_proposal=True),
    TriageForm.MERGE: Step(MergeForm, services.merge, for_proposal=True),
    TriageForm.DEFER: Step(DeferForm, services.defer, for_proposal=True),
    TriageForm.DECLINE: Step(DeclineForm, services.decline),
    TriageForm.RESOLVE: Step(ReasonForm, services.resolve),
    "answered": Step(
        AnsweredForm, services.mark_answered, permission="proposals.mark_answered", prefixed=False
    ),
    # The coordinator has dealt with the proposer's "not answered" (proposals/timeline.py shows it).
    "take_up_again": Step(
        ReasonForm, services.take_up_again, message=_("The proposal has been taken up again.")
    ),
}


def _detail_url(pk: int) -> str:
    return reverse("proposals:detail", kwargs={"pk": pk})


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The triage card's one decision form: dispatch the chosen decision to its service, or show the
    page again with an error summary and the choices kept (permission: proposals.triage)."""
    # A visitor signs in and comes back to the proposal's page, not to this POST-only address.
    proposal = load_object(
        request,
        proposal_queryset(),
        pk,
        view="proposals.view_proposal",
        act="proposals.triage",
        next_url=_detail_url(pk),
    )
    form = TriageForm(request.POST, proposal=proposal, targets=TRANSITIONS[ProposalStatus(proposal.status)])
    if form.is_valid():
        step = STEPS[form.cleaned_data["decision"]]
        try:
            step.service(proposal, by=request.user, **form.step_arguments())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, str(step.message))
            return redirect(_detail_url(pk))
    # The page again, with the summary of what to correct and the decision still chosen.
    page = ProposalDetailView()
    page.setup(request, pk=pk)
    page.object = get_object_or_404(page.get_access_queryset(), pk=pk)
    return render(request, page.template_name, page.get_context_data(triage_form=form))


@require_POST
def take_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One step posted by its own button (STEPS[action]): take it, say what came of it, back to the proposal."""
    step = STEPS[action]
    proposal = load_object(
        request,
        proposal_queryset(),
        pk,
        view="proposals.view_proposal",
        act=step.permission,
        next_url=_detail_url(pk),
    )
    form = step.form(action, request.POST, proposal)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        try:
            step.service(proposal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(step.message))
    return redirect(_detail_url(pk))


class DeleteView(ObjectAccessMixin, FormView):
    """An administrator deletes a proposal after confirming, with a reason kept in its history."""

    view_permission = "proposals.view_proposal"
    permission_required = "proposals.delete_proposal"
    template_name = "proposals/proposal_confirm_delete.html"
    form_class = DeleteForm

    def get_access_queryset(self):
        return Proposal.objects.with_related()

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(proposal=self.object, **kwargs)

    def form_valid(self, form: DeleteForm) -> HttpResponse:
        try:
            services.delete_proposal(self.object, self.request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("The proposal has been deleted."))
        return redirect("proposals:inbox")


def download_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """A proposal's attachment, served to those who may see the proposal (permission: proposals.view_proposal)."""
    attachment = get_object_or_404(
        ProposalAttachment.objects.select_related("proposal", "proposal__forum"), pk=pk
    )
    check_access(request, attachment.proposal, "proposals.view_proposal")
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["Content-Type"] = attachment.content_type
    response["Cache-Control"] = "private, no-store"
    return response
