"""GDPR: a person's own data as a page and a file; erasure that keeps public records; retention; the access log."""

import datetime as dt
import json

import pytest
from allauth.account.models import EmailAddress
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from core.models import (
    AccessLogEntry,
    Attendance,
    ErasureRecord,
    Membership,
    MinutesStatus,
    OutgoingMail,
    Presence,
    Session,
    User,
)
from core.privacy import apply_retention
from core.tasks import apply_retention as retention_task
from followup.models import ProgressUpdate
from tests.factories import ActionFactory, MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_reads_and_downloads_everything_held_about_them(client_for, world):
    representative = world["people"]["representative"]
    EmailMessage("Kallelse till dialogmöte", "Välkommen, Aino", to=[representative.email]).send()
    EmailMessage("Annat", "Inte till dig", to=["someone@example.org"]).send()
    client = client_for("representative")
    page = client.get(reverse("core:my_data"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Aino Representant" in text and "Dialoggrupp sverigefinnar" in text
    assert "Kallelse till dialogmöte" in text and "Inte till dig" not in text
    assert representative.feed_token not in text and representative.password not in text

    download = client.get(reverse("core:my_data_json"))
    assert download["Content-Disposition"].startswith('attachment; filename="haninge-portal-data-')
    data = json.loads(download.content)
    kinds = {section["kind"]: section for section in data["sections"]}
    assert kinds["core.user"]["rows"][0]["email"] == representative.email
    assert "password" not in kinds["core.user"]["rows"][0]
    forums = {row["forum"] for row in kinds["core.membership:user"]["rows"]}
    assert forums == {"Dialoggrupp sverigefinnar", "Politiska samrådsgruppen"}
    assert len(kinds["core.attendance:user"]["rows"]) == 3
    assert [row["subject"] for row in kinds["core.outgoingmail"]["rows"]] == ["Kallelse till dialogmöte"]
    # The authenticator's secret never leaves, even for a person who has one.
    coordinator = client_for("coordinator").get(reverse("core:my_data_json"))
    authenticators = json.loads(coordinator.content)["sections"]
    assert all("data" not in row for s in authenticators for row in s["rows"])
    assert any(s["kind"] == "mfa.authenticator:user" for s in authenticators)
    # The download is logged (it lists the person's memberships).
    assert AccessLogEntry.objects.filter(kind="data_export", user=representative).count() == 1


def test_records_with_a_stored_file_are_named_in_the_download(client_for, world):
    """A report the coordinator ordered and published holds its PDFs: the download names the files."""
    from django.core.files.base import ContentFile

    from reports.models import Report, ReportKind, ReportStatus

    coordinator = world["people"]["coordinator"]
    report = Report.objects.create(
        kind=ReportKind.QUARTERLY,
        period_start=dt.date(2026, 7, 1),
        period_end=dt.date(2026, 9, 30),
        language="sv",
        status=ReportStatus.DONE,
        requested_by=coordinator,
        published_by=coordinator,
    )
    report.file.save("kvartalsrapport.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    response = client_for("coordinator").get(reverse("core:my_data_json"))
    assert response.status_code == 200
    sections = {section["kind"]: section for section in json.loads(response.content)["sections"]}
    row = sections["reports.report:requested_by"]["rows"][0]
    assert row["file"].endswith("kvartalsrapport.pdf") and row["public_file"] == ""


def _held_with_minutes(world, status):
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        starts_at=timezone.now() - dt.timedelta(days=40),
        status="held",
        minutes_status=status,
    )
    Attendance.objects.create(
        meeting=meeting, user=world["people"]["representative"], presence=Presence.PRESENT
    )
    return meeting


def test_erasure_anonymises_the_person_and_keeps_approved_minutes_as_recorded(client_for, world):
    representative = world["people"]["representative"]
    approved = _held_with_minutes(world, MinutesStatus.APPROVED)
    draft = _held_with_minutes(world, MinutesStatus.DRAFT)
    action = ActionFactory(responsible=representative)
    ProgressUpdate.objects.create(
        action=action, author=representative, text="Klart till hälften", status=action.status, progress=50
    )
    EmailMessage("Kallelse", "Hej Aino", to=[representative.email]).send()
    signed_in = client_for("representative")
    assert signed_in.get(reverse("home")).wsgi_request.user == representative
    admin = client_for("administrator")

    preview = admin.get(reverse("core:person_erase", args=[representative.pk])).content.decode()
    assert "Aino Representant" in preview
    assert "Justerade protokoll är allmänna handlingar" in preview

    refused = admin.post(
        reverse("core:person_erase", args=[representative.pk]),
        {"reason": "Begäran dnr KS 2026/123", "confirm_email": "fel@example.org"},
    )
    assert (
        refused.status_code == 200 and "Det här är inte personens e-postadress." in refused.content.decode()
    )
    assert User.objects.get(pk=representative.pk).erased_at is None

    response = admin.post(
        reverse("core:person_erase", args=[representative.pk]),
        {"reason": "Begäran dnr KS 2026/123", "confirm_email": representative.email.upper()},
    )
    record = ErasureRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "core:erasure_record", args=[record.pk]
    )
    person = User.objects.get(pk=representative.pk)
    assert person.erased_at and not person.is_active and not person.has_usable_password()
    assert person.full_name == "" and representative.email not in person.email
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not OutgoingMail.objects.filter(to__icontains="rep@example.org").exists()
    # Memberships stay for statistics, without the person.
    assert not Membership.objects.filter(user=person).exists()
    assert Membership.objects.filter(user=None, forum=world["forums"]["finnish_dialogue"]).exists()
    assert not Membership.history.filter(user_id=person.pk).exists()
    # Approved minutes are public records: the name stays in their attendance list as it was recorded.
    meeting_page = client_for("coordinator").get(approved.get_absolute_url()).content.decode()
    assert "Aino Representant" in meeting_page
    assert Attendance.objects.get(meeting=draft, user=person).name == "Raderad person"
    # Invitations to meetings still to come are withdrawn.
    assert not Attendance.objects.filter(user=person, meeting=world["meetings"]["finnish"]).exists()
    # The work stays, naming an erased person; the record says what was kept and why.
    action.refresh_from_db()
    assert action.responsible == person
    kept = {row["what"]: row for row in record.kept}
    assert kept["core.attendance"]["why"] in {"public_record", "work_record"}
    assert kept["followup.progressupdate"]["count"] == 1
    assert record.reason == "Begäran dnr KS 2026/123" and record.erased_by == world["people"]["administrator"]
    shown = admin.get(reverse("core:erasure_record", args=[record.pk])).content.decode()
    assert "Begäran dnr KS 2026/123" in shown and "Aino" not in shown
    # The erased person can no longer sign in, and the session they had is gone with what it held.
    assert not client_for("anonymous").login(email="rep@example.org", password="correct-horse-battery")
    assert not Session.objects.filter(user_id=person.pk).exists()
    assert signed_in.get(reverse("home")).wsgi_request.user.is_anonymous


def test_an_administrator_cannot_erase_themselves(client_for, world):
    admin = world["people"]["administrator"]
    response = client_for("administrator").post(
        reverse("core:person_erase", args=[admin.pk]), {"reason": "x", "confirm_email": admin.email}
    )
    assert response.status_code == 200
    assert User.objects.get(pk=admin.pk).erased_at is None and not ErasureRecord.objects.exists()


def test_the_nightly_task_pseudonymises_long_ended_memberships_only(world, settings):
    settings.MEMBERSHIP_PSEUDONYMISE_AFTER_DAYS = 365
    today = timezone.localdate()
    person = UserFactory(full_name="Gammal Ledamot")
    old = MembershipFactory(
        user=person,
        forum=world["forums"]["roma_dialogue"],
        starts_on=today - dt.timedelta(days=900),
        ends_on=today - dt.timedelta(days=366),
        nominated_by="Romska föreningen",
    )
    recent = MembershipFactory(
        user=person,
        forum=world["forums"]["finnish_dialogue"],
        starts_on=today - dt.timedelta(days=900),
        ends_on=today - dt.timedelta(days=364),
    )
    current_before = Membership.objects.current().count()
    counts = retention_task.delay().get()
    assert counts["memberships"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.user is None and old.nominated_by == "" and old.pseudonymised_at is not None
    assert (old.forum, old.role, old.starts_on) == (
        world["forums"]["roma_dialogue"],
        "representative",
        today - dt.timedelta(days=900),
    )
    assert recent.user == person
    assert not Membership.history.filter(id=old.pk, user_id=person.pk).exists()
    assert Membership.objects.current().count() == current_before
    # Running it again changes nothing.
    assert apply_retention()["memberships"] == 0


def test_the_nightly_task_deletes_old_outbox_mail_and_expired_sessions(world, settings, client_for):
    settings.MAIL_RETENTION_DAYS = 30
    old = OutgoingMail.objects.create(
        subject="Gammal", body="", from_email="a@example.org", to=["x@example.org"]
    )
    OutgoingMail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    waiting = OutgoingMail.objects.create(
        subject="Väntar", body="", from_email="a@example.org", to=["y@example.org"]
    )
    client_for("resident").get(reverse("home"))
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    counts = apply_retention()
    assert counts["mail"] == 1 and counts["sessions"] >= 1
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [waiting.pk]


def test_every_view_of_a_member_list_is_logged_for_the_administrators(client_for, world):
    forum = world["forums"]["finnish_dialogue"]
    url = reverse("core:forum_detail", args=[forum.slug])
    client_for("representative").get(url)
    client_for("coordinator").get(url)
    client_for("politician").get(url)  # sees the forum, not its members: nothing to log
    entries = list(AccessLogEntry.objects.order_by("at"))
    assert [(e.user.email, e.forum, e.rows, e.kind) for e in entries] == [
        ("rep@example.org", forum, 2, "forum_members"),
        ("samordnare@example.org", forum, 2, "forum_members"),
    ]
    admin = client_for("administrator")
    admin.get(reverse("admin:core_membership_changelist"))
    admin.get(reverse("admin:core_forum_change", args=[forum.pk]))
    assert AccessLogEntry.objects.filter(kind="admin_memberships").count() == 2
    log = admin.get(reverse("admin:core_accesslogentry_changelist"))
    assert log.status_code == 200 and "Elin Samordnare" in log.content.decode()
    # Nobody edits the log, not even an administrator.
    entry = entries[0]
    assert (
        admin.post(reverse("admin:core_accesslogentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()
    assert client_for("coordinator").get(reverse("admin:core_accesslogentry_changelist")).status_code == 302


def test_the_access_log_does_not_make_cached_pages_stale(
    world, client_for, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from core.plumbing import pagecache

    client = client_for("coordinator")
    client.get(reverse("home"))
    pagecache.bump()
    before = cache.get(pagecache.VERSION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(reverse("core:forum_detail", args=[world["forums"]["finnish_dialogue"].slug]))
    assert AccessLogEntry.objects.count() == 1
    assert cache.get(pagecache.VERSION_KEY) == before
