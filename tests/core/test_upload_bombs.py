"""Checking an upload is bounded work whatever the file declares about itself (core/plumbing/uploads.py).

A docx whose member is 1000 MiB of zeros (about 1 MB packed) and a PNG declaring 30000 × 30000 pixels are
posted to every upload field of the portal, through the real views, as the role allowed to post there: each
is refused with a message, nothing is stored (no row, no file), and the request allocates less than
settings.UPLOAD_WORK_MAX_BYTES beyond the upload itself (tracemalloc's peak during the request).
"""

import io
import re
import struct
import tracemalloc
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile, TemporaryUploadedFile
from django.db import models
from django.urls import get_resolver, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from PIL import Image

from core.models import Attachment
from core.plumbing import uploads
from core.plumbing.uploads import validate_attachment
from duties.models import DutyAssessment
from followup.models import ProgressUpdate
from proposals.models import Proposal, ProposalAttachment
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
DOCUMENT = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
ODT = b"application/vnd.oasis.opendocument.text"


# --- Files -------------------------------------------------------------------------------------------


@cache
def deflated_zeros(mib: int) -> tuple[bytes, int]:
    """Raw deflate of `mib` MiB of zeros and their CRC, without deflating them all: after a full flush
    every MiB of zeros deflates to the same bytes, so one MiB's output is repeated."""
    zeros = bytes(MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    return block * mib + compressor.flush(), crc


def local_header(name: bytes, method: int, crc: int, packed: int, size: int) -> bytes:
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, packed, size, len(name), 0)


def directory_entry(name: bytes, method: int, crc: int, packed: int, size: int, offset: int) -> bytes:
    fields = (20, 20, 0, method, 0, 0x21, crc, packed, size, len(name), 0, 0, 0, 0, 0, offset)
    return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *fields) + name


def end_record(count: int, directory_size: int, directory_start: int) -> bytes:
    return struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, directory_size, directory_start, 0)


def zip_by_hand(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, packed data, method, declared size, crc), written by hand so that a member can be
    deflated without deflating 1000 MiB, or declare a size it does not have."""
    out, directory = io.BytesIO(), []
    for name, data, method, size, crc in members:
        encoded = name.encode()
        directory.append(directory_entry(encoded, method, crc, len(data), size, out.tell()))
        out.write(local_header(encoded, method, crc, len(data), size) + encoded + data)
    start = out.tell()
    out.write(b"".join(directory))
    out.write(end_record(len(members), out.tell() - start, start))
    return out.getvalue()


def stored(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    return name, data, zipfile.ZIP_STORED, len(data), zlib.crc32(data)


def zeros_member(name: str, mib: int, declared: int | None = None) -> tuple[str, bytes, int, int, int]:
    data, crc = deflated_zeros(mib)
    return name, data, zipfile.ZIP_DEFLATED, mib * MIB if declared is None else declared, crc


@cache
def docx_bomb() -> bytes:
    """The penetration test's file: a docx whose `mimetype` member is 1000 MiB of zeros."""
    return zip_by_hand(
        [
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", DOCUMENT),
            zeros_member("mimetype", 1000),
        ]
    )


def png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def png_bomb() -> bytes:
    """30000 × 30000 grey pixels (900 MB to decode) declared over a tiny compressed IDAT of zeros."""
    return png(30000, 30000, zlib.compress(bytes(MIB), 9))


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships/>')
        archive.writestr("word/document.xml", DOCUMENT)
    return buffer.getvalue()


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", b'<?xml version="1.0"?><office:document-content/>')
        archive.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest/>')
    return buffer.getvalue()


