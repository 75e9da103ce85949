"""`manage.py seed_demo` fills an empty database through the domains' services,
and running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Service, ServiceItem, VendorProfile
from orders.models import Order, OrderEvent
from reviews.models import Review, ReviewEvent
from users.models import User

pytestmark = pytest.mark.django_db

MODELS = [User, VendorProfile, Service, ServiceItem, Order, OrderEvent, Review, ReviewEvent]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    first = counts()

    call_command("seed_demo", stdout=StringIO())

    assert counts() == first
    assert first["Order"] == 7 + 18 and first["Review"] == 3
    # Orders and reviews went through the services, so they have their events.
    assert first["OrderEvent"] > first["Order"]
    assert first["ReviewEvent"] == 3


def test_demo_history_spreads_over_the_last_week_and_a_decline_says_why():
    from django.utils import timezone

    call_command("seed_demo", stdout=StringIO())

    dates = {timezone.localtime(o.created_at).date() for o in Order.objects.all()}
    assert len(dates) >= 8
    declined = OrderEvent.objects.get(to_status="cancelled")
    assert declined.reason
