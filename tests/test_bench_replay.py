"""`make bench` drives wrk through bench/replay.lua: every connection wrk opens
sends requests, so no row is measured on half its connections.

With a one-line request file (a repeated URL) and two wrk threads, the
second thread's share used to be empty: its connections stayed open without
ever sending a request. gunicorn's gthread worker gives each new connection
a thread for up to 5 seconds while it waits for the first bytes, so eight
silent connections stalled the live ones queued behind them for 5 seconds
(the multi-second p99 of the cached rows and the ceiling in earlier runs).
"""

import contextlib
import os
import shutil
import socket
import threading
from collections import Counter

import pytest

from bench.load import Request, run_wrk, write_pool

WRK = shutil.which("wrk")
# CI installs wrk (.ci/run); elsewhere the test needs it too, but says so.
pytestmark = pytest.mark.skipif(
    WRK is None and not os.environ.get("CI"), reason="wrk is not installed"
)

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"


class CountingServer:
    """An HTTP/1.1 keep-alive server that counts the requests of each connection."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.requests: Counter[int] = Counter()
        self.connections = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
                number = self.connections
            threading.Thread(target=self._serve, args=(client, number), daemon=True).start()

    def _serve(self, client, number):
        buffer = b""
        with client, contextlib.suppress(OSError):  # wrk resets its connections at exit
            while data := client.recv(65536):
                buffer += data
                while b"\r\n\r\n" in buffer:
                    _, buffer = buffer.split(b"\r\n\r\n", 1)
                    with self.lock:
                        self.requests[number] += 1
                    client.sendall(ANSWER)

    def close(self):
        self.listener.close()


@pytest.mark.parametrize("lines", [1, 3])
def test_every_connection_sends_requests_when_the_file_has_fewer_lines_than_threads(
    tmp_path, lines
):
    assert WRK is not None, "CI must install wrk"
    server = CountingServer()
    try:
        pool = write_pool(
            tmp_path / "pool.txt", [Request("GET", f"/same/{n}") for n in range(lines)]
        )
        result = run_wrk(
            WRK, base_url=f"http://127.0.0.1:{server.port}", pool=pool, seconds=1,
            connections=8, threads=4, once=False,
        )  # fmt: skip
    finally:
        server.close()
    assert result.statuses == {"200": result.requests}
    # wrk also opens (and at once closes) one connection to check the address.
    busy = [n for n in server.requests.values() if n > 0]
    assert len(busy) == 8, server.requests
