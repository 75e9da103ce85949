"""Public catalogue reads (anonymous visitors and students) served from the
versioned catalogue cache.

The client does not choose the cache key: it is built from the query
parameters the endpoint knows, normalised (``?page=01`` and ``?page=1`` share
an entry, as do ``?min_price=5`` and ``?min_price=5.00``). A request with a
parameter the endpoint does not know is answered from the database and not
cached, so junk parameters cannot fill the cache with copies of one page.

Stored bytes: when the request's own query string is already in normal form
(each value as the normalised key has it; any order), the rendered JSON body
and the view's headers are also stored under a key of the raw URL, beside the
version they were built at. The next anonymous GET of that URL is answered in
``dispatch`` from one cache round trip (``get_many`` of the version and the
entry), before DRF authenticates, negotiates, filters or serializes anything;
an entry of an older version or minute is a miss. Only the normal form gets
such an entry, so junk spellings cannot fill the cache either.

Each app server process also keeps the stored answers it has read or stored
in memory (``LOCAL_ANSWERS``, least recently used out past a byte budget).
``StoredAnswerMiddleware``, the innermost middleware, answers a URL found
there before Django resolves it or DRF builds a view: it asks the cache for
the catalogue version only (a few bytes, still one round trip, so a write
made through any server is seen at once), and serves the copy when the
version and the minute match. A URL without a copy goes on to the view.
"""

import hashlib
import threading
from collections import OrderedDict
from decimal import Decimal

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import status
from rest_framework.filters import SearchFilter
from rest_framework.response import Response
from rest_framework.settings import api_settings

from catalogue.cache import catalogue_cache_key, current_minute
from catalogue.selectors import verification_required
from common.cache import get_small, on_recovery
from common.public_cache import (
    VERSION_KEY,
    cache_seconds,
    catalogue_cache_usable,
    catalogue_version,
)

from .free_form import admit_free_form, empty_list, free_form

PAGE_PARAMETERS = {"page", "page_size"}
# Headers the view (DRF) sets that a stored answer repeats; the middleware
# outside the view add theirs to every answer, stored or not.
STORED_HEADERS = ("Content-Type", "Allow", "Vary")
# Accept headers the JSON renderer answers; anything else goes through DRF's negotiation.
JSON_ACCEPTS = ("", "*/*", "application/json")


def _accepts_json(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return accept in JSON_ACCEPTS or (
        "text/html" not in accept and ("application/json" in accept or "*/*" in accept)
    )


def _anonymous(request) -> bool:
    """No credentials at all: what a cached answer may be given to, decided on
    the plain Django request (bearer tokens are the API's only authentication)."""
    return (
        "HTTP_AUTHORIZATION" not in request.META
        and getattr(request, "_force_auth_user", None) is None
    )


def stored_key(request) -> str:
    """The key of the stored answer to this exact URL (parameters in any
    order); raises DisallowedHost for a host name the site does not serve.
    Computed once per request: the middleware, the view's lookup and its
    store all ask."""
    key = request.__dict__.get("_stored_key")
    if key is None:
        params = sorted(request.GET.lists())
        identity = repr(
            (request.scheme, request.get_host(), request.path, params, verification_required())
        )
        key = "catalogue:bytes:" + hashlib.sha256(identity.encode()).hexdigest()
        request._stored_key = key
    return key


def _answer(content: bytes, headers) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class LocalAnswers:
    """The stored answers this process has read or stored, by key: (version,
    minute, body, headers). Least recently used out once the bodies pass
    ``budget`` bytes; threads of one process share it."""

    def __init__(self, budget: int):
        self.budget = budget
        self._entries: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[2])
        if size > self.budget:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > self.budget:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped[2])

    def discard(self, key: str, entry: tuple) -> None:
        with self._lock:
            if self._entries.get(key) is entry:
                del self._entries[key]
                self._bytes -= len(entry[2])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


# 16 MB of bodies per process: some 800 pages of 20 services.
LOCAL_ANSWERS = LocalAnswers(budget=16 * 1024 * 1024)
# Writes made while Redis was unreachable bumped no version: forget every copy.
on_recovery(LOCAL_ANSWERS.clear)


