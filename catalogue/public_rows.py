"""The public catalogue read as plain rows: services (and one service's items)
as the public sees them, with no model instances and almost no query
compilation.

An uncached service list spent most of its time in Python: compiling the
count and page queries, building three model instances per row, and DRF's
per-field machinery; the querysets still take 1.7-2.1x as long
(docs/BENCHMARKS.md, "The public read path"). Here the statement is put
together once per connection; rows come back as dicts keyed by field name,
converted by the same database converters the ORM applies.

No rule is written again here: the visibility rule, the filters and the
order are compiled by the ORM (``common.sql.where_sql`` / ``order_sql``) from
``selectors.visible_services``, ``api.filters.ServiceFilter.conditions`` and
``selectors.service_order``, the items' rule from ``selectors.listed_items``,
and a search is ``search.search_sql``'s, as for the querysets. Vendors (who
see their own services) go through those querysets;
``catalogue/tests/test_public_rows.py`` compares both paths answer for answer
on both databases, and ``test_one_read_rule.py`` changes each definition and
sees both follow.
"""

from collections.abc import Callable, Iterable, Mapping

from django.db import connections, router
from django.db.models import QuerySet

from catalogue.models import Service, ServiceItem, VendorProfile
from common.sql import order_sql, read_rows, where_sql
from schedule.selectors import calendar_columns, calendar_params
from users.models import User

from .search import search_sql
from .selectors import (
    LOWEST_ITEM_PRICE,
    listed_items,
    lowest_item_price_sql,
    service_order,
    verification_required,
    visible_services,
)
from .sql_rows import SqlTables

# Read with each service, for its public name.
VENDOR_FIELDS = ("first_name", "last_name", "user_type")
PROFILE_FIELDS = ("business_name",)
TOTAL = "matching_total"  # the count column of a page read with its count
SCORE = "search_score"  # the relevance column of a search without ?ordering=


def _using() -> str:
    return router.db_for_read(Service)


class _ServiceSql:
    """The service query of one database: columns, joins and the public rule."""

    def __init__(self, connection):
        tables = self.tables = SqlTables(connection)
        service_fields = [f for f in Service._meta.concrete_fields if f.name != "is_active"]
        self.names = [f.attname for f in service_fields]
        fields = list(service_fields)
        columns = [tables.column(Service, f.name) for f in service_fields]
        for name in VENDOR_FIELDS:
            self.names.append(f"vendor__{name}")
            fields.append(User._meta.get_field(name))
            columns.append(tables.column(User, name))
        for name in PROFILE_FIELDS:
            self.names.append(f"vendor__vendor_profile__{name}")
            fields.append(VendorProfile._meta.get_field(name))
            columns.append(tables.column(VendorProfile, name))
        # Their parameters are taken at each query (calendar_params: today's date).
        for name, sql, _ in calendar_columns(connection, tables.column(Service, "id")):
            self.names.append(name)
            fields.append(None)  # JSON text: no converter
            columns.append(sql)
        # selectors.with_listing: the cheapest available item's price.
        self.names.append(LOWEST_ITEM_PRICE)
        fields.append(ServiceItem._meta.get_field("price"))
        columns.append(lowest_item_price_sql(connection, tables.column(Service, "id")))
        self.converters = tables.converters(fields)
        self.columns = ", ".join(columns)
        service, user, profile = tables.service, tables.user, tables.profile
        self.joins = (
            f"{service} INNER JOIN {user} ON ({tables.column(Service, 'vendor')} = "
            f"{tables.column(User, 'id')}) LEFT OUTER JOIN {profile} ON "
            f"({tables.column(User, 'id')} = {tables.column(VendorProfile, 'user')})"
        )
        # selectors.visible_services (public_service_q) compiled by the ORM: a
        # condition on the service row alone, so a count or a search reads no
        # other table.
        public, self.public_params = where_sql(visible_services())
        self.public = f"({public})"


# What the SQL of one connection is built into, kept on the connection itself:
# connections are per thread, its converters are bound to it, and a cache
# elsewhere would keep closed connections alive.
_BUILT = "_catalogue_public_rows"


def _built(kind):
    """``kind``'s SQL for this connection, built once per value of the
    settings it depends on (``REQUIRE_VENDOR_VERIFICATION`` changes the
    public rule)."""
    connection = connections[_using()]
    per_connection = connection.__dict__.setdefault(_BUILT, {})
    key = (kind, verification_required())
    built = per_connection.get(key)
    if built is None:
        built = per_connection[key] = kind(connection)
    return built


def _sql() -> _ServiceSql:
    return _built(_ServiceSql)


