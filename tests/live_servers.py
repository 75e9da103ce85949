"""Real app servers for the live-event proofs: gunicorn (WSGI) for the API and
uvicorn (ASGI) for the stream, as production runs them, plus a stream reader."""

import http.client
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.test_two_app_servers import AppServer, _free_port, call

ROOT = Path(__file__).resolve().parent.parent


class AsgiServer(AppServer):
    """uvicorn serving config.asgi, stopped by its pid like gunicorn."""

    def __init__(self, env: dict[str, str], log: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        uvicorn = Path(sys.executable).with_name("uvicorn")
        self.process = subprocess.Popen(
            [
                *(str(uvicorn), "config.asgi:application"),
                *("--host", "127.0.0.1", "--port", str(self.port)),
                *("--lifespan", "off", "--timeout-graceful-shutdown", "2"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )


class Stream:
    """An open ``GET /api/events/``; a thread collects its lines."""

    def __init__(self, server, path="/api/events/", headers=None):
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.connection.request(
            "GET", path, headers={"Accept": "text/event-stream", **(headers or {})}
        )
        self.response = self.connection.getresponse()
        self.status = self.response.status
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.text = ""
        if self.status == 200:
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        try:
            for raw in self.response:
                self.lines.put(raw.decode())
        except (OSError, ValueError, AttributeError):  # closed under the reader
            pass
        self.lines.put(None)

    def wait_for(self, needle: str, timeout: float) -> float:
        """Seconds until ``needle`` appeared in the stream; fails after ``timeout``."""
        start = time.monotonic()
        while needle not in self.text:
            remaining = timeout - (time.monotonic() - start)
            if remaining <= 0:
                pytest.fail(f"{needle!r} not in the stream after {timeout}s: {self.text!r}")
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                pytest.fail(f"stream closed before {needle!r}: {self.text!r}")
            self.text += line
        return time.monotonic() - start

    def drain(self, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                break
            self.text += line
        return self.text

    def close(self):
        self.connection.close()


def token(server, email, password) -> str:
    status, body, _ = call(
        server, "POST", "/api/users/login/", {"email": email, "password": password}
    )
    assert status == 200, body
    return body["access"]
