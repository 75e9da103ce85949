"""Account emails leave the way notification emails do: queued on the outbox in
the request's transaction, sent by the task worker, never twice; and Django's
file backend writes them under EMAIL_FILE_PATH for a test setup to read."""

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import EmailOutbox
from tests.races import race
from users.tests.emails import LINK
from users.tests.factories import StudentFactory
from users.tokens import password_reset_tokens, uid_of

pytestmark = pytest.mark.django_db(transaction=True)

RESET = "/api/users/password-reset/"


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_the_reset_email_is_queued_and_sent_once_by_the_worker(api, queued):
    student = StudentFactory()

    assert api.post(RESET, {"email": student.email}).status_code == 202
    assert mail.outbox == []  # the request only queued it
    row = EmailOutbox.objects.get()
    assert (row.to, row.notification) == (student.email, None)

    run_worker()
    run_worker()

    assert [m.to for m in mail.outbox] == [[student.email]]
    assert "/reset-password/" in mail.outbox[0].body


def test_the_file_backend_writes_each_email_under_email_file_path(api, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "emails")
    student = StudentFactory()

    api.post(RESET, {"email": student.email})

    [written] = list((tmp_path / "emails").iterdir())
    text = written.read_text()
    assert student.email in text
    assert any(m["kind"] == "reset-password" for m in LINK.finditer(text))


def test_registration_emails_the_verification_link_through_the_outbox(api, queued):
    response = api.post(
        "/api/users/register/",
        {"email": "new@campus.test", "password": "a-Long-unusual-pass-9", "user_type": "student"},
    )
    assert response.status_code == 201

    run_worker()

    [message] = mail.outbox
    assert message.to == ["new@campus.test"]
    assert "/verify-email/" in message.body


@pytest.mark.postgres
def test_two_confirms_racing_with_one_link_set_one_password():
    from rest_framework.test import APIClient

    student = StudentFactory()
    body = {"uid": uid_of(student), "token": password_reset_tokens.make_token(student)}
    requests = [
        (
            APIClient(),
            "post",
            "/api/users/password-reset/confirm/",
            {**body, "new_password": p},
            "json",
        )
        for p in ("first-Racing-passphrase-1", "second-Racing-passphrase-2")
    ]

    results = race(requests)

    assert sorted(status for status, _ in results) == [200, 400]
    winner = "first" if results[0][0] == 200 else "second"
    student.refresh_from_db()
    assert student.check_password(f"{winner}-Racing-passphrase-{1 if winner == 'first' else 2}")
