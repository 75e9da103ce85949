"""Image upload validation shared by every upload in the API.

The declared content type and file name prove nothing, so the file is
decoded with Pillow: its real format decides whether it is accepted and
which extension it is stored under. Every refusal is a ``ValidationError``
with a message that tells the client why.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

# Pillow format name -> stored extension. MPO is how Pillow names the JPEGs
# many phone cameras write (a JPEG with extra preview frames).
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}

TOO_LARGE = "Image files may be at most {mb} MB."
NOT_AN_IMAGE = "The file is not an image (accepted: JPEG, PNG, GIF, WebP)."
UNSUPPORTED = "Unsupported image format {format}; accepted: JPEG, PNG, GIF, WebP."
TOO_MANY_PIXELS = "The image is too large: at most {limit:,} pixels ({width}x{height} given)."
UNDECODABLE = "The image could not be decoded; the file is damaged or truncated."


def _read_limited(file, limit: int) -> bytes:
    file.seek(0)
    data = file.read(limit + 1)
    file.seek(0)
    if len(data) > limit:
        raise ValidationError(TOO_LARGE.format(mb=limit // (1024 * 1024)), code="file_too_large")
    return data


def _check_header(data: bytes, max_pixels: int) -> str:
    """Identify the format and size from the header alone; nothing is decoded yet."""
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in EXTENSIONS:
            raise ValidationError(UNSUPPORTED.format(format=image.format), code="unsupported")
        width, height = image.size
        if width * height > max_pixels:
            raise ValidationError(
                TOO_MANY_PIXELS.format(limit=max_pixels, width=width, height=height),
                code="too_many_pixels",
            )
        image.verify()
        return image.format


def _decode(data: bytes) -> None:
    # verify() checks structure but not pixel data: a truncated file passes it.
    with Image.open(io.BytesIO(data)) as image:
        image.load()


def validate_image(file):
    """Check an uploaded file is a sane JPEG/PNG/GIF/WebP; return it renamed.

    The returned file's name is ``image.<ext>`` with the extension of the
    decoded format, so the random storage name gets the right suffix.
    """
    data = _read_limited(file, settings.MAX_IMAGE_BYTES)
    max_pixels = settings.MAX_IMAGE_PIXELS
    try:
        # Our pixel limit (checked from the header) is below Pillow's own bomb
        # threshold, so an oversized image is refused before Pillow would only
        # warn; far larger ones make Image.open itself raise DecompressionBombError.
        image_format = _check_header(data, max_pixels)
        _decode(data)
    except ValidationError:
        raise
    except UnidentifiedImageError as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            f"The image is too large: at most {max_pixels:,} pixels.", code="too_many_pixels"
        ) from exc
    except Exception as exc:
        # Pillow signals damaged input with many types (OSError, SyntaxError,
        # ValueError, struct.error, ...); all of them mean "cannot decode".
        raise ValidationError(UNDECODABLE, code="undecodable") from exc
    file.name = f"image.{EXTENSIONS[image_format]}"
    file.seek(0)
    return file
