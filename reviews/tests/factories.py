import factory

from catalogue.tests.factories import ServiceFactory
from reviews.models import Review
from users.tests.factories import StudentFactory


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review row as stored (the service's rating is not updated by it)."""

    class Meta:
        model = Review

    service = factory.SubFactory(ServiceFactory)
    user = factory.SubFactory(StudentFactory)
    rating = 4
    comment = "Good."
