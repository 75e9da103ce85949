"""Settings are read once per process, so these tests start a fresh one."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

PRODUCTION = {"DEBUG": "false", "ALLOWED_HOSTS": "example.edu"}


def run(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "JWT_SIGNING_KEY", "DEBUG", "ALLOWED_HOSTS"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("too-short-" * 3, id="short"),
        pytest.param("django-insecure-" + "x" * 60, id="django-insecure"),
    ],
)
def test_debug_off_refuses_to_start_without_a_real_secret_key(secret_key):
    env = dict(PRODUCTION) if secret_key is None else {**PRODUCTION, "SECRET_KEY": secret_key}

    result = run("manage.py", "check", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(45)[:60],
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_cors_origins_come_from_the_environment():
    result = run(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CORS_ALLOWED_ORIGINS)",
        DJANGO_SETTINGS_MODULE="config.settings",
        CORS_ALLOWED_ORIGINS="https://shop.example.edu, https://admin.example.edu",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['https://shop.example.edu', 'https://admin.example.edu']"
