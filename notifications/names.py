"""Public names, as the contract's "Roles" section defines them: a business
name, else first and last name, else a neutral label ("Vendor 12"). Never an
email: notifications are read by the other party of an order."""

from django.core.exceptions import ObjectDoesNotExist


def public_name(user) -> str:
    if user is None:
        return "Someone"
    try:
        business = user.vendor_profile.business_name.strip()
    except ObjectDoesNotExist:
        business = ""
    if business:
        return business
    full_name = user.get_full_name().strip()
    if full_name:
        return full_name
    return f"{user.get_user_type_display()} {user.pk}"
