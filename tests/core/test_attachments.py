"""Files attached to a meeting: stored under names nobody can guess, checked by content and size, served
only to those who may see the meeting."""

import pytest
from django.urls import reverse

from core.models import Attachment
from tests.factories import PDF_BYTES


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


def test_the_meeting_page_shows_each_file_under_its_item_or_with_the_meetings_documents(client_for, world):
    import re

    from tests.factories import AgendaItemFactory, AttachmentFactory

    meeting = world["meetings"]["finnish"]
    item = AgendaItemFactory(meeting=meeting, title="Språkcafé i Handen")
    AttachmentFactory(meeting=meeting, agenda_item=item, name="inbjudan-sprakcafe.pdf")
    AttachmentFactory(meeting=meeting, agenda_item=None, name="kallelse.pdf")
    page = client_for("representative").get(meeting.get_absolute_url()).content.decode()
    # Each file once, the item's inside the item's entry and the meeting's after the agenda.
    assert page.count(">inbjudan-sprakcafe.pdf<") == 1 and page.count(">kallelse.pdf<") == 1
    entry = re.search(r"Språkcafé i Handen(.*?)</li>", page, re.S)
    assert entry and "inbjudan-sprakcafe.pdf" in entry.group(1) and "kallelse.pdf" not in entry.group(1)
    assert page.index("kallelse.pdf") > page.index("inbjudan-sprakcafe.pdf")
