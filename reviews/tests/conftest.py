import pytest

from catalogue.tests.factories import ServiceFactory


@pytest.fixture
def service(db):
    return ServiceFactory()


def rating_of(service):
    """The service's stored ``(rating, total_ratings)``, as the catalogue serves it."""
    service.refresh_from_db()
    return (None if service.rating is None else str(service.rating), service.total_ratings)
