"""Meetings of all three tiers: plan, call with a notice, change, cancel, answer, attend, minute, publish."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.models import (
    RSVP,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    Presence,
)
from tests.factories import AgendaItemFactory, AttachmentFactory, MeetingFactory


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
        ("core:calendar", {}, 2),
        ("core:calendar_list", {}, 3),
        ("core:forum_list", {}, 2),
        ("core:forum_detail", {"slug": world["forums"]["finnish_dialogue"].slug}, FORUM_PAGE_QUERIES),
    ]:
        with django_assert_num_queries(queries):
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


# The session with its person (one query), the meeting with its and its items' documents (core.plumbing.packed), items, attendance, the
# dialogue app's two sections (one query for both), and the proposals app's sections: which items came from
# proposals (1), consultation records (1; the control to add one reuses the page's agenda), and the
# follow-up's actions that came from the meeting (1). The coordinator's forums are not asked: they see all.
MEETING_PAGE_QUERIES = 8
# The forum page writes one row to the access log when it shows the member list (special-category data).
FORUM_PAGE_QUERIES = 7  # with whether the person follows the forum


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
    "core:meeting_edit": 4,
    "core:meeting_attendance": 3,
    "core:minutes_edit": 3,
    # One query per kind of record: the meeting, items, attendance, attachments, chair and adjusters.
    "core:meeting_history": 7,
    "core:attachment_create": 3,
}


@pytest.mark.parametrize("size", [1, 15])
@pytest.mark.parametrize("url_name", sorted(COORDINATOR_PAGE_QUERIES))
def test_coordinator_pages_queries_do_not_grow(client_for, world, size, url_name, django_assert_num_queries):
    meeting = _busy_meeting(world, size)
    client = client_for("coordinator")
    client.get(reverse("home"))
    with django_assert_num_queries(COORDINATOR_PAGE_QUERIES[url_name]):
        assert client.get(reverse(url_name, kwargs={"pk": meeting.pk})).status_code == 200


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
