"""``common.plans``: a queryset compiled once answers as the queryset does."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from catalogue.models import Service, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from common.plans import Plan
from users.tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def _services_with_vendor(service, item):
    return (
        Service.objects.select_related("vendor__vendor_profile")
        .annotate(
            later_items=Count("items", filter=Q(items__pk__gte=item)),
            has_items=Exists(ServiceItem.objects.filter(service=OuterRef("pk"))),
        )
        .filter(pk=service)
        .order_by()
    )


@pytest.fixture
def services():
    with_profile = ServiceFactory(vendor=VendorProfileFactory(business_name="Mama's").user)
    ServiceItemFactory(service=with_profile, price=Decimal("4.50"))
    ServiceItemFactory(service=with_profile, price=Decimal("12.00"))
    without_profile = ServiceFactory(vendor=VendorFactory())
    return [with_profile, without_profile]


def _same_instance(planned, read):
    assert type(planned) is type(read)
    assert planned.__dict__.keys() == read.__dict__.keys()
    for name, value in read.__dict__.items():
        if name != "_state":
            assert getattr(planned, name) == value, name
    assert planned._state.db == read._state.db
    assert planned._state.adding is False


def test_model_rows_are_the_queryset_s_with_related_rows_and_annotations(services):
    plan = Plan(_services_with_vendor, ids=("service", "item"))
    first_item = ServiceItem.objects.order_by("pk").first().pk

    for service in services:
        for item in (first_item, first_item + 1, first_item + 2):
            (planned,) = plan.all(service=service.pk, item=item)
            (read,) = _services_with_vendor(service.pk, item)
            _same_instance(planned, read)
            _same_instance(planned.vendor, read.vendor)
            profile = getattr(read.vendor, "vendor_profile", None)
            if profile is None:
                with pytest.raises(type(read.vendor).vendor_profile.RelatedObjectDoesNotExist):
                    planned.vendor.vendor_profile
            else:
                _same_instance(planned.vendor.vendor_profile, profile)
    assert plan.first(service=-1, item=1) is None


def test_values_rows_are_converted_as_the_queryset_s(services):
    def build(service):
        return (
            ServiceItem.objects.filter(service_id=service)
            .order_by("pk")
            .values_list("price", "created_at", "name")
        )

    plan = Plan(build, ids=("service",))

    for service in services:
        assert plan.all(service=service.pk) == list(build(service.pk))


def test_a_total_around_the_sql_counts_what_the_queryset_counts(services):
    plan = Plan(
        lambda service: ServiceItem.objects.filter(service_id=service).values_list("pk"),
        ids=("service",),
        around="SELECT COUNT(*) FROM ({}) AS counted",
    )

    assert [plan.first(service=s.pk) for s in services] == [(2,), (0,)]


def test_a_date_goes_where_its_marker_was(services):
    def build(service, day):
        return (
            Service.objects.filter(pk=service)
            .annotate(day=RawSQL("%s", [day]), before=RawSQL("%s < %s", [day, date(2026, 6, 1)]))
            .values_list("pk", "day", "before")
        )

    plan = Plan(build, ids=("service",), dates=("day",))

    for day in (date(2026, 5, 31), date(2026, 6, 1), date(2030, 1, 2)):
        assert plan.all(service=services[0].pk, day=day) == list(build(services[0].pk, day))


def test_one_query_a_call_and_one_build_a_connection(services):
    builds = []

    def build(service):
        builds.append(service)
        return Service.objects.filter(pk=service)

    plan = Plan(build, ids=("service",))
    plan.first(service=services[0].pk)
    built = len(builds)

    with CaptureQueriesContext(connection) as queries:
        assert plan.first(service=services[1].pk) == services[1]
        assert plan.first(service=services[0].pk) == services[0]

    assert len(queries) == 2
    assert len(builds) == built

    other = threading.Thread(target=lambda: plan._compiled(None))
    other.start()
    other.join()
    assert len(builds) == built + 1  # another thread, another connection: its own compilation


@pytest.mark.parametrize("value", ["1 OR 1=1", 1.5, None, "7"])
def test_an_id_that_is_not_an_integer_is_refused_before_any_query(services, value):
    plan = Plan(lambda service: Service.objects.filter(pk=service), ids=("service",))

    with CaptureQueriesContext(connection) as queries, pytest.raises(TypeError):
        plan.all(service=value)

    assert len(queries) == 0


def test_values_must_be_exactly_the_named_ones(services):
    plan = Plan(lambda service: Service.objects.filter(pk=service), ids=("service",))

    with pytest.raises(TypeError):
        plan.all()
    with pytest.raises(TypeError):
        plan.all(service=1, other=2)
    with pytest.raises(TypeError):
        Plan(lambda day: Service.objects.annotate(day=RawSQL("%s", [day])), dates=("day",)).all(
            day="2026-01-01"
        )


def test_a_marker_the_sql_does_not_use_is_refused(services):
    plan = Plan(
        lambda service, unused: Service.objects.filter(pk=service), ids=("service", "unused")
    )

    with pytest.raises(ValueError, match="unused"):
        plan.all(service=1, unused=2)


@pytest.mark.django_db(transaction=True)
def test_a_locking_plan_needs_a_transaction(services):
    plan = Plan(
        lambda service: Service.objects.select_for_update().filter(pk=service), ids=("service",)
    )

    with pytest.raises(TransactionManagementError):
        plan.all(service=services[0].pk)
    with transaction.atomic():
        assert plan.first(service=services[0].pk) == services[0]
