"""Throwaway Redis, PostgreSQL and gunicorn processes for the fault suite.

Each runs on a free port in a temporary directory and is stopped by its own
pid, so the machine's shared services are never touched. As root, PostgreSQL
runs as the ``postgres`` OS user (initdb refuses root).
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = os.environ.get("FAULTS_REDIS_SERVER", "/usr/bin/redis-server")
PG_BIN = Path(os.environ.get("FAULTS_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "campus"
WRITE_RATE_VARIABLES = (
    "ORDER_RATE",
    "BOOKING_RATE",
    "REVIEW_RATE",
    "REPORT_RATE",
    "STREAM_TICKET_RATE",
    "CLOSURE_RATE",
    "UPLOAD_RATE",
)


def missing_binaries() -> list[str]:
    wanted = [Path(REDIS_SERVER), PG_BIN / "initdb", PG_BIN / "pg_ctl", PG_BIN / "postgres"]
    return [str(path) for path in wanted if not os.access(path, os.X_OK)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class RedisServer:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log = workdir / "redis.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        wait_for(self._answers, 10, "redis-server to answer")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL by pid: Redis vanishes mid-request, with no goodbye."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def dbsize(self) -> int:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(b"DBSIZE\r\n")
            return int(sock.recv(64).strip()[1:])


class PostgresCluster:
    def __init__(self, workdir: Path):
        self.dir = workdir / "pg"
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.dir.mkdir()
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(
            str(PG_BIN / "initdb"),
            *("-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"),
            "--no-sync",
        )

    def start(self) -> None:
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.dir}",
                "-c max_connections=100",
                "-c fsync=off",
                "-c full_page_writes=off",
            ]
        )
        self._run(
            str(PG_BIN / "pg_ctl"),
            *("-D", str(self.data), "-l", str(self.dir / "postgres.log")),
            *("-o", options, "-w", "-t", "60", "start"),
        )

    @property
    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def stop_now(self) -> None:
        """SIGQUIT to the postmaster by pid: immediate shutdown, backends killed mid-query."""
        pid = self.pid
        os.kill(pid, signal.SIGQUIT)
        wait_for(lambda: not _pid_alive(pid), 30, "PostgreSQL to stop")

    def shutdown(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(OSError, AssertionError):
                self.stop_now()

    def connect(self, dbname: str = DATABASE):
        import psycopg

        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, autocommit=True
        )


def server_env(*, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The README's production settings, on the throwaway services."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
        and not key.startswith("DB_")
    }
    return {
        **env,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        "SECRET_KEY": "fault-suite-" + "s" * 60,
        "SECURE_SSL_REDIRECT": "false",
        "FAST_PASSWORD_HASHER": "true",
        "LOG_LEVEL": "WARNING",
        # The load writes far faster per student than a person: write throttles off.
        **dict.fromkeys(WRITE_RATE_VARIABLES, "1000000/min"),
        **extra,
    }


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


class AppServer:
    """gunicorn as in the README: threaded workers, keep-alive."""

    def __init__(self, env: dict[str, str], log: Path, *, workers: int = 2, threads: int = 4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                *(str(gunicorn), "config.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--worker-class", "gthread"),
                *("--workers", str(workers), "--threads", str(threads)),
                *("--keep-alive", "75", "--timeout", "60"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait_until_healthy(self, timeout: float = 90) -> None:
        def healthy():
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                return call(self, "GET", "/api/health/").status == 200
            except OSError:
                return False

        wait_for(healthy, timeout, f"gunicorn on {self.base}", interval=0.3)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Answer:
    def __init__(self, status: int, raw: bytes, headers):
        self.status = status
        self.raw = raw
        self.headers = headers

    @property
    def is_json(self) -> bool:
        return self.headers.get("Content-Type", "").startswith("application/json")

    def json(self):
        return json.loads(self.raw)

    def __repr__(self):
        return f"<{self.status} {self.raw[:120]!r}>"


def call(server, method, path, body=None, token=None, headers=None, timeout=30) -> Answer:
    request = urllib.request.Request(
        server.base + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.read(), response.headers)
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read(), error.headers)


def make_workdir() -> Path:
    """A temporary directory the postgres OS user can enter (pytest's is root-only)."""
    path = Path(tempfile.mkdtemp(prefix="campus-faults-"))
    path.chmod(0o755)
    return path


def start_worker(env: dict[str, str], log: Path, *, interval: float = 0.2) -> subprocess.Popen:
    """The task worker as the README runs it (``manage.py task_worker``)."""
    return subprocess.Popen(
        [
            *(sys.executable, "manage.py", "task_worker"),
            *("--no-startup-delay", "--interval", str(interval)),
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def stop_worker(worker: subprocess.Popen) -> None:
    """SIGTERM (the worker finishes its task), SIGKILL if it does not stop."""
    if worker.poll() is not None:
        return
    os.kill(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
