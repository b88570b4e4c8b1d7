"""The floor of the stack for `make bench`: one query and a one-line template through every middleware."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import get_template
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from ..models import Forum


@require_GET
@permission_required("core.view_home")
def bench_floor(request: HttpRequest) -> HttpResponse:
    """Public like the start page; the fastest page this stack can serve, to compare the others with.

    The template is rendered without the request, so no context processor runs: only the middleware,
    one query and a one-line template.
    """
    count = Forum.objects.filter(is_public=True).count()
    return HttpResponse(
        get_template("core/bench_floor.html").render({"count": count}), content_type="text/plain"
    )
