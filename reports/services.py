"""Publishing a finished report's public version, and withdrawing it.

The public version is collected afresh at publishing (`content.collect(..., public=True)`: what the public
pages show at that moment, no one's name) and rendered synchronously: a demo-sized report takes a second or
two. Both writes hold the report's row lock, so two coordinators publishing at once make one public version,
and publishing a published report does nothing.
"""

import logging
import uuid

from django.db import transaction
from django.utils import timezone

from core.models import User

from .content import collect
from .models import Report
from .tasks import write_pdf

logger = logging.getLogger(__name__)


class NotPublishable(Exception):
    """Only a finished quarterly or yearly report has a public version."""


def public_name(report: Report) -> str:
    """The public PDF's file name, new for each publication: withdrawing removes the old file after its
    commit, which must never hit the file of a publication that followed at once."""
    return (
        f"public-{report.kind}-{report.period_start:%Y%m%d}-{report.period_end:%Y%m%d}"
        f"-{report.language}-{report.pk}-{uuid.uuid4().hex[:8]}.pdf"
    )


@transaction.atomic
def publish(report: Report, by: User) -> bool:
    """Make and publish the report's public version; False if it is published already (nothing changes).

    Raises NotPublishable for a report that is not finished, or not a quarterly or yearly one.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not locked.may_be_published:
        raise NotPublishable(report.pk)
    if locked.is_published:
        return False
    snapshot = collect(locked.kind, locked.period_start, locked.period_end, locked.language, public=True)
    relative, size, pages = write_pdf(locked, snapshot, public_name(locked))
    locked.published_at = timezone.now()
    locked.published_by = by
    locked.public_snapshot = snapshot
    locked.public_file.name = relative
    locked.public_pages = pages
    locked.public_size = size
    locked.save(
        update_fields=[
            "published_at",
            "published_by",
            "public_snapshot",
            "public_file",
            "public_pages",
            "public_size",
        ]
    )
    logger.info("Report %s: public version published by user %s", locked.pk, by.pk)
    return True


@transaction.atomic
def withdraw(report: Report, by: User) -> bool:
    """Withdraw the public version (its PDF is removed once committed); False if none is published."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.published_at is None and not locked.public_file:
        return False
    name, storage = locked.public_file.name, locked.public_file.storage
    locked.published_at = None
    locked.published_by = None
    locked.public_snapshot = {}
    locked.public_file.name = ""
    locked.public_pages = 0
    locked.public_size = 0
    locked.save(
        update_fields=[
            "published_at",
            "published_by",
            "public_snapshot",
            "public_file",
            "public_pages",
            "public_size",
        ]
    )
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    logger.info("Report %s: public version withdrawn by user %s", locked.pk, by.pk)
    return True
