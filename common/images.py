"""Image upload validation shared by every upload in the API.

The declared content type and file name prove nothing, so the file is
decoded with Pillow: its real format decides whether it is accepted and
which extension it is stored under. Every refusal is a ``ValidationError``
with a message that tells the client why.

An accepted image is re-encoded without its metadata before it is stored:
phone photos carry EXIF blocks (GPS position, camera model, time taken) that
must not be served to the world. The EXIF orientation is applied to the
pixels first, so the picture still stands the right way up.
"""

import io
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

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


# Metadata keys Pillow may carry over from ``info`` when saving; dropped.
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "dpi")
# Pillow format name -> the format written back. MPO (a phone JPEG with
# preview frames) is stored as its main picture, a plain JPEG.
SAVE_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WEBP"}
JPEG_QUALITY = 90
WEBP_QUALITY = 90


def _save_options(image: Image.Image, save_as: str) -> dict:
    """Encoder settings that keep quality and colour but no metadata: the ICC
    colour profile is kept (it carries no personal data); EXIF/XMP is not."""
    options = {}
    icc_profile = image.info.get("icc_profile")
    if icc_profile and save_as in ("JPEG", "PNG", "WEBP"):
        options["icc_profile"] = icc_profile
    if save_as == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif save_as == "WEBP":
        options.update(quality=WEBP_QUALITY)
    return options


def strip_metadata(data: bytes) -> bytes:
    """The image re-encoded in its own format without EXIF, XMP or comments,
    with the EXIF orientation applied to the pixels. Animated GIF and WebP
    keep every frame and their timing (they carry no orientation)."""
    with Image.open(io.BytesIO(data)) as image:
        save_as = SAVE_AS[image.format]
        out = io.BytesIO()
        if save_as in ("GIF", "WEBP") and getattr(image, "is_animated", False):
            for key in METADATA_KEYS:
                image.info.pop(key, None)
            image.save(out, format=save_as, save_all=True, **_save_options(image, save_as))
            return out.getvalue()
        upright = ImageOps.exif_transpose(image)
        for key in METADATA_KEYS:
            upright.info.pop(key, None)
        upright.save(out, format=save_as, **_save_options(upright, save_as))
        return out.getvalue()


def validate_image(file):
    """Check an uploaded file is a sane JPEG/PNG/GIF/WebP; return a clean copy.

    The returned file holds the image without metadata (``strip_metadata``)
    and is named ``image.<ext>`` with the extension of the decoded format, so
    the random storage name gets the right suffix.
    """
    data = _read_limited(file, settings.MAX_IMAGE_BYTES)
    max_pixels = settings.MAX_IMAGE_PIXELS
    try:
        # Our pixel limit (checked from the header) is below Pillow's own bomb
        # threshold, so an oversized image is refused before Pillow would only
        # warn; far larger ones make Image.open itself raise DecompressionBombError.
        image_format = _check_header(data, max_pixels)
        _decode(data)
        clean = strip_metadata(data)
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
    return ContentFile(clean, name=f"image.{EXTENSIONS[image_format]}")


# --- Resized WebP variants ------------------------------------------------------
# Phones on campus data should not download a 5 MB photo for a 160 px card:
# each stored image also gets WebP copies 320 and 960 px wide (never wider
# than the original), without metadata. A variant's name is the original's
# plus ``.w<width>.webp``, so it needs no column, the original is found from
# it, and a new upload, whose name is random, never reuses an old variant's URL.
VARIANT_WIDTHS = (320, 960)
VARIANT_QUALITY = 80
_VARIANT_SUFFIX = re.compile(r"^(?P<original>.+)\.w(?P<width>\d+)\.webp$")


def variant_name(name: str, width: int) -> str:
    return f"{name}.w{width}.webp"


def original_of(name: str) -> tuple[str, int] | None:
    """(original name, width) when ``name`` is a variant of a known width."""
    match = _VARIANT_SUFFIX.match(name)
    if match is None or int(match["width"]) not in VARIANT_WIDTHS:
        return None
    return match["original"], int(match["width"])


def make_variant(data: bytes, width: int) -> bytes:
    """The image (its first frame) as WebP at most ``width`` px wide, no metadata."""
    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        if image.format == "JPEG":
            image.draft("RGB", (width, max(1, image.height * width // image.width)))
        picture = ImageOps.exif_transpose(image)
        has_alpha = picture.mode in ("RGBA", "LA") or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
        if picture.width > width:
            height = max(1, round(picture.height * width / picture.width))
            picture = picture.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        options = {"quality": VARIANT_QUALITY, "method": 4}
        icc_profile = image.info.get("icc_profile")
        if icc_profile:
            options["icc_profile"] = icc_profile  # colour, not personal data
        picture.save(out, format="WEBP", **options)
        return out.getvalue()


def store_variants(storage, name: str) -> None:
    """Write every variant of the stored image ``name`` (replacing any)."""
    with storage.open(name, "rb") as file:
        data = file.read()
    for width in VARIANT_WIDTHS:
        target = variant_name(name, width)
        if storage.exists(target):
            storage.delete(target)
        saved = storage.save(target, ContentFile(make_variant(data, width)))
        if saved != target:  # a racing request wrote it first; that copy serves
            storage.delete(saved)
    # A replacement or deletion that committed meanwhile deletes the image
    # first and its variants second: if the image is gone now, the variants
    # just written may have missed that sweep, so they go too. If it is
    # still here, its remover's variant sweep comes after these writes.
    if not storage.exists(name):
        delete_variants(storage, name)


def delete_variants(storage, name: str) -> None:
    for width in VARIANT_WIDTHS:
        storage.delete(variant_name(name, width))


def variant_urls(field_file, request=None) -> dict[str, str]:
    """{"320": url, "960": url} of a stored image; {} when there is none."""
    if not field_file:
        return {}
    urls = {}
    for width in VARIANT_WIDTHS:
        url = field_file.storage.url(variant_name(field_file.name, width))
        urls[str(width)] = request.build_absolute_uri(url) if request is not None else url
    return urls
