"""The contract's "Lists" rules and timestamp format, on a public list."""

from datetime import datetime

import pytest

from catalogue.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

URL = "/api/services/"


@pytest.fixture
def services():
    return ServiceFactory.create_batch(105)


def test_lists_are_paginated_twenty_a_page_by_default(api, services):
    body = api.get(URL).json()

    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 105
    assert len(body["results"]) == 20
    assert body["previous"] is None
    assert "page=2" in body["next"]


def test_page_size_is_honoured_up_to_one_hundred(api, services):
    assert len(api.get(URL, {"page_size": 7}).json()["results"]) == 7
    assert len(api.get(URL, {"page_size": 500}).json()["results"]) == 100


def test_a_page_past_the_end_is_404(api, services):
    assert api.get(URL, {"page": 99}).status_code == 404


def test_timestamps_are_iso_8601_with_a_time_zone(api, services):
    service = api.get(URL).json()["results"][0]

    for field in ("created_at", "updated_at"):
        stamp = datetime.fromisoformat(service[field].replace("Z", "+00:00"))
        assert stamp.tzinfo is not None, service[field]
