"""Per-action tables for view sets, instead of ``if self.action == ...`` chains.

A view set lists, per action, who may call it and which serializer it reads and
writes; actions not listed fall back to the defaults. Entries of
``action_permissions`` are permission classes or composed permissions
(``IsAdminUserType | IsOwner``), anything that builds a permission when called.
"""

from collections.abc import Callable, Sequence

from rest_framework.permissions import BasePermission


class ActionTablesMixin:
    action_permissions: dict[str, Sequence[Callable[[], BasePermission]]] = {}
    default_permissions: Sequence[Callable[[], BasePermission]] | None = None
    action_serializers: dict[str, type] = {}

    def get_permissions(self):
        classes = self.action_permissions.get(self.action, self.default_permissions)
        if classes is None:
            return super().get_permissions()
        return [permission() for permission in classes]

    def get_serializer_class(self):
        return self.action_serializers.get(self.action) or super().get_serializer_class()
