"""Image files for upload tests, built in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from common.images import original_of

# A service to create with an image (multipart: add "images").
SERVICE_BODY = {
    "service_name": "Copy Corner",
    "description": "Printing and binding.",
    "category": "printing",
    "service_type": "walk_in",
}


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (8, 8), color="red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_upload(name: str = "photo.png", color="red"):
    return upload(image_bytes("PNG", color=color), name)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with almost no
    data: a decompression bomb as far as any decoder is concerned."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def stored_files(media_root) -> list[str]:
    """Every file stored under MEDIA_ROOT, as paths relative to it."""
    if not media_root.exists():
        return []
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def media_files(media_root) -> list[str]:
    """The uploaded images under MEDIA_ROOT, without their resized variants."""
    return [name for name in stored_files(media_root) if original_of(name) is None]


def variant_files(media_root) -> list[str]:
    """The resized WebP variants under MEDIA_ROOT."""
    return [name for name in stored_files(media_root) if original_of(name) is not None]