def local_answer(request) -> HttpResponse | None:
    """This process's copy of the stored answer to an anonymous JSON GET, if
    it is of the current minute and version (one small cache round trip,
    none for a URL without a copy)."""
    if not (_anonymous(request) and _accepts_json(request)):
        return None
    try:
        key = stored_key(request)
    except DisallowedHost:  # DRF answers it
        return None
    entry = LOCAL_ANSWERS.get(key)
    if entry is None:
        return None
    version, minute, content, headers = entry
    if minute != current_minute() or not catalogue_cache_usable():
        return None
    if get_small(VERSION_KEY) != version:
        LOCAL_ANSWERS.discard(key, entry)
        return None
    return _answer(content, headers)


class StoredAnswerMiddleware:
    """Innermost: answers an anonymous catalogue GET from this process's copy
    of its stored answer before URL resolution and DRF (see the module's
    docstring); the middleware outside it add their headers as to any answer.

    Under ASGI (the event stream's server) it only passes requests on, so
    Django adds no sync/async hop around the async stream views; the views'
    own stored answers still apply there."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.passes_on = iscoroutinefunction(get_response)
        if self.passes_on:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.passes_on:
            return self.get_response(request)  # a coroutine: the caller awaits it
        if request.method == "GET" and request.path.startswith("/api/"):
            answer = local_answer(request)
            if answer is not None:
                return answer
        return self.get_response(request)


def _normalise(value) -> str | None:
    if value in (None, "", [], ()):
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    return str(value).strip()


def sees_the_public_view(user) -> bool:
    """Anonymous visitors and students see exactly the public catalogue (a
    student has no services of their own and no admin's view), so a student's
    read is answered from, and fills, the same entries. Vendors and admins
    see more than the public and are never served from the cache."""
    return not user.is_authenticated or user.is_student


class AnonymousCacheMixin:
    """Public reads (anonymous or a student's) may come from a cache; every
    write is visible in the next read.

    Cached per known query parameter, normalised; a request with a parameter
    the endpoint does not know is answered from the database.
    """

    # The key also holds the scheme and host (an allowed host name only):
    # responses carry absolute image URLs, so two host names must not share an
    # entry. Students share the anonymous entries (``sees_the_public_view``);
    # stored bytes are for requests without credentials only.

    # Per action, the query parameters an extra action reads itself.
    cache_query_parameters: dict[str, set[str]] = {}

    def _filtered(self) -> bool:
        """django-filter runs on this view, with a filter set."""
        return getattr(self, "filterset_class", None) is not None and any(
            issubclass(backend, DjangoFilterBackend) for backend in self.filter_backends
        )

    def _known_parameters(self, action: str | None = None) -> set[str]:
        action = action or self.action
        known = set(self.cache_query_parameters.get(action, set()))
        if action != "retrieve" and self.paginator is not None:
            known |= PAGE_PARAMETERS
        backends = self.filter_backends
        if any(issubclass(b, DjangoFilterBackend) for b in backends) and getattr(
            self, "filterset_class", None
        ):
            known |= set(self.filterset_class.base_filters)
        if SearchFilter in backends:
            known.add(api_settings.SEARCH_PARAM)
        return known

    def filter_form(self, request):
        """The filter set's form of this request, built and validated once: the
        cache key reads it, and so may the view (a view serves one request)."""
        form = self.__dict__.get("_filter_form")
        if form is None:
            model = self.filterset_class._meta.model
            filterset = self.filterset_class(
                data=request.query_params, queryset=model.objects.none(), request=request
            )
            form = self._filter_form = filterset.form
            form.is_valid()
        return form

    def _normalised_parameters(self, request) -> list[tuple[str, str]] | None:
        """The known parameters, normalised; None when the request must not be cached."""
        params = request.query_params
        if not set(params) <= self._known_parameters():
            return None
        if any(len(params.getlist(name)) != 1 for name in params):
            return None
        values = {name: params[name] for name in params}
        # A form only when a filter parameter was sent (as common.filters.FilterBackend).
        if (
            self._filtered()
            and self.action != "retrieve"
            and params.keys() & self.filterset_class.base_filters.keys()
        ):
            form = self.filter_form(request)
            if not form.is_valid():
                return None  # the view answers 400
            values.update({name: form.cleaned_data[name] for name in form.cleaned_data})
        if self.paginator is not None and self.action != "retrieve":
            page = params.get("page", "1").strip() or "1"
            # ASCII digits only: "²" is a digit to str.isdigit but not to int().
            if not (page.isascii() and page.isdigit()):
                return None  # the view answers 404
            values["page"] = int(page)
            values["page_size"] = self.paginator.get_page_size(request)
        normalised = ((name, _normalise(value)) for name, value in values.items())
        return sorted((name, value) for name, value in normalised if value is not None)

    def _cache_key(self, request) -> str | None:
        parameters = self._normalised_parameters(request)
        if parameters is None:
            return None
        return self._key_of(request, parameters)

    def _key_of(self, request, parameters, version=None, minute=None) -> str:
        # The public rule depends on REQUIRE_VENDOR_VERIFICATION: its value
        # is part of every key, so a change never serves the other rule's answer.
        identity = repr(
            (request.build_absolute_uri(request.path), parameters, verification_required())
        )
        # Hashed: a URL can be longer than cache backends allow for a key.
        digest = hashlib.sha256(identity.encode()).hexdigest()
        return catalogue_cache_key(digest, version, minute)

    def _in_normal_form(self, request, parameters: list[tuple[str, str]]) -> bool:
        """True when every parameter the client sent is spelt as its normal form."""
        normal = dict(parameters)
        return all(normal.get(name) == value for name, value in request.query_params.items())

    def _stored_answer(self, request):
        """The stored answer to this GET, or None (one cache round trip, none
        for a URL that can have no stored answer)."""
        # DRF names self.action later, in initialize_request.
        action = self.action_map.get("get")
        if (
            request.method != "GET"
            or action not in self.stored_actions
            or not _anonymous(request)
            or not _accepts_json(request)
            # A parameter the endpoint does not know: never stored.
            or not request.GET.keys() <= self._known_parameters(action)
            or not catalogue_cache_usable()
        ):
            return None
        try:
            key = stored_key(request)
        except DisallowedHost:  # DRF answers it
            return None
        found = cache.get_many([VERSION_KEY, key])
        entry = found.get(key)
        if entry is None:
            return None
        version, minute, content, headers = entry
        if version != found.get(VERSION_KEY) or minute != current_minute():
            return None
        LOCAL_ANSWERS.put(key, entry)
        return _answer(content, headers)

    def dispatch(self, request, *args, **kwargs):
        stored = self._stored_answer(request)
        if stored is not None:
            return stored
        self._store_as = None
        response = super().dispatch(request, *args, **kwargs)
        if self._store_as is not None and response.status_code == status.HTTP_200_OK:
            response.render()
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            version, minute, key = self._store_as
            entry = (version, minute, response.content, headers)
            cache.set(key, entry, cache_seconds())
            LOCAL_ANSWERS.put(key, entry)
        return response

    # The actions that answer through ``cached``.
    stored_actions = ("list", "retrieve", "by_type", "by_category")

    def cached(self, request, build):
        if not sees_the_public_view(request.user) or not catalogue_cache_usable():
            return build()
        parameters = self._normalised_parameters(request)
        if parameters is None:
            return build()
        version, minute = catalogue_version(), current_minute()
        key = self._key_of(request, parameters, version, minute)
        data = cache.get(key)
        if data is not None:
            response = Response(data)
        else:
            response = build()
            if response.status_code != status.HTTP_200_OK or empty_list(response.data):
                return response
            if free_form(request.query_params) and not admit_free_form(version, minute):
                return response
            cache.set(key, response.data, cache_seconds())
        if _anonymous(request._request) and self._in_normal_form(request, parameters):
            self._store_as = (version, minute, stored_key(request._request))
        return response

    def list(self, request, *args, **kwargs):
        return self.cached(request, lambda: super(AnonymousCacheMixin, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.cached(
            request, lambda: super(AnonymousCacheMixin, self).retrieve(request, *args, **kwargs)
        )
