import pytest

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from reviews.models import Review
from users.tests.factories import StudentFactory

from .conftest import rating_of


@pytest.fixture
def reviewed(service):
    """Two students' reviews of ``service`` (5 and 3 stars), made through the API."""
    authors = [StudentFactory(), StudentFactory()]
    ids = [
        client_for(author)
        .post("/api/reviews/", {"service": service.pk, "rating": stars})
        .json()["id"]
        for author, stars in zip(authors, (5, 3), strict=True)
    ]
    assert rating_of(service) == ("4.00", 2)
    return [Review.objects.get(pk=pk) for pk in ids]


def url(review):
    return f"/api/reviews/{review.pk}/"


def test_author_changes_rating_and_the_average_follows(service, reviewed):
    review = reviewed[0]

    response = client_for(review.user).patch(url(review), {"rating": 1, "comment": "Went off."})

    assert response.status_code == 200
    assert (response.json()["rating"], response.json()["comment"]) == (1, "Went off.")
    review.refresh_from_db()
    assert (review.rating, review.comment) == (1, "Went off.")
    assert rating_of(service) == ("2.00", 2)


def test_author_changes_only_the_comment(service, reviewed):
    review = reviewed[1]

    response = client_for(review.user).patch(url(review), {"comment": "Still fine."})

    assert response.status_code == 200
    assert response.json()["rating"] == 3
    assert rating_of(service) == ("4.00", 2)


def test_patch_can_never_move_a_review_to_another_service_or_user(service, reviewed):
    review = reviewed[0]
    other_service, other_user = ServiceFactory(), StudentFactory()

    response = client_for(review.user).patch(
        url(review), {"service": other_service.pk, "user": other_user.pk, "rating": 4}
    )

    assert response.status_code == 200
    assert (response.json()["service"], response.json()["user"]) == (service.pk, review.user_id)
    review.refresh_from_db()
    assert (review.service_id, review.user_id) == (service.pk, response.json()["user"])
    assert rating_of(service) == ("3.50", 2)
    assert rating_of(other_service) == (None, 0)


@pytest.mark.parametrize("stars", [0, 6, 4.5, "abc", True, None])
def test_patch_with_a_bad_rating_changes_nothing(service, reviewed, stars):
    review = reviewed[0]

    response = client_for(review.user).patch(url(review), {"rating": stars})

    assert response.status_code == 400
    assert "rating" in response.json()
    review.refresh_from_db()
    assert review.rating == 5
    assert rating_of(service) == ("4.00", 2)


def test_another_student_cannot_change_or_delete_a_review(service, reviewed):
    stranger = client_for(StudentFactory())

    assert stranger.patch(url(reviewed[0]), {"rating": 1}).status_code == 403
    assert stranger.delete(url(reviewed[0])).status_code == 403
    assert Review.objects.get(pk=reviewed[0].pk).rating == 5
    assert rating_of(service) == ("4.00", 2)


@pytest.mark.parametrize("role_client", ["vendor_client", "admin_client"])
def test_vendor_or_admin_cannot_change_or_delete_a_review(request, service, reviewed, role_client):
    client = request.getfixturevalue(role_client)

    assert client.patch(url(reviewed[0]), {"rating": 1}).status_code == 403
    assert client.delete(url(reviewed[0])).status_code == 403
    assert rating_of(service) == ("4.00", 2)


def test_anonymous_cannot_change_or_delete_a_review(api, service, reviewed):
    assert api.patch(url(reviewed[0]), {"rating": 1}).status_code == 401
    assert api.delete(url(reviewed[0])).status_code == 401
    assert rating_of(service) == ("4.00", 2)


def test_put_is_not_offered(service, reviewed):
    review = reviewed[0]

    response = client_for(review.user).put(
        url(review), {"service": service.pk, "rating": 1, "comment": ""}
    )

    assert response.status_code == 405
    assert rating_of(service) == ("4.00", 2)


def test_author_deletes_a_review_and_the_rating_follows(service, reviewed):
    first, second = reviewed

    assert client_for(first.user).delete(url(first)).status_code == 204
    assert not Review.objects.filter(pk=first.pk).exists()
    assert rating_of(service) == ("3.00", 1)

    assert client_for(second.user).delete(url(second)).status_code == 204
    assert rating_of(service) == (None, 0)


def test_author_may_review_again_after_deleting(service, reviewed):
    author = reviewed[0].user
    client = client_for(author)
    client.delete(url(reviewed[0]))

    response = client.post("/api/reviews/", {"service": service.pk, "rating": 2})

    assert response.status_code == 201
    assert rating_of(service) == ("2.50", 2)


@pytest.mark.parametrize("path", ["999999/", "abc/", "1" * 40 + "/", "-1/", "1.5/"])
def test_unknown_or_malformed_review_id_is_a_404(student_client, db, path):
    assert student_client.patch(f"/api/reviews/{path}", {"rating": 1}).status_code == 404
    assert student_client.delete(f"/api/reviews/{path}").status_code == 404
    assert student_client.get(f"/api/reviews/{path}").status_code == 404
