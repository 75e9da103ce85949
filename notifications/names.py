"""Public names, as the contract's "Roles" section defines them: a business
name, else first and last name, else a neutral label ("Vendor 12"). Never an
email: notifications are read by the other party of an order."""

import contextlib

from django.core.exceptions import ObjectDoesNotExist


def public_name(user) -> str:
    if user is None:
        return "Someone"
    business = ""
    if user.user_type == "vendor":  # only vendors have a business (saves a query)
        with contextlib.suppress(ObjectDoesNotExist):
            business = user.vendor_profile.business_name.strip()
    if business:
        return business
    full_name = user.get_full_name().strip()
    if full_name:
        return full_name
    return f"{user.get_user_type_display()} {user.pk}"
