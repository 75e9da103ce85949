"""Public catalogue reads answered from rows (catalogue.public_rows) give the
answer the querysets and serializers give, status and body, for every filter,
ordering, page and kind of service; and they are the path actually taken."""

from datetime import time, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from catalogue.api.filters import ServiceFilter
from catalogue.api.serializers import ServiceSerializer
from catalogue.api.service_views import ServiceViewSet
from catalogue.models import Category, Service, ServiceType, VendorProfile
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from catalogue.tests.images import png_upload as image_file
from conftest import client_for
from schedule.models import Closure, WeeklyPeriod
from schedule.selectors import campus_today
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


def barber_hours(service):
    """08:00-12:00 and 13:00-19:30 every day."""
    for weekday in range(7):
        WeeklyPeriod.objects.create(
            service=service, weekday=weekday, opens=time(8), closes=time(12)
        )
        WeeklyPeriod.objects.create(
            service=service, weekday=weekday, opens=time(13), closes=time(19, 30)
        )


@pytest.fixture
def campus():
    """Services of every shape the list and detail render differently."""
    named = VendorProfileFactory(business_name="Mama's Kitchen").user
    blank_business = VendorProfileFactory(business_name="  ").user
    blank_business.first_name, blank_business.last_name = "Ada", "Obi"
    blank_business.save()
    no_profile = VendorFactory(first_name="", last_name="")
    pizza = ServiceFactory(
        vendor=named,
        service_name="Late Night Pizza",
        description="Wood-fired pizza_slices",
        base_price=Decimal("12.5"),
        images=image_file("pizza.png"),
        orders_per_slot=7,
        paused_until=timezone.now() + timedelta(minutes=30),
        pause_reason="Oven cleaning",
    )
    ServiceItemFactory(service=pizza, name="Margherita", price=Decimal("8"), image=image_file())
    ServiceItemFactory(service=pizza, name="Calzone", is_available=False, description="")
    ServiceItemFactory(service=pizza, name="Gone", is_active=False)
    Service.objects.filter(pk=pizza.pk).update(rating=Decimal("4.25"), total_ratings=4)
    barber = ServiceFactory(
        vendor=blank_business,
        service_name="Hall 3 Barber",
        category=Category.BEAUTY,
        service_type=ServiceType.BOOKING,
        base_price=None,
        location="Hall 3",
    )
    barber_hours(barber)
    Closure.objects.create(
        service=barber,
        starts_on=campus_today(),
        ends_on=campus_today() + timedelta(days=1),
        reason="Holiday",
    )
    # The barber's hours without the closure, and other hours: an answer
    # computes an opening state once per distinct calendar, never shares one
    # between different calendars.
    twin = ServiceFactory(vendor=blank_business, service_name="Twin Barber")
    bakery = ServiceFactory(vendor=blank_business, service_name="Early Bakery")
    barber_hours(twin)
    for weekday in range(7):
        WeeklyPeriod.objects.create(service=bakery, weekday=weekday, opens=time(5), closes=time(7))
    printing = ServiceFactory(
        vendor=no_profile,
        service_name="Poster Print",
        category=Category.PRINTING,
        service_type=ServiceType.WALK_IN,
        base_price=Decimal("0.50"),
        is_available=False,
        availability_status="unavailable",
        contact_info="",
    )
    Service.objects.filter(pk=printing.pk).update(rating=Decimal("2.00"), total_ratings=1)
    tutor = ServiceFactory(
        vendor=named,
        service_name="Maths Tutoring",
        category=Category.ACADEMIC,
        service_type=ServiceType.CONTACT,
        base_price=Decimal("20"),
        contact_info="Call 0801",
    )
    # Never public: deleted, a deactivated account, a deactivated profile.
    deleted = ServiceFactory(vendor=named, service_name="Old Pizza", is_active=False)
    banned = ServiceFactory(vendor=VendorFactory(is_active=False), service_name="Banned Pizza")
    hidden = ServiceFactory(
        vendor=VendorProfileFactory(is_active=False).user, service_name="Hidden Pizza"
    )
    return {
        "vendor": named,
        "public": [pizza.pk, barber.pk, printing.pk, tutor.pk, twin.pk, bakery.pk],
        "never": [deleted.pk, banned.pk, hidden.pk],
    }


