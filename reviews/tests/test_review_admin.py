import pytest
from django.test import Client

from conftest import client_for
from reviews.models import Review
from users.tests.factories import AdminFactory, StudentFactory

from .conftest import rating_of

CHANGELIST = "/admin/reviews/review/"


@pytest.fixture
def admin_site(db):
    client = Client()
    client.force_login(AdminFactory(is_superuser=True))
    return client


@pytest.fixture
def reviews(service):
    """Three reviews of ``service`` (5, 4 and 1 stars), made through the API."""
    made = []
    for stars, comment in ((5, "Lovely noodles"), (4, "Quick"), (1, "Cold noodles")):
        response = client_for(StudentFactory()).post(
            "/api/reviews/", {"service": service.pk, "rating": stars, "comment": comment}
        )
        made.append(Review.objects.get(pk=response.json()["id"]))
    assert rating_of(service) == ("3.33", 3)
    return made


def test_admin_deleting_a_review_updates_the_rating(admin_site, service, reviews):
    response = admin_site.post(f"{CHANGELIST}{reviews[2].pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Review.objects.filter(pk=reviews[2].pk).exists()
    assert rating_of(service) == ("4.50", 2)


def test_admin_bulk_delete_updates_the_rating(admin_site, service, reviews):
    response = admin_site.post(
        CHANGELIST,
        {
            "action": "delete_selected",
            "_selected_action": [reviews[0].pk, reviews[1].pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert list(Review.objects.values_list("pk", flat=True)) == [reviews[2].pk]
    assert rating_of(service) == ("1.00", 1)


def test_admin_editing_a_rating_updates_the_service(admin_site, service, reviews):
    review = reviews[2]

    response = admin_site.post(
        f"{CHANGELIST}{review.pk}/change/", {"rating": 4, "comment": "Edited by moderation"}
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.rating, review.comment) == (4, "Edited by moderation")
    assert rating_of(service) == ("4.33", 3)


def test_admin_searches_and_filters_reviews(admin_site, service, reviews):
    noodles = admin_site.get(CHANGELIST, {"q": "noodles"})
    by_email = admin_site.get(CHANGELIST, {"q": reviews[1].user.email})
    by_service = admin_site.get(CHANGELIST, {"q": service.service_name})
    five_stars = admin_site.get(CHANGELIST, {"rating__exact": 5})

    assert [r.context["cl"].result_count for r in (noodles, by_email, by_service, five_stars)] == [
        2,
        1,
        3,
        1,
    ]


def test_admin_cannot_write_a_review_in_a_students_name(admin_site, db):
    assert admin_site.get(f"{CHANGELIST}add/").status_code == 403
