"""The task worker outlives a PostgreSQL outage (finding 6): ``db_worker``
exited on the first database error and never came back; ``task_worker`` waits,
reconnects by itself, and sends an email queued after the database returns."""

import time

from tests.faults.conftest import build_marketplace, order_made_ready
from tests.faults.processes import ROOT, start_worker, stop_worker, wait_for
from tests.faults.slow_email import messages

OUTAGE_SECONDS = 6


def test_the_worker_survives_a_database_outage_and_sends_what_is_queued_after(
    app, base_env, postgres, workdir
):
    market = build_marketplace(app, students=1)
    email, token = market.students[0]
    mail_dir = workdir / "mail-outage"
    mail_dir.mkdir()
    env = {
        **base_env,
        "EMAIL_BACKEND": "tests.faults.slow_email.EmailBackend",
        "FAULTS_EMAIL_DIR": str(mail_dir),
        "FAULTS_EMAIL_DELAY": "0",
        "PYTHONPATH": str(ROOT),
        # The worker's polls find the database gone within the outage.
        "DB_POOL_TIMEOUT": "1",
    }
    log = workdir / "worker-outage.log"

    def sent_to_student() -> bool:
        # The order's email, not the one registration queued before the outage.
        return any(f"To: {email}" in text and "is ready" in text for text in messages(mail_dir))

    worker = start_worker(env, log)
    try:
        time.sleep(2)  # polling the queue
        assert worker.poll() is None, log.read_text()[-3000:]
        postgres.stop_now()
        try:
            time.sleep(OUTAGE_SECONDS)
            assert worker.poll() is None, f"the worker exited:\n{log.read_text()[-3000:]}"
        finally:
            postgres.start()
        app.wait_until_healthy(timeout=60)

        order_made_ready(app, market, token)
        wait_for(sent_to_student, 60, "the email queued after the outage to be sent")
        assert worker.poll() is None, log.read_text()[-3000:]
    finally:
        stop_worker(worker)
