"""Checks of verification documents: JPEG, PNG or PDF, identified by their
content, never by the declared type or name.

Images are decoded with Pillow (header, ``verify()``, then ``load()``, which
catches truncated files), with the same pixel limit as every image upload.
A PDF must start with the ``%PDF-`` header and end with an ``%%EOF`` trailer.
Documents are stored as sent: they are private, and re-encoding a scan could
lose what the admin needs to read.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 5
# Where a PDF writer may leave bytes after its %%EOF marker (line ends, padding).
PDF_TRAILER_WINDOW = 1024

TOO_LARGE = "Each document may be at most 5 MB."
NOT_ACCEPTED = "The file is not a JPEG, PNG or PDF document."
DAMAGED = "The file could not be read; it is damaged or truncated."
TOO_MANY_PIXELS = "The image is too large: at most {limit:,} pixels."

_IMAGE_TYPES = {
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
}


@dataclass(frozen=True)
class CheckedDocument:
    """A document's bytes with the type its content proved."""

    data: bytes
    content_type: str
    extension: str


def _read_limited(file) -> bytes:
    file.seek(0)
    data = file.read(MAX_DOCUMENT_BYTES + 1)
    file.seek(0)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(TOO_LARGE, code="file_too_large")
    return data


def _check_pdf(data: bytes) -> CheckedDocument:
    if b"%%EOF" not in data[-PDF_TRAILER_WINDOW:]:
        raise ValidationError(DAMAGED, code="damaged")
    return CheckedDocument(data, "application/pdf", "pdf")


def _check_image(data: bytes) -> CheckedDocument:
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = _IMAGE_TYPES.get(image.format)
            if kind is None:
                raise ValidationError(NOT_ACCEPTED, code="unsupported")
            width, height = image.size
            if width * height > settings.MAX_IMAGE_PIXELS:
                raise ValidationError(TOO_MANY_PIXELS.format(limit=settings.MAX_IMAGE_PIXELS))
            image.verify()
        # verify() does not decode pixels: a truncated file passes it.
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except UnidentifiedImageError as exc:
        raise ValidationError(NOT_ACCEPTED, code="unsupported") from exc
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many types for broken files
        raise ValidationError(DAMAGED, code="damaged") from exc
    return CheckedDocument(data, *kind)


def check_document(file) -> CheckedDocument:
    """The document's bytes and proven type; ``ValidationError`` saying why not."""
    data = _read_limited(file)
    if data.startswith(b"%PDF-"):
        return _check_pdf(data)
    if data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _check_image(data)
    raise ValidationError(NOT_ACCEPTED, code="unsupported")
