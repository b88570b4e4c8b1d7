"""Meetings of every tier, their agenda items with the minutes, and who was invited and came."""

import datetime as dt
import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .forums import Forum
from .languages import content_language_field
from .people import Role, User


class MeetingStatus(models.TextChoices):
    """The meeting itself: planned, called with a published agenda, held, or cancelled."""

    PLANNED = "planned", pgettext_lazy("meeting status", "Planned")
    AGENDA_PUBLISHED = "agenda_published", _("Agenda published")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class MinutesStatus(models.TextChoices):
    """The minutes: written, sent to the members for review, approved (justerat), then published."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Sent for review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


# The moves the minutes may make, and only these: back to draft from review for corrections.
MINUTES_TRANSITIONS: dict[str, set[str]] = {
    MinutesStatus.DRAFT: {MinutesStatus.IN_REVIEW},
    MinutesStatus.IN_REVIEW: {MinutesStatus.DRAFT, MinutesStatus.APPROVED},
    MinutesStatus.APPROVED: {MinutesStatus.PUBLISHED},
    MinutesStatus.PUBLISHED: set(),
}

SEES_EVERY_MEETING = {Role.COORDINATOR, Role.ADMINISTRATOR, Role.POLITICIAN}


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(ends_at__gte=timezone.now()).exclude(status=MeetingStatus.CANCELLED)

    def past(self) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=timezone.now())

    def called(self) -> "MeetingQuerySet":
        """Meetings whose notice went out (and were held, or cancelled after the notice)."""
        return self.filter(
            Q(status__in=[MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD])
            | Q(status=MeetingStatus.CANCELLED, agenda_published_at__isnull=False)
        )

    def public(self) -> "MeetingQuerySet":
        """Meetings anyone may see: those of public forums whose notice is out."""
        return self.filter(forum__is_public=True).called()

    def visible_to(self, user: User | AnonymousUser) -> "MeetingQuerySet":
        """Coordinators, administrators and politicians see all; members see their forums; others the public ones."""
        if not user.is_authenticated:
            return self.public()
        if user.role in SEES_EVERY_MEETING or user.is_superuser:
            return self
        return self.filter(Q(forum__in=Forum.objects.of_member(user)) | Q(pk__in=self.public().values("pk")))

    def in_month(self, year: int, month: int) -> "MeetingQuerySet":
        first = dt.date(year, month, 1)
        after = dt.date(year + (month == 12), month % 12 + 1, 1)
        return self.filter(starts_at__date__gte=first, starts_at__date__lt=after)


MeetingManager = models.Manager.from_queryset(MeetingQuerySet)


def new_uid() -> str:
    return f"{uuid.uuid4()}@haninge-portal"


class Meeting(models.Model):
    """A meeting of a forum: the shared machinery of all three tiers."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the meeting is about, for the notice.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes_status = models.CharField(
        _("minutes"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    cancellation_reason = models.CharField(_("reason for cancellation"), max_length=500, blank=True)
    agenda_published_at = models.DateTimeField(_("agenda published"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    # RFC 5545: one UID for the life of the meeting, a SEQUENCE that grows with each change sent out.
    ical_uid = models.CharField(max_length=100, unique=True, default=new_uid, editable=False)
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        User, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # modeltranslation swaps the managers' class for its own when the app loads; these are the types.
    objects: ClassVar[MeetingManager["Meeting"]] = MeetingManager()
    _default_manager: ClassVar[MeetingManager["Meeting"]]

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["forum", "starts_at"]),
            models.Index(fields=["starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("core:meeting_detail", kwargs={"pk": self.pk})

    @cached_property
    def agenda_in_order(self) -> list["AgendaItem"]:
        """The agenda items in order, with their presenters and paragraphs, read once per object: the
        meeting's page and the sections on it share them."""
        return list(self.agenda_items.select_related("presenter", "paragraph").order_by("position", "pk"))

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_called(self) -> bool:
        """The notice went out; a meeting cancelled after that stays known to those it was sent to."""
        return self.status in {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD} or (
            self.is_cancelled and self.agenda_published_at is not None
        )

    @property
    def is_upcoming(self) -> bool:
        """Still to come (or going on now) and not cancelled: members can still answer the notice."""
        return not self.is_cancelled and self.ends_at >= timezone.now()

    def can_move_minutes_to(self, target: str) -> bool:
        """Minutes follow draft → review → approved → published; a held or past meeting only."""
        return target in MINUTES_TRANSITIONS[MinutesStatus(self.minutes_status)] and not self.is_cancelled


# The titles "any other business" goes by, in the portal's languages, folded (see is_any_other_business_title).
ANY_OTHER_BUSINESS_TITLES = frozenset(
    {
        "övriga frågor",
        "övrigt",
        "övriga ärenden",
        "muut asiat",
        "muut esille tulevat asiat",
        "any other business",
        "other business",
        "aob",
    }
)


def is_any_other_business_title(title: str) -> bool:
    """Whether an agenda item's title names any other business, whatever the case, numbering or full stop."""
    folded = " ".join(title.casefold().replace(".", " ").replace(":", " ").split())
    folded = folded.lstrip("0123456789 ").strip()
    return folded in ANY_OTHER_BUSINESS_TITLES


class AgendaItem(models.Model):
    """One item of a meeting's agenda, and what the minutes say about it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("background"), blank=True)
    # Each text may carry its translation into the other of Swedish and Finnish (languages.other_language).
    title_translation = models.CharField(_("title, translated"), max_length=300, blank=True)
    description_translation = models.TextField(_("background, translated"), blank=True)
    presenter = models.ForeignKey(
        User, verbose_name=_("presenter"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    presenter_name = models.CharField(_("presenter (someone without an account)"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("expected duration (minutes)"), null=True, blank=True
    )
    language = content_language_field()
    minutes = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decisions"), blank=True)
    follow_up = models.TextField(_("who does what by when"), blank=True)
    minutes_language = content_language_field(_("minutes written in"))
    minutes_translation = models.TextField(_("discussion, translated"), blank=True)
    decision_translation = models.TextField(_("decisions, translated"), blank=True)
    follow_up_translation = models.TextField(_("who does what by when, translated"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        indexes = [models.Index(fields=["meeting", "position"])]

    def __str__(self) -> str:
        return self.title

    @property
    def presenter_display(self) -> str:
        return self.presenter.full_name if self.presenter else self.presenter_name

    @property
    def is_any_other_business(self) -> bool:
        """Any other business ("Övriga frågor") closes an agenda: what is added later goes before it."""
        return is_any_other_business_title(self.title)


class RSVP(models.TextChoices):
    NO_REPLY = "no_reply", _("No reply yet")
    ATTENDING = "attending", _("Will attend")
    DECLINED = "declined", _("Excused in advance")


class Presence(models.TextChoices):
    UNKNOWN = "unknown", _("Not recorded")
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    """An invitation to a meeting, the member's answer, and whether they came; or a guest who came."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    guest_name = models.CharField(_("guest's name"), max_length=200, blank=True)
    guest_organisation = models.CharField(_("guest's organisation"), max_length=200, blank=True)
    rsvp = models.CharField(_("answer"), max_length=16, choices=RSVP.choices, default=RSVP.NO_REPLY)
    presence = models.CharField(
        _("attendance"), max_length=16, choices=Presence.choices, default=Presence.UNKNOWN
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "user__full_name", "guest_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_invitation_per_person_and_meeting"),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_name=""),
                name="attendance_is_a_person_or_a_named_guest",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        # A guest's name, or, for a person since erased, the name kept in approved minutes (a public record).
        if self.guest_name or self.user is None:
            return self.guest_name
        return str(self.user) if self.user.erased_at else self.user.full_name

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class Paragraph(models.Model):
    """An agenda item's paragraph (§) in a forum's protocol: numbered per forum and year, never reused."""

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("paragraph"))
    agenda_item = models.OneToOneField(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="paragraph"
    )

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["forum", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "year", "number"], name="one_paragraph_number_per_forum_year"
            )
        ]

    def __str__(self) -> str:
        return f"§ {self.number}"


class SignerRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    ADJUSTER = "adjuster", _("Adjuster")


class MinutesSigner(models.Model):
    """The meeting's chair or one of its adjusters (justerare), and when they approved the minutes."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="signers"
    )
    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=16, choices=SignerRole.choices)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chair or adjuster")
        verbose_name_plural = _("chair and adjusters")
        # The chair first, then the adjusters in the order they were chosen.
        ordering = ["meeting", "-role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="one_signing_role_per_person_and_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    @property
    def name(self) -> str:
        return str(self.user) if self.user.erased_at else self.user.full_name


def protocol_path(instance: "MeetingProtocol", filename: str) -> str:
    return f"protocols/{instance.meeting_id}/{filename}"


class MeetingProtocol(models.Model):
    """The approved minutes as a document: one tagged PDF per language, archived with the meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="protocols"
    )
    language = models.CharField(_("language"), max_length=8)
    file = models.FileField(_("file"), upload_to=protocol_path, max_length=300)
    pages = models.PositiveSmallIntegerField(_("pages"), default=0)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        verbose_name = _("protocol document")
        verbose_name_plural = _("protocol documents")
        ordering = ["meeting", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "language"], name="one_protocol_per_meeting_and_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.language})"
