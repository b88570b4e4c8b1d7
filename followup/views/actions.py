"""The action register (filter, search, export), an action with its golden thread and history, creating
and changing actions, and progress updates by the responsible party.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import writer_language
from core.models import AgendaItem
from core.models.languages import active_content_language, bilingual
from core.plumbing.pagecache import cached_get
from core.plumbing.spreadsheets import spreadsheet_response
from core.session_timing import RestoreKeptPostMixin
from core.views.access import ObjectAccessMixin, check_access, signed_in_user
from dialogues.models import Commitment
from proposals.models import Proposal

from .. import exports, services
from ..forms import ActionForm, ProgressUpdateForm, RegisterFilterForm
from ..models import Action, Cycle, Goal, ProgressUpdate, current_among
from .comments import comments_context

if TYPE_CHECKING:
    # What the mixins below are mixed into: mypy reads them as views, Python as plain mixins.
    _View = View
    _FormView = FormView
else:
    _View = _FormView = object


def register_queryset(user, chosen: dict, current: Cycle | None):
    """The actions the filters choose, among those the person may see."""
    actions = Action.objects.visible_to(user).with_related()
    cycle = chosen.get("cycle") or (str(current.year) if current else RegisterFilterForm.ALL_CYCLES)
    if cycle != RegisterFilterForm.ALL_CYCLES:
        actions = actions.filter(cycle__year=cycle)
    if chosen.get("status"):
        actions = actions.filter(status=chosen["status"])
    if chosen.get("goal"):
        actions = actions.filter(goals=chosen["goal"])
    if chosen.get("minority"):
        actions = actions.filter(minorities=chosen["minority"])
    if chosen.get("department"):
        actions = actions.for_department(chosen["department"])
    if chosen.get("overdue"):
        actions = actions.overdue()
    text = (chosen.get("q") or "").strip()
    if text:
        condition = Q()
        for field in (
            "title_sv",
            "title_fi",
            "title_en",
            "description_sv",
            "description_fi",
            "description_en",
        ):
            condition |= Q(**{f"{field}__icontains": text})
        actions = actions.filter(condition)
    return actions.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.order_by("code", "pk")), "minorities"
    ).order_by("due_on", "title", "pk")


class RegisterMixin(_View):
    @cached_property
    def cycles(self) -> list[Cycle]:
        return list(Cycle.objects.order_by("-year"))

    @cached_property
    def current_cycle(self) -> Cycle | None:
        return current_among(self.cycles)

    @cached_property
    def filters(self) -> RegisterFilterForm:
        form = RegisterFilterForm(self.request.GET or None, cycles=self.cycles)
        if not form.is_bound:
            form.initial = {"cycle": str(self.current_cycle.year) if self.current_cycle else ""}
        form.is_valid()
        return form

    def chosen(self) -> dict:
        return getattr(self.filters, "cleaned_data", {})


@cached_get
class RegisterView(RegisterMixin, PermissionRequiredMixin, ListView):
    """Everyone may open the register; visitors and residents find the actions marked public."""

    permission_required = "followup.view_register"
    template_name = "followup/action_register.html"
    context_object_name = "actions"
    paginate_by = 50

    def get_queryset(self):
        return register_queryset(self.request.user, self.chosen(), self.current_cycle)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filters=self.filters,
            filter_query=query.urlencode(),
            public_only=not self.request.user.has_perm("followup.view_dashboard"),
            may_add=self.request.user.has_perm("followup.add_action"),
        )
        return context


class ExportView(RegisterMixin, PermissionRequiredMixin, TemplateView):
    """The register as the filters choose it, as CSV (semicolons, for Excel) or XLSX."""

    permission_required = "followup.view_register"

    def get(self, request: HttpRequest, *args, fmt: str, **kwargs) -> HttpResponse:
        if fmt not in {"csv", "xlsx"}:
            raise Http404
        actions = list(
            register_queryset(request.user, self.chosen(), self.current_cycle).prefetch_related(
                "collaborating_departments"
            )
        )
        stamp = timezone.localdate().isoformat()
        content = exports.actions_xlsx(actions) if fmt == "xlsx" else exports.actions_csv(actions)
        response = spreadsheet_response(content, fmt, f"actions-{stamp}")
        return response


def action_queryset():
    return Action.objects.with_related().select_related(
        "first_cycle",
        "origin_proposal__forum",
        "origin_agenda_item__meeting__forum",
        "origin_commitment__agenda_item__meeting",
    )


@cached_get
class ActionDetailView(ObjectAccessMixin, TemplateView):
    """An action: what, who, when, how far; where it came from; its updates and its history."""

    view_permission = "followup.view_action"
    template_name = "followup/action_detail.html"

    def get_access_queryset(self):
        return action_queryset()

    def get_hit_queryset(self):
        # What followup.view_action reads (is_public) alone: the twelve joined relations took 20 ms to
        # build, plan and read, ten times the rest of a page served from the cache, and the translated
        # columns more than the rest of the hit's read.
        return Action.objects.only("id", "is_public")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        action = self.object
        prefetch_related_objects(
            [action],
            Prefetch("goals", queryset=Goal.objects.order_by("code", "pk")),
            "minorities",
            "collaborating_departments",
            Prefetch("updates", queryset=ProgressUpdate.objects.select_related("author")),
        )
        origin = origin_links(user, action)
        updates = list(action.updates.all())
        context.update(
            action=action,
            origin=origin,
            updates=updates,
            history=action_history(action) if user.has_perm("followup.view_dashboard") else [],
            may_change=user.has_perm("followup.change_action", action),
            may_report=user.has_perm("followup.report_progress", action),
            stale=action.is_stale(settings.ACTION_STALE_DAYS),
            stale_days=settings.ACTION_STALE_DAYS,
        )
        # Comments, and the answers to each progress update (followup/views/comments.py).
        context.update(comments_context(self.request, action, updates))
        return context


def _decision(item, user) -> dict:
    """The decision of the item the action came from, in the page's language where it is translated."""
    if not user.has_perm("core.view_minutes", item.meeting):
        return {"decision": ""}
    shown = bilingual(item, "decision", "minutes_language", active_content_language())
    return {"decision": shown.text, "decision_language": shown.language, "decision_note": shown.note}


