"""Search of services: the one definition both read paths use.

What a search matches (API.md, "Search"): every word of the query, case- and
accent-insensitive, as the start of a word of the service's name, its vendor's
business name, the names and descriptions of its available items, or its
description, category and location. A query word of ``TYPO_MIN_LENGTH``
letters or more also matches a word one edit away (``croisant``). Relevance:
per query word, a match in the name counts most, then the vendor's name,
then the items (``SCORE_WEIGHTS``); ties are broken by the caller (newest first).

``search_sql`` gives the condition and the relevance score as SQL on the
service table, for ``selectors.service_search`` (querysets) and
``public_rows`` (raw rows) alike.

PostgreSQL: each service's ``search_document``, a tsvector weighted A (name),
B (vendor), C (items) and D (the rest), folded with ``unaccent`` and kept
current by triggers (migration 0005), GIN-indexed; the typo rule finds
candidate words in the catalogue's vocabulary (``catalogue_search_word``,
filled by the same trigger) with ``pg_trgm`` and keeps those within one edit
by ``fuzzystrmatch``'s ``levenshtein``. SQLite: ``catalogue_search_score``, a
Python function registered on each connection (``apps.py``), reads the same
four texts and applies ``match_score`` below.
"""

import json
import re
import unicodedata
from functools import lru_cache

from django.db import connections

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
TYPO_MIN_LENGTH = 5
# Per query word: a match in the name, the vendor's name, the items. Fewer
# than 10 words, so each field's count keeps its own decimal digit.
SCORE_WEIGHTS = (1000, 100, 10)
PG_WEIGHTS = ("A", "B", "C")
_WORD = re.compile(r"[^\W_]+")
SQLITE_SCORE_FUNCTION = "catalogue_search_score"


