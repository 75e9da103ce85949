from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from catalogue.models import Service, ServiceItem
from payments.models import Payment


class OrderStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CONFIRMED = "confirmed", "Confirmed"
    PREPARING = "preparing", "Preparing"
    READY = "ready", "Ready"
    DELIVERING = "delivering", "Delivering"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class Order(models.Model):
    """A student's order from one service. Its lines keep the prices of the
    moment it was placed."""

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="orders")
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders"
    )
    special_instructions = models.TextField(blank=True, default="")
    delivery_address = models.CharField(max_length=500, blank=True, default="")
    order_status = models.CharField(
        max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    # 50 lines x 100 units x the largest item price fit in 14 digits.
    total_amount = models.DecimalField(max_digits=14, decimal_places=2)
    # Null: as soon as possible. Else the start of the pickup slot it holds a place in.
    pickup_at = models.DateTimeField(null=True, blank=True)
    estimated_ready_at = models.DateTimeField(null=True, blank=True)
    # How it is paid (payments). Null for orders placed before payments existed:
    # paid at pickup.
    payment = models.OneToOneField(
        Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="order"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["customer", "-created_at"], name="order_customer_created"),
            models.Index(fields=["service", "-created_at"], name="order_service_created"),
            models.Index(fields=["order_status", "-created_at"], name="order_status_created"),
            models.Index(fields=["-created_at"], name="order_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_amount__gte=0), name="order_total_not_negative"
            ),
        ]

    def __str__(self):
        return f"Order #{self.pk} ({self.order_status})"


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    service_item = models.ForeignKey(
        ServiceItem, on_delete=models.PROTECT, related_name="order_items"
    )
    quantity = models.PositiveIntegerField(default=1)
    # As they were when the order was placed: renames, price changes and
    # deleted options never change a placed order, its receipt or an export.
    item_name = models.CharField(max_length=200, blank=True, default="")
    options = models.JSONField(default=list, blank=True)  # [{group, name, price_delta}]
    # The chosen option ids, sorted and comma-joined ("" for none): one line per
    # item and choice of options.
    options_key = models.CharField(max_length=400, blank=True, default="")
    # Whether placing took this line's quantity from a counted item (orders.stock).
    stock_taken = models.BooleanField(default=False)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
    total_price = models.DecimalField(max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1, quantity__lte=100), name="orderitem_quantity_1_to_100"
            ),
            models.UniqueConstraint(
                fields=["order", "service_item", "options_key"], name="orderitem_item_options_once"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} x {self.service_item_id}"


class OrderEventKind(models.TextChoices):
    PLACED = "placed", "Placed"
    STATUS_CHANGED = "status_changed", "Status changed"
    DETAILS_EDITED = "details_edited", "Details edited"
    # Its online payment was accepted: the vendor sees it (and is told) from now.
    PAID = "paid", "Paid"


class OrderEvent(models.Model):
    """One thing that happened to an order: placed, moved to another status, or
    its instructions/address edited. Written by ``orders.services`` in the
    transaction of the change; the order's ``status_history`` is a view of them.

    ``from_status``/``to_status`` hold the step of a status change (placing is
    ``"" -> pending``) and stay blank for an edit. ``data`` of an edit holds the
    order's status then and each changed field as ``{"from": old, "to": new}``.
    """

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=OrderEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=OrderStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=OrderStatus.choices, blank=True)
    reason = models.TextField(blank=True, default="")
    data = models.JSONField(default=dict, blank=True)
    # A default, not auto_now_add, so the migration from OrderStatusChange keeps
    # the original times.
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["kind", "-created_at"], name="orderevent_kind_created")]

    def __str__(self):
        if self.kind == OrderEventKind.DETAILS_EDITED:
            return f"#{self.order_id} details edited"
        return f"#{self.order_id} {self.from_status or '-'} -> {self.to_status}"
