"""Comments on actions, as on proposals: representatives answer a progress update; coordinators moderate."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import User, content_language_field

from .actions import Action, ProgressUpdate


class ActionComment(models.Model):
    """A comment on an action, or an answer to one of its progress updates; a coordinator may hide it with a
    reason (kept in its history), as proposals.Comment."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="comments"
    )
    progress_update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("progress update it answers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    author = models.ForeignKey(User, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    language = content_language_field()
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment on an action")
        verbose_name_plural = _("comments on actions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["action", "created_at"])]

    def __str__(self) -> str:
        return self.text[:60]
