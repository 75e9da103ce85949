"""A realistic campus, written with bulk_create in a few seconds per 100,000 rows.

Every user shares one password hash (hashed once with the real hasher), row
timestamps are spread over the past year with one UPDATE per table, and
service ratings are derived from the seeded reviews with one UPDATE ... FROM.
"""

import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection

from catalogue.models import AvailabilityStatus, Category, Service, ServiceItem, VendorProfile
from orders.models import Order, OrderEvent, OrderEventKind, OrderItem, OrderStatus
from reviews.models import Review
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
# Weighted towards ordering: orders need an ordering service.
SERVICE_TYPES = ["ordering", "ordering", "booking", "contact", "walk_in"]
STATUSES = [OrderStatus.COMPLETED] * 6 + [
    OrderStatus.PENDING,
    OrderStatus.CONFIRMED,
    OrderStatus.PREPARING,
    OrderStatus.CANCELLED,
]


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


def _spread_created_at(model, first_id: int, days: int = 365) -> None:
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
    VendorProfile.objects.bulk_create(
        [
            VendorProfile(
                user=user,
                business_name=f"{rng.choice(ADJECTIVES)} Business {i}",
                description="A campus business run by students for students.",
                business_hours="Mon-Fri 08:00-20:00",
                address=rng.choice(LOCATIONS),
                is_verified=rng.random() < 0.7,
            )
            for i, user in enumerate(vendor_users)
        ],
        BATCH,
    )
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
    _spread_created_at(Service, services[0].pk)


def seed_extra_services(rng: random.Random, campus: Campus, *, total: int) -> None:
    """Grow the catalogue to ``total`` services, without items (the list does not show them)."""
    services = [
        _service(rng, rng.choice(campus.vendor_ids[1:]), n)
        for n in range(campus.service_count, total)
    ]
    if services:
        services = Service.objects.bulk_create(services, BATCH)
        _spread_created_at(Service, services[0].pk)
    campus.service_count = max(total, campus.service_count)


def seed_orders(rng: random.Random, campus: Campus, *, count: int, busy: int) -> None:
    """``count`` orders with 1-3 lines and their creation record; ``busy`` of them
    for the busy vendor's services."""
    busy_ids = set(
        Service.objects.filter(vendor_id=campus.busy_vendor_id).values_list("id", flat=True)
    )
    busy_services = [o for o in campus.orderable if o[0] in busy_ids]
    others = [o for o in campus.orderable if o[0] not in busy_ids]
    plans = []
    for n in range(count):
        service_id, item_ids = rng.choice(busy_services if n < busy else others)
        lines = rng.sample(item_ids, k=min(len(item_ids), rng.randint(1, 3)))
        plans.append((service_id, rng.choice(campus.student_ids), lines))
    prices = dict(ServiceItem.objects.values_list("id", "price"))
    orders, lines_of = [], []
    for service_id, customer_id, lines in plans:
        quantities = [(item_id, rng.randint(1, 4)) for item_id in lines]
        total = sum(prices[item_id] * qty for item_id, qty in quantities)
        orders.append(
            Order(
                service_id=service_id,
                customer_id=customer_id,
                order_status=rng.choice(STATUSES),
                total_amount=total,
                delivery_address=rng.choice(LOCATIONS),
            )
        )
        lines_of.append(quantities)
    orders = Order.objects.bulk_create(orders, BATCH)
    OrderItem.objects.bulk_create(
        [
            OrderItem(
                order=order,
                service_item_id=item_id,
                quantity=qty,
                unit_price=prices[item_id],
                total_price=prices[item_id] * qty,
            )
            for order, quantities in zip(orders, lines_of, strict=True)
            for item_id, qty in quantities
        ],
        BATCH,
    )
    OrderEvent.objects.bulk_create(
        [
            OrderEvent(
                order=order,
                kind=OrderEventKind.PLACED,
                to_status=OrderStatus.PENDING,
                actor_id=order.customer_id,
            )
            for order in orders
        ],
        BATCH,
    )
    _spread_created_at(Order, orders[0].pk)
    campus.order_count += count
    campus.busy_vendor_orders += min(busy, count)


def seed_reviews(rng: random.Random, campus: Campus, *, count: int) -> None:
    """``count`` reviews of distinct (service, student) pairs, then every service's
    rating and total_ratings from them in one statement."""
    service_ids = list(Service.objects.values_list("id", flat=True))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        pairs.add((rng.choice(service_ids), rng.choice(campus.student_ids)))
    comments = [
        "Great value.",
        "Quick and friendly.",
        "Could be warmer.",
        "Would order again.",
        "A bit slow at lunch time.",
        "",
    ]
    reviews = Review.objects.bulk_create(
        [
            Review(
                service_id=service_id,
                user_id=user_id,
                rating=rng.choice([3, 4, 4, 5, 5, 2, 1]),
                comment=rng.choice(comments),
            )
            for service_id, user_id in pairs
        ],
        BATCH,
    )
    _spread_created_at(Review, reviews[0].pk)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {Service._meta.db_table} AS s
            SET rating = round(agg.average, 2), total_ratings = agg.total
            FROM (
                SELECT service_id, avg(rating) AS average, count(*) AS total
                FROM {Review._meta.db_table} GROUP BY service_id
            ) AS agg
            WHERE s.id = agg.service_id
            """  # noqa: S608 - the models' own table names
        )
    campus.review_count += count
