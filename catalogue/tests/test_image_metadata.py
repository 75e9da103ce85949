"""Uploaded photos are stored without their metadata (GPS position, camera
model), turned the way their EXIF orientation said, in their own format."""

import io

import pytest
from PIL import Image, PngImagePlugin

from catalogue.tests.factories import ServiceFactory
from catalogue.tests.images import media_files, upload

pytestmark = pytest.mark.django_db

ORIENTATION, MODEL, GPS_INFO = 0x0112, 0x0110, 0x8825


def phone_photo(size=(40, 20), orientation=6) -> bytes:
    """A JPEG as a phone writes it: camera model, GPS position, and an
    orientation saying "rotate 90° clockwise to display"."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MODEL] = "SpyCam 3000"
    exif[GPS_INFO] = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    out = io.BytesIO()
    Image.new("RGB", size, "red").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def stored(settings, folder) -> bytes:
    (path,) = [p for p in media_files(settings.MEDIA_ROOT) if p.startswith(folder)]
    return (settings.MEDIA_ROOT / path).read_bytes()


def assert_clean_upright_jpeg(data: bytes):
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == (20, 40)  # the 90° turn is in the pixels now
    assert dict(image.getexif()) == {}
    assert b"SpyCam" not in data


@pytest.mark.parametrize(
    ("url", "field", "folder"),
    [
        ("/api/vendor-profiles/", "logo", "vendor_logos/"),
        ("/api/services/", "images", "service_images/"),
        ("items", "image", "service_item_images/"),
    ],
)
def test_uploads_lose_their_exif_and_keep_their_orientation(
    vendor, vendor_client, settings, url, field, folder
):
    body = {"business_name": "Shop"}
    if url == "/api/services/":
        body = {
            "service_name": "Copies",
            "description": "Print shop",
            "category": "printing",
            "service_type": "walk_in",
        }
    elif url == "items":
        url = f"/api/services/{ServiceFactory(vendor=vendor).pk}/items/"
        body = {"name": "Poster", "price": "2.00"}
    photo = upload(phone_photo(), "IMG_0001.jpg", "image/jpeg")

    response = vendor_client.post(url, {**body, field: photo}, format="multipart")

    assert response.status_code == 201, response.json()
    assert_clean_upright_jpeg(stored(settings, folder))


def test_a_replacement_image_is_cleaned_too(vendor, vendor_client, settings):
    service = ServiceFactory(vendor=vendor)
    photo = upload(phone_photo(), "IMG_0002.jpg", "image/jpeg")

    response = vendor_client.patch(
        f"/api/services/{service.pk}/", {"images": photo}, format="multipart"
    )

    assert response.status_code == 200
    assert_clean_upright_jpeg(stored(settings, "service_images/"))


def test_png_text_and_exif_chunks_are_dropped_transparency_kept(vendor_client, settings):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "taken at 12 Secret Lane")
    exif = Image.Exif()
    exif[MODEL] = "SpyCam 3000"
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (255, 0, 0, 100)).save(out, "PNG", pnginfo=info, exif=exif.tobytes())

    response = vendor_client.post(
        "/api/vendor-profiles/",
        {"business_name": "Shop", "logo": upload(out.getvalue())},
        format="multipart",
    )

    assert response.status_code == 201
    data = stored(settings, "vendor_logos/")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode) == ("PNG", "RGBA")
    assert image.getpixel((0, 0)) == (255, 0, 0, 100)
    assert b"Secret Lane" not in data and b"SpyCam" not in data


def test_an_animated_gif_keeps_its_frames_and_timing(vendor_client, settings):
    frames = [Image.new("RGB", (10, 10), (80 * i, 0, 0)) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=b"SpyCam 3000",
    )

    response = vendor_client.post(
        "/api/vendor-profiles/",
        {"business_name": "Shop", "logo": upload(out.getvalue(), "a.gif", "image/gif")},
        format="multipart",
    )

    assert response.status_code == 201
    data = stored(settings, "vendor_logos/")
    image = Image.open(io.BytesIO(data))
    durations = []
    for frame in range(image.n_frames):
        image.seek(frame)
        durations.append(image.info["duration"])
    assert (image.format, image.n_frames, durations) == ("GIF", 3, [100, 200, 300])
    assert b"SpyCam" not in data
