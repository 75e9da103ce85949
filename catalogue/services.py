"""Catalogue writes: vendor profiles, services, items and their image files.

Every write runs in a transaction, makes cached public reads stale
(``invalidate_catalogue``) and looks after the files it touches: a replaced
or orphaned image is deleted only after the transaction commits, so a
rollback never leaves a row pointing at a missing file; a newly stored file
whose row could not be saved is deleted at once.

Files go through Django's storage API (``FieldFile.storage``), so the same
code works with the local disk and with an S3-compatible object store.
"""

from django.db import IntegrityError, models, transaction

from catalogue.locks import lock_current
from catalogue.models import AvailabilityStatus, Service, ServiceItem, VendorProfile
from catalogue.selectors import vendor_hidden_reason
from catalogue.verification import verification_set_flag
from common.exceptions import DomainError, Forbidden, NotFound
from common.images import delete_variants, store_variants
from common.public_cache import invalidate_catalogue

DUPLICATE_PROFILE = "You already have a vendor profile."
DUPLICATE_ITEM_NAME = "This service already has an item with this name."
PROFILE_DEACTIVATED = (
    "Your vendor profile was deactivated by an administrator; only an administrator "
    "can reactivate it, and it can be neither deleted nor replaced meanwhile."
)
SERVICE_REMOVED = "This service has been removed; it can no longer be ordered, booked or reviewed."
VENDOR_HIDDEN = (
    "This service's vendor is suspended by the campus administration; "
    "their services cannot be ordered, booked or reviewed."
)
VENDOR_UNVERIFIED = (
    "This service's vendor is not verified yet; "
    "their services cannot be ordered, booked or reviewed until they are."
)
GONE = "Not found."
# Statuses under which a service still takes orders (the contract: busy does).
TAKES_ORDERS = {AvailabilityStatus.AVAILABLE, AvailabilityStatus.BUSY}


def ensure_service_open_to_customers(*, service: Service) -> None:
    """Refuse (400, saying why) any customer action on ``service``: ordering,
    booking, reviewing. It must not be deleted and its vendor not hidden
    (account or profile deactivated; see ``selectors.hidden_vendor_q``).

    Reads the vendor's state from the database now, not from ``service``'s
    possibly stale relations, unless the service row was just read with it
    (``lock_service(with_vendor=True)`` sets ``vendor_hidden``, a
    ``selectors.vendor_hidden_reason``). Call it
    inside the writing transaction.
    """
    if not service.is_active:
        raise DomainError(SERVICE_REMOVED, field="service")
    hidden = service.__dict__.get("vendor_hidden", False)
    if hidden is False:
        current = (
            Service.objects.select_related("vendor", "vendor__vendor_profile")
            .filter(pk=service.pk)
            .first()
        )
        hidden = vendor_hidden_reason(current.vendor) if current is not None else None
    if hidden == "suspended":
        raise DomainError(VENDOR_HIDDEN, field="service")
    if hidden:
        raise DomainError(VENDOR_UNVERIFIED, field="service")


def _locked(instance: models.Model) -> models.Model:
    """The row as committed now, locked (``catalogue.locks.lock_current``)."""
    fresh = lock_current(instance)
    if fresh is None:  # deleted by a racing request
        raise NotFound(GONE)
    return fresh


def _file_fields(instance: models.Model) -> list[str]:
    return [f.name for f in instance._meta.concrete_fields if isinstance(f, models.FileField)]


def _stored_files(instance: models.Model) -> list[tuple]:
    """(storage, name) of every file the row points at."""
    stored = []
    for field_name in _file_fields(instance):
        field_file = getattr(instance, field_name)
        if field_file:
            stored.append((field_file.storage, field_file.name))
    return stored


def _delete_with_variants(storage, name: str) -> None:
    storage.delete(name)
    delete_variants(storage, name)


def _delete_files_on_commit(files: list[tuple]) -> None:
    for storage, name in files:
        # Robust: the change committed, so a storage outage only leaves an orphan file
        # (logged), never a 500 for a write that succeeded.
        transaction.on_commit(
            lambda storage=storage, name=name: _delete_with_variants(storage, name), robust=True
        )


