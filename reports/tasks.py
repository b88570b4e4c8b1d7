"""Report generation on the Celery worker, and the quarterly schedule.

A report is made exactly once: the row is locked while it is claimed, and the claim is a lease
(REPORT_LEASE_SECONDS, past the task's hard time limit): a second delivery of the task while the lease runs
(a short broker visibility timeout) waits for it instead of rendering in parallel, and a worker that died
leaves a lease that runs out, so the next delivery takes the report over. A finished report is never made
again, and only the attempt that holds the latest claim records its result. The PDF is written under a
temporary name and moved into place only when complete, so a worker killed mid-render leaves no partial
file; with `acks_late` the broker hands the task to another worker.
"""

import contextlib
import datetime as dt
import glob
import logging
import math
import os
import tempfile
import uuid

from celery import shared_task
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from core.models import Role, User
from core.plumbing.broker import hand_over
from core.services import notify

from .content import collect
from .models import Report, ReportKind, ReportStatus, previous_quarter, report_path
from .render import render_pdf

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


class LeaseHeld(Exception):
    """Another worker holds the report's lease: it finishes the report, or its lease runs out."""

    def __init__(self, report_id: int, until: dt.datetime):
        super().__init__(report_id, until)
        self.until = until

    def seconds_left(self) -> int:
        return max(math.ceil((self.until - timezone.now()).total_seconds()), 0) + 1


def _claim(report_id: int) -> Report | None:
    """Take the report for one attempt under a lease; None if it is done, LeaseHeld while another holds it."""
    now = timezone.now()
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.status == ReportStatus.DONE:
            return None
        if report.is_held(now):
            raise LeaseHeld(report_id, report.lease_until)
        report.status = ReportStatus.RUNNING
        # The attempt's number is also its claim: only the latest attempt records a result.
        report.attempts += 1
        report.started_at = now
        report.lease_until = now + dt.timedelta(seconds=settings.REPORT_LEASE_SECONDS)
        report.error = ""
        report.save(update_fields=["status", "attempts", "started_at", "lease_until", "error"])
        return report


def make(report: Report) -> Report | None:
    """Collect the snapshot, render the PDF to a temporary name, move it into place, record it.

    None if the attempt lost its claim meanwhile: a later attempt took the report over and records it.
    """
    snapshot = collect(report.kind, report.period_start, report.period_end, report.language)
    name = f"{report.kind}-{report.period_start:%Y%m%d}-{report.period_end:%Y%m%d}-{report.language}-{report.pk}.pdf"
    relative, size, pages = write_pdf(report, snapshot, name)
    report.file.name = relative
    report.size = size
    report.pages = pages
    report.snapshot = snapshot
    report.status = ReportStatus.DONE
    report.finished_at = timezone.now()
    report.lease_until = None
    recorded = Report.objects.filter(pk=report.pk, attempts=report.attempts).update(
        file=relative,
        size=size,
        pages=pages,
        snapshot=snapshot,
        status=ReportStatus.DONE,
        finished_at=report.finished_at,
        lease_until=None,
    )
    if not recorded:
        # Its lease ran out and a later attempt took the report over: that one records it (same file name).
        logger.warning(
            "Report %s attempt %s lost its lease; the later attempt records it", report.pk, report.attempts
        )
        return None
    return report


def write_pdf(report: Report, snapshot: dict, name: str) -> tuple[str, int, int]:
    """Render the snapshot to a temporary name beside `name` and move it into place whole; return its
    storage name, size and number of pages (the report and its public version alike)."""
    relative = report_path(report, name)
    try:
        final = default_storage.path(relative)
    except (
        NotImplementedError
    ):  # object storage (FILE_STORAGE=s3): an object appears only once uploaded whole
        final = None
    target_dir = os.path.dirname(final) if final else tempfile.gettempdir()
    os.makedirs(target_dir, exist_ok=True)
    _remove_stale_partials(target_dir, name)
    partial = os.path.join(target_dir, f"{name}.{uuid.uuid4().hex}.part")
    try:
        pages = render_pdf(report, snapshot, partial)
        if final:
            os.replace(partial, final)
            size = os.path.getsize(final)
        else:
            size = os.path.getsize(partial)
            with open(partial, "rb") as handle:
                relative = default_storage.save(relative, File(handle, name=name))
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return relative, size, pages


