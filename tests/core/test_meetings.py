"""Meetings of all three tiers: plan, call with a notice, change, cancel, answer, attend, minute, publish."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from core.models import (
    RSVP,
    AgendaItem,
    Attachment,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    Presence,
)
from tests.factories import PDF_BYTES, AgendaItemFactory, AttachmentFactory, MeetingFactory


def meeting_form(**overrides) -> dict:
    day = timezone.localdate() + dt.timedelta(days=14)
    data = {
        "title_sv": "Dialogmöte om förskola på finska",
        "title_fi": "Dialogikokous suomenkielisestä esikoulusta",
        "title_en": "",
        "description": "Vi går igenom rätten till förskola på finska.",
        "date": day.isoformat(),
        "start_time": "15:00",
        "end_time": "17:00",
        "location": "Handens bibliotek",
        "video_url": "",
    }
    data.update(overrides)
    return data


def ical_of(message) -> Calendar:
    name, content, mimetype = message.attachments[0]
    assert name == "meeting.ics"
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_coordinator_plans_a_meeting_and_the_forum_members_are_invited(client_for, world):
    forum = world["forums"]["finnish_dialogue"]
    members = {world["people"]["representative"].pk, world["people"]["admin_contact"].pk}
    response = client_for("coordinator").post(
        reverse("core:meeting_create", kwargs={"slug": forum.slug}),
        {**meeting_form(), "invitees": sorted(members)},
    )
    meeting = Meeting.objects.get(title_sv="Dialogmöte om förskola på finska")
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.forum == forum
    assert meeting.status == MeetingStatus.PLANNED
    assert timezone.localtime(meeting.starts_at).hour == 15
    assert set(meeting.attendances.values_list("user_id", flat=True)) == members
    assert mail.outbox == []  # nobody hears of it before the agenda is published


def test_a_meeting_that_ends_before_it_starts_is_refused_and_nothing_is_stored(client_for, world):
    forum = world["forums"]["finnish_dialogue"]
    before = Meeting.objects.count()
    response = client_for("coordinator").post(
        reverse("core:meeting_create", kwargs={"slug": forum.slug}),
        meeting_form(start_time="17:00", end_time="15:00", location=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert Meeting.objects.count() == before
    assert "ds-error-summary" in page
    assert 'href="#id_end_time"' in page
    assert 'href="#id_location"' in page


def _planned(world) -> Meeting:
    meeting = world["meetings"]["finnish"]
    meeting.status = MeetingStatus.PLANNED
    meeting.save()
    return meeting


def test_publishing_the_agenda_sends_each_invitee_a_notice_in_their_language_with_an_invitation(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = _planned(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(reverse("core:meeting_publish", kwargs={"pk": meeting.pk}))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {"rep@example.org", "kontakt@example.org"}
    # The representative reads Finnish, the administration contact Swedish.
    assert by_person["rep@example.org"].subject.startswith("Kokouskutsu")
    assert by_person["kontakt@example.org"].subject.startswith("Kallelse")
    assert "Återkoppling från förvaltningen (finnish)" in by_person["kontakt@example.org"].body

    calendar = ical_of(by_person["kontakt@example.org"])
    assert calendar["METHOD"] == "REQUEST"
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["UID"]) == meeting.ical_uid
    assert event["SEQUENCE"] == 1
    assert event["DTSTART"].dt == timezone.localtime(meeting.starts_at).replace(microsecond=0)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_an_agenda_without_items_cannot_be_published(client_for, world):
    meeting = _planned(world)
    meeting.agenda_items.all().delete()
    client = client_for("coordinator")
    response = client.post(reverse("core:meeting_publish", kwargs={"pk": meeting.pk}), follow=True)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    assert "Lägg till minst en punkt på dagordningen" in response.content.decode()
    assert mail.outbox == []


def test_a_new_time_after_the_notice_is_sent_as_an_update_of_the_same_invitation(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = world["meetings"]["finnish"]
    uid, sequence = meeting.ical_uid, meeting.ical_sequence
    local = timezone.localtime(meeting.starts_at)
    data = meeting_form(
        title_sv=meeting.title_sv,
        date=local.date().isoformat(),
        start_time="18:00",
        end_time="19:30",
        location="Handens bibliotek",
        invitees=list(meeting.attendances.values_list("user_id", flat=True)),
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator").post(reverse("core:meeting_edit", kwargs={"pk": meeting.pk}), data)
    meeting.refresh_from_db()
    assert meeting.ical_sequence == sequence + 1
    assert len(mail.outbox) == 2
    event = next(iter(ical_of(mail.outbox[0]).walk("VEVENT")))
    assert str(event["UID"]) == uid
    assert event["SEQUENCE"] == sequence + 1
    assert event["DTSTART"].dt.hour == 18


def test_cancelling_a_called_meeting_sends_a_cancellation(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = world["meetings"]["finnish"]
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator").post(
            reverse("core:meeting_cancel", kwargs={"pk": meeting.pk}),
            {"reason": "Lokalen är inte tillgänglig."},
        )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    calendar = ical_of(mail.outbox[0])
    assert calendar["METHOD"] == "CANCEL"
    event = next(iter(calendar.walk("VEVENT")))
    assert event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == meeting.ical_uid
    assert "Lokalen är inte tillgänglig." in mail.outbox[1].body + mail.outbox[0].body


def test_cancelling_needs_a_reason(client_for, world):
    meeting = world["meetings"]["finnish"]
    response = client_for("coordinator").post(
        reverse("core:meeting_cancel", kwargs={"pk": meeting.pk}), {"reason": ""}
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED


def test_an_invited_member_confirms_and_then_excuses_their_attendance(client_for, world):
    meeting = world["meetings"]["finnish"]
    client = client_for("representative")
    url = reverse("core:meeting_respond", kwargs={"pk": meeting.pk})
    client.post(url, {"answer": RSVP.ATTENDING})
    attendance = meeting.attendances.get(user=world["people"]["representative"])
    assert attendance.rsvp == RSVP.ATTENDING
    client.post(url, {"answer": RSVP.DECLINED})
    attendance.refresh_from_db()
    assert attendance.rsvp == RSVP.DECLINED
    assert attendance.presence == Presence.EXCUSED


def test_only_the_invited_may_answer(client_for, world):
    meeting = world["meetings"]["finnish"]
    url = reverse("core:meeting_respond", kwargs={"pk": meeting.pk})
    assert client_for("politician").post(url, {"answer": RSVP.ATTENDING}).status_code == 403
    assert client_for("other_representative").post(url, {"answer": RSVP.ATTENDING}).status_code == 404
    assert not meeting.attendances.filter(user=world["people"]["politician"]).exists()


def test_coordinator_records_attendance_and_a_guest(client_for, world):
    meeting = world["meetings"]["roma"]
    attendance = meeting.attendances.get()
    client = client_for("coordinator")
    client.post(
        reverse("core:meeting_attendance", kwargs={"pk": meeting.pk}),
        {f"presence_{attendance.pk}": Presence.PRESENT},
    )
    client.post(
        reverse("core:meeting_add_guest", kwargs={"pk": meeting.pk}),
        {"guest_name": "Sara Gäst", "guest_organisation": "Romska kulturföreningen"},
    )
    attendance.refresh_from_db()
    assert attendance.presence == Presence.PRESENT
    guest = meeting.attendances.get(guest_name="Sara Gäst")
    assert guest.presence == Presence.PRESENT
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sara Gäst" in page
    assert "Romska kulturföreningen" in page


def test_minutes_are_sanitised_so_no_script_reaches_a_reader(client_for, world):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    client_for("coordinator").post(
        reverse("core:minutes_edit", kwargs={"pk": meeting.pk}),
        {
            f"item-{item.pk}-minutes": '<p onclick="steal()">Vi talade om <strong>skolan</strong>.</p><script>alert(1)</script>'
            '<a href="javascript:alert(2)">länk</a>',
            f"item-{item.pk}-decision": "Förvaltningen återkommer.\n\nNästa möte i maj.",
            f"item-{item.pk}-follow_up": "",
        },
    )
    item.refresh_from_db()
    assert "<strong>skolan</strong>" in item.minutes
    assert "script" not in item.minutes
    assert "onclick" not in item.minutes
    assert "javascript:" not in item.minutes
    assert item.decision == "<p>Förvaltningen återkommer.</p>\n\n<p>Nästa möte i maj.</p>"
    page = client_for("other_representative").get(meeting.get_absolute_url()).content.decode()
    assert "<strong>skolan</strong>" in page
    assert "alert(1)" not in page


ALLOWED = {
    (MinutesStatus.DRAFT, MinutesStatus.IN_REVIEW),
    (MinutesStatus.IN_REVIEW, MinutesStatus.DRAFT),
    (MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED),
    (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED),
}
TRANSITIONS = [(a, b) for a in MinutesStatus for b in MinutesStatus if a != b]


@pytest.mark.parametrize(("current", "target"), TRANSITIONS, ids=[f"{a}-{b}" for a, b in TRANSITIONS])
def test_minutes_move_only_as_the_workflow_allows(client_for, world, current, target):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=current)
    response = client_for("coordinator").post(
        reverse("core:minutes_move", kwargs={"pk": meeting.pk}), {"target": target}, follow=True
    )
    meeting.refresh_from_db()
    if (current, target) in ALLOWED:
        assert meeting.minutes_status == target
    else:
        assert meeting.minutes_status == current
        assert "Protokollet kan inte gå från" in response.content.decode()


def test_sending_for_review_and_publishing_tell_the_members(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.DRAFT)
    client = client_for("coordinator")
    url = reverse("core:minutes_move", kwargs={"pk": meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"target": MinutesStatus.IN_REVIEW})
    assert [m.to for m in mail.outbox] == [["rep2@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"target": MinutesStatus.APPROVED})
        client.post(url, {"target": MinutesStatus.PUBLISHED})
    assert len(mail.outbox) == 2
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None


def test_minutes_of_a_coming_meeting_cannot_be_sent_out(client_for, world):
    meeting = world["meetings"]["finnish"]
    client_for("coordinator").post(
        reverse("core:minutes_move", kwargs={"pk": meeting.pk}), {"target": MinutesStatus.IN_REVIEW}
    )
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", False),
        ("resident", False),
        ("politician", False),
        ("other_representative", True),
        ("coordinator", True),
    ],
)
def test_dialogue_minutes_in_review_are_read_by_the_forums_members_only(client_for, world, role, sees):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    item.minutes = "<p>Samtal om boendefrågor</p>"
    item.save()
    page = client_for(role).get(meeting.get_absolute_url()).content.decode()
    assert ("Samtal om boendefrågor" in page) is sees


def test_published_consultation_minutes_are_public(client, world):
    meeting = MeetingFactory(
        forum=world["forums"]["consultation"],
        starts_at=timezone.now() - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    AgendaItemFactory(meeting=meeting, title="Programmet", minutes="<p>Samrådet tillstyrkte programmet.</p>")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Samrådet tillstyrkte programmet." in page


def test_approved_minutes_are_locked(client_for, world):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    item = meeting.agenda_items.first()
    client_for("coordinator").post(
        reverse("core:minutes_edit", kwargs={"pk": meeting.pk}),
        {f"item-{item.pk}-minutes": "Ändrat i efterhand"},
    )
    item.refresh_from_db()
    assert "Ändrat i efterhand" not in item.minutes


def upload(client, meeting, name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("core:attachment_create", kwargs={"pk": meeting.pk}),
        {"file": SimpleUploadedFile(name, content), "agenda_item": ""},
    )


def test_a_pdf_is_attached_under_a_name_nobody_can_guess(client_for, world):
    meeting = world["meetings"]["finnish"]
    response = upload(client_for("coordinator"), meeting, "Underlag förskola.pdf", PDF_BYTES)
    assert response.status_code == 302
    attachment = meeting.attachments.get(name="Underlag förskola.pdf")
    assert attachment.content_type == "application/pdf"
    assert "Underlag" not in attachment.file.name
    assert len(attachment.file.name.split("/")[-1]) >= 20


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00 this is a Windows program"),
        ("bild.png", b"<html><script>alert(1)</script></html>"),
        ("tom.pdf", b""),
    ],
)
def test_a_file_whose_content_is_not_allowed_is_refused_and_nothing_is_stored(
    client_for, world, name, content
):
    meeting = world["meetings"]["finnish"]
    before = Attachment.objects.count()
    response = upload(client_for("coordinator"), meeting, name, content)
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert Attachment.objects.count() == before


def test_a_file_over_the_size_limit_is_refused(client_for, world, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    response = upload(
        client_for("coordinator"), world["meetings"]["finnish"], "stor.pdf", PDF_BYTES + b"0" * 2048
    )
    assert "högst 1,0" in response.content.decode()
    assert not Attachment.objects.filter(name="stor.pdf").exists()


def test_attachments_are_served_only_to_those_who_may_see_the_meeting(client_for, world):
    attachment = world["attachment"]
    url = reverse("core:attachment_download", kwargs={"pk": attachment.pk})
    response = client_for("representative").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'filename="underlag.pdf"' in response["Content-Disposition"]
    assert client_for("other_representative").get(url).status_code == 404


def test_history_shows_who_changed_what(client_for, world):
    meeting = world["meetings"]["finnish"]
    client = client_for("coordinator")
    client.post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}),
        {
            "title": "Förskola på finska",
            "description": "",
            "presenter": "",
            "presenter_name": "",
            "duration_minutes": 30,
        },
    )
    page = (
        client_for("representative")
        .get(reverse("core:meeting_history", kwargs={"pk": meeting.pk}))
        .content.decode()
    )
    assert "Förskola på finska" in page
    assert "Elin Samordnare" in page


def test_agenda_items_are_added_before_any_other_business_and_can_be_moved(client_for, world):
    meeting = world["meetings"]["finnish"]
    client = client_for("coordinator")
    client.post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}),
        {"title": "Ny punkt", "presenter_name": "Gäst", "duration_minutes": 15},
    )
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles[-2:] == ["Ny punkt", "Övriga frågor"]
    new = meeting.agenda_items.get(title="Ny punkt")
    client.post(reverse("core:agenda_item_move", kwargs={"pk": new.pk}), {"direction": "up"})
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles.index("Ny punkt") == 0


def test_any_other_business_added_by_hand_goes_last(client_for, world):
    meeting = world["meetings"]["finnish"]
    meeting.agenda_items.filter(title="Övriga frågor").delete()
    client_for("coordinator").post(
        reverse("core:agenda_item_create", kwargs={"pk": meeting.pk}), {"title": "Övriga frågor"}
    )
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles[-1] == "Övriga frågor"


def test_an_item_with_minutes_is_not_deleted(client_for, world):
    meeting = world["meetings"]["roma"]
    minuted, plain = meeting.agenda_items.order_by("position")[:2]
    AgendaItem.objects.filter(pk=minuted.pk).update(minutes="<p>Protokollförd</p>")
    client = client_for("coordinator")
    refused = client.post(reverse("core:agenda_item_delete", kwargs={"pk": minuted.pk}), follow=True)
    assert refused.redirect_chain == [(meeting.get_absolute_url(), 302)]
    assert "En punkt som har protokollstext eller bilagor kan inte tas bort." in refused.content.decode()
    assert AgendaItem.objects.filter(pk=minuted.pk).exists()
    # The same request removes an item with nothing minuted: the refusal was the minutes, not the request.
    removed = client.post(reverse("core:agenda_item_delete", kwargs={"pk": plain.pk}), follow=True)
    assert "Punkten har tagits bort från dagordningen." in removed.content.decode()
    assert not AgendaItem.objects.filter(pk=plain.pk).exists()


def _more_meetings(world, count: int) -> None:
    meeting = world["meetings"]["finnish"]
    for index in range(count):
        item = AgendaItemFactory(meeting=meeting, title=f"Extra punkt {index}")
        AttachmentFactory(meeting=meeting, agenda_item=item, name=f"bilaga-{index}.pdf")
        MeetingFactory(forum=meeting.forum, starts_at=timezone.now() + dt.timedelta(days=index % 20 + 1))


@pytest.mark.parametrize("size", [1, 20])
def test_meeting_page_queries_do_not_grow_with_the_agenda(client_for, world, size, django_assert_num_queries):
    _more_meetings(world, size)
    client = client_for("coordinator")
    url = world["meetings"]["finnish"].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(MEETING_PAGE_QUERIES):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 20])
def test_calendar_and_forum_pages_queries_do_not_grow(client_for, world, size, django_assert_num_queries):
    _more_meetings(world, size)
    client = client_for("representative")
    client.get(reverse("home"))
    for name, kwargs, queries in [
        ("core:calendar", {}, 5),
        ("core:calendar_list", {}, 4),
        ("core:forum_list", {}, 3),
        ("core:forum_detail", {"slug": world["forums"]["finnish_dialogue"].slug}, FORUM_PAGE_QUERIES),
    ]:
        with django_assert_num_queries(queries):
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


# Session, user, meeting, items with their attachments, attendance, the meeting's own documents,
# the coordinator's forum memberships (permissions), the dialogue app's two sections (2), and the
# proposals app's sections: which items came from proposals (1), consultation records per item (2), and
# the follow-up's actions that came from the meeting (1).
MEETING_PAGE_QUERIES = 13
# The forum page writes one row to the access log when it shows the member list (special-category data).
FORUM_PAGE_QUERIES = 10


def test_calendar_shows_a_meeting_on_its_day_and_the_public_sees_only_public_ones(client, world):
    finnish = world["meetings"]["finnish"]
    consultation = world["meetings"]["consultation"]
    for meeting in (finnish, consultation):
        local = timezone.localtime(meeting.starts_at)
        page = client.get(
            reverse("core:calendar"), {"year": local.year, "month": local.month}
        ).content.decode()
        assert (meeting.title in page) is (meeting == consultation)


def test_personal_feed_lists_the_persons_meetings_and_a_reset_retires_the_old_address(client_for, world):
    person = world["people"]["representative"]
    old = person.feed_token
    response = client_for("anonymous").get(reverse("core:calendar_feed", kwargs={"token": old}))
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert any("Dialogmöte sverigefinnar" in s for s in summaries)
    assert not any("romska" in s for s in summaries)
    assert not any("Samråd i planering" in s for s in summaries)

    client_for("representative").post(reverse("core:calendar_feed_reset"))
    person.refresh_from_db()
    assert person.feed_token != old
    assert (
        client_for("anonymous").get(reverse("core:calendar_feed", kwargs={"token": old})).status_code == 404
    )
    assert (
        client_for("anonymous")
        .get(reverse("core:calendar_feed", kwargs={"token": person.feed_token}))
        .status_code
        == 200
    )


def _busy_meeting(world, size: int) -> Meeting:
    """The Roma council's meeting with `size` more agenda items, guests and changes to them."""
    meeting = world["meetings"]["roma"]
    for index in range(size):
        item = AgendaItemFactory(meeting=meeting, title=f"Punkt {index}")
        item.title = f"Punkt {index} (ändrad)"
        item.save()
        AttachmentFactory(meeting=meeting, agenda_item=item, name=f"bilaga-{index}.pdf")
    return meeting


