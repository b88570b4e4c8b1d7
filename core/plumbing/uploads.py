"""Attachments are checked by what they contain, not by their name: PDF, Office documents and images.

Checking a file is bounded work whatever it declares about itself (settings.UPLOAD_WORK_MAX_BYTES): an
Office document (OOXML, ODF: a zip archive) is judged by its central directory and never unpacked, an image
by the dimensions in its header and never decoded, and both are read in small pieces from the uploaded
file (a temporary file on disk for a large upload), never copied whole into memory.
"""

import struct
import zipfile
import zlib
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
# The longest ODF mimetype is 56 characters; more is read from the member only up to this.
MIMETYPE_READ_BYTES = 128
# Below this size a part may pack as tightly as it likes (a short repetitive XML part is harmless).
RATIO_CHECKED_FROM = 1024 * 1024
# The methods OOXML and ODF use; bzip2 and LZMA could not be unpacked in bounded pieces by zipfile.
COMPRESSION_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
# A zip member's local header: signature, then the lengths of its name and extra field at offset 26.
LOCAL_HEADER = struct.Struct("<4s22xHH")
# A JPEG has a dozen segments before its frame header; one with more is not read further.
JPEG_MAX_SEGMENTS = 200
# JPEG frame markers (SOF0-SOF15) that carry the dimensions; C4, C8 and CC are other segments.
JPEG_FRAME_MARKERS = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

TOO_MANY_PARTS = _(
    "The document is made up of %(count)s parts; at most %(limit)s are accepted. "
    "Save it again from your office program, or attach it as a PDF."
)
PART_TOO_LARGE = _(
    "A part of the document would grow to %(size)s when opened; at most %(limit)s is accepted. "
    "Files like this can be made to overload a computer (a “zip bomb”). "
    "Save it again from your office program, or attach it as a PDF."
)
DOCUMENT_TOO_LARGE = _(
    "The document would grow to %(size)s when opened; at most %(limit)s is accepted. "
    "Files like this can be made to overload a computer (a “zip bomb”). "
    "Save it again from your office program, or attach it as a PDF."
)
PACKED_TOO_TIGHTLY = _(
    "The document would grow %(ratio)s times in size when opened; at most %(limit)s times is accepted. "
    "Files like this can be made to overload a computer (a “zip bomb”). "
    "Save it again from your office program, or attach it as a PDF."
)
ODDLY_BUILT = _(
    "The document is put together in a way office programs do not use: its list of contents is too long "
    "or its parts overlap, as in files made to overload a computer (a “zip bomb”). "
    "Save it again from your office program, or attach it as a PDF."
)
HAS_MACROS = _(
    "The document contains macros, programs that run when it is opened, and cannot be attached. "
    "Save it without macros (for example as .docx or .xlsx), or attach it as a PDF."
)
IMAGE_TOO_LARGE = _(
    "The image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); at most %(limit)s megapixels "
    "are accepted. Make the image smaller and attach it again."
)


class _ReadTooLarge(Exception):
    """zipfile asked for more of the upload in one read than the bound allows (a huge central directory)."""


