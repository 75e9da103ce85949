import pytest

from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN


@pytest.fixture
def login(api):
    """Log ``user`` in through the API and return ``{access, refresh, user}``."""

    def _login(user, password=PASSWORD):
        response = api.post(LOGIN, {"email": user.email, "password": password})
        assert response.status_code == 200, response.content
        return response.json()

    return _login
