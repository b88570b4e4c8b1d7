"""Participation on proposals: comments (with moderation kept in history), support, and the consultation
log of lag 2009:724 §5 (who was consulted, when, how, what they said, what it changed), with exports.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import AgendaItem, Meeting, User
from core.plumbing.spreadsheets import csv_bytes, xlsx_bytes

from .models import Comment, ConsultationForm, ConsultationRecord, Proposal, Support

COMMENT_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 500


# --- Comments ------------------------------------------------------------------------------------
# The rules every comment in the portal follows, on proposals and on actions (followup.comments).


def clean_comment_text(text: str) -> str:
    """The comment's text, stripped; refused when empty, too long or holding NUL."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a comment."), code="required")
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("A comment may be at most %(limit)d characters long."),
            code="max_length",
            params={"limit": COMMENT_MAX_LENGTH},
        )
    # The text comes straight from the POST, not through a form field that refuses NUL (PostgreSQL would).
    ProhibitNullCharactersValidator()(text)
    return text


def clean_hide_reason(reason: str) -> str:
    """The reason for hiding a comment, stripped; refused when empty or too long."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for hiding the comment."), code="required")
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            _("The reason may be at most %(limit)d characters long."),
            code="max_length",
            params={"limit": REASON_MAX_LENGTH},
        )
    return reason


def mark_hidden(comment, by: User, reason: str):
    """Hide a comment whose row the caller has locked; the reason is kept on it and in its history."""
    if comment.hidden:
        raise ValidationError(_("The comment is already hidden."), code="hidden")
    comment.hidden = True
    comment.hidden_reason = reason
    comment.hidden_by = by
    comment._history_user = by
    comment._change_reason = reason
    comment.save()
    return comment


@transaction.atomic
def add_comment(proposal: Proposal, author: User, text: str, language: str | None = None) -> Comment:
    """A member of the proposal's forum (or a coordinator) comments on it."""
    if not author.has_perm("proposals.comment_on_proposal", proposal):
        raise PermissionDenied(gettext("Only members of the forum and coordinators may comment."))
    text = clean_comment_text(text)
    comment = Comment(proposal=proposal, author=author, text=text, language=language or author.language)
    comment._history_user = author
    comment.save()
    return comment


@transaction.atomic
def hide_comment(comment: Comment, by: User, reason: str) -> Comment:
    """A coordinator hides a comment; the reason is kept on it and as the change reason in its history."""
    if not by.has_perm("proposals.moderate_comment", comment):
        raise PermissionDenied(gettext("Only coordinators may hide comments."))
    reason = clean_hide_reason(reason)
    # Lock the row: two coordinators may act on the same comment at once.
    return mark_hidden(Comment.objects.select_for_update().get(pk=comment.pk), by, reason)


# --- Support -------------------------------------------------------------------------------------


@transaction.atomic
def support(proposal: Proposal, user: User) -> Support:
    """One support per person: supporting twice changes nothing."""
    if not user.has_perm("proposals.support_proposal", proposal):
        raise PermissionDenied(gettext("Only members of the forum other than the proposer may support it."))
    supported, _created = Support.objects.get_or_create(proposal=proposal, user=user)
    return supported


@transaction.atomic
def withdraw_support(proposal: Proposal, user: User) -> bool:
    """Take one's support back; True if there was one."""
    deleted, _by_model = Support.objects.filter(proposal=proposal, user=user).delete()
    return bool(deleted)


# --- The consultation log ------------------------------------------------------------------------


