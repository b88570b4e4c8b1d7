"""Agenda proposals: a representative (or any member of a forum) proposes an item for a forum's agenda;
the coordinator triages it; every proposal ends with an outcome the proposer can read.

Also the consultation log (lag 2009:724 §5): who was consulted, when, how, what they said and what it changed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    SEES_EVERY_MEETING,
    AgendaItem,
    Department,
    Forum,
    Meeting,
    NationalMinority,
    User,
    attachment_path,
    content_language_field,
)


class ProposalStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    PLACED = "placed", _("Placed on an agenda")
    MERGED = "merged", _("Merged into another proposal")
    DEFERRED = "deferred", _("Deferred")
    DECLINED = "declined", _("Declined")
    RESOLVED = "resolved", _("Resolved")


# The moves a proposal may make, and only these. Merged, declined and resolved are outcomes.
TRANSITIONS: dict[str, set[str]] = {
    ProposalStatus.RECEIVED: {
        ProposalStatus.UNDER_CONSIDERATION,
        ProposalStatus.PLACED,
        ProposalStatus.MERGED,
        ProposalStatus.DEFERRED,
        ProposalStatus.DECLINED,
    },
    ProposalStatus.UNDER_CONSIDERATION: {
        ProposalStatus.PLACED,
        ProposalStatus.MERGED,
        ProposalStatus.DEFERRED,
        ProposalStatus.DECLINED,
    },
    ProposalStatus.DEFERRED: {
        ProposalStatus.UNDER_CONSIDERATION,
        ProposalStatus.PLACED,
        ProposalStatus.MERGED,
        ProposalStatus.DECLINED,
    },
    ProposalStatus.PLACED: {ProposalStatus.RESOLVED, ProposalStatus.DEFERRED},
    ProposalStatus.MERGED: set(),
    ProposalStatus.DECLINED: set(),
    ProposalStatus.RESOLVED: set(),
}
OPEN_STATUSES = (ProposalStatus.RECEIVED, ProposalStatus.UNDER_CONSIDERATION, ProposalStatus.DEFERRED)


class ContentLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    FINNISH = "fi", _("Finnish")
    ENGLISH = "en", _("English")


class ProposalQuerySet(models.QuerySet):
    def waiting(self) -> "ProposalQuerySet":
        """Proposals that still wait for the coordinator to decide."""
        return self.filter(status__in=OPEN_STATUSES)

    def not_answered(self) -> "ProposalQuerySet":
        """Back from the proposer: the outcome did not answer the proposal (the reason is the comment)."""
        return self.filter(answered=False)

    def for_coordinator(self) -> "ProposalQuerySet":
        """What waits for a coordinator: a decision, or a proposer's "not answered"."""
        return self.filter(Q(status__in=OPEN_STATUSES) | Q(answered=False))

    def waiting_longer_than(self, days: int) -> "ProposalQuerySet":
        return self.waiting().filter(created_at__lt=timezone.now() - timezone.timedelta(days=days))

    def with_related(self) -> "ProposalQuerySet":
        """What lists and the detail page show of a proposal, in one query."""
        return self.select_related("forum", "proposer", "minority", "department", "merged_into")

    def with_viewer_state(self, user: User) -> "ProposalQuerySet":
        """What the proposal page tells the person reading it, read with the proposal itself: how many
        support it (`support_count`), whether they do (`viewer_supports`) and whether they follow it
        (`viewer_follows`); `viewer_pk` says whom the last two are about."""
        viewer = user.pk or 0
        return self.annotate(
            viewer_pk=models.Value(viewer, output_field=models.IntegerField()),
            support_count=models.Subquery(
                Support.objects.filter(proposal=models.OuterRef("pk"))
                .order_by()
                .values("proposal")
                .annotate(n=models.Count("pk"))
                .values("n"),
                output_field=models.IntegerField(),
            ),
            viewer_supports=models.Exists(
                Support.objects.filter(proposal=models.OuterRef("pk"), user=viewer)
            ),
            viewer_follows=models.Exists(
                Proposal.followers.through.objects.filter(proposal=models.OuterRef("pk"), user=viewer)
            ),
        )

    def visible_to(self, user: User) -> "ProposalQuerySet":
        """The same rule as proposals.view_proposal: those who see every meeting, the forum's members,
        the proposer and the followers."""
        if not user.is_authenticated:
            return self.none()
        if user.role in SEES_EVERY_MEETING or user.is_superuser:
            return self
        return self.filter(
            Q(forum__in=Forum.objects.of_member(user))
            | Q(proposer=user)
            | Q(pk__in=Proposal.followers.through.objects.filter(user=user).values("proposal"))
        )


