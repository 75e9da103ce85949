"""A per-process circuit breaker for the database (finding 14).

Without it every request during an outage waits the pool's whole timeout
(``DB_POOL_TIMEOUT``) before its 503. Once a request found the database
unreachable the circuit opens: for ``DB_CIRCUIT_OPEN_SECONDS`` every API
request is answered 503 at once. Then one request, the probe, asks the
database for a connection, waiting at most ``PROBE_TIMEOUT_SECONDS`` (the
others keep failing fast); its success closes the circuit, its failure opens
it for another period. Only /api/ requests pass through it
(``common.errors.ApiJsonErrorsMiddleware``).
"""

import threading
import time

CLOSED = "closed"
PROBE = "probe"
REJECT = "reject"
# How long the probe waits for a pooled connection: while the circuit is open
# the process uses none, so one is idle unless the database is still down.
PROBE_TIMEOUT_SECONDS = 0.5


class DatabaseCircuit:
    def __init__(self, open_seconds: float, clock=time.monotonic):
        self.open_seconds = open_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._open_until: float | None = None  # None: closed
        self._probing = False

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def admit(self) -> str:
        """CLOSED: go on; REJECT: answer 503 now; PROBE: this request checks the database."""
        if self._open_until is None:  # the common case takes no lock
            return CLOSED
        with self._lock:
            if self._open_until is None:
                return CLOSED
            if self._probing or self.clock() < self._open_until:
                return REJECT
            self._probing = True
            return PROBE

    def failed(self) -> None:
        if self.open_seconds <= 0:
            return
        with self._lock:
            self._open_until = self.clock() + self.open_seconds
            self._probing = False

    def succeeded(self) -> None:
        with self._lock:
            self._open_until = None
            self._probing = False


_circuit: DatabaseCircuit | None = None
_creating = threading.Lock()


def database_circuit() -> DatabaseCircuit:
    """This process's circuit (settings read on first use)."""
    global _circuit
    if _circuit is None:
        from django.conf import settings

        with _creating:
            if _circuit is None:
                _circuit = DatabaseCircuit(settings.DB_CIRCUIT_OPEN_SECONDS)
    return _circuit
