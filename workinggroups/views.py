import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from core.models import Forum, Tier
from core.views.access import ObjectAccessMixin

from .forms import CloseForm, MandateForm, WorkingGroupForm
from .models import Mandate
from .selectors import working_groups_for
from .services import close_working_group, create_working_group, save_mandate


class WorkingGroupListView(PermissionRequiredMixin, ListView):
    """The working groups the person may see, with purpose, period, members and whether closed."""

    permission_required = "workinggroups.view_workinggroup_list"
    template_name = "workinggroups/workinggroup_list.html"
    context_object_name = "working_groups"

    def get_queryset(self) -> list[Forum]:
        return working_groups_for(self.request.user)

    def get_context_data(self, **kwargs) -> dict:
        # The rule alone: asking the model backend too would cost two queries for everyone else.
        may_record = rules.has_perm("workinggroups.change_mandate", self.request.user)
        may_create = rules.has_perm("workinggroups.add_workinggroup", self.request.user)
        return super().get_context_data(may_record_mandates=may_record, may_create=may_create, **kwargs)


class WorkingGroupCreateView(PermissionRequiredMixin, FormView):
    """A coordinator sets up a working group with its mandate; members are added on its page afterwards."""

    permission_required = "workinggroups.add_workinggroup"
    form_class = WorkingGroupForm
    template_name = "workinggroups/workinggroup_form.html"

    def form_valid(self, form: WorkingGroupForm):
        try:
            forum = create_working_group(by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The working group %(group)s has been set up.") % {"group": forum})
        return HttpResponseRedirect(reverse("core:forum_detail", kwargs={"slug": forum.slug}))


class WorkingGroupMixin(ObjectAccessMixin):
    """The working group named in the URL: 404 for another tier or a group the person may not see."""

    view_permission = "core.view_forum"
    model_queryset = Forum.objects.select_related("mandate").filter(tier=Tier.WORKING_GROUP)
    lookup_kwarg = lookup_field = "slug"

    def get_access_object(self) -> Forum:
        # Kept apart: UpdateView's get() and post() replace self.object with the mandate.
        self.forum = self.object
        return self.forum

    def get_forum(self) -> Forum:
        return self.forum

    def get_mandate(self) -> Mandate | None:
        return getattr(self.get_forum(), "mandate", None)

    def forum_url(self) -> str:
        return reverse("core:forum_detail", kwargs={"slug": self.get_forum().slug})

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(forum=self.get_forum(), forum_url=self.forum_url(), **kwargs)


class MandateEditView(WorkingGroupMixin, UpdateView):
    """Record a working group's mandate, or change it."""

    permission_required = "workinggroups.change_mandate"
    form_class = MandateForm
    template_name = "workinggroups/mandate_form.html"

    def get_object(self, queryset=None) -> Mandate:
        return self.get_mandate() or Mandate(forum=self.get_forum())

    def form_valid(self, form: MandateForm):
        try:
            save_mandate(form.instance, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The mandate of %(group)s has been saved.") % {"group": self.get_forum()}
        )
        return HttpResponseRedirect(self.forum_url())


class CloseWorkingGroupView(WorkingGroupMixin, FormView):
    """Close a working group with its closing report."""

    permission_required = "workinggroups.close_workinggroup"
    form_class = CloseForm
    template_name = "workinggroups/mandate_close.html"

    def get(self, request, *args, **kwargs):
        if self.get_mandate() is None:
            return self._mandate_first()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.get_mandate() is None:
            return self._mandate_first()
        return super().post(request, *args, **kwargs)

    def _mandate_first(self):
        # The closing report is part of the mandate: a group without one has nothing to close.
        messages.info(self.request, _("Record the working group's mandate before you close it."))
        return HttpResponseRedirect(
            reverse("workinggroups:mandate_edit", kwargs={"slug": self.get_forum().slug})
        )

    def get_initial(self) -> dict:
        return CloseForm.initial_for(self.get_mandate())

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(mandate=self.get_mandate(), **kwargs)

    def form_valid(self, form: CloseForm):
        try:
            close_working_group(
                self.get_mandate(),
                report=form.cleaned_data["closing_report"],
                closed_on=form.cleaned_data["closed_on"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(group)s has been closed.") % {"group": self.get_forum()})
        return HttpResponseRedirect(self.forum_url())
