"""The state grant for the Finnish administrative area: what was granted each year and what it was used for.

The county administrative board asks each year how the grant was used; the coordinator records the
grant and its uses here, linked to the actions they paid for, and the yearly report carries the account.
"""

from decimal import Decimal

from django.contrib import messages
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.history import stamp
from core.views.access import ObjectAccessMixin, signed_in_user

from .. import services
from ..forms import GrantUseForm, StateGrantForm
from ..models import GrantCategory, GrantUse, StateGrant
from ..services import grant_account


class GrantListView(PermissionRequiredMixin, ListView):
    """Each year's grant, what of it has been accounted for, and when the account is due."""

    permission_required = "followup.view_grants"
    template_name = "followup/grant_list.html"
    context_object_name = "grants"

    def get_queryset(self):
        return StateGrant.objects.annotate(
            used=Coalesce(Sum("uses__amount"), Decimal(0)), use_count=Count("uses")
        ).order_by("-year")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        for grant in context["grants"]:
            grant.remaining = grant.amount - grant.used
        context["may_change"] = self.request.user.has_perm("followup.change_grants")
        return context


class GrantDetailView(ObjectAccessMixin, TemplateView):
    view_permission = "followup.view_grants"
    template_name = "followup/grant_detail.html"
    model_queryset = StateGrant.objects.all()
    lookup_kwarg = lookup_field = "year"

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            grant=self.object,
            account=grant_account(self.object),
            may_change=self.request.user.has_perm("followup.change_grants"),
            **kwargs,
        )


class GrantCreateView(PermissionRequiredMixin, FormView):
    permission_required = "followup.change_grants"
    form_class = StateGrantForm
    template_name = "followup/grant_form.html"

    def form_valid(self, form: StateGrantForm) -> HttpResponse:
        grant = form.save(commit=False)
        stamp(grant, by=self.request.user)
        grant.save()
        messages.success(self.request, gettext("The state grant has been recorded."))
        return redirect(grant)


class GrantEditView(ObjectAccessMixin, FormView):
    view_permission = "followup.view_grants"
    permission_required = "followup.change_grants"
    form_class = StateGrantForm
    template_name = "followup/grant_form.html"
    model_queryset = StateGrant.objects.all()
    lookup_kwarg = lookup_field = "year"

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(grant=self.object, **kwargs)

    def form_valid(self, form: StateGrantForm) -> HttpResponse:
        grant = form.save(commit=False)
        stamp(grant, by=self.request.user)
        grant.save()
        messages.success(self.request, gettext("The state grant has been saved."))
        return redirect(grant)


class GrantUseCreateView(ObjectAccessMixin, FormView):
    view_permission = "followup.view_grants"
    permission_required = "followup.change_grants"
    form_class = GrantUseForm
    template_name = "followup/grant_use_form.html"
    model_queryset = StateGrant.objects.all()
    lookup_kwarg = lookup_field = "year"

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "grant": self.object, "instance": GrantUse(grant=self.object)}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            grant=self.object, has_categories=GrantCategory.objects.filter(is_active=True).exists(), **kwargs
        )

    def form_valid(self, form: GrantUseForm) -> HttpResponse:
        services.save_grant_use(
            form.save(commit=False), by=signed_in_user(self.request), actions=form.cleaned_data["actions"]
        )
        messages.success(self.request, gettext("The use of the grant has been recorded."))
        return redirect(self.object)


class GrantUseEditView(ObjectAccessMixin, FormView):
    view_permission = "followup.view_grants"
    permission_required = "followup.change_grants"
    form_class = GrantUseForm
    template_name = "followup/grant_use_form.html"
    model_queryset = GrantUse.objects.select_related("grant", "category")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "grant": self.object.grant, "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            grant=self.object.grant, use=self.object, has_categories=True, **kwargs
        )

    def form_valid(self, form: GrantUseForm) -> HttpResponse:
        services.save_grant_use(
            form.save(commit=False), by=signed_in_user(self.request), actions=form.cleaned_data["actions"]
        )
        messages.success(self.request, gettext("The use of the grant has been saved."))
        return redirect(self.object.grant)


class GrantUseDeleteView(ObjectAccessMixin, TemplateView):
    """Asks first; the deleted row stays in the history."""

    view_permission = "followup.view_grants"
    permission_required = "followup.change_grants"
    template_name = "followup/grant_use_delete.html"
    model_queryset = GrantUse.objects.select_related("grant", "category")

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(grant=self.object.grant, use=self.object, **kwargs)

    def post(self, request, *args, **kwargs) -> HttpResponse:
        grant = self.object.grant
        stamp(self.object, by=request.user)
        self.object.delete()
        messages.success(request, gettext("The use of the grant has been removed."))
        return redirect(reverse("followup:grant_detail", kwargs={"year": grant.year}))
