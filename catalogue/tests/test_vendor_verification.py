"""Vendor verification: documents in, an admin's decision out, and the
documents readable only by their owner and admins."""

import pytest
from django.conf import settings

from catalogue.models import VendorProfile, VerificationDocument
from catalogue.tests.documents import PDF, image_bytes, jpeg, pdf, png, upload
from catalogue.tests.factories import VendorProfileFactory
from conftest import client_for
from notifications.models import Notification
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return VendorProfileFactory(business_name="Bean There")


@pytest.fixture
def owner(profile):
    return client_for(profile.user)


def url(profile, tail=""):
    return f"/api/vendor-profiles/{profile.pk}/verification/{tail}"


def submit(client, profile, files, note=""):
    return client.post(url(profile), {"documents": files, "note": note}, format="multipart")


def stored_files():
    root = settings.PRIVATE_MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_new_profile_is_unverified_and_shows_its_reason_only_to_its_owner(profile, owner, api):
    mine = owner.get(f"/api/vendor-profiles/{profile.pk}/").json()
    public = api.get(f"/api/vendor-profiles/{profile.pk}/").json()
    other = client_for(StudentFactory()).get(f"/api/vendor-profiles/{profile.pk}/").json()

    assert (mine["verification_status"], mine["is_verified"]) == ("unverified", False)
    assert mine["verification_reason"] == ""
    assert public["verification_status"] == "unverified"
    assert public["verification_reason"] is None
    assert other["verification_reason"] is None


def test_the_owner_submits_documents_and_the_profile_is_pending(profile, owner):
    response = submit(owner, profile, [png(), jpeg(), pdf()], note="Registered last term.")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["verification_status"] == "pending"
    assert body["note"] == "Registered last term."
    assert [d["content_type"] for d in body["documents"]] == [
        "image/png",
        "image/jpeg",
        "application/pdf",
    ]
    assert body["documents"][2]["size"] == len(PDF)
    assert body["documents"][0]["url"].startswith("http://testserver/api/vendor-profiles/")
    profile.refresh_from_db()
    assert (profile.verification_status, profile.is_verified) == ("pending", False)
    assert len(stored_files()) == 3
    # Private storage: nothing under the public media folder.
    assert not list(settings.MEDIA_ROOT.rglob("*.pdf")) if settings.MEDIA_ROOT.exists() else True


def test_the_type_is_told_by_content_not_by_name(profile, owner):
    response = submit(owner, profile, [upload(PDF, "scan.jpg", "image/jpeg")])

    assert response.status_code == 201
    assert response.json()["documents"][0]["content_type"] == "application/pdf"


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(
            lambda: upload(b"MZ\x90\x00 not a document", "id.pdf", "application/pdf"),
            id="executable named pdf",
        ),
        pytest.param(lambda: upload(image_bytes("GIF"), "id.png", "image/png"), id="gif"),
        pytest.param(
            lambda: upload(image_bytes("PNG")[:40], "id.png", "image/png"), id="truncated png"
        ),
        pytest.param(
            lambda: upload(b"%PDF-1.4\nno trailer", "x.pdf", "application/pdf"),
            id="pdf without trailer",
        ),
        pytest.param(
            lambda: upload(PDF[:-7] + b" " * (5 * 1024 * 1024) + b"%%EOF\n", "big.pdf"),
            id="over 5 MB",
        ),
    ],
)
def test_refused_documents_are_a_400_and_nothing_is_stored(profile, owner, bad):
    response = submit(owner, profile, [png(), bad()])

    assert response.status_code == 400
    assert "documents" in response.json()
    profile.refresh_from_db()
    assert profile.verification_status == "unverified"
    assert VerificationDocument.objects.count() == 0
    assert stored_files() == []


def test_six_documents_or_none_are_a_400(profile, owner):
    six = submit(owner, profile, [png(f"{i}.png") for i in range(6)])
    none = owner.post(url(profile), {"note": "hi"}, format="multipart")

    assert six.status_code == 400 and "documents" in six.json()
    assert none.status_code == 400 and "documents" in none.json()
    assert VerificationDocument.objects.count() == 0
    assert stored_files() == []


def test_submitting_again_while_pending_is_a_400(profile, owner):
    assert submit(owner, profile, [png()]).status_code == 201

    again = submit(owner, profile, [pdf()])

    assert again.status_code == 400
    assert "waiting" in again.json()["detail"]
    assert VerificationDocument.objects.count() == 1
    assert len(stored_files()) == 1


def test_only_the_owner_submits(profile):
    other_vendor = client_for(VendorFactory())
    admin = client_for(AdminFactory())

    assert submit(other_vendor, profile, [png()]).status_code == 403
    assert submit(admin, profile, [png()]).status_code == 403
    assert submit(client_for(StudentFactory()), profile, [png()]).status_code == 403


def test_owner_and_admin_read_the_request_others_cannot(profile, owner, api):
    submit(owner, profile, [png()], note="Hello")

    assert owner.get(url(profile)).json()["note"] == "Hello"
    assert client_for(AdminFactory()).get(url(profile)).status_code == 200
    assert client_for(VendorFactory()).get(url(profile)).status_code == 403
    assert api.get(url(profile)).status_code == 401


