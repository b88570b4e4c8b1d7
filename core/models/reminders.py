"""What was reminded: one row per kind of reminder, object, person and day, so a second run sends nothing."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .people import User


class SentReminder(models.Model):
    """A reminder of one kind about one object to one person on one day, recorded with the mail it queued."""

    kind = models.CharField(max_length=32)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    about = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "user", "on"],
                name="one_reminder_per_object_and_day",
            )
        ]
        indexes = [models.Index(fields=["on", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.content_type_id}:{self.object_id} → {self.user_id} on {self.on}"
