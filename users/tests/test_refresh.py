import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from users.tests.helpers import ME, REFRESH, bearer

pytestmark = pytest.mark.django_db


def test_refresh_returns_a_new_working_pair(api, student, login):
    old = login(student)

    response = api.post(REFRESH, {"refresh": old["refresh"]})

    assert response.status_code == 200
    new = response.json()
    assert set(new) == {"access", "refresh"}
    assert new["refresh"] != old["refresh"]
    assert bearer(new["access"]).get(ME).json()["id"] == student.pk


def test_used_refresh_token_is_refused(api, student, login):
    old = login(student)["refresh"]
    assert api.post(REFRESH, {"refresh": old}).status_code == 200

    response = api.post(REFRESH, {"refresh": old})

    assert response.status_code == 401
    assert BlacklistedToken.objects.filter(token__token=old).exists()


def test_rotated_tokens_keep_rotating(api, student, login):
    refresh = login(student)["refresh"]

    for _ in range(3):
        response = api.post(REFRESH, {"refresh": refresh})
        assert response.status_code == 200
        refresh = response.json()["refresh"]


def test_refresh_does_not_need_a_valid_access_token(api, student, login):
    refresh = login(student)["refresh"]
    api.credentials(HTTP_AUTHORIZATION="Bearer expired-or-garbage")

    assert api.post(REFRESH, {"refresh": refresh}).status_code == 200


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "x" * 4000])
def test_garbage_refresh_token_is_refused(api, token):
    response = api.post(REFRESH, {"refresh": token})

    assert response.status_code == 401


def test_access_token_is_not_a_refresh_token(api, student, login):
    access = login(student)["access"]

    assert api.post(REFRESH, {"refresh": access}).status_code == 401


def test_expired_refresh_token_is_refused(api, student):
    token = RefreshToken.for_user(student)
    token.set_exp(lifetime=-timedelta(seconds=1))

    assert api.post(REFRESH, {"refresh": str(token)}).status_code == 401


@pytest.mark.parametrize("body", [{}, {"refresh": ""}, {"refresh": ["x"]}, {"refresh": None}])
def test_missing_or_wrong_typed_refresh_is_a_field_error(api, body):
    response = api.post(REFRESH, body)

    assert response.status_code == 400
    assert "refresh" in response.json()


def test_refresh_token_of_a_deleted_user_is_refused(api, student, login):
    refresh = login(student)["refresh"]
    student.delete()

    assert api.post(REFRESH, {"refresh": refresh}).status_code == 401


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_refreshes_of_one_token_let_exactly_one_through(student):
    refresh = RefreshToken.for_user(student)
    minted_before = OutstandingToken.objects.count()
    threads = 10
    barrier = threading.Barrier(threads, timeout=60)

    def rotate(_):
        try:
            barrier.wait()
            return APIClient().post(REFRESH, {"refresh": str(refresh)}).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(threads) as pool:
        codes = list(pool.map(rotate, range(threads)))

    assert sorted(codes) == [200] + [401] * (threads - 1)
    assert OutstandingToken.objects.count() == minted_before + 1
    assert BlacklistedToken.objects.filter(token__jti=refresh["jti"]).count() == 1