def _store_variants_on_commit(files: list[tuple]) -> None:
    """Resized WebP copies of new uploads (common.images), made once here.
    The media view never makes them (a request must not cost a decode), so
    if the storage fails meanwhile they stay missing (404) and the client
    shows the original (logged by the robust callback)."""
    for storage, name in files:
        transaction.on_commit(
            lambda storage=storage, name=name: store_variants(storage, name), robust=True
        )


def save_with_files(instance: models.Model, *, previous: list[tuple] = ()) -> None:
    """Save ``instance``; delete the files in ``previous`` it no longer uses
    after commit, and any file stored by this save if the save fails.

    The admin calls this too, so its uploads follow the same file rules.
    """
    uploading = [
        name
        for name in _file_fields(instance)
        if getattr(instance, name) and not getattr(instance, name)._committed
    ]
    try:
        with transaction.atomic():
            instance.save()
    except Exception:
        for name in uploading:
            field_file = getattr(instance, name)
            if field_file._committed:
                field_file.storage.delete(field_file.name)
        raise
    kept = {name for _, name in _stored_files(instance)}
    _delete_files_on_commit([(storage, name) for storage, name in previous if name not in kept])
    _store_variants_on_commit(
        [(getattr(instance, name).storage, getattr(instance, name).name) for name in uploading]
    )
    invalidate_catalogue()


@transaction.atomic
def save_from_admin(*, instance: models.Model) -> None:
    """Save a row edited in the Django admin under the same file and cache rules."""
    stored = (
        type(instance).objects.select_for_update().filter(pk=instance.pk).first()
        if instance.pk
        else None
    )
    save_with_files(instance, previous=_stored_files(stored) if stored else [])


def _apply(instance: models.Model, data: dict) -> list[tuple]:
    """Set ``data`` on ``instance``; return the files it pointed at before."""
    previous = _stored_files(instance)
    for field, value in data.items():
        setattr(instance, field, value)
    return previous


def destroy_with_files(instance: models.Model) -> None:
    """Delete the row, and its files once the deletion has committed."""
    files = _stored_files(instance)
    instance.delete()
    _delete_files_on_commit(files)
    invalidate_catalogue()


# --- Vendor profiles ---------------------------------------------------------------


@transaction.atomic
def vendor_profile_create(*, user, **data) -> VendorProfile:
    """The caller's own profile; a vendor has at most one (a database constraint).
    A deactivated one stays theirs until an admin acts: no fresh start (403)."""
    existing = VendorProfile.objects.filter(user=user).first()
    if existing is not None and not existing.is_active:
        raise Forbidden(PROFILE_DEACTIVATED)
    if existing is not None:
        raise DomainError(DUPLICATE_PROFILE)
    profile = VendorProfile(user=user, **data)
    try:
        save_with_files(profile)
    except IntegrityError as exc:  # a racing second create lost to the constraint
        raise DomainError(DUPLICATE_PROFILE) from exc
    return profile


@transaction.atomic
def vendor_profile_update(*, profile: VendorProfile, data: dict, actor=None) -> VendorProfile:
    """Change a profile. ``is_verified`` (admins only, the API decides) is a
    verification decision (``catalogue.verification``), made first."""
    data = dict(data)
    if "is_verified" in data:
        verification_set_flag(profile_id=profile.pk, actor=actor, verified=data.pop("is_verified"))
    profile = _locked(profile)
    save_with_files(profile, previous=_apply(profile, data))
    return profile


@transaction.atomic
def vendor_profile_delete(*, profile: VendorProfile) -> None:
    """Delete a profile with its logo, unless an admin deactivated it: deleting
    it would unhide the vendor (a vendor without a profile is visible), so the
    ban would be lifted by the banned. The lock orders this against a racing
    deactivation."""
    profile = _locked(profile)
    if not profile.is_active:
        raise Forbidden(PROFILE_DEACTIVATED)
    destroy_with_files(profile)


@transaction.atomic
def vendor_profiles_set_status(*, profiles, **flags) -> int:
    """(De)activate many profiles at once (admin actions). Not for
    ``is_verified``: verification changes through ``catalogue.verification``,
    which keeps the status beside it (a check constraint refuses otherwise).

    A deactivated profile hides its vendor's services from the public list.
    """
    updated = profiles.update(**flags)
    invalidate_catalogue()
    return updated


