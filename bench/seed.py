"""A realistic campus, written with bulk_create in a few seconds per 100,000 rows:
here its people and catalogue, in bench/seed_history.py its orders, reviews and
bookings.

Every user shares one password hash (hashed once with the real hasher), row
timestamps are spread over the past year with one UPDATE per table, and
service ratings are derived from the seeded reviews with one UPDATE ... FROM.
"""

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection

from catalogue.models import AvailabilityStatus, Category, Service, ServiceItem, VendorProfile
from schedule import selectors as schedule_selectors
from schedule.models import Closure, WeeklyPeriod
from users.models import User, UserType

PASSWORD = "campus-bench-password-1"
BATCH = 5000

# What a campus sells, per category: the search benchmark looks for "pizza".
PRODUCTS = {
    Category.FOOD: [
        "Pizza",
        "Jollof Rice",
        "Shawarma",
        "Burger",
        "Noodles",
        "Smoothie",
        "Coffee",
        "Suya",
        "Salad",
        "Pancakes",
        "Fried Rice",
        "Sandwich",
    ],
    Category.BEAUTY: ["Haircut", "Braids", "Manicure", "Makeup", "Barbering", "Facial"],
    Category.PRINTING: ["Printing", "Photocopy", "Binding", "Lamination", "Poster Print"],
    Category.LAUNDRY: ["Laundry", "Dry Cleaning", "Ironing", "Shoe Cleaning"],
    Category.ACADEMIC: ["Maths Tutoring", "Essay Review", "Thesis Formatting", "Coding Lessons"],
    Category.TRANSPORT: ["Campus Shuttle", "Bike Rental", "Airport Ride", "Moving Help"],
    Category.HEALTH: ["Pharmacy", "Physiotherapy", "Eye Test", "Massage"],
    Category.ENTERTAINMENT: ["DJ Service", "Photo Booth", "Event Tickets", "Games Night"],
    Category.GYM: ["Personal Training", "Yoga Class", "Boxing Class", "Gym Pass"],
    Category.OTHER: ["Phone Repair", "Laptop Repair", "Tailoring", "Key Cutting"],
}
ADJECTIVES = [
    "Quick",
    "Campus",
    "Budget",
    "Premium",
    "Late Night",
    "Express",
    "Friendly",
    "Student",
    "Green",
    "Royal",
]
LOCATIONS = [
    "Student Union",
    "Hall 3",
    "Library Annex",
    "Engineering Block",
    "Main Gate",
    "Science Park",
    "Hall 7",
    "Sports Centre",
    "Medical School",
    "Business School",
]
ITEM_SIZES = ["Small", "Regular", "Large", "Family", "Deluxe"]
ALL_PRODUCTS = [product for products in PRODUCTS.values() for product in products]
# Weighted towards ordering: orders need an ordering service.
SERVICE_TYPES = ["ordering", "ordering", "booking", "contact", "walk_in"]


@dataclass
class Campus:
    """Ids the benchmark's request pools are built from."""

    vendor_ids: list[int] = field(default_factory=list)
    busy_vendor_id: int = 0
    student_ids: list[int] = field(default_factory=list)
    reviewer_ids: list[int] = field(default_factory=list)
    admin_id: int = 0
    service_count: int = 0
    # (service id, [available item ids]) of ordering services a student can order from.
    orderable: list[tuple[int, list[int]]] = field(default_factory=list)
    order_count: int = 0
    busy_vendor_orders: int = 0
    review_count: int = 0
    # Capped lunch services (11:00-14:30, a cap per pickup slot): (service id, item ids).
    # Not in ``orderable``: an as-soon-as-possible order there fails outside lunch.
    lunch: list[tuple[int, list[int]]] = field(default_factory=list)
    lunch_orders: int = 0
    # A booking service with many bookings, and others with free seats to book.
    busy_booking_id: int = 0
    busy_bookings: int = 0
    bookable_ids: list[int] = field(default_factory=list)