def origin_links(user, action: Action) -> list[dict]:
    """The proposal, agenda item (decision) and commitment the action came from, named only to those who may see them."""
    links = []
    proposal = action.origin_proposal
    if proposal is not None and user.has_perm("proposals.view_proposal", proposal):
        links.append(
            {"kind": gettext("Proposal"), "title": proposal.title, "url": proposal.get_absolute_url()}
        )
    item = action.origin_agenda_item
    if item is not None and user.has_perm("core.view_meeting", item.meeting):
        links.append(
            {
                "kind": gettext("Agenda item"),
                "title": f"{item.title} ({item.meeting.title}, {timezone.localtime(item.meeting.starts_at):%Y-%m-%d})",
                "url": f"{item.meeting.get_absolute_url()}#item-{item.pk}",
                **_decision(item, user),
            }
        )
    commitment = action.origin_commitment
    if commitment is not None and user.has_perm("dialogues.view_commitment", commitment):
        links.append(
            {"kind": gettext("Commitment"), "title": commitment.title, "url": commitment.get_absolute_url()}
        )
    return links


def action_history(action: Action) -> list:
    """Changes of status, progress, due date, cycle or publicity, newest first (one query)."""
    records = list(
        action.history.select_related("history_user", "cycle").order_by("history_date", "history_id")
    )
    watched = ("status", "progress", "due_on", "cycle_id", "is_public", "department_id", "responsible_id")
    entries, previous = [], None
    for record in records:
        if previous is None:
            record.changes = ["created"]
            entries.append(record)
        else:
            changes = [name for name in watched if getattr(record, name) != getattr(previous, name)]
            if changes:
                record.changes = changes
                entries.append(record)
        previous = record
    entries.reverse()
    return entries


