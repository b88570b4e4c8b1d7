"""What the page cache (core/plumbing/pagecache.py) keeps in PostgreSQL while Redis refuses it."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingPageCacheBump(models.Model):
    """Page cache version bumps that Redis refused (core/plumbing/pagecache.py); no stored page is served until applied.

    At most one row: every refused bump counts on it, and the next cached page bumps and clears it.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    failures = models.PositiveIntegerField(default=1)
    since = models.DateTimeField(default=timezone.now)
    # New at every refused bump: whoever applies the bumps clears the row only if none was refused meanwhile.
    marker = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("page cache bump waiting for Redis")
        verbose_name_plural = _("page cache bumps waiting for Redis")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="one_pending_page_cache_bump")]

    def __str__(self) -> str:
        return f"{self.failures} since {self.since:%Y-%m-%d %H:%M:%S}"
