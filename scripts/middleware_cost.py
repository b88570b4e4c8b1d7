"""What each middleware costs a request: signed in and not, from the page cache and rendered afresh.

`make bench` runs this in its own process (scripts/bench.py, after counting queries) on the bench data; it can
also run alone in the environment scripts/bench.sh sets (DATABASE_URL, REDIS_URL, DEBUG off):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/haninge_bench REDIS_URL=redis://127.0.0.1:6379/7 \\
      DJANGO_DEBUG=false DJANGO_SECRET_KEY=x .venv/bin/python scripts/middleware_cost.py

How: the settings' MIDDLEWARE is run with a probe before each middleware and one after the last. A probe
adds up the time spent below it, so a middleware's own time (its work on the way in and on the way out) is
the time below the probe above it less the time below the probe under it. The hooks Django calls from inside
the innermost layer (process_view, process_template_response, process_exception) are timed one by one and
counted to their middleware, not to the view. "view" is what is left: URL resolving, the view's access check,
and the page rendered or taken from the page cache. Each scenario is requested WARMUP times, then REQUESTS
times; the figures are the mean per request in microseconds, in-process (Django's test client, no network).
"""

import importlib
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WARMUP = 30
REQUESTS = int(os.environ.get("BENCH_MIDDLEWARE_REQUESTS", 300))
INSIDE: dict[int, int] = defaultdict(int)
HOOKS: dict[str, int] = defaultdict(int)


class _Probe:
    index = -1

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter_ns()
        try:
            return self.get_response(request)
        finally:
            INSIDE[self.index] += time.perf_counter_ns() - started


PROBES = 40
for _index in range(PROBES):
    globals()[f"Probe{_index}"] = type(f"Probe{_index}", (_Probe,), {"index": _index})


def _timed(method, name: str):
    def hook(*args, **kwargs):
        started = time.perf_counter_ns()
        try:
            return method(*args, **kwargs)
        finally:
            HOOKS[name] += time.perf_counter_ns() - started

    return hook


def _short(path: str) -> str:
    module, _, name = path.rpartition(".")
    return f"{module.split('.')[0]}.{name}"


def measure(url: str, person=None, *, fresh: bool = False) -> dict[str, float]:
    """Mean microseconds per request of each middleware (by its path in MIDDLEWARE) and of the view."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    from core.auth import mark_both_factors_passed

    # The probes in MIDDLEWARE are this module as Django imports it, which is not __main__ when run alone.
    probes = importlib.import_module("middleware_cost")
    inside, hooks_time = probes.INSIDE, probes.HOOKS
    middleware = list(settings.MIDDLEWARE)
    with_probes = []
    for index, path in enumerate(middleware):
        with_probes += [f"middleware_cost.Probe{index}", path]
    with_probes.append(f"middleware_cost.Probe{len(middleware)}")
    overrides = {"MIDDLEWARE": with_probes}
    if fresh:
        overrides["PAGE_CACHE_SECONDS"] = 0
    with override_settings(**overrides):
        client = Client(HTTP_HOST="127.0.0.1")
        if person is not None:
            client.force_login(person)
            mark_both_factors_passed(client.session, person)
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"middleware_cost: {url} answered {response.status_code}")
        handler = client.handler
        for hooks in ("_view_middleware", "_template_response_middleware", "_exception_middleware"):
            wrapped = []
            for method in getattr(handler, hooks):
                owner_class = getattr(method, "__self__", None)
                cls_name = type(owner_class).__name__ if owner_class else method.__qualname__.split(".")[0]
                name = next((p for p in middleware if p.rsplit(".", 1)[1] == cls_name), cls_name)
                wrapped.append(probes._timed(method, name))
            setattr(handler, hooks, wrapped)
        for _ in range(WARMUP):
            client.get(url)
        inside.clear()
        hooks_time.clear()
        started = time.perf_counter_ns()
        for _ in range(REQUESTS):
            client.get(url)
        total = time.perf_counter_ns() - started
    costs = {}
    for index, path in enumerate(middleware):
        own = inside[index] - inside[index + 1] + hooks_time.get(path, 0)
        costs[path] = own / REQUESTS / 1000
    costs["view"] = (inside[len(middleware)] - sum(hooks_time.values())) / REQUESTS / 1000
    costs["all middleware"] = sum(v for k, v in costs.items() if k != "view")
    costs["request, in-process"] = total / REQUESTS / 1000
    return costs


def scenarios(pages: list, people: dict) -> list[tuple[str, str, object, bool]]:
    """(title, url, person or None, rendered afresh?) for the table's columns, from bench.find_pages()."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    meeting = next(page for page in pages if page.name.startswith("meeting (Finnish dialogue"))
    with translation.override(settings.LANGUAGE_CODE):
        floor = reverse("core:bench_floor")
        start = reverse("home")
    return [
        ("bare view, visitor", floor, None, False),
        ("bare view, signed in", floor, people["representative"], False),
        ("start page from the cache, visitor", start, None, False),
        ("home from the cache, coordinator (2FA)", start, people["coordinator"], False),
        ("meeting from the cache, signed in", meeting.url, people["representative"], False),
        ("meeting rendered afresh, signed in", meeting.url, people["representative"], True),
    ]


def run(pages: list, people: dict) -> dict:
    from django.conf import settings

    columns = {
        title: measure(url, person, fresh=fresh) for title, url, person, fresh in scenarios(pages, people)
    }
    names = [*settings.MIDDLEWARE, "all middleware", "view", "request, in-process"]
    return {
        "requests": REQUESTS,
        "microseconds": {name: {t: round(c[name]) for t, c in columns.items()} for name in names},
    }


def print_table(result: dict) -> None:
    table = result["microseconds"]
    titles = list(next(iter(table.values())))
    print(f"µs per request, mean of {result['requests']} in-process requests after {WARMUP} of warm-up")
    print("| middleware | " + " | ".join(titles) + " |")
    print("|---|" + "---:|" * len(titles))
    for name, cells in table.items():
        label = name if name in ("all middleware", "view", "request, in-process") else f"`{_short(name)}`"
        print(f"| {label} | " + " | ".join(str(cells[t]) for t in titles) + " |")


if __name__ == "__main__":
    import bench

    bench.setup_django()
    print_table(run(*bench.find_pages(os.environ.get("BENCH_SEARCH", "finska"))))
