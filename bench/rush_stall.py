"""The lunch rush's stall: one vendor, one ordering service open around the
clock with capped 10-minute pickup slots and online payment, a menu whose
items have option groups, two of them counted so that they sell out during
the rush, and the students who queue at it."""

import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password

from bench import seed
from catalogue.models import Category, Option, OptionGroup, Service, ServiceItem, VendorProfile
from users.models import User, UserType

# (name, price, share of the students who want it, counted stock as a share of the students)
MENU = [
    ("Jollof Rice", "25.00", 0.30, None),
    ("Waakye", "20.00", 0.20, None),
    ("Fried Rice", "28.00", 0.20, 0.12),
    ("Banku and Tilapia", "45.00", 0.20, 0.08),
    ("Sobolo", "6.00", 0.10, None),
]
SIZES = [("Regular", "0.00"), ("Large", "6.50")]
EXTRAS = [("Egg", "3.00"), ("Chicken", "12.00"), ("Plantain", "5.00"), ("Shito", "1.00")]


@dataclass
class MenuItem:
    id: int
    name: str
    share: float
    stock: int | None
    sizes: list[int]  # option ids of the required "Size" group (exactly one)
    extras: list[int]  # option ids of the optional "Extras" group (0 to 3)


@dataclass
class Stall:
    service_id: int
    vendor_id: int
    student_ids: list[int]
    cap: int  # orders per pickup slot
    prep_minutes: int
    slot_minutes: int
    items: list[MenuItem] = field(default_factory=list)

    @property
    def initial_stock(self) -> dict[int, int]:
        return {item.id: item.stock for item in self.items if item.stock is not None}


def seed_stall(rng: random.Random, *, students: int, cap: int) -> Stall:
    """The campus of the rush: ``students`` students, one vendor and its stall."""
    campus = seed.seed_people(rng, vendors=1, students=students, reviewers=0)
    return open_stall(
        campus.busy_vendor_id, campus.student_ids, cap=cap, name="Auntie's Lunch Stall"
    )


def seed_morning_stall(stall: Stall, *, students: int) -> Stall:
    """Another vendor's stall with the same menu, where ``students`` of the rush's
    students ordered during the morning (``bench.rush.morning``)."""
    vendor = User.objects.create(
        email="morning-vendor@campus.test",
        password=make_password(seed.PASSWORD),
        user_type=UserType.VENDOR,
        first_name="Morning",
        last_name="Vendor",
    )
    VendorProfile.objects.create(
        user=vendor,
        business_name="Morning Coffee Kiosk",
        description="Coffee and breakfast by the library.",
        address="Library forecourt",
        is_verified=True,
        verification_status="verified",
    )
    return open_stall(
        vendor.pk, stall.student_ids[:students], cap=students, name="Morning Coffee Kiosk"
    )


def open_stall(vendor_id: int, student_ids: list[int], *, cap: int, name: str) -> Stall:
    """The vendor's stall: open around the clock, capped pickup slots, the menu."""
    service = Service.objects.create(
        vendor_id=vendor_id,
        service_name=name,
        description="Jollof, waakye and fried rice by the Student Union, noon to two.",
        category=Category.FOOD,
        service_type="ordering",
        base_price=Decimal("20.00"),
        location="Student Union",
        prep_minutes=10,
        orders_in_parallel=4,
        pickup_slot_minutes=10,
        orders_per_slot=cap,
        payment_methods=["pay_at_pickup", "online"],
    )
    seed.seed_hours([service.pk], seed.ALL_WEEK)
    stall = Stall(
        service_id=service.pk,
        vendor_id=vendor_id,
        student_ids=student_ids,
        cap=cap,
        prep_minutes=service.prep_minutes,
        slot_minutes=service.pickup_slot_minutes,
    )
    for item_name, price, share, stock_share in MENU:
        stock = None if stock_share is None else max(2, round(len(student_ids) * stock_share))
        item = ServiceItem.objects.create(
            service=service, name=item_name, price=Decimal(price), stock=stock
        )
        sizes = _group(item, "Size", SIZES, min_choices=1, max_choices=1, position=0)
        extras = []
        if item_name != "Sobolo":
            extras = _group(item, "Extras", EXTRAS, min_choices=0, max_choices=3, position=1)
        stall.items.append(MenuItem(item.pk, item_name, share, stock, sizes, extras))
    return stall


def _group(item, name, options, *, min_choices, max_choices, position) -> list[int]:
    group = OptionGroup.objects.create(
        item=item, name=name, min_choices=min_choices, max_choices=max_choices, position=position
    )
    created = Option.objects.bulk_create(
        [
            Option(group=group, name=label, price_delta=Decimal(delta), position=n)
            for n, (label, delta) in enumerate(options)
        ]
    )
    return [option.pk for option in created]
