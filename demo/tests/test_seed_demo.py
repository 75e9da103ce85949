"""`manage.py seed_demo` fills an empty database through the domains' services,
and running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Option, OptionGroup, Service, ServiceItem, VendorProfile
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


def test_the_demo_is_found_as_a_new_student_would_search_it(api):
    """The issue's two searches: an item finds its cart, a vendor's business
    name finds every one of its services."""
    call_command("seed_demo", stdout=StringIO())

    def names(text):
        response = api.get("/api/services/", {"search": text})
        assert response.status_code == 200
        return [row["service_name"] for row in response.json()["results"]]

    assert names("croissant") == ["Morning Coffee Cart"]
    assert names("croisant") == ["Morning Coffee Cart"]
    union = Service.objects.filter(vendor__vendor_profile__business_name="Union Kitchen")
    assert sorted(names("union kitchen")) == sorted(union.values_list("service_name", flat=True))
    assert union.count() == 2


def test_demo_items_have_options_and_one_is_counted():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    flat_white = ServiceItem.objects.get(name="Flat White")
    groups = list(flat_white.option_groups.all())
    assert [(g.name, g.min_choices, g.max_choices) for g in groups] == [
        ("Size", 1, 1),
        ("Extras", 0, 3),
    ]
    printing = ServiceItem.objects.get(name="Print page")
    (colour,) = printing.option_groups.all()
    assert list(colour.options.values_list("name", flat=True)) == ["Black & white", "Colour"]
    assert ServiceItem.objects.get(name="Croissant").stock == 6
    assert OptionGroup.objects.count() == 6
    assert Option.objects.count() == 17


def test_demo_history_spreads_over_the_last_week_and_a_decline_says_why():
    from django.utils import timezone

    call_command("seed_demo", stdout=StringIO())

    dates = {timezone.localtime(o.created_at).date() for o in Order.objects.all()}
    assert len(dates) >= 8
    declined = OrderEvent.objects.get(to_status="cancelled")
    assert declined.reason


def test_every_demo_picture_has_the_variants_the_api_offers():
    """The media view serves stored files only, so the seed makes them."""
    from common.images import VARIANT_WIDTHS, variant_name

    call_command("seed_demo", stdout=StringIO())

    pictures = [s.images for s in Service.objects.exclude(images="")]
    pictures += [p.logo for p in VendorProfile.objects.exclude(logo="")]
    assert pictures
    for picture in pictures:
        for width in VARIANT_WIDTHS:
            assert picture.storage.exists(variant_name(picture.name, width))
