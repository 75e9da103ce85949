from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from common.payment_methods import default_payment_methods
from common.uploads import RandomFileName, private_storage


class Category(models.TextChoices):
    FOOD = "food", "Food"
    BEAUTY = "beauty", "Beauty"
    PRINTING = "printing", "Printing"
    LAUNDRY = "laundry", "Laundry"
    ACADEMIC = "academic", "Academic"
    TRANSPORT = "transport", "Transport"
    HEALTH = "health", "Health"
    ENTERTAINMENT = "entertainment", "Entertainment"
    GYM = "gym", "Gym"
    OTHER = "other", "Other"


class ServiceType(models.TextChoices):
    BOOKING = "booking", "Booking"
    ORDERING = "ordering", "Ordering"
    CONTACT = "contact", "Contact"
    WALK_IN = "walk_in", "Walk-in"


class AvailabilityStatus(models.TextChoices):
    AVAILABLE = "available", "Available"
    BUSY = "busy", "Busy"
    UNAVAILABLE = "unavailable", "Unavailable"
    CLOSED = "closed", "Closed"


PICKUP_SLOT_MINUTES = [5, 10, 15, 20, 30, 60]


def _between(low: int, high: int) -> list:
    return [MinValueValidator(low), MaxValueValidator(high)]


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    PENDING = "pending", "Pending"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class VendorProfile(models.Model):
    """A vendor's business: one per vendor user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vendor_profile"
    )
    business_name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    business_hours = models.TextField(blank=True, default="")
    address = models.CharField(max_length=500, blank=True, default="")
    phone = models.CharField(max_length=20, blank=True, default="")
    email = models.EmailField(blank=True, default="")
    website = models.URLField(blank=True, default="")
    logo = models.ImageField(upload_to=RandomFileName("vendor_logos"), blank=True, null=True)
    # Stored (the public read paths filter on it) and true exactly when
    # verification_status is "verified": a check constraint holds the two together,
    # and catalogue.verification writes both in one UPDATE.
    is_verified = models.BooleanField(default=False)
    verification_status = models.CharField(
        max_length=20, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED
    )
    # The admin's reason for the last decision; shown to the owner and admins only.
    verification_reason = models.TextField(blank=True, default="")
    # The vendor's note with their last submission.
    verification_note = models.TextField(blank=True, default="")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["business_name", "id"]
        indexes = [
            models.Index(fields=["is_active", "is_verified"], name="vendorprofile_active_verif"),
            models.Index(fields=["verification_status"], name="vendorprofile_verif_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_verified=True, verification_status=VerificationStatus.VERIFIED)
                | (Q(is_verified=False) & ~Q(verification_status=VerificationStatus.VERIFIED)),
                name="vendorprofile_is_verified_iff_verified",
            )
        ]

    def __str__(self):
        return self.business_name


class Service(models.Model):
    """Something a vendor offers. ``is_active=False`` means deleted by its vendor
    but kept because orders point at it."""

    vendor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="services"
    )
    service_name = models.CharField(max_length=200)
    description = models.TextField()
    category = models.CharField(max_length=20, choices=Category.choices)
    service_type = models.CharField(max_length=20, choices=ServiceType.choices)
    base_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    has_flexible_pricing = models.BooleanField(default=False)
    is_available = models.BooleanField(default=True)
    availability_status = models.CharField(
        max_length=20, choices=AvailabilityStatus.choices, default=AvailabilityStatus.AVAILABLE
    )
    contact_info = models.TextField(blank=True, default="")
    location = models.CharField(max_length=500, blank=True, default="")
    images = models.ImageField(upload_to=RandomFileName("service_images"), blank=True, null=True)
    # Kept equal to the average and count of the service's reviews by
    # reviews.services, in the same transaction as each review change.
    rating = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    total_ratings = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Ordering services: pickup times and ready estimates (schedule app).
    prep_minutes = models.PositiveSmallIntegerField(default=15, validators=_between(1, 240))
    orders_in_parallel = models.PositiveSmallIntegerField(default=2, validators=_between(1, 50))
    pickup_slot_minutes = models.PositiveSmallIntegerField(
        default=15, choices=[(m, f"{m} minutes") for m in PICKUP_SLOT_MINUTES]
    )
    orders_per_slot = models.PositiveIntegerField(
        null=True, blank=True, validators=_between(1, 500), help_text="Empty: no limit."
    )
    # Booking services: appointment slots.
    slot_minutes = models.PositiveSmallIntegerField(default=30, validators=_between(5, 480))
    seats_per_slot = models.PositiveSmallIntegerField(default=1, validators=_between(1, 100))
    min_notice_minutes = models.PositiveIntegerField(default=60, validators=_between(0, 10080))
    max_days_ahead = models.PositiveSmallIntegerField(default=14, validators=_between(1, 90))
    cancel_notice_minutes = models.PositiveIntegerField(default=120, validators=_between(0, 10080))
    # Which of common.payment_methods.PAYMENT_METHODS the service accepts (non-empty).
    payment_methods = models.JSONField(default=default_payment_methods)
    # A vendor's pause of as-soon-as-possible orders; over once the time passes.
    paused_until = models.DateTimeField(null=True, blank=True)
    pause_reason = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["category", "-created_at"], name="service_category_created"),
            models.Index(fields=["service_type", "-created_at"], name="service_type_created"),
            models.Index(fields=["vendor", "-created_at"], name="service_vendor_created"),
            models.Index(fields=["is_active", "-created_at"], name="service_active_created"),
            models.Index(fields=["base_price"], name="service_base_price"),
            models.Index(fields=["rating"], name="service_rating"),
            models.Index(fields=["is_available"], name="service_is_available"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(base_price__isnull=True) | Q(base_price__gte=0),
                name="service_base_price_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="service_rating_between_1_and_5",
            ),
            models.CheckConstraint(
                condition=Q(prep_minutes__gte=1, prep_minutes__lte=240),
                name="service_prep_minutes_1_to_240",
            ),
            models.CheckConstraint(
                condition=Q(orders_in_parallel__gte=1, orders_in_parallel__lte=50),
                name="service_orders_in_parallel_1_to_50",
            ),
            models.CheckConstraint(
                condition=Q(pickup_slot_minutes__in=PICKUP_SLOT_MINUTES),
                name="service_pickup_slot_minutes_allowed",
            ),
            models.CheckConstraint(
                condition=Q(orders_per_slot__isnull=True)
                | Q(orders_per_slot__gte=1, orders_per_slot__lte=500),
                name="service_orders_per_slot_1_to_500",
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5, slot_minutes__lte=480),
                name="service_slot_minutes_5_to_480",
            ),
            models.CheckConstraint(
                condition=Q(seats_per_slot__gte=1, seats_per_slot__lte=100),
                name="service_seats_per_slot_1_to_100",
            ),
            models.CheckConstraint(
                condition=Q(min_notice_minutes__gte=0, min_notice_minutes__lte=10080),
                name="service_min_notice_0_to_10080",
            ),
            models.CheckConstraint(
                condition=Q(max_days_ahead__gte=1, max_days_ahead__lte=90),
                name="service_max_days_ahead_1_to_90",
            ),
            models.CheckConstraint(
                condition=Q(cancel_notice_minutes__gte=0, cancel_notice_minutes__lte=10080),
                name="service_cancel_notice_0_to_10080",
            ),
        ]

    def __str__(self):
        return self.service_name

    # What each service type lets a student do; derived, never stored.
    @property
    def supports_booking(self) -> bool:
        return self.service_type == ServiceType.BOOKING

    @property
    def supports_ordering(self) -> bool:
        return self.service_type == ServiceType.ORDERING

    @property
    def supports_walk_in(self) -> bool:
        return self.service_type == ServiceType.WALK_IN

    @property
    def requires_contact(self) -> bool:
        return self.service_type == ServiceType.CONTACT


class ServiceItem(models.Model):
    """A priced thing within a service. ``is_active=False`` means deleted by
    its vendor but kept because order lines point at it."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    price = models.DecimalField(max_digits=10, decimal_places=2)
    image = models.ImageField(
        upload_to=RandomFileName("service_item_images"), blank=True, null=True
    )
    is_available = models.BooleanField(default=True)
    is_active = models.BooleanField(default=True)
    # Units left; null: not counted. Taken by placements and given back by
    # cancellations (orders.stock), set by the owning vendor.
    stock = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            # A deleted (deactivated) item frees its name for a new one.
            models.UniqueConstraint(
                fields=["service", "name"],
                condition=Q(is_active=True),
                name="serviceitem_unique_name_per_service",
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0), name="serviceitem_price_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(stock__isnull=True) | Q(stock__gte=0),
                name="serviceitem_stock_not_negative",
            ),
        ]

    def __str__(self):
        return self.name


