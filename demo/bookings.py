"""Demo bookings: the barber and the print shop's poster appointments take
bookings, made through the booking rules. Part of ``manage.py seed_demo``."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from bookings.models import Booking
from bookings.services import booking_make
from catalogue.models import Service, ServiceItem, VendorProfile
from demo import DEMO_PASSWORD
from demo.images import demo_picture, save_picture
from schedule import clock
from schedule import selectors as schedule_selectors
from schedule.models import WeeklyPeriod
from schedule.selectors import campus_today
from schedule.services import hours_replace
from users.models import User, UserType

# --- Bookings: the barber and the print shop's poster appointments ------------------

BARBER = ("barber@demo.campus", "Bola", "Barber")
BARBER_PROFILE = {
    "business_name": "Campus Cuts",
    "description": "Haircuts, fades and beard trims behind the sports hall.",
    "business_hours": "Mon-Sat 09:00-18:00",
    "address": "Sports Hall, side entrance",
    "phone": "+1 555 0102",
    "is_verified": True,
    "verification_status": "verified",
}
BARBER_SERVICE = {
    "service_name": "Campus Cuts Barber Chair",
    "description": "Book a 30-minute chair: cuts, fades and beard trims.",
    "category": "beauty",
    "service_type": "booking",
    "base_price": Decimal("8.00"),
    "location": "Sports Hall, side entrance",
    "slot_minutes": 30,
    "seats_per_slot": 1,
}
BARBER_ITEMS = [
    ("Classic cut", "Scissors and clippers, 30 minutes.", "8.00"),
    ("Skin fade", "Clean fade with a line-up.", "12.00"),
    ("Beard trim", "Shape and hot towel.", "5.00"),
]
POSTER_ITEMS = [
    ("A1 poster", "Matt paper, printed while you wait.", "15.00"),
    ("A0 poster", "Matt paper, printed while you wait.", "25.00"),
]


def _weekly(days, opens: str, closes: str) -> list[dict]:
    return [
        {"weekday": day, "opens": time.fromisoformat(opens), "closes": time.fromisoformat(closes)}
        for day in days
    ]


def seed_bookings(*, students) -> None:
    """The barber (a vendor with a booking service) and the print shop's poster
    appointments take bookings: the barber with hours and items, the posters
    with items (their hours come from CALENDARS), and a few
    upcoming bookings made through the booking rules. Idempotent."""
    email, first, last = BARBER
    barber = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email,
        password=DEMO_PASSWORD,
        email_verified=True,
        user_type=UserType.VENDOR,
        first_name=first,
        last_name=last,
    )
    if not VendorProfile.objects.filter(user=barber).exists():
        profile = VendorProfile(user=barber, **BARBER_PROFILE)
        save_picture(profile.logo, demo_picture("Cuts", (40, 40, 60), (400, 400)))
        profile.save()
    chair = Service.objects.filter(
        vendor=barber, service_name=BARBER_SERVICE["service_name"]
    ).first()
    if chair is None:
        chair = Service(vendor=barber, **BARBER_SERVICE)
        save_picture(chair.images, demo_picture("Barber", (120, 60, 140)))
        chair.save()
    posters = Service.objects.filter(service_name="Poster Printing Appointments").first()

    if not WeeklyPeriod.objects.filter(service=chair).exists():
        hours_replace(service=chair, weekly=_weekly(range(6), "09:00", "18:00"))
    # The poster appointments' hours and slot settings come from CALENDARS.
    plans = [(chair, BARBER_ITEMS)] + ([(posters, POSTER_ITEMS)] if posters else [])
    for service, items in plans:
        for name, description, price in items:
            ServiceItem.objects.get_or_create(
                service=service,
                name=name,
                is_active=True,
                defaults={"description": description, "price": Decimal(price)},
            )

    if Booking.objects.filter(customer__in=students).exists():
        return
    for student, (service, item_name) in zip(
        students, [(chair, "Skin fade"), (posters or chair, "A1 poster")], strict=False
    ):
        service.refresh_from_db()
        start = _first_free_slot(service)
        if start is None:
            continue
        item = service.items.filter(name=item_name, is_active=True).first()
        booking_make(
            customer=student,
            service=service,
            start=start,
            service_item_id=item.pk if item else None,
            notes="Booked from the demo data.",
        )


def _first_free_slot(service) -> datetime | None:
    """The start of the first slot with a free seat in the coming week."""
    today = campus_today(clock.now())
    for offset in range(1, 8):
        for slot in schedule_selectors.service_slots(
            service, local_date=today + timedelta(days=offset), kind="booking"
        ):
            if slot["remaining"]:
                return slot["start"]
    return None