def image(fmt: str, size: tuple[int, int] = (3, 2), **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(buffer, fmt, **options)
    return buffer.getvalue()


# --- The upload fields of the portal, each posted as the role allowed to post there -------------------


@dataclass
class UploadField:
    name: str
    role: str
    field: str
    stored_in: tuple[type[models.Model], ...]

    def url_and_data(self, world, upload) -> tuple[str, dict]:
        if self.name == "meeting attachment":
            meeting = world["meetings"]["finnish"]
            return reverse("core:attachment_create", kwargs={"pk": meeting.pk}), {
                "file": upload,
                "agenda_item": "",
            }
        if self.name == "proposal attachments":
            return reverse("proposals:propose"), {
                "forum": world["forums"]["finnish_dialogue"].pk,
                "title": "Finskspråkig förskola",
                "description": "Fler platser behövs.",
                "language": "sv",
                "attachments": upload,
            }
        if self.name == "duty assessment attachment":
            from tests.duties.factories import DutyFactory

            duty = DutyFactory(departments=[world["department"]])
            return reverse("duties:assess", kwargs={"pk": duty.pk, "year": timezone.localdate().year}), {
                "status": "met",
                "evidence": "Underlag bifogas.",
                "language": "sv",
                "file": upload,
            }
        action = ActionFactory(department=world["department"])
        return reverse("followup:action_update", kwargs={"pk": action.pk}), {
            "written_on": timezone.localdate().isoformat(),
            "text": "Lägesrapport",
            "status": "ongoing",
            "progress": 60,
            "file": upload,
        }


UPLOAD_FIELDS = [
    UploadField("meeting attachment", "coordinator", "file", (Attachment,)),
    UploadField("proposal attachments", "representative", "attachments", (Proposal, ProposalAttachment)),
    UploadField("progress update attachment", "admin_contact", "file", (ProgressUpdate,)),
    UploadField("duty assessment attachment", "admin_contact", "file", (DutyAssessment,)),
]
COVERED_FORM_FIELDS = {
    "core.forms.meetings.AttachmentForm.file",
    "proposals.forms.ProposalForm.attachments",
    "followup.forms.actions.ProgressUpdateForm.file",
    "duties.forms.AssessmentForm.file",
    # An XLIFF batch is parsed, never stored, and takes no documents: its bombs (entities, size, a zip) are
    # posted in tests/pages/test_xliff.py.
    "pages.forms.ImportForm.file",
}


def stored_files() -> set[str]:
    root = settings.MEDIA_ROOT
    return (
        {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
        if root.exists()
        else set()
    )


def rows(spot: UploadField) -> list[int]:
    return [model.objects.count() for model in spot.stored_in]


def post_measured(client, url: str, data: dict) -> tuple[object, int]:
    """The response, and the peak of memory allocated while the request was built and handled."""
    tracemalloc.start()
    try:
        response = client.post(url, data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return response, peak


@pytest.mark.parametrize("spot", UPLOAD_FIELDS, ids=lambda spot: spot.name)
@pytest.mark.parametrize(
    ("filename", "make", "code"),
    [("underlag.docx", docx_bomb, "part_too_large"), ("bild.png", png_bomb, "image_too_large")],
    ids=["zip bomb", "image bomb"],
)
def test_a_bomb_is_refused_at_every_upload_field_with_bounded_memory(
    client_for, world, settings, monkeypatch, spot, filename, make, code
):
    content = make()
    client = client_for(spot.role)
    handed_over = []
    detect_type = uploads.detect_type
    monkeypatch.setattr(
        uploads, "detect_type", lambda upload: handed_over.append(type(upload)) or detect_type(upload)
    )
    # Held in memory (a small request), then streamed to a temporary file (as any request over the limit).
    for in_memory in (True, False):
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440 if in_memory else 0
        url, data = spot.url_and_data(world, SimpleUploadedFile(filename, content))
        before_rows, before_files = rows(spot), stored_files()

        response, peak = post_measured(client, url, data)

        assert peak - len(content) < settings.UPLOAD_WORK_MAX_BYTES
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert [error.code for error in errors.as_data()[spot.field]] == [code]
        assert escape(errors[spot.field][0]) in response.content.decode()
        assert rows(spot) == before_rows
        assert stored_files() == before_files
    assert handed_over == [InMemoryUploadedFile, TemporaryUploadedFile]


def test_the_zip_bomb_is_what_it_says():
    """The hand-written bomb is a genuine zip: its member declares 1000 MiB and unpacks to zeros."""
    archive = zipfile.ZipFile(io.BytesIO(docx_bomb()))
    assert archive.getinfo("mimetype").file_size == 1000 * MIB
    assert len(docx_bomb()) < 2 * MIB
    with archive.open("mimetype") as member:
        assert member.read(MIB) == bytes(MIB)


@pytest.mark.parametrize(
    ("filename", "make", "expected"),
    [
        ("underlag.docx", docx_bomb, ["A part of the document would grow to 1000", "zip bomb", "as a PDF"]),
        (
            "bild.png",
            png_bomb,
            ["The image is 30000 × 30000 pixels (900 megapixels)", "at most 50 megapixels"],
        ),
    ],
    ids=["zip bomb", "image bomb"],
)
def test_the_message_says_what_is_wrong_in_the_persons_terms(client_for, world, filename, make, expected):
    spot = UPLOAD_FIELDS[0]
    with translation.override("en"):
        url, data = spot.url_and_data(world, SimpleUploadedFile(filename, make()))
        response = client_for(spot.role).post(url, data)
        message = response.context["form"].errors[spot.field][0]
    for part in expected:
        assert part in re.sub(r"(?<=\d),(?=\d{3})", "", message)


@pytest.mark.parametrize("spot", UPLOAD_FIELDS, ids=lambda spot: spot.name)
def test_ordinary_documents_and_images_are_still_accepted_at_every_upload_field(client_for, world, spot):
    client = client_for(spot.role)
    for filename, content, content_type in [
        ("protokoll.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("protokoll.odt", odt(), "application/vnd.oasis.opendocument.text"),
        ("bild.png", image("PNG"), "image/png"),
        ("bild.jpg", image("JPEG"), "image/jpeg"),
    ]:
        url, data = spot.url_and_data(world, SimpleUploadedFile(filename, content))
        before = rows(spot)
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
        assert [count - 1 for count in rows(spot)] == before
        stored = spot.stored_in[-1].objects.latest("pk")
        assert (
            stored.file_type if isinstance(stored, ProgressUpdate | DutyAssessment) else stored.content_type
        ) == content_type


def test_every_upload_field_of_the_portal_is_covered_here():
    """A new upload field (a form anywhere in the portal, or a model with a file in the admin) must join
    UPLOAD_FIELDS above, so that bombs are posted to it too."""
    get_resolver().url_patterns  # noqa: B018  (imports every view, and with them every form)
    local = {
        config.name for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR
    }

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    found = {
        f"{form.__module__}.{form.__name__}.{name}"
        for form in subclasses(forms.BaseForm)
        if form.__module__.split(".")[0] in local
        for name, field in form.base_fields.items()
        if isinstance(field, forms.FileField)
    }
    assert found == COVERED_FORM_FIELDS
    for model, model_admin in admin.site._registry.items():
        for shown in [model, *(inline.model for inline in model_admin.inlines)]:
            assert not any(isinstance(field, models.FileField) for field in shown._meta.get_fields()), shown


# --- Archives: what the central directory shows is enough to refuse them ---------------------------------


def check(content: bytes, on_disk: bool = False):
    """validate_attachment on the content, held in memory or in a temporary file, within the memory bound."""
    if on_disk:
        upload = TemporaryUploadedFile("underlag.docx", "application/octet-stream", len(content), None)
        upload.write(content)
        upload.seek(0)
    else:
        upload = SimpleUploadedFile("underlag.docx", content)
    tracemalloc.start()
    try:
        try:
            result = validate_attachment(upload)
        except ValidationError as error:
            result = error
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        upload.close()
    assert peak < settings.UPLOAD_WORK_MAX_BYTES
    return result


def refusal(result: str | ValidationError) -> str | None:
    """The refusal's code (part_too_large, image_too_large…), None for a file that is no document or image."""
    assert isinstance(result, ValidationError), f"accepted as {result}"
    return result.code


@pytest.mark.parametrize("on_disk", [False, True], ids=["in memory", "on disk"])
def test_a_docx_bomb_is_refused_by_its_declared_size(on_disk):
    result = check(docx_bomb(), on_disk)
    assert refusal(result) == "part_too_large"
    assert "1000" in str(result.messages[0])


def test_many_parts_are_refused_before_they_are_looked_at():
    """The most entries a central directory within its limit can hold (the most objects zipfile makes)."""
    count = (settings.ARCHIVE_MAX_DIRECTORY_BYTES - 100) // (46 + 10)
    members = [stored("[Content_Types].xml", CONTENT_TYPES)]
    members += [stored(f"w/{number:08}", b"") for number in range(count)]
    content = zip_by_hand(members)
    assert len(content) < settings.ATTACHMENT_MAX_BYTES
    result = check(content)
    assert refusal(result) == "too_many_parts"
    assert str(count + 1) in result.messages[0]


def test_a_list_of_contents_too_long_to_read_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for number in range(9000):
            archive.writestr(f"word/{number:0>250}", b"")
    content = buffer.getvalue()
    assert len(content) < settings.ATTACHMENT_MAX_BYTES
    assert refusal(check(content)) == "oddly_built"


def test_many_parts_that_together_grow_too_large_are_refused(settings):
    # Each part would be refused for its packing first; the total is what this test is about.
    settings.ARCHIVE_MAX_RATIO = 10_000
    members = [stored("[Content_Types].xml", CONTENT_TYPES)]
    members += [zeros_member(f"word/media/{number}.bin", 1) for number in range(300)]
    result = check(zip_by_hand(members))
    assert refusal(result) == "document_too_large"
    assert "300" in result.messages[0]


def test_a_part_packed_too_tightly_is_refused():
    result = check(
        zip_by_hand([stored("[Content_Types].xml", CONTENT_TYPES), zeros_member("word/document.xml", 10)])
    )
    assert refusal(result) == "packed_too_tightly"


def test_entries_that_share_their_data_are_refused():
    """Fifield's bomb without nesting: many entries of the directory point at one packed kernel."""
    kernel = bytes(64 * 1024)
    out = local_header(b"word/document.xml", 0, zlib.crc32(kernel), len(kernel), len(kernel))
    out += b"word/document.xml" + kernel
    directory = directory_entry(b"[Content_Types].xml", 0, zlib.crc32(kernel), len(kernel), len(kernel), 0)
    directory += b"".join(
        directory_entry(f"word/{n}.xml".encode(), 0, zlib.crc32(kernel), len(kernel), len(kernel), 0)
        for n in range(200)
    )
    content = out + directory + end_record(201, len(directory), len(out))
    assert refusal(check(content)) == "oddly_built"


def test_entries_that_reach_into_the_next_are_refused():
    """The quoted form: each entry's data runs on over the next entry's header."""
    members = [stored("[Content_Types].xml", CONTENT_TYPES), stored("word/document.xml", DOCUMENT)]
    content = bytearray(zip_by_hand(members))
    directory_start = struct.unpack_from("<L", content, len(content) - 6)[0]
    first = content.index(b"PK\x01\x02", directory_start)
    # The first entry's packed and declared size now reach over the second entry's local header.
    struct.pack_into("<LL", content, first + 20, 200, 200)
    assert refusal(check(bytes(content))) == "oddly_built"


def test_a_member_that_lies_about_its_size_is_read_only_as_far_as_it_declares():
    """An ODF whose mimetype declares 39 bytes but unpacks to 1000 MiB: the read stops at 39."""
    result = check(zip_by_hand([zeros_member("mimetype", 1000, declared=39), stored("content.xml", b"<x/>")]))
    assert refusal(result) is None


def test_a_part_packed_with_a_method_office_programs_do_not_use_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT)
    assert refusal(check(buffer.getvalue())) is None


@pytest.mark.parametrize("make", [docx, odt], ids=["docx", "odt"])
@pytest.mark.parametrize("on_disk", [False, True], ids=["in memory", "on disk"])
def test_an_ordinary_document_passes_in_memory_and_on_disk(make, on_disk):
    assert isinstance(check(make(), on_disk), str)


# --- Images: the header's dimensions are enough to refuse them --------------------------------------------


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + frame + b"\xff\xda" + bytes(32)


@pytest.mark.parametrize(
    "content",
    [
        png_bomb(),
        jpeg_header(65000, 65000),
        b"GIF89a" + struct.pack("<HH", 65535, 65535) + bytes(32),
        b"RIFF"
        + struct.pack("<L", 22)
        + b"WEBPVP8X"
        + struct.pack("<L", 10)
        + bytes(4)
        + b"\xff\x3f\x00\xff\x3f\x00",
    ],
    ids=["png", "jpeg", "gif", "webp"],
)
def test_an_image_declaring_too_many_pixels_is_refused_before_it_is_decoded(content):
    result = check(content)
    assert refusal(result) == "image_too_large"


@pytest.mark.parametrize(
    ("fmt", "options", "content_type"),
    [
        ("PNG", {}, "image/png"),
        ("JPEG", {}, "image/jpeg"),
        ("JPEG", {"progressive": True, "exif": b"Exif\x00\x00" + bytes(2000)}, "image/jpeg"),
        ("GIF", {}, "image/gif"),
        ("WEBP", {"lossless": False}, "image/webp"),
        ("WEBP", {"lossless": True}, "image/webp"),
        ("WEBP", {"exif": b"Exif\x00\x00" + bytes(100)}, "image/webp"),
    ],
    ids=["png", "jpeg", "progressive jpeg with exif", "gif", "webp lossy", "webp lossless", "webp extended"],
)
def test_an_image_is_measured_from_its_header(settings, fmt, options, content_type):
    content = image(fmt, (300, 200), **options)
    settings.IMAGE_MAX_PIXELS = 300 * 200
    assert check(content) == content_type
    settings.IMAGE_MAX_PIXELS = 300 * 200 - 1
    result = check(content)
    assert refusal(result) == "image_too_large"
    assert "300" in result.messages[0] and "200" in result.messages[0]


def test_an_image_whose_size_cannot_be_read_is_refused():
    assert refusal(check(b"\xff\xd8\xff\xe0" + bytes(64))) is None


# --- How many files one request may carry -------------------------------------------------------------


def _proposal(world, count: int) -> dict:
    return {
        "forum": world["forums"]["finnish_dialogue"].pk,
        "title": "Många bilagor",
        "description": "Underlag.",
        "language": "sv",
        "attachments": [SimpleUploadedFile(f"underlag-{n}.pdf", PDF) for n in range(count)],
    }


def test_a_proposal_with_more_attachments_than_allowed_is_refused_with_a_message(client_for, world):
    response = client_for("representative").post(
        reverse("proposals:propose"), _proposal(world, settings.PROPOSAL_MAX_ATTACHMENTS + 1)
    )
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["attachments"]] == ["too_many_files"]
    assert not Proposal.objects.exists() and not ProposalAttachment.objects.exists()


def test_a_proposal_with_the_most_attachments_allowed_is_accepted(client_for, world):
    response = client_for("representative").post(
        reverse("proposals:propose"), _proposal(world, settings.PROPOSAL_MAX_ATTACHMENTS)
    )
    assert response.status_code == 302
    assert ProposalAttachment.objects.count() == settings.PROPOSAL_MAX_ATTACHMENTS


def test_a_request_with_more_files_than_any_form_takes_is_refused_outright(client_for, world):
    response = client_for("representative").post(
        reverse("proposals:propose"), _proposal(world, settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_uploads_are_bounded_by_the_settings():
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * MIB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * MIB
    assert settings.PROPOSAL_MAX_ATTACHMENTS < settings.DATA_UPLOAD_MAX_NUMBER_FILES
    # The largest object zipfile can make of a central directory stays well within the bound.
    assert 11 * settings.ARCHIVE_MAX_DIRECTORY_BYTES < settings.UPLOAD_WORK_MAX_BYTES / 2


@pytest.mark.parametrize(
    "macro_part", ["word/vbaProject.bin", "xl/vbaProject.bin", "Basic/Standard/Module1.xml"], ids=str
)
def test_a_document_with_macros_is_refused(macro_part):
    """A macro runs on the computer of the colleague who opens the attachment (found beside the exports)."""
    buffer = io.BytesIO()
    source = odt() if macro_part.startswith("Basic") else docx()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(buffer, "w") as archive:
        for info in original.infolist():
            archive.writestr(info, original.read(info))
        archive.writestr(macro_part, b'Attribute VB_Name = "Module1"')
    assert refusal(check(buffer.getvalue())) == "macros"
    assert check(source) in {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    }
