"""Django's PostgreSQL backend with a pool check that costs no round trip
while a connection is healthy.

With a pool, Django has psycopg check every connection it hands out by
sending an empty query: a round trip before each request's first statement
(3.5 % of an uncached service detail, measured). A pooled connection that
broke while idle (the database restarted, or ended the session) has
something to read on its socket: the server's goodbye, or the end of the
stream. So a connection whose socket has nothing to read is handed out as
it is, and only one that does gets psycopg's own check; one that fails is
given back to the pool, which discards and replaces it, and the next is
tried. Recovery after a restart still costs no failed request
(tests/faults/test_postgres_stopped.py).
"""

import math
import select

from django.db.backends.postgresql import base
from psycopg import Error
from psycopg_pool import ConnectionPool


def looks_usable(connection) -> bool:
    """False for a connection known to be broken; psycopg's check only when
    the server has said something since the connection was last used."""
    if connection.closed:
        return False
    # poll, not select: an ASGI server holding hundreds of event streams gives
    # sockets numbers select cannot watch. A closed socket reports itself too.
    poller = select.poll()
    poller.register(connection.fileno(), select.POLLIN)
    if not poller.poll(0):
        return True
    try:
        ConnectionPool.check_connection(connection)
    except Error:
        return False
    return True


class DatabaseWrapper(base.DatabaseWrapper):
    def answers_within(self, timeout: float) -> bool:
        """The database circuit's probe (common/circuit.py): a pooled connection
        within ``timeout`` that answers a query. With no pool, a fresh one."""
        pool = self.pool
        if pool is None:
            try:
                self.ensure_connection()
            except base.Database.Error:
                return False
            return True
        try:
            pool.open()
            connection = pool.getconn(timeout=timeout)
        except Error:
            return self._database_back_but_not_the_pool(pool, timeout)
        try:
            ConnectionPool.check_connection(connection)
        except Error:
            return False
        finally:
            pool.putconn(connection)
        return True

    def _database_back_but_not_the_pool(self, pool, timeout: float) -> bool:
        """After an outage the pool retries its connections with a backoff that
        doubles (1, 2, 4, 8 s...), so it may lag the database's return by as
        long as the outage lasted. When a direct connection succeeds where the
        pool gave none, the pool is replaced by a fresh one, which connects at once."""
        try:
            direct = pool.connection_class.connect(
                pool.conninfo, **{**pool.kwargs, "connect_timeout": max(2, math.ceil(timeout))}
            )
        except Error:
            return False
        direct.close()
        if self._connection_pools.get(self.alias) is pool:
            del self._connection_pools[self.alias]
            pool.close(timeout=0)  # its borrowed connections close when given back
        return True

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if self.pool is None:
            return connection
        # The pool replaces each broken one it gets back; when every pooled
        # connection broke at once, the last try is one it opened since.
        for _ in range(self.pool.max_size + 1):
            if looks_usable(connection):
                return connection
            self.pool.putconn(connection)
            connection = super().get_new_connection(conn_params)
        return connection