class ActionFormMixin(_FormView):
    form_class = ActionForm
    template_name = "followup/action_form.html"

    def form_valid(self, form: ActionForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            action = services.save_action(
                form.save(commit=False),
                by=signed_in_user(self.request),
                goals=data["goals"],
                minorities=data["minorities"],
                collaborating_departments=data["collaborating_departments"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("The action has been saved."))
        return redirect(action)


class ActionCreateView(ActionFormMixin, PermissionRequiredMixin, FormView):
    """A coordinator adds an action; from a proposal, agenda item or commitment the origin is filled in."""

    permission_required = "followup.add_action"

    @cached_property
    def origin(self) -> dict:
        """?proposal=, ?agenda_item= or ?commitment= name what gave rise to the action."""
        origin = {}
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        lookups = {
            "proposal": ("origin_proposal", Proposal.objects.select_related("forum")),
            "agenda_item": ("origin_agenda_item", AgendaItem.objects.select_related("meeting")),
            "commitment": ("origin_commitment", Commitment.objects.all()),
        }
        for key, (field, queryset) in lookups.items():
            value = source.get(key) or source.get(field)
            if value and str(value).isascii() and str(value).isdigit():
                obj = queryset.filter(pk=value).first()
                if obj is None:
                    raise Http404
                origin[field] = obj
        return origin

    def get_initial(self) -> dict:
        initial = {"cycle": Cycle.objects.current(), **self.origin}
        proposal = self.origin.get("origin_proposal")
        if proposal is not None:
            initial.update(
                title_sv=proposal.title,
                department=proposal.department,
                minorities=[proposal.minority] if proposal.minority else [],
            )
        item = self.origin.get("origin_agenda_item")
        if item is not None and "title_sv" not in initial:
            initial["title_sv"] = item.title
        commitment = self.origin.get("origin_commitment")
        if commitment is not None:
            initial.setdefault("title_sv", commitment.title)
            initial.update(department=commitment.department, responsible=commitment.responsible)
        return initial

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(origin=self.origin, **kwargs)


class ActionEditView(ActionFormMixin, ObjectAccessMixin, FormView):
    view_permission = "followup.view_action"
    permission_required = "followup.change_action"

    def get_access_queryset(self):
        return action_queryset()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        action = self.object
        origin = {
            "origin_proposal": action.origin_proposal,
            "origin_agenda_item": action.origin_agenda_item,
            "origin_commitment": action.origin_commitment,
        }
        return super().get_context_data(
            action=action, origin={k: v for k, v in origin.items() if v is not None}, **kwargs
        )


class ProgressUpdateView(ObjectAccessMixin, RestoreKeptPostMixin, FormView):
    """The responsible party writes a dated update: what happened, the new status and per cent."""

    view_permission = "followup.view_action"
    permission_required = "followup.report_progress"
    form_class = ProgressUpdateForm
    template_name = "followup/progress_form.html"

    def get_access_queryset(self):
        return Action.objects.with_related()

    def get_initial(self) -> dict:
        return {
            "written_on": timezone.localdate(),
            "language": writer_language(self.request.user),
            "status": self.object.status,
            "progress": self.object.progress,
            **super().get_initial(),
        }

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(action=self.object, **kwargs)

    def form_valid(self, form: ProgressUpdateForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.report_progress(
                self.object,
                author=signed_in_user(self.request),
                text=data["text"],
                language=data["language"],
                text_translation=data["text_translation"],
                status=data["status"],
                progress=data["progress"],
                written_on=data["written_on"],
                file=data.get("file"),
                file_type=getattr(form, "file_type", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("Thank you. The progress update has been saved."))
        return redirect(self.object)


def download_update_file(request: HttpRequest, pk: int) -> FileResponse:
    """An update's attachment, for those who may see the action (permission: followup.view_action)."""
    update = get_object_or_404(ProgressUpdate.objects.select_related("action"), pk=pk)
    check_access(request, update.action, "followup.view_action")
    if not update.file:
        raise Http404
    response = FileResponse(update.file.open("rb"), as_attachment=True, filename=update.file_name)
    response["Content-Type"] = update.file_type or "application/octet-stream"
    response["Cache-Control"] = "private, no-store"
    return response
