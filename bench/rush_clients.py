"""The people of the lunch rush, as HTTP clients of the real servers.

Each student arrives at a moment of the rush's window (most in its first
third), reads the stall's pickup slots, places one order with options
(retrying once on a full slot or a sold-out item, as a person would), and,
for half of them, pays online: the benchmark plays the dummy provider and
sends its signed ``charge.success`` webhook (some twice, as providers retry).
A few students cancel while their order is pending. The vendor's board
listens on the vendor's event stream and moves each new order along
(confirmed, preparing, ready, completed), cancelling one in twenty, which
refunds it when it was paid. Students hold event streams open meanwhile.
"""

import asyncio
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx

from bench.live import open_stream
from bench.rush_stall import Stall
from payments.money import to_minor
from payments.signatures import sign

PLACED, FULL_SLOT, SOLD_OUT = "placed", "full slot", "sold out"
REFUSALS = (FULL_SLOT, SOLD_OUT)  # refusals the contract promises under a rush
ASAP_SHARE = 0.3  # orders for as soon as possible; the rest pick a pickup slot
ABANDON_SHARE = 0.05  # online payers who never pay (their hold keeps its place)
REPLAY_SHARE = 0.1  # charges whose webhook the "provider" sends twice
STUDENT_CANCEL_SHARE = 0.03
VENDOR_CANCEL_SHARE = 0.05
BOARD_STAFF = 2  # the vendor's people moving orders along at once
BOARD_STEPS = ("confirmed", "preparing", "ready", "completed")
PREFERENCE = [6, 5, 4, 3, 2, 1]  # students prefer the earliest pickup times
# A 5xx or no answer: the same request again (same Idempotency-Key), as clients do, after
# the API's Retry-After for a 503 (common/errors.py).
RETRIES = 3
RETRY_SECONDS = 5.0


@dataclass
class Call:
    kind: str
    status: int  # 0: no answer
    ms: float
    cause: str = ""
    at: float = 0.0  # when it was sent (time.perf_counter())


@dataclass
class Placed:
    customer: int
    total: str
    online: bool
    reference: str | None
    pickup_at: str | None
    sent: float
    answered: float
    paid_sent: float | None = None
    paid_answered: float | None = None


@dataclass
class Rush:
    stall: Stall
    base_url: str
    stream_port: int
    tokens: dict[int, str]  # user id -> access token
    secret: str  # the dummy provider's webhook secret
    tomorrow: str
    window: float
    seed: int = 7
    calls: list[Call] = field(default_factory=list)
    placed: dict[int, Placed] = field(default_factory=dict)
    gave_up: dict[str, int] = field(default_factory=dict)
    arrivals: dict[int, float] = field(default_factory=dict)  # order id -> order_placed seen
    duplicate_events: int = 0
    cancelled_by_vendor: set[int] = field(default_factory=set)
    cancelled_by_student: set[int] = field(default_factory=set)
    abandoned: set[int] = field(default_factory=set)
    student_events: dict[int, set[int]] = field(default_factory=dict)  # user -> notification ids
    streams_opened: int = 0
    streams_failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    http: httpx.AsyncClient | None = None
    board: asyncio.Queue | None = None
    last_event: float = 0.0
    left_on_board: int = 0  # orders the board had not reached when the run stopped
    # The stream server's memory (KiB), read with the vendor's stream open and with all open.
    memory: Callable[[], int] | None = None
    memory_kib: tuple[int, int] = (0, 0)

    async def call(self, kind, method, path, *, user=None, body=None, content=None, headers=None):
        """One request; records its status and latency. Returns (status, json, sent, answered)."""
        headers = dict(headers or {})
        if user is not None:
            headers["Authorization"] = f"Bearer {self.tokens[user]}"
        sent = time.perf_counter()
        try:
            response = await self.http.request(
                method, path, json=body, content=content, headers=headers
            )
            status = response.status_code
            try:
                answer = response.json()
            except ValueError:
                answer = {"detail": response.text[:200]}
        except httpx.HTTPError as exc:
            status, answer = 0, {"detail": f"{type(exc).__name__}: {exc}"}
        answered = time.perf_counter()
        self.calls.append(Call(kind, status, (answered - sent) * 1000, at=sent))
        return status, answer, sent, answered


def placement_cause(status: int, answer) -> str:
    if status in (200, 201):  # 200: a retry answered with the order its key placed
        return PLACED
    if status == 0:
        return "no answer"
    if status >= 500:
        return f"{status}"
    text = json.dumps(answer) if isinstance(answer, dict) else ""
    if status == 400 and isinstance(answer, dict):
        if "pickup_at" in answer and "full" in text:
            return FULL_SLOT
        if "items" in answer and ("sold out" in text or " left" in text):
            return SOLD_OUT
    return f"other {status}"