# --- Services ------------------------------------------------------------------------


@transaction.atomic
def service_create(*, vendor, **data) -> Service:
    """A new service; its vendor is always ``vendor``, whatever the request said."""
    service = Service(**data, vendor=vendor)
    save_with_files(service)
    return service


@transaction.atomic
def service_update(*, service: Service, data: dict) -> Service:
    """Change a service; a new image replaces the old file after commit."""
    service = _locked(service)
    save_with_files(service, previous=_apply(service, data))
    return service


@transaction.atomic
def service_set_availability(
    *, service: Service, is_available: bool | None = None, availability_status: str | None = None
) -> Service:
    """Explicit values win; a value not sent follows the one that was:
    ``available`` and ``busy`` take orders (busy only means a longer wait),
    ``unavailable`` and ``closed`` do not; ``is_available`` alone sets the
    status to ``available``/``unavailable``."""
    if is_available is None:
        is_available = availability_status in TAKES_ORDERS
    if availability_status is None:
        availability_status = (
            AvailabilityStatus.AVAILABLE if is_available else AvailabilityStatus.UNAVAILABLE
        )
    service = _locked(service)
    service.is_available = is_available
    service.availability_status = availability_status
    service.save(update_fields=["is_available", "availability_status", "updated_at"])
    invalidate_catalogue()
    return service


@transaction.atomic
def service_delete(*, service: Service) -> bool:
    """Destroy a service with its files, or deactivate it when orders point
    at it (they keep their history and its images). True if destroyed.

    The row lock makes a racing order wait, then fail on the deleted row,
    instead of slipping in between the check and the delete (catalogue.locks).
    """
    service = _locked(service)
    ordered = service.orders.exists() or service.items.filter(order_items__isnull=False).exists()
    if not ordered:
        # Items locked too: a racing item image replacement finishes first, so
        # the files collected here are the ones the rows finally point at.
        item_files = [
            file for item in service.items.select_for_update() for file in _stored_files(item)
        ]
        try:
            with transaction.atomic():
                destroy_with_files(service)
                _delete_files_on_commit(item_files)
            return True
        except models.ProtectedError:
            # Rows of a higher domain (bookings) keep it, as orders do.
            pass
    service.is_active = False
    service.is_available = False
    service.save(update_fields=["is_active", "is_available", "updated_at"])
    invalidate_catalogue()
    return False


# --- Service items --------------------------------------------------------------------


def _check_item_name_free(service_id: int, name: str, *, exclude_pk=None) -> None:
    taken = ServiceItem.objects.filter(service_id=service_id, name=name, is_active=True)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise DomainError(DUPLICATE_ITEM_NAME, field="name")


def _save_item(item: ServiceItem, *, previous: list[tuple] = ()) -> None:
    try:
        save_with_files(item, previous=previous)
    except IntegrityError as exc:  # a racing request took the name first
        raise DomainError(DUPLICATE_ITEM_NAME, field="name") from exc


@transaction.atomic
def service_item_create(*, service: Service, **data) -> ServiceItem:
    # Locked so a racing deletion of the service either waits for this item
    # (and keeps the service if it was ordered) or wins and this is a 404,
    # never a foreign-key violation at commit.
    service = _locked(service)
    _check_item_name_free(service.pk, data["name"])
    item = ServiceItem(service=service, **data)
    _save_item(item)
    return item


@transaction.atomic
def service_item_update(*, item: ServiceItem, data: dict) -> ServiceItem:
    item = _locked(item)
    if "name" in data:
        _check_item_name_free(item.service_id, data["name"], exclude_pk=item.pk)
    _save_item(item, previous=_apply(item, data))
    return item


@transaction.atomic
def service_item_delete(*, item: ServiceItem) -> bool:
    """Destroy an item with its image, or deactivate it when order lines
    point at it (its name becomes free for a new item). True if destroyed."""
    item = _locked(item)
    if not item.order_items.exists():
        try:
            with transaction.atomic():
                destroy_with_files(item)
            return True
        except models.ProtectedError:
            # Rows of a higher domain (bookings) keep it, as order lines do.
            pass
    item.is_active = False
    item.is_available = False
    item.save(update_fields=["is_active", "is_available", "updated_at"])
    invalidate_catalogue()
    return False