def spread_created_at(model, first_id: int, days: int = 365) -> None:
    """bulk_create stamps every row with now(); real data spans a year."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {model._meta.db_table} "  # noqa: S608 - a model's own table name
            "SET created_at = now() - random() * make_interval(days => %s) WHERE id >= %s",
            [days, first_id],
        )


def seed_people(rng: random.Random, *, vendors: int, students: int, reviewers: int) -> Campus:
    password = make_password(PASSWORD)
    campus = Campus()

    def people(kind: str, prefix: str, count: int) -> list[User]:
        return [
            User(
                email=f"{prefix}{i}@campus.test",
                password=password,
                user_type=kind,
                first_name=prefix.title(),
                last_name=str(i),
            )
            for i in range(count)
        ]

    vendor_users = User.objects.bulk_create(people(UserType.VENDOR, "vendor", vendors), BATCH)
    student_users = User.objects.bulk_create(people(UserType.STUDENT, "student", students), BATCH)
    reviewer_users = User.objects.bulk_create(
        people(UserType.STUDENT, "reviewer", reviewers), BATCH
    )
    admin = User.objects.create(
        email="admin@campus.test",
        password=password,
        user_type=UserType.ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    profiles = [
        VendorProfile(
            user=user,
            business_name=f"{rng.choice(ADJECTIVES)} Business {i}",
            description="A campus business run by students for students.",
            business_hours="Mon-Fri 08:00-20:00",
            address=rng.choice(LOCATIONS),
            is_verified=rng.random() < 0.7,
        )
        for i, user in enumerate(vendor_users)
    ]
    for profile in profiles:  # the status the flag stands for (a check constraint)
        profile.verification_status = "verified" if profile.is_verified else "unverified"
    VendorProfile.objects.bulk_create(profiles, BATCH)
    campus.vendor_ids = [u.pk for u in vendor_users]
    campus.busy_vendor_id = vendor_users[0].pk
    campus.student_ids = [u.pk for u in student_users]
    campus.reviewer_ids = [u.pk for u in reviewer_users]
    campus.admin_id = admin.pk
    return campus


def _service(rng: random.Random, vendor_id: int, n: int, *, service_type: str | None = None):
    category = rng.choice(list(PRODUCTS))
    product = rng.choice(PRODUCTS[category])
    other = rng.choice(PRODUCTS[rng.choice(list(PRODUCTS))])
    location = rng.choice(LOCATIONS)
    return Service(
        vendor_id=vendor_id,
        service_name=f"{rng.choice(ADJECTIVES)} {product} {n}",
        description=(
            f"{product} near the {location}, by students for students. "
            f"Ask us about {other.lower()} too; open most evenings during term."
        ),
        category=category,
        service_type=service_type or rng.choice(SERVICE_TYPES),
        base_price=Decimal(rng.randint(100, 5000)) / 100,
        is_available=rng.random() < 0.9,
        availability_status=AvailabilityStatus.AVAILABLE,
        location=location,
    )


def seed_services(rng: random.Random, campus: Campus, *, count: int, items_each: int) -> None:
    """``count`` services with ``items_each`` items; the busy vendor owns ten ordering ones."""
    start = campus.service_count
    services = []
    for n in range(start, start + count):
        if n < 10:
            services.append(_service(rng, campus.busy_vendor_id, n, service_type="ordering"))
        else:
            services.append(_service(rng, rng.choice(campus.vendor_ids[1:]), n))
    services = Service.objects.bulk_create(services, BATCH)
    items = [
        ServiceItem(
            service=service,
            name=f"{size} {service.service_name.split(' ', 1)[1]}",
            description="Made to order.",
            price=Decimal(rng.randint(50, 3000)) / 100,
            is_available=rng.random() < 0.95,
        )
        for service in services
        for size in ITEM_SIZES[:items_each]
    ]
    ServiceItem.objects.bulk_create(items, BATCH)
    available: dict[int, list[int]] = {}
    for item in items:
        if item.is_available:
            available.setdefault(item.service_id, []).append(item.pk)
    campus.orderable += [
        (s.pk, available[s.pk])
        for s in services
        if s.service_type == "ordering" and s.is_available and s.pk in available
    ]
    campus.service_count += count
    spread_created_at(Service, services[0].pk)
    seed_hours([s.pk for s in services if s.service_type in ("ordering", "booking")], ALL_WEEK)
    # A few services announce a holiday a month ahead (outside every slot the
    # benchmark books), so lists and slots read real closures.
    Closure.objects.bulk_create(
        [
            Closure(
                service=s,
                starts_on=date.today() + timedelta(days=30),
                ends_on=date.today() + timedelta(days=32),
                reason="Exam break",
            )
            for s in services
            if rng.random() < 0.03
        ],
        BATCH,
    )


def seed_extra_services(
    rng: random.Random, campus: Campus, *, total: int, items_each: int = 2
) -> None:
    """Grow the catalogue to ``total`` services, each with ``items_each`` items
    named after other products, so a search also finds services by their
    items alone (the search index holds the items: catalogue/search.py)."""
    services = [
        _service(rng, rng.choice(campus.vendor_ids[1:]), n)
        for n in range(campus.service_count, total)
    ]
    if services:
        services = Service.objects.bulk_create(services, BATCH)
        ServiceItem.objects.bulk_create(
            [
                ServiceItem(
                    service=service,
                    name=f"{size} {rng.choice(ALL_PRODUCTS)}",
                    description="Made to order.",
                    price=Decimal(rng.randint(50, 3000)) / 100,
                    is_available=rng.random() < 0.95,
                )
                for service in services
                for size in ITEM_SIZES[:items_each]
            ],
            BATCH,
        )
        spread_created_at(Service, services[0].pk)
    campus.service_count = max(total, campus.service_count)


# Open around the clock, every day: two periods a day that touch at noon and
# midnight (one period cannot last 24 hours), so an as-soon-as-possible order
# is accepted at whatever time the benchmark runs.
ALL_WEEK = [(d, time(0), time(12)) for d in range(7)] + [(d, time(12), time(0)) for d in range(7)]


def seed_hours(service_ids: list[int], periods) -> None:
    """Replace the weekly hours of ``service_ids`` with ``periods``."""
    WeeklyPeriod.objects.filter(service_id__in=service_ids).delete()
    WeeklyPeriod.objects.bulk_create(
        [
            WeeklyPeriod(service_id=pk, weekday=d, opens=opens, closes=closes)
            for pk in service_ids
            for d, opens, closes in periods
        ],
        BATCH,
    )


def offered_slots(service_id: int, days: range) -> list[dict]:
    """The slots the API offers now on local dates today + each of ``days``."""
    service = Service.objects.get(pk=service_id)
    today = schedule_selectors.campus_today()
    slots = []
    for offset in days:
        slots += schedule_selectors.service_slots(
            service, local_date=today + timedelta(days=offset)
        )
    return slots
