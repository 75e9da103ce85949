"""User reads shared by every domain that shows one user to another."""

from users.models import UserType

_LABELS = dict(UserType.choices)


def public_name(user) -> str:
    """How ``user`` is named to anyone but themself and admins.

    A vendor's business name, else the user's first and last name, else a
    neutral label such as "Vendor 12". Never the email, nor a part of it: the
    contract keeps emails between their owner and admins.

    Only vendors have a business name, so the profile (a reverse one-to-one,
    read without importing catalogue) is looked at only for them; callers
    listing vendors select_related ``vendor_profile`` to keep one query.
    """
    profile = getattr(user, "vendor_profile", None) if user.is_vendor else None
    return public_name_of(
        pk=user.pk,
        user_type=user.user_type,
        first_name=user.first_name,
        last_name=user.last_name,
        business_name=profile.business_name if profile is not None else None,
    )


def public_name_of(
    *, pk: int, user_type: str, first_name: str, last_name: str, business_name: str | None
) -> str:
    """``public_name`` from the columns it reads (``business_name``: the
    vendor profile's, None without one), for reads that hold no model."""
    if user_type == UserType.VENDOR and business_name is not None and business_name.strip():
        return business_name
    full_name = f"{first_name} {last_name}".strip()
    if full_name:
        return full_name
    return f"{_LABELS.get(user_type, user_type)} {pk}"  # as get_user_type_display()
