"""Loading an object for a view: 404 for those who may not know it exists, 403 where they may not change it."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404


class NeedsSignIn(Exception):
    """Raised where signing in might grant access; the view turns it into a redirect."""


def check_access(request: HttpRequest, obj, view_permission: str, permission: str | None = None) -> None:
    user = request.user
    if not user.has_perm(view_permission, obj):
        if not user.is_authenticated:
            raise NeedsSignIn
        raise Http404
    if permission and not user.has_perm(permission, obj):
        if not user.is_authenticated:
            raise NeedsSignIn
        raise PermissionDenied


class ObjectAccessMixin:
    """Views that act on one object declare `view_permission` (else 404) and `permission_required` (else 403)."""

    model_queryset = None
    lookup_kwarg = "pk"
    lookup_field = "pk"
    view_permission: str = ""
    permission_required: str | None = None

    def get_access_queryset(self):
        return self.model_queryset

    def get_access_object(self):
        """The object the permissions are checked on (an agenda item is judged by its meeting)."""
        return self.object

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(
            self.get_access_queryset(), **{self.lookup_field: kwargs[self.lookup_kwarg]}
        )
        try:
            check_access(request, self.get_access_object(), self.view_permission, self.permission_required)
        except NeedsSignIn:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)
