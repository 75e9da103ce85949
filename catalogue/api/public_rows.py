"""Rows of ``catalogue.public_rows`` as the service serializers render them.

Each serializer's fields are turned once into a plan: a column read and
converted as the serializer's own field converts it (``common.serializers``'
converters, so text, integers and booleans pass as they are and decimals
and times go through DRF's field), and a handful of fields computed from the
row (the vendor's public name, image URLs, the service type's flags, the
opening state). ``catalogue/tests/test_public_rows.py`` compares the output
with the serializers' for services of every shape.
"""

from types import SimpleNamespace

from django.db.models.fields.files import ImageFieldFile
from django.utils import timezone
from rest_framework import serializers

from catalogue.models import Service, ServiceItem, ServiceType
from catalogue.selectors import LOWEST_ITEM_PRICE, option_groups_by_item
from common.images import variant_urls
from common.serializers import iso_or_general, plain_converter, renders_iso_in_current_zone
from schedule import clock
from schedule.selectors import CLOSURES_COLUMN, PERIODS_COLUMN, opening, opening_key
from users.selectors import public_name_of

from .serializers import (
    OptionGroupSerializer,
    ServiceItemSerializer,
    ServiceSerializer,
    from_price_text,
)


class _Answer:
    """What every row of one answer shares: the request, the time and time
    zone it is rendered at, and the opening states already computed (many
    services keep the same hours: ``schedule.selectors.opening_key``)."""

    def __init__(self, request):
        self.request = request
        self.now = clock.now()
        self.zone = timezone.get_current_timezone()
        self.openings: dict = {}


def _file(model, name: str):
    field = model._meta.get_field(name)

    def read(row):
        stored = row[name]
        return ImageFieldFile(None, field, stored) if stored else None

    return read


def _image(read):
    def url(row, answer):
        file = read(row)
        if file is None:
            return None
        request = answer.request
        return request.build_absolute_uri(file.url) if request is not None else file.url

    return url


def _variants(read):
    def urls(row, answer):
        file = read(row)
        return variant_urls(file, answer.request) if file is not None else {}

    return urls


def _is_type(service_type: str):
    return lambda row, answer: row["service_type"] == service_type


def _time(field, name: str | None = None):
    """A time as the DRF field renders it, in the answer's time zone."""
    general = field.to_representation

    def render(value, answer):
        return None if value is None else iso_or_general(value, answer.zone, general)

    if name is None:
        return render
    return lambda row, answer: render(row[name], answer)


_next_opening_text = _time(serializers.DateTimeField())


_OPENING = "_opening"  # a row's opening state, once computed


def _opening_state(row, answer) -> tuple:
    state = row.get(_OPENING)
    if state is not None:
        return state
    service = SimpleNamespace(
        paused_until=row["paused_until"],
        is_available=row["is_available"],
        **{PERIODS_COLUMN: row[PERIODS_COLUMN], CLOSURES_COLUMN: row[CLOSURES_COLUMN]},
    )
    key = opening_key(service)
    state = answer.openings.get(key)
    if state is None:
        state = answer.openings[key] = opening(service, now=answer.now)
    row[_OPENING] = state
    return state


def _open_now(row, answer):
    return _opening_state(row, answer)[0]


def _next_opening(row, answer):
    return _next_opening_text(_opening_state(row, answer)[1], answer)


def _vendor_name(row, answer):
    return public_name_of(
        pk=row["vendor_id"],
        user_type=row["vendor__user_type"],
        first_name=row["vendor__first_name"],
        last_name=row["vendor__last_name"],
        business_name=row["vendor__vendor_profile__business_name"],
    )


def _from_price(row, answer):
    return from_price_text(row[LOWEST_ITEM_PRICE], row["base_price"])


def _column(name: str):
    return lambda row, answer: row[name]


class _Plan:
    """One serializer's fields, in order, as functions of a row."""

    def __init__(self, serializer_class, computed: dict):
        fields = serializer_class().fields
        self.steps = []
        for name, field in fields.items():
            if field.write_only:
                continue
            if name in computed:
                self.steps.append((name, computed[name], None))
            elif renders_iso_in_current_zone(field):
                self.steps.append((name, _time(field, name), None))
            else:
                self.steps.append((name, None, plain_converter(field)))

    def render(self, row: dict, answer: _Answer) -> dict:
        data = {}
        for name, compute, convert in self.steps:
            if compute is not None:
                data[name] = compute(row, answer)
            else:
                value = row[name]
                data[name] = None if value is None else convert(value)
        return data


def _service_plan() -> _Plan:
    images = _file(Service, "images")
    return _Plan(
        ServiceSerializer,
        {
            "vendor": _column("vendor_id"),
            "vendor_name": _vendor_name,
            "images": _image(images),
            "image_variants": _variants(images),
            "supports_booking": _is_type(ServiceType.BOOKING),
            "supports_ordering": _is_type(ServiceType.ORDERING),
            "supports_walk_in": _is_type(ServiceType.WALK_IN),
            "requires_contact": _is_type(ServiceType.CONTACT),
            "open_now": _open_now,
            "next_opening": _next_opening,
            "from_price": _from_price,
        },
    )


def _item_plan() -> _Plan:
    image = _file(ServiceItem, "image")
    return _Plan(
        ServiceItemSerializer,
        {
            "service": _column("service_id"),
            "image": _image(image),
            "image_variants": _variants(image),
            "option_groups": _column("option_groups"),
        },
    )


_PLANS: dict = {}


def _plan(build) -> _Plan:
    plan = _PLANS.get(build)
    if plan is None:
        plan = _PLANS[build] = build()
    return plan


def service_data(rows: list[dict], request) -> list[dict]:
    """``ServiceSerializer(services, many=True).data`` of public service rows."""
    plan, answer = _plan(_service_plan), _Answer(request)
    return [plan.render(row, answer) for row in rows]


def service_detail_data(row: dict, items: list[dict], request) -> dict:
    """``ServiceDetailSerializer(service).data`` of a service row and its item rows."""
    answer = _Answer(request)
    data = _plan(_service_plan).render(row, answer)
    item_plan = _plan(_item_plan)
    groups = option_groups_by_item([item["id"] for item in items])
    for item in items:
        item["option_groups"] = OptionGroupSerializer(groups.get(item["id"], []), many=True).data
    data["items"] = [item_plan.render(item, answer) for item in items]
    return data
