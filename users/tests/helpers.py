from rest_framework.test import APIClient

REGISTER = "/api/users/register/"
LOGIN = "/api/users/login/"
LOGOUT = "/api/users/logout/"
ME = "/api/users/me/"
PASSWORD_CHANGE = "/api/users/me/password/"
REFRESH = "/api/token/refresh/"

USER_FIELDS = {
    "id",
    "email",
    "first_name",
    "last_name",
    "phone_number",
    "user_type",
    "date_joined",
    "email_verified",
}


def bearer(access: str) -> APIClient:
    """A client sending ``access`` as its bearer token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client
