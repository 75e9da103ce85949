"""Driving wrk: request pools written to a file, replayed by bench/replay.lua."""

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

REPLAY_SCRIPT = Path(__file__).with_name("replay.lua")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""

    def line(self) -> str:
        headers = "|".join(f"{name}: {value}" for name, value in self.headers.items())
        return f"{self.method}\t{self.path}\t{headers}\t{self.body}\n"


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]
    socket_errors: int
    timeouts: int
    exhausted: bool
    error_sample: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failures(self) -> int:
        """Answers that were not 2xx, plus requests that got no answer at all."""
        bad = sum(count for code, count in self.statuses.items() if not code.startswith("2"))
        return bad + self.socket_errors + self.timeouts


def write_pool(path: Path, requests: list[Request]) -> Path:
    with path.open("w") as out:
        out.writelines(r.line() for r in requests)
    return path


def run_wrk(
    wrk: str,
    *,
    base_url: str,
    pool: Path,
    seconds: int,
    connections: int,
    threads: int,
    once: bool,
) -> Result:
    """One bounded wrk run; ``once`` stops each thread when its share of the pool is used."""
    command = [
        wrk,
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=30s",
        f"--script={REPLAY_SCRIPT}",
        base_url,
        "--",
        str(pool),
        str(threads),
        "once" if once else "cycle",
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)  # noqa: S603
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            raw = json.loads(line.removeprefix("BENCH_RESULT "))
            return Result(
                requests=raw["requests"],
                seconds=raw["duration_us"] / 1e6,
                p50_ms=raw["p50_us"] / 1000,
                p90_ms=raw["p90_us"] / 1000,
                p99_ms=raw["p99_us"] / 1000,
                max_ms=raw["max_us"] / 1000,
                statuses=raw["statuses"],
                socket_errors=raw["socket_errors"],
                timeouts=raw["timeouts"],
                exhausted=raw["exhausted"],
                error_sample=raw["error_sample"],
            )
    raise RuntimeError(f"wrk printed no result:\n{out.stdout}\n{out.stderr}")
