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


class EmailBackend(FileBackend):
    def __init__(self, *args, **kwargs):
        kwargs["file_path"] = os.environ["FAULTS_EMAIL_DIR"]
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        Path(os.environ["FAULTS_EMAIL_DIR"], f"sending-{os.getpid()}").touch()
        time.sleep(float(os.environ.get("FAULTS_EMAIL_DELAY", "0")))
        return super().send_messages(email_messages)