class OptionGroup(models.Model):
    """A choice made when ordering an item (a size, extras): between
    ``min_choices`` and ``max_choices`` of its options. Order lines copy what
    was chosen, so changing or deleting a group never alters placed orders."""

    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="option_groups")
    name = models.CharField(max_length=100)
    min_choices = models.PositiveSmallIntegerField(default=0)
    max_choices = models.PositiveSmallIntegerField(default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "name"], name="optiongroup_unique_name"),
            models.CheckConstraint(
                condition=Q(max_choices__gte=1, min_choices__lte=F("max_choices")),
                name="optiongroup_choices_in_range",
            ),
        ]

    def __str__(self):
        return self.name


class Option(models.Model):
    group = models.ForeignKey(OptionGroup, on_delete=models.CASCADE, related_name="options")
    name = models.CharField(max_length=100)
    price_delta = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    is_available = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "name"], name="option_unique_name"),
            models.CheckConstraint(
                condition=Q(price_delta__gte=0), name="option_price_delta_not_negative"
            ),
        ]

    def __str__(self):
        return self.name


class VerificationDocument(models.Model):
    """A file a vendor sent to prove their business, kept in private storage
    (``PRIVATE_MEDIA_ROOT``) and served only to its owner and admins."""

    profile = models.ForeignKey(
        VendorProfile, on_delete=models.CASCADE, related_name="verification_documents"
    )
    file = models.FileField(
        storage=private_storage, upload_to=RandomFileName("verification"), max_length=200
    )
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"document {self.pk} of profile {self.profile_id}"


class VerificationRequest(VendorProfile):
    """The admin's verification queue: vendor profiles seen by their request."""

    class Meta:
        proxy = True
        verbose_name = "verification request"
