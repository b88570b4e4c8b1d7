"""Minutes as Swedish practice keeps them: § numbers per forum and year, a chair and adjusters who approve
(justerar) the protocol, and the protocol itself as a tagged PDF in Swedish and Finnish."""

import datetime as dt
import io
import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from pypdf import PdfReader

from core import protocols, services
from core.models import (
    Meeting,
    MeetingProtocol,
    MeetingStatus,
    MinutesKind,
    MinutesSigner,
    MinutesStatus,
    Paragraph,
    SignerRole,
)
from tests.factories import AgendaItemFactory, ForumFactory, MeetingFactory, UserFactory


def said(language: str, message: str, context: str = "") -> str:
    """The message as the portal says it in the language (the catalogs gain these strings at integration)."""
    with translation.override(language):
        return pgettext(context, message) if context else gettext(message)


def protocol_meeting(world, **kwargs) -> Meeting:
    """The Roma council's held meeting, its minutes a draft, in a forum that keeps a protocol."""
    forum = world["forums"]["roma_dialogue"]
    forum.minutes_kind = MinutesKind.PROTOCOL
    forum.save()
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.DRAFT, **kwargs)
    meeting.refresh_from_db()
    return meeting


def choose(world, meeting, chair="politician", adjusters=("other_representative",)):
    people = world["people"]
    return services.set_signers(
        meeting, people[chair], [people[a] for a in adjusters], by=people["coordinator"]
    )


def move(client, meeting, target):
    return client.post(
        reverse("core:minutes_move", kwargs={"pk": meeting.pk}), {"target": target}, follow=True
    )


def test_a_protocol_is_not_sent_for_review_without_a_chair_and_an_adjuster(client_for, world):
    meeting = protocol_meeting(world)
    page = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    assert 'id="signers-needed"' in page
    response = move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    assert said("sv", "Choose the chair and at least one adjuster before sending the minutes.") in (
        response.content.decode()
    )
    assert not Paragraph.objects.exists()


def test_the_coordinator_chooses_the_chair_and_adjusters_on_the_minutes_page(client_for, world):
    meeting = protocol_meeting(world)
    people = world["people"]
    client = client_for("coordinator")
    page = client.get(reverse("core:minutes_edit", kwargs={"pk": meeting.pk})).content.decode()
    signers_url = reverse("core:minutes_signers", kwargs={"pk": meeting.pk})
    assert f'action="{signers_url}"' in page
    client.post(
        reverse("core:minutes_signers", kwargs={"pk": meeting.pk}),
        {"chair": people["coordinator"].pk, "adjuster": people["other_representative"].pk},
    )
    # The coordinator is no member and was not invited: not among those who may be chosen.
    assert not MinutesSigner.objects.filter(meeting=meeting).exists()
    guest_member = UserFactory(full_name="Dragan Ordförande")
    meeting.attendances.create(user=guest_member)
    client.post(
        reverse("core:minutes_signers", kwargs={"pk": meeting.pk}),
        {"chair": guest_member.pk, "adjuster": people["other_representative"].pk},
    )
    assert sorted(MinutesSigner.objects.filter(meeting=meeting).values_list("role", "user")) == [
        (SignerRole.ADJUSTER, people["other_representative"].pk),
        (SignerRole.CHAIR, guest_member.pk),
    ]


def test_the_chair_cannot_also_be_the_adjuster(client_for, world):
    meeting = protocol_meeting(world)
    rep = world["people"]["other_representative"]
    response = client_for("coordinator").post(
        reverse("core:minutes_signers", kwargs={"pk": meeting.pk}),
        {"chair": rep.pk, "adjuster": rep.pk},
        follow=True,
    )
    assert not MinutesSigner.objects.exists()
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="ds-error-summary"' in page
    assert said("sv", "The chair and the adjusters must be different people.") in page
    with pytest.raises(services.ValidationError):
        services.set_signers(meeting, rep, [], by=world["people"]["coordinator"])


