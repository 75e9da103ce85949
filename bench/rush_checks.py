"""What must hold after the lunch rush, read from the database and the API,
and what the rush cost the machine (CPU per process, memory per stream).

Each check is ``(name, held, evidence)``; the report prints all of them and
``python -m bench.rush`` exits non-zero when one fails.
"""

import os
import time
from collections import Counter

import httpx
from django.db import connection
from django.db.models import Count, Q, Sum

from bench.rush_clients import Rush, expected_events
from catalogue.models import ServiceItem
from notifications.models import Notification, NotificationSubject
from orders.models import Order, OrderItem, OrderStatus
from payments.models import Payment, PaymentStatus, Refund, RefundStatus
from schedule.models import SlotUsage

Check = tuple[str, bool, str]
PAID = (PaymentStatus.PAID, PaymentStatus.REFUND_PENDING, PaymentStatus.REFUNDED)


def wait_for_refunds(seconds: float = 60.0) -> int:
    """Refunds are confirmed by the dummy provider a few seconds after the
    task worker asked; returns how many are still pending after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        pending = Payment.objects.filter(status=PaymentStatus.REFUND_PENDING).count()
        if not pending or time.monotonic() > deadline:
            return pending
        time.sleep(0.5)


def end_state(rush: Rush) -> list[Check]:
    service_id = rush.stall.service_id
    orders = Order.objects.filter(service_id=service_id)
    return [
        _slots(rush, orders),
        _stock(rush),
        _stored(rush, orders),
        _visible(rush, orders),
        _notified_once(orders),
        _refunds(orders),
    ]


def _slots(rush: Rush, orders) -> Check:
    held = orders.exclude(order_status=OrderStatus.CANCELLED).exclude(pickup_at=None)
    per_slot = dict(held.values_list("pickup_at").annotate(n=Count("id")).order_by())
    usage = dict(
        SlotUsage.objects.filter(service_id=rush.stall.service_id).values_list("start", "taken")
    )
    over = {start: n for start, n in per_slot.items() if n > rush.stall.cap}
    drift = {s for s in set(per_slot) | set(usage) if per_slot.get(s, 0) != usage.get(s, 0)}
    full = sum(1 for n in per_slot.values() if n == rush.stall.cap)
    return (
        "no pickup slot holds more orders than its cap",
        not over and not drift,
        f"{len(per_slot)} slots used, {full} full at {rush.stall.cap}, fullest "
        f"{max(per_slot.values(), default=0)}; over the cap: {len(over)}; "
        f"counter differing from the orders: {len(drift)}",
    )


def _stock(rush: Rush) -> Check:
    problems, notes = [], []
    for item_id, initial in rush.stall.initial_stock.items():
        left = ServiceItem.objects.get(pk=item_id).stock
        sold = (
            OrderItem.objects.filter(service_item_id=item_id, stock_taken=True)
            .exclude(order__order_status=OrderStatus.CANCELLED)
            .aggregate(n=Sum("quantity"))["n"]
            or 0
        )
        notes.append(f"item {item_id}: {sold} of {initial} taken, {left} left")
        if left is None or left < 0 or sold + left != initial:
            problems.append(item_id)
    return (
        "no counted item sold beyond its stock, none lost",
        not problems,
        "; ".join(notes) + (f"; wrong: {problems}" if problems else ""),
    )


def _stored(rush: Rush, orders) -> Check:
    stored = {
        pk: (customer, str(total))
        for pk, customer, total in orders.filter(created_at__gte=_run_start(rush)).values_list(
            "pk", "customer_id", "total_amount"
        )
    }
    missing = [pk for pk, p in rush.placed.items() if stored.get(pk) != (p.customer, p.total)]
    unanswered = set(stored) - set(rush.placed)
    return (
        "every 201 is stored as answered, and nothing else",
        not missing and not unanswered,
        f"{len(rush.placed)} orders answered 201, {len(stored)} stored; answered but not "
        f"stored as answered: {len(missing)}; stored without a 201: {len(unanswered)}",
    )


def _run_start(rush: Rush):
    return (
        Order.objects.filter(pk__in=list(rush.placed))
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
        or Order.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    )


def _visible(rush: Rush, orders) -> Check:
    """What the vendor's own order list shows, through the API."""
    seen: set[int] = set()
    token = rush.tokens[rush.stall.vendor_id]
    url = f"{rush.base_url}/api/orders/?service={rush.stall.service_id}&page_size=100"
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        while url:
            page = client.get(url).json()
            seen |= {row["id"] for row in page["results"]}
            url = page["next"]
    payable = orders.filter(pk__in=list(rush.placed))
    should = set(
        payable.filter(
            Q(payment__method="pay_at_pickup") | Q(payment__status__in=PAID)
        ).values_list("pk", flat=True)
    )
    hidden = set(payable.values_list("pk", flat=True)) - should
    return (
        "every paid order is visible to its vendor, no unpaid one",
        should <= seen and not (hidden & seen),
        f"{len(should)} paid or pay-at-pickup orders, {len(should & seen)} in the vendor's "
        f"list; {len(hidden)} awaiting payment, {len(hidden & seen)} of them visible",
    )