def both_ways(client, path: str, monkeypatch):
    """(status, body) of ``path`` from rows, then through the querysets."""
    answers = []
    for public_rows in (True, False):
        monkeypatch.setattr(ServiceViewSet, "public_rows", public_rows)
        cache.clear()
        response = client.get(path)
        answers.append((response.status_code, response.json()))
    return answers


LIST_QUERIES = [
    "",
    "?category=food",
    "?category=beauty&service_type=booking",
    "?service_type=walk_in",
    "?is_available=false",
    "?is_available=1",
    "?min_price=0.5&max_price=12.50",
    "?min_price=0",
    "?search=pizza",
    "?search=PIZ%20wood",
    "?search=slices",
    "?search=hall",
    "?search=%25%25",
    "?search=_",
    "?search=",
    # A search is counted and paged in one pass: pages, their ends, orderings.
    "?search=barber&page_size=1",
    "?search=barber&page_size=1&page=2",
    "?search=barber&page_size=1&page=3",
    "?search=hall&page_size=1&page=last",
    "?search=hall&ordering=-base_price",
    "?search=hall&ordering=rating&page_size=2&page=2",
    "?search=pizza&ordering=-rating,base_price&page_size=1",
    "?category=beauty&search=barber",
    "?vendor=abc&search=barber",
    "?ordering=base_price",
    "?ordering=-base_price",
    "?ordering=rating",
    "?ordering=-rating,base_price",
    "?ordering=created_at",
    "?page_size=2",
    "?page_size=2&page=2",
    "?page_size=2&page=last",
    "?page_size=1000",
    "?page=3",
    "?page=0",
    "?page=abc",
    "?page=%C2%B2",
    "?page=10001",
    "?page=99999999999999999999",
    "?page=",
    "?category=nope",
    "?min_price=abc",
    "?max_price=NaN",
    "?is_available=maybe",
    "?ordering=vendor",
    "?vendor=abc",
    "?unknown=1",
]


@pytest.mark.parametrize("query", LIST_QUERIES)
@pytest.mark.parametrize("who", ["anonymous", "student", "admin"])
def test_the_public_list_from_rows_is_the_serializers_list(api, campus, query, who, monkeypatch):
    client = {
        "anonymous": api,
        "student": client_for(StudentFactory()),
        "admin": client_for(AdminFactory()),
    }[who]
    fast, slow = both_ways(client, f"/api/services/{query}", monkeypatch)
    assert fast == slow
    if fast[0] == 200 and query in ("", "?page_size=1000"):
        listed = [service["id"] for service in fast[1]["results"]]
        assert sorted(listed) == sorted(campus["public"])


def test_the_vendor_filter_and_the_extra_lists(api, campus, monkeypatch):
    for path in [
        f"/api/services/?vendor={campus['vendor'].pk}",
        "/api/services/by_type/?type=booking",
        "/api/services/by_type/?type=ordering&page_size=1",
        "/api/services/by_category/?category=food",
        "/api/services/by_category/?category=printing",
    ]:
        fast, slow = both_ways(api, path, monkeypatch)
        assert fast == slow
        assert fast[0] == 200 and fast[1]["count"] >= 1, path


@pytest.mark.parametrize("who", ["anonymous", "student"])
def test_a_public_detail_from_rows_is_the_serializers_detail(api, campus, who, monkeypatch):
    client = api if who == "anonymous" else client_for(StudentFactory())
    for pk in [*campus["public"], *campus["never"], 999_999]:
        fast, slow = both_ways(client, f"/api/services/{pk}/", monkeypatch)
        assert fast == slow
        assert fast[0] == (200 if pk in campus["public"] else 404)
    pizza = both_ways(client, f"/api/services/{campus['public'][0]}/", monkeypatch)[0][1]
    assert [item["name"] for item in pizza["items"]] == ["Calzone", "Margherita"]
    assert pizza["vendor_name"] == "Mama's Kitchen"
    assert pizza["items"][1]["image_variants"].keys() == {"320", "960"}


def test_public_reads_are_answered_without_the_serializers(api, campus, monkeypatch):
    monkeypatch.setattr(ServiceViewSet, "public_rows", True)
    with mock.patch.object(ServiceSerializer, "to_representation", side_effect=AssertionError):
        assert api.get("/api/services/?search=pizza&nocache=1").status_code == 200
        assert api.get(f"/api/services/{campus['public'][0]}/?nocache=1").status_code == 200
        # A vendor sees their own list through the querysets.
        with pytest.raises(AssertionError):
            client_for(campus["vendor"]).get("/api/services/")


