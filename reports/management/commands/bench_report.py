"""Time and peak memory to make the quarterly report on the data in DATABASE_URL (prints figures)."""

import resource
import tempfile
import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.content import collect
from reports.models import Report, ReportKind, previous_quarter
from reports.render import render_pdf


class Command(BaseCommand):
    help = "Render the quarterly report for the quarter that ended, and print time and peak memory."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="sv")
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, language: str, runs: int, **options):
        start, end = previous_quarter(timezone.localdate())
        report = Report(kind=ReportKind.QUARTERLY, period_start=start, period_end=end, language=language)
        self.stdout.write(f"quarterly report {start} – {end} ({language}), {runs} runs")
        # Timed runs without tracemalloc (it slows every allocation); then one run that measures the heap.
        for run in range(1, runs + 1):
            began = time.perf_counter()
            snapshot = collect(report.kind, start, end, language)
            collected = time.perf_counter()
            with tempfile.NamedTemporaryFile(suffix=".pdf") as target:
                pages = render_pdf(report, snapshot, target.name)
                size = target.seek(0, 2)
            done = time.perf_counter()
            self.stdout.write(
                f"run {run}: collect {collected - began:.2f} s, render {done - collected:.2f} s, "
                f"total {done - began:.2f} s, {pages} pages, {size / 1024:.0f} KiB"
            )
        tracemalloc.start()
        with tempfile.NamedTemporaryFile(suffix=".pdf") as target:
            render_pdf(report, collect(report.kind, start, end, language), target.name)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"peak Python heap {peak / 2**20:.0f} MiB, peak RSS of the process {rss:.0f} MiB")
