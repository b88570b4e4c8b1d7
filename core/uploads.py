"""Attachments are checked by what they contain, not by their name: PDF, Office documents and images."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
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


def _zip_type(head: bytes, upload: UploadedFile) -> str | None:
    upload.seek(0)
    data = upload.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for prefix, mimetype in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return mimetype
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def detect_type(upload: UploadedFile) -> str | None:
    """The content type the file's own bytes show, or None for anything not allowed."""
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
        kind = _zip_type(head, upload)
    upload.seek(0)
    return kind


def validate_attachment(upload: UploadedFile) -> str:
    """Return the detected content type, or raise a message the person can act on."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; attachments may be at most %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    kind = detect_type(upload)
    if kind is None:
        raise ValidationError(
            _(
                "This kind of file cannot be attached. Attach a PDF, a Word, Excel or PowerPoint document, an OpenDocument file or an image."
            )
        )
    return kind
