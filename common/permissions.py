"""Role checks shared by every domain's API.

Roles come from ``user.user_type``. Object ownership checks live with the
domain that owns the object; these only answer "who is calling".
"""

from rest_framework.permissions import BasePermission


def _has_role(request, role: str) -> bool:
    user = request.user
    return bool(user and user.is_authenticated and user.user_type == role)


class IsStudent(BasePermission):
    message = "Only students can do this."

    def has_permission(self, request, view):
        return _has_role(request, "student")


class IsVendor(BasePermission):
    message = "Only vendors can do this."

    def has_permission(self, request, view):
        return _has_role(request, "vendor")


class IsAdminUserType(BasePermission):
    message = "Only admins can do this."

    def has_permission(self, request, view):
        return _has_role(request, "admin")