def _remove_stale_partials(directory: str, name: str) -> None:
    """Remove what an earlier attempt at this report left half-written: a worker killed mid-write
    (SIGKILL, out of memory, a lost machine) never reaches its `finally`. The name carries the report's
    pk and the task is the only writer of it, so these files belong to this report's dead attempts.
    """
    for stale in glob.glob(os.path.join(glob.escape(directory), f"{glob.escape(name)}.*.part")):
        logger.warning("Removing %s, left by an earlier attempt that did not finish", stale)
        with contextlib.suppress(FileNotFoundError):
            os.remove(stale)


# Failed attempts are bounded by the report's own count (MAX_ATTEMPTS); waiting for a lease is no attempt.
@shared_task(bind=True, name="reports.generate", acks_late=True, reject_on_worker_lost=True, max_retries=None)
def generate_report(self, report_id: int) -> int:
    try:
        report = _claim(report_id)
    except LeaseHeld as held:
        if self.request.called_directly or self.request.is_eager:
            return report_id
        # The broker handed the task out twice, or its worker's pool process died and the task came back at
        # once: come back when the lease ends, by when the holder has finished or is surely dead.
        logger.info(
            "Report %s is being made under a lease until %s; trying again then", report_id, held.until
        )
        raise self.retry(countdown=held.seconds_left()) from held
    if report is None:
        return report_id
    try:
        if make(report) is not None and report.scheduled:
            _tell_readers(report)
    except Exception as error:  # shown to coordinators, retried with a bound
        logger.exception("Report %s failed", report_id)
        final = report.attempts >= MAX_ATTEMPTS
        recorded = Report.objects.filter(pk=report_id, attempts=report.attempts).update(
            status=ReportStatus.FAILED if final else ReportStatus.QUEUED,
            error=f"{type(error).__name__}: {error}",
            lease_until=None,
        )
        if recorded and not final:
            raise self.retry(exc=error, countdown=30 * report.attempts) from error
        return report_id
    return report_id


def _tell_readers(report: Report) -> None:
    """Politicians and coordinators get a link (never the file) in their own language."""
    languages = set(settings.REPORT_LANGUAGES)
    readers = [
        person
        for person in User.objects.filter(is_active=True, role__in=[Role.POLITICIAN, Role.COORDINATOR])
        if (person.language or settings.LANGUAGE_CODE) == report.language
        or (report.language == settings.LANGUAGE_CODE and person.language not in languages)
    ]
    notify(readers, "reports/email/ready", {"report": report}, kind="report_ready")


def order(report: Report) -> None:
    """Queue the report once the row is committed; if the broker is down, it waits for the sweep."""
    transaction.on_commit(lambda: enqueue(report.pk))


def enqueue(report_id: int) -> bool:
    """Hand the report to the broker and note when; a broker that is down fails nothing (the row waits)."""
    if not hand_over(generate_report, report_id):
        return False
    Report.objects.filter(pk=report_id).update(enqueued_at=timezone.now())
    return True


@shared_task(name="reports.queue_waiting")
def queue_waiting_reports() -> int:
    """Queue the reports ordered while the broker was down (never handed over, so never twice)."""
    waiting = Report.objects.filter(status=ReportStatus.QUEUED, enqueued_at__isnull=True).order_by("pk")
    return sum(enqueue(pk) for pk in waiting.values_list("pk", flat=True))


@shared_task(name="reports.quarterly")
def make_quarterly_reports(today=None) -> int:
    """At the start of a quarter: the report of the quarter that ended, in Swedish and Finnish, once each."""
    start, end = previous_quarter(today or timezone.localdate())
    made = 0
    for language in settings.REPORT_LANGUAGES:
        with transaction.atomic():
            report, created = Report.objects.get_or_create(
                kind=ReportKind.QUARTERLY,
                period_start=start,
                period_end=end,
                language=language,
                scheduled=True,
            )
            if created:
                made += 1
                order(report)
    return made
