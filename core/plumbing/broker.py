"""Handing work to Celery when the broker (Redis) may be down: the caller keeps the work in the database."""

import logging

logger = logging.getLogger(__name__)


def hand_over(task, *args) -> bool:
    """Queue the task; False, logged, if the broker is unreachable (never an error for the request)."""
    try:
        task.delay(*args)
    except Exception:  # noqa: BLE001 - Redis being down must not fail the request or the schedule
        logger.warning("Broker unavailable; %s%s waits in the database", task.name, args, exc_info=True)
        return False
    return True
