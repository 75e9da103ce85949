import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.test import APIClient

from users.tests.factories import PASSWORD, StudentFactory
from users.tests.helpers import LOGIN
from users.throttles import AccountLoginThrottle, LoginClientThrottle

pytestmark = pytest.mark.django_db

LIMIT = 3
WINDOW = 60


@pytest.fixture
def account_limit(monkeypatch):
    """DRF binds the rates to the throttle class at import, so ``settings`` cannot
    override them; the class attribute can."""
    monkeypatch.setattr(AccountLoginThrottle, "THROTTLE_RATES", {"login_account": f"{LIMIT}/min"})


def fail(api, email, times):
    for _ in range(times):
        response = api.post(LOGIN, {"email": email, "password": "wrong-password"})
        assert response.status_code == 401


def assert_throttled(response):
    assert response.status_code == 429
    retry_after = response.headers["Retry-After"]
    assert retry_after.isdigit()
    assert 1 <= int(retry_after) <= WINDOW


@pytest.mark.usefixtures("account_limit")
def test_burst_of_failed_passwords_locks_the_account(api, student):
    fail(api, student.email, LIMIT)

    response = api.post(LOGIN, {"email": student.email, "password": "wrong-password"})

    assert_throttled(response)
    # Counted from the first failure, a moment ago.
    assert int(response.headers["Retry-After"]) >= WINDOW - 10


@pytest.mark.usefixtures("account_limit")
def test_correct_password_during_the_lock_is_still_refused(api, student):
    fail(api, student.email, LIMIT)

    response = api.post(LOGIN, {"email": student.email, "password": PASSWORD})

    assert_throttled(response)
    student.refresh_from_db()
    assert student.last_login is None


@pytest.mark.usefixtures("account_limit")
@pytest.mark.parametrize("key", ["email", "username"])
def test_lock_covers_every_spelling_of_the_email(api, key):
    StudentFactory(email="locked@campus.test")
    fail(api, "LOCKED@campus.test", LIMIT)

    response = api.post(LOGIN, {key: " Locked@Campus.Test", "password": PASSWORD})

    assert_throttled(response)


@pytest.mark.usefixtures("account_limit")
def test_another_account_on_the_same_client_still_logs_in(api, student):
    fail(api, student.email, LIMIT)
    other = StudentFactory()

    response = api.post(LOGIN, {"email": other.email, "password": PASSWORD})

    assert response.status_code == 200


def test_lock_lifts_once_retry_after_has_passed(api, student, monkeypatch):
    monkeypatch.setattr(AccountLoginThrottle, "THROTTLE_RATES", {"login_account": f"{LIMIT}/s"})
    for _ in range(LIMIT + 1):
        locked = api.post(LOGIN, {"email": student.email, "password": "wrong-password"})
        if locked.status_code == 429:
            break
    assert_throttled(locked)

    time.sleep(int(locked.headers["Retry-After"]))

    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 200


@pytest.mark.usefixtures("account_limit")
def test_successful_login_clears_earlier_failures(api, student):
    fail(api, student.email, LIMIT - 1)
    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 200

    fail(api, student.email, LIMIT - 1)

    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 200


@pytest.mark.usefixtures("account_limit")
def test_unknown_email_is_throttled_like_a_real_one(api):
    fail(api, "nobody@campus.test", LIMIT)

    assert_throttled(api.post(LOGIN, {"email": "nobody@campus.test", "password": "x"}))


def test_a_campus_behind_one_address_is_not_throttled(api):
    """Configured rates: many students behind one NAT address, each mistyping once."""
    students = StudentFactory.create_batch(200)

    for student in students:
        mistyped = api.post(
            LOGIN, {"email": student.email, "password": "wrong"}, REMOTE_ADDR="10.0.0.1"
        )
        assert mistyped.status_code == 401
        response = api.post(
            LOGIN, {"email": student.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
        )
        assert response.status_code == 200, response.content


def test_per_client_limit_counts_one_address_only(api, monkeypatch):
    monkeypatch.setattr(LoginClientThrottle, "THROTTLE_RATES", {"login_client": "5/min"})
    student = StudentFactory()
    credentials = {"email": student.email, "password": PASSWORD}
    for _ in range(5):
        assert api.post(LOGIN, credentials, REMOTE_ADDR="10.0.0.1").status_code == 200

    assert_throttled(api.post(LOGIN, credentials, REMOTE_ADDR="10.0.0.1"))
    assert api.post(LOGIN, credentials, REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("account_limit")
def test_parallel_guesses_cannot_slip_past_the_limit(student):
    threads = 12
    barrier = threading.Barrier(threads, timeout=60)

    def guess(index):
        try:
            barrier.wait()
            credentials = {"email": student.email, "password": f"guess-{index}"}
            return APIClient().post(LOGIN, credentials).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(threads) as pool:
        codes = list(pool.map(guess, range(threads)))

    assert sorted(codes) == [401] * LIMIT + [429] * (threads - LIMIT)
