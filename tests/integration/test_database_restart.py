"""The database ends the portal's connections, as a PostgreSQL restart or failover would: the next
requests to a real gunicorn succeed with no manual step (CONN_HEALTH_CHECKS, persistent connections)."""

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.waiting import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def server(tmp_path):
    """gunicorn with one worker on the test database, as production runs it (DEBUG off)."""
    db = connection.settings_dict
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "haninge_portal.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "test-only-key-not-secret-but-long-enough-for-the-deploy-checks-0123",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_HTTPS": "false",
        "PAGE_CACHE_SECONDS": "0",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - closed after the process ends
    process = subprocess.Popen(
        [str(gunicorn), "haninge_portal.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=settings.BASE_DIR,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: _answers(base + "/healthz"), 30, "gunicorn to answer", interval=0.1)
    yield base
    process.terminate()
    process.wait(timeout=30)
    log.close()


def _answers(url: str) -> bool:
    try:
        return _get(url) == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return response.status


def _portal_backends() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def test_requests_succeed_after_the_database_ended_every_connection(server):
    assert _get(server + "/sv/") == 200
    assert _get(server + "/sv/bench/floor/") == 200
    before = _portal_backends()
    assert before, "gunicorn should keep its connection between requests"
    with connection.cursor() as cursor:
        for pid in before:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    for path in ("/sv/bench/floor/", "/sv/", "/sv/calendar/list/"):
        assert _get(server + path) == 200
    after = _portal_backends()
    assert after and not set(after) & set(before)  # a new connection, opened without anyone's help