async def usable_slots(rush: Rush, user: int) -> list[dict]:
    """Offered slots with a free place, starting late enough that they are still
    offered when the order arrives (two minutes to spare)."""
    earliest = datetime.now(UTC) + timedelta(minutes=rush.stall.prep_minutes + 2)
    found: list[dict] = []
    path = f"/api/services/{rush.stall.service_id}/slots/"
    for query in ("", f"?date={rush.tomorrow}"):
        status, slots, _, _ = await rush.call("slots", "GET", path + query, user=user)
        if status == 200:
            found += [
                s
                for s in slots
                if datetime.fromisoformat(s["start"]) >= earliest and (s["remaining"] or 0) > 0
            ]
        if len(found) >= len(PREFERENCE):
            break
    return found[: len(PREFERENCE)]


def choose_lines(rng: random.Random, rush: Rush, *, avoid: set[int]) -> list[dict]:
    items = [i for i in rush.stall.items if i.id not in avoid]
    item = rng.choices(items, weights=[i.share for i in items])[0]
    options = [rng.choice(item.sizes)]
    if item.extras:
        options += rng.sample(item.extras, k=rng.choice([0, 0, 1, 1, 2, 3]))
    return [{"service_item": item.id, "quantity": 1, "options": options}]


async def student(rush: Rush, n: int, user: int, arrival: float) -> None:
    rng = random.Random(rush.seed * 100_003 + n)  # noqa: S311 - a reproducible crowd
    await asyncio.sleep(arrival)
    online = n % 2 == 0
    asap = rng.random() < ASAP_SHARE
    avoid: set[int] = set()
    lines = choose_lines(rng, rush, avoid=avoid)
    retries = RETRIES
    for _attempt in range(3):
        body = {"service": rush.stall.service_id, "items": lines, "payment_method": "pay_at_pickup"}
        if online:
            body["payment_method"] = "online"
        if not asap:
            slots = await usable_slots(rush, user)
            if not slots:
                rush.gave_up["no pickup time left"] = rush.gave_up.get("no pickup time left", 0) + 1
                return
            body["pickup_at"] = rng.choices(slots, weights=PREFERENCE[: len(slots)])[0]["start"]
        key = {"Idempotency-Key": f"rush-{rush.seed}-{n}-{_attempt}"}
        while True:
            status, answer, sent, answered = await rush.call(
                "place", "POST", "/api/orders/", user=user, body=body, headers=key
            )
            cause = placement_cause(status, answer)
            rush.calls[-1].cause = cause
            if (status and status < 500) or not retries:
                break
            retries -= 1
            await asyncio.sleep(RETRY_SECONDS)
        if cause == PLACED:
            payment = answer["payment"]
            rush.placed[answer["id"]] = Placed(
                customer=user, total=answer["total_amount"], online=online,
                reference=payment.get("reference"), pickup_at=answer.get("pickup_at"),
                sent=sent, answered=answered,
            )  # fmt: skip
            await after_placing(rush, rng, answer)
            return
        if cause == SOLD_OUT:
            avoid |= {line["service_item"] for line in lines}
            lines = choose_lines(rng, rush, avoid=avoid | set(rush.stall.initial_stock))
        elif cause != FULL_SLOT:
            break
    reason = "refused at every attempt" if status and status < 500 else "errors at every retry"
    rush.gave_up[reason] = rush.gave_up.get(reason, 0) + 1


async def after_placing(rush: Rush, rng: random.Random, order: dict) -> None:
    placed = rush.placed[order["id"]]
    if placed.online:
        if rng.random() < ABANDON_SHARE:
            rush.abandoned.add(order["id"])
            return
        await asyncio.sleep(rng.uniform(0.3, 2.0))  # the payer on the checkout page
        await pay(rush, rng, order)
    elif rng.random() < STUDENT_CANCEL_SHARE:
        await asyncio.sleep(rng.uniform(0.2, 1.5))
        status, _, _, _ = await rush.call(
            "cancel (student)", "POST", f"/api/orders/{order['id']}/update_status/",
            user=placed.customer, body={"order_status": "cancelled"},
        )  # fmt: skip
        if status == 200:
            rush.cancelled_by_student.add(order["id"])


async def pay(rush: Rush, rng: random.Random, order: dict) -> None:
    """The provider's signed charge.success, once or (a retry) twice, sometimes at once."""
    payment = order["payment"]
    raw = json.dumps(
        {
            "event": "charge.success",
            "data": {
                "reference": payment["reference"],
                "amount": to_minor(Decimal(payment["amount"]), payment["currency"]),
                "currency": payment["currency"],
                "status": "success",
            },
        }
    ).encode()
    headers = {"Content-Type": "application/json", "X-Paystack-Signature": sign(raw, rush.secret)}

    placed = rush.placed[order["id"]]

    async def send(delivery: int = 0):
        """Providers deliver again until they get a 2xx, waiting longer each time."""
        result = await rush.call(
            "webhook", "POST", "/api/payments/webhook/", content=raw, headers=headers
        )
        if result[0] == 200:
            if placed.paid_answered is None or result[3] < placed.paid_answered:
                placed.paid_sent, placed.paid_answered = result[2], result[3]
        elif delivery < RETRIES + 2:
            await asyncio.sleep(RETRY_SECONDS * 2**delivery)
            await send(delivery + 1)

    if rng.random() < REPLAY_SHARE / 2:  # a retry racing the first delivery
        await asyncio.gather(send(), send())
    else:
        await send()
        if rng.random() < REPLAY_SHARE / 2:
            await send()


