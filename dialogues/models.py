"""Commitments: issues lifted at a meeting to a department, and the department's answer (återkoppling).

"Influence both ways" of the Haninge model: an agenda item gives the administration a task with a
responsible administration contact and a due date; the answer is reported back to the forum's next
meeting until a coordinator marks it received there.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    SEES_EVERY_MEETING,
    AgendaItem,
    Department,
    Forum,
    Meeting,
    MeetingStatus,
    Role,
    User,
    content_language_field,
)


class CommitmentStatus(models.TextChoices):
    """Open until the department answers; received once the answer has been reported back to the forum."""

    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    RECEIVED = "received", _("Received")


# The conditions of the queryset methods below, for queries that combine them (a meeting's page reads the
# commitments lifted at it and the feedback it hears in one query).
def awaiting_feedback(forum: Forum | int) -> Q:
    return Q(forum=forum, status=CommitmentStatus.ANSWERED)


def lifted_at(meeting: Meeting | int) -> Q:
    return Q(agenda_item__meeting=meeting)


def received_at(meeting: Meeting | int) -> Q:
    return Q(received_at_meeting=meeting, status=CommitmentStatus.RECEIVED)


class CommitmentQuerySet(models.QuerySet):
    def with_related(self) -> "CommitmentQuerySet":
        """Everything a list, a detail page or a meeting section shows, in one query."""
        return self.select_related(
            "forum",
            "department",
            "responsible",
            "answered_by",
            "agenda_item__meeting__forum",
            "received_at_meeting",
        )

    def for_department(self, department: Department | int | None) -> "CommitmentQuerySet":
        if department is None:
            return self.none()
        return self.filter(department=department)

    def open(self) -> "CommitmentQuerySet":
        return self.filter(status=CommitmentStatus.OPEN)

    def overdue(self, today: dt.date | None = None) -> "CommitmentQuerySet":
        """Open commitments whose due date has passed; an answer stops the clock."""
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def awaiting_feedback(self, forum: Forum | int) -> "CommitmentQuerySet":
        """Answered and not yet received: the feedback (återkoppling) the forum's next meeting hears."""
        return self.filter(awaiting_feedback(forum))

    def received_at(self, meeting: Meeting | int) -> "CommitmentQuerySet":
        return self.filter(received_at(meeting))

    def for_contact(self, user: User) -> "CommitmentQuerySet":
        """An administration contact's work list: their department's commitments and those they answer for."""
        if not user.is_authenticated:
            return self.none()
        condition = Q(responsible=user)
        if user.department_id is not None:
            condition |= Q(department_id=user.department_id)
        return self.filter(condition)

    def visible_to(self, user: User) -> "CommitmentQuerySet":
        """Those who may see the meeting a commitment came from, plus the department's contacts and the responsible."""
        if user.is_authenticated and (user.role in SEES_EVERY_MEETING or user.is_superuser):
            return self
        # The same rule as core.view_meeting: a public forum's meeting once called, else its members.
        condition = Q(
            agenda_item__meeting__forum__is_public=True,
            agenda_item__meeting__status__in=[MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD],
        )
        if user.is_authenticated:
            condition |= Q(agenda_item__meeting__forum__in=Forum.objects.of_member(user))
            condition |= Q(responsible=user)
            if user.role == Role.ADMIN_CONTACT and user.department_id is not None:
                condition |= Q(department_id=user.department_id)
        return self.filter(condition)


class Commitment(models.Model):
    """An issue lifted at an agenda item to a department, with a responsible contact, a due date and an answer."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="commitments"
    )
    # Copied from the agenda item's meeting so that a forum's feedback is found without joins.
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="commitments", editable=False
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the forum asks of the department, and why.")
    )
    language = content_language_field()
    # Title, description and answer may each carry a translation into the other of Swedish and Finnish.
    title_translation = models.CharField(_("title, translated"), max_length=300, blank=True)
    description_translation = models.TextField(_("description, translated"), blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="commitments"
    )
    responsible = models.ForeignKey(
        User,
        verbose_name=_("responsible administration contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    answer = models.TextField(_("answer"), blank=True)
    answer_language = content_language_field(_("answer written in"))
    answer_translation = models.TextField(_("answer, translated"), blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        User,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received on"), null=True, blank=True)
    received_at_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("received at meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_commitments",
    )
    created_by = models.ForeignKey(
        User, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["forum", "status"]),
            models.Index(fields=["due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CommitmentStatus.OPEN) | ~Q(answer=""),
                name="commitment_answered_has_an_answer",
            ),
            models.CheckConstraint(
                condition=~Q(status=CommitmentStatus.RECEIVED) | Q(received_at_meeting__isnull=False),
                name="commitment_received_at_a_meeting",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.agenda_item_id and not self.forum_id:
            self.forum_id = self.agenda_item.meeting.forum_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("dialogues:commitment_detail", kwargs={"pk": self.pk})

    @property
    def meeting(self) -> Meeting:
        return self.agenda_item.meeting

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Only an open commitment can be late: once answered, the department has done its part."""
        return self.status == CommitmentStatus.OPEN and self.due_on < (today or timezone.localdate())

    def can_be_answered(self) -> bool:
        """An answer may be given or corrected until the forum has received it at a meeting."""
        return self.status != CommitmentStatus.RECEIVED

    @property
    def awaits_feedback(self) -> bool:
        """Answered but not yet reported back to the forum."""
        return self.status == CommitmentStatus.ANSWERED

    def can_be_received_at(self, meeting: Meeting) -> bool:
        """An answer is received at a later, not cancelled meeting of the forum the issue came from."""
        return (
            self.status == CommitmentStatus.ANSWERED
            and meeting.forum_id == self.forum_id
            and meeting.status != MeetingStatus.CANCELLED
            and meeting.starts_at > self.agenda_item.meeting.starts_at
        )
