"""The Django admin's verification queue: pending first, documents previewed
through an admin-only view, verify/reject with a reason like the API."""

import pytest
from django.test import Client

from catalogue.api.verification_serializers import DocumentUploadField
from catalogue.models import VendorProfile, VerificationDocument
from catalogue.tests.documents import PDF, image_bytes, pdf, png
from catalogue.tests.factories import VendorProfileFactory
from catalogue.verification import verification_submit
from notifications.models import Notification
from users.tests.factories import AdminFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/catalogue/verificationrequest/"


@pytest.fixture
def site():
    client = Client()
    client.force_login(AdminFactory(is_superuser=True))
    return client


def pending(name, *files):
    profile = VendorProfileFactory(business_name=name)
    checked = [DocumentUploadField().to_internal_value(f) for f in files]
    return verification_submit(profile=profile, documents=checked)


def test_pending_requests_come_first(site):
    other = VendorProfileFactory(business_name="Aardvark Prints")
    waiting = pending("Zebra Laundry", png())

    response = site.get(QUEUE)

    assert response.status_code == 200
    assert [p.pk for p in response.context["cl"].result_list] == [waiting.pk, other.pk]


def test_the_change_page_previews_images_and_links_pdfs(site):
    profile = pending("Bean There", png(), pdf())
    image, document = VerificationDocument.objects.filter(profile=profile)

    page = site.get(f"{QUEUE}{profile.pk}/change/").content.decode()

    assert f'<img src="{QUEUE}documents/{image.pk}/"' in page
    assert f'href="{QUEUE}documents/{document.pk}/"' in page
    assert b"".join(site.get(f"{QUEUE}documents/{document.pk}/").streaming_content) == PDF
    assert b"".join(site.get(f"{QUEUE}documents/{image.pk}/").streaming_content) == image_bytes()


def test_document_files_need_an_admin_session(site):
    profile = pending("Bean There", pdf())
    document = VerificationDocument.objects.get(profile=profile)

    response = Client().get(f"{QUEUE}documents/{document.pk}/")

    assert response.status_code == 302  # to the admin login
    assert "/admin/login/" in response["Location"]


def test_reject_asks_for_a_reason_then_decides_and_notifies(site):
    profile = pending("Bean There", png())
    chosen = {"action": "reject", "_selected_action": [profile.pk]}

    asked = site.post(QUEUE, chosen)
    without = site.post(QUEUE, {**chosen, "apply": "1", "reason": ""})
    done = site.post(QUEUE, {**chosen, "apply": "1", "reason": "Licence expired."})

    assert asked.status_code == 200 and b"reason" in asked.content
    assert without.status_code == 200  # the form again: a reason is required
    assert done.status_code == 302
    profile = VendorProfile.objects.get(pk=profile.pk)
    assert (profile.verification_status, profile.verification_reason) == (
        "rejected",
        "Licence expired.",
    )
    assert Notification.objects.get(recipient=profile.user).kind == "verification"


def test_verify_from_the_queue(site):
    profile = pending("Bean There", png())

    site.post(QUEUE, {"action": "verify", "_selected_action": [profile.pk], "apply": "1"})

    profile = VendorProfile.objects.get(pk=profile.pk)
    assert (profile.verification_status, profile.is_verified) == ("verified", True)
