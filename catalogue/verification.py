"""Vendor verification: a vendor sends documents, an admin verifies or rejects.

``verification_status`` and ``is_verified`` always change together in one
conditional ``UPDATE`` (a check constraint holds them equal), so the public
read paths can keep filtering on the stored ``is_verified``. The condition
decides races: two submissions, or two decisions, of one profile cannot both
succeed. A decision is announced as ``VerificationDecided``
(``common.domain_events``); the notifications app tells the vendor.

Documents live in private storage (``common.uploads.PrivateStorage``); a new
submission replaces the previous one's files, deleted only after the commit.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalogue.documents import CheckedDocument
from catalogue.models import VendorProfile, VerificationDocument, VerificationStatus
from common.domain_events import publish
from common.exceptions import DomainError, NotFound
from common.public_cache import invalidate_catalogue

ALREADY_PENDING = "Your verification request is already waiting for an administrator's decision."
ALREADY_VERIFIED = "This profile is already verified."
REASON_REQUIRED = "Say why the verification is rejected."
ALREADY_DECIDED = "This profile is already {status}."


class Decision:
    VERIFY = "verify"
    REJECT = "reject"
    CHOICES = [VERIFY, REJECT]


TARGETS = {
    Decision.VERIFY: VerificationStatus.VERIFIED,
    Decision.REJECT: VerificationStatus.REJECTED,
}


@dataclass(frozen=True)
class VerificationDecided:
    """An admin verified or rejected ``profile`` (published in the transaction)."""

    profile: VendorProfile
    actor_id: int | None
    decision: str
    reason: str


def status_columns(status: str, **more) -> dict:
    """The columns one verification change writes: the status and the flag derived from it."""
    return {
        "verification_status": status,
        "is_verified": status == VerificationStatus.VERIFIED,
        "updated_at": timezone.now(),
        **more,
    }


def verification_submit(
    *, profile: VendorProfile, documents: list[CheckedDocument], note: str = ""
) -> VendorProfile:
    """The owner asks to be verified: ``pending``, with these documents in place
    of any earlier ones. Refused (400) while pending or once verified."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            refused = {VerificationStatus.PENDING, VerificationStatus.VERIFIED}
            changed = (
                VendorProfile.objects.filter(pk=profile.pk)
                .exclude(verification_status__in=refused)
                .update(
                    **status_columns(
                        VerificationStatus.PENDING, verification_reason="", verification_note=note
                    )
                )
            )
            if not changed:
                _refuse_submission(profile.pk)
            previous = VerificationDocument.objects.filter(profile_id=profile.pk)
            for name in previous.values_list("file", flat=True):
                transaction.on_commit(lambda name=name: _storage().delete(name), robust=True)
            previous.delete()
            for checked in documents:
                row = VerificationDocument(
                    profile_id=profile.pk, content_type=checked.content_type, size=len(checked.data)
                )
                row.file.save(
                    f"document.{checked.extension}", ContentFile(checked.data), save=False
                )
                stored.append(row.file.name)
                row.save()
            invalidate_catalogue()
    except BaseException:
        for name in stored:
            _storage().delete(name)
        raise
    return VendorProfile.objects.get(pk=profile.pk)


def _storage():
    return VerificationDocument._meta.get_field("file").storage


def _refuse_submission(profile_id: int) -> None:
    status = (
        VendorProfile.objects.filter(pk=profile_id)
        .values_list("verification_status", flat=True)
        .first()
    )
    if status is None:
        raise NotFound()
    if status == VerificationStatus.VERIFIED:
        raise DomainError(ALREADY_VERIFIED)
    raise DomainError(ALREADY_PENDING)


def verification_decide(
    *, profile_id: int, actor, decision: str, reason: str = ""
) -> VendorProfile:
    """An admin's decision on a profile (usually a pending one; an admin may also
    verify one that never asked, or withdraw a verification by rejecting it).
    Deciding what is already so is a 400, so a double click notifies once."""
    reason = (reason or "").strip()
    if decision not in TARGETS:
        raise DomainError(f"Choose one of: {', '.join(Decision.CHOICES)}.", field="decision")
    if decision == Decision.REJECT and not reason:
        raise DomainError(REASON_REQUIRED, field="reason")
    target = TARGETS[decision]
    with transaction.atomic():
        changed = (
            VendorProfile.objects.filter(pk=profile_id)
            .exclude(verification_status=target)
            .update(**status_columns(target, verification_reason=reason))
        )
        profile = VendorProfile.objects.select_related("user").filter(pk=profile_id).first()
        if profile is None:
            raise NotFound()
        if not changed:
            raise DomainError(ALREADY_DECIDED.format(status=target))
        publish(
            VerificationDecided(
                profile=profile,
                actor_id=getattr(actor, "pk", None),
                decision=decision,
                reason=reason,
            )
        )
        invalidate_catalogue()
    return profile


def verification_set_flag(*, profile_id: int, actor, verified: bool) -> None:
    """An admin's ``is_verified`` edit (the profile API's PATCH): a decision
    without a reason. Setting what is already so changes nothing."""
    current = VendorProfile.objects.filter(pk=profile_id).values_list("is_verified", flat=True)
    if current.first() is verified:
        return
    verification_decide(
        profile_id=profile_id,
        actor=actor,
        decision=Decision.VERIFY if verified else Decision.REJECT,
        reason="" if verified else "Verification withdrawn by an administrator.",
    )


def verification_documents(profile: VendorProfile):
    return VerificationDocument.objects.filter(profile=profile)