# PostgreSQL reads a search's typo candidates first (catalogue.search).
TYPO_LOOKUP = 1 if connection.vendor == "postgresql" else 0


def test_a_page_costs_one_statement_and_an_empty_first_page_too(
    api, campus, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(ServiceViewSet, "public_rows", True)
    with django_assert_num_queries(1):
        page = api.get("/api/services/?page_size=2&page=2&nocache=1").json()
    assert page["count"] == len(campus["public"]) and len(page["results"]) == 2
    with django_assert_num_queries(1 + TYPO_LOOKUP):
        empty = api.get("/api/services/?search=nothingmatches&nocache=1").json()
    assert empty == {"count": 0, "next": None, "previous": None, "results": []}
    # Past the end: the page read finds nothing, the count says why (404).
    with django_assert_num_queries(2):
        assert api.get("/api/services/?page=3&nocache=1").status_code == 404
    # A search: every match counted, one page read, in one statement (after
    # PostgreSQL's look-up of typo candidates: catalogue.search), and the
    # page's matched items in one more.
    with django_assert_num_queries(2 + TYPO_LOOKUP):
        searched = api.get("/api/services/?search=barber&page_size=1&page=2&nocache=1").json()
    assert searched["count"] == 2
    assert [row["service_name"] for row in searched["results"]] == ["Hall 3 Barber"]
    with django_assert_num_queries(2 + TYPO_LOOKUP):
        assert api.get("/api/services/?search=barber&page=2&nocache=1").status_code == 404


def test_a_filtered_list_builds_and_validates_its_filter_form_once(api, campus, monkeypatch):
    """The cache key and the rows read the same form (a miss used to validate twice)."""
    monkeypatch.setattr(ServiceViewSet, "public_rows", True)
    cache.clear()
    built = []
    original = ServiceFilter.__init__

    def counting(self, *args, **kwargs):
        built.append(args or kwargs)
        original(self, *args, **kwargs)

    monkeypatch.setattr(ServiceFilter, "__init__", counting)
    assert api.get("/api/services/?category=food&ordering=-rating").status_code == 200
    assert len(built) == 1
    assert api.get("/api/services/?category=nope").json() == {
        "category": ["Select a valid choice. nope is not one of the available choices."]
    }
    assert len(built) == 2


def test_public_names_from_rows(api, campus, monkeypatch):
    monkeypatch.setattr(ServiceViewSet, "public_rows", True)
    names = {
        row["service_name"]: row["vendor_name"]
        for row in api.get("/api/services/?page_size=100").json()["results"]
    }
    no_profile = Service.objects.get(service_name="Poster Print").vendor
    assert names == {
        "Late Night Pizza": "Mama's Kitchen",
        "Maths Tutoring": "Mama's Kitchen",
        "Hall 3 Barber": "Ada Obi",
        "Twin Barber": "Ada Obi",
        "Early Bakery": "Ada Obi",
        "Poster Print": f"Vendor {no_profile.pk}",
    }


@pytest.mark.parametrize(
    "query", ["", "?search=pizza", "?search=hall&page_size=1", "?ordering=rating", "?page=2"]
)
def test_both_paths_agree_while_verification_is_required(api, campus, settings, monkeypatch, query):
    """REQUIRE_VENDOR_VERIFICATION is one more rule of the public read: the rows
    and the querysets must add it alike (only Mama's Kitchen is verified)."""
    settings.REQUIRE_VENDOR_VERIFICATION = True
    verified = VendorProfile.objects.filter(business_name="Mama's Kitchen")
    assert verified.update(is_verified=True, verification_status="verified") == 1

    fast, slow = both_ways(api, f"/api/services/{query}", monkeypatch)

    assert fast == slow
    for pk in [*campus["public"], *campus["never"]]:
        fast, slow = both_ways(api, f"/api/services/{pk}/", monkeypatch)
        assert fast == slow
        shown = pk in campus["public"] and Service.objects.get(pk=pk).vendor == campus["vendor"]
        assert fast[0] == (200 if shown else 404)