@transaction.atomic
def record_consultation(
    *,
    by: User,
    consulted: str,
    consulted_on: dt.date,
    form: str,
    what_they_said: str,
    how_it_changed: str = "",
    children_and_youth: bool = False,
    proposal: Proposal | None = None,
    agenda_item: AgendaItem | None = None,
) -> ConsultationRecord:
    """Record who was consulted on a proposal or an agenda item, when, how, what they said, what it changed."""
    if not by.has_perm("proposals.add_consultation_record", proposal or agenda_item):
        raise PermissionDenied(gettext("Only coordinators may record consultations."))
    if (proposal is None) == (agenda_item is None):
        raise ValidationError(_("A consultation is about one proposal or one agenda item."), code="target")
    errors: dict[str, ValidationError] = {}
    consulted = (consulted or "").strip()
    what_they_said = (what_they_said or "").strip()
    if not consulted:
        errors["consulted"] = ValidationError(_("Say who was consulted."), code="required")
    if not what_they_said:
        errors["what_they_said"] = ValidationError(_("Say what they said."), code="required")
    if form not in ConsultationForm.values:
        errors["form"] = ValidationError(_("Choose how they were consulted."), code="invalid")
    if consulted_on is None:
        errors["consulted_on"] = ValidationError(_("Give the date of the consultation."), code="required")
    elif consulted_on > timezone.localdate():
        errors["consulted_on"] = ValidationError(
            _("A consultation is recorded once it has taken place."), code="future"
        )
    if errors:
        raise ValidationError(errors)
    record = ConsultationRecord(
        proposal=proposal,
        agenda_item=agenda_item,
        consulted=consulted,
        consulted_on=consulted_on,
        form=form,
        children_and_youth=children_and_youth,
        what_they_said=what_they_said,
        how_it_changed=(how_it_changed or "").strip(),
        recorded_by=by,
    )
    record._history_user = by
    record.save()
    return record


@dataclass(frozen=True)
class LogRow:
    """One line of the consultation log, with what it was about and where."""

    record: ConsultationRecord
    forum_name: str
    meeting: Meeting | None
    subject: str
    proposal: Proposal | None
    agenda_item: AgendaItem | None


def consultation_row(record: ConsultationRecord) -> LogRow:
    """The log line of one record: its proposal or agenda item, meeting and forum.

    Uses the related rows the caller selected (see `consultation_rows`), so a list costs one query.
    """
    proposal, item = record.proposal, record.agenda_item
    if item is None and proposal is not None:
        item = proposal.agenda_item  # a placed proposal was consulted on before its meeting
    meeting = item.meeting if item is not None else None
    forum = proposal.forum if proposal is not None else meeting.forum
    subject = proposal.title if proposal is not None else record.agenda_item.title
    return LogRow(record, forum.name, meeting, subject, proposal, record.agenda_item)


def consultation_rows(year: int) -> list[LogRow]:
    """The year's consultation records with their proposal, agenda item, meeting and forum (one query)."""
    records = (
        ConsultationRecord.objects.filter(consulted_on__year=year)
        .select_related(
            "proposal__forum",
            "proposal__agenda_item__meeting__forum",
            "agenda_item__meeting__forum",
            "recorded_by",
        )
        .order_by("consulted_on", "pk")
    )
    return [consultation_row(record) for record in records]


def consultation_years() -> list[int]:
    """Every year from the portal's first meeting or record to this year, newest first.

    A year without records is still a question with an answer ("none were recorded"): the log of a cycle's
    year must not be refused because nothing was recorded in it yet.
    """
    this_year = timezone.localdate().year
    # One query: the years of records and of meetings together.
    known = ConsultationRecord.objects.dates("consulted_on", "year").union(
        Meeting.objects.dates("starts_at", "year")
    )
    years = {d.year for d in known if d.year <= this_year} | {this_year}
    return list(range(max(years), min(years) - 1, -1))


def export_header() -> list[str]:
    """The column names, in the active language."""
    return [
        gettext("Date"),
        gettext("Forum"),
        gettext("Meeting"),
        gettext("Proposal or agenda item"),
        gettext("Who was consulted"),
        gettext("Form"),
        gettext("Children and young people"),
        gettext("What they said"),
        gettext("How it changed the outcome"),
    ]


def export_values(row: LogRow) -> list[str]:
    record = row.record
    meeting = ""
    if row.meeting is not None:
        meeting = f"{row.meeting.title} ({timezone.localtime(row.meeting.starts_at):%Y-%m-%d})"
    return [
        record.consulted_on.isoformat(),
        row.forum_name,
        meeting,
        row.subject,
        record.consulted,
        str(record.get_form_display()),
        gettext("yes") if record.children_and_youth else gettext("no"),
        record.what_they_said,
        record.how_it_changed,
    ]


def export_csv(rows: list[LogRow]) -> bytes:
    return csv_bytes(export_header(), (export_values(row) for row in rows))


def export_xlsx(rows: list[LogRow]) -> bytes:
    return xlsx_bytes(gettext("Consultation log"), export_header(), (export_values(row) for row in rows))
