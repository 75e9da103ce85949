"""A small load generator: threads repeating a list of actions until told to
stop, every answer recorded with when it came."""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.faults.processes import Answer


@dataclass
class Outcome:
    action: str
    at: float
    answer: Answer | None
    error: str = ""
    expected: bool = True


class Load:
    def __init__(self, threads: int, actions: list[tuple[str, Callable[[int], tuple]]]):
        """Each action returns ``(answer, expected)``; its argument is a counter
        unique across the load (for fresh emails, keys, names)."""
        self.actions = actions
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()
        self._counter = 0
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(threads)
        ]

    def _next(self) -> int:
        with self._lock:
            self._counter += 1
            return self._counter

    def _run(self, thread: int) -> None:
        step = thread
        while not self._stop.is_set():
            name, action = self.actions[step % len(self.actions)]
            step += 1
            try:
                answer, expected = action(self._next())
                outcome = Outcome(name, time.monotonic(), answer, expected=expected)
            except Exception as exc:  # a refused or reset connection is a failure too
                outcome = Outcome(name, time.monotonic(), None, repr(exc), expected=False)
            with self._lock:
                self.outcomes.append(outcome)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def between(self, start: float, end: float) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if start <= outcome.at <= end]