def fold(text: str) -> str:
    """Lower case, accents removed (``Café`` → ``cafe``): how SQLite and
    Python compare words. PostgreSQL folds with ``unaccent`` and ``lower``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_of(text: str) -> list[str]:
    """The words of ``text``, folded."""
    return _WORD.findall(fold(text or ""))


def query_words(text: str) -> list[str]:
    """The distinct words of a search, as many as are matched."""
    return list(dict.fromkeys(_WORD.findall(text or "")))[:MAX_WORDS]


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of ``a`` and ``b`` at most 1."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        return a[start + 1 :] == b[start + 1 :]
    return a[start:] == b[start + 1 :]


def word_matches(word: str, candidates: list[str]) -> bool:
    """``word`` (folded) starts one of ``candidates`` or, long enough, is one
    edit away from one."""
    typo = len(word) >= TYPO_MIN_LENGTH
    return any(c.startswith(word) or (typo and within_one_edit(word, c)) for c in candidates)


@lru_cache(maxsize=4096)
def _words_cached(text: str) -> tuple[str, ...]:
    return tuple(words_of(text))


def match_score(fields: list[str], words: list[str]) -> int | None:
    """None unless every word matches one of ``fields`` (name, vendor, items,
    rest); else the relevance score."""
    texts = [_words_cached(text or "") for text in fields]
    score = 0
    for word in words:
        found = [word_matches(word, text) for text in texts]
        if not any(found):
            return None
        score += sum(w for w, hit in zip(SCORE_WEIGHTS, found, strict=False) if hit)
    return score


def sqlite_score(name, vendor, items, rest, query) -> int | None:
    """The SQLite function: ``query`` is the JSON list of folded words."""
    return match_score([name, vendor, items, rest], json.loads(query))


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# The typo candidates of PostgreSQL: the query words folded as the documents
# are, each with the vocabulary words within one edit (long enough words
# only). The folded words are materialised and each looked up laterally, so
# the trigram index answers ``%`` with the word as a value (a join on the
# expression scanned the whole vocabulary and folded again for every row).
PG_VARIANTS = f"""
WITH q AS MATERIALIZED (
    SELECT t.ord, catalogue_fold(t.w) AS word
    FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, ord)
)
SELECT q.ord, q.word, v.word FROM q LEFT JOIN LATERAL (
    SELECT w.word FROM catalogue_search_word AS w
    WHERE char_length(q.word) >= {TYPO_MIN_LENGTH} AND w.word %% q.word
    AND w.word <> q.word AND levenshtein(w.word, q.word) <= 1
) AS v ON true
ORDER BY q.ord, v.word
"""  # noqa: S608


def _pg_terms(connection, words: list[str]) -> list[tuple[str, list[str]]]:
    """Each query word folded, with its typo variants (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(PG_VARIANTS, [words])
        found: dict[int, tuple[str, list[str]]] = {}
        for ord_, word, variant in cursor.fetchall():
            entry = found.setdefault(ord_, (word, []))
            if variant is not None:
                entry[1].append(variant)
    # unaccent may turn one word into several ("æ" stays one, "½" does not).
    terms = []
    for word, variants in found.values():
        for part in _WORD.findall(word):
            terms.append((part, variants if part == word else []))
    return [term for term in terms if term[0]]


def _pg_tsquery(terms: list[tuple[str, list[str]]], weight: str = "") -> str:
    """The tsquery text: each word as a prefix, or one of its variants."""
    parts = []
    for word, variants in terms:
        exact = f":{weight}" if weight else ""
        options = [f"{_quote(word)}:*{weight}", *(f"{_quote(v)}{exact}" for v in variants)]
        parts.append(f"({' | '.join(options)})")
    return " & ".join(parts)


class SearchSql:
    """A search as SQL on the service table: ``where`` (with ``where_params``)
    and ``score`` (with ``score_params``), higher is more relevant."""

    def __init__(self, where: str, where_params: list, score: str, score_params: list):
        self.where, self.where_params = where, where_params
        self.score, self.score_params = score, score_params


def search_sql(text: str, *, using: str, service: str) -> SearchSql | None:
    """``text`` as a search on the service table whose quoted name is
    ``service`` (``"catalogue_service"``); None when it has no words."""
    words = query_words(text)
    if not words:
        return None
    connection = connections[using]
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        terms = _pg_terms(connection, words)
        if not terms:
            return None
        document = f"{service}.{quote('search_document')}"
        score = " + ".join(
            f"(CASE WHEN {document} @@ to_tsquery('simple', %s) THEN {points} ELSE 0 END)"
            for _ in terms
            for points in SCORE_WEIGHTS
        )
        score_params = [_pg_tsquery([term], weight) for term in terms for weight in PG_WEIGHTS]
        return SearchSql(
            f"{document} @@ to_tsquery('simple', %s)", [_pg_tsquery(terms)], score, score_params
        )
    folded = [part for word in words for part in words_of(word)]
    if not folded:
        return None
    score = f"{SQLITE_SCORE_FUNCTION}({', '.join(_sqlite_fields(connection, service))}, %s)"
    params = [json.dumps(folded)]
    return SearchSql(f"{score} IS NOT NULL", params, score, params)


def _sqlite_fields(connection, service: str) -> list[str]:
    """The four texts of a service, as SQL, for ``catalogue_search_score``."""
    from catalogue.models import Service, ServiceItem, VendorProfile

    quote = connection.ops.quote_name

    def column(table, model, name):
        return f"{table}.{quote(model._meta.get_field(name).column)}"

    profile, item = quote(VendorProfile._meta.db_table), quote(ServiceItem._meta.db_table)
    vendor = (
        f"(SELECT {column(profile, VendorProfile, 'business_name')} FROM {profile} "  # noqa: S608
        f"WHERE {column(profile, VendorProfile, 'user')} = {column(service, Service, 'vendor')})"
    )
    items = (
        f"(SELECT GROUP_CONCAT({column(item, ServiceItem, 'name')} || ' ' || "  # noqa: S608
        f"{column(item, ServiceItem, 'description')}, ' ') FROM {item} "
        f"WHERE {column(item, ServiceItem, 'service')} = {column(service, Service, 'id')} "
        f"AND {column(item, ServiceItem, 'is_active')} "
        f"AND {column(item, ServiceItem, 'is_available')})"
    )
    rest = " || ' ' || ".join(
        column(service, Service, name) for name in ("description", "category", "location")
    )
    return [column(service, Service, "service_name"), vendor, items, rest]
