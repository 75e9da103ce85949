"""Live event streams under load: idle streams held open beside the API, and
the delivery latency of events across two app servers.

Streams are served as in production: uvicorn running ``config.asgi`` beside
gunicorn (README, "Production"), on the same database and Redis; Redis
pub/sub carries the fan-out between processes (``notifications/live/broker.py``
picks it whenever ``REDIS_URL`` is set).

``python -m bench.live hold PORT TOKENS_FILE`` is the idle client: it opens one
stream per Bearer token, prints ``OPEN <n> FAILED <m>``, then reads (and drops)
heartbeats until stdin closes, and prints ``STILL_OPEN <n>`` before exiting.
"""

import asyncio
import http.client
import json
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

BATCH = 50  # streams opened at once


async def open_stream(port: int, token: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """GET /api/events/ with a Bearer token; returns once ``: connected`` arrived."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        (
            "GET /api/events/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            f"Authorization: Bearer {token}\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
    status = head.split(b" ", 2)[1]
    if status != b"200":
        writer.close()
        raise ConnectionError(f"stream answered {status.decode()}: {head[:200]!r}")
    # The first chunk carries "retry:" and ": connected".
    buffered = b""
    while b": connected" not in buffered:
        chunk = await asyncio.wait_for(reader.read(4096), 30)
        if not chunk:
            raise ConnectionError("stream closed before ': connected'")
        buffered += chunk
    return reader, writer


async def _hold(port: int, tokens: list[str]) -> None:
    open_count = 0
    failures: list[str] = []
    alive: set[asyncio.Task] = set()
    # A StreamWriter that is garbage-collected closes its connection: keep them.
    writers: list[asyncio.StreamWriter] = []

    async def drain(reader: asyncio.StreamReader) -> None:
        while await reader.read(4096):
            pass

    async def one(token: str) -> None:
        nonlocal open_count
        try:
            reader, writer = await open_stream(port, token)
        except (TimeoutError, OSError, ConnectionError) as exc:
            failures.append(str(exc))
            return
        open_count += 1
        writers.append(writer)
        task = asyncio.create_task(drain(reader))
        alive.add(task)
        task.add_done_callback(alive.discard)

    for start in range(0, len(tokens), BATCH):
        await asyncio.gather(*(one(t) for t in tokens[start : start + BATCH]))
    print(f"OPEN {open_count} FAILED {len(failures)}", flush=True)
    if failures:
        print(f"FIRST_FAILURE {failures[0]}", flush=True)
    # Hold until the parent closes our stdin.
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    print(f"STILL_OPEN {len(alive)}", flush=True)


class IdleStreams:
    """A child process holding ``len(tokens)`` idle streams open on ``port``."""

    def __init__(self, port: int, tokens: list[str], work_dir: Path) -> None:
        self.port = port
        self.tokens_file = work_dir / "stream-tokens.txt"
        self.tokens_file.write_text("\n".join(tokens))
        self.process: subprocess.Popen | None = None
        self.opened = 0
        self.failed = 0
        self.still_open: int | None = None
        self.first_failure = ""

    def __enter__(self) -> "IdleStreams":
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "bench.live", "hold", str(self.port), str(self.tokens_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        line = self.process.stdout.readline()
        if not line.startswith("OPEN "):
            raise RuntimeError(f"idle stream client failed: {line!r}")
        _, opened, _, failed = line.split()
        self.opened, self.failed = int(opened), int(failed)
        if self.failed:
            self.first_failure = self.process.stdout.readline().strip()
        return self

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        try:
            out, _ = self.process.communicate(input="", timeout=30)
            for line in out.splitlines():
                if line.startswith("STILL_OPEN "):
                    self.still_open = int(line.split()[1])
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Delivery:
    events: int
    received: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    order_p50_ms: float  # the placing request's own round trip, for comparison
    lost: int
    refused: int = 0  # placing requests that did not answer 201 (no event to wait for)
    latencies: list[float] = field(default_factory=list, repr=False)


def _post(port: int, path: str, body: dict, headers: dict[str, str]) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        conn.close()


async def _delivery(
    *,
    port_a: int,
    port_b: int,
    vendor_token: str,
    orders: list[tuple[dict, str]],
    timeout: float,
    budget: float = float("inf"),
) -> Delivery:
    """Places ``orders`` one at a time; stops sending once ``budget`` seconds have
    passed (a heavily loaded machine must not stretch the run without bound)."""
    reader, writer = await open_stream(port_b, vendor_token)
    arrivals: dict[int, float] = {}
    arrived = asyncio.Event()

    async def listen() -> None:
        buffer = b""
        while chunk := await reader.read(65536):
            now = time.perf_counter()
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                for line in event.split(b"\n"):
                    if line.startswith(b"data: "):
                        order = json.loads(line[6:]).get("order")
                        if order is not None:
                            arrivals.setdefault(order, now)
                            arrived.set()

    listener = asyncio.create_task(listen())
    latencies, round_trips, lost, refused, sent_count = [], [], 0, 0, 0
    stop_at = time.perf_counter() + budget
    try:
        for body, token in orders:
            if time.perf_counter() > stop_at:
                break
            sent_count += 1
            headers = {
                "Content-Type": "application/json",
                "Authorization": f"Bearer {token}",
                "Idempotency-Key": uuid.uuid4().hex,
            }
            sent = time.perf_counter()
            status, answer = await asyncio.to_thread(_post, port_a, "/api/orders/", body, headers)
            round_trips.append(time.perf_counter() - sent)
            if status != 201:
                refused += 1
                continue
            deadline = sent + timeout
            while answer["id"] not in arrivals and time.perf_counter() < deadline:
                arrived.clear()
                try:
                    await asyncio.wait_for(arrived.wait(), deadline - time.perf_counter())
                except TimeoutError:
                    break
            if answer["id"] in arrivals:
                latencies.append(arrivals[answer["id"]] - sent)
            else:
                lost += 1
    finally:
        listener.cancel()
        writer.close()
    ms = sorted(x * 1000 for x in latencies)
    return Delivery(
        events=sent_count,
        received=len(ms),
        p50_ms=statistics.median(ms) if ms else float("nan"),
        p99_ms=ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("nan"),
        max_ms=ms[-1] if ms else float("nan"),
        order_p50_ms=statistics.median(round_trips) * 1000 if round_trips else float("nan"),
        lost=lost,
        refused=refused,
        latencies=ms,
    )


def delivery_latency(**kwargs) -> Delivery:
    return asyncio.run(_delivery(**kwargs))


if __name__ == "__main__":
    if sys.argv[1:2] == ["hold"]:
        port, tokens_file = int(sys.argv[2]), Path(sys.argv[3])
        asyncio.run(_hold(port, tokens_file.read_text().split()))
