from decimal import Decimal

import factory

from catalogue.models import Category, Service, ServiceItem, ServiceType, VendorProfile
from users.tests.factories import VendorFactory


class VendorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VendorProfile

    user = factory.SubFactory(VendorFactory)
    business_name = factory.Sequence(lambda n: f"Campus Business {n}")
    description = "Serving the campus since last term."
    # is_verified follows the status (a check constraint holds them together).
    verification_status = factory.LazyAttribute(
        lambda profile: "verified" if profile.is_verified else "unverified"
    )
    is_verified = False


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    vendor = factory.SubFactory(VendorFactory)
    service_name = factory.Sequence(lambda n: f"Service {n}")
    description = "A useful campus service."
    category = Category.FOOD
    service_type = ServiceType.ORDERING
    base_price = Decimal("5.00")
    location = "Student Union"


class ServiceItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceItem

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Item {n}")
    price = Decimal("3.50")
