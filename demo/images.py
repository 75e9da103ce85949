"""Pictures for the demo data, drawn with Pillow so the repository ships no binaries."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from common.images import store_variants


def demo_picture(title: str, colour: tuple[int, int, int], size=(800, 500)) -> ContentFile:
    """A PNG with ``title`` on a coloured background, ready for an ImageField."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle([24, 24, size[0] - 24, size[1] - 24], outline=(255, 255, 255), width=6)
    try:
        font = ImageFont.load_default(size=56)
    except TypeError:  # Pillow without FreeType: the bitmap default font
        font = ImageFont.load_default()
    box = draw.textbbox((0, 0), title, font=font)
    position = ((size[0] - (box[2] - box[0])) / 2, (size[1] - (box[3] - box[1])) / 2)
    draw.text(position, title, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="demo.png")


def save_picture(field_file, picture: ContentFile) -> None:
    """Store ``picture`` in an image field (the row is saved by the caller) with
    the resized copies the API offers, as an upload through the services gets
    them: the media view serves stored files only."""
    field_file.save(picture.name, picture, save=False)
    store_variants(field_file.storage, field_file.name)
