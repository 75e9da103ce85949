"""Image uploads: decoded and verified, stored under random names, served,
replaced and removed with their rows."""

import pytest
from django.db import IntegrityError, transaction

from catalogue import services
from catalogue.models import Service, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from catalogue.tests.images import (
    SERVICE_BODY,
    image_bytes,
    media_files,
    png_header_only,
    png_upload,
    upload,
)
from orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


def media_path(url: str) -> str:
    return url.split("/media/", 1)[1]


def test_uploaded_image_is_stored_under_a_random_name_and_served(vendor_client, api, settings):
    response = vendor_client.post(
        "/api/services/",
        {**SERVICE_BODY, "images": png_upload("my holiday.png")},
        format="multipart",
    )

    assert response.status_code == 201, response.json()
    url = response.json()["images"]
    assert url.startswith("http://testserver/media/service_images/")
    assert url.endswith(".png")
    assert "holiday" not in url
    assert media_files(settings.MEDIA_ROOT) == [media_path(url)]
    served = api.get(url)
    assert served.status_code == 200
    assert (
        b"".join(served.streaming_content) == (settings.MEDIA_ROOT / media_path(url)).read_bytes()
    )


def test_extension_comes_from_the_decoded_format_not_the_name(vendor_client):
    jpeg_named_png = upload(image_bytes("JPEG"), "picture.png", "image/png")

    response = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": jpeg_named_png}, format="multipart"
    )

    assert response.status_code == 201
    assert response.json()["images"].endswith(".jpg")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP"])
def test_each_accepted_format_is_stored(vendor_client, fmt):
    response = vendor_client.post(
        "/api/services/",
        {**SERVICE_BODY, "images": upload(image_bytes(fmt), "x.bin", "application/octet-stream")},
        format="multipart",
    )

    assert response.status_code == 201, response.json()