class _BoundedReader:
    """The upload as zipfile sees it: any one read larger than the limit is refused instead of made."""

    def __init__(self, file: IO[bytes], limit: int) -> None:
        self._file = file
        self._limit = limit

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            here = self._file.tell()
            size = self._file.seek(0, 2) - here
            self._file.seek(here)
        if size > self._limit:
            raise _ReadTooLarge
        return self._file.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def seekable(self) -> bool:
        return True


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive whose declared sizes or packing would overload whoever unpacks it."""
    ratio = settings.ARCHIVE_MAX_RATIO
    unpacked = packed = 0
    for info in members:
        if info.file_size > settings.ARCHIVE_MAX_MEMBER_BYTES:
            raise ValidationError(
                PART_TOO_LARGE,
                code="part_too_large",
                params={
                    "size": filesizeformat(info.file_size),
                    "limit": filesizeformat(settings.ARCHIVE_MAX_MEMBER_BYTES),
                },
            )
        if info.file_size >= RATIO_CHECKED_FROM and info.file_size > ratio * max(info.compress_size, 1):
            raise ValidationError(
                PACKED_TOO_TIGHTLY,
                code="packed_too_tightly",
                params={
                    "ratio": number_format(info.file_size // max(info.compress_size, 1)),
                    "limit": number_format(ratio),
                },
            )
        unpacked += info.file_size
        packed += info.compress_size
    if unpacked > settings.ARCHIVE_MAX_UNPACKED_BYTES:
        raise ValidationError(
            DOCUMENT_TOO_LARGE,
            code="document_too_large",
            params={
                "size": filesizeformat(unpacked),
                "limit": filesizeformat(settings.ARCHIVE_MAX_UNPACKED_BYTES),
            },
        )
    if unpacked >= RATIO_CHECKED_FROM and unpacked > ratio * max(packed, 1):
        raise ValidationError(
            PACKED_TOO_TIGHTLY,
            code="packed_too_tightly",
            params={"ratio": number_format(unpacked // max(packed, 1)), "limit": number_format(ratio)},
        )


def _check_no_overlap(file: _BoundedReader, members: list[zipfile.ZipInfo], directory_start: int) -> None:
    """Refuse entries that share or overlap their data, the trick of bombs that need no nesting."""
    end_of_previous = 0
    for info in sorted(members, key=lambda info: info.header_offset):
        if info.header_offset < end_of_previous:
            raise ValidationError(ODDLY_BUILT, code="oddly_built")
        file.seek(info.header_offset)
        header = file.read(LOCAL_HEADER.size)
        if len(header) < LOCAL_HEADER.size:
            raise ValidationError(ODDLY_BUILT, code="oddly_built")
        signature, name_length, extra_length = LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            raise ValidationError(ODDLY_BUILT, code="oddly_built")
        end_of_previous = (
            info.header_offset + LOCAL_HEADER.size + name_length + extra_length + info.compress_size
        )
    if end_of_previous > directory_start:
        raise ValidationError(ODDLY_BUILT, code="oddly_built")


def _zip_type(upload: UploadedFile) -> str | None:
    """The OOXML or ODF type of a zip archive, judged without unpacking more than its mimetype member."""
    file = _BoundedReader(upload, settings.ARCHIVE_MAX_DIRECTORY_BYTES)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            if len(members) > settings.ARCHIVE_MAX_MEMBERS:
                raise ValidationError(
                    TOO_MANY_PARTS,
                    code="too_many_parts",
                    params={
                        "count": number_format(len(members)),
                        "limit": number_format(settings.ARCHIVE_MAX_MEMBERS),
                    },
                )
            if any(info.compress_type not in COMPRESSION_METHODS for info in members):
                return None
            _check_sizes(members)
            _check_no_overlap(file, members, archive.start_dir)
            names = {info.filename for info in members}
            # A macro runs on a colleague's computer when they open the attachment (OOXML vbaProject.bin,
            # ODF Basic/ and Scripts/): refused, whatever the rest of the document is.
            if any(
                name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/"))
                for name in names
            ):
                raise ValidationError(HAS_MACROS, code="macros")
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    declared = member.read(MIMETYPE_READ_BYTES).decode("ascii", "replace").strip()
                return declared if declared in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for prefix, mimetype in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return mimetype
    except _ReadTooLarge as error:
        raise ValidationError(ODDLY_BUILT, code="oddly_built") from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError):
        # Damaged, encrypted or of a zip version not supported: not a document that can be attached.
        return None
    return None


def _jpeg_size(upload: UploadedFile) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header, found by skipping the segments before it."""
    upload.seek(2)
    for _segment in range(JPEG_MAX_SEGMENTS):
        prefix = upload.read(2)
        if len(prefix) < 2 or prefix[0] != 0xFF:
            return None
        marker = prefix[1]
        if marker == 0xFF:
            # A fill byte: the marker follows.
            upload.seek(-1, 1)
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        if marker in (0xD9, 0xDA):
            return None
        field = upload.read(2)
        length = struct.unpack(">H", field)[0] if len(field) == 2 else 0
        # The length counts its own two bytes; less would send the walk backwards.
        if length < 2:
            return None
        if marker in JPEG_FRAME_MARKERS:
            frame = upload.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        upload.seek(length - 2, 1)
    return None


def _image_size(kind: str, upload: UploadedFile) -> tuple[int, int] | None:
    """Width and height as the image's header declares them, or None if the header cannot be read."""
    if kind == "image/jpeg":
        return _jpeg_size(upload)
    upload.seek(0)
    head = upload.read(30)
    if kind == "image/png" and head[12:16] == b"IHDR" and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    if kind == "image/gif" and len(head) >= 10:
        return struct.unpack("<HH", head[6:10])
    if kind == "image/webp" and len(head) == 30:
        chunk = head[12:16]
        if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
            width, height = struct.unpack("<HH", head[26:30])
            return width & 0x3FFF, height & 0x3FFF
        if chunk == b"VP8L" and head[20] == 0x2F:
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8X":
            return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None


def _megapixels(pixels: int) -> str:
    """Millions of pixels as people read them: 900 or 50,1 (in the active language's format)."""
    return number_format(pixels / 1_000_000, decimal_pos=0 if pixels % 1_000_000 == 0 else 1)


def _check_image(kind: str, upload: UploadedFile) -> bool:
    """False if the dimensions cannot be read; a ValidationError if there are more pixels than allowed."""
    size = _image_size(kind, upload)
    if size is None or 0 in size:
        return False
    width, height = size
    limit = settings.IMAGE_MAX_PIXELS
    if width * height > limit:
        raise ValidationError(
            IMAGE_TOO_LARGE,
            code="image_too_large",
            params={
                "width": number_format(width),
                "height": number_format(height),
                "megapixels": _megapixels(width * height),
                "limit": _megapixels(limit),
            },
        )
    return True


def detect_type(upload: UploadedFile) -> str | None:
    """The content type the file's own bytes show, or None for anything not allowed.

    Raises ValidationError for an archive or image that would overload whoever opens it.
    """
    upload.seek(0)
    head = upload.read(16)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "application/pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "image/jpeg"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "image/gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "image/webp"
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = "application/msword"  # legacy Word, Excel and PowerPoint share this container
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_type(upload)
    if kind is not None and kind.startswith("image/") and not _check_image(kind, upload):
        kind = None
    upload.seek(0)
    return kind


def validate_attachment(upload: UploadedFile) -> str:
    """Return the detected content type, or raise a message the person can act on."""
    limit = settings.ATTACHMENT_MAX_BYTES
    size = upload.size
    assert size is not None, "an uploaded file has a size"
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; attachments may be at most %(limit)s."),
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."))
    kind = detect_type(upload)
    if kind is None:
        raise ValidationError(
            _(
                "This kind of file cannot be attached. Attach a PDF, a Word, Excel or PowerPoint document, an OpenDocument file or an image."
            )
        )
    return kind
