"""A worker killed with SIGKILL in the middle of a report: the report is made exactly once, whole, by the
worker that takes over, and the killed worker's half-written file does not stay behind.

Real processes, real Redis, real PostgreSQL, real WeasyPrint. The killed workers write the PDF slowly
(tests/integration/slow_pdf_worker.py) so the kill lands while the `.part` file is being written; the
workers that take over are the plain production app.

- Pool process killed (the kernel's OOM killer, a segfault in a C library): the worker's main process sees
  the child die, and `acks_late` with `reject_on_worker_lost` puts the message back at once.
- Whole worker killed (a lost machine, `docker kill`): the message stays unacknowledged in Redis and goes
  back to the queue once it is older than the broker's visibility timeout, when a worker next starts or
  looks (BROKER_VISIBILITY_TIMEOUT_SECONDS, an hour in production, one second here).

Either way the killed attempt's claim on the report is a lease that is still running when the message comes
back: the next attempt waits for it to run out (REPORT_LEASE_SECONDS, the task's time limit and a minute in
production, LEASE here) and then takes the report over, so a dead worker blocks a report for a while, never
for ever.
"""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from haninge_portal.celery import app
from reports.models import Report, ReportStatus
from reports.tasks import generate_report
from tests.waiting import wait_until

pytestmark = pytest.mark.django_db(transaction=True)

# The killed workers' lease on the report, in seconds: longer than their attempt lives before the kill.
LEASE = "20"


