"""Invitations: coordinators invite representatives, administration contacts and politicians to accounts."""

from typing import Any

from allauth.core.ratelimit import respond_429
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from .. import auth, invitations
from ..forms import AcceptInvitationForm, InvitationForm
from ..models import Invitation, InvitationStatus, User
from .access import signed_in_user


class InvitationListView(PermissionRequiredMixin, TemplateView):
    """The invitations sent, the newest first, with what became of each."""

    permission_required = "core.invite_people"
    template_name = "core/invitation_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = Invitation.objects.select_related("forum", "department", "invited_by", "accepted_by")
        page = Paginator(queryset, 50).get_page(self.request.GET.get("page"))
        now = timezone.now()
        for invitation in page:
            invitation.current_status = invitation.status(now)
        context.update(
            page=page,
            invitations=page.object_list,
            Status=InvitationStatus,
            valid_days=settings.INVITATION_VALID_DAYS,
        )
        return context


class InvitationCreateView(PermissionRequiredMixin, CreateView):
    permission_required = "core.invite_people"
    form_class = InvitationForm
    template_name = "core/invitation_form.html"
    success_url = reverse_lazy("core:invitation_list")

    def get_initial(self):
        initial: dict[str, Any] = {"role": "representative", "language": "sv"}
        forum = self.request.GET.get("forum", "")
        if forum.isascii() and forum.isdigit():
            initial.update(forum=int(forum), forum_role="representative")
        return initial

    def form_valid(self, form):
        self.object = invitations.invite(form.save(commit=False), by=signed_in_user(self.request))
        messages.success(
            self.request,
            gettext("The invitation has been sent to %(email)s.") % {"email": self.object.email},
        )
        return redirect(self.success_url)


@require_POST
@permission_required("core.invite_people", raise_exception=True)
def resend_invitation(request, pk: int):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        invitations.resend(invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, gettext("A new link has been sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("core:invitation_list")


@require_POST
@permission_required("core.invite_people", raise_exception=True)
def revoke_invitation(request, pk: int):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        invitations.revoke(invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, gettext("The invitation to %(email)s is withdrawn.") % {"email": invitation.email}
        )
    return redirect("core:invitation_list")


@method_decorator(never_cache, name="dispatch")
class AcceptInvitationView(PermissionRequiredMixin, FormView):
    """The page the mailed link opens: choose a password, or take the role into the account one has."""

    permission_required = "core.accept_invitation"
    form_class = AcceptInvitationForm
    template_name = "core/invitation_accept.html"
    invitation: Invitation

    def dispatch(self, request, *args, **kwargs):
        # A door in (core/auth.py): uses and wrong links are limited per address, as sign-in is.
        if request.method == "POST" and not auth.consume_rate_limit(request, "invitation"):
            return respond_429(request)
        invitation = invitations.find(kwargs["token"])
        if invitation is None or invitation.status() != InvitationStatus.PENDING:
            if not auth.consume_rate_limit(request, "invitation_failed"):
                return respond_429(request)
            return self.render_to_response(
                {"invalid": True, "invitation": invitation},
                status=404 if invitation is None else 410,
            )
        self.invitation = invitation
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["email"] = self.invitation.email
        kwargs.setdefault("initial", {})["full_name"] = self.invitation.full_name
        return kwargs

    def _situation(self) -> str:
        user = self.request.user
        if user.is_authenticated:
            return "same" if user.email.lower() == self.invitation.email.lower() else "other"
        return "existing" if User.objects.filter(email__iexact=self.invitation.email).exists() else "new"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            invitation=self.invitation,
            situation=self._situation(),
            login_url=f"{reverse('account_login')}?next={self.request.path}",
        )
        return context

    def post(self, request, *args, **kwargs):
        situation = self._situation()
        if situation == "same":
            try:
                invitations.accept_existing(self.invitation, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            messages.success(request, gettext("Welcome: your account now has its new role."))
            return redirect("home")
        if situation != "new":
            return self.render_to_response(self.get_context_data(), status=409)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = invitations.accept_new(
                self.invitation, form.cleaned_data["full_name"], form.cleaned_data["password1"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        auth.sign_in(self.request, user, method="invitation")
        messages.success(self.request, gettext("Welcome: your account is ready."))
        return redirect("home")
