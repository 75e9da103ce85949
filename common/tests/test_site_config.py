"""The campus currency is a server setting: validated at startup, given to
API clients by /api/config/ and to the web app inside the page it loads."""

import pytest

from .test_settings import run

pytestmark = pytest.mark.django_db

PAGE = b"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Campus Services</title>
  </head>
  <body><div id="root"></div></body>
</html>
"""


@pytest.fixture
def built_web_app(settings, tmp_path):
    (tmp_path / "index.html").write_bytes(PAGE)
    settings.WEB_DIST_DIR = tmp_path


def test_config_tells_api_clients_the_currency_and_time_zone(api, settings):
    settings.CURRENCY = "KES"
    settings.TIME_ZONE = "Africa/Nairobi"
    api.credentials(HTTP_AUTHORIZATION="Bearer garbage")

    response = api.get("/api/config/")

    assert response.status_code == 200
    answer = response.json()
    assert {k: answer[k] for k in ("currency", "time_zone")} == {
        "currency": "KES",
        "time_zone": "Africa/Nairobi",
    }
    assert set(answer) == {"currency", "time_zone", "locale", "payment_methods"}


def test_the_default_campus_currency_is_ghana_cedis(api):
    assert api.get("/api/config/").json()["currency"] == "GHS"


@pytest.mark.parametrize("path", ["/", "/services/12", "/orders"])
def test_web_app_pages_carry_the_currency_in_their_head(client, built_web_app, settings, path):
    settings.CURRENCY = "NGN"

    response = client.get(path)

    page = response.content.decode()
    assert response.status_code == 200
    head = page[: page.index("</head>")]
    assert '<meta name="campus-currency" content="NGN" />' in head
    assert page.count("campus-currency") == 1
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_web_app_pages_carry_the_campus_clock_and_locale(client, built_web_app, settings):
    settings.TIME_ZONE = "America/New_York"
    settings.CAMPUS_LOCALE = "en-US"

    page = client.get("/orders").content.decode()

    head = page[: page.index("</head>")]
    assert '<meta name="campus-time-zone" content="America/New_York" />' in head
    assert '<meta name="campus-locale" content="en-US" />' in head


def test_the_config_names_the_campus_locale(api, settings):
    settings.CAMPUS_LOCALE = "fr-FR"

    assert api.get("/api/config/").json()["locale"] == "fr-FR"


@pytest.mark.slow
def test_the_currency_comes_from_the_environment_in_upper_case():
    result = run(
        "manage.py",
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CURRENCY)",
        CURRENCY=" kes ",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "KES"


@pytest.mark.slow
@pytest.mark.parametrize("value", ["dollars", "XYZ", "GH", "XAU"])
def test_an_unknown_currency_stops_the_server_at_startup(value):
    result = run("manage.py", "check", CURRENCY=value)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "CURRENCY must be an ISO 4217 currency code" in result.stderr
