"""How allauth fits the portal: residents sign up themselves; mail goes in the person's language."""

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from .models import Role


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # Open sign-up is for residents who follow public work; other roles are given by a coordinator.
        user.role = Role.RESIDENT
        user.full_name = form.cleaned_data.get("full_name", "")
        user.language = translation.get_language() or "sv"
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # Write the message in the recipient's language when the portal knows it.
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, {**context, "current_site": self._portal_site()})

    def _portal_site(self) -> SimpleNamespace:
        # allauth's mails greet from the Site row ("example.com" unless someone edits it in the admin):
        # name the portal in the recipient's language and the address the person actually used.
        request = getattr(self, "request", None)
        if request is not None:
            domain = request.get_host()
        else:
            domain = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
        return SimpleNamespace(name=gettext("Haninge municipality: national minorities"), domain=domain)


class MFAAdapter(DefaultMFAAdapter):
    """Those whose role requires a second factor may replace their authenticator app, not remove it."""

    def can_delete_authenticator(self, authenticator) -> bool:
        from .auth import must_use_second_factor

        if authenticator.type == authenticator.Type.TOTP and must_use_second_factor(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
