"""What a person asked to be told, and how: a delivery per kind of message, the messages waiting for their
digest, and what they follow (actions and forums; a proposal's followers are the proposal's own)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .people import User


class Delivery(models.TextChoices):
    """When a kind of message reaches a person: at once, gathered in a daily or weekly digest, or never."""

    IMMEDIATE = "immediate", pgettext_lazy("delivery of a kind of message", "Immediately")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    OFF = "off", pgettext_lazy("delivery of a kind of message", "Never")


class NotificationPreference(models.Model):
    """How one person wants one kind of message; no row means the kind's default (core.notifications)."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind of message"), max_length=40)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class DigestEntry(models.Model):
    """A message waiting for the person's digest, rendered in their language, with its link and what it is
    about, so that the digest can leave out what the person may no longer see."""

    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of message"), max_length=40)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("message"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about_permission = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("message waiting for a digest")
        verbose_name_plural = _("messages waiting for a digest")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return self.subject


class Follow(models.Model):
    """A person follows an action or a forum and hears of what happens to it (core.follows)."""

    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    followed = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("followed since"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.content_type_id}:{self.object_id}"