# The coordinator's working pages for one meeting: the count is the same for 1 and 15 items.
COORDINATOR_PAGE_QUERIES = {
    "core:meeting_edit": 5,
    "core:meeting_attendance": 4,
    "core:minutes_edit": 4,
    "core:meeting_history": 7,
    "core:attachment_create": 4,
}


@pytest.mark.parametrize("size", [1, 15])
@pytest.mark.parametrize("url_name", sorted(COORDINATOR_PAGE_QUERIES))
def test_coordinator_pages_queries_do_not_grow(client_for, world, size, url_name, django_assert_num_queries):
    meeting = _busy_meeting(world, size)
    client = client_for("coordinator")
    client.get(reverse("home"))
    with django_assert_num_queries(COORDINATOR_PAGE_QUERIES[url_name]):
        assert client.get(reverse(url_name, kwargs={"pk": meeting.pk})).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("direction", ["sideways", "", "UP", "down "])
def test_an_agenda_item_is_moved_only_up_or_down(client_for, world, direction):
    meeting = world["meetings"]["finnish"]
    before = list(meeting.agenda_items.order_by("position").values_list("pk", flat=True))
    item = meeting.agenda_items.order_by("position").first()
    response = client_for("coordinator").post(
        reverse("core:agenda_item_move", kwargs={"pk": item.pk}), {"direction": direction}, follow=True
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        gettext("Choose whether to move the item up or down.")
    ]
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == before


