"""A realistic campus, written with bulk_create in a few seconds per 100,000 rows.

Every user shares one password hash (hashed once with the real hasher), row
timestamps are spread over the past year with one UPDATE per table, and
service ratings are derived from the seeded reviews with one UPDATE ... FROM.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection

from bookings.models import Booking, BookingEvent, BookingEventKind, BookingStatus
from catalogue.models import AvailabilityStatus, Category, Service, ServiceItem, VendorProfile
from orders.models import Order, OrderEvent, OrderEventKind, OrderItem, OrderStatus
from reviews.models import Review
from schedule import selectors as schedule_selectors
from schedule.models import Closure, SlotUsage, WeeklyPeriod
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
    # Capped lunch services (11:00-14:30, a cap per pickup slot): (service id, item ids).
    # Not in ``orderable``: an as-soon-as-possible order there fails outside lunch.
    lunch: list[tuple[int, list[int]]] = field(default_factory=list)
    lunch_orders: int = 0
    # A booking service with many bookings, and others with free seats to book.
    busy_booking_id: int = 0
    busy_bookings: int = 0
    bookable_ids: list[int] = field(default_factory=list)


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
    _spread_created_at(Service, services[0].pk)
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


# Open around the clock, every day: two periods a day that touch at noon and
# midnight (one period cannot last 24 hours), so an as-soon-as-possible order
# is accepted at whatever time the benchmark runs.
ALL_WEEK = [(d, time(0), time(12)) for d in range(7)] + [(d, time(12), time(0)) for d in range(7)]
LUNCH = [(d, time(11), time(14, 30)) for d in range(7)]
BARBER_DAY = [(d, time(8), time(20)) for d in range(7)]


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


def seed_lunch(rng: random.Random, campus: Campus, *, services: int, cap: int) -> None:
    """``services`` ordering services become capped lunch counters (11:00-14:30,
    10-minute pickup slots, ``cap`` orders each), with scheduled orders already
    taking a random part of each slot of the coming days."""
    busy_ids = set(
        Service.objects.filter(vendor_id=campus.busy_vendor_id).values_list("id", flat=True)
    )
    candidates = [o for o in campus.orderable if o[0] not in busy_ids]
    campus.lunch = rng.sample(candidates, k=min(services, len(candidates) - 1))
    lunch_ids = [pk for pk, _ in campus.lunch]
    campus.orderable = [o for o in campus.orderable if o[0] not in set(lunch_ids)]
    Service.objects.filter(pk__in=lunch_ids).update(
        pickup_slot_minutes=10, orders_per_slot=cap, prep_minutes=10, orders_in_parallel=3
    )
    seed_hours(lunch_ids, LUNCH)
    prices = dict(ServiceItem.objects.filter(service_id__in=lunch_ids).values_list("id", "price"))
    orders, lines, usages = [], [], []
    for service_id, item_ids in campus.lunch:
        for slot in offered_slots(service_id, range(1, 7)):
            taken = rng.randint(0, cap // 2)
            if taken:
                usages.append(
                    SlotUsage(service_id=service_id, start=slot["start"], end=slot["end"],
                              taken=taken)
                )  # fmt: skip
            for _ in range(taken):
                item_id = rng.choice(item_ids)
                qty = rng.randint(1, 2)
                orders.append(
                    Order(
                        service_id=service_id,
                        customer_id=rng.choice(campus.student_ids),
                        order_status=rng.choice([OrderStatus.PENDING, OrderStatus.CONFIRMED]),
                        total_amount=prices[item_id] * qty,
                        delivery_address="Pickup",
                        pickup_at=slot["start"],
                        estimated_ready_at=slot["start"],
                    )
                )
                lines.append((item_id, qty))
    SlotUsage.objects.bulk_create(usages, BATCH)
    orders = Order.objects.bulk_create(orders, BATCH)
    OrderItem.objects.bulk_create(
        [
            OrderItem(order=o, service_item_id=item_id, quantity=qty, unit_price=prices[item_id],
                      total_price=prices[item_id] * qty)
            for o, (item_id, qty) in zip(orders, lines, strict=True)
        ],
        BATCH,
    )  # fmt: skip
    OrderEvent.objects.bulk_create(
        [
            OrderEvent(order=o, kind=OrderEventKind.PLACED, to_status=OrderStatus.PENDING,
                       actor_id=o.customer_id)
            for o in orders
        ],
        BATCH,
    )  # fmt: skip
    campus.lunch_orders = len(orders)
    campus.order_count += len(orders)


def seed_bookings(
    rng: random.Random, campus: Campus, *, past: int, seats: int, bookable: int
) -> None:
    """A busy booking service (a barber: 08:00-20:00, 30-minute slots, ``seats``
    chairs) with ``past`` bookings over the past year and most seats of the
    next two weeks taken; and ``bookable`` booking services open around the
    clock whose seats are free, for booking creation."""
    candidates = list(
        Service.objects.filter(service_type="booking", is_available=True)
        .exclude(vendor_id=campus.busy_vendor_id)
        .order_by("id")
        .values_list("id", flat=True)[: bookable + 1]
    )
    campus.busy_booking_id, campus.bookable_ids = candidates[0], candidates[1:]
    Service.objects.filter(pk=campus.busy_booking_id).update(
        slot_minutes=30, seats_per_slot=seats, min_notice_minutes=60, max_days_ahead=14
    )
    seed_hours([campus.busy_booking_id], BARBER_DAY)
    Service.objects.filter(pk__in=campus.bookable_ids).update(
        slot_minutes=30, seats_per_slot=5, min_notice_minutes=60, max_days_ahead=14
    )
    busy = campus.busy_booking_id
    bookings = []
    half_hours = list(range(16, 40))  # 08:00 to 19:30 local
    tz = schedule_selectors.campus_tz()
    today = schedule_selectors.campus_today()
    past_status = [BookingStatus.COMPLETED] * 8 + [BookingStatus.NO_SHOW, BookingStatus.CANCELLED]

    for _ in range(past):
        day = today - timedelta(days=rng.randint(1, 365))
        start = datetime.combine(day, time(0), tzinfo=tz) + timedelta(
            minutes=30 * rng.choice(half_hours)
        )
        bookings.append(
            Booking(service_id=busy, customer_id=rng.choice(campus.student_ids), start=start,
                    end=start + timedelta(minutes=30), booking_status=rng.choice(past_status))
        )  # fmt: skip
    usages = []
    for slot in offered_slots(busy, range(0, 15)):
        taken = rng.choice([seats, seats, seats - 1, rng.randint(0, seats)])
        if taken:
            usages.append(
                SlotUsage(service_id=busy, start=slot["start"], end=slot["end"], taken=taken)
            )
        for customer in rng.sample(campus.student_ids, k=taken):
            bookings.append(
                Booking(service_id=busy, customer_id=customer, start=slot["start"],
                        end=slot["end"], booking_status=BookingStatus.CONFIRMED)
            )  # fmt: skip
    SlotUsage.objects.bulk_create(usages, BATCH)
    bookings = Booking.objects.bulk_create(bookings, BATCH)
    BookingEvent.objects.bulk_create(
        [
            BookingEvent(booking=b, kind=BookingEventKind.MADE,
                         to_status=BookingStatus.CONFIRMED, actor_id=b.customer_id)
            for b in bookings
        ],
        BATCH,
    )  # fmt: skip
    campus.busy_bookings = len(bookings)
