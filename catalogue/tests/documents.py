"""Small verification documents for the tests: real JPEG, PNG and PDF bytes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def image_bytes(fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(data: bytes, name: str = "doc.bin", content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png(name="id.png"):
    return upload(image_bytes("PNG"), name, "image/png")


def jpeg(name="id.jpg"):
    return upload(image_bytes("JPEG"), name, "image/jpeg")


def pdf(name="licence.pdf"):
    return upload(PDF, name, "application/pdf")
