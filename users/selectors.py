"""User reads shared by every domain that shows one user to another."""


def public_name(user) -> str:
    """How ``user`` is named to anyone but themself and admins.

    A vendor's business name, else the user's first and last name, else a
    neutral label such as "Vendor 12". Never the email, nor a part of it: the
    contract keeps emails between their owner and admins.

    Only vendors have a business name, so the profile (a reverse one-to-one,
    read without importing catalogue) is looked at only for them; callers
    listing vendors select_related ``vendor_profile`` to keep one query.
    """
    if user.is_vendor:
        profile = getattr(user, "vendor_profile", None)
        if profile is not None and profile.business_name.strip():
            return profile.business_name
    full_name = f"{user.first_name} {user.last_name}".strip()
    if full_name:
        return full_name
    return f"{user.get_user_type_display()} {user.pk}"
