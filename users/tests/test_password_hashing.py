"""Passwords are hashed with Argon2id at OWASP's minimum parameters, and an
older hash is rehashed at the next login. The other tests use a fast hasher;
these use the configured list."""

import pytest
from django.contrib.auth.hashers import make_password

import config.settings as configured
from config.settings.env import env_bool
from users.models import User
from users.tests.factories import PASSWORD, StudentFactory
from users.tests.helpers import LOGIN

pytestmark = pytest.mark.django_db


ARGON2_FIRST = [
    "users.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.fixture
def real_hashers(settings):
    settings.PASSWORD_HASHERS = ARGON2_FIRST


@pytest.mark.skipif(env_bool("FAST_PASSWORD_HASHER", False), reason="the fast hasher is configured")
def test_the_configured_hashers_put_argon2id_first_and_keep_pbkdf2():
    assert configured.PASSWORD_HASHERS[:2] == ARGON2_FIRST


def test_new_passwords_are_argon2id_with_owasp_parameters(real_hashers):
    encoded = make_password(PASSWORD)

    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_pbkdf2_hash_is_upgraded_to_argon2id_at_login(api, real_hashers):
    student = StudentFactory()
    User.objects.filter(pk=student.pk).update(
        password=make_password(PASSWORD, hasher="pbkdf2_sha256")
    )

    response = api.post(LOGIN, {"email": student.email, "password": PASSWORD})

    assert response.status_code == 200
    student.refresh_from_db()
    assert student.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert student.check_password(PASSWORD)
