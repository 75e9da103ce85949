"""Registration rules hold in the service, whoever calls it (API, admin, shell)."""

import pytest

from common.exceptions import DomainError
from users import services
from users.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("user_type", ["admin", "superuser"])
def test_user_register_refuses_other_than_students_and_vendors(user_type):
    with pytest.raises(DomainError) as refused:
        services.user_register(email="x@example.com", password="S3cure-pass!", user_type=user_type)

    assert refused.value.field == "user_type"
    assert not User.objects.exists()


def test_admin_registration_through_the_api_names_the_rule(api):
    response = api.post(
        "/api/users/register/",
        {"email": "x@example.com", "password": "S3cure-pass!", "user_type": "admin"},
    )

    assert response.status_code == 400
    assert response.json() == {
        "user_type": ["Admin accounts cannot be created through registration."]
    }