def test_history_says_what_changed_in_attendance_and_minutes(client_for, world):
    """Attendance and minutes rows name the person and the states, not "–" or a bare field name."""
    from core import services

    meeting = world["meetings"]["roma"]
    coordinator = world["people"]["coordinator"]
    attendance = meeting.attendances.get(user=world["people"]["other_representative"])
    services.record_attendance(meeting, {attendance.pk: Presence.EXCUSED}, by=coordinator)
    services.move_minutes(meeting, MinutesStatus.APPROVED, by=coordinator)
    with translation.override("en"):
        page = (
            client_for("coordinator")
            .get(reverse("core:meeting_history", kwargs={"pk": meeting.pk}))
            .content.decode()
        )
    assert "Attendance: Milan Representant excused" in page
    assert "The minutes: sent for review → approved" in page
    assert "Attendance: Milan Representant invited" in page


class _Controls(HTMLParser):
    """The agenda items' controls: each button's and link's accessible name (aria-hidden text left out)."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.controls: list[dict] = []
        self.current: dict | None = None
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"br", "input", "img", "meta", "link"}:
            return
        self.stack.append((tag, attrs))
        if attrs.get("aria-hidden") == "true":
            self.hidden += 1
        in_actions = any("item-actions" in (a.get("class") or "").split() for _, a in self.stack)
        if tag in {"button", "a"} and in_actions:
            form = next((a for t, a in reversed(self.stack) if t == "form"), None)
            self.current = {
                "tag": tag,
                "name": "",
                "label": attrs.get("aria-label"),
                "form_method": form and form.get("method"),
            }

    def handle_endtag(self, tag):
        if not self.stack:
            return
        open_tag, attrs = self.stack.pop()
        if attrs.get("aria-hidden") == "true":
            self.hidden -= 1
        if tag in {"button", "a"} and self.current is not None:
            # aria-label wins over the content, as in the accessible name computation.
            self.current["name"] = " ".join((self.current["label"] or self.current["name"]).split())
            self.controls.append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.hidden:
            self.current["name"] += data


def test_agenda_items_have_one_compact_control_of_buttons_named_after_the_item(client_for, world):
    meeting = world["meetings"]["finnish"]
    with translation.override("en"):
        page = client_for("coordinator").get(reverse("core:meeting_detail", kwargs={"pk": meeting.pk}))
    html = page.content.decode()
    assert html.count('class="item-actions"') == meeting.agenda_items.count()
    parser = _Controls()
    parser.feed(html)
    moves = [c for c in parser.controls if c["name"].startswith(("Move up", "Move down"))]
    assert {c["name"] for c in moves} == {
        "Move down: Återkoppling från förvaltningen (finnish)",
        "Move up: Övriga frågor",
    }
    assert all(c["tag"] == "button" and c["form_method"] == "post" for c in moves)
    names = [c["name"] for c in parser.controls]
    assert len(names) == len(set(names)), names
    assert "Edit: Övriga frågor" in names


def test_meeting_page_says_once_that_no_consultation_is_recorded_and_offers_one_way_to_record(
    client_for, world
):
    meeting = world["meetings"]["finnish"]
    with translation.override("en"):
        html = (
            client_for("coordinator")
            .get(reverse("core:meeting_detail", kwargs={"pk": meeting.pk}))
            .content.decode()
        )
    assert html.count("No consultation has been recorded for this meeting.") == 1
    assert html.count('id="register-consultation"') == 1
    for item in meeting.agenda_items.all():
        assert html.count(f"/proposals/items/{item.pk}/consultations/new/") == 1
