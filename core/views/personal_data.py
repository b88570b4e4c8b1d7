"""GDPR rights: a person's own data as a page and as JSON; erasure of a person by an administrator."""

import datetime as dt
import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from .. import privacy
from ..forms import ErasureForm
from ..models import AccessLogEntry, ErasureRecord, User
from .access import signed_in_user


@method_decorator(never_cache, name="dispatch")
class MyDataView(PermissionRequiredMixin, TemplateView):
    """Everything the portal holds about the signed-in person, readable (GDPR Art. 15)."""

    permission_required = "core.export_own_data"
    template_name = "core/my_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = privacy.collect(signed_in_user(self.request))
        for section in sections:
            section.items = [
                [(label, _readable(row.get(name))) for name, label in section.columns] for row in section.rows
            ]
        context["sections"] = sections
        return context


def _readable(value):
    """Dates and times as the reader's language writes them; the rest as it is."""
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return value


@never_cache
@permission_required("core.export_own_data")
def my_data_json(request):
    """The same as a file a person can keep or take elsewhere (GDPR Art. 20)."""
    privacy.log_access(request, AccessLogEntry.Kind.DATA_EXPORT, rows=1)
    payload = json.dumps(privacy.export(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="haninge-portal-data-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


def _labelled(rows: list[dict]) -> list[dict]:
    """The stored codes of an erasure record in the reader's language."""
    from django.apps import apps

    labelled = []
    for row in rows:
        try:
            what = apps.get_model(row["what"])._meta.verbose_name_plural
        except (LookupError, ValueError):
            what = row["what"]
        labelled.append({**row, "what": what, "why": privacy.KEPT_REASONS.get(row.get("why", ""), "")})
    return labelled


@method_decorator(never_cache, name="dispatch")
class ErasePersonView(PermissionRequiredMixin, FormView):
    """An administrator erases a person: what goes and what stays is shown before it is confirmed."""

    permission_required = "core.erase_person"
    form_class = ErasureForm
    template_name = "core/person_erase.html"

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(User, pk=kwargs["pk"], erased_at__isnull=True)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = privacy.erasure_preview(self.person)
        context.update(
            person=self.person,
            removed=_labelled(plan["removed"]),
            kept=_labelled(plan["kept"]),
            is_self=self.person.pk == self.request.user.pk,
        )
        return context

    def form_valid(self, form):
        if self.person.pk == self.request.user.pk:
            form.add_error(None, gettext("You cannot erase your own account; ask another administrator."))
            return self.form_invalid(form)
        record = privacy.erase(
            self.person, by=signed_in_user(self.request), reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, gettext("The person's data has been erased."))
        return redirect("core:erasure_record", pk=record.pk)


class ErasureRecordView(PermissionRequiredMixin, TemplateView):
    """What one erasure removed and kept, and why."""

    permission_required = "core.erase_person"
    template_name = "core/erasure_record.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = get_object_or_404(ErasureRecord.objects.select_related("erased_by"), pk=kwargs["pk"])
        context.update(record=record, removed=_labelled(record.removed), kept=_labelled(record.kept))
        return context