class Proposal(models.Model):
    """A proposed agenda item and what became of it."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="proposals"
    )
    proposer = models.ForeignKey(
        User, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    why_it_matters = models.TextField(_("why it matters"), blank=True)
    language = models.CharField(
        _("written in"), max_length=8, choices=ContentLanguage.choices, default=ContentLanguage.SWEDISH
    )
    minority = models.ForeignKey(
        NationalMinority,
        verbose_name=_("national minority"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    affects_children_and_youth = models.BooleanField(
        _("particularly affects children and young people"),
        default=False,
        help_text=_("Their influence is to be promoted in particular (lag 2009:724, §5 a)."),
    )
    wished_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("wished meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=24, choices=ProposalStatus.choices, default=ProposalStatus.RECEIVED
    )
    status_reason = models.TextField(_("reason given"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    agenda_item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
    )
    deferred_to_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("deferred to meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deferred_until = models.DateField(_("deferred until"), null=True, blank=True)
    followers = models.ManyToManyField(
        User,
        verbose_name=_("followers"),
        blank=True,
        related_name="followed_proposals",
        help_text=_("People told of every change: the proposer, and the proposers of merged duplicates."),
    )
    answered = models.BooleanField(_("the proposer considers it answered"), null=True, blank=True)
    answered_comment = models.TextField(_("the proposer's comment"), blank=True)
    answered_at = models.DateTimeField(_("answer marked"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now)

    objects = ProposalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["forum", "status"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["proposer"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="merged_proposal_names_survivor",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(status_reason=""), name="declined_proposal_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"pk": self.pk})

    @cached_property
    def history_in_order(self) -> list:
        """The proposal's history records, oldest first, with who made each (one query for the page's
        history list and its story both)."""
        return list(self.history.select_related("history_user").order_by("history_date", "history_id"))

    def can_move_to(self, target: str) -> bool:
        """Only the moves of TRANSITIONS are allowed."""
        return target in TRANSITIONS[ProposalStatus(self.status)]

    def days_waiting(self) -> int:
        return (timezone.now() - self.created_at).days

    def is_overdue(self) -> bool:
        """Waiting for a decision longer than the configured number of days."""
        return self.status in OPEN_STATUSES and self.days_waiting() > settings.PROPOSAL_WAITING_DAYS


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Comment(models.Model):
    """A forum member's comment on a proposal; the coordinator may hide it with a reason (kept in history)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    language = content_language_field()
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class Support(models.Model):
    """One person's support for a proposal (once per person)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_person")]

    def __str__(self) -> str:
        return f"{self.user} → {self.proposal}"


class ConsultationForm(models.TextChoices):
    MEETING = "meeting", _("At a meeting")
    WRITTEN = "written", _("In writing")
    DIGITAL = "digital", _("Digitally")


class ConsultationRecord(models.Model):
    """Who was consulted on a proposal or agenda item, when, how, what they said and what it changed."""

    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="consultations"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="consultations"
    )
    consulted = models.CharField(
        _("who was consulted"),
        max_length=300,
        help_text=_("For example: the Roma council, or the Sami association."),
    )
    consulted_on = models.DateField(_("when"))
    form = models.CharField(_("form"), max_length=16, choices=ConsultationForm.choices)
    children_and_youth = models.BooleanField(_("children and young people took part"), default=False)
    what_they_said = models.TextField(_("what they said"))
    how_it_changed = models.TextField(_("how it changed the outcome"), blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("consultation record")
        verbose_name_plural = _("consultation log")
        ordering = ["-consulted_on", "-pk"]
        indexes = [models.Index(fields=["consulted_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal__isnull=False) | Q(agenda_item__isnull=False),
                name="consultation_is_about_a_proposal_or_agenda_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.consulted} ({self.consulted_on})"


class ReminderSent(models.Model):
    """The weekly reminder to a coordinator, recorded so that running the task twice sends it once."""

    coordinator = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=10, help_text="ISO week, e.g. 2026-W48")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["coordinator", "week"], name="one_reminder_per_week")]

    def __str__(self) -> str:
        return f"{self.coordinator} {self.week}"
