"""The task worker killed by SIGKILL while it sends an email: its task stays
RUNNING and the email unsent until the outbox sweep re-queues it; then every
email arrives exactly once (never lost, never sent twice)."""

import os
import signal
import subprocess
import sys
import time

from tests.faults.conftest import build_marketplace, order_made_ready
from tests.faults.processes import ROOT, start_worker, stop_worker, wait_for
from tests.faults.slow_email import messages

EMAILS = 3


def test_an_email_cut_off_by_a_killed_worker_is_sent_once_after_the_sweep(
    app, base_env, postgres, workdir
):
    # The package's database carries the earlier fault tests' queue: emails
    # queued with no worker running, a send cut off by the outage test. This
    # test counts unsent emails, so it starts from an empty queue.
    with postgres.connect() as conn:
        conn.execute("UPDATE notifications_emailoutbox SET sent_at = now() WHERE sent_at IS NULL")
        conn.execute(
            "DELETE FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        )
    market = build_marketplace(app, students=EMAILS)
    for _, token in market.students:
        order_made_ready(app, market, token)
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    env = {
        **base_env,
        "EMAIL_BACKEND": "tests.faults.slow_email.EmailBackend",
        "FAULTS_EMAIL_DIR": str(mail_dir),
        # Long enough that the kill below always lands inside the send.
        "FAULTS_EMAIL_DELAY": "120",
        "PYTHONPATH": str(ROOT),
    }
    log = workdir / "worker.log"

    worker = start_worker(env, log)
    try:
        wait_for(lambda: any(mail_dir.glob("sending-*")), 60, "the worker to start sending")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
    finally:
        if worker.poll() is None:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()

    env["FAULTS_EMAIL_DELAY"] = "0"
    worker = start_worker(env, log)
    try:

        def unsent() -> int:
            with postgres.connect() as conn:
                query = "SELECT count(*) FROM notifications_emailoutbox WHERE sent_at IS NULL"
                return conn.execute(query).fetchone()[0]

        def settled(predicate, what: str) -> None:
            # A state, however long a loaded machine takes to reach it; on a
            # time-out, the worker's own account of what it did.
            try:
                wait_for(predicate, 240, what)
            except AssertionError as timed_out:
                raise AssertionError(f"{timed_out}\n{log.read_text()[-3000:]}") from None

        # Without the sweep the cut-off email would stay unsent for good.
        settled(lambda: unsent() <= 1, "the emails still queued to go")
        time.sleep(2)
        assert unsent() == 1, log.read_text()[-3000:]

        subprocess.run(
            [sys.executable, "manage.py", "sweep_email_outbox", "--overdue-seconds", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
        )
        settled(lambda: unsent() == 0, "the swept email to be sent")
        time.sleep(2)  # any duplicate send would land now
    finally:
        stop_worker(worker)

    sent = messages(mail_dir)
    for email, _ in market.students:
        # Registration also emails each student (verify the address): count the order's.
        ready = [text for text in sent if f"To: {email}" in text and "is ready" in text]
        assert len(ready) == 1, (email, sent)