def children_of(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return False


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


class Workers:
    """Starts Celery workers on the test database and Redis, each in its own process group, and kills them."""

    def __init__(self, tmp_path: Path):
        db = connection.settings_dict
        self.tmp_path = tmp_path
        (tmp_path / "tmp").mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "haninge_portal.settings_test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "REDIS_URL": settings.REDIS_URL,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            # Where a report would be written before an upload to object storage: checked for leftovers too.
            "TMPDIR": str(tmp_path / "tmp"),
        }
        self.processes: list[subprocess.Popen] = []
        self.broker = redis.Redis.from_url(settings.REDIS_URL)

    def idle(self) -> bool:
        """Nothing waits in the queue and nothing taken is unacknowledged: every task queued so far, retries
        with a countdown among them (a worker holds those unacknowledged), has run (acks_late: the ack comes
        after the task, and a retry is queued before its task ends)."""
        return not self.broker.llen("celery") and not self.broker.hlen("unacked")

    def wait_idle(self, timeout: float = 20) -> None:
        wait_until(self.idle, timeout, "the workers to run every queued task", interval=0.1)

    def start(self, app_module: str = "haninge_portal", **env: str) -> subprocess.Popen:
        log_path = self.tmp_path / f"worker-{len(self.processes) + 1}.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("celery")),
                    "-A",
                    app_module,
                    "worker",
                    "--pool",
                    "prefork",
                    "--concurrency",
                    "1",
                    "-l",
                    "info",
                    "--without-heartbeat",
                    "--without-mingle",
                    "--without-gossip",
                ],
                env={**self.env, **env},
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=settings.BASE_DIR,
                start_new_session=True,  # its own process group: killpg takes the pool processes too
            )
        process.log_path = log_path
        self.processes.append(process)
        wait_until(lambda: " ready." in log_path.read_text(), 30, f"{app_module} worker to be ready")
        return process

    def kill_all(self, process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                # Cold shutdown: whatever it holds goes back to Redis at once (the next fixture clears it).
                process.send_signal(signal.SIGQUIT)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@pytest.fixture
def workers(tmp_path):
    app.conf.task_always_eager = False
    started = Workers(tmp_path)
    # Messages that a failed earlier run left in this Redis database would be taken by these workers.
    started.broker.delete("celery", "unacked", "unacked_index", "unacked_mutex")
    yield started
    started.stop()


def order_report() -> tuple[Report, Path]:
    report = Report.objects.create(
        kind="quarterly", period_start="2026-04-01", period_end="2026-06-30", language="sv"
    )
    return report, Path(settings.MEDIA_ROOT) / "reports" / "2026"


def partial_being_written(directory: Path) -> Path | None:
    found = [p for p in directory.glob("*.part") if p.stat().st_size > 0] if directory.exists() else []
    return found[0] if found else None


def assert_made_exactly_once(report: Report, directory: Path, tmp_path: Path) -> None:
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    assert report.error == ""
    # The first attempt was killed, the second made it.
    assert report.attempts == 2
    pdfs = sorted(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert pdfs == [Path(settings.MEDIA_ROOT) / report.file.name]
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == report.pages > 0
    assert "Kvartalsrapport" in reader.pages[0].extract_text()
    assert report.size == pdfs[0].stat().st_size
    # Nothing half-written anywhere: not beside the reports, not in the temporary directory.
    assert list(Path(settings.MEDIA_ROOT).rglob("*.part")) == []
    assert list((tmp_path / "tmp").rglob("*.part")) == []

    # The task delivered once more (a lost acknowledgement, the sweep): the report is not made again.
    made = pdfs[0].stat().st_mtime_ns
    assert generate_report.delay(report.pk).get(timeout=30) == report.pk
    report.refresh_from_db()
    assert report.attempts == 2 and report.status == ReportStatus.DONE
    assert pdfs[0].stat().st_mtime_ns == made
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*.pdf")) == pdfs


def test_a_report_whose_pool_process_is_killed_mid_write_is_made_once_by_the_next(workers, tmp_path):
    worker = workers.start("tests.integration.slow_pdf_worker", REPORT_LEASE_SECONDS=LEASE)
    report, directory = order_report()
    generate_report.delay(report.pk)

    partial = wait_until(lambda: partial_being_written(directory), 45, "the PDF to be half-written")
    writer = wait_until(
        lambda: next((pid for pid in children_of(worker.pid) if has_open(pid, partial)), None),
        5,
        "the pool process writing the PDF",
    )
    os.kill(writer, signal.SIGKILL)
    wait_until(lambda: not alive(writer), 5, "the pool process to die")
    # The kill landed mid-write: the partial file is still there, the report is not done.
    assert partial.exists()
    assert Report.objects.get(pk=report.pk).status == ReportStatus.RUNNING

    # The main process starts a new pool process and, with reject_on_worker_lost, hands it the message; it
    # finds the killed attempt's lease running, waits for it to run out and then makes the report.
    wait_until(
        lambda: Report.objects.filter(pk=report.pk, status=ReportStatus.DONE).exists(),
        45,
        "the report to be made by the new pool process",
        interval=0.2,
    )
    assert worker.poll() is None
    log = worker.log_path.read_text()
    assert "WorkerLostError" in log
    assert "being made under a lease" in log
    assert not partial.exists()
    assert_made_exactly_once(report, directory, tmp_path)


def test_a_report_whose_whole_worker_is_killed_mid_write_is_made_once_after_a_worker_starts(
    workers, tmp_path
):
    killed = workers.start("tests.integration.slow_pdf_worker", REPORT_LEASE_SECONDS=LEASE)
    report, directory = order_report()
    generate_report.delay(report.pk)

    partial = wait_until(lambda: partial_being_written(directory), 45, "the PDF to be half-written")
    pool = children_of(killed.pid)
    workers.kill_all(killed)
    for pid in pool:
        wait_until(lambda pid=pid: not alive(pid), 5, "the pool process to die")
    assert partial.exists()
    assert Report.objects.get(pk=report.pk).status == ReportStatus.RUNNING

    # Nobody acknowledged the message: Redis keeps it aside until it is older than the visibility timeout
    # (one second, below); time has to pass until it is. The worker that takes over is the production app
    # with its own (long) lease.
    taken_at = max(score for _, score in workers.broker.zrange("unacked_index", 0, -1, withscores=True))
    wait_until(lambda: time.time() > taken_at + 1.2, 5, "the message to be older than the visibility timeout")
    workers.start(BROKER_VISIBILITY_TIMEOUT_SECONDS="1")
    wait_until(
        lambda: Report.objects.filter(pk=report.pk, status=ReportStatus.DONE).exists(),
        45,
        "the report to be made by the new worker",
        interval=0.2,
    )
    assert not partial.exists()
    assert_made_exactly_once(report, directory, tmp_path)
