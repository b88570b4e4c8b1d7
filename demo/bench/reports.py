"""The archive of quarterly reports, as the schedule would have made them: a row per quarter and report
language with its JSON snapshot (reports.content.collect) and a real PDF (reports.render.render_pdf).

Rendering is the expensive part: on ten years of history a quarterly report has some 50–60 pages and
takes 25–30 s to render on a 2-core machine. So only the latest quarters without reports are made (one by
default: the demo makes the last quarter's); how many is an option. Each row that says "done" has its file.
The snapshots are collected first, the PDFs then rendered in parallel worker processes (rendering reads
no database), and the rows written last.
"""

import datetime as dt
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.utils.text import slugify

from reports.content import collect
from reports.models import Report, ReportKind, ReportStatus, previous_quarter, report_path

from . import BENCH_PREFIX
from .context import BATCH, Context, at


def quarters(today: dt.date, count: int, first: dt.date, done: set) -> list[tuple[dt.date, dt.date]]:
    """The `count` latest quarters (oldest first, none before `first`) that lack a report in some language;
    a quarter whose reports are all in the archive already (the demo's last quarter) is passed over."""
    periods = []
    start, end = previous_quarter(today)
    while len(periods) < count and start >= first:
        if any((start, language) not in done for language in settings.REPORT_LANGUAGES):
            periods.append((start, end))
        start, end = previous_quarter(start)
    return periods[::-1]


def _render(job: tuple) -> tuple[str, int, int]:
    """In a worker process: the PDF of one report, written to its final name."""
    from reports.render import render_pdf

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    kind, start, end, language, snapshot, relative = job
    report = Report(kind=kind, period_start=start, period_end=end, language=language)
    path = default_storage.path(relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pages = render_pdf(report, snapshot, path)
    return relative, os.path.getsize(path), pages


def build_reports(ctx: Context, count: int, workers: int | None = None) -> int:
    jobs, rows = [], []
    # The schedule makes one report per quarter and language: one already in the archive (the demo's
    # report of the last quarter) stays as it is.
    made_already = set(
        Report.objects.filter(kind=ReportKind.QUARTERLY, scheduled=True).values_list(
            "period_start", "language"
        )
    )
    periods = quarters(ctx.today, count, ctx.first_day, made_already)
    database = slugify(connection.settings_dict["NAME"])
    for start, end in periods:
        for language in settings.REPORT_LANGUAGES:
            if (start, language) in made_already:
                continue
            snapshot = collect(ReportKind.QUARTERLY, start, end, language)
            # Made by the schedule in the night after the quarter ended.
            made = at(end + dt.timedelta(days=1), 6, 5)
            snapshot["made_at"] = made.isoformat()
            # Named after the database too: databases that share MEDIA_ROOT must not share files.
            name = (
                f"{BENCH_PREFIX}{database}-{ReportKind.QUARTERLY}-{start:%Y%m%d}-{end:%Y%m%d}-{language}.pdf"
            )
            report = Report(
                kind=ReportKind.QUARTERLY,
                period_start=start,
                period_end=end,
                language=language,
                status=ReportStatus.DONE,
                scheduled=True,
                created_at=made - dt.timedelta(minutes=5),
                started_at=made - dt.timedelta(minutes=1),
                finished_at=made,
                attempts=1,
                snapshot=snapshot,
            )
            report.file.name = report_path(report, name)
            rows.append(report)
            jobs.append((report.kind, start, end, language, snapshot, report.file.name))
    if not jobs:
        return 0
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers <= 1:
        made = {relative: (size, pages) for relative, size, pages in map(_render, jobs)}
    else:
        # Forked workers must not share the database connection: close it (outside any transaction);
        # Django opens a new one for the next query.
        connections.close_all()
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
            made = {relative: (size, pages) for relative, size, pages in pool.map(_render, jobs)}
    for report in rows:
        report.size, report.pages = made[report.file.name]
    Report.objects.bulk_create(rows, batch_size=BATCH)
    ctx.counts["reports"] = len(rows)
    ctx.counts["report pages"] = sum(r.pages for r in rows)
    return len(rows)
