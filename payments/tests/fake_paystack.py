"""A local stand-in for Paystack's API, speaking the subset we use
(initialize, verify, refund, the transaction list) on a free port, with
faults on demand: a 5xx answer, or an answer slower than the client waits."""

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from payments import signatures


@dataclass
class FakePaystack:
    secret_key: str = "sk_test_fake"
    transactions: dict = field(default_factory=dict)  # reference -> {amount, currency, status}
    refunded: dict = field(default_factory=dict)  # reference -> amount refunded
    calls: list = field(default_factory=list)  # (method, path)
    # path prefix -> list of faults, used one per call: "500" or "slow"
    faults: dict = field(default_factory=dict)
    slow_seconds: float = 1.5
    url: str = ""

    def fail_next(self, prefix: str, *faults: str) -> None:
        self.faults.setdefault(prefix, []).extend(faults)

    def pay(self, reference: str, amount: int | None = None, currency: str | None = None):
        """The payer completes the checkout on the provider's page."""
        tx = self.transactions[reference]
        tx["status"] = "success"
        tx["amount"] = tx["amount"] if amount is None else amount
        tx["currency"] = currency or tx["currency"]
        tx["paid_at"] = "2026-12-07T10:00:00.000Z"

    def webhook(self, event: str, reference: str) -> tuple[bytes, str]:
        """The body and signature the provider would POST for ``event``."""
        tx = self.transactions[reference]
        data = {"reference": reference, "amount": tx["amount"], "currency": tx["currency"]}
        data["status"] = "success" if event == "charge.success" else "processed"
        body = json.dumps({"event": event, "data": data}).encode()
        return body, signatures.sign(body, self.secret_key)


def _handler(fake: FakePaystack):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status: int, body: dict) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _fault(self, path: str) -> str | None:
            for prefix, faults in fake.faults.items():
                if path.startswith(prefix) and faults:
                    return faults.pop(0)
            return None

        def _handle(self, method: str) -> None:
            url = urlparse(self.path)
            fake.calls.append((method, url.path))
            if self.headers.get("Authorization") != f"Bearer {fake.secret_key}":
                return self._answer(401, {"status": False, "message": "Invalid key"})
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            fault = self._fault(url.path)
            if fault == "500":
                return self._answer(502, {"status": False, "message": "Bad gateway"})
            status, answer = self._route(method, url, body)
            if fault == "slow":  # the work is done, the answer comes too late
                time.sleep(fake.slow_seconds)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(status, answer)  # the client may have given up waiting

        def _route(self, method, url, body):
            if method == "POST" and url.path == "/transaction/initialize":
                reference = body["reference"]
                if reference in fake.transactions:
                    return 400, {"status": False, "message": "Duplicate Transaction Reference"}
                fake.transactions[reference] = {
                    "amount": int(body["amount"]),
                    "currency": body["currency"],
                    "status": "abandoned",
                }
                checkout = f"{fake.url}/checkout/{reference}"
                return 200, {"status": True, "data": {"authorization_url": checkout}}
            if method == "GET" and url.path.startswith("/transaction/verify/"):
                reference = url.path.rsplit("/", 1)[1]
                tx = fake.transactions.get(reference)
                if tx is None:
                    return 400, {"status": False, "message": "Transaction reference not found"}
                return 200, {"status": True, "data": {"reference": reference, **tx}}
            if method == "POST" and url.path == "/refund":
                reference = body["transaction"]
                if reference in fake.refunded:
                    return 400, {"status": False, "message": "Transaction has been fully reversed"}
                fake.refunded[reference] = int(body.get("amount") or 0)
                return 200, {"status": True, "data": {"status": "pending"}}
            if method == "GET" and url.path == "/transaction":
                query = parse_qs(url.query)
                rows = [
                    {"reference": ref, **tx}
                    for ref, tx in fake.transactions.items()
                    if tx["status"] == query.get("status", ["success"])[0]
                ]
                return 200, {"status": True, "data": rows, "meta": {"pageCount": 1}}
            return 404, {"status": False, "message": "Not found"}

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

    return Handler


class running:
    """``with running(fake):`` serves ``fake`` on a free port until the block ends."""

    def __init__(self, fake: FakePaystack):
        self.fake = fake

    def __enter__(self) -> FakePaystack:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.fake))
        self.server.daemon_threads = True
        self.fake.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.fake

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
