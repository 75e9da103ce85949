"""Every catalogue list costs the same number of queries for 1 row and for
30 rows on the page."""

from datetime import date, time, timedelta

import pytest

from catalogue.models import Option, OptionGroup
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from orders.models import OrderStatus
from orders.tests.factories import OrderFactory
from reviews.tests.factories import ReviewFactory
from schedule.models import Closure, WeeklyPeriod

pytestmark = pytest.mark.django_db

ROWS = [1, 30]


def assert_page(client, url, rows, max_queries, django_assert_max_num_queries):
    separator = "&" if "?" in url else "?"
    with django_assert_max_num_queries(max_queries):
        response = client.get(f"{url}{separator}page_size=30")
    assert response.status_code == 200
    assert len(response.json()["results"]) == rows


def public_services(rows):
    for n in range(rows):
        vendor = VendorProfileFactory().user if n % 2 else None
        service = ServiceFactory(**({"vendor": vendor} if vendor else {}), category="food")
        ServiceItemFactory(service=service)
        with_calendar(service)


def with_calendar(service):
    """Hours on every weekday and a closure, so open_now/next_opening have work to do."""
    for weekday in range(7):
        WeeklyPeriod.objects.create(
            service=service, weekday=weekday, opens=time(11), closes=time(14)
        )
    today = date.today()
    Closure.objects.create(
        service=service, starts_on=today, ends_on=today + timedelta(days=1), reason="Holiday"
    )


@pytest.mark.parametrize("rows", ROWS)
def test_public_service_list(api, rows, django_assert_max_num_queries):
    public_services(rows)
    # the page with its count, in one statement (weekly periods and closures
    # come with the rows: catalogue.public_rows), after PostgreSQL's look-up
    # of typo candidates (catalogue.search); then the page's matched items
    assert_page(api, "/api/services/?search=service", rows, 3, django_assert_max_num_queries)


@pytest.mark.parametrize("rows", ROWS)
def test_vendors_own_service_list(vendor, vendor_client, rows, django_assert_max_num_queries):
    VendorProfileFactory(user=vendor)
    for service in ServiceFactory.create_batch(rows, vendor=vendor):
        with_calendar(service)
    # the caller + count + page
    assert_page(vendor_client, "/api/services/", rows, 3, django_assert_max_num_queries)


@pytest.mark.parametrize("rows", ROWS)
@pytest.mark.parametrize(
    "url", ["/api/services/by_type/?type=ordering", "/api/services/by_category/?category=food"]
)
def test_by_type_and_by_category(api, rows, url, django_assert_max_num_queries):
    public_services(rows)
    assert_page(api, url, rows, 1, django_assert_max_num_queries)


@pytest.mark.parametrize("rows", ROWS)
def test_service_items(api, rows, django_assert_max_num_queries):
    service = ServiceFactory()
    for item in ServiceItemFactory.create_batch(rows, service=service):
        group = OptionGroup.objects.create(item=item, name="Size", min_choices=1, max_choices=1)
        Option.objects.create(group=group, name="Small")
    # the service + count + page + option groups + their options
    assert_page(api, f"/api/services/{service.pk}/items/", rows, 5, django_assert_max_num_queries)


@pytest.mark.parametrize("rows", ROWS)
def test_service_reviews(api, rows, django_assert_max_num_queries):
    service = ServiceFactory()
    for review in ReviewFactory.create_batch(rows, service=service):
        OrderFactory(service=service, customer=review.user, order_status=OrderStatus.COMPLETED)
    # the service + count + page
    assert_page(api, f"/api/services/{service.pk}/reviews/", rows, 3, django_assert_max_num_queries)


@pytest.mark.parametrize("rows", ROWS)
def test_vendor_profiles(api, rows, django_assert_max_num_queries):
    VendorProfileFactory.create_batch(rows)
    assert_page(api, "/api/vendor-profiles/", rows, 2, django_assert_max_num_queries)
