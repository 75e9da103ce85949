"""An email backend for the fault suite: Django's file backend, slowed down so
a test can kill the worker while a message is being sent. Configured by the
environment of the worker that loads it (FAULTS_EMAIL_DIR, FAULTS_EMAIL_DELAY).

Before it waits, the backend leaves a ``sending-<pid>`` file in the directory:
a test kills the worker once that file exists, so the kill always lands inside
the wait (before the message is written), however busy the machine is."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend

# What Django's file backend writes after each message.
SEPARATOR = "\n" + "-" * 79 + "\n"


class EmailBackend(FileBackend):
    def __init__(self, *args, **kwargs):
        kwargs["file_path"] = os.environ["FAULTS_EMAIL_DIR"]
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        Path(os.environ["FAULTS_EMAIL_DIR"], f"sending-{os.getpid()}").touch()
        time.sleep(float(os.environ.get("FAULTS_EMAIL_DELAY", "0")))
        return super().send_messages(email_messages)


def messages(directory) -> list[str]:
    """Every message written to ``directory``, one text each. A file is not one
    message: the backend names it by the second and by the backend object's
    id, and opens it to append, so two sends within a second by objects that
    got the same address share one file, one message after the other (a test
    that read files as messages once counted a student's email twice)."""
    return [
        message
        for path in sorted(Path(directory).glob("*.log"))
        for message in path.read_text().split(SEPARATOR)
        if message.strip()
    ]
