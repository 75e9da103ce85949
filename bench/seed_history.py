"""A campus's history, seeded after its catalogue (bench/seed.py): orders, reviews
with the service ratings derived from them, capped lunch counters with their
scheduled orders, and a busy booking service with a year of bookings."""

import random
from datetime import datetime, time, timedelta

from django.db import connection

from bench.seed import BATCH, LOCATIONS, Campus, offered_slots, seed_hours, spread_created_at
from bookings.models import Booking, BookingEvent, BookingEventKind, BookingStatus
from catalogue.models import Service, ServiceItem
from orders.models import Order, OrderEvent, OrderEventKind, OrderItem, OrderStatus
from reviews.models import Review
from schedule import selectors as schedule_selectors
from schedule.models import SlotUsage

STATUSES = [OrderStatus.COMPLETED] * 6 + [
    OrderStatus.PENDING,
    OrderStatus.CONFIRMED,
    OrderStatus.PREPARING,
    OrderStatus.CANCELLED,
]
LUNCH = [(d, time(11), time(14, 30)) for d in range(7)]
BARBER_DAY = [(d, time(8), time(20)) for d in range(7)]


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
    spread_created_at(Order, orders[0].pk)
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
    spread_created_at(Review, reviews[0].pk)
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
