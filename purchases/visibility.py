"""Who sees which purchases, one rule per role for orders and bookings alike:
an admin all, a vendor those of their services (once paid, when paid
online), a student their own, anyone else none. Others' purchases are then
simply not found (404), their existence not leaked."""

from django.db.models import Q, QuerySet

from catalogue.models import Service

from .kinds import PurchaseKind

# A purchase waiting for its online payment is its customer's alone (payments).
VISIBLE_TO_VENDOR = Q(payment__isnull=True) | Q(payment__visible_to_vendor=True)


def visible_to(kind: PurchaseKind, user) -> QuerySet:
    purchases = kind.model.objects.all()
    if not user.is_authenticated:
        return purchases.none()
    if user.is_admin_type:
        return purchases
    if user.is_vendor:
        # The vendor's service ids as a list, not a join: PostgreSQL then walks
        # the (service, created_at/start) index instead of scanning every row.
        service_ids = list(Service.objects.filter(vendor=user).values_list("id", flat=True))
        return purchases.filter(service_id__in=service_ids).filter(VISIBLE_TO_VENDOR)
    if user.is_student:
        return purchases.filter(customer=user)
    return purchases.none()
