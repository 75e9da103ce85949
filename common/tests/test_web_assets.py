"""The built web app's files: compressed copies served, hashed names cached for good."""

import gzip
import re

import pytest
from django.conf import settings
from django.test import Client, override_settings

BUNDLE = b"console.log('campus');\n" * 200


@pytest.fixture
def dist(tmp_path):
    # What `npm run build` leaves in web/dist: hashed assets with .gz/.br copies.
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "index-Cz6NO_C5.js").write_bytes(BUNDLE)
    (assets / "index-Cz6NO_C5.js.gz").write_bytes(gzip.compress(BUNDLE))
    (assets / "index-Cz6NO_C5.js.br").write_bytes(b"brotli bytes")
    (tmp_path / "sw.js").write_bytes(b"self.addEventListener('fetch', () => {});")
    with override_settings(WHITENOISE_ROOT=tmp_path, WHITENOISE_AUTOREFRESH=False):
        # A new client builds the middleware chain again, under these settings.
        yield Client()


def test_a_hashed_asset_is_cached_for_a_year_as_immutable(dist):
    response = dist.get("/assets/index-Cz6NO_C5.js")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_a_file_without_a_hash_in_its_name_is_asked_for_again(dist):
    response = dist.get("/sw.js")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]


def test_brotli_is_served_to_a_browser_that_accepts_it(dist):
    response = dist.get("/assets/index-Cz6NO_C5.js", headers={"Accept-Encoding": "gzip, br"})
    assert response["Content-Encoding"] == "br"
    assert response["Vary"] == "Accept-Encoding"


def test_gzip_is_served_to_a_browser_without_brotli(dist):
    response = dist.get("/assets/index-Cz6NO_C5.js", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == BUNDLE


def test_django_hashed_static_names_are_immutable_too():
    test = re.compile(settings.WHITENOISE_IMMUTABLE_FILE_TEST)
    assert test.search("/static/admin/css/base.0123456789ab.css")
    assert not test.search("/static/admin/css/base.css")
    assert not test.search("/index.html")
    assert not test.search("/assets/logo.svg")
