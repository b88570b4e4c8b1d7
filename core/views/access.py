"""The one access rule for a view that acts on one object.

A person who may not know the object exists gets 404; a visitor who is not signed in is sent to sign in
(signing in might grant access); someone who may see the object but not do what the view does gets 403.
`load_object` applies it in function views, `ObjectAccessMixin` in class-based views, and
`core.middleware.SignInForAccessMiddleware` turns `NeedsSignIn` into the sign-in redirect for both.
"""

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views import View

from core.models import User

M = TypeVar("M", bound=Model)

if TYPE_CHECKING:
    # Read by mypy as declared here: following the import makes django-stubs lose the models' queryset types
    # throughout the views (a cycle through core.models).
    def holds_page(request: HttpRequest) -> bool: ...
    def read_one(queryset: QuerySet[M], field_name: str, value: Any, *, shape: object) -> M: ...
else:
    from core.plumbing.compiled import read_one
    from core.plumbing.pagecache import holds_page

if TYPE_CHECKING:
    # What the mixins below are mixed into: mypy reads them as views, Python as plain mixins.
    _View = View
else:
    _View = object


class NeedsSignIn(Exception):
    """Raised where signing in might grant access; the middleware turns it into the sign-in redirect.

    `next_url` is where to come back after signing in, when that is not the page asked for (a button's POST-only
    address comes back to the page the button is on).
    """

    def __init__(self, next_url: str | None = None) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def check_access(
    request: HttpRequest, obj: Any, view: str, act: str | None = None, *, next_url: str | None = None
) -> None:
    """Apply the rule to an object already loaded (or to the object a permission is judged by)."""
    user = request.user
    if not user.has_perm(view, obj):
        if not user.is_authenticated:
            raise NeedsSignIn(next_url)
        raise Http404
    if act and not user.has_perm(act, obj):
        if not user.is_authenticated:
            raise NeedsSignIn(next_url)
        raise PermissionDenied


def signed_in_user(request: HttpRequest) -> User:
    """The person making a request that only a signed-in person gets this far with.

    The view's access rule (a permission that only signed-in people have) has already turned away a visitor
    who is not signed in: this tells the type checker what the view relies on, and fails loudly if it did not.
    """
    user = request.user
    assert isinstance(user, User), "the access rule lets only a signed-in person this far"
    return user


def load_object(
    request: HttpRequest,
    queryset: QuerySet[M] | type[M],
    pk: Any,
    *,
    view: str,
    act: str | None = None,
    next_url: str | None = None,
) -> M:
    """The object with this primary key, if the person may see it (`view`) and, when given, act on it (`act`)."""
    obj = get_object_or_404(queryset, pk=pk)
    check_access(request, obj, view, act, next_url=next_url)
    return obj


class ObjectAccessMixin(_View):
    """Class-based views on one object declare `view_permission` (else 404) and `permission_required` (else 403).

    The object is loaded from `model_queryset` by the URL's `lookup_kwarg` before the view runs, and kept as
    `self.object`; `get_access_object` names what the permissions are judged on when that is another object.
    """

    model_queryset: QuerySet | None = None
    lookup_kwarg = "pk"
    lookup_field = "pk"
    view_permission: str = ""
    permission_required: str | None = None
    object: Any

    def get_access_queryset(self) -> QuerySet:
        assert self.model_queryset is not None, "a view with ObjectAccessMixin sets model_queryset"
        return self.model_queryset

    def get_hit_queryset(self) -> QuerySet | None:
        """What the access rules need and nothing more, read instead of the access queryset when the page
        cache holds the page (a view decorated with cached_get): the page is then not rendered, and loading
        what it shows would cost more than serving it. None: always the access queryset.

        The same queryset for every request of the view: its SQL is compiled once per process
        (core.plumbing.compiled), and only the object's key changes from one read to the next."""
        return None

    def get_access_object(self) -> Any:
        """The object the permissions are checked on (an agenda item is judged by its meeting)."""
        return self.object

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        hit = self.get_hit_queryset()
        value = kwargs[self.lookup_kwarg]
        if hit is not None and holds_page(request):
            self.object = read_one(hit, self.lookup_field, value, shape=type(self))
        else:
            self.object = get_object_or_404(self.get_access_queryset(), **{self.lookup_field: value})
        check_access(request, self.get_access_object(), self.view_permission, self.permission_required)
        return super().dispatch(request, *args, **kwargs)
