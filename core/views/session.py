"""The small endpoint behind the "Stay signed in" button (core/session_timing.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core import session_timing


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def keep_alive(request: HttpRequest) -> JsonResponse:
    """Push the idle end of the session forward and say when it now ends, and when it ends at the latest."""
    times = session_timing.refresh(request)
    return JsonResponse(
        {
            "idle_ends": times["idle"],
            "absolute_ends": times["absolute"],
            "server_now": times["now"],
        }
    )
