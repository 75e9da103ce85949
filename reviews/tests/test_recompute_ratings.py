from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory
from reviews.tests.factories import ReviewFactory

from .conftest import rating_of


def recompute() -> str:
    out = StringIO()
    call_command("recompute_ratings", stdout=out)
    return out.getvalue()


def test_drifted_ratings_are_corrected_and_reported(db):
    drifted = ServiceFactory()
    ReviewFactory.create_batch(2, service=drifted, rating=5)
    ReviewFactory(service=drifted, rating=2)
    emptied = ServiceFactory()
    Service.objects.filter(pk=emptied.pk).update(rating=Decimal("4.50"), total_ratings=2)
    exact = ServiceFactory()
    ReviewFactory(service=exact, rating=3)
    Service.objects.filter(pk=exact.pk).update(rating=Decimal("3.00"), total_ratings=1)

    output = recompute()

    assert rating_of(drifted) == ("4.00", 3)
    assert rating_of(emptied) == (None, 0)
    assert rating_of(exact) == ("3.00", 1)
    assert f"Service {drifted.pk}: rating None -> 4.00, total_ratings 0 -> 3" in output
    assert f"Service {emptied.pk}: rating 4.50 -> None, total_ratings 2 -> 0" in output
    assert f"Service {exact.pk}:" not in output
    assert "Corrected 2 of 3 services." in output


def test_nothing_to_correct_is_reported_as_such(db):
    service = ServiceFactory()
    Service.objects.filter(pk=service.pk).update(rating=None, total_ratings=0)

    assert recompute().strip() == "Corrected 0 of 1 services."