def test_review_numbers_the_items_and_sends_the_draft_to_the_chair_and_adjusters(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = protocol_meeting(world)
    # An earlier meeting of the same year already used § 1–3.
    earlier = MeetingFactory(
        forum=meeting.forum, starts_at=meeting.starts_at - dt.timedelta(hours=2), status=MeetingStatus.HELD
    )
    for position in range(3):
        AgendaItemFactory(meeting=earlier, position=position)
    services.number_paragraphs(earlier)
    chair = UserFactory(full_name="Dragan Ordförande", email="chair@example.org")
    meeting.attendances.create(user=chair)
    services.set_signers(
        meeting, chair, [world["people"]["other_representative"]], by=world["people"]["coordinator"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.IN_REVIEW
    numbers = [item.paragraph.number for item in meeting.agenda_items.select_related("paragraph")]
    assert numbers == [4, 5]
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["chair@example.org", "rep2@example.org"]
    to_approve = said("sv", "Minutes to approve: %(title)s") % {"title": meeting.title}
    assert [m.subject for m in mail.outbox] == [to_approve, to_approve]
    page = client_for("other_representative").get(meeting.get_absolute_url()).content.decode()
    assert "§ 4" in page and "§ 5" in page


def test_numbers_stay_when_the_minutes_go_back_to_draft_and_new_items_get_the_next(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting)
    client = client_for("coordinator")
    move(client, meeting, MinutesStatus.IN_REVIEW)
    first = dict(Paragraph.objects.values_list("agenda_item", "number"))
    move(client, meeting, MinutesStatus.DRAFT)
    added = AgendaItemFactory(meeting=meeting, position=3, title="Tillagd punkt")
    move(client, meeting, MinutesStatus.IN_REVIEW)
    again = dict(Paragraph.objects.values_list("agenda_item", "number"))
    assert {k: again[k] for k in first} == first
    assert again[added.pk] == max(first.values()) + 1


def test_the_coordinator_cannot_approve_a_protocol_directly(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting)
    client = client_for("coordinator")
    move(client, meeting, MinutesStatus.IN_REVIEW)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f'value="{MinutesStatus.APPROVED}"' not in page
    move(client, meeting, MinutesStatus.APPROVED)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.IN_REVIEW


def test_the_minutes_are_approved_when_the_chair_and_every_adjuster_have_approved(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = protocol_meeting(world)
    choose(world, meeting, chair="other_representative", adjusters=("politician", "representative"))
    move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    url = reverse("core:minutes_adjust", kwargs={"pk": meeting.pk})
    for role in ("other_representative", "politician"):
        client_for(role).post(url)
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.IN_REVIEW
    assert MinutesSigner.objects.filter(approved_at__isnull=False).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        client_for("representative").post(url)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    signers = MinutesSigner.objects.filter(meeting=meeting)
    assert all(s.approved_at and s.approved_at <= timezone.now() for s in signers)
    history = MinutesSigner.history.filter(approved_at__isnull=False, history_change_reason="adjusted")
    assert {h.history_user for h in history} == {s.user for s in signers}
    assert set(meeting.protocols.values_list("language", flat=True)) == {"sv", "fi"}
    page = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    assert reverse("core:meeting_protocol", kwargs={"pk": meeting.pk, "language": "fi"}) in page
    assert "Milan Representant" in page


def test_only_the_chair_and_adjusters_approve(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting)
    move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    url = reverse("core:minutes_adjust", kwargs={"pk": meeting.pk})
    assert client_for("coordinator").post(url).status_code == 403
    assert client_for("resident").post(url).status_code == 404
    assert not MinutesSigner.objects.filter(approved_at__isnull=False).exists()


def test_going_back_to_draft_clears_the_approvals(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting, adjusters=("other_representative", "representative"))
    client = client_for("coordinator")
    move(client, meeting, MinutesStatus.IN_REVIEW)
    client_for("other_representative").post(reverse("core:minutes_adjust", kwargs={"pk": meeting.pk}))
    assert MinutesSigner.objects.filter(approved_at__isnull=False).count() == 1
    move(client, meeting, MinutesStatus.DRAFT)
    assert not MinutesSigner.objects.filter(approved_at__isnull=False).exists()


def test_plain_notes_are_approved_by_the_coordinator_without_adjusters(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = world["meetings"]["roma"]
    assert meeting.forum.minutes_kind == MinutesKind.NOTES
    with django_capture_on_commit_callbacks(execute=True):
        move(client_for("coordinator"), meeting, MinutesStatus.APPROVED)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert not Paragraph.objects.exists()
    protocol = meeting.protocols.get(language="sv")
    text = "".join(page.extract_text() for page in PdfReader(protocol.file.open("rb")).pages)
    assert said("sv", "Notes", "document") in text
    assert "§" not in text


def read_pdf(protocol: MeetingProtocol) -> tuple[PdfReader, str]:
    with protocol.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_protocol_is_a_tagged_pdf_in_swedish_and_finnish(client_for, world):
    meeting = protocol_meeting(world)
    first, second = meeting.agenda_items.order_by("position")
    first.decision = "<p>Förvaltningen återkommer i maj.</p>"
    first.decision_translation = "<p>Hallinto palaa asiaan toukokuussa.</p>"
    first.minutes_language = "sv"
    first.save()
    meeting.attendances.filter(user=world["people"]["other_representative"]).update(presence="present")
    choose(world, meeting)
    client = client_for("coordinator")
    move(client, meeting, MinutesStatus.IN_REVIEW)
    for role in ("politician", "other_representative"):
        services.adjust_minutes(meeting, world["people"][role])
    assert protocols.render_protocols(meeting.pk) == 2
    assert protocols.render_protocols(meeting.pk) == 0  # safe to run twice
    by_language = {p.language: p for p in meeting.protocols.all()}
    reader, text = read_pdf(by_language["sv"])
    assert len(reader.pages) >= 1 and by_language["sv"].pages == len(reader.pages)
    assert said("sv", "Protocol", "document") in text
    assert "§ 1" in text and "§ 2" in text
    assert "Förvaltningen återkommer i maj." in text
    assert "Milan Representant" in text and "Anders Politiker" in text
    assert said("sv", "Adjusted") in text
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "sv"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    reader, text = read_pdf(by_language["fi"])
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    assert said("fi", "Protocol", "document") in text
    assert "Hallinto palaa asiaan toukokuussa." in text
    response = client.get(reverse("core:meeting_protocol", kwargs={"pk": meeting.pk, "language": "fi"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_unpublished_protocol_is_not_for_visitors_and_a_published_one_is(client_for, world):
    meeting = protocol_meeting(world)
    forum = meeting.forum
    forum.is_public = True
    forum.save()
    choose(world, meeting)
    move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    for role in ("politician", "other_representative"):
        services.adjust_minutes(meeting, world["people"][role])
    protocols.render_protocols(meeting.pk)
    url = reverse("core:meeting_protocol", kwargs={"pk": meeting.pk, "language": "sv"})
    assert client_for("resident").get(url).status_code == 404
    assert client_for("other_representative").get(url).status_code == 200
    move(client_for("coordinator"), meeting, MinutesStatus.PUBLISHED)
    assert client_for("anonymous").get(url).status_code == 200
    listing = client_for("anonymous").get(reverse("core:published_minutes")).content.decode()
    assert url in listing


@pytest.mark.django_db(transaction=True)
def test_two_meetings_reviewed_at_once_never_share_a_paragraph_number():
    forum = ForumFactory(minutes_kind=MinutesKind.PROTOCOL)
    start = timezone.now() - dt.timedelta(days=3)
    meetings = [MeetingFactory(forum=forum, starts_at=start + dt.timedelta(hours=n)) for n in range(2)]
    for meeting in meetings:
        for position in range(5):
            AgendaItemFactory(meeting=meeting, position=position)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def review(meeting):
        try:
            barrier.wait()
            with services.transaction.atomic():
                services.number_paragraphs(meeting)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=review, args=(m,)) for m in meetings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Paragraph.objects.filter(forum=forum).values_list("number", flat=True))
    assert numbers == list(range(1, 11))
    for meeting in meetings:
        mine = sorted(Paragraph.objects.filter(agenda_item__meeting=meeting).values_list("number", flat=True))
        assert mine == list(range(mine[0], mine[0] + 5))


def approved_protocol_meeting(world, items: int) -> Meeting:
    """A protocol meeting with `items` numbered items, its chair and two adjusters approved, both PDFs stored."""
    from django.core.files.base import ContentFile

    meeting = protocol_meeting(world)
    for position in range(3, 3 + items):
        AgendaItemFactory(meeting=meeting, position=position, decision="<p>Beslut</p>")
    choose(world, meeting, adjusters=("other_representative", "representative"))
    services.move_minutes(meeting, MinutesStatus.IN_REVIEW, by=world["people"]["coordinator"])
    MinutesSigner.objects.filter(meeting=meeting).update(approved_at=timezone.now())
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.PUBLISHED)
    for language in protocols.PROTOCOL_LANGUAGES:
        protocol = MeetingProtocol(meeting=meeting, language=language, pages=1, size=9)
        protocol.file.save(f"p-{language}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    meeting.forum.is_public = True
    meeting.forum.save()
    return meeting


@pytest.mark.parametrize("items", [2, 40])
def test_the_meeting_page_with_its_protocol_costs_the_same_queries_at_any_size(
    items, world, client_for, django_assert_num_queries
):
    meeting = approved_protocol_meeting(world, items)
    client = client_for("coordinator")
    client.get(meeting.get_absolute_url())  # warm the session and the caches every page uses
    with django_assert_num_queries(QUERIES["meeting_detail"]):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"§ {items + 2}" in page


@pytest.mark.parametrize("meetings", [1, 30])
def test_the_published_minutes_with_their_protocols_cost_the_same_queries_at_any_size(
    meetings, world, client_for, django_assert_num_queries
):
    first = approved_protocol_meeting(world, 1)
    for _ in range(meetings - 1):
        other = MeetingFactory(
            forum=first.forum, starts_at=first.starts_at, minutes_status=MinutesStatus.PUBLISHED
        )
        MeetingProtocol.objects.create(meeting=other, language="sv", file="protocols/x.pdf")
    client = client_for("anonymous")
    client.get(reverse("core:published_minutes"))
    with django_assert_num_queries(QUERIES["published_minutes"]):
        page = client.get(reverse("core:published_minutes")).content.decode()
    # 25 meetings a page, each with its Swedish protocol.
    assert page.count("/protocol-sv.pdf") == min(meetings, 25)


# The meeting page: the session with its person, the meeting with its files (the meeting's and its items'), signers and
# protocol documents (core.plumbing.packed), items with their §, attendance, permissions and the tier
# sections (the dialogue app's two in one query); the list: count, meetings, their protocols.
# The minutes page: the session with its person, meeting, items with their §, the signers, who may be chosen, and the
# three lists of people in the form (one query each).
QUERIES = {"meeting_detail": 8, "published_minutes": 3, "minutes_edit": 8}


def test_the_meeting_history_shows_who_chose_the_adjusters_and_who_approved(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting)
    move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    client_for("politician").post(reverse("core:minutes_adjust", kwargs={"pk": meeting.pk}))
    page = client_for("coordinator").get(reverse("core:meeting_history", kwargs={"pk": meeting.pk}))
    text = page.content.decode()
    assert said("sv", "Chair or adjuster") in text
    assert text.count("Anders Politiker") >= 2  # chosen by the coordinator, then approved by themself


def test_an_item_with_a_paragraph_number_cannot_be_deleted(client_for, world):
    meeting = protocol_meeting(world)
    choose(world, meeting)
    move(client_for("coordinator"), meeting, MinutesStatus.IN_REVIEW)
    move(client_for("coordinator"), meeting, MinutesStatus.DRAFT)
    item = meeting.agenda_items.get(position=2)
    client_for("coordinator").post(reverse("core:agenda_item_delete", kwargs={"pk": item.pk}))
    assert meeting.agenda_items.filter(pk=item.pk).exists()
    assert Paragraph.objects.filter(agenda_item=item).exists()


@pytest.mark.parametrize("items", [1, 30])
def test_the_minutes_page_with_the_adjusters_form_costs_the_same_queries_at_any_size(
    items, world, client_for, django_assert_num_queries
):
    meeting = protocol_meeting(world)
    for position in range(3, 3 + items):
        AgendaItemFactory(meeting=meeting, position=position)
    for _ in range(items):
        meeting.attendances.create(user=UserFactory())
    choose(world, meeting)
    client = client_for("coordinator")
    url = reverse("core:minutes_edit", kwargs={"pk": meeting.pk})
    client.get(url)
    with django_assert_num_queries(QUERIES["minutes_edit"]):
        page = client.get(url).content.decode()
    assert page.count("<option") > 3 * items


@pytest.mark.django_db(transaction=True)
def test_two_adjusters_approving_at_the_same_moment_approve_the_minutes_once():
    forum = ForumFactory(minutes_kind=MinutesKind.PROTOCOL)
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() - dt.timedelta(days=1))
    AgendaItemFactory(meeting=meeting, decision="<p>Beslut</p>")
    coordinator = UserFactory()
    chair, adjuster = UserFactory(), UserFactory()
    services.set_signers(meeting, chair, [adjuster], by=coordinator)
    services.move_minutes(meeting, MinutesStatus.IN_REVIEW, by=coordinator)
    barrier = threading.Barrier(2)
    results: list[bool] = []

    def adjust(person):
        try:
            barrier.wait()
            results.append(services.adjust_minutes(meeting, person))
        finally:
            connection.close()

    threads = [threading.Thread(target=adjust, args=(p,)) for p in (chair, adjuster)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.APPROVED
    assert sorted(results) == [False, True]
    assert meeting.history.filter(minutes_status=MinutesStatus.APPROVED).count() == 1
    assert sorted(meeting.protocols.values_list("language", flat=True)) == ["fi", "sv"]


def test_the_sweep_makes_the_protocols_a_lost_task_left_unmade(world):
    from core.tasks import render_missing_protocols

    meeting = protocol_meeting(world)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    assert render_missing_protocols() == 2
    assert render_missing_protocols() == 0
    assert sorted(meeting.protocols.values_list("language", flat=True)) == ["fi", "sv"]


def test_the_meeting_page_says_the_protocol_is_being_made_until_it_is(client_for, world):
    meeting = protocol_meeting(world)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    pending = said("sv", "The document in Swedish and Finnish is being made: it appears here in a moment.")
    client = client_for("coordinator")
    assert pending in client.get(meeting.get_absolute_url()).content.decode()
    protocols.render_protocols(meeting.pk)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert pending not in page
    assert reverse("core:meeting_protocol", kwargs={"pk": meeting.pk, "language": "sv"}) in page
