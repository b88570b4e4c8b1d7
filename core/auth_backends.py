"""Sign-in backends: Django's and allauth's, with Django's model permissions kept for staff alone.

The portal's permissions are its rules (`rules`, core/rules.py and each app's); Django's model permissions
(a person's groups and own permissions) matter only on the admin site, which only staff may enter. Without
this, every rule that said no without an object (may this person order a report? see every department?) was
asked again of Django's permission tables: two queries on every such request, for a set that is empty for
everyone but staff. It is no weaker: a group permission can no longer say yes where the rules said no.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend


class _StaffModelPermissions:
    """ModelBackend's permission sets, empty for anyone not staff; get_all_permissions and has_perm build on them."""

    def get_user_permissions(self, user_obj, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return set()
        return super().get_user_permissions(user_obj, obj)  # type: ignore[misc]

    def get_group_permissions(self, user_obj, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return set()
        return super().get_group_permissions(user_obj, obj)  # type: ignore[misc]


class PortalModelBackend(_StaffModelPermissions, ModelBackend):
    """Django's ModelBackend (sign-in with the password), model permissions for staff only."""


class PortalAccountBackend(_StaffModelPermissions, AuthenticationBackend):
    """allauth's backend (sign-in with the e-mail address), model permissions for staff only."""
