from decimal import Decimal

import factory

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from orders.models import Order, OrderItem, OrderStatus
from users.tests.factories import StudentFactory


class OrderFactory(factory.django.DjangoModelFactory):
    """An order row as stored; to exercise the rules, place orders through the API."""

    class Meta:
        model = Order

    service = factory.SubFactory(ServiceFactory)
    customer = factory.SubFactory(StudentFactory)
    order_status = OrderStatus.PENDING
    total_amount = Decimal("0.00")


class OrderItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderItem

    order = factory.SubFactory(OrderFactory)
    service_item = factory.SubFactory(
        ServiceItemFactory, service=factory.SelfAttribute("..order.service")
    )
    quantity = 1
    item_name = factory.SelfAttribute("service_item.name")
    unit_price = factory.SelfAttribute("service_item.price")
    total_price = factory.LazyAttribute(lambda o: o.unit_price * o.quantity)