def _notified_once(orders) -> Check:
    counts = Counter(
        Notification.objects.filter(
            kind="order_placed", subject_type="order", subject_id__in=orders.values("pk")
        ).values_list("subject_id", flat=True)
    )
    visible = set(orders.filter(payment__visible_to_vendor=True).values_list("pk", flat=True))
    twice = [pk for pk, n in counts.items() if n > 1]
    unpaid = set(counts) - visible
    never = visible - set(counts)
    return (
        "the vendor is told of each paid order exactly once",
        not twice and not unpaid and not never,
        f"{len(counts)} order_placed notifications; twice: {len(twice)}, for unpaid orders: "
        f"{len(unpaid)}, paid orders never told: {len(never)}",
    )


def _refunds(orders) -> Check:
    cancelled_paid = Payment.objects.filter(
        order__in=orders.filter(order_status=OrderStatus.CANCELLED),
        charged_amount__isnull=False,
    )
    refunds = Refund.objects.filter(payment__order__in=orders).select_related("payment")
    wrong = [
        r.pk
        for r in refunds
        if r.status != RefundStatus.PROCESSED
        or r.attempts != 1
        or r.amount != r.payment.charged_amount
        or r.payment.refunded_amount != r.payment.charged_amount
        or r.payment.status != PaymentStatus.REFUNDED
    ]
    not_refunded = set(cancelled_paid.values_list("pk", flat=True)) - {
        r.payment_id for r in refunds
    }
    return (
        "every cancelled paid order refunded exactly once, in full",
        not wrong and not not_refunded,
        f"{cancelled_paid.count()} paid orders cancelled, {refunds.count()} refunds; not "
        f"processed once in full: {len(wrong)}; cancelled paid orders without a refund: "
        f"{len(not_refunded)}",
    )


def delivery(rush: Rush) -> dict:
    """Latency of order_placed on the vendor's stream, from the request that
    caused it (the placement, or the webhook that paid): sent, and answered."""
    from_sent, from_answer = [], []
    expected = expected_events(rush)
    for order_id in expected:
        p = rush.placed[order_id]
        arrived = rush.arrivals.get(order_id)
        if arrived is None:
            continue
        sent, answered = (p.paid_sent, p.paid_answered) if p.online else (p.sent, p.answered)
        from_sent.append((arrived - sent) * 1000)
        from_answer.append(max(0.0, arrived - answered) * 1000)
    return {
        "expected": len(expected),
        "received": len(from_sent),
        "duplicates": rush.duplicate_events,
        "from_sent": sorted(from_sent),
        "from_answer": sorted(from_answer),
    }


def student_streams(rush: Rush) -> tuple[int, int]:
    """(notifications created for students with an open stream, of them seen on it)."""
    watched = set(rush.student_events)
    made = set(
        Notification.objects.filter(
            recipient_id__in=watched,
            subject_type=NotificationSubject.ORDER,
            service_id=rush.stall.service_id,
        ).values_list("pk", flat=True)
    )
    seen = set().union(*rush.student_events.values()) if rush.student_events else set()
    return len(made), len(made & seen)


# --- What the machine spent -----------------------------------------------------------

TICKS = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each process so far."""
    seconds = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / TICKS
    return seconds


def tree(pid: int) -> list[int]:
    """A server process and its workers."""
    return [pid, *_children(pid)]


def rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def database_backends() -> list[int]:
    """PostgreSQL's server processes serving this database (other than ours)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def database_commits() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        )
        return cursor.fetchone()[0]


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two samples (a process new since ``before`` counts whole)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
