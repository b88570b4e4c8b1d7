"""Ten years of history on top of the demo data, for benchmarks: see demo/bench/__init__.py."""

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from demo.bench.build import build

DEFAULT_SEED = 2009  # the year of lag (2009:724)


class Command(BaseCommand):
    help = (
        "Build ten years of Haninge's history (cycles, forums, meetings, proposals, actions, indicators, "
        "people, reports) on top of the demo data. Deterministic for a seed, scale and day; running it "
        "again deletes the previous bench rows and builds them again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the random generator.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiplies the counts (1.0: ~3000 proposals)."
        )
        parser.add_argument(
            "--report-quarters",
            type=int,
            default=1,
            help=(
                "How many of the latest quarters still without reports get them (Swedish and Finnish, each a "
                "rendered PDF of some 50-60 pages, ~25 s each at scale 1)."
            ),
        )
        parser.add_argument(
            "--workers", type=int, default=None, help="Processes rendering the PDFs (default: one per CPU)."
        )

    def handle(self, *args, seed: int, scale: float, report_quarters: int, workers: int | None, **options):
        if scale <= 0:
            self.stderr.write("--scale must be above 0.")
            return
        today = timezone.localdate()
        self.stdout.write(
            f"Building bench data for {today.year - 9}–{today.year} (seed {seed}, scale {scale}):"
        )
        counts = build(
            seed=seed,
            scale=scale,
            today=today,
            report_quarters=report_quarters,
            workers=workers,
            log=self.stdout.write,
        )
        # Statistics for the planner, as autovacuum would gather a minute later: without them it does not
        # see that the full-text indexes find few rows, and search scans every proposal (0.2 s, not 0.02 s).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Bench data is in place:"))
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            self.stdout.write(f"  {name:<{width}}  {count:>7}")
