"""The floor of the stack for `make bench`: one query and a one-line template through every middleware."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from ..models import Forum


@require_GET
@permission_required("core.view_home")
def bench_floor(request: HttpRequest) -> HttpResponse:
    """Public like the start page; the fastest page this stack can serve, to compare the others with."""
    return render(request, "core/bench_floor.html", {"count": Forum.objects.filter(is_public=True).count()})
