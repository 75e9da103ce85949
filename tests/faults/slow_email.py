"""An email backend for the fault suite: Django's file backend, slowed down so
a test can kill the worker while a message is being sent. Configured by the
environment of the worker that loads it (FAULTS_EMAIL_DIR, FAULTS_EMAIL_DELAY)."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class EmailBackend(FileBackend):
    def __init__(self, *args, **kwargs):
        kwargs["file_path"] = os.environ["FAULTS_EMAIL_DIR"]
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        time.sleep(float(os.environ.get("FAULTS_EMAIL_DELAY", "0")))
        return super().send_messages(email_messages)
