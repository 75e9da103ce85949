"""Demo data for `make run`: a few accounts, services with items and pictures,
orders in several states and reviews. Running it again changes nothing."""

from datetime import time, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from catalogue.models import Service, ServiceItem, VendorProfile
from demo import DEMO_PASSWORD
from demo.bookings import BARBER, seed_bookings
from demo.images import demo_picture, save_picture
from demo.options import seed_options
from orders.models import Order, OrderEvent, OrderStatus
from orders.services import order_place, order_transition
from reviews.models import Review
from reviews.services import review_create
from schedule.models import Closure, WeeklyPeriod
from schedule.selectors import campus_today
from schedule.services import closure_add, hours_replace
from users.models import User, UserType

ACCOUNTS = [
    ("admin@demo.campus", UserType.ADMIN, "Ada", "Admin"),
    ("vendor@demo.campus", UserType.VENDOR, "Victor", "Vendor"),
    ("printshop@demo.campus", UserType.VENDOR, "Priya", "Printer"),
    ("student@demo.campus", UserType.STUDENT, "Sam", "Student"),
    ("student2@demo.campus", UserType.STUDENT, "Sasha", "Scholar"),
]

PROFILES = {
    "vendor@demo.campus": {
        "business_name": "Union Kitchen",
        "description": "Hot meals and snacks in the Student Union, cooked to order.",
        "business_hours": "Mon-Fri 08:00-20:00, Sat 10:00-16:00",
        "address": "Student Union, ground floor",
        "phone": "+1 555 0100",
        "is_verified": True,
        "verification_status": "verified",
    },
    "printshop@demo.campus": {
        "business_name": "Library Print Point",
        "description": "Printing, binding and laminating next to the library entrance.",
        "business_hours": "Mon-Sat 09:00-21:00",
        "address": "Main Library, level 1",
        "phone": "+1 555 0101",
        "is_verified": True,
        "verification_status": "verified",
    },
}

# (vendor, service fields, colour, [(item name, description, price)])
SERVICES = [
    (
        "vendor@demo.campus",
        {
            "service_name": "Union Kitchen Grill",
            "caption": "Grill",
            "description": "Burgers, wraps and fries from the grill, ready in 15 minutes.",
            "category": "food",
            "service_type": "ordering",
            "base_price": Decimal("4.50"),
            "location": "Student Union, ground floor",
        },
        (196, 74, 44),
        [
            ("Classic Burger", "Beef patty, cheddar, pickles.", "6.50"),
            ("Veggie Wrap", "Grilled vegetables and hummus.", "5.25"),
            ("Fries", "Large portion, sea salt.", "2.75"),
            ("Lemonade", "Freshly squeezed.", "1.90"),
        ],
    ),
    (
        "vendor@demo.campus",
        {
            "service_name": "Morning Coffee Cart",
            "caption": "Coffee",
            "description": "Espresso drinks and pastries by the science building.",
            "category": "food",
            "service_type": "ordering",
            "base_price": Decimal("1.80"),
            "location": "Science Quad",
        },
        (92, 64, 51),
        [
            ("Flat White", "Double shot, steamed milk.", "2.80"),
            ("Croissant", "Baked this morning.", "1.80"),
            ("Iced Latte", "Cold milk over espresso.", "3.10"),
        ],
    ),
    (
        "printshop@demo.campus",
        {
            "service_name": "Thesis Printing & Binding",
            "caption": "Print & Bind",
            "description": "Colour and black-and-white printing, spiral and hard binding.",
            "category": "printing",
            "service_type": "ordering",
            "base_price": Decimal("0.10"),
            "location": "Main Library, level 1",
        },
        (38, 84, 124),
        [
            ("B&W page", "A4, single-sided.", "0.10"),
            ("Colour page", "A4, single-sided.", "0.45"),
            ("Print page", "A4, single-sided; colour or black & white.", "0.10"),
            ("Spiral binding", "Up to 200 pages.", "3.00"),
            ("Hard binding", "Gold lettering on the spine.", "18.00"),
        ],
    ),
    (
        "printshop@demo.campus",
        {
            "service_name": "Poster Printing Appointments",
            "caption": "Posters",
            "description": "Book a slot for A1/A0 conference posters.",
            "category": "printing",
            "service_type": "booking",
            "base_price": Decimal("15.00"),
            "location": "Main Library, level 1",
        },
        (56, 120, 90),
        [],
    ),
]


