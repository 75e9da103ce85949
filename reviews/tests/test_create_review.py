import pytest

from conftest import client_for
from reviews.models import Review
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory

from .conftest import rating_of

URL = "/api/reviews/"


def test_student_reviews_a_service_and_its_rating_follows(student, student_client, service):
    response = student_client.post(URL, {"service": service.pk, "rating": 4, "comment": "Tasty."})

    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {
        "id",
        "service",
        "user",
        "user_name",
        "rating",
        "comment",
        "created_at",
        "updated_at",
        "verified_purchase",
        "vendor_reply",
        "removed",
    }
    assert (body["service"], body["user"], body["rating"], body["comment"]) == (
        service.pk,
        student.pk,
        4,
        "Tasty.",
    )
    assert body["user_name"] == f"{student.first_name} {student.last_name}"
    assert body["verified_purchase"] is False
    assert Review.objects.get(pk=body["id"]).user == student
    assert rating_of(service) == ("4.00", 1)


def test_average_is_rounded_half_up_to_two_places(service):
    for stars in (5, 4, 4):
        assert (
            client_for(StudentFactory())
            .post(URL, {"service": service.pk, "rating": stars})
            .status_code
            == 201
        )

    assert rating_of(service) == ("4.33", 3)

    for stars in (4, 4, 4, 4, 4):
        client_for(StudentFactory()).post(URL, {"service": service.pk, "rating": stars})
    # 5 + 4*7 = 33 over 8 = 4.125, a tie that rounds up.
    assert rating_of(service) == ("4.13", 8)


def test_user_in_the_body_is_ignored(student, student_client, service):
    other = StudentFactory()

    response = student_client.post(URL, {"service": service.pk, "rating": 3, "user": other.pk})

    assert response.status_code == 201
    assert response.json()["user"] == student.pk
    assert not Review.objects.filter(user=other).exists()


def test_comment_is_optional_and_null_means_empty(service):
    without = client_for(StudentFactory()).post(URL, {"service": service.pk, "rating": 5})
    null = client_for(StudentFactory()).post(
        URL, {"service": service.pk, "rating": 5, "comment": None}
    )

    assert without.status_code == null.status_code == 201
    assert without.json()["comment"] == null.json()["comment"] == ""


@pytest.mark.parametrize("stars", [4, "4", 4.0])
def test_whole_number_ratings_are_accepted_in_any_spelling(student_client, service, stars):
    response = student_client.post(URL, {"service": service.pk, "rating": stars})

    assert response.status_code == 201, response.json()
    assert response.json()["rating"] == 4


def test_form_encoded_review_is_refused_as_unsupported(student_client, service):
    # Bodies are JSON; multipart is taken only where an image is uploaded.
    response = student_client.post(
        URL, {"service": str(service.pk), "rating": "2"}, format="multipart"
    )

    assert response.status_code == 415
    assert response["Content-Type"] == "application/json"
    assert rating_of(service) == (None, 0)


def post_raw(client, body: str):
    """JSON the test client would refuse to encode (``1e400``, ``NaN``)."""
    return client.generic("POST", URL, body, content_type="application/json")


@pytest.mark.parametrize(
    "stars",
    ["0", "6", "-1", "4.5", '"4.5"', '"abc"', '""', "true", "false", "null", "1e400",
     "1" * 30, "[4]", '{"v": 4}'],
)  # fmt: skip
def test_rating_that_is_not_a_whole_number_from_1_to_5_is_refused(student_client, service, stars):
    client_for(StudentFactory()).post(URL, {"service": service.pk, "rating": 5})
    client_for(StudentFactory()).post(URL, {"service": service.pk, "rating": 2})
    before = rating_of(service)

    response = post_raw(student_client, f'{{"service": {service.pk}, "rating": {stars}}}')

    assert response.status_code == 400
    assert "rating" in response.json()
    assert rating_of(service) == before == ("3.50", 2)


def test_missing_rating_is_refused(student_client, service):
    response = student_client.post(URL, {"service": service.pk})

    assert response.status_code == 400
    assert response.json()["rating"] == ["This field is required."]


@pytest.mark.parametrize(
    "bad",
    ["999999", "0", "-3", '"abc"', "1e400", "true", "1" * 30, '"1' + "0" * 30 + '"',
     "null", '""', "[1]", "4.5", '"\u00b2"', '"\u2460"'],
)  # fmt: skip
def test_review_of_a_missing_service_is_refused(student_client, db, bad):
    response = post_raw(student_client, f'{{"service": {bad}, "rating": 4}}')

    assert response.status_code == 400
    assert "service" in response.json()
    assert not Review.objects.exists()


def test_review_of_a_deactivated_service_is_refused(student_client, service):
    service.is_active = False
    service.save()

    response = student_client.post(URL, {"service": service.pk, "rating": 4})

    assert response.status_code == 400
    assert "service" in response.json()
    assert rating_of(service) == (None, 0)


def test_second_review_of_the_same_service_is_refused(student_client, service):
    assert student_client.post(URL, {"service": service.pk, "rating": 5}).status_code == 201

    response = student_client.post(URL, {"service": service.pk, "rating": 1})

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["You have already reviewed this service"]}
    assert rating_of(service) == ("5.00", 1)


def test_review_stored_by_another_path_still_blocks_a_duplicate(student, student_client, service):
    ReviewFactory(service=service, user=student, rating=2)

    response = student_client.post(URL, {"service": service.pk, "rating": 5})

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["You have already reviewed this service"]}


def test_comment_with_a_nul_byte_or_too_long_is_refused(student_client, service):
    nul = student_client.post(URL, {"service": service.pk, "rating": 4, "comment": "a\x00b"})
    long = student_client.post(URL, {"service": service.pk, "rating": 4, "comment": "x" * 5001})

    assert nul.status_code == long.status_code == 400
    assert "comment" in nul.json() and "comment" in long.json()
    assert rating_of(service) == (None, 0)


@pytest.mark.parametrize("role_client", ["vendor_client", "admin_client"])
def test_only_students_may_review(request, service, role_client):
    response = request.getfixturevalue(role_client).post(URL, {"service": service.pk, "rating": 5})

    assert response.status_code == 403
    assert rating_of(service) == (None, 0)


def test_anonymous_review_needs_a_token(api, service):
    response = api.post(URL, {"service": service.pk, "rating": 5})

    assert response.status_code == 401
    assert rating_of(service) == (None, 0)


def test_invalid_token_is_refused(api, service):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    assert api.post(URL, {"service": service.pk, "rating": 5}).status_code == 401


def test_non_object_body_is_a_400(student_client, db):
    response = student_client.post(URL, [1, 2], format="json")

    assert response.status_code == 400
