"""The app server processes a bench run starts on 127.0.0.1: gunicorn for the
endpoints, uvicorn for the live rows. Each writes its own log, is ready once
``/api/health/`` answers, and is always stopped by ``close``."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.environment import (
    CONNECTIONS,
    KEEP_ALIVE,
    PORT,
    THREADS,
    WORK_DIR,
    WORKER_CLASS,
    WORKERS,
    WRK_THREADS,
    ensure_wrk,
)

BASE_DIR = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
READY_SECONDS = 60


class ServerProcess:
    name = "server"

    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log = port, log
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return os.environ.copy()

    def start(self) -> None:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                self.command(), cwd=BASE_DIR, env=self.env(), stdout=log, stderr=log
            )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/health/", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer within {READY_SECONDS} s; see {self.log}")

    def close(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Uvicorn(ServerProcess):
    """``uvicorn config.asgi:application`` as the README runs it beside gunicorn."""

    name = "uvicorn"

    def __init__(self, port: int, log: Path, *, workers: int = 1) -> None:
        super().__init__(port, log)
        self.workers = workers

    def command(self) -> list[str]:
        return [
            str(BIN_DIR / "uvicorn"),
            "config.asgi:application",
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--workers", str(self.workers),
            "--lifespan", "off",
            "--timeout-keep-alive", "75",
            "--timeout-graceful-shutdown", "3",
            "--no-access-log",
            "--log-level", "warning",
        ]  # fmt: skip

    def env(self) -> dict[str, str]:
        return {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}


class Gunicorn(ServerProcess):
    """gunicorn serving bench.wsgi on 127.0.0.1."""

    name = "gunicorn"

    def __init__(self, port: int = PORT, log: Path = WORK_DIR / "gunicorn.log") -> None:
        super().__init__(port, log)

    def command(self) -> list[str]:
        # No --access-logfile: gunicorn writes no access log unless asked to.
        # Django's own log lines (4xx warnings) go to the log file too.
        return [
            str(Path(sys.executable).parent / "gunicorn"),
            "bench.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(WORKERS),
            "--worker-class", WORKER_CLASS,
            "--threads", str(THREADS),
            "--keep-alive", str(KEEP_ALIVE),
            "--error-logfile", str(self.log),
            "--log-level", "warning",
        ]  # fmt: skip

    def start(self) -> None:
        from bench.load import Request, run_wrk, write_pool

        super().start()
        # Each worker imports the URLconf and opens its database connection on
        # its first request; do that before anything is measured.
        warm = WORK_DIR / "server-warmup.txt"
        write_pool(warm, [Request("GET", "/api/health/")])
        run_wrk(ensure_wrk(), base_url=f"http://127.0.0.1:{self.port}", pool=warm, seconds=5,
                connections=CONNECTIONS, threads=WRK_THREADS, once=False)  # fmt: skip