WEEKDAYS, SATURDAY = range(5), [5]
# service name -> ([(weekdays, opens, closes)], slot settings)
CALENDARS = {
    # The capped lunch service: 15-minute pickups, 4 orders each.
    "Union Kitchen Grill": (
        [(WEEKDAYS, time(8), time(20)), (SATURDAY, time(10), time(16))],
        {
            "prep_minutes": 15,
            "orders_in_parallel": 3,
            "pickup_slot_minutes": 15,
            "orders_per_slot": 4,
        },
    ),
    "Morning Coffee Cart": (
        [(WEEKDAYS, time(7, 30), time(11))],
        {"prep_minutes": 5, "orders_in_parallel": 2, "pickup_slot_minutes": 10},
    ),
    "Thesis Printing & Binding": (
        [([*WEEKDAYS, *SATURDAY], time(9), time(21))],
        {"prep_minutes": 60, "pickup_slot_minutes": 30},
    ),
    "Poster Printing Appointments": (
        [(WEEKDAYS, time(10), time(16))],
        {"slot_minutes": 30, "seats_per_slot": 1, "min_notice_minutes": 120},
    ),
}


class Command(BaseCommand):
    help = "Load idempotent demo data (accounts, services, orders, reviews) and print the logins."

    @transaction.atomic
    def handle(self, *args, **options):
        users = {
            email: self._account(email, kind, first, last) for email, kind, first, last in ACCOUNTS
        }
        for email, fields in PROFILES.items():
            self._profile(users[email], fields)
        services = [
            self._service(users[v], fields, colour, items) for v, fields, colour, items in SERVICES
        ]
        self._orders_and_reviews(users, services)
        # After the orders: the demo's as-soon-as-possible orders must not
        # depend on the hour at which the demo is loaded.
        self._calendars(services)
        seed_options()
        seed_bookings(students=[users["student@demo.campus"], users["student2@demo.campus"]])

        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Logins (password for all: {DEMO_PASSWORD}):")
        )
        for email, kind, _first, _last in ACCOUNTS:
            self.stdout.write(f"  {kind:<8} {email}")
        self.stdout.write(f"  {UserType.VENDOR:<8} {BARBER[0]}")

    def _account(self, email, kind, first, last) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            extra = {"is_staff": True, "is_superuser": True} if kind == UserType.ADMIN else {}
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                email_verified=True,
                user_type=kind,
                first_name=first,
                last_name=last,
                **extra,
            )
        return user

    def _profile(self, user, fields) -> None:
        if VendorProfile.objects.filter(user=user).exists():
            return
        profile = VendorProfile(user=user, **fields)
        save_picture(
            profile.logo,
            demo_picture(fields["business_name"].split()[0], (40, 40, 60), (400, 400)),
        )
        profile.save()

    def _service(self, vendor, fields, colour, items) -> Service:
        fields = dict(fields)
        service = Service.objects.filter(vendor=vendor, service_name=fields["service_name"]).first()
        if service is None:
            caption = fields.pop("caption")
            service = Service(vendor=vendor, **fields)
            save_picture(service.images, demo_picture(caption, colour))
            service.save()
        for name, description, price in items:
            ServiceItem.objects.get_or_create(
                service=service,
                name=name,
                is_active=True,
                defaults={"description": description, "price": Decimal(price)},
            )
        return service

    def _orders_and_reviews(self, users, services) -> None:
        """Orders in every stage of the vendor's queue, and a few reviews.

        Placed and moved through the same rules the API uses, so totals,
        history and ratings are what a real run would produce.
        """
        student, other = users["student@demo.campus"], users["student2@demo.campus"]
        grill, coffee, printing = services[0], services[1], services[2]
        if not Order.objects.filter(customer__in=[student, other]).exists():
            stages = [
                (student, grill, [("Classic Burger", 2), ("Fries", 1)], OrderStatus.COMPLETED),
                (student, coffee, [("Flat White", 1), ("Croissant", 2)], OrderStatus.COMPLETED),
                (
                    student,
                    printing,
                    [("Colour page", 40), ("Spiral binding", 1)],
                    OrderStatus.READY,
                ),
                (other, grill, [("Veggie Wrap", 1), ("Lemonade", 2)], OrderStatus.PREPARING),
                (other, coffee, [("Iced Latte", 1)], OrderStatus.CONFIRMED),
                (student, grill, [("Veggie Wrap", 1)], OrderStatus.PENDING),
            ]
            for customer, service, lines, status in stages:
                self._order_through(customer, service, lines, status)
            # A decline says why, as the vendor's web page asks it to.
            self._order_through(
                other,
                printing,
                [("Hard binding", 1)],
                OrderStatus.CANCELLED,
                reason="The binding machine is being repaired until Monday.",
            )
            self._past_week(student, other, grill, coffee)

        reviews = [
            (student, grill, 5, "Best burger on campus, and ready when they said."),
            (student, coffee, 4, "Great flat white; the queue can be long at 9."),
            (other, grill, 4, "Tasty wrap, generous portion."),
        ]
        for user, service, rating, comment in reviews:
            if not Review.objects.filter(user=user, service=service).exists():
                review_create(user=user, service=service, rating=rating, comment=comment)

    def _past_week(self, student, other, grill, coffee) -> None:
        """Completed orders on each of the last nine days, so the dashboard's
        7- and 30-day reports have a shape (one bar per day, not one bar)."""
        menu = [
            (grill, [("Classic Burger", 1), ("Lemonade", 1)]),
            (coffee, [("Flat White", 2)]),
            (grill, [("Veggie Wrap", 1), ("Fries", 2)]),
            (coffee, [("Iced Latte", 1), ("Croissant", 1)]),
        ]
        now = timezone.now()
        for days_ago in range(1, 10):
            for n in range(1 + days_ago % 3):
                service, lines = menu[(days_ago + n) % len(menu)]
                customer = student if (days_ago + n) % 2 else other
                order = self._order_through(customer, service, lines, OrderStatus.COMPLETED)
                placed = now - timedelta(days=days_ago, hours=2 * n)
                Order.objects.filter(pk=order.pk).update(created_at=placed, updated_at=placed)
                OrderEvent.objects.filter(order=order).update(created_at=placed)

    def _calendars(self, services) -> None:
        """Weekly hours, a capped lunch service and a closure, set once (a
        vendor's later changes are kept)."""
        for service in services:
            name = service.service_name
            if name in CALENDARS and not WeeklyPeriod.objects.filter(service=service).exists():
                hours, settings = CALENDARS[name]
                hours_replace(
                    service=service,
                    weekly=[
                        {"weekday": day, "opens": opens, "closes": closes}
                        for days, opens, closes in hours
                        for day in days
                    ],
                )
                Service.objects.filter(pk=service.pk).update(**settings)
        coffee = services[1]
        if not Closure.objects.filter(service=coffee).exists():
            starts_on = campus_today() + timedelta(days=10)
            closure_add(
                service=coffee,
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=1),
                reason="Staff training",
            )

    @staticmethod
    def _order_through(customer, service, lines, status, reason: str = "") -> Order:
        items = {item.name: item for item in service.items.filter(is_active=True)}
        order, _created = order_place(
            customer=customer,
            service=service,
            lines=[(items[name].pk, quantity) for name, quantity in lines],
            delivery_address="Halls of Residence, Block C, room 214",
        )
        path = {
            OrderStatus.PENDING: [],
            OrderStatus.CONFIRMED: [OrderStatus.CONFIRMED],
            OrderStatus.PREPARING: [OrderStatus.CONFIRMED, OrderStatus.PREPARING],
            OrderStatus.READY: [OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY],
            OrderStatus.COMPLETED: [
                OrderStatus.CONFIRMED,
                OrderStatus.PREPARING,
                OrderStatus.READY,
                OrderStatus.COMPLETED,
            ],
            OrderStatus.CANCELLED: [OrderStatus.CANCELLED],
        }[status]
        for step in path:
            order_transition(
                order_id=order.pk,
                actor=service.vendor,
                to_status=step,
                reason=reason if step == OrderStatus.CANCELLED else "",
            )
        return order
