"""``common.plans``: a queryset compiled once answers as the queryset does."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, Value, signals
from django.db.models.expressions import RawSQL
from django.db.models.fields.files import FieldFile
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from catalogue.models import Service, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from common.plans import Plan, create
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


# ``create``: Model.objects.create with the INSERT compiled once.


def _stored_like_create(model, theirs_also, **values):
    """The same row written by ``create`` and by ``objects.create`` (with
    ``theirs_also`` changed, for unique columns), both read back."""
    ours = create(model, **values)
    theirs = model.objects.create(**{**values, **theirs_also})
    return ours, model.objects.get(pk=ours.pk), model.objects.get(pk=theirs.pk)


def _columns(instance, *skip):
    def value(field):
        value = getattr(instance, field.attname)
        # A file field without a file: None in memory, "" stored (as after objects.create).
        return (value.name or "") if isinstance(value, FieldFile) else value

    return {
        field.attname: value(field)
        for field in instance._meta.concrete_fields
        if field.attname not in ("id", *skip)
    }


def test_create_stores_the_row_objects_create_stores_and_returns_it_saved(services):
    for _ in range(2):  # the first call compiles, the second reuses
        ours, stored, theirs = _stored_like_create(
            ServiceItem,
            {"name": "Chai (objects.create)"},
            service=services[0],
            name="Chai",
            price=Decimal("2.50"),
            description="x",
        )
        assert ours.pk is not None and ours._state.adding is False
        assert ours._state.db == "default"
        assert _columns(ours) == _columns(stored)  # the instance is the row, times included
        assert _columns(stored, "created_at", "updated_at", "name") == _columns(
            theirs, "created_at", "updated_at", "name"
        )
        ServiceItem.objects.filter(pk__in=[ours.pk, theirs.pk]).update(is_active=False)


def test_create_keeps_json_text_and_foreign_keys(student):
    from notifications.models import Notification
    from orders.models import Order, OrderEvent
    from orders.tests.factories import OrderFactory

    order = OrderFactory(customer=student)
    event = create(
        OrderEvent, order=order, kind="placed", actor=student, data={"lines": 2, "note": "é"}
    )
    notification = create(
        Notification,
        recipient_id=student.pk,
        kind="order_placed",
        title="T",
        body="B",
        subject_type="order",
        subject_id=order.pk,
    )

    assert OrderEvent.objects.get(pk=event.pk).data == {"lines": 2, "note": "é"}
    assert event.order is order
    assert Notification.objects.get(pk=notification.pk).order_id == order.pk
    assert isinstance(Order.objects.get(pk=order.pk), Order)


def test_create_is_one_statement(services):
    create(ServiceItem, service=services[0], name="Warm", price=1)

    with CaptureQueriesContext(connection) as queries:
        create(ServiceItem, service=services[0], name="Tea", price=1)

    assert len(queries) == 1
    assert queries[0]["sql"].startswith("INSERT")


def test_a_refused_insert_marks_the_transaction_as_objects_create_does(services):
    create(ServiceItem, service=services[0], name="Only one", price=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        try:
            create(ServiceItem, service=services[0], name="Only one", price=1)
        finally:
            assert transaction.get_rollback()


def test_an_unsaved_related_row_is_refused_as_save_refuses_it(services):
    with pytest.raises(ValueError, match="unsaved related object"):
        create(ServiceItem, service=Service(service_name="Never saved"), name="X", price=1)


def test_save_signals_and_expressions_take_django_s_own_save(services):
    heard = []

    def listener(sender, instance, created, **kwargs):
        heard.append((instance.name, created))

    signals.post_save.connect(listener, sender=ServiceItem)
    try:
        create(ServiceItem, service=services[0], name="Heard", price=1)
    finally:
        signals.post_save.disconnect(listener, sender=ServiceItem)
    item = create(ServiceItem, service=services[0], name="Computed", price=Value(3) + Value(4))

    assert heard == [("Heard", True)]
    assert ServiceItem.objects.get(pk=item.pk).price == Decimal("7.00")
