"""Redis down, against a private redis-server on its own port that the test stops and starts (never the
machine's shared one): pages are still served, a report ordered meanwhile is kept in the database, and is
handed to the broker, once, when Redis is back."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from kombu import pools

from haninge_portal.celery import app
from reports import tasks
from reports.models import Report, ReportStatus
from tests.integration.private_redis import PrivateRedis

pytestmark = pytest.mark.django_db


def use_broker(url: str) -> None:
    """Point this process's Celery at another broker, dropping the connections it keeps."""
    app.conf.broker_url = url
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def private_redis(tmp_path, settings):
    server = PrivateRedis(tmp_path)
    server.start()
    previous = app.conf.broker_url
    use_broker(server.url)
    app.conf.task_always_eager = False  # tasks go to the broker, as in production
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "core.plumbing.redis_cache.RedisCache", "LOCATION": server.url},
    }
    settings.PAGE_CACHE_SECONDS = 300
    yield server
    server.close()
    use_broker(previous)


def test_with_redis_down_pages_are_served_and_a_report_waits_then_goes_once(
    private_redis, client_for, world, django_capture_on_commit_callbacks
):
    coordinator = client_for("coordinator")
    assert coordinator.get(reverse("followup:dashboard")).status_code == 200

    private_redis.stop()
    caches["shared"].close()
    # Pages (sessions in the database, the page cache skipped) and ordering a report still work.
    assert coordinator.get(reverse("followup:dashboard")).status_code == 200
    assert client_for("anonymous").get(reverse("home")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            reverse("reports:order"),
            {"kind": "custom", "period_start": "2026-01-01", "period_end": "2026-03-31", "language": "sv"},
        )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == ReportStatus.QUEUED and report.enqueued_at is None

    private_redis.start()  # the same port: the portal's own connections find it back
    assert tasks.queue_waiting_reports() == 1
    assert private_redis.queued() == 1
    report.refresh_from_db()
    assert report.enqueued_at is not None
    # Run again: nothing is sent twice.
    assert tasks.queue_waiting_reports() == 0 and private_redis.queued() == 1
