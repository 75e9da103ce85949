"""Resized WebP variants of every uploaded image: made on upload (or on their
first request), without metadata, listed beside the image, served with long
cache headers, removed with the image."""

import io

import pytest
from PIL import Image

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from catalogue.tests.images import SERVICE_BODY, media_files, upload, variant_files
from common.images import VARIANT_WIDTHS, variant_name

pytestmark = pytest.mark.django_db


def photo(size=(2000, 1000), fmt="JPEG") -> bytes:
    """A camera photo with EXIF (camera model, GPS-like text)."""
    image = Image.new("RGB", size, "teal")
    exif = Image.Exif()
    exif[0x0110] = "Campus Phone 12"  # Model
    exif[0x010E] = "Lat 6.5, Lon 3.4"  # ImageDescription
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, exif=exif.tobytes(), quality=95)
    return buffer.getvalue()


def media_path(url: str) -> str:
    return url.split("/media/", 1)[1]


def create_service(vendor_client, django_capture_on_commit_callbacks, data=None):
    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.post(
            "/api/services/",
            {**SERVICE_BODY, "images": upload(data or photo(), "photo.jpg", "image/jpeg")},
            format="multipart",
        )
    assert response.status_code == 201, response.json()
    return response.json()


def test_an_upload_stores_320_and_960_px_webp_variants_without_metadata(
    vendor_client, settings, django_capture_on_commit_callbacks
):
    body = create_service(vendor_client, django_capture_on_commit_callbacks)

    original = media_path(body["images"])
    assert body["image_variants"] == {
        str(width): f"http://testserver/media/{variant_name(original, width)}"
        for width in VARIANT_WIDTHS
    }
    assert variant_files(settings.MEDIA_ROOT) == sorted(
        variant_name(original, width) for width in VARIANT_WIDTHS
    )
    original_size = (settings.MEDIA_ROOT / original).stat().st_size
    for width in VARIANT_WIDTHS:
        path = settings.MEDIA_ROOT / variant_name(original, width)
        with Image.open(path) as variant:
            assert variant.format == "WEBP"
            assert variant.size == (width, width // 2)
            assert not variant.getexif()
            assert "exif" not in variant.info and "xmp" not in variant.info
        assert path.stat().st_size < original_size


def test_a_small_image_is_not_enlarged(vendor_client, settings, django_capture_on_commit_callbacks):
    body = create_service(vendor_client, django_capture_on_commit_callbacks, photo((200, 100)))

    for width in VARIANT_WIDTHS:
        path = settings.MEDIA_ROOT / variant_name(media_path(body["images"]), width)
        with Image.open(path) as variant:
            assert variant.size == (200, 100)


def test_no_image_means_no_variants(api):
    service = ServiceFactory()
    ServiceItemFactory(service=service)

    detail = api.get(f"/api/services/{service.pk}/").json()

    assert detail["images"] is None
    assert detail["image_variants"] == {}
    assert detail["items"][0]["image_variants"] == {}
    assert api.get("/api/services/").json()["results"][0]["image_variants"] == {}


def test_variants_are_served_with_long_cache_headers(
    vendor_client, api, settings, django_capture_on_commit_callbacks
):
    body = create_service(vendor_client, django_capture_on_commit_callbacks)

    served = api.get(body["image_variants"]["320"])

    assert served.status_code == 200
    assert served["Content-Type"] == "image/webp"
    assert served["Cache-Control"] == "public, max-age=31536000, immutable"
    assert api.get(body["images"])["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_variant_not_made_at_upload_is_a_404_not_made_on_request(vendor_client, api, settings):
    # Without the commit callbacks, as if the upload's variant job had not run yet.
    response = vendor_client.post(
        "/api/services/",
        {**SERVICE_BODY, "images": upload(photo(), "photo.jpg", "image/jpeg")},
        format="multipart",
    )
    body = response.json()

    assert api.get(body["image_variants"]["960"]).status_code == 404
    assert variant_files(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize(
    "suffix", [".w0320.webp", ".w00320.webp", ".w0960.webp", ".w500.webp", ".w320.webp.w320.webp"]
)
def test_any_other_variant_name_is_a_404_that_decodes_and_writes_nothing(
    vendor_client, api, settings, django_capture_on_commit_callbacks, monkeypatch, suffix
):
    body = create_service(vendor_client, django_capture_on_commit_callbacks)
    before = sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
    decoded = []
    monkeypatch.setattr(Image, "open", lambda *a, **k: decoded.append(a) or 1 / 0)

    base = body["image_variants"]["320"] if suffix.count(".webp") > 1 else body["images"]
    extra = suffix.split(".webp", 1)[1] if suffix.count(".webp") > 1 else suffix
    assert api.get(base + extra).status_code == 404

    assert decoded == []
    assert sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == before
    assert api.get("/media/service_images/nothing.jpg.w320.webp").status_code == 404


def test_variants_written_after_their_image_was_replaced_are_removed(
    vendor_client, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """A replacement that commits while the upload's variants are being made
    deletes the image first, then its variants; whichever order the two
    interleave in, no variant outlives its image."""
    from django.core.files.storage import default_storage

    from common import images

    body = create_service(vendor_client, django_capture_on_commit_callbacks)
    original = media_path(body["images"])
    for width in VARIANT_WIDTHS:
        default_storage.delete(variant_name(original, width))
    real_make = images.make_variant

    def make_then_lose_the_original(data, width):
        # The racing replacement deletes the image (and its variants) meanwhile.
        default_storage.delete(original)
        images.delete_variants(default_storage, original)
        return real_make(data, width)

    monkeypatch.setattr(images, "make_variant", make_then_lose_the_original)
    images.store_variants(default_storage, original)

    assert variant_files(settings.MEDIA_ROOT) == []


def test_replacing_and_deleting_an_image_remove_its_variants(
    vendor_client, settings, django_capture_on_commit_callbacks
):
    body = create_service(vendor_client, django_capture_on_commit_callbacks)
    detail = f"/api/services/{body['id']}/"

    with django_capture_on_commit_callbacks(execute=True):
        replaced = vendor_client.patch(
            detail,
            {"images": upload(photo((1200, 1200)), "new.jpg", "image/jpeg")},
            format="multipart",
        ).json()

    new = media_path(replaced["images"])
    assert media_files(settings.MEDIA_ROOT) == [new]
    assert variant_files(settings.MEDIA_ROOT) == sorted(
        variant_name(new, width) for width in VARIANT_WIDTHS
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert vendor_client.delete(detail).status_code == 204

    assert media_files(settings.MEDIA_ROOT) == []
    assert variant_files(settings.MEDIA_ROOT) == []


def test_item_and_logo_variants_are_listed(
    vendor_client, settings, django_capture_on_commit_callbacks
):
    service = create_service(vendor_client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        item = vendor_client.post(
            f"/api/services/{service['id']}/items/",
            {"name": "Tea", "price": "1.00", "image": upload(photo(), "tea.jpg", "image/jpeg")},
            format="multipart",
        ).json()
        profile = vendor_client.post(
            "/api/vendor-profiles/",
            {"business_name": "Copy Corner", "logo": upload(photo(), "logo.jpg", "image/jpeg")},
            format="multipart",
        ).json()

    for url, variants in ((item["image"], item["image_variants"]),
                          (profile["logo"], profile["logo_variants"])):  # fmt: skip
        assert set(variants) == {"320", "960"}
        assert (settings.MEDIA_ROOT / variant_name(media_path(url), 320)).exists()
