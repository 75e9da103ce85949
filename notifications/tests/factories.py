import factory

from notifications.models import Notification, NotificationKind
from users.tests.factories import StudentFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(StudentFactory)
    kind = NotificationKind.ORDER_STATUS
    title = factory.Sequence(lambda n: f"Order #{n} is ready")
    body = "Campus Grill marked as ready your order."
