"""A person's notification settings, and following an action, a proposal or a forum."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from ..follows import FOLLOWABLE, follow, followed_by, unfollow
from ..forms import NotificationSettingsForm
from ..notifications import KINDS
from ..plumbing.pagecache import cached_get
from .access import load_object, signed_in_user


@cached_get
class NotificationSettingsView(PermissionRequiredMixin, FormView):
    """For each kind of message: at once, in a daily or weekly digest, or never; and what the person follows."""

    permission_required = "core.change_own_profile"
    form_class = NotificationSettingsForm
    template_name = "core/notification_settings.html"

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "person": signed_in_user(self.request)}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["required_kinds"] = [kind for kind in KINDS.values() if kind.required]
        context["followed"] = followed_by(signed_in_user(self.request))
        return context

    def form_valid(self, form: NotificationSettingsForm) -> HttpResponse:
        form.save()
        messages.success(self.request, gettext("Your notification settings have been saved."))
        return redirect("core:notification_settings")


def _followed(request: HttpRequest, key: str, pk: int):
    followable = FOLLOWABLE.get(key)
    if followable is None:
        raise Http404
    # Who may see it may follow it; a visitor is sent to sign in first.
    return load_object(
        request, followable.model_class(), pk, view=followable.permission, act="core.change_own_profile"
    )


def _back(request: HttpRequest, obj) -> HttpResponse:
    target = request.POST.get("next", "")
    # Back to the page the button is on: a path on this site, never a view name or another host.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = obj.get_absolute_url()
    return HttpResponseRedirect(target)


@require_POST
def follow_view(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """Follow an action, a proposal or a forum the person may see."""
    obj = _followed(request, key, pk)
    follow(signed_in_user(request), obj)
    messages.success(request, gettext("You now follow “%(name)s”.") % {"name": obj})
    return _back(request, obj)


@require_POST
def unfollow_view(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """Stop following it."""
    obj = _followed(request, key, pk)
    unfollow(signed_in_user(request), obj)
    messages.success(request, gettext("You no longer follow “%(name)s”.") % {"name": obj})
    return _back(request, obj)
