from typing import cast

from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.generic import UpdateView
from rules.contrib.views import PermissionRequiredMixin

from ..forms import ProfileForm
from ..models import User


class ProfileView(PermissionRequiredMixin, UpdateView):
    """A person's own name, job title and the language their mail is written in."""

    permission_required = "core.change_own_profile"
    model = User
    form_class = ProfileForm
    template_name = "core/user_form.html"

    def get_object(self, queryset=None) -> User:
        # rules asks for the object before it checks the permission: a visitor who is not signed in gets
        # here too (AnonymousUser) and is then sent to sign in; past the check it is the person's own record.
        return cast(User, self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        # Confirm in the language just chosen, where the next page opens.
        with translation.override(self.object.language):
            messages.success(self.request, gettext("Your profile has been saved."))
        return response

    def get_success_url(self) -> str:
        # Show the saved page in the language just chosen.
        with translation.override(self.object.language):
            return reverse("core:profile")
