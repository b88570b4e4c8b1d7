"""A real Celery worker, started as its own process, takes a task from the real Redis and delivers mail."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from core.models import OutgoingMail
from core.tasks import deliver_mail
from haninge_portal.celery import app

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker(tmp_path):
    """A worker process on the test database and the test Redis, writing mail to files in tmp_path."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "haninge_portal.settings_test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "DELIVERY_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
        # The same place the test process's storage uses (tests/conftest.py sets it per test).
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    celery = Path(sys.executable).with_name("celery")
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 - closed after the process ends
    process = subprocess.Popen(
        [
            str(celery),
            "-A",
            "haninge_portal",
            "worker",
            "--pool",
            "solo",
            "-l",
            "info",
            "--without-heartbeat",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=settings.BASE_DIR,
    )
    yield tmp_path
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_worker_delivers_queued_mail_through_redis(worker):
    # The autouse fixture makes tasks eager for unit tests; this one goes through the broker.
    app.conf.task_always_eager = False
    stored = OutgoingMail.objects.create(
        subject="Kallelse till dialogmöte",
        body="Välkommen",
        from_email="noreply@example.org",
        to=["rep@example.org"],
    )
    result = deliver_mail.delay(stored.pk)
    assert result.get(timeout=60) is True

    stored.refresh_from_db()
    assert stored.sent_at is not None
    written = [p for p in worker.iterdir() if p.suffix == ".log" and p.name != "worker.log"]
    assert len(written) == 1
    text = written[0].read_text()
    assert "To: rep@example.org" in text
    assert "Välkommen" in text

    # The same task again (a redelivery after a lost ack) sends nothing new: it has ended when get() returns,
    # and the worker's solo pool runs one task at a time, so nothing else is still writing.
    assert deliver_mail.delay(stored.pk).get(timeout=60) is True
    assert len([p for p in worker.iterdir() if p.suffix == ".log" and p.name != "worker.log"]) == 1
