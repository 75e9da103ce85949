import django_filters
from django import forms
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
