"""Forums of the three tiers, and memberships with a role and a term.

Belonging to a national minority reveals ethnic origin (GDPR Art. 9), so the portal never stores a
person's ethnicity: it stores roles (a membership of a minority's dialogue group, with a term and the
association that nominated the person). See docs/privacy.md.
"""

import datetime as dt
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organisation import NationalMinority
from .people import User


class Tier(models.TextChoices):
    """The three tiers of the Haninge model."""

    CONSULTATION = "consultation", _("Consultation")
    DIALOGUE = "dialogue", _("Dialogue")
    WORKING_GROUP = "working_group", _("Working group")


class MinutesKind(models.TextChoices):
    """How a forum keeps its minutes: a protocol approved by a chair and adjusters, or plain notes."""

    PROTOCOL = "protocol", _("Protocol, approved by the chair and adjusters")
    NOTES = "notes", _("Plain notes, approved by the coordinator")


class ForumQuerySet(models.QuerySet["Forum"]):
    def active(self) -> "ForumQuerySet":
        return self.filter(is_active=True)

    def of_member(self, user: User) -> "ForumQuerySet":
        """Forums in which the person holds a membership today."""
        return self.filter(pk__in=Membership.objects.current().filter(user=user).values("forum"))


ForumManager = models.Manager.from_queryset(ForumQuerySet)


class Forum(models.Model):
    """A body that meets: the consultation group, a minority's dialogue group, or a working group."""

    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    minority = models.ForeignKey(
        NationalMinority,
        verbose_name=_("national minority"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forums",
        help_text=_("For a dialogue group: the minority whose representatives meet in it."),
    )
    is_public = models.BooleanField(
        _("open to the public"),
        default=False,
        help_text=_("Published meetings and minutes of a public forum can be read by anyone."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    minutes_kind = models.CharField(
        _("minutes kept as"),
        max_length=16,
        choices=MinutesKind.choices,
        default=MinutesKind.PROTOCOL,
        help_text=_("An advisory forum may keep plain notes (minnesanteckningar) without adjusters."),
    )

    # modeltranslation swaps the managers' class for its own when the app loads; these are the types.
    objects: ClassVar[ForumManager["Forum"]] = ForumManager()
    _default_manager: ClassVar[ForumManager["Forum"]]

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["tier", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tier="dialogue") | Q(minority__isnull=False),
                name="dialogue_forum_has_minority",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:forum_detail", kwargs={"slug": self.slug})

    @property
    def keeps_protocol(self) -> bool:
        """A protocol is numbered in paragraphs and approved by its chair and adjusters, not the coordinator."""
        return self.minutes_kind == MinutesKind.PROTOCOL


class ForumRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CONVENOR = "convenor", _("Convenor")
    REPRESENTATIVE = "representative", _("Representative")
    SUBSTITUTE = "substitute", _("Substitute")
    ADMIN_CONTACT = "admin_contact", _("Administration contact")
    POLITICIAN = "politician", _("Politician")
    COORDINATOR = "coordinator", _("Coordinator")
    PROCESS_LEADER = "process_leader", _("Process leader")


class MembershipQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None) -> "MembershipQuerySet":
        """Memberships whose term covers the given day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(starts_on__lte=on), Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Membership(models.Model):
    """A person's seat in a forum, with a role and a term (the Roma council is elected every second year)."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("Empty once the membership is pseudonymised, a configured time after the term ended."),
    )
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role in the forum"), max_length=32, choices=ForumRole.choices)
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"), null=True, blank=True)
    nominated_by = models.CharField(
        _("nominated by"),
        max_length=200,
        blank=True,
        help_text=_("The association or body that nominated the person."),
    )
    pseudonymised_at = models.DateTimeField(_("pseudonymised"), null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["forum", "role", "user"]
        indexes = [models.Index(fields=["user", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_term_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        person = self.user if self.user_id else _("Pseudonymised person")
        return f"{person} – {self.forum} ({self.get_role_display()})"

    def is_current(self, on: dt.date | None = None) -> bool:
        """A term is current from its first to its last day inclusive."""
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)
