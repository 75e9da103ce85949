import copy

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


class _SharedFields(dict):
    """A static filter set's form fields: every form gets them as they are.

    Django deep-copies a form's fields for each form so that one form may
    change its own (choices, widgets); a static filter set's forms never do,
    and the deep copy of eight fields was a tenth of a list's Python time.
    """

    def __deepcopy__(self, memo):
        return dict(self)


class StaticFilterSet(django_filters.FilterSet):
    """A filter set whose filters and form depend on nothing but the class
    (no choices or querysets read from the request).

    django-filter deep-copies every filter and builds a new form class for
    each request: 10 % of an uncached service list with two filters sent
    (measured). Here the form class is built once per class, its forms share
    its fields (``_SharedFields``), and each filter set gets shallow copies of
    the filters, enough to hold its own ``parent`` and ``model``.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        base_filters = self.base_filters
        self.base_filters = {}  # nothing to deep-copy in super().__init__
        super().__init__(data, queryset, request=request, prefix=prefix)
        del self.base_filters
        model = self.queryset.model
        self.filters = {}
        for name, template in base_filters.items():
            filter_ = self.filters[name] = copy.copy(template)
            filter_.model = model
            filter_.parent = self
            if filter_.method is not None:
                # Rebinds the method's proxy (it points at its filter) to the copy.
                filter_.method = template.method

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = cls._form_class = super().get_form_class()
            form_class.base_fields = _SharedFields(form_class.base_fields)
        return form_class


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
