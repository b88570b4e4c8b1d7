"""The floor of the stack for `make bench`: plain Django's view (scripts/plain_django.py) behind the portal's stack."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import get_template
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required


@require_GET
@permission_required("core.view_home")
def bench_floor(request: HttpRequest) -> HttpResponse:
    """Public like the start page; the fastest page this stack can serve, to compare the others with.

    It does what plain Django's floor does (`SELECT 1` and a one-line template rendered without the request,
    so no context processor runs), so that what it costs above that floor is the portal's middleware, URLs
    and permission check alone.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return HttpResponse(
        get_template("core/bench_floor.html").render({"value": value}), content_type="text/plain"
    )
