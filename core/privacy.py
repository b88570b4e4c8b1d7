"""A person's rights under GDPR, and the retention rules: export, erasure, pseudonymisation, clean-up.

The shared app imports no other app, so what a person left in the rest of the portal is found through
the relations that point at the person (`User._meta.related_objects`): a new model with a link to a
person is part of the export and of the erasure record without a change here.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from .models import (
    AccessLogEntry,
    Attendance,
    ErasureRecord,
    Invitation,
    Membership,
    MinutesStatus,
    OutgoingMail,
    Role,
    Session,
    User,
    new_feed_token,
)

logger = logging.getLogger(__name__)

# Never exported: hashes, keys and secrets that identify nothing to the person and could open accounts.
SECRET_FIELDS = {"password", "feed_token", "token_hash", "data", "key", "session_key", "session_data"}
# Models that hold only the means to sign in: removed on erasure.
SIGN_IN_MODELS = {"account.emailaddress", "account.emailconfirmation", "mfa.authenticator"}
# Minutes that are approved or published are public records (allmänna handlingar): never rewritten.
PUBLIC_RECORD_MINUTES = [MinutesStatus.APPROVED, MinutesStatus.PUBLISHED]


@dataclass
class Section:
    """The rows of one kind of record that concern the person."""

    label: str
    title: str
    columns: list[tuple[str, str]] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    # The rows as the page shows them, (label, readable value) per column: filled by the view (MyDataView).
    items: list[list[tuple[str, object]]] = field(default_factory=list, repr=False, compare=False)


def _value(obj, model_field) -> object:
    if model_field.is_relation:
        related = getattr(obj, model_field.name)
        return None if related is None else str(related)
    value = getattr(obj, model_field.attname)
    if model_field.choices and value not in (None, ""):
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, FieldFile):
        # A stored file is named, not embedded: its name says which file the record holds.
        return value.name or ""
    return value


def _section(model, rows_queryset, skip: set[str]) -> Section:
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.name not in SECRET_FIELDS and f.name not in skip and not f.name.startswith("_")
    ]
    related = [f.name for f in fields if f.is_relation]
    queryset = rows_queryset.select_related(*related) if related else rows_queryset
    section = Section(
        label=model._meta.label_lower,
        title=str(model._meta.verbose_name_plural),
        columns=[(f.name, str(f.verbose_name)) for f in fields],
    )
    for obj in queryset.order_by("pk"):
        section.rows.append({f.name: _value(obj, f) for f in fields})
    return section


def _relations():
    """(model, field name) of every link to a person, hidden ones (`related_name="+"`) included.

    Of the history tables only `history_user` (changes the person made) counts: the other links in them
    are snapshots of the records themselves.
    """
    seen = set()
    for relation in User._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        # What passes the test above is a reverse relation, from a model that Django has loaded.
        assert isinstance(relation, models.ForeignObjectRel)
        model, name = relation.related_model, relation.field.name
        assert isinstance(model, type)
        if model._meta.auto_created or (model, name) in seen:
            continue
        if model.__name__.startswith("Historical") and name != "history_user":
            continue
        seen.add((model, name))
        yield model, name


def mail_to(person: User) -> list[OutgoingMail]:
    """The outbox mail addressed to the person (the database narrows, the exact address decides)."""
    return [m for m in OutgoingMail.objects.filter(to__icontains=person.email) if person.email in m.to]


def collect(person: User) -> list[Section]:
    """Everything the portal holds about the person, one section per kind of record."""
    account = _section(User, User.objects.filter(pk=person.pk), skip={"groups", "user_permissions"})
    account.title = str(_("Account"))
    sections = [account]
    for model, name in sorted(_relations(), key=lambda r: (r[0]._meta.label_lower, r[1])):
        if model is User:
            continue
        if model.__name__.startswith("Historical") and name == "history_user":
            # Changes the person made: what, when, how; the values are in the records themselves.
            history = model.objects.filter(history_user=person)
            if history.exists():
                section = Section(
                    label=f"{model._meta.label_lower}:{name}",
                    title=str(_("Changes you made: %(what)s") % {"what": model._meta.verbose_name_plural}),
                    columns=[
                        ("history_date", str(_("when"))),
                        ("history_type", str(_("change"))),
                        ("id", "id"),
                    ],
                )
                for row in history.order_by("history_date").values("history_date", "history_type", "id"):
                    section.rows.append(row)
                sections.append(section)
            continue
        queryset = model._default_manager.filter(**{name: person})
        if queryset.exists():
            section = _section(model, queryset, skip={name})
            section.label = f"{model._meta.label_lower}:{name}"
            sections.append(section)
    mail = mail_to(person)
    if mail:
        section = Section(
            label="core.outgoingmail",
            title=str(_("Mail sent to you")),
            columns=[
                ("created_at", str(pgettext("a mail", "written"))),
                ("sent_at", str(pgettext("a mail", "sent"))),
                ("subject", str(_("subject"))),
                ("body", str(_("text"))),
            ],
        )
        for m in mail:
            section.rows.append(
                {
                    "created_at": m.created_at,
                    "sent_at": m.sent_at,
                    "subject": m.subject,
                    "body": m.body,
                }
            )
        sections.append(section)
    return sections


def export(person: User) -> dict:
    """The export as data: what the JSON download holds (dates and times are encoded as ISO 8601)."""
    return {
        "generated_at": timezone.now(),
        "person": person.email,
        "sections": [
            {"kind": s.label, "title": s.title, "columns": dict(s.columns), "rows": s.rows}
            for s in collect(person)
        ],
    }


def log_access(request, kind: str, rows: int, forum=None) -> None:
    """Write who looked at a list of memberships (special-category data), when and where."""
    AccessLogEntry.objects.create(
        user=request.user if request.user.is_authenticated else None,
        kind=kind,
        forum=forum,
        path=request.get_full_path()[:500],
        rows=rows,
    )


# --- Erasure ---------------------------------------------------------------------------------------

# Why something is kept; the record stores the code, the page shows the words.
KEPT_REASONS = {
    "public_record": _(
        "Approved minutes are public records (allmänna handlingar) that the municipality must keep "
        "(arkivlagen 1990:782; GDPR Art. 17(3)(b)): the name stays in their attendance lists."
    ),
    "work_record": _(
        "Records of the municipality's work; they are kept, and now name an erased person instead of you."
    ),
    "statistics": _("Kept without the person, for statistics: role, forum and term."),
}


def erasure_preview(person: User) -> dict:
    """What an erasure would remove and keep, counted, for the administrator to read before confirming."""
    return _plan(person, apply=False)


@transaction.atomic
def erase(person: User, by: User, reason: str) -> ErasureRecord:
    """Anonymise the person and their memberships; keep public records as they are and record what was kept."""
    person = User.objects.select_for_update().get(pk=person.pk)
    plan = _plan(person, apply=True)
    now = timezone.now()
    person.email = f"erased-{person.pk}@erased.invalid"
    person.full_name = ""
    person.title = ""
    person.department = None
    person.role = Role.RESIDENT
    person.is_active = person.is_staff = person.is_superuser = False
    person.feed_token = new_feed_token()
    person.erased_at = now
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
    # Their sessions end with the password; their rows (what the sessions held) go now, not at expiry.
    Session.objects.filter(user_id=person.pk).delete()
    return ErasureRecord.objects.create(
        person=person, erased_by=by, at=now, reason=reason, removed=plan["removed"], kept=plan["kept"]
    )


def _count(rows: list, what: str, count: int, why: str | None = None) -> None:
    if count:
        rows.append({"what": what, "count": count, **({"why": why} if why else {})})


def _plan(person: User, apply: bool) -> dict:
    removed: list[dict] = []
    kept: list[dict] = []
    now = timezone.now()
    # Attendance at meetings with approved minutes: the name is written into the row, as recorded.
    recorded = Attendance.objects.filter(user=person, meeting__minutes_status__in=PUBLIC_RECORD_MINUTES)
    _count(kept, "core.attendance", recorded.count(), "public_record")
    # Invitations to meetings still to come are withdrawn.
    coming = Attendance.objects.filter(user=person, meeting__starts_at__gte=now).exclude(
        meeting__minutes_status__in=PUBLIC_RECORD_MINUTES
    )
    _count(removed, "core.attendance", coming.count())
    other = Attendance.objects.filter(user=person).exclude(pk__in=recorded).exclude(pk__in=coming)
    _count(kept, "core.attendance", other.count(), "work_record")
    memberships = Membership.objects.filter(user=person)
    _count(kept, "core.membership", memberships.count(), "statistics")
    mail = [m.pk for m in mail_to(person)]
    _count(removed, "core.outgoingmail", len(mail))
    invitations = Invitation.objects.filter(email__iexact=person.email)
    _count(removed, "core.invitation", invitations.count())
    sign_in: list[models.QuerySet] = []
    for model, name in _relations():
        label = model._meta.label_lower
        if model.__name__.startswith("Historical") or model in {Attendance, Membership, User}:
            continue
        if label in {"core.erasurerecord", "core.invitation", "core.accesslogentry"}:
            continue
        queryset = model._default_manager.filter(**{name: person})
        if label in SIGN_IN_MODELS:
            _count(removed, label, queryset.count())
            sign_in.append(queryset)
        else:
            _count(kept, label, queryset.count(), "work_record")
    if apply:
        if person.full_name:
            recorded.update(guest_name=person.full_name[:200])
        coming.delete()
        pseudonymise(memberships, now)
        OutgoingMail.objects.filter(pk__in=mail).delete()
        invitations.delete()
        for queryset in sign_in:
            queryset.delete()
    return {"removed": removed, "kept": kept}


def pseudonymise(memberships: models.QuerySet, now: dt.datetime | None = None) -> int:
    """Cut memberships, and their history, off from the person; role, forum and term stay for statistics."""
    now = now or timezone.now()
    ids = list(memberships.values_list("pk", flat=True))
    if not ids:
        return 0
    today = timezone.localdate(now)
    # A seat still held ends today (a term may not end before it started).
    Membership.objects.filter(pk__in=ids, starts_on__gt=today).update(starts_on=today)
    Membership.objects.filter(pk__in=ids).filter(
        models.Q(ends_on__isnull=True) | models.Q(ends_on__gt=today)
    ).update(ends_on=today)
    Membership.history.model.objects.filter(id__in=ids).update(user=None, nominated_by="")
    return Membership.objects.filter(pk__in=ids).update(user=None, nominated_by="", pseudonymised_at=now)


# --- Retention, run every night -------------------------------------------------------------------


def apply_retention(now: dt.datetime | None = None) -> dict[str, int]:
    """Pseudonymise long-ended memberships, delete old outbox mail and expired sessions."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ended_before = today - dt.timedelta(days=settings.MEMBERSHIP_PSEUDONYMISE_AFTER_DAYS)
    with transaction.atomic():
        memberships = pseudonymise(
            Membership.objects.filter(user__isnull=False, ends_on__lt=ended_before), now
        )
    mail_before = now - dt.timedelta(days=settings.MAIL_RETENTION_DAYS)
    mail, _kinds = OutgoingMail.objects.filter(
        models.Q(sent_at__lt=mail_before) | models.Q(failed=True, created_at__lt=mail_before)
    ).delete()
    sessions, _kinds = Session.objects.filter(expire_date__lt=now).delete()
    counts = {"memberships": memberships, "mail": mail, "sessions": sessions}
    logger.info("Retention applied: %s", counts)
    return counts