async def vendor_stream(rush: Rush) -> None:
    reader, writer = await open_stream(rush.stream_port, rush.tokens[rush.stall.vendor_id])
    rush.streams_opened += 1
    buffer = b""
    try:
        while chunk := await reader.read(65536):
            now = time.perf_counter()
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                for line in event.split(b"\n"):
                    if not line.startswith(b"data: "):
                        continue
                    data = json.loads(line[6:])
                    if data.get("kind") != "order_placed" or data.get("order") is None:
                        continue
                    rush.last_event = now
                    if data["order"] in rush.arrivals:
                        rush.duplicate_events += 1
                    else:
                        rush.arrivals[data["order"]] = now
                        rush.board.put_nowait(data["order"])
    finally:
        writer.close()


async def student_stream(rush: Rush, user: int) -> None:
    try:
        reader, writer = await open_stream(rush.stream_port, rush.tokens[user])
    except (TimeoutError, OSError, ConnectionError) as exc:
        rush.streams_failed.append(str(exc))
        return
    rush.streams_opened += 1
    seen = rush.student_events.setdefault(user, set())
    buffer = b""
    try:
        while chunk := await reader.read(65536):
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                for line in event.split(b"\n"):
                    if line.startswith(b"id: "):
                        seen.add(int(line[4:]))
    finally:
        writer.close()


async def board_staff(rush: Rush, rng: random.Random) -> None:
    vendor = rush.stall.vendor_id
    while (order_id := await rush.board.get()) is not None:
        path = f"/api/orders/{order_id}/update_status/"
        if rng.random() < VENDOR_CANCEL_SHARE:
            status, _, _, _ = await rush.call(
                "board: cancel", "POST", path, user=vendor, body={"order_status": "cancelled"}
            )
            if status == 200:
                rush.cancelled_by_vendor.add(order_id)
            continue
        for step in BOARD_STEPS:
            status, _, _, _ = await rush.call(
                "board: move along", "POST", path, user=vendor, body={"order_status": step}
            )
            if status != 200:  # its student cancelled it meanwhile (a 400), or an error
                break


async def run_rush(rush: Rush, *, streams: int, drain_seconds: float = 60.0) -> None:
    """Open the streams, let the students arrive, wait for the board to empty."""
    rng = random.Random(rush.seed)  # noqa: S311 - a reproducible crowd
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(base_url=rush.base_url, limits=limits, timeout=60) as http:
        rush.http, rush.board = http, asyncio.Queue()
        listeners = [asyncio.create_task(vendor_stream(rush))]
        while not rush.streams_opened and not listeners[0].done():
            await asyncio.sleep(0.05)
        first = rush.memory() if rush.memory else 0
        students = rush.stall.student_ids
        watchers = [students[n % len(students)] for n in range(max(0, streams - 1))]
        for start in range(0, len(watchers), 50):
            batch = [asyncio.create_task(student_stream(rush, u)) for u in watchers[start:][:50]]
            listeners += batch
            await asyncio.sleep(0.5)
        give_up = time.perf_counter() + 120
        while rush.streams_opened + len(rush.streams_failed) < streams:
            if listeners[0].done():
                listeners[0].result()  # the vendor's stream failed: raise why
            if time.perf_counter() > give_up:
                raise RuntimeError(f"only {rush.streams_opened} of {streams} streams opened")
            await asyncio.sleep(0.1)
        rush.memory_kib = (first, rush.memory() if rush.memory else 0)
        staff = [
            asyncio.create_task(board_staff(rush, random.Random(n)))  # noqa: S311
            for n in range(BOARD_STAFF)
        ]
        arrivals = sorted(rush.window * rng.random() ** 2 for _ in students)
        started = time.perf_counter()
        await asyncio.gather(*(student(rush, n, u, arrivals[n]) for n, u in enumerate(students)))
        rush.seconds = time.perf_counter() - started
        expected = expected_events(rush)
        deadline = time.perf_counter() + drain_seconds
        while time.perf_counter() < deadline and (
            not expected <= rush.arrivals.keys() or not rush.board.empty()
        ):
            await asyncio.sleep(0.2)
        while not rush.board.empty():  # the drain time is up: the board stops here
            rush.board.get_nowait()
            rush.left_on_board += 1
        for _ in staff:
            rush.board.put_nowait(None)
        await asyncio.gather(*staff)
        await asyncio.sleep(2.5)  # the students' last status events
        for task in listeners:
            task.cancel()
        await asyncio.gather(*listeners, return_exceptions=True)


def expected_events(rush: Rush) -> set[int]:
    """Orders whose vendor must be told: paid at pickup, or paid online."""
    placed = rush.placed.items()
    return {pk for pk, p in placed if not p.online or p.paid_answered is not None}