class ServiceRows:
    """Public services matching some conditions, as a sequence Django's
    paginator can page through: ``count()`` and slices run one query each.
    The conditions are on the service row alone, so a count reads that
    table and the indexes of its filters only.

    ``page`` (offset, limit), when the request names one, lets ``count()``
    read that page and the count in one statement; the paginator's slice of
    it then costs nothing. The count is an uncorrelated subquery, computed
    once, unless ``one_pass`` names the Service fields ``order`` sorts by:
    then the matching services are read once, as ids and those fields,
    counted by a window function and cut to the page, and only the page's
    rows are joined to their columns. A search takes its matches from the
    full-text index and must visit every one of them to count them; the
    subquery form visited each twice (the count, then the page's sort), the
    one-pass form once, and only for ids and sort keys. A plain filter keeps
    the subquery: its count walks an index and its page stops after the
    page's rows, which a window function cannot do.
    """

    def __init__(
        self,
        conditions: list[str],
        params: list,
        order: list[str],
        page: tuple[int, int] | None = None,
        *,
        one_pass: Iterable[str] = (),
        ranked: tuple[str, list] | None = None,
    ):
        self.sql = _sql()
        self.one_pass = tuple(one_pass)
        # (SQL, params) of the relevance score ``order`` names as SCORE: a
        # column of the one-pass matches, so a ranked read is always one-pass.
        self.ranked = ranked
        if ranked is not None and not self.one_pass:
            self.one_pass = tuple(name.lstrip("-") for name in Service._meta.ordering)
        self.where = " AND ".join([self.sql.public, *conditions])
        self.params = [*self.sql.public_params, *params]
        self.order = f" ORDER BY {', '.join(order)}" if order else ""
        self.page = page
        self._count: int | None = None
        self._page_rows: list[dict] | None = None

    def _count_sql(self) -> str:
        return f"SELECT COUNT(*) FROM {self.sql.tables.service} WHERE {self.where}"  # noqa: S608

    def count(self) -> int:
        if self._count is None and self.page is not None:
            offset, limit = self.page
            if self.one_pass:
                rows = self._select_counted_in_one_pass(limit, offset)
            else:
                rows = self._select(
                    f"{self.order} LIMIT %s OFFSET %s", [limit, offset], counted=True
                )
            self._page_rows = rows
            if rows:
                self._count = rows[0].pop(TOTAL)
                for row in rows[1:]:
                    del row[TOTAL]
            elif offset == 0:
                self._count = 0
        if self._count is None:
            connection = self.sql.tables.connection
            with connection.cursor() as cursor:
                cursor.execute(self._count_sql(), self.params)
                self._count = cursor.fetchone()[0]
        return self._count

    def __getitem__(self, page: slice) -> list[dict]:
        start, stop = page.start or 0, page.stop
        if stop is not None and stop <= start:
            return []
        if self._page_rows is not None and self.page is not None and start == self.page[0]:
            return self._page_rows[: stop - start]
        if self.ranked is not None:
            rows = self._select_counted_in_one_pass(stop - start, start)
            for row in rows:
                del row[TOTAL]
            return rows
        return self._select(f"{self.order} LIMIT %s OFFSET %s", [stop - start, start])

    def _select(self, tail: str, tail_params: list, *, counted: bool = False) -> list[dict]:
        sql = self.sql
        connection = sql.tables.connection
        columns, params = sql.columns, calendar_params()
        names = sql.names
        if counted:
            columns = f"{columns}, ({self._count_sql()}) AS {TOTAL}"
            params += self.params
            names = [*names, TOTAL]
        return read_rows(
            connection,
            f"SELECT {columns} FROM {sql.joins} WHERE {self.where}{tail}",  # noqa: S608
            [*params, *self.params, *tail_params],
            names,
            sql.converters,
        )

    def _select_counted_in_one_pass(self, limit: int, offset: int) -> list[dict]:
        """One page with the count of every match beside each row (``one_pass``).

        The matches are a derived table named as the service table, so that
        ``order`` sorts them as written. PostgreSQL plans it for all its rows
        (the query above it sorts). Written as one query level, the planner
        would take the window function for a step that can stop after the
        page's rows and walk the newest-first index through every service.
        """
        sql = self.sql
        tables = sql.tables
        service_id = tables.column(Service, "id")
        fields = dict.fromkeys(("id", *self.one_pass))
        columns = [tables.column(Service, name) for name in fields]
        score_params, order = [], self.order
        if self.ranked is not None:
            columns.append(f"{self.ranked[0]} AS {SCORE}")
            score_params = self.ranked[1]
            # The outer query sorts by the page's own score column.
            order = order.replace(f"{tables.service}.{SCORE}", f"page.{SCORE}")
        matches = (
            f"SELECT {', '.join(columns)}, "  # noqa: S608
            f"COUNT(*) OVER () AS {TOTAL} FROM {tables.service} WHERE {self.where}"
        )
        score = f", {tables.service}.{SCORE}" if self.ranked is not None else ""
        page = (
            f"SELECT {service_id} AS id, {tables.service}.{TOTAL}{score} "  # noqa: S608
            f"FROM ({matches}) AS {tables.service}{self.order} LIMIT %s OFFSET %s"
        )
        return read_rows(
            tables.connection,
            f"SELECT {sql.columns}, page.{TOTAL} FROM {sql.joins} "  # noqa: S608
            f"INNER JOIN ({page}) AS page ON ({service_id} = page.id){order}",
            [*calendar_params(), *score_params, *self.params, limit, offset],
            [*sql.names, TOTAL],
            sql.converters,
        )

    def one(self) -> dict | None:
        found = self._select("", [])
        return found[0] if found else None


