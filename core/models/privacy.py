"""Trust records: the access log of membership lists and what each erasure removed and kept."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forums import Forum
from .people import User


class AccessLogEntry(models.Model):
    """One view of a list that says who represents which minority (GDPR Art. 9), for the administrators to read."""

    class Kind(models.TextChoices):
        FORUM_MEMBERS = "forum_members", _("Members of a forum")
        ADMIN_MEMBERSHIPS = "admin_memberships", _("Memberships in the administration")
        DATA_EXPORT = "data_export", _("Export of a person's data")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, verbose_name=_("viewed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("what"), max_length=32, choices=Kind.choices)
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(_("address"), max_length=500)
    rows = models.PositiveIntegerField(_("people shown"), default=0)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log of membership lists")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.get_kind_display()}"


class ErasureRecord(models.Model):
    """What an erasure removed, and what it kept and why (records the municipality must keep)."""

    person = models.ForeignKey(
        User, verbose_name=_("person"), null=True, on_delete=models.SET_NULL, related_name="erasure_records"
    )
    erased_by = models.ForeignKey(
        User, verbose_name=_("erased by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    reason = models.TextField(
        _("reason"), help_text=_("The request or decision the erasure follows, e.g. its reference number.")
    )
    removed = models.JSONField(_("removed"), default=list)
    kept = models.JSONField(_("kept"), default=list)

    class Meta:
        verbose_name = _("erasure record")
        verbose_name_plural = _("erasure records")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} #{self.person_id}"
