"""Time and peak memory to build the dashboard's figures and render its SVG charts (prints figures).

The same work as the politicians' dashboard (followup/views/overview.py) for the current cycle:
dashboard.dashboard() runs the aggregate queries and lays out the charts, then each chart is rendered
with the template the page includes. Run on the data in DATABASE_URL; `make bench` calls it.
"""

import json
import resource
import time
import tracemalloc

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import timezone, translation

from followup import dashboard
from followup.models import Cycle, current_among

# (template, where the chart is in the figures) for every chart the dashboard page shows.
CHARTS = [
    ("followup/includes/chart_status.html", ("actions", "status_chart")),
    ("followup/includes/chart_bars.html", ("actions", "goal_progress_chart")),
    ("followup/includes/chart_status.html", ("actions", "department_chart")),
    ("followup/includes/chart_status.html", ("actions", "minority_chart")),
    ("followup/includes/chart_bars.html", ("meetings", "tier_chart")),
    ("followup/includes/chart_bars.html", ("indicators", "chart")),
]


def build_and_render(cycle: Cycle) -> tuple[float, float, int]:
    """Seconds to build the figures, seconds to render the charts, and the characters of SVG made."""
    began = time.perf_counter()
    figures = dashboard.dashboard(dashboard.Filters(cycle=cycle), timezone.localdate())
    built = time.perf_counter()
    size = 0
    for number, (template, (block, key)) in enumerate(CHARTS):
        chart = figures[block][key]
        size += len(
            render_to_string(template, {"chart": chart, "chart_id": f"c{number}", "chart_title": key})
        )
    return built - began, time.perf_counter() - built, size


class Command(BaseCommand):
    help = "Build the dashboard's figures and render its charts for the current cycle; print time and peak memory."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="End with one line of JSON with the figures."
        )

    def handle(self, *args, runs: int, as_json: bool, **options):
        cycle = current_among(list(Cycle.objects.prefetch_related("phases")), timezone.localdate())
        if cycle is None:
            raise CommandError("No cycle in the database: the dashboard has nothing to show.")
        self.stdout.write(f"dashboard figures and {len(CHARTS)} charts for cycle {cycle.year}, {runs} runs")
        totals = []
        with translation.override(settings.LANGUAGE_CODE):
            # Timed runs without tracemalloc (it slows every allocation); then one run that measures the heap.
            for run in range(1, runs + 1):
                build, render, size = build_and_render(cycle)
                totals.append(build + render)
                self.stdout.write(
                    f"run {run}: figures {build * 1000:.0f} ms, charts {render * 1000:.0f} ms, "
                    f"total {(build + render) * 1000:.0f} ms, {size / 1024:.0f} KiB of SVG"
                )
            tracemalloc.start()
            build_and_render(cycle)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"peak Python heap {peak / 2**20:.1f} MiB, peak RSS of the process {rss:.0f} MiB")
        if as_json:
            result = {
                "cycle": cycle.year,
                "charts": len(CHARTS),
                "runs_ms": [round(t * 1000, 1) for t in totals],
                "best_ms": round(min(totals) * 1000, 1),
                "median_ms": round(sorted(totals)[len(totals) // 2] * 1000, 1),
                "peak_heap_mib": round(peak / 2**20, 1),
                "peak_rss_mib": round(rss),
            }
            self.stdout.write("BENCH_JSON " + json.dumps(result, sort_keys=True))