_ORDERS = "_catalogue_public_orders"


def _order(connection, ordering: tuple) -> str:
    """``selectors.service_order`` as SQL, compiled once per connection and
    ordering (``?ordering=`` names a few fields only)."""
    orders = connection.__dict__.setdefault(_ORDERS, {})
    sql = orders.get(ordering)
    if sql is None:
        sql = orders[ordering] = order_sql(Service.objects.order_by(*service_order(ordering)))
    return sql


_CONDITIONS = "_catalogue_public_conditions"
# Compiled conditions kept per connection; past this many, forgotten at once.
MAX_CONDITIONS = 512


def _conditions(connection, values: Mapping, filtered: Callable[[Mapping], QuerySet]):
    """``filtered(values)``'s conditions as (SQL, params), compiled once per
    connection and set of values: compiling them cost a filtered page more
    than its statement's time on the server (see docs/BENCHMARKS.md)."""
    kept = connection.__dict__.setdefault(_CONDITIONS, {})
    key = tuple(sorted(values.items()))
    found = kept.get(key)
    if found is None:
        if len(kept) >= MAX_CONDITIONS:
            kept.clear()
        found = kept[key] = where_sql(filtered(values))
    return found[0], list(found[1])


def public_service_rows(
    filters: Mapping,
    filtered: Callable[[Mapping], QuerySet[Service]],
    search: str = "",
    ordering: Iterable[tuple[str, bool]] = (),
    page: tuple[int, int] | None = None,
) -> ServiceRows:
    """Public services matching ``filters`` (hashable values by name), as the
    services ``filtered(filters)`` returns filter them on their own rows
    (``api.filters.ServiceFilter.conditions``), and ``search``
    (``search.search_sql``), sorted by ``ordering`` (``selectors.service_order``),
    or by relevance when a search names none; ``page``: the (offset, limit)
    the request asks for, if known (``ServiceRows``). The conditions and the
    order are compiled by the ORM from those definitions, not written again
    here."""
    tables = _sql().tables
    connection = tables.connection
    where, params = _conditions(connection, filters, filtered) if filters else ("", [])
    found = search_sql(search, using=connection.alias, service=tables.service) if search else None
    sql_conditions = [f"({where})"] if where else []
    if found is not None:
        sql_conditions.append(found.where)
        params += found.where_params
    ordering = list(ordering)
    sorted_by = [name.lstrip("-") for name in Service._meta.ordering]
    sorted_by += [field for field, _ in ordering]
    ranked = None
    order = []
    if found is not None and not ordering:
        ranked = (found.score, found.score_params)
        order.append(f"{tables.service}.{SCORE} DESC")  # most relevant first, then newest
    order.append(_order(connection, tuple(ordering)))
    # A search is counted and paged in one pass (ServiceRows).
    return ServiceRows(
        sql_conditions,
        params,
        order,
        page,
        one_pass=sorted_by if found is not None else (),
        ranked=ranked,
    )


def public_service_row(pk: int) -> dict | None:
    """One public service by id, or None."""
    tables = _sql().tables
    return ServiceRows([f"{tables.column(Service, 'id')} = %s"], [pk], []).one()


class _ItemSql:
    """One service's active items (``selectors.listed_items``, compiled), in
    the model's order."""

    def __init__(self, connection):
        tables = SqlTables(connection)
        self.connection = connection
        fields = list(ServiceItem._meta.concrete_fields)
        self.names = [f.attname for f in fields]
        self.converters = tables.converters(fields)
        columns = ", ".join(tables.column(ServiceItem, f.name) for f in fields)
        listed, self.params = where_sql(listed_items())
        self.select = (
            f"SELECT {columns} FROM {tables.item} WHERE "  # noqa: S608
            f"({listed}) AND {tables.column(ServiceItem, 'service')} = %s "
            f"ORDER BY {order_sql(ServiceItem.objects.all())}"
        )


def active_item_rows(service_id: int) -> list[dict]:
    """``selectors.service_items``: a service's active items, as dicts."""
    sql = _built(_ItemSql)
    params = [*sql.params, service_id]
    return read_rows(sql.connection, sql.select, params, sql.names, sql.converters)
