"""A write that committed is answered as a success even when deleting the
replaced files fails afterwards (an object store down): the file is orphaned
and logged, the client is not told its committed change failed."""

import pytest
from django.core.files.storage import FileSystemStorage

from catalogue.models import Service

from .images import SERVICE_BODY, png_upload

pytestmark = pytest.mark.django_db


def test_deleting_a_service_succeeds_when_its_files_cannot_be_deleted(
    vendor, vendor_client, monkeypatch, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/", {**SERVICE_BODY, "images": png_upload()}, format="multipart"
    ).json()

    def unreachable(self, name):
        raise OSError("object store unreachable")

    monkeypatch.setattr(FileSystemStorage, "delete", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.delete(f"/api/services/{created['id']}/")

    assert response.status_code == 204
    assert not Service.objects.filter(pk=created["id"]).exists()
