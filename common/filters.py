import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from common.fields import MAX_PK


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.Filter):
    """A whole-number id filter: ``abc``, ``1e400`` or 30 digits are a 400
    naming the parameter, never a lookup that crashes."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_PK)
        super().__init__(*args, **kwargs)


class FilterBackend(DjangoFilterBackend):
    """django-filter, run only when it has something to do.

    Without any of its parameters in the query string, the filter set would
    build and validate a form only to return the queryset unchanged (11 % of
    an uncached service list, measured); a single object (retrieve) is never
    filtered by list parameters. Both return the queryset as it is.
    """

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) == "retrieve":
            return queryset
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None and request.query_params:
            if not request.query_params.keys() & filterset_class.base_filters.keys():
                return queryset
        elif filterset_class is not None:
            return queryset
        return super().filter_queryset(request, queryset, view)
