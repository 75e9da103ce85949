"""A cached anonymous read is answered with the bytes stored for its URL: one
cache round trip, the same body and headers as the answer that stored them,
and never to a caller with credentials or after a write."""

import pytest
from asgiref.sync import async_to_sync, iscoroutinefunction
from django.core.cache import cache
from django.test import RequestFactory

from catalogue.api.caching import LOCAL_ANSWERS, LocalAnswers, StoredAnswerMiddleware
from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from common import cache as common_cache
from common.public_cache import _bump as bump_version
from conftest import client_for

pytestmark = pytest.mark.django_db


class CacheSpy:
    """Counts the cache operations the API makes (each is one Redis round trip)."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        method = getattr(cache, name)

        def spy(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return spy


@pytest.fixture
def spy(monkeypatch):
    spy = CacheSpy()
    monkeypatch.setattr("catalogue.api.caching.cache", spy)
    monkeypatch.setattr("common.public_cache.cache", spy)

    def get_small(key, default=None):  # the version read on the thread's own connection
        spy.calls.append("get_small")
        return common_cache.get_small(key, default)

    monkeypatch.setattr("catalogue.api.caching.get_small", get_small)
    return spy


def urls():
    service = ServiceFactory(service_name="Stored")
    ServiceItemFactory(service=service)
    VendorProfileFactory(user=service.vendor)
    return [
        "/api/services/",
        "/api/services/?category=food&page=1",
        f"/api/services/{service.pk}/",
        f"/api/services/{service.pk}/items/",
        "/api/services/by_type/?type=" + service.service_type,
        "/api/vendor-profiles/",
    ]


HEADERS = ("Content-Type", "Allow", "Vary", "Content-Security-Policy", "X-Frame-Options")


def test_a_hit_is_one_cache_round_trip_and_no_query(api, spy, django_assert_num_queries):
    """This process's copy is checked against the version alone; an answer
    stored by another process is read with the version in one round trip."""
    for url in urls():
        first = api.get(url)
        spy.calls.clear()

        with django_assert_num_queries(0):
            second = api.get(url)
        assert spy.calls == ["get_small"], url

        LOCAL_ANSWERS.clear()  # as if another app server had stored it
        spy.calls.clear()
        with django_assert_num_queries(0):
            third = api.get(url)
        assert spy.calls == ["get_many"], url

        for answer in (second, third):
            assert answer.status_code == 200
            assert answer.content == first.content
            for header in HEADERS:
                assert answer.get(header) == first.get(header), (url, header)


def test_a_write_through_another_server_makes_the_copy_stale(api):
    """Another server's write bumps the shared version: this process's copy is
    not served again."""
    service = ServiceFactory(service_name="Before")
    url = f"/api/services/{service.pk}/"
    assert api.get(url).json()["service_name"] == "Before"
    assert api.get(url).json()["service_name"] == "Before"  # from the copy

    Service.objects.filter(pk=service.pk).update(service_name="After")
    bump_version()

    assert api.get(url).json()["service_name"] == "After"


def test_a_copy_is_not_served_after_the_cache_lost_its_data(api):
    """Redis restarted empty: the version starts again from a value no copy
    can hold (a count from 1 would have matched the copy's version 1)."""
    service = ServiceFactory(service_name="Before")
    url = f"/api/services/{service.pk}/"
    api.get(url)
    assert api.get(url).json()["service_name"] == "Before"  # from the copy

    Service.objects.filter(pk=service.pk).update(service_name="After")
    cache.clear()
    api.get("/api/services/")  # any catalogue read sets a version again

    assert api.get(url).json()["service_name"] == "After"


def test_copies_keep_to_their_byte_budget():
    answers = LocalAnswers(budget=100)
    for n in range(5):
        answers.put(f"k{n}", (1, 1, b"x" * 30, []))
    answers.get("k2")  # used: kept over older ones
    answers.put("k5", (1, 1, b"x" * 30, []))

    assert sorted(answers._entries) == ["k2", "k4", "k5"]
    assert answers._bytes == 90
    answers.put("big", (1, 1, b"x" * 101, []))
    assert "big" not in answers._entries


def test_parameters_in_another_order_share_the_stored_answer(api, spy):
    ServiceFactory(category="food")
    api.get("/api/services/?category=food&page=1")
    spy.calls.clear()

    response = api.get("/api/services/?page=1&category=food")

    assert spy.calls == ["get_small"]
    assert response.json()["count"] == 1


def test_odd_spellings_get_no_stored_answer_but_the_right_one(api, spy):
    ServiceFactory(base_price="7.00")
    api.get("/api/services/?is_available=1")
    spy.calls.clear()

    response = api.get("/api/services/?is_available=1")

    assert response.json()["count"] == 1
    assert spy.calls[0] == "get_many"
    assert len(spy.calls) > 1  # answered through DRF from the cached data


def test_a_caller_with_credentials_never_gets_the_stored_answer(api, vendor):
    ServiceFactory(vendor=vendor, service_name="Public name")
    api.get("/api/services/")
    Service.objects.update(service_name="Changed behind the API")

    assert client_for(vendor).get("/api/services/").json()["results"][0]["service_name"] == (
        "Changed behind the API"
    )
    bad_token = api.get("/api/services/", HTTP_AUTHORIZATION="Bearer nonsense")
    assert bad_token.status_code == 401


def test_a_write_makes_the_stored_answer_stale(api, vendor, django_capture_on_commit_callbacks):
    service = ServiceFactory(vendor=vendor, service_name="Before")
    url = f"/api/services/{service.pk}/"
    assert api.get(url).json()["service_name"] == "Before"

    with django_capture_on_commit_callbacks(execute=True):
        client_for(vendor).patch(url, {"service_name": "After"})

    assert api.get(url).json()["service_name"] == "After"


def test_a_stored_answer_serves_its_minute_only(api, monkeypatch):
    ServiceFactory()
    api.get("/api/services/")
    monkeypatch.setattr("catalogue.api.caching.current_minute", lambda: 10**9)
    Service.objects.update(service_name="Next minute")

    assert api.get("/api/services/").json()["results"][0]["service_name"] == "Next minute"


def test_a_browser_asking_for_html_is_negotiated_by_drf(api):
    ServiceFactory()
    api.get("/api/services/")

    response = api.get("/api/services/", HTTP_ACCEPT="text/html")

    # The browsable API's page (DEBUG) or 406 (JSON only), never the stored JSON.
    assert response.status_code == 406 or response["Content-Type"].startswith("text/html")


def test_a_url_with_an_unknown_parameter_costs_no_cache_round_trip(api, spy):
    """Such a URL is never stored (it is answered from the database each time),
    so nothing is looked up for it either."""
    urls()
    for url in ("/api/services/?nocache=1", "/api/services/?category=food&utm_source=mail"):
        spy.calls.clear()
        response = api.get(url)
        assert response.status_code == 200
        assert spy.calls == []


def test_under_asgi_the_middleware_only_passes_requests_on(api, spy):
    """The event stream's server (ASGI): no copy is served there, and Django
    needs no sync/async hop around the async views."""
    api.get("/api/services/")
    api.get("/api/services/")  # this process now holds a copy
    assert len(LOCAL_ANSWERS._entries) >= 1

    async def view(request):
        return "from the view"

    middleware = StoredAnswerMiddleware(view)
    spy.calls.clear()

    assert iscoroutinefunction(middleware)
    request = RequestFactory().get("/api/services/", HTTP_HOST="testserver")
    assert async_to_sync(middleware)(request) == "from the view"
    assert spy.calls == []
