"""What all tiers share: people and their roles, minorities and languages, departments, forums,
memberships with a term, meetings, and the mail outbox.

Belonging to a national minority reveals ethnic origin (GDPR Art. 9), so the portal never stores a
person's ethnicity: it stores roles (a membership of a minority's dialogue group, with a term and the
association that nominated the person). See docs/privacy.md.
"""

import datetime as dt
import hashlib
import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


def active_content_language() -> str:
    """The page's language if it is one of the portal's, else Swedish: what a new text is written in by default."""
    from django.utils import translation

    language = (translation.get_language() or "").split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def content_language_field(verbose_name=None) -> models.CharField:
    """The language a stored text is written in (WCAG 3.1.2: pages mark it with lang when it differs)."""
    return models.CharField(
        verbose_name or _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=active_content_language,
    )


class Role(models.TextChoices):
    """The portal-wide role of a person; anonymous visitors have none."""

    RESIDENT = "resident", _("Resident")
    REPRESENTATIVE = "representative", _("Minority representative")
    ADMIN_CONTACT = "admin_contact", _("Administration contact")
    POLITICIAN = "politician", _("Politician")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractUser):
    """A person who signs in with an email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.RESIDENT)
    department = models.ForeignKey(
        "core.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        help_text=_("For administration contacts: the department they answer for."),
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("Mail and notifications are written in this language."),
    )
    feed_token = models.CharField(max_length=64, default=new_feed_token, unique=True, editable=False)
    erased_at = models.DateTimeField(
        _("erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When an administrator erased the person's data; the row stays so that records keep their links."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("Erased person"))
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_coordinator(self) -> bool:
        """Coordinators run the forums; administrators may do all they do."""
        return self.role in {Role.COORDINATOR, Role.ADMINISTRATOR}

    def answers_outside(self, department) -> bool:
        """An administration contact answers for their own department only: its work is what their start page lists."""
        return (
            self.role == Role.ADMIN_CONTACT and department is not None and self.department_id != department.pk
        )


class Language(models.Model):
    """A language of a minority or of content; the UI itself speaks sv, fi and en."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 / ISO 639 code."))
    name = models.CharField(_("name"), max_length=100)
    native_name = models.CharField(_("name in the language itself"), max_length=100, blank=True)
    right_to_left = models.BooleanField(_("written right to left"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NationalMinority(models.Model):
    """One of Sweden's five national minorities (lag 2009:724)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), related_name="minorities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("national minority")
        verbose_name_plural = _("national minorities")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A department (förvaltning) or municipal company that answers for issues raised in dialogue."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        COMPANY = "company", _("Municipal company")

    code = models.CharField(_("abbreviation"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Tier(models.TextChoices):
    """The three tiers of the Haninge model."""

    CONSULTATION = "consultation", _("Consultation")
    DIALOGUE = "dialogue", _("Dialogue")
    WORKING_GROUP = "working_group", _("Working group")


class ForumQuerySet(models.QuerySet):
    def active(self) -> "ForumQuerySet":
        return self.filter(is_active=True)

    def of_member(self, user: User) -> "ForumQuerySet":
        """Forums in which the person holds a membership today."""
        return self.filter(pk__in=Membership.objects.current().filter(user=user).values("forum"))


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

    objects = ForumQuerySet.as_manager()

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


class MeetingQuerySet(models.QuerySet):
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

    def visible_to(self, user: User) -> "MeetingQuerySet":
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

    objects = MeetingQuerySet.as_manager()

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


class MailState(models.TextChoices):
    """Where a message in the outbox stands; derived from its fields (OutgoingMail.state)."""

    WAITING = "waiting", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    POSSIBLY_SENT = "possibly_sent", _("Possibly sent: check before sending again")
    SENT = "sent", pgettext_lazy("a message in the outbox", "Sent")
    FAILED = "failed", _("Failed")


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, failed=False)

    def waiting(self):
        """Not sent, not given up, and no worker holds it (it waits for its next attempt)."""
        return self.unsent().filter(claim__isnull=True)

    def due(self, now: dt.datetime | None = None):
        """Waiting messages whose next attempt has come."""
        return self.waiting().filter(next_attempt_at__lte=now or timezone.now())

    def sending(self, now: dt.datetime | None = None):
        return self.unsent().filter(claim__isnull=False, claimed_until__gt=now or timezone.now())

    def possibly_sent(self, now: dt.datetime | None = None):
        """Claimed by a worker whose lease ran out with no outcome recorded: the server may have accepted it."""
        return self.unsent().filter(claim__isnull=False, claimed_until__lte=now or timezone.now())

    def in_state(self, state: str, now: dt.datetime | None = None):
        if state == MailState.SENT:
            return self.filter(sent_at__isnull=False)
        if state == MailState.FAILED:
            return self.filter(sent_at__isnull=True, failed=True)
        if state == MailState.WAITING:
            return self.waiting()
        if state == MailState.SENDING:
            return self.sending(now)
        if state == MailState.POSSIBLY_SENT:
            return self.possibly_sent(now)
        return self.none()


class OutgoingMail(models.Model):
    """A message waiting in (or delivered from) the outbox; nothing is lost if the broker or mail server is down.

    Delivery is at most once: a worker claims the message (`claim`, leased until `claimed_until`) in a commit
    of its own before it talks to the mail server, and records the outcome in another. A claim that is
    never released leaves the message "possibly sent", which only an administrator may send again.
    """

    subject = models.CharField(max_length=998)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    from_email = models.CharField(max_length=320)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(default=list, blank=True, help_text="[filename, base64 content, mimetype]")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    failed = models.BooleanField(default=False)
    # The sweep and the retries try the message again from this time on (exponential backoff).
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # Attempts go on until MAIL_GIVE_UP_AFTER_SECONDS after this: the creation, or an administrator's retry.
    round_started_at = models.DateTimeField(default=timezone.now)
    # The worker sending it now: a token of its claim, when the attempt began and when its lease ends.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "failed"])]

    def __str__(self) -> str:
        return self.subject

    def state(self, now: dt.datetime | None = None) -> str:
        """One word for the admin: a claim past its lease with no outcome means the server may have it."""
        if self.sent_at is not None:
            return MailState.SENT
        if self.failed:
            return MailState.FAILED
        if self.claim is None:
            return MailState.WAITING
        if self.claimed_until is not None and self.claimed_until > (now or timezone.now()):
            return MailState.SENDING
        return MailState.POSSIBLY_SENT

    def get_state_display(self) -> str:
        return MailState(self.state()).label


# --- Trust: invitations, the access log of membership lists, erasure records ---------------------


def invitation_token_hash(token: str) -> str:
    """Only a hash of an invitation's token is stored: a copy of the database opens no accounts."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation status", "Waiting")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Withdrawn")


# Roles a coordinator may give by invitation; coordinators and administrators are made by administrators.
INVITABLE_ROLES = [Role.REPRESENTATIVE, Role.ADMIN_CONTACT, Role.POLITICIAN]


class Invitation(models.Model):
    """A coordinator's invitation to an account with a role and, optionally, a seat in a forum.

    The link in the mail carries a random token, valid until `expires_at` and for one use.
    """

    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=32, choices=[(r.value, r.label) for r in INVITABLE_ROLES])
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For administration contacts: the department they answer for."),
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("seat in forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person becomes a member of this forum when they accept."),
    )
    forum_role = models.CharField(
        _("role in the forum"), max_length=32, choices=ForumRole.choices, blank=True
    )
    term_ends_on = models.DateField(_("term ends"), null=True, blank=True)
    nominated_by = models.CharField(
        _("nominated by"),
        max_length=200,
        blank=True,
        help_text=_("The association or body that nominated the person."),
    )
    language = models.CharField(
        _("language of the mail"), max_length=8, choices=settings.LANGUAGES, default="sv"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    def status(self, now: dt.datetime | None = None) -> str:
        """Accepted and withdrawn are final; a waiting invitation expires at its time."""
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if (now or timezone.now()) >= self.expires_at:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self) -> str:
        return InvitationStatus(self.status()).label


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


# --- The page cache ------------------------------------------------------------------------------


class PendingPageCacheBump(models.Model):
    """Page cache version bumps that Redis refused (core/pagecache.py); no stored page is served until applied.

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
