"""Redis killed under load: no answer is a 5xx, the health check says
``degraded``, and when Redis comes back the app servers use it again by
themselves (no restart)."""

import time

from tests.faults.conftest import PASSWORD, build_marketplace, register_and_login
from tests.faults.load import Load
from tests.faults.processes import call, wait_for


def health(app):
    answer = call(app, "GET", "/api/health/", timeout=10)
    return answer.status, answer.json()


def actions(app, market, guessed_email):
    sid, emails = market.service_id, [email for email, _ in market.students]

    def anonymous_list(n):
        return call(app, "GET", "/api/services/"), None

    def anonymous_detail(n):
        return call(app, "GET", f"/api/services/{sid}/"), None

    def anonymous_items(n):
        return call(app, "GET", f"/api/services/{sid}/items/?page=1"), None

    def login(n):
        # Students in turn: an account's attempts are counted before the
        # password is checked (LOGIN_LIMIT a minute), so more parallel logins
        # of one account than that are refused by design, however right.
        body = {"email": emails[n % len(emails)], "password": PASSWORD}
        return call(app, "POST", "/api/users/login/", body), 200

    def wrong_password(n):
        body = {"email": guessed_email, "password": "guess"}
        answer = call(app, "POST", "/api/users/login/", body)
        return answer, answer.status if answer.status in (401, 429) else 401

    def register_and_review(n):
        _, token = register_and_login(app, "student")  # asserts 201 and 200
        return call(app, "POST", "/api/reviews/", {"service": sid, "rating": 1 + n % 5}, token), 201

    def edit_service(n):
        body = {"service_name": f"Noodle bar {n}"}
        return call(app, "PATCH", f"/api/services/{sid}/", body, market.vendor_token), 200

    return [
        ("anonymous list", anonymous_list),
        ("anonymous detail", anonymous_detail),
        ("login", login),
        ("anonymous items", anonymous_items),
        ("wrong password", wrong_password),
        ("register, log in and review", register_and_review),
        ("edit service", edit_service),
    ]


def _is_bad(outcome) -> bool:
    answer = outcome.answer
    if answer is None or answer.status >= 500 or not answer.is_json:
        return True
    return outcome.expected is not None and answer.status != outcome.expected


def failures(outcomes):
    return [(o.action, o.answer or o.error) for o in outcomes if _is_bad(o)]


def test_killing_redis_under_load_answers_everything_and_recovers(app, redis_server):
    market = build_marketplace(app, students=6)
    guessed_email = register_and_login(app, "student")[0]
    assert health(app) == (200, {"status": "ok"})

    with Load(6, actions(app, market, guessed_email)) as load:
        time.sleep(2)
        killed_at = time.monotonic()
        redis_server.kill()
        time.sleep(3)
        assert health(app) == (200, {"status": "degraded", "cache": "unavailable"})
        time.sleep(1)
        restarted_at = time.monotonic()
        redis_server.start()
        wait_for(lambda: health(app) == (200, {"status": "ok"}), 15, "health ok after restart")
        time.sleep(2)

    during = load.between(killed_at, restarted_at)
    assert len(during) > 20, "too little load while Redis was down"
    assert failures(load.outcomes) == []

    # Redis is used again: anonymous reads fill the new, empty Redis.
    call(app, "GET", "/api/services/")
    call(app, "GET", "/api/services/")
    assert redis_server.dbsize() > 0
    # Nothing stale: the last committed name is what anonymous readers see.
    latest = call(app, "GET", f"/api/services/{market.service_id}/", token=market.vendor_token)
    anonymous = call(app, "GET", f"/api/services/{market.service_id}/")
    assert anonymous.json()["service_name"] == latest.json()["service_name"]
    # The guessed account stayed locked through the outage (counted per process meanwhile).
    answer = call(app, "POST", "/api/users/login/", {"email": guessed_email, "password": PASSWORD})
    assert answer.status == 429
