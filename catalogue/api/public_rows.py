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
from rest_framework import serializers

from catalogue.models import Service, ServiceItem, ServiceType
from common.images import variant_urls
from common.serializers import plain_converter
from schedule.selectors import CLOSURES_COLUMN, PERIODS_COLUMN, opening
from users.selectors import public_name_of

from .serializers import ServiceItemSerializer, ServiceSerializer

_NEXT_OPENING = serializers.DateTimeField()


def _file(model, name: str):
    field = model._meta.get_field(name)

    def read(row):
        stored = row[name]
        return ImageFieldFile(None, field, stored) if stored else None

    return read


def _image(read):
    def url(row, request):
        file = read(row)
        if file is None:
            return None
        return request.build_absolute_uri(file.url) if request is not None else file.url

    return url


def _variants(read):
    def urls(row, request):
        file = read(row)
        return variant_urls(file, request) if file is not None else {}

    return urls


def _is_type(service_type: str):
    return lambda row, request: row["service_type"] == service_type


def _opening_state(row) -> tuple:
    state = row.get("_opening")
    if state is None:
        service = SimpleNamespace(
            paused_until=row["paused_until"],
            is_available=row["is_available"],
            **{PERIODS_COLUMN: row[PERIODS_COLUMN], CLOSURES_COLUMN: row[CLOSURES_COLUMN]},
        )
        state = row["_opening"] = opening(service)
    return state


def _open_now(row, request):
    return _opening_state(row)[0]


def _next_opening(row, request):
    next_opening = _opening_state(row)[1]
    return None if next_opening is None else _NEXT_OPENING.to_representation(next_opening)


def _vendor_name(row, request):
    return public_name_of(
        pk=row["vendor_id"],
        user_type=row["vendor__user_type"],
        first_name=row["vendor__first_name"],
        last_name=row["vendor__last_name"],
        business_name=row["vendor__vendor_profile__business_name"],
    )


def _column(name: str):
    return lambda row, request: row[name]


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
            else:
                self.steps.append((name, None, plain_converter(field)))

    def render(self, row: dict, request) -> dict:
        data = {}
        for name, compute, convert in self.steps:
            if compute is not None:
                data[name] = compute(row, request)
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
    plan = _plan(_service_plan)
    return [plan.render(row, request) for row in rows]


def service_detail_data(row: dict, items: list[dict], request) -> dict:
    """``ServiceDetailSerializer(service).data`` of a service row and its item rows."""
    data = _plan(_service_plan).render(row, request)
    item_plan = _plan(_item_plan)
    data["items"] = [item_plan.render(item, request) for item in items]
    return data
