"""Parallel image replacements of one row, on PostgreSQL with real parallel
requests: whatever the interleaving, exactly the file the row points at
remains on disk (no orphans, no row pointing at a deleted file)."""

import pytest

from catalogue.models import Service, ServiceItem, VendorProfile
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from catalogue.tests.images import media_files, png_upload, variant_files
from common.images import VARIANT_WIDTHS, variant_name
from conftest import client_for
from tests.races import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PARALLEL = 8
COLORS = ["red", "green", "blue", "yellow", "black", "white", "purple", "orange"]


def target(kind, vendor):
    """(url, field, model, pk) of a row of ``kind`` owned by ``vendor``."""
    if kind == "service":
        service = ServiceFactory(vendor=vendor)
        return f"/api/services/{service.pk}/", "images", Service, service.pk
    if kind == "item":
        item = ServiceItemFactory(service=ServiceFactory(vendor=vendor))
        return f"/api/services/{item.service_id}/items/{item.pk}/", "image", ServiceItem, item.pk
    profile = VendorProfileFactory(user=vendor)
    return f"/api/vendor-profiles/{profile.pk}/", "logo", VendorProfile, profile.pk


@pytest.mark.parametrize("kind", ["service", "item", "logo"])
def test_parallel_image_replacements_leave_exactly_the_current_file(vendor, settings, kind):
    url, field, model, pk = target(kind, vendor)
    first = client_for(vendor).patch(url, {field: png_upload()}, format="multipart")
    assert first.status_code == 200

    results = race(
        [
            (client_for(vendor), "patch", url, {field: png_upload(color=color)}, "multipart")
            for color in COLORS[:PARALLEL]
        ]
    )

    assert [code for code, _ in results] == [200] * PARALLEL
    current = getattr(model.objects.get(pk=pk), field).name
    assert media_files(settings.MEDIA_ROOT) == [current]
    # The replaced images' variants went with them; only the current one's remain.
    assert variant_files(settings.MEDIA_ROOT) == sorted(
        variant_name(current, width) for width in VARIANT_WIDTHS
    )


def test_item_image_replacements_racing_the_deletion_of_the_service_leave_no_file(vendor, settings):
    item = ServiceItemFactory(service=ServiceFactory(vendor=vendor))
    url = f"/api/services/{item.service_id}/items/{item.pk}/"
    assert (
        client_for(vendor).patch(url, {"image": png_upload()}, format="multipart").status_code
        == 200
    )
    deletion = (client_for(vendor), "delete", f"/api/services/{item.service_id}/", None, "json")
    replacements = [
        (client_for(vendor), "patch", url, {"image": png_upload(color=color)}, "multipart")
        for color in COLORS[:4]
    ]

    results = race([deletion, *replacements])

    assert results[0][0] == 204
    assert {code for code, _ in results[1:]} <= {200, 404}
    assert not ServiceItem.objects.filter(pk=item.pk).exists()
    assert media_files(settings.MEDIA_ROOT) == []
    assert variant_files(settings.MEDIA_ROOT) == []
