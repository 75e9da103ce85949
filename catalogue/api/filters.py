"""Query-string filters of the catalogue lists. An invalid value is a 400
that names the parameter, never a silently ignored filter or a 500."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from catalogue import selectors
from catalogue.models import Category, Service, ServiceType, VendorProfile
from catalogue.search import MAX_QUERY_LENGTH
from common.filters import IdFilter, StaticFilterSet


class StrictBooleanField(forms.NullBooleanField):
    """``true``/``false`` (or ``1``/``0``); anything else is an error, not "no filter"."""

    # The default select widget turns unknown values into None before validation.
    widget = forms.TextInput

    def to_python(self, value):
        normalized = str(value).strip().lower() if value is not None else ""
        if normalized == "":
            return None
        if normalized in {"true", "1"}:
            return True
        if normalized in {"false", "0"}:
            return False
        raise forms.ValidationError("Enter true or false.", code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


@extend_schema_field(OpenApiTypes.DECIMAL)
class PriceFilter(django_filters.NumberFilter):
    """A price bound: finite, at most 10 digits with 2 decimals (like the column)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Services without a price or rating sort last in both directions, on
    every database; ties fall back to newest first (``selectors.service_order``)."""

    def fields_of(self, value) -> list[tuple[str, bool]]:
        """``?ordering=``'s cleaned value as (field, descending) pairs."""
        return [(self.param_map[param.lstrip("-")], param.startswith("-")) for param in value or ()]

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*selectors.service_order(self.fields_of(value)))


class ServiceFilter(StaticFilterSet):
    category = django_filters.ChoiceFilter(choices=Category.choices)
    service_type = django_filters.ChoiceFilter(choices=ServiceType.choices)
    is_available = StrictBooleanFilter()
    vendor = IdFilter(field_name="vendor_id", label="Vendor (user id)")
    min_price = PriceFilter(field_name="base_price", lookup_expr="gte", label="Lowest base price")
    max_price = PriceFilter(field_name="base_price", lookup_expr="lte", label="Highest base price")
    search = django_filters.CharFilter(
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        label="Words of the service, its vendor's name or its items (API.md, Search)",
    )
    ordering = NullsLastOrderingFilter(
        fields=["base_price", "rating", "created_at"],
        label="Sort by base_price, rating or created_at; prefix with - for descending",
    )

    class Meta:
        model = Service
        fields = []

    # Read apart by the rows path: it ranks a search and sorts by itself.
    APART = ("search", "ordering")

    @classmethod
    def condition_values(cls, cleaned: dict) -> dict:
        """The form's values of the filters that apply, but for search and ordering."""
        return {
            name: value
            for name, value in cleaned.items()
            if name not in cls.APART and value not in EMPTY_VALUES
        }

    @classmethod
    def conditions(cls, values: dict) -> QuerySet[Service]:
        """Every service, filtered by ``values`` (``condition_values``): the
        public rows compile its conditions into their SQL
        (``catalogue.public_rows``), so each filter is written here once."""
        services = Service.objects.all()
        for name, value in values.items():
            services = cls.base_filters[name].filter(services, value)
        return services

    def filter_search(self, queryset, name, value):
        return selectors.service_search(queryset, value)


class VendorProfileFilter(StaticFilterSet):
    is_verified = StrictBooleanFilter()
    user = IdFilter(field_name="user_id", label="Vendor (user id): find a vendor's profile")

    class Meta:
        model = VendorProfile
        fields = []
