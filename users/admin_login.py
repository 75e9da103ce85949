"""The Django admin's login, throttled per account like the API's.

Both count failed passwords under the same per-account key, so an attacker
cannot get around the API's lockout by guessing through the admin's form.
"""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from users.throttles import AccountLoginThrottle


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        email = self.cleaned_data.get("username")
        if not email or not self.cleaned_data.get("password"):
            return super().clean()
        throttle = AccountLoginThrottle()
        wait = throttle.attempt(email)
        if wait is not None:
            raise ValidationError(
                "Too many attempts for this account; try again in %(wait)d seconds.",
                code="throttled",
                params={"wait": wait},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            raise
        except Exception:
            # A server failure says nothing about the password.
            throttle.forgive(email)
            raise
        throttle.reset(email)
        return cleaned
