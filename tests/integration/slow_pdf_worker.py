"""The portal's Celery app for a test worker that writes each report PDF slowly, so a test can kill it mid-write.

Start it as `celery -A tests.integration.slow_pdf_worker worker --pool prefork ...`. WeasyPrint renders the
real PDF; only the writing is stretched: the bytes go into the real temporary file (`<name>.<uuid>.part`)
in chunks, flushed to disk, with a pause between them (SLOW_PDF_WRITE_SECONDS in all, 3 by default). The
claim, the move into place and the acknowledgement of the message are the production code. Without this,
the window in which a partial file exists lasts microseconds, and no kill from outside lands in it reliably.
"""

import io
import os
import time

from celery.signals import worker_process_init

from haninge_portal.celery import app

__all__ = ["app"]

CHUNKS = 30


def _slow_render_pdf(report, snapshot, target) -> int:
    from reports.render import render_pdf

    buffer = io.BytesIO()
    pages = render_pdf(report, snapshot, buffer)
    data = buffer.getvalue()
    pause = float(os.environ.get("SLOW_PDF_WRITE_SECONDS", "3")) / CHUNKS
    step = max(1, len(data) // CHUNKS + 1)
    with open(target, "wb") as handle:
        for start in range(0, len(data), step):
            handle.write(data[start : start + step])
            handle.flush()
            os.fsync(handle.fileno())
            time.sleep(pause)
    return pages


@worker_process_init.connect
def _write_reports_slowly(**_kwargs) -> None:
    """In each pool process (after the fork): the task module renders through the slow writer."""
    import reports.tasks

    reports.tasks.render_pdf = _slow_render_pdf
