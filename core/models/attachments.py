"""Background documents of meetings, stored under names nobody can guess."""

import secrets
import uuid
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .meetings import AgendaItem, Meeting
from .people import User


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A name nobody can guess; the original name is kept in the row and given back on download."""
    suffix = Path(filename).suffix.lower()[:10]
    return f"attachments/{uuid.uuid4().hex}/{secrets.token_urlsafe(16)}{suffix}"


class Attachment(models.Model):
    """A background document of a meeting or one of its agenda items, served only to those who may see it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attachments"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["meeting", "name"]

    def __str__(self) -> str:
        return self.name