def test_documents_answer_only_the_owner_and_admins(profile, owner, api):
    document_url = submit(owner, profile, [pdf()]).json()["documents"][0]["url"]

    by_owner = owner.get(document_url)
    by_admin = client_for(AdminFactory()).get(document_url)

    assert by_owner.status_code == 200
    assert b"".join(by_owner.streaming_content) == PDF
    assert by_owner["Content-Type"] == "application/pdf"
    assert "no-store" in by_owner["Cache-Control"]
    assert by_admin.status_code == 200
    for stranger in (api, client_for(StudentFactory()), client_for(VendorFactory())):
        assert stranger.get(document_url).status_code == 404
    wrong_profile = document_url.replace(f"/{profile.pk}/", f"/{profile.pk + 1000}/")
    assert owner.get(wrong_profile).status_code == 404


def test_an_admin_verifies_and_the_vendor_is_notified(profile, owner):
    submit(owner, profile, [png()])
    admin = client_for(AdminFactory())

    response = admin.post(url(profile, "decision/"), {"decision": "verify", "reason": "Checked."})

    assert response.status_code == 200
    assert response.json()["verification_status"] == "verified"
    profile.refresh_from_db()
    assert (profile.verification_status, profile.is_verified) == ("verified", True)
    notification = Notification.objects.get(recipient=profile.user)
    assert notification.kind == "verification"
    assert "verified" in notification.title
    assert owner.get(f"/api/vendor-profiles/{profile.pk}/").json()["is_verified"] is True


def test_rejecting_needs_a_reason_that_the_vendor_reads(profile, owner):
    submit(owner, profile, [png()])
    admin = client_for(AdminFactory())

    without = admin.post(url(profile, "decision/"), {"decision": "reject"})
    rejected = admin.post(url(profile, "decision/"), {"decision": "reject", "reason": "Blurry."})

    assert without.status_code == 400 and "reason" in without.json()
    assert rejected.status_code == 200
    mine = owner.get(f"/api/vendor-profiles/{profile.pk}/").json()
    assert (mine["verification_status"], mine["verification_reason"]) == ("rejected", "Blurry.")
    assert mine["is_verified"] is False
    notification = Notification.objects.get(recipient=profile.user, kind="verification")
    assert "Blurry." in notification.body
    # Rejected: the vendor may try again, and the new documents replace the old.
    assert submit(owner, profile, [pdf()]).status_code == 201
    assert [d["content_type"] for d in owner.get(url(profile)).json()["documents"]] == [
        "application/pdf"
    ]


def test_deciding_twice_notifies_once(profile, owner):
    submit(owner, profile, [png()])
    admin = client_for(AdminFactory())

    first = admin.post(url(profile, "decision/"), {"decision": "verify"})
    second = admin.post(url(profile, "decision/"), {"decision": "verify"})

    assert (first.status_code, second.status_code) == (200, 400)
    assert Notification.objects.filter(kind="verification").count() == 1
    assert submit(owner, profile, [png()]).status_code == 400  # already verified


def test_only_admins_decide(profile, owner):
    assert owner.post(url(profile, "decision/"), {"decision": "verify"}).status_code == 403
    student = client_for(StudentFactory())
    assert student.post(url(profile, "decision/"), {"decision": "verify"}).status_code == 403
    bad = client_for(AdminFactory()).post(url(profile, "decision/"), {"decision": "maybe"})
    assert bad.status_code == 400 and "decision" in bad.json()


def test_the_database_refuses_is_verified_without_the_verified_status(profile):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        VendorProfile.objects.filter(pk=profile.pk).update(is_verified=True)


def test_an_admin_patching_is_verified_is_a_decision(profile):
    admin = client_for(AdminFactory())

    response = admin.patch(f"/api/vendor-profiles/{profile.pk}/", {"is_verified": True})

    assert response.status_code == 200
    assert response.json()["verification_status"] == "verified"
    assert Notification.objects.filter(recipient=profile.user, kind="verification").count() == 1


def test_a_hidden_vendor_still_reads_their_own_profile(profile, owner, api):
    VendorProfile.objects.filter(pk=profile.pk).update(is_active=False)

    mine = owner.get("/api/vendor-profiles/mine/")
    detail = owner.get(f"/api/vendor-profiles/{profile.pk}/")

    assert mine.status_code == 200
    assert (mine.json()["id"], mine.json()["is_active"]) == (profile.pk, False)
    assert detail.status_code == 200 and detail.json()["is_active"] is False
    assert api.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 404


def test_mine_is_a_404_without_a_profile_and_for_vendors_only(api):
    assert client_for(VendorFactory()).get("/api/vendor-profiles/mine/").status_code == 404
    assert client_for(StudentFactory()).get("/api/vendor-profiles/mine/").status_code == 403
    assert api.get("/api/vendor-profiles/mine/").status_code == 401
