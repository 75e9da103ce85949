"""Reading the account emails the way a person would: from Django's memory
email backend, after the task queue sent them."""

import re

import pytest
from django.core import mail

LINK = re.compile(
    r"(?P<base>\S+)/(?P<kind>reset-password|verify-email)/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)/"
)


@pytest.fixture
def sent(settings):
    """Emails are sent at once after the commit (tests run each request's
    transaction for real); returns Django's list of sent messages."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    mail.outbox = []
    return mail.outbox


def link_in(message, kind: str) -> dict:
    """``{base, kind, uid, token}`` of the ``kind`` link in an email's text."""
    for match in LINK.finditer(message.body):
        if match["kind"] == kind:
            return match.groupdict()
    raise AssertionError(f"no {kind} link in {message.body!r}")


def emails_to(outbox, address: str) -> list:
    return [message for message in outbox if message.to == [address]]
