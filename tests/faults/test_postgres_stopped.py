"""PostgreSQL stopped by pid under load: every answer is JSON, the failures
are 503s with Retry-After, nothing is half-written, and the app servers
recover by themselves when the database returns."""

import time
import uuid

from tests.faults.conftest import build_marketplace
from tests.faults.load import Load
from tests.faults.processes import call, wait_for

ORDER_ANSWERS = {200, 201, 503}


def place_order(app, market, token, key):
    body = {
        "service": market.service_id,
        "items": [{"service_item": market.item_id, "quantity": 2}],
    }
    return call(app, "POST", "/api/orders/", body, token, {"Idempotency-Key": key}, timeout=30)


def test_stopping_postgres_mid_request_answers_json_503_and_recovers(app, postgres):
    market = build_marketplace(app, students=3)
    keys: dict[str, str] = {}  # idempotency key -> the student's token

    def order(n):
        token = market.students[n % len(market.students)][1]
        key = f"fault-{uuid.uuid4().hex}"
        keys[key] = token
        answer = place_order(app, market, token, key)
        return answer, answer.status if answer.status in ORDER_ANSWERS else 201

    def uncached_read(n):
        answer = call(app, "GET", f"/api/services/?nocache={n}")
        return answer, answer.status if answer.status in (200, 503) else 200

    def my_orders(n):
        answer = call(app, "GET", "/api/orders/", token=market.students[0][1])
        return answer, answer.status if answer.status in (200, 503) else 200

    actions = [("order", order), ("uncached read", uncached_read), ("my orders", my_orders)]
    with Load(6, actions) as load:
        time.sleep(2)
        stopped_at = time.monotonic()
        postgres.stop_now()
        time.sleep(3)
        down = call(app, "GET", "/api/health/")
        assert down.status == 503, down
        postgres.start()
        restarted_at = time.monotonic()
        wait_for(lambda: call(app, "GET", "/api/health/").status == 200, 30, "health after restart")
        time.sleep(2)

    during = load.between(stopped_at, restarted_at)
    assert any(o.answer and o.answer.status == 503 for o in during), "no request hit the outage"
    for outcome in load.outcomes:
        answer = outcome.answer
        assert answer is not None, outcome.error
        assert answer.is_json, (outcome.action, answer)
        assert answer.status == outcome.expected, (outcome.action, answer)
        if answer.status == 503:
            assert int(answer.headers["Retry-After"]) > 0
            assert answer.json()["detail"]
        else:
            assert answer.status < 500, (outcome.action, answer)

    # Every order is retried with its key once the database is back: each key
    # places exactly one complete order, whether its first try committed or not.
    for key, token in keys.items():
        answer = place_order(app, market, token, key)
        assert answer.status in (200, 201), answer
    with postgres.connect() as conn:
        emails = [email for email, _ in market.students]
        orders = conn.execute(
            "SELECT count(*) FROM orders_order o JOIN users_user u ON u.id = o.customer_id "
            "WHERE u.email = ANY(%s)",
            [emails],
        ).fetchone()[0]
        without_items = conn.execute(
            "SELECT count(*) FROM orders_order o WHERE NOT EXISTS "
            "(SELECT 1 FROM orders_orderitem i WHERE i.order_id = o.id)"
        ).fetchone()[0]
        wrong_totals = conn.execute(
            "SELECT count(*) FROM orders_order o WHERE o.total_amount <> "
            "(SELECT sum(i.total_price) FROM orders_orderitem i WHERE i.order_id = o.id)"
        ).fetchone()[0]
    assert orders == len(keys)
    assert without_items == 0
    assert wrong_totals == 0
