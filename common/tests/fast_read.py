"""The reference for ``common.serializers.FastReadMixin``: the same
serializer with DRF's own machinery, nested serializers included."""

import copy
import json

from rest_framework import serializers

from common.serializers import FastReadMixin


def plain(cls):
    """``cls`` reading through DRF's own machinery (``fast_read = False``),
    and so do the serializers it nests; its own methods stay."""
    attrs = {"fast_read": False}
    for name, field in cls._declared_fields.items():
        if isinstance(field, serializers.ListSerializer) and _fast(field.child):
            child = field.child
            attrs[name] = plain(type(child))(*child._args, many=True, **child._kwargs)
        elif _fast(field):
            attrs[name] = plain(type(field))(*field._args, **field._kwargs)
        else:
            attrs[name] = copy.deepcopy(field)
    return type(f"Plain{cls.__name__}", (cls,), attrs)


def _fast(field) -> bool:
    return isinstance(field, FastReadMixin)


def assert_same_json(fast_class, instances, **kwargs) -> list:
    """``fast_class`` and its plain twin give the same JSON for ``instances``."""
    fast = fast_class(instances, many=True, **kwargs).data
    reference = plain(fast_class)(instances, many=True, **kwargs)
    nested = [
        field.child if isinstance(field, serializers.ListSerializer) else field
        for field in reference.child.fields.values()
    ]
    assert not any(getattr(s, "fast_read", False) for s in [reference.child, *nested])
    slow = reference.data
    assert json.dumps(fast) == json.dumps(slow)
    return fast
