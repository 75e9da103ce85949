"""``manage.py task_worker``: django-tasks' database worker (``db_worker``,
same options) that outlives a database outage.

``db_worker`` lets a database error out of its loop and the process exits
(finding 6). This worker catches it, closes its connections, waits a short
backoff (``TASK_WORKER_BACKOFF_SECONDS``, doubled per failed try up to
``TASK_WORKER_MAX_BACKOFF_SECONDS``) and goes on polling; a task cut off by the
outage stays RUNNING until the email outbox sweep re-queues it. SIGTERM and
SIGINT still stop it, also mid-wait.
"""

import logging
import os
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

# Connection refused or lost, the pool's wait timed out, a closed connection
# (Django's InterfaceError is no DatabaseError).
DATABASE_ERRORS = (DatabaseError, InterfaceError)

# A run that lasted this long had reached the database: the next failure
# starts again from the shortest wait.
HEALTHY_RUN_SECONDS = 30.0


class ReconnectingWorker(db_worker.Worker):
    def __init__(self, *, backoff: float, max_backoff: float, **kwargs):
        super().__init__(**kwargs)
        self.backoff = backoff
        self.max_backoff = max_backoff

    def run(self) -> None:
        wait = self.backoff
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return  # --batch or --max-tasks: done
            except DATABASE_ERRORS as error:
                if time.monotonic() - started > HEALTHY_RUN_SECONDS:
                    wait = self.backoff
                logger.warning(
                    "Database unavailable (%s); worker_id=%s retries in %.1fs.",
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error),
                    self.worker_id,
                    wait,
                )
                self._forget_connections()
                self.startup_delay = False  # the random start delay is for the first start
                if self.running:
                    time.sleep(wait)
                wait = min(wait * 2, self.max_backoff)

    @staticmethod
    def _forget_connections() -> None:
        for connection in connections.all(initialized_only=True):
            try:
                connection.close()
            except DATABASE_ERRORS:
                connection.connection = None  # broken beyond closing: drop it


class Command(db_worker.Command):
    help = (
        "Run the database task worker; on a database outage it waits and reconnects "
        "instead of exiting."
    )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, **options):
        self.configure_logging(verbosity)
        if reload and options["batch"]:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            backoff=settings.TASK_WORKER_BACKOFF_SECONDS,
            max_backoff=settings.TASK_WORKER_MAX_BACKOFF_SECONDS,
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
