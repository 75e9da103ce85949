"""One object of each kind, owned so that every role has a distinct relation to it.

- ``vendor`` owns ``profile``, ``service`` (ordering, available) with ``item``,
  and ``review_target`` (a second service nobody has reviewed yet);
- ``service`` has ``closure``, two months ahead; ``item`` has ``option_group``;
- ``student`` placed ``order`` (pending) for ``service`` and wrote ``review`` of it;
- ``vendor`` also owns ``booking_service`` (a booking service open every day), in
  which ``student`` holds ``booking`` (confirmed, tomorrow 10:00 local);
- ``other_student`` and ``other_vendor`` own nothing (``other_vendor`` has no
  profile yet, so creating one is allowed);
- ``admin`` is an admin-type staff user.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from bookings.models import Booking
from bookings.services import booking_make
from bookings.tests.factories import BookingServiceFactory, open_every_day
from bookings.tests.helpers import tomorrow_at
from catalogue.models import (
    Option,
    OptionGroup,
    Service,
    ServiceItem,
    VendorProfile,
    VerificationDocument,
)
from catalogue.tests.documents import PDF
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from orders.models import Order
from orders.tests.factories import OrderFactory, OrderItemFactory
from payments.models import Payment
from reviews.models import Review
from reviews.tests.factories import ReviewFactory
from schedule.models import Closure
from users.models import User
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

ROLES = ("anon", "student", "other_student", "vendor", "other_vendor", "admin")


@dataclass
class World:
    users: dict[str, User]
    profile: VendorProfile
    service: Service
    item: ServiceItem
    review_target: Service
    order: Order
    review: Review
    booking_service: Service
    booking: Booking
    closure: Closure
    option_group: OptionGroup
    # A verification document of ``profile`` (private: its owner and admins read it).
    document: VerificationDocument | None = None
    # The student's online payment awaiting the provider (not attached to ``order``).
    payment: Payment | None = None

    def user(self, role: str) -> User | None:
        return self.users.get(role)

    def headers(self, role: str) -> dict[str, str]:
        """``Authorization`` for the role's user with a real access token; none for anon."""
        user = self.user(role)
        if user is None:
            return {}
        return {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"}

    def client(self, role: str) -> APIClient:
        client = APIClient()
        client.credentials(**{"HTTP_" + k.upper(): v for k, v in self.headers(role).items()})
        return client


def build_world() -> World:
    users = {
        "student": StudentFactory(),
        "other_student": StudentFactory(),
        "vendor": VendorFactory(),
        "other_vendor": VendorFactory(),
        "admin": AdminFactory(),
    }
    vendor = users["vendor"]
    service = ServiceFactory(vendor=vendor)
    item = ServiceItemFactory(service=service)
    option_group = OptionGroup.objects.create(item=item, name="Size", max_choices=1)
    Option.objects.create(group=option_group, name="Small")
    order = OrderFactory(service=service, customer=users["student"], total_amount=item.price * 2)
    booking_service = BookingServiceFactory(vendor=vendor)
    open_every_day(booking_service)
    booking, _created = booking_make(
        customer=users["student"], service=booking_service, start=tomorrow_at("10:00")
    )
    OrderItemFactory(order=order, service_item=item, quantity=2)
    profile = VendorProfileFactory(user=vendor)
    document = VerificationDocument.objects.create(
        profile=profile,
        file=ContentFile(PDF, name="licence.pdf"),
        content_type="application/pdf",
        size=len(PDF),
    )
    return World(
        users=users,
        profile=profile,
        service=service,
        item=item,
        review_target=ServiceFactory(vendor=vendor),
        order=order,
        review=ReviewFactory(service=service, user=users["student"]),
        booking_service=booking_service,
        booking=booking,
        # Far enough ahead that the service is open today.
        closure=Closure.objects.create(
            service=service,
            starts_on=date.today() + timedelta(days=60),
            ends_on=date.today() + timedelta(days=61),
            reason="Inventory",
        ),
        document=document,
        payment=Payment.objects.create(
            payer=users["student"],
            method="online",
            status="awaiting_payment",
            amount=item.price,
            currency="GHS",
            reference="cs_world",
        ),
        option_group=option_group,
    )
