"""Serializers that read fast and answer exactly as DRF's would.

A profile of an uncached service list (docs/ARCHITECTURE.md, "Speed") spent
8 % of the request building serializer fields (deep copies of the declared
fields and model introspection, on every request) and most of the 22 %
spent serializing in DRF's per-field machinery. ``FastReadMixin``:

- builds a serializer class's fields once per class for reads, and gives
  each serializer shallow copies of them (nested serializers are deep-copied,
  as DRF does, so their context is their own request's); validation (a
  serializer given ``data``) builds its fields the usual way;
- turns each row into a dict with a plan made once per serializer (for a
  list: once per page): plain attributes are read with ``getattr`` and the
  commonest fields (text, integers, booleans) are converted inline; every
  other field goes through DRF's own ``get_attribute``/``to_representation``.
  The JSON is the same byte for byte (``common/tests/test_fast_serializers.py``).
"""

import copy
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from rest_framework import ISO_8601, fields, relations, serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

_GENERAL = object()  # read the attribute the way DRF does


def _plain_source(field) -> str | None:
    """The attribute name a field reads with a plain ``getattr``, or None."""
    if type(field).get_attribute is not fields.Field.get_attribute:
        return None
    if isinstance(field, serializers.BaseSerializer | relations.RelatedField):
        return None
    if field.source == "*" or len(field.source_attrs) != 1:
        return None
    return field.source_attrs[0]


def plain_converter(field):
    """A faster exact equivalent of ``field.to_representation`` for plain types."""
    kind = type(field)
    method = kind.to_representation
    if method is fields.CharField.to_representation:
        return str
    if method is fields.IntegerField.to_representation:
        return int
    if method is fields.BooleanField.to_representation:
        general = field.to_representation
        return lambda value: value if value is True or value is False else general(value)
    if method is fields.DateTimeField.to_representation and renders_iso_in_current_zone(field):
        return _iso_datetime(field.to_representation)
    return field.to_representation


def renders_iso_in_current_zone(field) -> bool:
    """True for a DRF ``DateTimeField`` rendering ISO 8601 in the current time zone."""
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    return (
        isinstance(field, fields.DateTimeField)
        and settings.USE_TZ
        and isinstance(output_format, str)
        and output_format.lower() == ISO_8601
        and not hasattr(field, "timezone")
    )


def _iso_text(value: datetime, zone) -> str | None:
    """DRF's ISO 8601 text of an aware datetime in ``zone`` (``Z`` for UTC);
    None when DRF would have to decide (naive, or out of range there)."""
    if type(value) is not datetime or value.tzinfo is None:
        return None
    try:
        text = value.astimezone(zone).isoformat()
    except OverflowError:
        return None
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def iso_or_general(value, zone, general):
    """``_iso_text`` of ``value`` in ``zone``, or ``general(value)`` (the DRF
    field's own rendering) where DRF has to decide."""
    text = _iso_text(value, zone)
    return general(value) if text is None else text


def _iso_datetime(general):
    """``DateTimeField.to_representation`` without its per-value wrappers;
    anything unusual goes to DRF."""
    return lambda value: iso_or_general(value, timezone.get_current_timezone(), general)


# Put before ``serializers.Serializer``/``ModelSerializer`` in the bases. A
# comment, not a docstring: the schema would show it for every serializer
# without a docstring of its own.
class FastReadMixin:
    # False: DRF's own machinery (what the tests compare the fast path with).
    fast_read = True

    def get_fields(self):
        if hasattr(self, "initial_data") or not self.fast_read:
            return super().get_fields()
        cls = type(self)
        templates = cls.__dict__.get("_read_field_templates")
        if templates is None:
            templates = super().get_fields()
            cls._read_field_templates = templates
        return {
            name: copy.deepcopy(field)
            if isinstance(field, serializers.BaseSerializer)
            else copy.copy(field)
            for name, field in templates.items()
        }

    def _read_plan(self):
        plan = []
        for field in self._readable_fields:
            source = _plain_source(field)
            if source is None:
                plan.append((field.field_name, field, _GENERAL, field.to_representation))
            else:
                plan.append((field.field_name, field, source, plain_converter(field)))
        return plan

    def to_representation(self, instance):
        if not self.fast_read:
            return super().to_representation(instance)
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self._plan = self._read_plan()
        ret = {}
        for name, field, source, convert in plan:
            if source is _GENERAL:
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
                check = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
                ret[name] = None if check is None else convert(attribute)
                continue
            try:
                attribute = getattr(instance, source)
            except AttributeError:
                attribute = _GENERAL
            if attribute is _GENERAL or callable(attribute) or isinstance(attribute, dict):
                # Unusual: let DRF decide (defaults, SkipField, callables).
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
                convert = field.to_representation
            ret[name] = None if attribute is None else convert(attribute)
        return ret