def _truncated_png() -> bytes:
    data = image_bytes("PNG", size=(400, 400), color=None)
    return data[: len(data) // 2]


REFUSED = {
    "html named as png": (b"<html><script>alert(1)</script></html>", "not an image"),
    "truncated png": (_truncated_png(), "could not be decoded"),
    "bomb above our 40 MP limit": (png_header_only(8000, 6000), "at most 40,000,000 pixels"),
    "bomb above pillow's own limit": (png_header_only(20000, 10000), "too large"),
    "oversized file": (b"\x89PNG" + b"\x00" * (5 * 1024 * 1024), "at most 5 MB"),
    "unsupported format (BMP)": (image_bytes("BMP"), "Unsupported image format BMP"),
    "unsupported format (TIFF)": (image_bytes("TIFF"), "Unsupported image format TIFF"),
}


@pytest.mark.parametrize("data, reason", REFUSED.values(), ids=REFUSED.keys())
def test_refused_upload_says_why_and_leaves_nothing_behind(vendor_client, settings, data, reason):
    response = vendor_client.post(
        "/api/services/",
        {**SERVICE_BODY, "images": upload(data, "photo.png", "image/png")},
        format="multipart",
    )

    assert response.status_code == 400
    assert reason in response.json()["images"][0]
    assert not Service.objects.exists()
    assert media_files(settings.MEDIA_ROOT) == []


def test_text_instead_of_a_file_is_refused(vendor_client):
    response = vendor_client.post("/api/services/", {**SERVICE_BODY, "images": "not-a-file"})

    assert response.status_code == 400
    assert "images" in response.json()


def test_replacing_an_image_deletes_the_old_file_and_serves_the_new_one(
    vendor, vendor_client, api, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()
    old_url = created["images"]

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.patch(
            f"/api/services/{created['id']}/",
            {"images": png_upload(color="blue")},
            format="multipart",
        )

    assert response.status_code == 200
    new_url = response.json()["images"]
    assert new_url != old_url
    assert media_files(settings.MEDIA_ROOT) == [media_path(new_url)]
    assert api.get(old_url).status_code == 404
    assert api.get(new_url).status_code == 200


def test_sending_null_removes_the_image_and_its_file(
    vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.patch(f"/api/services/{created['id']}/", {"images": None})

    assert response.status_code == 200
    assert response.json()["images"] is None
    assert media_files(settings.MEDIA_ROOT) == []


def test_update_without_a_new_image_keeps_the_file(
    vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.patch(f"/api/services/{created['id']}/", {"location": "Library"})

    assert response.json()["images"] == created["images"]
    assert media_files(settings.MEDIA_ROOT) == [media_path(created["images"])]


def test_old_file_survives_a_rolled_back_replacement(
    vendor, settings, django_capture_on_commit_callbacks
):
    service = services.service_create(vendor=vendor, **SERVICE_BODY, images=png_upload())
    old_name = service.images.name

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.service_update(service=service, data={"images": png_upload(color="blue")})
        raise RuntimeError("the surrounding transaction fails")

    assert old_name in media_files(settings.MEDIA_ROOT)


def test_deleting_a_service_removes_its_files_and_its_items_files(
    vendor, vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()
    item = vendor_client.post(
        f"/api/services/{created['id']}/items/",
        {"name": "Poster", "price": "2.00", "image": png_upload()},
        format="multipart",
    )
    assert item.status_code == 201
    assert len(media_files(settings.MEDIA_ROOT)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.delete(f"/api/services/{created['id']}/")

    assert response.status_code == 204
    assert media_files(settings.MEDIA_ROOT) == []


def test_a_deactivated_service_keeps_its_files_for_order_history(
    vendor, vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()
    OrderFactory(service=Service.objects.get(pk=created["id"]))

    with django_capture_on_commit_callbacks(execute=True):
        vendor_client.delete(f"/api/services/{created['id']}/")

    assert media_files(settings.MEDIA_ROOT) == [media_path(created["images"])]


def test_item_image_replacement_deletes_the_old_file(
    vendor, vendor_client, settings, django_capture_on_commit_callbacks
):
    service = ServiceFactory(vendor=vendor)
    created = vendor_client.post(
        f"/api/services/{service.pk}/items/",
        {"name": "Tea", "price": "1.00", "image": png_upload()},
        format="multipart",
    ).json()

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.patch(
            f"/api/services/{service.pk}/items/{created['id']}/",
            {"image": png_upload(color="green")},
            format="multipart",
        )

    assert response.status_code == 200
    assert media_files(settings.MEDIA_ROOT) == [media_path(response.json()["image"])]
    assert response.json()["image"].startswith("http://testserver/media/service_item_images/")


def test_item_with_a_bad_image_is_refused_without_a_row(vendor, vendor_client, settings):
    service = ServiceFactory(vendor=vendor)

    response = vendor_client.post(
        f"/api/services/{service.pk}/items/",
        {"name": "Tea", "price": "1.00", "image": upload(b"GIF89a-not-really", "tea.gif")},
        format="multipart",
    )

    assert response.status_code == 400
    assert "image" in response.json()
    assert not ServiceItem.objects.exists()
    assert media_files(settings.MEDIA_ROOT) == []


def test_a_name_clash_after_the_file_was_stored_leaves_no_file(vendor, settings):
    service = ServiceFactory(vendor=vendor)
    ServiceItemFactory(service=service, name="Tea")
    racing = ServiceItem(service=service, name="Tea", price=1, image=png_upload())

    # The friendly check already passed for the racing request; the constraint decides.
    with pytest.raises(IntegrityError):
        services.save_with_files(racing)

    assert media_files(settings.MEDIA_ROOT) == []


def test_vendor_logo_replacement_and_profile_deletion_clean_up_files(
    vendor, vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/vendor-profiles/",
        {"business_name": "Snacks", "logo": png_upload()},
        format="multipart",
    ).json()
    assert created["logo"].startswith("http://testserver/media/vendor_logos/")

    with django_capture_on_commit_callbacks(execute=True):
        replaced = vendor_client.patch(
            f"/api/vendor-profiles/{created['id']}/",
            {"logo": png_upload(color="blue")},
            format="multipart",
        ).json()
    assert media_files(settings.MEDIA_ROOT) == [media_path(replaced["logo"])]

    with django_capture_on_commit_callbacks(execute=True):
        assert vendor_client.delete(f"/api/vendor-profiles/{created['id']}/").status_code == 204
    assert media_files(settings.MEDIA_ROOT) == []


def test_profile_logo_bomb_is_refused(vendor_client):
    response = vendor_client.post(
        "/api/vendor-profiles/",
        {"business_name": "Snacks", "logo": upload(png_header_only(10000, 10000))},
        format="multipart",
    )

    assert response.status_code == 400
    assert "pixels" in response.json()["logo"][0]
